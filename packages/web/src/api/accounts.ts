import { api, enc, query } from './client.ts';
import type { CollectionPage, CollectionView, NoteView, Page, Profile } from './types.ts';

export const getProfile = (handle: string) => api<Profile>('GET', `/api/v1/accounts/${enc(handle)}`);

export const accountNotes = (handle: string, cursor?: string) =>
  api<Page<NoteView>>('GET', `/api/v1/accounts/${enc(handle)}/notes${query({ cursor })}`);

export const accountCollections = (handle: string) =>
  api<Page<CollectionView>>('GET', `/api/v1/accounts/${enc(handle)}/collections`);

export const getCollection = (id: string, cursor?: string) =>
  api<CollectionPage>('GET', `/api/v1/collections/${enc(id)}${query({ cursor })}`);

export const setFollow = (handle: string, follow: boolean) =>
  api<unknown>(follow ? 'POST' : 'DELETE', `/api/v1/accounts/${enc(handle)}/follow`);

export const setBlock = (handle: string, block: boolean) =>
  api<unknown>(block ? 'POST' : 'DELETE', `/api/v1/accounts/${enc(handle)}/block`);
