import { communityProduct } from '@plaza/community';
import type { PlazaProduct } from '@plaza/kernel';
import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { rewardsProduct } from '@plaza/rewards';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every route for admins or moderators, found among the routes the products really register
 * (not from a list kept by hand), answers a signed-out caller 401 and a plain user 403 before
 * it looks at the body: a `{}` must not earn anyone the route's request schema in a 400.
 */
interface Seen {
  method: string;
  url: string;
  role: string | undefined;
  tags: string[];
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A stand-in product registered first, so its onRoute hook sees every product route. */
function routeRecorder(seen: Seen[]): PlazaProduct {
  return {
    name: 'route-recorder',
    migrationRoots: [],
    async register(app) {
      app.addHook('onRoute', (route: RouteOptions) => {
        const schema = route.schema as { tags?: string[] } | undefined;
        for (const method of [route.method].flat())
          seen.push({
            method,
            url: route.url,
            role: route.config?.requiredRole,
            tags: schema?.tags ?? [],
          });
      });
    },
  };
}

/** Admin or moderator work by its address or its documentation tag. */
const looksPrivileged = (route: Seen) =>
  /\/(admin|moderation|moderator)(\/|$)/.test(route.url) || route.tags.some((t) => /admin|moderat/.test(t));

const concrete = (url: string) => url.replace(/:(\w+)/g, 'x1');

describe('admin and moderator routes', () => {
  const seen: Seen[] = [];
  let server: TestServer;
  let user: string;
  let admin: string;
  beforeAll(async () => {
    const products = [routeRecorder(seen), communityProduct(), rewardsProduct({ programRefreshMs: 0 })];
    server = await createTestServer(testDatabases()[0]!, products, { PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000' });
    user = (await signUpForTest(server.app, 'plain_user')).token;
    const signedUp = await signUpForTest(server.app, 'the_admin');
    await server.platform.auth.setRole(signedUp.id, 'admin');
    admin = signedUp.token;
  });
  afterAll(() => server?.close());

  const guarded = () => seen.filter((route) => route.role !== undefined || looksPrivileged(route));
  const call = (route: Seen, headers: Record<string, string>) =>
    server.app.inject({
      method: route.method as 'GET',
      url: concrete(route.url),
      headers,
      ...(BODY_METHODS.has(route.method) ? { payload: {} } : {}),
    });

  it('are found among the registered routes, and each declares the role it needs', () => {
    // Rewards alone has 16 (catalog, plans, versions, shelf, preview, cards, merchants, events).
    expect(guarded().length).toBeGreaterThanOrEqual(16);
    for (const route of guarded()) expect(route.role, `${route.method} ${route.url}`).toBeDefined();
  });

  it('answer 401 when signed out and 403 to a plain user, before reading the body', async () => {
    for (const route of guarded()) {
      const name = `${route.method} ${route.url}`;
      const signedOut = await call(route, {});
      const plain = await call(route, bearer(user));
      expect([signedOut.statusCode, plain.statusCode], name).toEqual([401, 403]);
      // HEAD twins of GET routes answer without a body: their status says enough.
      if (route.method === 'HEAD') continue;
      expect([signedOut.json().code, plain.json().code], name).toEqual(['unauthenticated', 'role_required']);
      expect(plain.body, name).not.toContain('"errors"');
    }
  });

  it('let an admin through to the route itself', async () => {
    for (const route of guarded()) {
      const response = await call(route, bearer(admin));
      expect([401, 403], `${route.method} ${route.url}`).not.toContain(response.statusCode);
    }
  });
});
