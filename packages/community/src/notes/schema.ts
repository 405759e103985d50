import { Body, IdParam } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import { ImageViewSchema } from '../media/schema.ts';
import { IMAGES_MAX, IMAGES_MIN } from './input.ts';
import { TOPICS_MAX } from './text.ts';

// Generous outer bounds that stop absurd payloads early (a 10,000-character title); the
// exact rules (title counted as RedNote counts, body in characters) are the service's.
const TitleText = Type.String({ maxLength: 200 });
const BodyText = Type.String({ maxLength: 5000 });
const MediaIds = Type.Array(IdParam, { minItems: IMAGES_MIN, maxItems: IMAGES_MAX });
const Topics = Type.Array(Type.String({ maxLength: 64 }), { maxItems: TOPICS_MAX });
const Status = Type.Union([Type.Literal('published'), Type.Literal('draft')]);

export const CreateNoteBody = Body({
  title: TitleText,
  body: Type.Optional(BodyText),
  mediaIds: MediaIds,
  topics: Type.Optional(Topics),
  status: Type.Optional(Status),
});

export const PatchNoteBody = Body({
  title: Type.Optional(TitleText),
  body: Type.Optional(BodyText),
  mediaIds: Type.Optional(MediaIds),
  topics: Type.Optional(Topics),
  status: Type.Optional(Status),
});

export const NoteParams = Type.Object({ id: IdParam });

const AuthorViewSchema = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  displayName: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
});

/** `NoteView` in contracts.ts. */
export const NoteViewSchema = Type.Object({
  id: Type.String(),
  author: AuthorViewSchema,
  title: Type.String(),
  body: Type.String(),
  language: Type.Union([
    Type.Literal('zh-Hant'),
    Type.Literal('zh-Hans'),
    Type.Literal('en'),
    Type.Literal('other'),
  ]),
  topics: Type.Array(Type.String()),
  mentions: Type.Array(Type.String()),
  images: Type.Array(ImageViewSchema),
  status: Status,
  likeCount: Type.Integer(),
  collectCount: Type.Integer(),
  commentCount: Type.Integer(),
  createdAt: Type.Integer(),
  updatedAt: Type.Integer(),
  viewer: Type.Union([Type.Object({ liked: Type.Boolean(), collected: Type.Boolean() }), Type.Null()]),
});

/** `NoteCard` in contracts.ts: a published note as a grid of cards shows it. */
export const NoteCardSchema = Type.Object({
  id: Type.String(),
  author: Type.Object({
    handle: Type.String(),
    displayName: Type.String(),
    avatarUrl: Type.Union([Type.String(), Type.Null()]),
  }),
  title: Type.String(),
  cover: Type.Union([
    Type.Object({ url: Type.String(), width: Type.Integer(), height: Type.Integer() }),
    Type.Null(),
  ]),
  likeCount: Type.Integer(),
  liked: Type.Union([Type.Boolean(), Type.Null()]),
});
