import type { Readable } from 'node:stream';

/**
 * Where a contributor writes its part of an account export. Every method resolves once the
 * download has taken the entry, so a contributor that awaits each call holds one page of rows
 * at a time however large the account is.
 */
export interface ExportSink {
  /** One small JSON document (a fixed-size value, never a list that grows with the account). */
  json(path: string, value: unknown): Promise<void>;
  /** JSON Lines: one row a line, pulled from `rows` only as fast as the download reads. */
  lines(path: string, rows: AsyncIterable<unknown>): Promise<void>;
  /** A stored file's bytes as they are; `open` runs when the download reaches it (undefined: skipped). */
  file(path: string, open: () => Promise<Readable | undefined>): Promise<void>;
}

/**
 * One product's or module's part of `GET /api/v1/me/export`. Products register theirs with the
 * process's `AccountExports`, so Community serves the archive without importing Rewards.
 * Paths are relative to the contributor's own folder in the archive (its `name`).
 */
export interface AccountExportContributor {
  readonly name: string;
  write(accountId: string, sink: ExportSink): Promise<void>;
}

/** The contributors of every product in this process, read when an export starts. */
export interface AccountExports {
  add(contributor: AccountExportContributor): void;
  list(): readonly AccountExportContributor[];
}

export function createAccountExports(): AccountExports {
  const contributors: AccountExportContributor[] = [];
  return {
    add(contributor) {
      if (contributors.some((c) => c.name === contributor.name))
        throw new Error(`Two account export contributors are named ${contributor.name}`);
      contributors.push(contributor);
    },
    list: () => contributors,
  };
}

/** Rows read by keyset pages, oldest first; the next page is read only when the last is used up. */
export async function* keysetRows<Row>(
  readPage: (after: NoInfer<Row> | undefined, limit: number) => Promise<readonly Row[]>,
  pageSize = EXPORT_PAGE_ROWS,
): AsyncGenerator<Row> {
  let after: Row | undefined;
  for (;;) {
    const page = await readPage(after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1];
  }
}

/** Rows per export page: a few hundred kilobytes of JSON at most. */
export const EXPORT_PAGE_ROWS = 500;

/** Each row of `rows` shaped by `present`, for `ExportSink.lines`. */
export async function* mapRows<Row, Out>(
  rows: AsyncIterable<Row>,
  present: (row: Row) => Out | Promise<Out>,
): AsyncGenerator<Out> {
  for await (const row of rows) yield await present(row);
}
