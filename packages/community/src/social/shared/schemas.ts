import { IdParam } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';

/** Response shapes shared by the social routes; they mirror the types in contracts.ts. */
export const AuthorViewSchema = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  displayName: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
});

const ImageViewSchema = Type.Object({
  id: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  urls: Type.Record(Type.String(), Type.String()),
});

export const TextLanguageSchema = Type.Union([
  Type.Literal('zh-Hant'),
  Type.Literal('zh-Hans'),
  Type.Literal('en'),
  Type.Literal('other'),
]);

export const NoteViewSchema = Type.Object({
  id: Type.String(),
  author: AuthorViewSchema,
  title: Type.String(),
  body: Type.String(),
  language: TextLanguageSchema,
  topics: Type.Array(Type.String()),
  mentions: Type.Array(Type.String()),
  images: Type.Array(ImageViewSchema),
  status: Type.Union([Type.Literal('published'), Type.Literal('draft')]),
  likeCount: Type.Integer(),
  collectCount: Type.Integer(),
  commentCount: Type.Integer(),
  createdAt: Type.Integer(),
  updatedAt: Type.Integer(),
  viewer: Type.Union([Type.Object({ liked: Type.Boolean(), collected: Type.Boolean() }), Type.Null()]),
});

export const HandleParams = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 30 }) });
export const IdParams = Type.Object({ id: IdParam });
