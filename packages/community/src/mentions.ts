import { type AuthService, ValidationError } from '@plaza/kernel';
import type { BlocksApi } from './contracts.ts';

/**
 * Mentioned accounts' ids, for a note or a comment by `authorId`: unknown handles and the
 * author stay plain text. Mentioning an account the author blocks is refused (the author knows,
 * and unblocking is the way on). An account that blocks the author stays plain text too: the
 * text is accepted, no mention is linked and the blocker is never told, so the block does not
 * reveal itself to the author.
 */
export async function resolveMentions(
  { auth, blocks }: { auth: Pick<AuthService, 'findByHandle'>; blocks: Pick<BlocksApi, 'blocks'> },
  authorId: string,
  handles: string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const handle of handles) {
    const account = await auth.findByHandle(handle);
    if (!account || account.id === authorId) continue;
    if (await blocks.blocks(authorId, account.id)) {
      throw new ValidationError(
        `You block @${handle}: unblock them first to mention them.`,
        [
          {
            field: '/body',
            code: 'mention_you_block',
            params: { handle },
            message: `you block @${handle}`,
          },
        ],
        'mention_blocked',
      );
    }
    if (await blocks.blocks(account.id, authorId)) continue;
    found.push(account.id);
  }
  return found;
}
