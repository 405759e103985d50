import { type AccountExports, createAccountExports, type Platform, type PlazaApp } from '@plaza/kernel';
import { createAccountsModule, createProfilesModule } from './accounts/module.ts';
import { createBlocksModule } from './blocks/module.ts';
import type { AccountDataContributor } from './contracts.ts';
import { createFeedModule } from './feed/module.ts';
import { createMediaModule } from './media/module.ts';
import { detectLanguage } from './notes/language.ts';
import { createNotesModule } from './notes/module.ts';
import { createNotificationsModule } from './notifications/module.ts';
import { createSearchModule } from './search/module.ts';
import { createSocialModule } from './social/module.ts';

/**
 * Builds every Community module in dependency order and wires them through their APIs.
 * The one place that knows all modules; each module knows only the contracts it needs.
 */
export function createCommunityModules(
  platform: Platform,
  options: { accountExports?: AccountExports | undefined } = {},
) {
  const contributors: AccountDataContributor[] = [];
  const blocks = createBlocksModule(platform);
  contributors.push(blocks.service.contributor);
  const media = createMediaModule(platform);
  contributors.push(media.service.contributor);
  const profiles = createProfilesModule(platform, { media: media.service });
  const notes = createNotesModule(platform, {
    media: media.service,
    blocks: blocks.service,
    profiles: profiles.service,
  });
  const social = createSocialModule(platform, {
    notes: notes.service,
    blocks: blocks.service,
    profiles: profiles.service,
    detectLanguage,
  });
  contributors.push(...social.contributors);
  // After social's: the notes contributor erases notes without publishing `note.deleted`, so
  // social must first find them (NotesApi.listByAuthor) and remove others' likes, board
  // entries and comments on them in the same transaction.
  contributors.push(notes.service.contributor);
  const notifications = createNotificationsModule(platform, {
    profiles: profiles.service,
    blocks: blocks.service,
    notes: notes.service,
    commentTexts: social.comments.texts,
  });
  contributors.push(notifications.service.contributor);
  const search = createSearchModule(platform, {
    notes: notes.service,
    profiles: profiles.service,
    blocks: blocks.service,
  });
  contributors.push(search.contributor);
  const feed = createFeedModule(platform, {
    notes: notes.service,
    social: social.service,
    blocks: blocks.service,
    topicStats: search.service,
  });
  // The archive starts with the profile, then each module in the order above; other products'
  // contributors (Rewards) are added to the same list by their own product.
  const exports = options.accountExports ?? createAccountExports();
  for (const contributor of [profiles.service.contributor, ...contributors]) exports.add(contributor);
  // Built last: /me and profiles show every module's counts; its erase runs all contributors.
  const accounts = createAccountsModule(platform, {
    profiles,
    blocks: blocks.service,
    social: social.service,
    notes: notes.service,
    notifications: notifications.service,
    contributors,
    exports,
  });

  const all = [blocks, media, notes, social, notifications, search, feed, accounts];
  return {
    blocks: blocks.service,
    profiles: profiles.service,
    notifications: notifications.service,
    accounts: accounts.service,
    exporter: accounts.exporter,
    media: media.service,
    notes: notes.service,
    social,
    feed: feed.service,
    search: search.service,
    contributors,
    async register(app: PlazaApp) {
      for (const module of all) await module.register(app);
    },
  };
}

export type CommunityModules = ReturnType<typeof createCommunityModules>;
