import { parseArgs } from 'node:util';

export interface CommonArgs {
  db: ('sqlite' | 'postgres')[];
  connections: number;
  durationSeconds: number;
  postgresUrl: string;
}

/** Flags every suite understands: --db sqlite|postgres|both, --connections, --duration. */
export function commonArgs(args: string[], extra: Record<string, { type: 'string'; default: string }> = {}) {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string', default: 'both' },
      connections: { type: 'string', default: '100' },
      duration: { type: 'string', default: '10' },
      'postgres-url': {
        type: 'string',
        default: process.env.PLAZA_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      },
      ...extra,
    },
    allowPositionals: false,
  });
  const db =
    values.db === 'both' ? (['sqlite', 'postgres'] as const) : ([values.db] as ('sqlite' | 'postgres')[]);
  const common: CommonArgs = {
    db: [...db],
    connections: Number(values.connections),
    durationSeconds: Number(values.duration),
    postgresUrl: String(values['postgres-url']),
  };
  return { common, values: values as Record<string, string> };
}
