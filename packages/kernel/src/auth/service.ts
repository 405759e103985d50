import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EventBus } from '../bus.ts';
import type { Invalidations } from '../cache.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, type FieldIssue, UnauthenticatedError, ValidationError } from '../errors.ts';
import type { IdGenerator } from '../ids.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { createSessionCache } from './session-cache.ts';
import type { AuthStore } from './store.ts';
import { newToken } from './tokens.ts';
import {
  type Account,
  type AccountsTable,
  type AuthTables,
  LANGUAGES,
  type Language,
  type Role,
  type Viewer,
} from './types.ts';

export interface AuthServiceDeps {
  store: AuthStore;
  /** `account.created` {accountId} goes out here after each sign-up commits. */
  bus: EventBus;
  clock: Clock;
  ids: IdGenerator;
  sessionTtlMs: number;
  /** Where ended sessions are told to the other processes (through Redis when configured). */
  invalidations?: Invalidations;
}

/** The session cache's name on the invalidation channel; keys are `account:ID` or `session:ID`. */
const SESSIONS_CHANNEL = 'sessions';

export interface SignUpInput {
  handle: string;
  email: string;
  password: string;
  language: string;
}

const HANDLE_RE = /^[a-z0-9_]{3,30}$/;
const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function toAccount(row: AccountsTable): Account {
  return {
    id: row.id,
    handle: row.handle,
    email: row.email,
    role: row.role,
    language: row.language,
    createdAt: row.created_at,
  };
}

function checkSignUp(input: SignUpInput): { handle: string; email: string; language: Language } {
  const handle = input.handle.trim().toLowerCase();
  const email = input.email.trim().toLowerCase();
  const issues: FieldIssue[] = [];
  if (!HANDLE_RE.test(handle)) issues.push({ field: '/handle', message: 'use 3–30 letters, digits or _' });
  if (email.length > 254 || !EMAIL_RE.test(email))
    issues.push({ field: '/email', message: 'is not an email address' });
  issues.push(...checkPassword(input.password, '/password'));
  if (!(LANGUAGES as readonly string[]).includes(input.language)) {
    issues.push({ field: '/language', message: `must be one of ${LANGUAGES.join(', ')}` });
  }
  if (issues.length > 0) throw new ValidationError('The sign-up form has problems.', issues);
  return { handle, email, language: input.language as Language };
}

function checkPassword(password: string, field: string): FieldIssue[] {
  if (password.length < PASSWORD_MIN)
    return [{ field, message: `must be at least ${PASSWORD_MIN} characters` }];
  if (password.length > PASSWORD_MAX)
    return [{ field, message: `must be at most ${PASSWORD_MAX} characters` }];
  return [];
}

export { SESSION_CACHE_TTL_MS } from './session-cache.ts';

