import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Platform, PlazaApp } from '@plaza/kernel';
import { SeedApi, SeedApiError } from './api.ts';
import { createLimiter, renderJpeg } from './images/render.ts';
import { NotePipeline } from './pipeline.ts';
import {
  buildPlan,
  DEFAULT_SEED_OPTIONS,
  type PlannedNote,
  type SeedEvent,
  type SeedOptions,
  type SeedPlan,
} from './plan.ts';
import type { SeedClock } from './seed-clock.ts';

/** Every demo account signs in with this, so people trying Plaza can look around as anyone. */
export const DEMO_PASSWORD = 'plaza-demo-password';
export const DEMO_EMAIL_DOMAIN = 'demo.plaza.local';

/** Stores a picture as its owner's upload; answers its media id. */
export type UploadPicture = (ownerId: string, bytes: Buffer) => Promise<{ id: string }>;

export interface SeedDeps {
  app: PlazaApp;
  platform: Platform;
  clock: SeedClock;
  /**
   * The media service's own upload. Pictures go to it directly, as accounts go to the auth
   * service: the per-account and per-address upload limits are for people, and the seeder
   * uploads hundreds of pictures from one address; every image rule still applies.
   */
  upload: UploadPicture;
  options?: Partial<SeedOptions>;
  /** The moment the plan is built from; the clock's time when absent. */
  anchorMs?: number;
  /** Told after each event how many accounts and notes exist so far (the plan's totals first). */
  progress?: SeedProgressSink;
}

export interface SeedProgressSink {
  planned(accounts: number, notes: number): void;
  advanced(accounts: number, notes: number): void;
}

// Pictures uploaded at once: the fewest the media module's work pool can take (one worker,
// one waiting), so the seeder is never answered "busy" whatever the settings.
const UPLOADS_AT_ONCE = 2;

export interface SeedSummary {
  accounts: number;
  notes: number;
  images: number;
  follows: number;
  likes: number;
  comments: number;
  collections: number;
  collects: number;
  /** Routes the server did not have; the events needing them were left out. */
  missingRoutes: string[];
  elapsedMs: number;
}

/**
 * Seeds the demo community through the HTTP API, replaying the plan in time order with the
 * clock moved to each moment; the clock goes back to real time at the end, even on failure.
 */
export async function seedDemo(deps: SeedDeps): Promise<SeedSummary> {
  const options = { ...DEFAULT_SEED_OPTIONS, ...deps.options };
  const started = Date.now();
  const plan = buildPlan(deps.anchorMs ?? deps.clock.nowMs(), options);
  const run = new SeedRun(deps, plan, options);
  try {
    await run.execute();
    await run.signOut();
  } finally {
    deps.clock.release();
  }
  return { ...run.counts, missingRoutes: [...run.missingRoutes], elapsedMs: Date.now() - started };
}

class SeedRun {
  readonly counts = {
    accounts: 0,
    notes: 0,
    images: 0,
    follows: 0,
    likes: 0,
    comments: 0,
    collections: 0,
    collects: 0,
  };
  readonly missingRoutes = new Set<string>();
  /** Where the seeding time goes, per kind of event: logged at debug level to tune the demo's size. */
  readonly timingsMs: Record<SeedEvent['kind'], number> = {
    join: 0,
    note: 0,
    follow: 0,
    like: 0,
    comment: 0,
    collect: 0,
  };
  /** Part of the notes' time spent waiting for pictures still being drawn or uploaded. */
  private picturesWaitMs = 0;
  private readonly api: SeedApi;
  private readonly sessions = new Map<
    number,
    { token: string; accountId: string; sessionId: string; at: number }
  >();
  private readonly uploadLimit = createLimiter(UPLOADS_AT_ONCE);
  private readonly noteIds = new Map<number, string>();
  private readonly commentIds = new Map<number, string>();
  private readonly boardIds = new Map<number, string>();
  private readonly pictures: NotePipeline;
  private readonly sessionRefreshMs: number;

