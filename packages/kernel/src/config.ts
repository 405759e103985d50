import os from 'node:os';
import path from 'node:path';
import { ConfigError } from './errors.ts';

/**
 * Every PLAZA_* variable, parsed once at start-up. The table below is the single source of
 * truth: the README's configuration table is checked against it by a test.
 */
type Parser<T> = (raw: string) => T;

interface Setting<T> {
  env: string;
  description: string;
  /** Shown in docs; `undefined` means "unset unless given". */
  defaultText: string;
  parse: Parser<T>;
  fallback: () => T;
}

function setting<T>(s: Setting<T>): Setting<T> {
  return s;
}

const integer =
  (min: number, max: number): Parser<number> =>
  (raw) => {
    if (!/^-?\d+$/.test(raw.trim())) throw new Error(`expected an integer, got "${raw}"`);
    const value = Number(raw);
    if (value < min || value > max) throw new Error(`expected ${min}..${max}, got ${value}`);
    return value;
  };

const boolean: Parser<boolean> = (raw) => {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new Error(`expected true or false, got "${raw}"`);
};

const text: Parser<string> = (raw) => {
  if (raw.trim() === '') throw new Error('must not be empty');
  return raw.trim();
};

const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw) => {
    if (!(values as string[]).includes(raw))
      throw new Error(`expected one of ${values.join(', ')}, got "${raw}"`);
    return raw as T;
  };

