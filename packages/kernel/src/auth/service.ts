import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EventBus } from '../bus.ts';
import type { Invalidations } from '../cache.ts';
import type { Clock } from '../clock.ts';
import {
  ConflictError,
  type FieldIssue,
  fieldIssue,
  UnauthenticatedError,
  ValidationError,
} from '../errors.ts';
import type { IdGenerator } from '../ids.ts';
import { bidiIssue, bidiSafe, validationCode } from '../text/bidi.ts';
import { commonPasswordCount, isCommonPassword } from './common-passwords.ts';
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
/** The problem code of a password refused for being on the common-passwords list. */
export const PASSWORD_TOO_COMMON = 'password_too_common';
/**
 * The whole answer to a sign-up whose email already has an account: it names no field and
 * does not say why, so it does not tell a stranger that the address is registered.
 */
export const SIGNUP_REFUSED_DETAIL =
  "We couldn't create an account with these details. If you already have one, sign in.";

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
  const bidi = bidiSafe(input.handle, 'line');
  if (!bidi.ok) issues.push(bidiIssue('/handle', bidi.found));
  else if (!HANDLE_RE.test(handle))
    issues.push({
      field: '/handle',
      code: 'not_handle',
      params: { min: 3, max: 30 },
      message: 'use 3–30 letters, digits or _',
    });
  if (email.length > 254 || !EMAIL_RE.test(email))
    issues.push({ field: '/email', code: 'not_email', message: 'is not an email address' });
  const password = checkPassword(input.password, '/password');
  if (password) issues.push(password.issue);
  if (!(LANGUAGES as readonly string[]).includes(input.language)) {
    issues.push({
      field: '/language',
      code: 'not_allowed',
      params: { allowed: LANGUAGES.join(', ') },
      message: `must be one of ${LANGUAGES.join(', ')}`,
    });
  }
  if (issues.length > 0) {
    throw new ValidationError('The sign-up form has problems.', issues, problemCode(issues, password));
  }
  return { handle, email, language: input.language as Language };
}

interface PasswordProblem {
  issue: FieldIssue;
  code: 'validation_failed' | typeof PASSWORD_TOO_COMMON;
}

/** A password's problem, if it has one: its length, or being a common password. */
function checkPassword(password: string, field: string): PasswordProblem | undefined {
  const invalid = (issue: FieldIssue): PasswordProblem => ({ issue, code: 'validation_failed' });
  if (password.length < PASSWORD_MIN)
    return invalid(
      fieldIssue(field, 'too_short', `must be at least ${PASSWORD_MIN} characters`, { min: PASSWORD_MIN }),
    );
  if (password.length > PASSWORD_MAX)
    return invalid(
      fieldIssue(field, 'too_long', `must be at most ${PASSWORD_MAX} characters`, { max: PASSWORD_MAX }),
    );
  if (isCommonPassword(password)) {
    return {
      issue: {
        field,
        code: PASSWORD_TOO_COMMON,
        message: 'is one of the most common passwords; choose one that is harder to guess',
      },
      code: PASSWORD_TOO_COMMON,
    };
  }
  return undefined;
}

/** A refused form's code: `bidi_control` first, then the password's own code, else the generic one. */
function problemCode(
  issues: FieldIssue[],
  password: PasswordProblem | undefined,
): ReturnType<typeof validationCode> | PasswordProblem['code'] {
  const code = validationCode(issues);
  return code === 'validation_failed' && password ? password.code : code;
}

export { SESSION_CACHE_TTL_MS } from './session-cache.ts';

export function createAuthService({ store, bus, clock, ids, sessionTtlMs, invalidations }: AuthServiceDeps) {
  const sessions = createSessionCache(store, clock);
  // Reads the common-password list now (~50 ms, once per process), not in the first sign-up.
  commonPasswordCount();
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
    // Hashed before anything is looked up: every sign-up that passes the form's checks costs
    // one argon2 hash, whether it succeeds or meets a taken handle or email, so the time of a
    // refusal tells nothing about which.
    const passwordHash = await hashPassword(input.password);
    const taken = await store.handleOrEmailTaken(handle, email);
    if (taken.length > 0) throw takenError(taken, handle);
    const row: AccountsTable = {
      id: ids.next(),
      handle,
      email,
      password_hash: passwordHash,
      role,
      language,
      created_at: clock.nowMs(),
    };
    try {
      await store.insertAccount(row, (trx) => bus.record(trx, 'account.created', { accountId: row.id }));
    } catch (err) {
      // Two sign-ups raced for the same handle or email; the unique index decided.
      const again = await store.handleOrEmailTaken(handle, email);
      if (again.length > 0) throw takenError(again, handle);
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
          [{ field: '/currentPassword', code: 'wrong_password', message: 'is wrong' }],
          'wrong_password',
        );
      }
      const problem = checkPassword(newPassword, '/newPassword');
      if (problem)
        throw new ValidationError('The new password is not allowed.', [problem.issue], problem.code);
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

/**
 * The refusal of a sign-up that meets an existing account. Handles are public, so a taken
 * handle is named (whatever the email); otherwise the email is taken, and the answer is the
 * neutral `signup_refused`, which names no field.
 */
function takenError(rows: { handle: string }[], handle: string): ConflictError | ValidationError {
  if (rows.some((r) => r.handle === handle)) {
    return new ConflictError('That handle is taken.', 'handle_taken', [
      { field: '/handle', code: 'taken', message: 'is taken' },
    ]);
  }
  return new ValidationError(SIGNUP_REFUSED_DETAIL, [], 'signup_refused');
}

export type AuthService = ReturnType<typeof createAuthService>;
