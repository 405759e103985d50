import { createLimiter, type ImageSpec } from './images/render.ts';
import type { PlannedNote } from './plan.ts';

// Notes whose pictures are prepared ahead of the event replay; bounds memory (a few MB) and
// open work. Far enough ahead that the replay rarely waits: pictures are most of the seed's CPU
// time, and the likes, follows and comments between two notes give them time to finish.
const AHEAD = 48;
// Pictures rendered at once, and uploads (re-encoded by the media module) processed at once:
// both run on libuv's pool (4 threads), which argon2 sign-ins share.
const RENDER_CONCURRENCY = 2;
const UPLOAD_CONCURRENCY = 2;

export interface PipelineSteps {
  render(spec: ImageSpec): Promise<Buffer>;
  /** Uploads a note's pictures as its author; answers the media ids in order. */
  upload(note: PlannedNote, pictures: Buffer[]): Promise<string[]>;
  /** Whether the author exists yet, so their uploads can start. */
  authorReady(note: PlannedNote): boolean;
}

/**
 * Renders and uploads each note's pictures ahead of the moment the note is posted, the way a
 * person picks photos before writing. Image work (sharp, on libuv's pool) then overlaps the
 * likes, follows and comments replayed on the event loop in the meantime.
 */
export class NotePipeline {
  private readonly jobs = new Map<number, Promise<string[]>>();
  private cursor = 0;
  private readonly limit = createLimiter(RENDER_CONCURRENCY);
  private readonly uploads = createLimiter(UPLOAD_CONCURRENCY);

  constructor(
    private readonly notes: PlannedNote[],
    private readonly steps: PipelineSteps,
  ) {}

  /** Starts work for upcoming notes whose authors have joined. */
  pump(): void {
    while (this.jobs.size < AHEAD && this.cursor < this.notes.length) {
      const note = this.notes[this.cursor]!;
      if (!this.steps.authorReady(note)) return;
      this.start(note);
      this.cursor += 1;
    }
  }

  /** The media ids for `note`, which must be the next note in order. */
  take(note: PlannedNote): Promise<string[]> {
    if (!this.jobs.has(note.index)) {
      if (this.notes[this.cursor] !== note) throw new Error(`note ${note.index} taken out of order`);
      this.start(note);
      this.cursor += 1;
    }
    const job = this.jobs.get(note.index)!;
    this.jobs.delete(note.index);
    this.pump();
    return job;
  }

  private start(note: PlannedNote): void {
    const job = Promise.all(note.images.map((spec) => this.limit(() => this.steps.render(spec)))).then(
      (pictures) => this.uploads(() => this.steps.upload(note, pictures)),
    );
    // Awaited by take(); this only keeps a failure that happens early from being reported as unhandled.
    job.catch(() => undefined);
    this.jobs.set(note.index, job);
  }
}
