import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { createNote, getNote, type NoteInput, updateNote } from '../api/notes.ts';
import type { NoteView } from '../api/types.ts';
import { Field, FormError, TextField } from '../components/field.tsx';
import { IMAGES_MAX, ImagePicker, type PickedImage } from '../components/image-picker.tsx';
import { Empty, ErrorBox, Loading } from '../components/states.tsx';
import { TopicInput } from '../components/topic-input.tsx';
import { useFormMutation } from '../hooks/use-form-mutation.ts';
import { usePageTitle } from '../i18n/page-title.ts';
import { BODY_MAX, bodyLength, TITLE_MAX, titleIssue, titleLength } from '../lib/text-length.ts';
import { isMissing } from './missing.ts';

/** `/compose` for a new note, `/notes/:id/edit` to change one. */
export function ComposePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  usePageTitle(t(id ? 'titles.edit' : 'titles.compose'));
  const existing = useQuery({
    queryKey: ['note', id],
    queryFn: () => getNote(id ?? ''),
    enabled: Boolean(id),
  });
  if (!id) return <Composer note={null} />;
  if (existing.isPending) return <Loading />;
  if (existing.isError)
    return isMissing(existing.error) ? (
      <Empty>{t('note.notFound')}</Empty>
    ) : (
      <ErrorBox error={existing.error} />
    );
  return <Composer note={existing.data} />;
}

function pickedFrom(note: NoteView | null): PickedImage[] {
  return (note?.images ?? []).map((image) => ({
    key: image.id,
    previewUrl: image.urls.thumb ?? image.urls.large ?? '',
    media: image,
    error: null,
    local: false,
  }));
}

function Composer({ note }: { note: NoteView | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [images, setImages] = useState<PickedImage[]>(() => pickedFrom(note));
  const [title, setTitle] = useState(note?.title ?? '');
  const [body, setBody] = useState(note?.body ?? '');
  const [topics, setTopics] = useState<string[]>(note?.topics ?? []);
  const titleUnits = titleLength(title);
  const bodyUnits = bodyLength(body);

  // Not `submitWith`: two buttons submit (publish, save draft), and `validate` clears the errors.
  const { errors, mutation: save } = useFormMutation({
    mutationFn: (input: NoteInput) => (note ? updateNote(note.id, input) : createNote(input)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['note', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['feed'] });
      await navigate(`/notes/${saved.id}`);
    },
  });

  /** Checks what the server would refuse anyway, so the reader sees it before waiting. */
  const validate = (): boolean => {
    errors.clear();
    let ok = true;
    const fail = (field: string, message: string) => {
      errors.set(field, message);
      ok = false;
    };
    if (images.length === 0) fail('mediaIds', t('compose.needImage'));
    else if (images.length > IMAGES_MAX) fail('mediaIds', t('compose.tooManyImages'));
    else if (images.some((img) => img.error)) fail('mediaIds', t('pages.upload.fixFailed'));
    else if (images.some((img) => !img.media)) fail('mediaIds', t('compose.stillUploading'));
    const titleProblem = titleIssue(title);
    if (titleProblem === 'required') fail('title', t('compose.titleRequired'));
    else if (titleProblem === 'too_long') fail('title', t('compose.titleTooLong'));
    if (bodyUnits > BODY_MAX) fail('body', t('compose.bodyTooLong'));
    return ok;
  };

  const submit = (status: 'published' | 'draft') => (event?: FormEvent) => {
    event?.preventDefault();
    if (!validate()) return;
    const mediaIds = images.flatMap((img) => (img.media ? [img.media.id] : []));
    save.mutate({ title: title.trim(), body, mediaIds, topics, status });
  };

  return (
    <form className="page page-narrow composer" onSubmit={submit('published')} noValidate>
      <h1 className="page-title">{note ? t('compose.editTitle') : t('compose.newTitle')}</h1>
      <ImagePicker images={images} onChange={setImages} error={errors.fields.mediaIds} />
      <TextField
        label={t('compose.title')}
        error={errors.fields.title}
        counter={`${titleUnits}/${TITLE_MAX}`}
        over={titleUnits > TITLE_MAX}
        name="title"
        value={title}
        placeholder={t('compose.titlePlaceholder')}
        onChange={setTitle}
      />
      <Field
        label={t('compose.body')}
        error={errors.fields.body}
        counter={`${bodyUnits}/${BODY_MAX}`}
        over={bodyUnits > BODY_MAX}
      >
        {(props) => (
          <textarea
            {...props}
            name="body"
            rows={8}
            value={body}
            placeholder={t('compose.bodyPlaceholder')}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <TopicInput topics={topics} onChange={setTopics} error={errors.fields.topics} />
      <FormError message={errors.form} />
      <div className="form-actions">
        {(!note || note.status === 'draft') && (
          <button
            type="button"
            className="btn btn-outline"
            disabled={save.isPending}
            onClick={submit('draft')}
          >
            {t('compose.saveDraft')}
          </button>
        )}
        <button type="submit" className="btn btn-primary btn-wide" disabled={save.isPending}>
          {save.isPending ? t('compose.publishing') : note ? t('compose.update') : t('compose.publish')}
        </button>
      </div>
    </form>
  );
}
