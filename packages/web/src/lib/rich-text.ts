/** A piece of note or comment text: plain text, a #topic or an @mention. */
export type RichPiece =
  | { kind: 'text'; text: string }
  | { kind: 'topic'; text: string; topic: string }
  | { kind: 'mention'; text: string; handle: string };

// Topics run to the next space or punctuation (a closing # is allowed, RedNote style: #美食#).
// Mentions are handles: letters, digits and underscore.
const TOKEN = /#([\p{L}\p{N}_]+)#?|@([A-Za-z0-9_]{3,30})/gu;

/**
 * Splits text into pieces the UI renders as React text and links. Never produces markup:
 * the caller renders every piece as a text node, so user text cannot become HTML.
 */
export function tokenize(text: string): RichPiece[] {
  const pieces: RichPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    if (start > last) pieces.push({ kind: 'text', text: text.slice(last, start) });
    if (match[1] !== undefined) pieces.push({ kind: 'topic', text: match[0], topic: match[1] });
    else pieces.push({ kind: 'mention', text: match[0], handle: match[2] ?? '' });
    last = start + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}
