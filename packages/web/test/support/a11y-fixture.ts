import { taipeiInstant } from '@plaza/rewards';
import { PASSWORD } from './pages.ts';
import { BANK_ADMIN, HOLDER, type RewardsPlaza, startRewardsPlaza } from './rewards-fixture.ts';
import { SeedClient, seedDemoNotes } from './seed.ts';

// The discover feed re-ranks every 2 minutes of server time (feed/snapshots.ts).
const DISCOVER_REFRESH_MS = 121_000;

/** A page to audit: a name for reports and screenshots, its address, and who must be signed in. */
export interface AuditedPage {
  name: string;
  path: string;
  as: 'nobody' | 'holder' | 'admin';
}

export interface A11yPlaza {
  rewards: RewardsPlaza;
  /** Every page of both products, with the data each needs to show more than an empty state. */
  pages: AuditedPage[];
  /** A note by someone else that the holder has collected and commented on. */
  noteId: string;
  /** A note by someone else that the holder has not collected. */
  otherNoteId: string;
}

async function sessionToken(baseUrl: string, login: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`logging in as ${login} failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** A plan switch and a settled purchase, so the card app's lists are not empty. */
async function cardActivity(rewards: RewardsPlaza): Promise<void> {
  const cardId = rewards.card.id;
  const switched = await rewards.holderCall('PUT', `/api/rewards/v1/cards/${cardId}/plan`, {
    planId: 'dining',
  });
  if (switched.status !== 200) throw new Error(`plan switch failed: ${JSON.stringify(switched.body)}`);
  rewards.plaza.clock.set(taipeiInstant('2026-03-12', '10:00'));
  const posted = await rewards.adminCall('POST', '/api/rewards/v1/events', {
    id: 'a11y-settle-0001',
    type: 'settlement',
    amount: 300_000,
    currency: 'TWD',
    billedAmountTwd: 300_000,
    merchant: { id: 'shin-kong-mitsukoshi', name: '新光三越 信義新天地', mcc: '5311', country: 'TW' },
    transactionAt: '2026-03-10T18:00:00+08:00',
    settledAt: '2026-03-12T09:00:00+08:00',
    cardId,
  });
  if (posted.status !== 201) throw new Error(`settlement failed: ${JSON.stringify(posted.body)}`);
}

/**
 * Plaza with Community and Rewards, the demo notes, and a cardholder who posts, follows,
 * collects into a board and has notifications, so that every page has its real content.
 */
export async function startA11yPlaza(): Promise<A11yPlaza> {
  const rewards = await startRewardsPlaza({ name: 'sqlite', url: 'sqlite::memory:' });
  const { baseUrl } = rewards.plaza;
  await seedDemoNotes(baseUrl);
  const holder = new SeedClient(baseUrl, await sessionToken(baseUrl, HOLDER));
  const photo = await holder.upload(360, 480, [250, 220, 200], [200, 90, 60]);
  const own = await holder.note('週末的咖啡地圖', '三家安靜的小店 #咖啡', ['咖啡'], [photo]);
  await holder.follow('mei_tw');
  const fan = new SeedClient(baseUrl, await sessionToken(baseUrl, 'sam_oh'));
  await fan.like(own.id);
  await fan.follow(HOLDER);
  const discover = await (await fetch(`${baseUrl}/api/v1/feed/discover`)).json();
  const [noteId, otherNoteId] = (discover as { items: { id: string }[] }).items
    .filter((n) => n.id !== own.id)
    .map((n) => n.id);
  if (!noteId || !otherNoteId) throw new Error('the demo notes are missing from discover');
  const board = (
    await rewards.holderCall<{ id: string }>('POST', '/api/v1/collections', { name: '想去的店' })
  ).body;
  await rewards.holderCall('POST', `/api/v1/notes/${noteId}/collect`, { collectionId: board.id });
  await rewards.holderCall('POST', `/api/v1/notes/${noteId}/comments`, { body: '看起來好好吃！' });
  await cardActivity(rewards);
  rewards.plaza.clock.advance(DISCOVER_REFRESH_MS);
  const card = `/rewards/cards/${rewards.card.id}`;
  const admin = '/rewards/admin';
  const pages: AuditedPage[] = [
    { name: 'login', path: '/login', as: 'nobody' },
    { name: 'signup', path: '/signup', as: 'nobody' },
    { name: 'note-signed-out', path: `/notes/${noteId}`, as: 'nobody' },
    { name: 'discover', path: '/', as: 'holder' },
    { name: 'following', path: '/following', as: 'holder' },
    { name: 'note', path: `/notes/${noteId}`, as: 'holder' },
    { name: 'profile', path: `/u/${HOLDER}`, as: 'holder' },
    { name: 'profile-collections', path: `/u/${HOLDER}/collections`, as: 'holder' },
    { name: 'collection', path: `/collections/${board.id}`, as: 'holder' },
    { name: 'topic', path: `/topics/${encodeURIComponent('咖啡')}`, as: 'holder' },
    { name: 'search', path: `/search?q=${encodeURIComponent('咖啡')}`, as: 'holder' },
    { name: 'compose', path: '/compose', as: 'holder' },
    { name: 'notifications', path: '/notifications', as: 'holder' },
    { name: 'settings', path: '/settings', as: 'holder' },
    { name: 'rewards-cards', path: '/rewards', as: 'holder' },
    { name: 'rewards-card', path: card, as: 'holder' },
    { name: 'rewards-plans', path: `${card}/plans`, as: 'holder' },
    { name: 'rewards-transactions', path: `${card}/transactions`, as: 'holder' },
    { name: 'rewards-points', path: `${card}/points`, as: 'holder' },
    { name: 'rewards-history', path: `${card}/history`, as: 'holder' },
    { name: 'admin-plans', path: `${admin}/plans`, as: 'admin' },
    { name: 'admin-plan', path: `${admin}/plans/dining`, as: 'admin' },
    { name: 'admin-new-version', path: `${admin}/plans/dining/versions/new`, as: 'admin' },
    { name: 'admin-preview', path: `${admin}/preview`, as: 'admin' },
    { name: 'admin-merchants', path: `${admin}/merchants`, as: 'admin' },
    { name: 'admin-calendar', path: `${admin}/calendar`, as: 'admin' },
    { name: 'admin-cards', path: `${admin}/cards`, as: 'admin' },
    { name: 'admin-card', path: `${admin}/cards/${rewards.card.token}`, as: 'admin' },
  ];
  return { rewards, pages, noteId, otherNoteId };
}

export { BANK_ADMIN, HOLDER };
