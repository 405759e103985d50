import type { NoteCard, NoteView } from './types.ts';

/**
 * The card of a note for a grid. The feeds answer cards; topic, profile, search and board
 * lists answer full notes, which are turned into the same card here.
 */
export function cardOf(note: NoteCard | NoteView): NoteCard {
  if ('cover' in note) return note;
  const image = note.images[0];
  const url = image && (image.urls.thumb ?? image.urls.large ?? Object.values(image.urls)[0]);
  return {
    id: note.id,
    author: note.author,
    title: note.title,
    cover: image && url ? { url, width: image.width, height: image.height } : null,
    likeCount: note.likeCount,
    liked: note.viewer ? note.viewer.liked : null,
    status: note.status,
  };
}
