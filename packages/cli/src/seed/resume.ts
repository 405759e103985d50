import type { CommunityModules } from '@plaza/community';
import type { Platform } from '@plaza/kernel';
import { PERSONAS } from './cast.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './run.ts';

/**
 * Erases what a community seed killed half-way left behind, so the next seed starts from an
 * empty community again: each demo account with everything it owns, through the product's
 * own account deletion (every module's erase in one transaction, media files too), so whatever
 * real users did to demo content meanwhile (likes, follows, comments) goes the way it goes
 * when any account is deleted. Only accounts on the demo e-mail domain are touched.
 * Answers how many accounts were erased.
 */
export async function eraseInterruptedSeed(platform: Platform, community: CommunityModules): Promise<number> {
  let erased = 0;
  for (const persona of PERSONAS) {
    const account = await platform.auth.findByHandle(persona.handle);
    if (!account?.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)) continue;
    await community.accounts.deleteAccount(account.id, DEMO_PASSWORD);
    erased += 1;
  }
  return erased;
}