const databaseUrl: Parser<string> = (raw) => {
  if (/^(postgres|postgresql):\/\//.test(raw) || raw.startsWith('sqlite:')) return raw;
  throw new Error(`expected postgres://… or sqlite:PATH, got "${raw}"`);
};

const redisUrl: Parser<string> = (raw) => {
  if (/^rediss?:\/\//.test(raw)) return raw;
  throw new Error(`expected redis://…, got "${raw}"`);
};

const handle: Parser<string> = (raw) => {
  if (!/^[a-z0-9_]{3,30}$/.test(raw)) throw new Error('expected 3–30 lowercase letters, digits or _');
  return raw;
};

/** A comma-separated list of origins (`https://plaza.example`), each scheme://host[:port] and nothing else. */
const origins: Parser<string[]> = (raw) =>
  raw.split(',').map((part) => {
    const trimmed = part.trim();
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new Error(`expected an origin such as https://plaza.example, got "${trimmed}"`);
    }
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    if (!['http:', 'https:'].includes(url.protocol) || !bare)
      throw new Error(`expected scheme://host[:port] with no path, got "${trimmed}"`);
    return url.origin;
  });

/** A port, or `off`: the listener is not started. */
const portOrOff: Parser<number | 'off'> = (raw) =>
  raw.trim().toLowerCase() === 'off' ? 'off' : integer(0, 65535)(raw);

const secret: Parser<string> = (raw) => {
  if (raw.length < 16) throw new Error('must be at least 16 characters');
  return raw;
};

const password: Parser<string> = (raw) => {
  if (raw.length < 10) throw new Error('must be at least 10 characters');
  return raw;
};

export const SETTINGS = {
  port: setting({
    env: 'PLAZA_PORT',
    description: 'HTTP port',
    defaultText: '3000',
    parse: integer(0, 65535),
    fallback: () => 3000,
  }),
  host: setting({
    env: 'PLAZA_HOST',
    description: 'Address to listen on',
    defaultText: '127.0.0.1',
    parse: text,
    fallback: () => '127.0.0.1',
  }),
  dataDir: setting({
    env: 'PLAZA_DATA_DIR',
    description: 'Folder for the embedded database and media',
    defaultText: './data',
    parse: text,
    fallback: () => './data',
  }),
  databaseUrl: setting<string | undefined>({
    env: 'PLAZA_DATABASE_URL',
    description:
      'postgres://… for PostgreSQL, or sqlite:PATH; unset means SQLite at PLAZA_DATA_DIR/plaza.sqlite',
    defaultText: 'sqlite:./data/plaza.sqlite',
    parse: databaseUrl,
    fallback: () => undefined,
  }),
  redisUrl: setting<string | undefined>({
    env: 'PLAZA_REDIS_URL',
    description: 'redis://… to share rate limits and live fan-out between processes; unset means in-process',
    defaultText: '(unset)',
    parse: redisUrl,
    fallback: () => undefined,
  }),
  logLevel: setting({
    env: 'PLAZA_LOG_LEVEL',
    description: 'pino log level',
    defaultText: 'info',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
    fallback: () => 'info' as const,
  }),
  adminHandle: setting({
    env: 'PLAZA_ADMIN_HANDLE',
    description: 'Handle of the admin account created on first start',
    defaultText: 'admin',
    parse: handle,
    fallback: () => 'admin',
  }),
  adminPassword: setting<string | undefined>({
    env: 'PLAZA_ADMIN_PASSWORD',
    description: "The admin account's password; when unset a random one is printed once at first start",
    defaultText: '(random, printed once)',
    parse: password,
    fallback: () => undefined,
  }),
  seedDemo: setting({
    env: 'PLAZA_SEED_DEMO',
    description: 'Seed demo data when the database is empty',
    defaultText: 'true',
    parse: boolean,
    fallback: () => true,
  }),
  webDir: setting<string | undefined>({
    env: 'PLAZA_WEB_DIR',
    description: 'Built web app to serve; unset means packages/web/dist',
    defaultText: 'packages/web/dist',
    parse: text,
    fallback: () => undefined,
  }),
  sessionTtlDays: setting({
    env: 'PLAZA_SESSION_TTL_DAYS',
    description: 'How long a session or token stays valid',
    defaultText: '30',
    parse: integer(1, 3650),
    fallback: () => 30,
  }),
  cookieSecure: setting({
    env: 'PLAZA_COOKIE_SECURE',
    description:
      'Behind HTTPS: the session cookie becomes `__Host-plaza_session` (Secure, Path=/, no Domain) and responses carry Strict-Transport-Security',
    defaultText: 'false',
    parse: boolean,
    fallback: () => false,
  }),
  trustProxy: setting({
    env: 'PLAZA_TRUST_PROXY',
    description:
      "Trust X-Forwarded-For/-Proto/-Host for the client's address and Plaza's own origin (set behind a load balancer)",
    defaultText: 'false',
    parse: boolean,
    fallback: () => false,
  }),
  publicOrigin: setting<string[]>({
    env: 'PLAZA_PUBLIC_ORIGIN',
    description:
      "Origins the web app is served from (comma-separated, e.g. https://plaza.example); cookie-authenticated writes from a browser page elsewhere are refused. The request's own origin is always accepted",
    defaultText: '(unset: only the origin of the request itself)',
    parse: origins,
    fallback: () => [],
  }),
  metricsPort: setting<number | 'off'>({
    env: 'PLAZA_METRICS_PORT',
    description:
      'Port of the separate listener answering GET /metrics (Prometheus); `off` for none, 0 for any free port',
    defaultText: '9464',
    parse: portOrOff,
    fallback: () => 9464,
  }),
  metricsHost: setting({
    env: 'PLAZA_METRICS_HOST',
    description: 'Address of the metrics listener; keep it private (loopback or an internal network)',
    defaultText: '127.0.0.1',
    parse: text,
    fallback: () => '127.0.0.1',
  }),
  metricsToken: setting<string | undefined>({
    env: 'PLAZA_METRICS_TOKEN',
    description:
      'When set, /metrics on the public port answers a request bearing this token (Authorization: Bearer …); without it the public /metrics is 404',
    defaultText: '(unset)',
    parse: secret,
    fallback: () => undefined,
  }),
  signupPerIpPerHour: setting({
    env: 'PLAZA_SIGNUP_PER_IP_PER_HOUR',
    description: 'Sign-ups allowed from one address per hour',
    defaultText: '20',
    parse: integer(1, 1_000_000),
    fallback: () => 20,
  }),
  signupGlobalPerSecond: setting({
    env: 'PLAZA_SIGNUP_GLOBAL_PER_SECOND',
    description: 'Sign-ups allowed per second across all addresses',
    defaultText: '200',
    parse: integer(1, 1_000_000),
    fallback: () => 200,
  }),
  loginPerIpPerMinute: setting({
    env: 'PLAZA_LOGIN_PER_IP_PER_MINUTE',
    description: 'Log-in attempts allowed from one address per minute',
    defaultText: '30',
    parse: integer(1, 1_000_000),
    fallback: () => 30,
  }),
  loginGlobalPerSecond: setting({
    env: 'PLAZA_LOGIN_GLOBAL_PER_SECOND',
    description: 'Log-in attempts allowed per second across all addresses',
    defaultText: '500',
    parse: integer(1, 1_000_000),
    fallback: () => 500,
  }),
  idempotencyAbandonSeconds: setting({
    env: 'PLAZA_IDEMPOTENCY_ABANDON_SECONDS',
    description:
      'A request with an Idempotency-Key that left no answer this long ago (its process died) may be retried',
    defaultText: '30',
    parse: integer(1, 86_400),
    fallback: () => 30,
  }),
  databasePoolSize: setting({
    env: 'PLAZA_DATABASE_POOL_SIZE',
    description:
      "PostgreSQL connections per process; more lets concurrent writes share commits (mind the server's max_connections)",
    defaultText: '10',
    parse: integer(1, 500),
    fallback: () => 10,
  }),
  maxUploadMb: setting({
    env: 'PLAZA_MAX_UPLOAD_MB',
    description: 'Largest image upload, in megabytes',
    defaultText: '20',
    parse: integer(1, 100),
    fallback: () => 20,
  }),
  uploadMaxPixels: setting({
    env: 'PLAZA_UPLOAD_MAX_PIXELS',
    description:
      'Pixels an upload may decode to, every frame of an animation counted, checked from its header before decoding',
    defaultText: '50000000',
    parse: integer(1_000_000, 268_402_689),
    fallback: () => 50_000_000,
  }),
  uploadWorkers: setting({
    env: 'PLAZA_UPLOAD_WORKERS',
    description: 'Uploads whose images are processed at once in this process',
    defaultText: '(number of cores)',
    parse: integer(1, 256),
    fallback: () => os.availableParallelism(),
  }),
  uploadQueueLimit: setting({
    env: 'PLAZA_UPLOAD_QUEUE_LIMIT',
    description: 'Uploads that may wait for a worker; beyond it an upload is answered 503 with Retry-After',
    defaultText: '32',
    parse: integer(1, 10_000),
    fallback: () => 32,
  }),
  uploadsPerAccountPerHour: setting({
    env: 'PLAZA_UPLOADS_PER_ACCOUNT_PER_HOUR',
    description: 'Image uploads allowed per account per hour',
    defaultText: '120',
    parse: integer(1, 1_000_000),
    fallback: () => 120,
  }),
  uploadsPerIpPerHour: setting({
    env: 'PLAZA_UPLOADS_PER_IP_PER_HOUR',
    description: 'Image uploads allowed from one address per hour',
    defaultText: '600',
    parse: integer(1, 1_000_000),
    fallback: () => 600,
  }),
  mediaUnattachedHours: setting({
    env: 'PLAZA_MEDIA_UNATTACHED_HOURS',
    description:
      'An upload no note or profile has used this long after it was made is deleted, files included',
    defaultText: '24',
    parse: integer(1, 8_760),
    fallback: () => 24,
  }),
  mediaSweepMinutes: setting({
    env: 'PLAZA_MEDIA_SWEEP_MINUTES',
    description: 'How often a serving process looks for unused uploads to delete',
    defaultText: '60',
    parse: integer(1, 1_440),
    fallback: () => 60,
  }),
} as const;

type Settings = typeof SETTINGS;
export type Config = { [K in keyof Settings]: ReturnType<Settings[K]['fallback']> } & {
  /** Resolved database URL (SQLite default filled in). */
  resolvedDatabaseUrl: string;
  mediaDir: string;
};

/**
 * Parses the environment; a bad value stops start-up with a message naming the variable.
 * @example loadConfig({ PLAZA_PORT: '8080' }).port === 8080
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, s] of Object.entries(SETTINGS) as [string, Setting<unknown>][]) {
    const raw = env[s.env];
    if (raw === undefined || raw === '') {
      values[key] = s.fallback();
      continue;
    }
    try {
      values[key] = s.parse(raw);
    } catch (err) {
      problems.push(`${s.env}: ${(err as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const config = values as Config;
  config.resolvedDatabaseUrl = config.databaseUrl ?? `sqlite:${path.join(config.dataDir, 'plaza.sqlite')}`;
  config.mediaDir = path.join(config.dataDir, 'media');
  return config;
}

/** Rows for the README's configuration table. */
export function describeSettings(): { env: string; defaultText: string; description: string }[] {
  return Object.values(SETTINGS).map(({ env, defaultText, description }) => ({
    env,
    defaultText,
    description,
  }));
}
