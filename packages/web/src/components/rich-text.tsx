import { Link } from 'react-router';
import { tokenize } from '../lib/rich-text.ts';

/**
 * Note or comment text with #topics and @mentions as links. Every piece is a React text
 * node, so whatever the author typed (even `<script>`) shows as the characters typed.
 */
export function RichText({ text, className }: { text: string; className?: string }) {
  const pieces = tokenize(text);
  return (
    <span className={className}>
      {pieces.map((piece, i) => {
        const key = `${i}-${piece.kind}`;
        if (piece.kind === 'topic')
          return (
            <Link key={key} className="topic-link" to={`/topics/${encodeURIComponent(piece.topic)}`}>
              {piece.text}
            </Link>
          );
        if (piece.kind === 'mention')
          return (
            <Link key={key} className="mention-link" to={`/u/${encodeURIComponent(piece.handle)}`}>
              {piece.text}
            </Link>
          );
        return <span key={key}>{piece.text}</span>;
      })}
    </span>
  );
}
