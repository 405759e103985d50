import { ForbiddenError } from '@plaza/kernel';
import type { BlocksApi } from '../../contracts.ts';

/** The viewer's own block stands between them and `what`; they know of it, so it is named. */
export function blockedError(what: string): ForbiddenError {
  return new ForbiddenError(`You block this account: unblock it first to ${what}.`, 'blocked');
}

/**
 * Refuses acting on `otherId` across a block, by who blocked whom. The viewer's own block is a
 * 403 `blocked` (unblocking is the way on). A block by the other account throws `missing()`, the
 * very error a missing account gets, so a block never reveals itself to the one it blocks.
 */
export async function refuseAcrossBlock(
  blocks: Pick<BlocksApi, 'blocks'>,
  viewerId: string,
  otherId: string,
  missing: () => Error,
  what: string,
): Promise<void> {
  if (await blocks.blocks(viewerId, otherId)) throw blockedError(what);
  if (await blocks.blocks(otherId, viewerId)) throw missing();
}
