import { dialectOf, type Platform, tables } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';
import type { AccountsTables } from './store.ts';

interface DirectoryTables extends AccountsTables {
  accounts: { id: string; handle: string };
}

/** A handle or display name, as another product (Rewards' bank console) shows an account. */
export interface AccountIdentity {
  readonly handle: string | null;
  readonly displayName: string | null;
}

/** Escapes LIKE's wildcards so a name is matched as written. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The highest code point: `text` then it sorts after every string that starts with `text`. */
const AFTER_PREFIX = '\u{10FFFF}';

/**
 * Accounts by handle or display name for the other products of the process (the bank console
 * finds cardholders with it), so they never read Community's tables. One indexed query each.
 */
export function createAccountDirectory(db: Kysely<DirectoryTables>) {
  const postgres = dialectOf(db) === 'postgres';
  return {
    /** The exact handle, and display names starting with `text` (case-insensitive); at most `limit`. */
    async matching(text: string, limit: number): Promise<{ accountIds: string[]; truncated: boolean }> {
      const key = text.trim().toLowerCase();
      if (key === '') return { accountIds: [], truncated: false };
      const named = db
        .selectFrom('profiles')
        .select('account_id as id')
        .where(
          postgres
            ? sql<boolean>`lower(display_name) like ${likePrefix(key)}`
            : sql<boolean>`lower(display_name) >= ${key} and lower(display_name) < ${key + AFTER_PREFIX}`,
        )
        .orderBy('account_id')
        .limit(limit + 1);
      const [byHandle, byName] = await Promise.all([
        db.selectFrom('accounts').select('id').where('handle', '=', key).execute(),
        named.execute(),
      ]);
      const ids = [...new Set([...byHandle, ...byName].map((r) => r.id))];
      return { accountIds: ids.slice(0, limit), truncated: ids.length > limit };
    },
    /** Handle and display name of each known account. */
    async identities(accountIds: readonly string[]): Promise<Map<string, AccountIdentity>> {
      if (accountIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('accounts')
        .leftJoin('profiles', 'profiles.account_id', 'accounts.id')
        .select(['accounts.id', 'accounts.handle', 'profiles.display_name'])
        .where('accounts.id', 'in', [...accountIds])
        .execute();
      return new Map(rows.map((r) => [r.id, { handle: r.handle, displayName: r.display_name ?? null }]));
    },
  };
}

/** The directory over a platform's database, for the process wiring (`cli/commands/products.ts`). */
export const accountDirectory = (platform: Platform) =>
  createAccountDirectory(tables<DirectoryTables>(platform));
