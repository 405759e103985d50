import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import type { BlocksApi, NotesApi, ProfilesApi } from '../contracts.ts';
import { onEvent } from '../events.ts';
import { createCollectService } from './collections/collect-service.ts';
import { registerCollectionsRoutes } from './collections/routes.ts';
import { createCollectionsService } from './collections/service.ts';
import { createCollectionsStore } from './collections/store.ts';
import { registerCommentLikesRoutes } from './comments/like-routes.ts';
import { createCommentLikesService } from './comments/likes-service.ts';
import { createCommentLikesStore } from './comments/likes-store.ts';
import { registerCommentsRoutes } from './comments/routes.ts';
import { createCommentsService, type DetectLanguage } from './comments/service.ts';
import { createCommentsStore } from './comments/store.ts';
import { registerFollowsRoutes } from './follows/routes.ts';
import { createFollowsService } from './follows/service.ts';
import { createFollowsStore } from './follows/store.ts';
import { createLikedState } from './liked-state.ts';
import { registerLikesRoutes } from './likes/routes.ts';
import { createLikesService } from './likes/service.ts';
import { createLikesStore } from './likes/store.ts';
import { createOwnNotesContributor } from './own-notes.ts';
import type { SocialTables } from './shared/tables.ts';
import { createViewerStateProvider } from './viewer-state.ts';

export interface SocialModuleDeps {
  notes: NotesApi;
  blocks: BlocksApi;
  profiles: ProfilesApi;
  /** The language of user text, shared with notes so both judge text the same way. */
  detectLanguage: DetectLanguage;
}

/** Follows, likes, collections and comments; answers `SocialApi` as `service`. */
export function createSocialModule(
  platform: Platform,
  { notes, blocks, profiles, detectLanguage }: SocialModuleDeps,
) {
  const db = tables<SocialTables>(platform);
  const { auth, clock, ids, bus } = platform;
  const follows = createFollowsService({ store: createFollowsStore(db), auth, blocks, profiles, clock, bus });
  const likesStore = createLikesStore(db);
  const likedState = createLikedState(
    likesStore,
    clock,
    undefined,
    (err) => platform.logger.warn({ err }, 'liked state refresh failed'),
    platform.invalidations,
  );
  const likes = createLikesService({
    store: likesStore,
    notes,
    blocks,
    clock,
    bus,
    onLikesChanged: likedState.forget,
  });
  const collectionsStore = createCollectionsStore(db);
  const boards = createCollectionsService({
    store: collectionsStore,
    notes,
    blocks,
    profiles,
    auth,
    clock,
    ids,
  });
  const collect = createCollectService({ store: collectionsStore, boards, notes, blocks, clock, bus });
  const commentsStore = createCommentsStore(db);
  const commentLikes = createCommentLikesService({
    store: createCommentLikesStore(db),
    comments: commentsStore,
    ...{ notes, blocks, clock, bus },
  });
  const comments = createCommentsService({
    store: commentsStore,
    likedAmong: commentLikes.likedAmong,
    ...{ notes, blocks, profiles, auth, clock, ids, bus, detectLanguage },
  });

  notes.setViewerStateProvider(createViewerStateProvider(db));
  notes.setLikedStateProvider(likedState.provider);

  onEvent(bus, 'block.created', (event) => follows.onBlock(event));
  onEvent(bus, 'note.deleted', async (event) => {
    await likes.onNoteDeleted(event);
    await collect.onNoteDeleted(event);
    await comments.onNoteDeleted(event);
  });
  // Account deletion erases notes without `note.deleted`; this does the same cleanup in its transaction.
  const ownNotes = createOwnNotesContributor(notes, [
    likes.onNotesDeleted,
    collect.onNotesDeleted,
    comments.onNotesDeleted,
  ]);

  return {
    /** SocialApi plus the follow routes' operations. */
    service: follows,
    likes,
    collections: boards,
    collect,
    comments,
    /** Must run before the notes contributor: `ownNotes` finds the notes through NotesApi. */
    contributors: [
      follows.contributor,
      likes.contributor,
      collect.contributor,
      comments.contributor,
      commentLikes.contributor,
      ownNotes,
    ],
    async register(app: PlazaApp) {
      registerFollowsRoutes(app, follows);
      registerLikesRoutes(app, likes);
      registerCollectionsRoutes(app, boards, collect);
      registerCommentsRoutes(app, comments);
      registerCommentLikesRoutes(app, commentLikes);
    },
  };
}

export type SocialModule = ReturnType<typeof createSocialModule>;
