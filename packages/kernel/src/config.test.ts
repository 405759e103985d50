import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeSettings, loadConfig } from './config.ts';
import { ConfigError } from './errors.ts';

describe('config', () => {
  it('has a default for everything', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.resolvedDatabaseUrl).toBe('sqlite:data/plaza.sqlite');
  });

  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PLAZA_PORT: 'eighty', PLAZA_DATABASE_URL: 'mysql://x' })).toThrowError(
      ConfigError,
    );
    try {
      loadConfig({ PLAZA_PORT: 'eighty', PLAZA_DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toContain('PLAZA_PORT');
      expect((err as Error).message).toContain('PLAZA_DATABASE_URL');
    }
  });

  it('takes a PostgreSQL pool size within bounds', () => {
    expect(loadConfig({ PLAZA_DATABASE_POOL_SIZE: '40' }).databasePoolSize).toBe(40);
    expect(() => loadConfig({ PLAZA_DATABASE_POOL_SIZE: '0' })).toThrowError(/PLAZA_DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ PLAZA_DATABASE_POOL_SIZE: 'many' })).toThrowError(/PLAZA_DATABASE_POOL_SIZE/);
  });

  it('is documented in the README, every variable', () => {
    const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const { env } of describeSettings()) expect(readme).toContain(`\`${env}\``);
  });
});
