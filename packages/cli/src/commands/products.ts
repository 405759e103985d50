import { type CommunityModules, communityProduct } from '@plaza/community';
import type { PlazaProduct } from '@plaza/kernel';

/** The products this build of Plaza serves. */
export function allProducts(onCommunityReady?: (modules: CommunityModules) => void): PlazaProduct[] {
  return [communityProduct(onCommunityReady)];
}
