import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import type { BlocksApi, NotesApi, SocialApi } from '../contracts.ts';
import { onEvent } from '../events.ts';
import { createCardWriter } from './card-json.ts';
import { createEngagementSource, type DiscoverSource } from './discover.ts';
import { discoverFirstScreen } from './first-screen.ts';
import { createTimelineHeads, DEFAULT_HEADS, type HeadOptions } from './heads.ts';
import { registerFeedRoutes } from './routes.ts';
import { createFeedService, type TopicStats } from './service.ts';
import { createSnapshots, DEFAULT_SNAPSHOT_OPTIONS, type SnapshotOptions } from './snapshots.ts';
import { createFeedStore, type FeedTables } from './store.ts';
import { createTimelineWriter, DEFAULT_TIMELINE_OPTIONS, type TimelineOptions } from './timeline.ts';

export interface FeedModuleDeps {
  notes: NotesApi;
  social: SocialApi;
  blocks: BlocksApi;
  topicStats?: TopicStats;
  /** Replaces the engagement ranking (a fairness-aware recommender, for one). */
  discoverSource?: DiscoverSource;
  timeline?: Partial<TimelineOptions>;
  snapshots?: Partial<SnapshotOptions>;
  heads?: Partial<HeadOptions>;
}

export function createFeedModule(platform: Platform, deps: FeedModuleDeps) {
  const store = createFeedStore(tables<FeedTables>(platform));
  const heads = createTimelineHeads(
    store,
    platform.clock,
    { ...DEFAULT_HEADS, ...deps.heads },
    (err) => platform.logger.warn({ err }, 'timeline head refresh failed'),
    platform.invalidations,
  );
  const writer = createTimelineWriter(
    store,
    deps.notes,
    deps.social,
    { ...DEFAULT_TIMELINE_OPTIONS, ...deps.timeline },
    heads.forget,
  );
  const { bus } = platform;
  onEvent(bus, 'note.published', writer.onNotePublished);
  onEvent(bus, 'note.deleted', writer.onNoteDeleted);
  onEvent(bus, 'follow.created', writer.onFollowCreated);
  onEvent(bus, 'follow.deleted', writer.onFollowDeleted);
  onEvent(bus, 'block.created', writer.onBlockCreated);
  onEvent(bus, 'account.deleted', writer.onAccountDeleted);

  const snapshotOptions = { ...DEFAULT_SNAPSHOT_OPTIONS, ...deps.snapshots };
  const source = deps.discoverSource ?? createEngagementSource(deps.notes);
  const service = createFeedService({
    store,
    heads,
    notes: deps.notes,
    blocks: deps.blocks,
    auth: platform.auth,
    snapshots: createSnapshots(store, source, platform.clock, platform.ids, snapshotOptions, platform.logger),
    discoverEntriesMax: snapshotOptions.entriesMax,
    ...(deps.topicStats ? { topicStats: deps.topicStats } : {}),
  });
  const cards = createCardWriter();
  return {
    service,
    register: async (app: PlazaApp) => {
      registerFeedRoutes(app, service, cards);
      // The home page arrives with its first cards in it (kernel `firstScreen`).
      app.firstScreen('/', discoverFirstScreen(service, cards));
    },
  };
}
