import { type AuthService, ValidationError } from '@plaza/kernel';
import type { BlocksApi } from './contracts.ts';

/**
 * Mentioned accounts' ids, for a note or a comment by `authorId`: unknown handles and the
 * author stay plain text; mentioning someone across a block is refused.
 */
export async function resolveMentions(
  { auth, blocks }: { auth: Pick<AuthService, 'findByHandle'>; blocks: Pick<BlocksApi, 'eitherBlocks'> },
  authorId: string,
  handles: string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const handle of handles) {
    const account = await auth.findByHandle(handle);
    if (!account || account.id === authorId) continue;
    if (await blocks.eitherBlocks(authorId, account.id)) {
      throw new ValidationError(
        `You cannot mention @${handle}.`,
        [
          {
            field: '/body',
            code: 'cannot_mention',
            params: { handle },
            message: `cannot mention @${handle}`,
          },
        ],
        'mention_blocked',
      );
    }
    found.push(account.id);
  }
  return found;
}
