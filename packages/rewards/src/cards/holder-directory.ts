import type { AuthService } from '@plaza/kernel';

/** Who holds a card, as the console shows it. */
export interface HolderIdentity {
  /** null when the account is gone. */
  readonly handle: string | null;
  /** The name the holder shows in Plaza; null when none is set or no directory knows names. */
  readonly displayName: string | null;
}

/**
 * Where Rewards learns who its cardholders are. Accounts and handles are the kernel's; display
 * names belong to whatever product keeps profiles (Community), which the process wiring passes
 * in, so Rewards never reads another product's tables and still runs alone.
 */
export interface HolderDirectory {
  /**
   * Accounts a console search names: the exact handle, or (with names) a display name starting
   * with `text`, case-insensitively. At most `limit`; `truncated` when more matched.
   */
  matching(text: string, limit: number): Promise<{ accountIds: string[]; truncated: boolean }>;
  /** The identity of each account; an unknown id is absent. */
  identities(accountIds: readonly string[]): Promise<Map<string, HolderIdentity>>;
}

/** The kernel's accounts alone: exact handles, no display names (Rewards served without Community). */
export function accountsHolderDirectory(auth: AuthService): HolderDirectory {
  return {
    async matching(text) {
      const account = await auth.findByHandle(text);
      return { accountIds: account ? [account.id] : [], truncated: false };
    },
    async identities(accountIds) {
      const accounts = accountIds.length === 0 ? [] : await auth.findByIds([...accountIds]);
      return new Map(accounts.map((a) => [a.id, { handle: a.handle, displayName: null }]));
    },
  };
}
