import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

/**
 * Finds migrations in every `migrations/` folder under the given source roots, so a module
 * adds a migration by adding a file — no hand-kept list. File names start with a UTC
 * timestamp (`20261125T170000-notes-create.ts`), which orders them across modules.
 */
export class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly roots: string[]) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of await this.findFiles()) {
      const name = path.basename(file).replace(/\.ts$/, '');
      if (migrations[name]) throw new Error(`Two migrations are named ${name}`);
      const mod = (await import(pathToFileURL(file).href)) as Partial<Migration>;
      if (typeof mod.up !== 'function') throw new Error(`Migration ${file} exports no up()`);
      migrations[name] = { up: mod.up, ...(mod.down ? { down: mod.down } : {}) };
    }
    return migrations;
  }

  private async findFiles(): Promise<string[]> {
    const found: string[] = [];
    for (const root of this.roots) await collect(root, found);
    return found.sort((a, b) => path.basename(a).localeCompare(path.basename(b)));
  }
}

async function collect(dir: string, found: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await collect(full, found);
    else if (path.basename(dir) === 'migrations' && /^\d{8}T\d{6}-.+\.ts$/.test(entry.name)) found.push(full);
  }
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  roots: string[],
  schema?: string,
): Promise<string[]> {
  // The schema is named explicitly: Kysely looks for its lock table across all schemas otherwise.
  const migrator = new Migrator({
    db,
    provider: new FolderMigrationProvider(roots),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
