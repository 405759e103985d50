import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('browser-safety settings', () => {
  it('keep metrics on loopback port 9464 unless told otherwise', () => {
    const config = loadConfig({});
    expect([config.metricsHost, config.metricsPort, config.metricsToken]).toEqual([
      '127.0.0.1',
      9464,
      undefined,
    ]);
    expect(loadConfig({ PLAZA_METRICS_PORT: 'off' }).metricsPort).toBe('off');
    expect(loadConfig({ PLAZA_METRICS_PORT: '0' }).metricsPort).toBe(0);
    expect(() => loadConfig({ PLAZA_METRICS_PORT: '70000' })).toThrowError(/PLAZA_METRICS_PORT/);
    expect(() => loadConfig({ PLAZA_METRICS_TOKEN: 'short' })).toThrowError(/PLAZA_METRICS_TOKEN/);
  });

  it('take public origins as bare scheme://host[:port], normalized', () => {
    expect(loadConfig({}).publicOrigin).toEqual([]);
    expect(
      loadConfig({ PLAZA_PUBLIC_ORIGIN: 'https://Plaza.Example/, http://localhost:5173' }).publicOrigin,
    ).toEqual(['https://plaza.example', 'http://localhost:5173']);
    for (const bad of [
      'plaza.example',
      'https://plaza.example/app',
      'ftp://plaza.example',
      'https://a@plaza.example',
    ])
      expect(() => loadConfig({ PLAZA_PUBLIC_ORIGIN: bad }), bad).toThrowError(/PLAZA_PUBLIC_ORIGIN/);
  });
});
