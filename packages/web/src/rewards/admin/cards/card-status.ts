import type { AdminCardView, FlagDecision } from '../../api/admin-card-types.ts';
import type { CatalogView } from '../../api/admin-types.ts';

/** A flag held (or to be held) over `[from, until)`; until null while no revocation is decided. */
export interface FlagRun {
  flag: string;
  from: string;
  until: string | null;
}

/**
 * The runs of every flag from its decisions, as the server reads them: for one effective date
 * the later decision wins (a correction before it took effect); a grant opens a run, a revoke
 * closes it.
 */
export function flagRuns(history: readonly FlagDecision[]): FlagRun[] {
  const byFlag = new Map<string, Map<string, FlagDecision>>();
  for (const decision of history) {
    const dates = byFlag.get(decision.flag) ?? new Map<string, FlagDecision>();
    dates.set(decision.effectiveFrom, decision);
    byFlag.set(decision.flag, dates);
  }
  const runs: FlagRun[] = [];
  for (const [flag, dates] of byFlag) {
    let open: string | null = null;
    const ordered = [...dates.values()].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    for (const { action, effectiveFrom } of ordered) {
      if (action === 'grant' && open === null) open = effectiveFrom;
      if (action === 'revoke' && open !== null) {
        runs.push({ flag, from: open, until: effectiveFrom });
        open = null;
      }
    }
    if (open !== null) runs.push({ flag, from: open, until: null });
  }
  return runs;
}

/**
 * The flags the card holds today or will hold, with the end a decided revocation gives them.
 * Which runs count "today" is the server's call (its `flags`), so the browser's clock never
 * decides it.
 */
export function currentFlags(card: Pick<AdminCardView, 'flags' | 'flagHistory'>): FlagRun[] {
  const runs = flagRuns(card.flagHistory);
  return card.flags.map(({ flag, from, until }) => ({
    flag,
    from,
    // The server's own end when it says one; else the revocation its decisions hold.
    until:
      until !== undefined ? until : (runs.find((r) => r.flag === flag && r.from === from)?.until ?? null),
  }));
}

/** The flags the program's plans ask for (e.g. `kids`), to suggest when granting one. */
export function flagsInProgram(catalog: CatalogView | undefined): string[] {
  const flags = new Set<string>();
  for (const plan of catalog?.plans ?? [])
    for (const version of plan.versions)
      if (version.eligibility.kind === 'flag' && version.eligibility.flag)
        flags.add(version.eligibility.flag);
  return [...flags].sort();
}
