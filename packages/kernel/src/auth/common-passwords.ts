import { readFileSync } from 'node:fs';

const LIST_URL = new URL('./common-passwords.txt', import.meta.url);

let common: ReadonlySet<string> | undefined;

/** The shipped list, read from disk once, on first use. */
function commonPasswords(): ReadonlySet<string> {
  common ??= parseCommonPasswords(readFileSync(LIST_URL, 'utf8'));
  return common;
}

/** The list's passwords: everything after the header, which ends at the first empty line. */
export function parseCommonPasswords(text: string): Set<string> {
  const body = text.slice(text.indexOf('\n\n') + 2);
  return new Set(body.split('\n').filter((line) => line !== ''));
}

/** How a password is compared with the list: compatibility forms folded, then lower case. */
function comparable(password: string): string {
  return password.normalize('NFKC').toLowerCase();
}

/**
 * Whether a password is on the shipped list of common passwords (`common-passwords.txt`,
 * read once), whatever its case or Unicode compatibility form.
 * @example isCommonPassword('Password123') === true; isCommonPassword('ＰＡＳＳＷＯＲＤ１２３') === true
 */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(comparable(password));
}

/** How many passwords the shipped list holds. */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}
