import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../errors.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces Fastify's JSON parser so invalid UTF-8 is refused instead of silently becoming
 * U+FFFD, and so every parse failure carries a stable code.
 */
export function registerStrictJson(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(
    ['application/json', 'application/problem+json'],
    { parseAs: 'buffer' },
    (_request, body: Buffer, done) => {
      let textBody: string;
      try {
        textBody = strictUtf8.decode(body);
      } catch {
        done(new ValidationError('The request body is not valid UTF-8.', [], 'invalid_utf8'), undefined);
        return;
      }
      if (textBody.trim() === '') {
        done(
          new ValidationError('The request body is empty; send a JSON object.', [], 'malformed_json'),
          undefined,
        );
        return;
      }
      try {
        done(null, JSON.parse(textBody));
      } catch (err) {
        done(
          new ValidationError(
            `The request body is not valid JSON: ${(err as Error).message}`,
            [],
            'malformed_json',
          ),
          undefined,
        );
      }
    },
  );
}
