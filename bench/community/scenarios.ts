import type autocannon from 'autocannon';
import { type LoadResult, measure } from '../lib/load.ts';
import { SEARCH_QUERIES } from './corpus.ts';
import type { Fixture } from './fixture.ts';
import { createRandom } from './random.ts';

/** One measured route: where each request goes and whether it is signed in. */
export interface Scenario {
  name: string;
  /** The path of the next request (random note, next query, …). */
  path: () => string;
  signedIn: boolean;
  /** Checked once before the load: what a correct answer must hold. */
  expectItems?: boolean;
}

export interface RunSettings {
  connections: number;
  durationSeconds: number;
}

/**
 * Each request signs in as the next of the minted sessions, so the load reads many
 * different timelines, block lists and like states, not one cached row set.
 */
function tokenRotation(fixture: Fixture): () => string {
  let next = 0;
  return () => {
    const session = fixture.sessions[next % fixture.sessions.length]!;
    next += 1;
    return session.token;
  };
}

async function getJson(
  url: string,
  token: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The discover feed's second page: the cursor handed out with a first page. */
async function discoverCursor(baseUrl: string, token: string): Promise<string> {
  const first = await getJson(`${baseUrl}/api/v1/feed/discover`, token);
  const cursor = first.body.nextCursor;
  if (first.status !== 200 || typeof cursor !== 'string')
    throw new Error(
      `discover answered ${first.status} without a cursor: the fixture is not what the feed expects`,
    );
  return cursor;
}

export async function buildScenarios(baseUrl: string, fixture: Fixture, seed: number): Promise<Scenario[]> {
  const random = createRandom(seed + 7);
  const cursor = await discoverCursor(baseUrl, fixture.sessions[0]!.token);
  const published = fixture.notes.ids.filter((_, i) => fixture.notes.published[i]);
  let query = 0;
  return [
    // `select 1` through Kysely and the pool: what one database round trip costs a request,
    // the unit the routes below are made of.
    { name: 'one query /readyz', path: () => '/readyz', signedIn: false },
    { name: 'following feed', path: () => '/api/v1/feed/following', signedIn: true, expectItems: true },
    { name: 'discover page 1', path: () => '/api/v1/feed/discover', signedIn: true, expectItems: true },
    {
      name: 'discover page 2',
      path: () => `/api/v1/feed/discover?cursor=${encodeURIComponent(cursor)}`,
      signedIn: true,
      expectItems: true,
    },
    { name: 'note page', path: () => `/api/v1/notes/${random.pick(published)}`, signedIn: true },
    {
      name: 'search (zh+en)',
      path: () => `/api/v1/search?q=${encodeURIComponent(SEARCH_QUERIES[query++ % SEARCH_QUERIES.length]!)}`,
      signedIn: true,
    },
  ];
}

/** One request of each scenario, so a broken fixture fails loudly instead of measuring 404s. */
export async function checkScenarios(
  baseUrl: string,
  fixture: Fixture,
  scenarios: Scenario[],
): Promise<void> {
  for (const scenario of scenarios) {
    const { status, body } = await getJson(
      `${baseUrl}${scenario.path()}`,
      fixture.sessions[1 % fixture.sessions.length]!.token,
    );
    const items = Array.isArray(body.items) ? body.items.length : undefined;
    if (status !== 200 || (scenario.expectItems && !items))
      throw new Error(`${scenario.name} answered ${status} with ${items ?? 'no'} items`);
  }
}

export async function runScenario(
  baseUrl: string,
  fixture: Fixture,
  scenario: Scenario,
  settings: RunSettings,
): Promise<LoadResult> {
  const token = tokenRotation(fixture);
  return measure({
    name: scenario.name,
    url: `${baseUrl}/healthz`,
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    setupRequest: (request: autocannon.Request) => ({
      ...request,
      path: scenario.path(),
      headers: scenario.signedIn
        ? { ...request.headers, authorization: `Bearer ${token()}` }
        : request.headers,
    }),
  });
}

/**
 * Waits until the server answers the trivial route promptly again. A route that blocks the
 * event loop (SQLite runs queries synchronously) leaves a backlog of requests behind its
 * run; without this wait, that backlog would be charged to the next route measured.
 */
export async function settle(baseUrl: string, deadlineMs = 300_000): Promise<number> {
  const started = Date.now();
  let quick = 0;
  while (quick < 3 && Date.now() - started < deadlineMs) {
    const t0 = performance.now();
    const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(30_000) })
      .then((r) => r.ok)
      .catch(() => false);
    quick = ok && performance.now() - t0 < 50 ? quick + 1 : 0;
    if (quick < 3) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (Date.now() - started) / 1000;
}

/** The trivial route, measured in the same run as the baseline every ratio divides by. */
export const trivial = (baseUrl: string, settings: RunSettings) =>
  measure({
    name: 'trivial /healthz',
    url: `${baseUrl}/healthz`,
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
  });
