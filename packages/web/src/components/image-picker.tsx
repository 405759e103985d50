import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadMedia } from '../api/media.ts';
import type { Media } from '../api/types.ts';
import { ChevronIcon, PlusIcon } from './icons.tsx';
import { isRetryable, type UploadErrorKey, uploadErrorKey } from './upload-error.ts';

export const IMAGES_MAX = 18;

/** A photo in the composer: a local preview while it uploads, the server's media once done. */
export interface PickedImage {
  key: string;
  previewUrl: string;
  media: Media | null;
  /** Why the upload failed (a `pages.upload` key), or null. */
  error: UploadErrorKey | null;
  /** The picked file, kept so a failed upload can be tried again. */
  file?: File;
  /** True when previewUrl is an object URL this component must revoke. */
  local: boolean;
}

interface ImagePickerProps {
  images: PickedImage[];
  onChange: (update: (images: PickedImage[]) => PickedImage[]) => void;
  error?: string | undefined;
}

let nextKey = 0;

/** Adds, previews, reorders and removes a note's photos; each uploads as soon as it is picked. */
export function ImagePicker({ images, onChange, error }: ImagePickerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const imagesRef = useRef(images);
  imagesRef.current = images;
  // Object URLs hold the file in memory until revoked.
  useEffect(
    () => () => {
      for (const image of imagesRef.current) if (image.local) URL.revokeObjectURL(image.previewUrl);
    },
    [],
  );

  const update = (key: string, change: Partial<PickedImage>) =>
    onChange((list) => list.map((img) => (img.key === key ? { ...img, ...change } : img)));

  const add = (files: FileList | null) => {
    if (!files) return;
    const room = IMAGES_MAX - images.length;
    const picked = Array.from(files).slice(0, Math.max(0, room));
    const added = picked.map((file) => ({
      file,
      image: {
        key: `img-${nextKey++}`,
        previewUrl: URL.createObjectURL(file),
        media: null,
        error: null,
        local: true,
        file,
      } satisfies PickedImage,
    }));
    onChange((list) => [...list, ...added.map((a) => a.image)]);
    for (const { image } of added) upload(image);
  };

  const upload = (image: PickedImage) => {
    if (!image.file) return;
    update(image.key, { error: null });
    uploadMedia(image.file).then(
      (media) => update(image.key, { media }),
      (err: unknown) => update(image.key, { error: uploadErrorKey(err) }),
    );
  };

  const move = (index: number, delta: number) =>
    onChange((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + delta, 0, item);
      return next;
    });

  const remove = (image: PickedImage) => {
    if (image.local) URL.revokeObjectURL(image.previewUrl);
    onChange((list) => list.filter((img) => img.key !== image.key));
  };

  return (
    <div className={error ? 'image-picker field-invalid' : 'image-picker'}>
      <div className="field-head">
        <span className="field-label">{t('compose.images')}</span>
        <span className="field-counter">{t('compose.imagesHint', { count: images.length })}</span>
      </div>
      <ul className="image-grid">
        {images.map((image, index) => (
          <li key={image.key} className="image-tile" data-testid="picked-image">
            <img src={image.previewUrl} alt="" />
            {index === 0 && <span className="badge badge-cover">{t('compose.cover')}</span>}
            {!image.media && !image.error && <span className="tile-status">{t('compose.uploading')}</span>}
            {image.error && (
              // The tile has room for the state and the choices; the reason is written out below.
              <div className="tile-status tile-error">
                <span>{t('compose.uploadFailed')}</span>
                <span className="tile-error-actions">
                  {image.file && isRetryable(image.error) && (
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-describedby={failureId(image.key)}
                      onClick={() => upload(image)}
                    >
                      {t('pages.upload.retry')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    aria-describedby={failureId(image.key)}
                    onClick={() => remove(image)}
                  >
                    {t('pages.upload.remove')}
                  </button>
                </span>
              </div>
            )}
            <div className="tile-tools">
              <button
                type="button"
                aria-label={t('compose.moveEarlier')}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                <ChevronIcon size={16} />
              </button>
              <button
                type="button"
                aria-label={t('compose.moveLater')}
                disabled={index === images.length - 1}
                onClick={() => move(index, 1)}
              >
                <ChevronIcon size={16} flip />
              </button>
              <button type="button" aria-label={t('compose.removeImage')} onClick={() => remove(image)}>
                {'×'}
              </button>
            </div>
          </li>
        ))}
        {images.length < IMAGES_MAX && (
          <li className="image-tile image-add">
            <label htmlFor={inputId}>
              <PlusIcon size={28} />
              <span>{t('compose.addImages')}</span>
            </label>
            <input
              id={inputId}
              type="file"
              accept="image/*"
              multiple
              className="visually-hidden"
              onChange={(e) => {
                add(e.target.files);
                e.target.value = '';
              }}
            />
          </li>
        )}
      </ul>
      <UploadFailures images={images} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const failureId = (key: string) => `upload-failure-${key}`;

/** Why each failed photo failed, in full: "Photo 2: this photo is too large…". */
function UploadFailures({ images }: { images: PickedImage[] }) {
  const { t } = useTranslation();
  const failed = images.flatMap((image, index) => (image.error ? [{ image, n: index + 1 }] : []));
  if (failed.length === 0) return null;
  return (
    <ul className="upload-failures" role="alert">
      {failed.map(({ image, n }) => (
        <li key={image.key} id={failureId(image.key)} data-testid="upload-failure" data-photo={n}>
          {t('pages.upload.failedPhoto', { n, reason: t(`pages.upload.${image.error ?? 'failed'}`) })}
        </li>
      ))}
    </ul>
  );
}
