import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlazaProduct } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import type { SeedProgress } from './progress.ts';

const Count = Type.Object({ done: Type.Integer(), planned: Type.Integer() });

const SeedStatusView = Type.Object({
  state: Type.Union([
    Type.Literal('none'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  notes: Count,
  accounts: Count,
});

const SEED_DIR = path.dirname(fileURLToPath(import.meta.url));

/**
 * The demo seed as a part of the served site: its marker table (`migrations/`) and the public
 * `GET /api/v1/status/seed`, which the web app polls to say that demo data is on its way.
 */
export function demoSeedProduct(progress: SeedProgress): PlazaProduct {
  return {
    name: 'demo-seed',
    migrationRoots: [SEED_DIR],
    async register(app) {
      app.get(
        '/api/v1/status/seed',
        {
          schema: {
            tags: ['status'],
            summary: 'Whether demo data is being seeded on this fresh install, and how far it got',
            response: { 200: SeedStatusView },
          },
        },
        async () => progress.status(),
      );
    },
  };
}
