#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so no build step stands between a checkout and a start.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main.ts');
// The flags are PLAZA_NODE_FLAGS of src/spawn.ts (which this plain script cannot import).
const flags = ['--max-semi-space-size=64'];
const result = spawnSync(process.execPath, [...flags, '--import', 'tsx', main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
