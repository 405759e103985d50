export const ROLES = ['user', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['zh-TW', 'zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface AccountsTable {
  id: string;
  handle: string;
  email: string;
  password_hash: string;
  role: Role;
  language: Language;
  created_at: number;
}

export interface SessionsTable {
  id: string;
  account_id: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
}

export interface AuthTables {
  accounts: AccountsTable;
  sessions: SessionsTable;
}

/** Who is making a request, resolved from a bearer token or the session cookie. */
export interface Viewer {
  accountId: string;
  handle: string;
  role: Role;
  language: Language;
  sessionId: string;
}

export interface Account {
  id: string;
  handle: string;
  email: string;
  role: Role;
  language: Language;
  createdAt: number;
}

export function hasRole(viewer: Viewer | null, role: Role): boolean {
  if (!viewer) return false;
  return ROLES.indexOf(viewer.role) >= ROLES.indexOf(role);
}
