import type { Clock, IdGenerator } from '@plaza/kernel';
import type { Kysely } from 'kysely';
import type { Catalog } from '../program/catalog.ts';
import { catalogOf } from '../program/codec.ts';
import type { StoredProgramSource } from '../program/source.ts';
import type { ProgramStore, RewardsProgramTables } from '../program/store.ts';
import { assertProgramPasses, type Focus } from './validate.ts';

export type ProgramDb = Kysely<RewardsProgramTables>;

/** What one admin change does: the program after it (checked before anything is written) and the writes. */
export interface Change<T> {
  readonly candidate: Catalog;
  readonly focus: Focus | null;
  write(trx: ProgramDb): Promise<unknown>;
  readonly result: T;
}

/** An admin change as the log records it; `make` decides it from the catalog as stored now. */
export interface ChangeRequest<T> {
  readonly kind: string;
  readonly subjectId: string;
  readonly actor: string;
  readonly detail: unknown;
  make(catalog: Catalog, nowMs: number): Change<T>;
}

export interface CommitDeps {
  store: ProgramStore;
  source: StoredProgramSource;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Runs admin changes: in one transaction, move the revision first (on PostgreSQL its row lock
 * queues concurrent changes, so each decides on the last one's result), read the tables, decide,
 * refuse unless the resulting program passes `checkProgram`, write, log; then rebuild this
 * process's snapshot. Other processes see the new revision on their next poll.
 */
export function createCommit({ store, source, clock, ids }: CommitDeps) {
  return async function commit<T>(request: ChangeRequest<T>): Promise<T> {
    const nowMs = clock.nowMs();
    const programId = source.catalog().programId;
    const result = await store.transaction(async (trx) => {
      const revision = await store.bumpRevision(programId, nowMs, trx);
      const rows = await store.load(trx);
      if (!rows) throw new Error('The rewards program tables are empty.');
      const change = request.make(catalogOf(rows, source.current().settings.businessCalendar), nowMs);
      assertProgramPasses(change.candidate, change.focus);
      await change.write(trx);
      await store.insertChange(
        {
          id: ids.next(),
          program_id: programId,
          revision,
          kind: request.kind,
          subject_id: request.subjectId,
          account_id: request.actor,
          detail: JSON.stringify(request.detail),
          at: nowMs,
        },
        trx,
      );
      return change.result;
    });
    await source.reload();
    return result;
  };
}

export type Commit = ReturnType<typeof createCommit>;
