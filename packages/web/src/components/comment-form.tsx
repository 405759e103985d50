import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postComment } from '../api/notes.ts';
import type { CommentView } from '../api/types.ts';
import { useFormErrors } from '../hooks/use-form-errors.ts';
import { FormError } from './field.tsx';

// The server's limit; the box stops there instead of failing on send.
const COMMENT_MAX = 500;

interface CommentFormProps {
  noteId: string;
  replyTo: CommentView | null;
  onDone: () => void;
}

/** Writes a comment, or a reply when `replyTo` is set (replies attach to the top-level thread). */
export const CommentForm = forwardRef<HTMLTextAreaElement, CommentFormProps>(function CommentForm(
  { noteId, replyTo, onDone },
  ref,
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [body, setBody] = useState('');
  const send = useMutation({
    // A reply to a reply names that reply: the server files it under the top-level thread and
    // remembers whom it answers.
    mutationFn: () => postComment(noteId, body.trim(), replyTo?.id),
    onSuccess: async () => {
      setBody('');
      errors.clear();
      onDone();
      await queryClient.invalidateQueries({ queryKey: ['comments', noteId] });
      await queryClient.invalidateQueries({ queryKey: ['note', noteId] });
    },
    onError: errors.fromError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim()) send.mutate();
  };
  const name = replyTo ? replyTo.author.displayName || replyTo.author.handle : '';
  return (
    <form className="comment-form" onSubmit={submit}>
      <textarea
        ref={ref}
        value={body}
        rows={1}
        maxLength={COMMENT_MAX}
        aria-label={replyTo ? t('note.replyPlaceholder', { name }) : t('note.commentPlaceholder')}
        placeholder={replyTo ? t('note.replyPlaceholder', { name }) : t('note.commentPlaceholder')}
        aria-invalid={Boolean(errors.fields.body)}
        onChange={(e) => setBody(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={send.isPending || !body.trim()}>
        {t('note.send')}
      </button>
      {replyTo && (
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
      )}
      <FormError message={errors.fields.body ?? errors.form} />
    </form>
  );
});
