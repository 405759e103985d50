import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountCollections } from '../api/accounts.ts';
import { collectNote, createCollection } from '../api/notes.ts';
import { useFormMutation } from '../hooks/use-form-mutation.ts';
import { FormError, TextField } from './field.tsx';
import { Sheet } from './sheet.tsx';
import { Loading } from './states.tsx';

interface CollectSheetProps {
  noteId: string;
  handle: string;
  onClose: () => void;
  onCollected: (collectCount: number) => void;
}

/** Picks the board to collect into, or makes a new one on the spot. */
export function CollectSheet({ noteId, handle, onClose, onCollected }: CollectSheetProps) {
  const { t } = useTranslation();
  const boards = useQuery({ queryKey: ['collections', handle], queryFn: () => accountCollections(handle) });
  const [name, setName] = useState('');
  const [isPrivate, setIsPrivate] = useState(false);

  // A failed collect also reports into the new-board form: it is the sheet's one place for errors.
  const {
    errors,
    mutation: create,
    submitWith,
  } = useFormMutation({
    mutationFn: () => createCollection(name.trim(), undefined, isPrivate),
    onSuccess: (board) => {
      collect.mutate(board.id);
    },
  });
  const collect = useMutation({
    mutationFn: (collectionId?: string) => collectNote(noteId, collectionId),
    onSuccess: (state) => onCollected(state.collectCount),
    onError: errors.fromError,
  });
  const submit = submitWith(() => {
    if (name.trim()) create.mutate();
  });
  const busy = collect.isPending || create.isPending;

  return (
    <Sheet title={t('collect.title')} onClose={onClose}>
      {boards.isPending && <Loading />}
      <ul className="board-list">
        <li>
          <button
            type="button"
            className="board-item"
            disabled={busy}
            onClick={() => collect.mutate(undefined)}
          >
            {t('collect.noBoard')}
          </button>
        </li>
        {boards.data?.items.map((board) => (
          <li key={board.id}>
            <button
              type="button"
              className="board-item"
              disabled={busy}
              onClick={() => collect.mutate(board.id)}
            >
              <span className="board-name">{board.name}</span>
              <span className="muted">{t('collect.notes', { count: board.noteCount })}</span>
            </button>
          </li>
        ))}
      </ul>
      <form className="board-new" onSubmit={submit}>
        <TextField
          label={t('collect.newBoard')}
          error={errors.fields.name}
          value={name}
          maxLength={100}
          placeholder={t('collect.boardName')}
          onChange={setName}
        />
        <label className="check">
          <input type="checkbox" checked={isPrivate} onChange={(e) => setIsPrivate(e.target.checked)} />
          {t('collect.private')}
        </label>
        <FormError message={errors.form} />
        <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
          {t('collect.create')}
        </button>
      </form>
    </Sheet>
  );
}
