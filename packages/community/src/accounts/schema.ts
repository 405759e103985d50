import { Body } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';

const Count = Type.Integer({ minimum: 0 });

export const MeSchema = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  email: Type.String(),
  role: Type.String(),
  language: Type.String(),
  displayName: Type.String(),
  bio: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Integer(),
  followerCount: Count,
  followingCount: Count,
  noteCount: Count,
  likesAndCollects: Count,
  unreadNotifications: Type.Integer(),
});

export const PublicProfileSchema = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  displayName: Type.String(),
  bio: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  language: Type.String(),
  createdAt: Type.Integer(),
  followerCount: Count,
  followingCount: Count,
  noteCount: Count,
  /** Likes and collects received over the account's published notes. */
  likesAndCollects: Count,
  viewer: Type.Union([
    Type.Object({ following: Type.Boolean(), followsYou: Type.Boolean(), blocking: Type.Boolean() }),
    Type.Null(),
  ]),
});

// Loose outer bounds stop huge strings early; the exact rules (and all-fields-at-once
// messages) live in profile-input.ts.
export const UpdateMeBody = Body({
  displayName: Type.Optional(Type.String({ maxLength: 200 })),
  bio: Type.Optional(Type.String({ maxLength: 2000 })),
  avatarMediaId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  language: Type.Optional(Type.String({ maxLength: 16 })),
});

export const DeleteMeBody = Body({ password: Type.String({ minLength: 1, maxLength: 1000 }) });

export const HandleParams = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 30 }) });
