import i18next from 'i18next';
import { ApiError } from '../../api/client.ts';
import { fieldMessage, fieldPath } from '../../lib/problem-text.ts';

/** Server field issues keyed by path without the leading slash: `/channels/0/rate` → `channels/0/rate`. */
export type Issues = Record<string, string>;

export function issuesOf(error: unknown): Issues {
  const out: Issues = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.problem.errors ?? []) {
    const key = fieldPath(issue);
    // Said in the reader's language from the issue's code; the forms render during a language
    // change, so the app's one i18next instance is the current language.
    const message = fieldMessage(i18next.t, issue);
    // A schema with alternatives can name one field twice for one fault; it is said once.
    if (out[key]?.split('; ').includes(message)) continue;
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  }
  return out;
}

/**
 * Every message at a path or below it, each once: what one block of the form shows. The paths
 * below are the API's names (`zh-TW`, `name`) and never shown: a field shows only its own
 * messages, so a form passes each field its own path.
 */
export function issuesAt(issues: Issues, prefix: string): string | undefined {
  const messages = Object.entries(issues)
    .filter(([key]) => key === prefix || key.startsWith(`${prefix}/`))
    .map(([, message]) => message);
  return messages.length ? [...new Set(messages)].join('; ') : undefined;
}