export function createAuthService({ store, bus, clock, ids, sessionTtlMs, invalidations }: AuthServiceDeps) {
  const sessions = createSessionCache(store, clock);
  const forgetHere = (key: string) => {
    const colon = key.indexOf(':');
    const [kind, id] = [key.slice(0, colon), key.slice(colon + 1)];
    if (kind === 'account') sessions.forgetWhere((v) => v.accountId === id);
    else if (kind === 'session') sessions.forgetWhere((v) => v.sessionId === id);
  };
  // Another process ended these sessions: a token must stop working here at once, not when
  // this process's cached copy is next re-read.
  invalidations?.subscribe(SESSIONS_CHANNEL, (keys) => {
    if (keys === 'all') sessions.forgetWhere(() => true);
    else for (const key of keys) forgetHere(key);
  });
  const forget = (key: string) => {
    forgetHere(key);
    invalidations?.publish(SESSIONS_CHANNEL, [key]);
  };
  const forgetAccount = (accountId: string) => forget(`account:${accountId}`);

  async function startSession(accountId: string) {
    const { token, tokenHash } = newToken();
    const now = clock.nowMs();
    const id = ids.next();
    await store.insertSession({
      id,
      account_id: accountId,
      token_hash: tokenHash,
      created_at: now,
      expires_at: now + sessionTtlMs,
    });
    return { token, sessionId: id };
  }

  async function createAccount(input: SignUpInput, role: Role = 'user'): Promise<Account> {
    const { handle, email, language } = checkSignUp(input);
    const taken = await store.handleOrEmailTaken(handle, email);
    if (taken.length > 0) throw takenError(taken, handle, email);
    const row: AccountsTable = {
      id: ids.next(),
      handle,
      email,
      password_hash: await hashPassword(input.password),
      role,
      language,
      created_at: clock.nowMs(),
    };
    try {
      await store.insertAccount(row, (trx) => bus.record(trx, 'account.created', { accountId: row.id }));
    } catch (err) {
      // Two sign-ups raced for the same handle or email; the unique index decided.
      const again = await store.handleOrEmailTaken(handle, email);
      if (again.length > 0) throw takenError(again, handle, email);
      throw err;
    }
    await bus.deliver();
    return toAccount(row);
  }

  return {
    createAccount,

    /** Signs up and signs in at once, as the web app expects. */
    async signUp(input: SignUpInput) {
      const account = await createAccount(input);
      const session = await startSession(account.id);
      return { account, ...session };
    },

    async logIn(login: string, password: string) {
      const row = await store.findAccountByLogin(login.trim().toLowerCase());
      const ok = await verifyPassword(row?.password_hash ?? (await decoyPasswordHash()), password);
      if (!row || !ok)
        throw new UnauthenticatedError('The handle, email or password is wrong.', 'invalid_credentials');
      const session = await startSession(row.id);
      return { account: toAccount(row), ...session };
    },

    async logOut(sessionId: string) {
      await store.deleteSession(sessionId);
      forget(`session:${sessionId}`);
    },

    /** Resolves a token to its viewer, or null when unknown or expired (no promise on a cache hit). */
    authenticate: (token: string): Viewer | null | Promise<Viewer | null> => sessions.authenticate(token),

    /** Changes the password and ends every other session of the account. */
    async changePassword(viewer: Viewer, currentPassword: string, newPassword: string) {
      const row = await store.findAccountById(viewer.accountId);
      if (!row || !(await verifyPassword(row.password_hash, currentPassword))) {
        throw new ValidationError(
          'The current password is wrong.',
          [{ field: '/currentPassword', message: 'is wrong' }],
          'wrong_password',
        );
      }
      const issues = checkPassword(newPassword, '/newPassword');
      if (issues.length > 0) throw new ValidationError('The new password is not allowed.', issues);
      await store.updatePasswordHash(row.id, await hashPassword(newPassword));
      await store.deleteOtherSessions(row.id, viewer.sessionId);
      forgetAccount(row.id);
    },

    /** Creates the admin account on first start; returns the generated password if one was made. */
    async ensureAdmin(
      handle: string,
      password: string | undefined,
    ): Promise<{ created: boolean; generatedPassword?: string }> {
      const existing = await store.findAccountByHandle(handle);
      if (existing) {
        if (existing.role !== 'admin') {
          await store.updateRole(existing.id, 'admin');
          forgetAccount(existing.id);
        }
        return { created: false };
      }
      const generatedPassword = password ? undefined : randomBytes(15).toString('base64url');
      const finalPassword = password ?? (generatedPassword as string);
      await createAccount(
        { handle, email: `${handle}@plaza.local`, password: finalPassword, language: 'zh-TW' },
        'admin',
      );
      return { created: true, ...(generatedPassword ? { generatedPassword } : {}) };
    },

    findByHandle: async (handle: string) => {
      const row = await store.findAccountByHandle(handle.toLowerCase());
      return row ? toAccount(row) : undefined;
    },
    findById: async (id: string, db?: Kysely<AuthTables>) => {
      const row = await store.findAccountById(id, db);
      return row ? toAccount(row) : undefined;
    },
    findByIds: async (ids: string[], db?: Kysely<AuthTables>) =>
      (await store.findAccountsByIds(ids, db)).map(toAccount),
    async setLanguage(accountId: string, language: Language, db?: Kysely<AuthTables>) {
      await store.updateLanguage(accountId, language, db);
      forgetAccount(accountId);
    },
    /** Re-authentication for sensitive acts (account deletion); false for an unknown account. */
    async passwordMatches(accountId: string, password: string): Promise<boolean> {
      const row = await store.findAccountById(accountId);
      const ok = await verifyPassword(row?.password_hash ?? (await decoyPasswordHash()), password);
      return ok && row !== undefined;
    },
    async setRole(accountId: string, role: Role) {
      await store.updateRole(accountId, role);
      forgetAccount(accountId);
    },
    listSessions: (accountId: string) => store.listSessions(accountId),
    /** Removes the account row; sessions go with it (FK cascade). */
    async deleteAccount(accountId: string, db?: Kysely<AuthTables>) {
      await store.deleteAccount(accountId, db);
      forgetAccount(accountId);
    },
  };
}

function takenError(rows: { handle: string; email: string }[], handle: string, email: string): ConflictError {
  const fields: FieldIssue[] = [];
  if (rows.some((r) => r.handle === handle)) fields.push({ field: '/handle', message: 'is taken' });
  if (rows.some((r) => r.email === email))
    fields.push({ field: '/email', message: 'already has an account' });
  return new ConflictError('That handle or email is already in use.', 'account_exists', fields);
}

export type AuthService = ReturnType<typeof createAuthService>;