  constructor(
    private readonly deps: SeedDeps,
    private readonly plan: SeedPlan,
    private readonly options: SeedOptions,
  ) {
    this.api = new SeedApi(deps.app);
    // Sessions expire on the seeding clock too; sign in again with a tenth of the lifetime to spare.
    this.sessionRefreshMs = deps.platform.config.sessionTtlDays * 86_400_000 * 0.9;
    const notesInOrder = plan.events.flatMap((e) => (e.kind === 'note' ? [plan.notes[e.note]!] : []));
    this.pictures = new NotePipeline(notesInOrder, {
      render: (spec) => renderJpeg(spec, options.imageWidth, options.imageHeight),
      upload: (note, pictures) => this.uploadPictures(note, pictures),
      authorReady: (note) => this.sessions.has(note.author),
    });
  }

  async execute(): Promise<void> {
    const { events } = this.plan;
    const logger = this.deps.platform.logger;
    logger.info(
      { accounts: this.plan.accounts.length, notes: this.plan.notes.length, events: events.length },
      'seeding demo data',
    );
    this.deps.progress?.planned(this.plan.accounts.length, this.plan.notes.length);
    let nextReport = 0.1;
    for (const [i, event] of events.entries()) {
      // One event per turn of the event loop: requests of real users are served in between.
      await nextTurn();
      this.deps.clock.moveTo(event.at);
      this.pictures.pump();
      await this.applyTolerant(event);
      this.deps.progress?.advanced(this.counts.accounts, this.counts.notes);
      if ((i + 1) / events.length >= nextReport) {
        logger.info(
          { done: i + 1, of: events.length, notes: this.counts.notes },
          `seeding demo data: ${Math.round(nextReport * 100)}%`,
        );
        nextReport += 0.1;
      }
    }
    const rounded = Object.fromEntries(Object.entries(this.timingsMs).map(([k, v]) => [k, Math.round(v)]));
    logger.debug(
      { timingsMs: rounded, picturesWaitMs: Math.round(this.picturesWaitMs) },
      'seeding time per kind of event, and how long notes waited for their pictures',
    );
  }

  /** A route not built yet skips its events (reported at the end); any other failure stops seeding. */
  private async applyTolerant(event: SeedEvent): Promise<void> {
    const started = performance.now();
    try {
      await this.apply(event);
      this.timingsMs[event.kind] += performance.now() - started;
    } catch (err) {
      if (!(err instanceof SeedApiError && err.routeMissing)) throw err;
      const route = `${err.method} ${err.url.replace(/\/[0-9a-f-]{36}|\/[a-z0-9_]+(?=\/(follow|block)$)/g, '/:id')}`;
      if (!this.missingRoutes.has(route))
        this.deps.platform.logger.warn({ route }, 'seeding: route missing, skipping');
      this.missingRoutes.add(route);
    }
  }

  private async apply(event: SeedEvent): Promise<void> {
    switch (event.kind) {
      case 'join':
        return this.join(event.account, event.at);
      case 'note':
        return this.note(event.note, event.at);
      case 'follow':
        return this.follow(event);
      case 'like':
        return this.like(event);
      case 'comment':
        return this.comment(event);
      case 'collect':
        return this.collect(event);
    }
  }

  private async token(account: number, at: number): Promise<string> {
    return (await this.session(account, at)).token;
  }

  private async session(account: number, at: number): Promise<{ token: string; accountId: string }> {
    const session = this.sessions.get(account);
    if (session && at - session.at < this.sessionRefreshMs) return session;
    const { handle } = this.plan.accounts[account]!.persona;
    const {
      token,
      sessionId,
      account: signedIn,
    } = await this.deps.platform.auth.logIn(handle, DEMO_PASSWORD);
    const fresh = { token, accountId: signedIn.id, sessionId, at };
    this.sessions.set(account, fresh);
    return fresh;
  }

  private upload(accountId: string, bytes: Buffer): Promise<{ id: string }> {
    return this.uploadLimit(() => this.deps.upload(accountId, bytes));
  }

