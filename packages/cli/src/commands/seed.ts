import type { CommunityModules } from '@plaza/community';
import type { Platform } from '@plaza/kernel';

/** Seeds the demo community when the database holds no one but the admin. */
export async function seedDemoIfEmpty(platform: Platform, _community: CommunityModules): Promise<void> {
  platform.logger.info('demo data seeding is not built yet');
}
