import { describe, expect, it } from 'vitest';
import { commonPasswordCount, isCommonPassword, parseCommonPasswords } from './common-passwords.ts';

describe('common passwords', () => {
  it('ships at least the 10,000 most common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    for (const top of ['123456', 'password', 'qwerty', 'iloveyou']) expect(isCommonPassword(top)).toBe(true);
  });

  it('compares after NFKC, ignoring case', () => {
    expect(isCommonPassword('PassWord123')).toBe(true);
    expect(isCommonPassword('ｐａｓｓｗｏｒｄ１２３')).toBe(true);
    expect(isCommonPassword('password123!')).toBe(false);
  });

  it('lets the demo seed and the tests’ passwords through', () => {
    // The seed's DEMO_PASSWORD (packages/cli/src/seed/run.ts) and those the test suites sign up with.
    for (const password of [
      'plaza-demo-password',
      'correct horse battery',
      'long enough pw',
      'a brand new passphrase',
      'bench password 123',
      'crash test password',
      'crash-test-admin-password',
      'admin-password-for-tests',
      'bank-admin-password',
    ]) {
      expect(isCommonPassword(password), password).toBe(false);
    }
  });

  it('reads the header up to the first empty line as no password, even a line starting with #', () => {
    expect([...parseCommonPasswords('# source\n# licence\n\n123456\n#1hacker\n')]).toEqual([
      '123456',
      '#1hacker',
    ]);
  });
});