  /**
   * Signs the seeder out of every demo account: people trying Plaza sign in themselves. Earlier
   * sessions of an account expired on the seeding clock before they were replaced.
   */
  async signOut(): Promise<void> {
    for (const { sessionId } of this.sessions.values()) await this.deps.platform.auth.logOut(sessionId);
    this.sessions.clear();
  }

  private async join(index: number, at: number): Promise<void> {
    const { persona, avatar } = this.plan.accounts[index]!;
    await this.deps.platform.auth.createAccount({
      handle: persona.handle,
      email: `${persona.handle}@${DEMO_EMAIL_DOMAIN}`,
      password: DEMO_PASSWORD,
      language: persona.language,
    });
    this.counts.accounts += 1;
    const { token, accountId } = await this.session(index, at);
    const size = this.options.avatarSize;
    const picture = await this.upload(accountId, await renderJpeg(avatar, size, size));
    await this.api.json('PATCH', '/api/v1/me', token, {
      displayName: persona.displayName,
      bio: persona.bio,
      avatarMediaId: picture.id,
    });
  }

  private async note(index: number, at: number): Promise<void> {
    const note = this.plan.notes[index]!;
    const asked = performance.now();
    const mediaIds = await this.pictures.take(note);
    this.picturesWaitMs += performance.now() - asked;
    const token = await this.token(note.author, at);
    const created = await this.api.json<{ id: string }>('POST', '/api/v1/notes', token, {
      title: note.title,
      body: note.body,
      topics: note.topics,
      mediaIds,
    });
    this.noteIds.set(index, created.id);
    this.counts.notes += 1;
  }

  /** Runs ahead of the note's moment, on whatever the clock says then: photos are picked before posting. */
  private async uploadPictures(note: PlannedNote, pictures: Buffer[]): Promise<string[]> {
    const { accountId } = await this.session(note.author, this.deps.clock.nowMs());
    const uploads = await Promise.all(pictures.map((bytes) => this.upload(accountId, bytes)));
    this.counts.images += uploads.length;
    return uploads.map((u) => u.id);
  }

  private async follow(event: Extract<SeedEvent, { kind: 'follow' }>): Promise<void> {
    const token = await this.token(event.account, event.at);
    const { handle } = this.plan.accounts[event.target]!.persona;
    await this.api.json('POST', `/api/v1/accounts/${handle}/follow`, token);
    this.counts.follows += 1;
  }

  private async like(event: Extract<SeedEvent, { kind: 'like' }>): Promise<void> {
    const noteId = this.noteIds.get(event.note);
    if (!noteId) return;
    await this.api.json('POST', `/api/v1/notes/${noteId}/like`, await this.token(event.account, event.at));
    this.counts.likes += 1;
  }

  private async comment(event: Extract<SeedEvent, { kind: 'comment' }>): Promise<void> {
    const noteId = this.noteIds.get(event.note);
    const parentId = event.parent === null ? undefined : this.commentIds.get(event.parent);
    if (!noteId || (event.parent !== null && !parentId)) return;
    const token = await this.token(event.account, event.at);
    const payload = parentId ? { body: event.body, parentId } : { body: event.body };
    const created = await this.api.json<{ id: string }>(
      'POST',
      `/api/v1/notes/${noteId}/comments`,
      token,
      payload,
    );
    this.commentIds.set(event.comment, created.id);
    this.counts.comments += 1;
  }

  private async collect(event: Extract<SeedEvent, { kind: 'collect' }>): Promise<void> {
    const noteId = this.noteIds.get(event.note);
    if (!noteId) return;
    const token = await this.token(event.account, event.at);
    let boardId = this.boardIds.get(event.board);
    if (!boardId) {
      const board = this.plan.boards.find((b) => b.index === event.board)!;
      const created = await this.api.json<{ id: string }>('POST', '/api/v1/collections', token, {
        name: board.name,
        ...(board.description ? { description: board.description } : {}),
        private: board.private,
      });
      boardId = created.id;
      this.boardIds.set(event.board, boardId);
      this.counts.collections += 1;
    }
    await this.api.json('POST', `/api/v1/notes/${noteId}/collect`, token, { collectionId: boardId });
    this.counts.collects += 1;
  }
}
