import { errorResponses, idempotentId, type PlazaApp, requireViewer, type Viewer } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import { CreateNoteBody, NoteParams, NoteViewSchema, PatchNoteBody } from './schema.ts';
import type { NotesService } from './service.ts';

const writerOf = (viewer: Viewer) => ({
  accountId: viewer.accountId,
  language: viewer.language,
});

export function registerNotesRoutes(app: PlazaApp, notes: NotesService): void {
  app.post(
    '/api/v1/notes',
    {
      schema: {
        tags: ['notes'],
        summary: 'Post a note (or save a draft)',
        body: CreateNoteBody,
        response: { 201: NoteViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const writer = writerOf(requireViewer(request));
      const note = await notes.create(writer, request.body, idempotentId(request, 'note'));
      return reply.status(201).send(note);
    },
  );
  app.get(
    '/api/v1/notes/:id',
    {
      schema: {
        tags: ['notes'],
        summary: 'A note',
        params: NoteParams,
        response: { 200: NoteViewSchema, ...errorResponses },
      },
    },
    async (request) => notes.get(request.params.id, request.viewer?.accountId ?? null),
  );
  app.patch(
    '/api/v1/notes/:id',
    {
      schema: {
        tags: ['notes'],
        summary: 'Edit my note; omitted fields stay as they are',
        params: NoteParams,
        body: PatchNoteBody,
        response: { 200: NoteViewSchema, ...errorResponses },
      },
    },
    async (request) => notes.update(writerOf(requireViewer(request)), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/notes/:id',
    {
      schema: {
        tags: ['notes'],
        summary: 'Delete my note',
        params: NoteParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await notes.remove(requireViewer(request).accountId, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
