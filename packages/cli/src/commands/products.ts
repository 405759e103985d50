import { type CommunityModules, communityProduct } from '@plaza/community';
import type { PlazaProduct } from '@plaza/kernel';
import { rewardsProduct } from '@plaza/rewards';

/** The products this build of Plaza serves. */
export function allProducts(onCommunityReady?: (modules: CommunityModules) => void): PlazaProduct[] {
  return [communityProduct(onCommunityReady), rewardsProduct()];
}
