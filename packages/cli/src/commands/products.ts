import { accountDirectory, type CommunityModules, communityProduct } from '@plaza/community';
import { createAccountExports, type PlazaProduct } from '@plaza/kernel';
import { type RewardsServices, rewardsProduct } from '@plaza/rewards';

/** The products this build of Plaza serves; the callbacks hand out their built services (seeding, import). */
export function allProducts(
  onCommunityReady?: (modules: CommunityModules) => void,
  onRewardsReady?: (services: RewardsServices) => void,
): PlazaProduct[] {
  // One list for the process: Community serves the account export, Rewards adds its part to it.
  const accountExports = createAccountExports();
  return [
    communityProduct(onCommunityReady, { accountExports }),
    rewardsProduct({
      ...(onRewardsReady ? { onReady: onRewardsReady } : {}),
      accountExports,
      // The bank console finds cardholders by their Community display names too.
      holderDirectory: accountDirectory,
    }),
  ];
}
