import multipart from '@fastify/multipart';
import {
  clientAddress,
  errorResponses,
  IdParam,
  NotFoundError,
  type PlazaApp,
  ProblemSchema,
  type RateLimiter,
  requireViewer,
  ValidationError,
} from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ImageViewSchema } from './schema.ts';
import type { MediaService } from './service.ts';

const HOUR_MS = 3_600_000;

export interface MediaRouteOptions {
  maxUploadMb: number;
  rateLimiter: RateLimiter;
  perAccountPerHour: number;
  perIpPerHour: number;
}

// A stored file never changes under its URL (a new upload gets a new id), so caches may keep it.
const CACHE_FOREVER = 'public, max-age=31536000, immutable';

function fileRequired(): ValidationError {
  return new ValidationError(
    'Send the image as the multipart field "file".',
    [{ field: '/file', code: 'required', message: 'is required' }],
    'file_required',
  );
}

export async function registerMediaRoutes(app: PlazaApp, media: MediaService, options: MediaRouteOptions) {
  const { maxUploadMb, rateLimiter } = options;
  // Multipart parsing lives only in this scope, so no other route accepts form uploads.
  const uploads: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      // One file; a few small text fields (a client may send a caption) are tolerated and ignored.
      limits: { fileSize: maxUploadMb * 1024 * 1024, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    });
    scope.post(
      '/api/v1/media',
      {
        schema: {
          tags: ['media'],
          summary:
            'Upload an image (multipart field `file`); EXIF is stripped, an animation keeps its first frame',
          consumes: ['multipart/form-data'],
          response: {
            201: ImageViewSchema,
            ...errorResponses,
            413: ProblemSchema,
            415: ProblemSchema,
            503: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        // Counted before the file is read or looked at: a refused upload costs no image work.
        await rateLimiter.hit(`upload:account:${viewer.accountId}`, options.perAccountPerHour, HOUR_MS);
        await rateLimiter.hit(`upload:ip:${clientAddress(request)}`, options.perIpPerHour, HOUR_MS);
        const part = await request.file();
        if (part?.fieldname !== 'file') throw fileRequired();
        const bytes = await part.toBuffer();
        const image = await media.upload(viewer.accountId, bytes);
        return reply.status(201).send(image);
      },
    );
  };
  await app.register(uploads);

  app.get(
    '/media/:id/:variant',
    {
      schema: {
        tags: ['media'],
        summary: 'An image file: thumb.webp, large.webp or original.<ext>',
        // No response schema: the body is a file stream; a miss is a 404 problem.
        params: Type.Object({ id: IdParam, variant: Type.String({ maxLength: 40 }) }),
      },
    },
    async (request, reply) => {
      const found = await media.open(request.params.id, request.params.variant);
      if (!found) throw new NotFoundError('That image');
      return reply
        .header('cache-control', CACHE_FOREVER)
        .header('x-content-type-options', 'nosniff')
        .header('content-length', found.bytes)
        .type(found.contentType)
        .send(found.stream);
    },
  );
}
