import { api } from './client.ts';
import type { Me, Session, UiLanguage } from './types.ts';

export interface SignUpInput {
  handle: string;
  email: string;
  password: string;
  language: UiLanguage;
}

export const signUp = (input: SignUpInput) => api<Me & { token: string }>('POST', '/api/v1/accounts', input);

export const logIn = (login: string, password: string) =>
  api<Session>('POST', '/api/v1/sessions', { login, password });

export const logOut = () => api<void>('DELETE', '/api/v1/sessions/current');

/** The signed-in account, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('GET', '/api/v1/me');
  } catch (err) {
    if (err instanceof Error && 'status' in err && err.status === 401) return null;
    throw err;
  }
}

export interface ProfileUpdate {
  displayName?: string;
  bio?: string;
  avatarMediaId?: string | null;
  language?: UiLanguage;
}

export const updateMe = (update: ProfileUpdate) => api<Me>('PATCH', '/api/v1/me', update);

export const changePassword = (currentPassword: string, newPassword: string) =>
  api<void>('PUT', '/api/v1/me/password', { currentPassword, newPassword });

export const deleteAccount = (password: string) => api<void>('DELETE', '/api/v1/me', { password });

/**
 * Where the browser downloads the zip archive from (the session cookie authorises it); the file
 * name comes from the answer's Content-Disposition (`plaza-export-<handle>.zip`).
 */
export const EXPORT_URL = '/api/v1/me/export';
