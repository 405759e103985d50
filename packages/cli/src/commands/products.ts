import { type CommunityModules, communityProduct } from '@plaza/community';
import type { PlazaProduct } from '@plaza/kernel';
import { type RewardsServices, rewardsProduct } from '@plaza/rewards';

/** The products this build of Plaza serves; the callbacks hand out their built services (seeding, import). */
export function allProducts(
  onCommunityReady?: (modules: CommunityModules) => void,
  onRewardsReady?: (services: RewardsServices) => void,
): PlazaProduct[] {
  return [
    communityProduct(onCommunityReady),
    rewardsProduct(onRewardsReady ? { onReady: onRewardsReady } : {}),
  ];
}
