import { type PointerEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageView } from '../api/types.ts';
import { ChevronIcon } from './icons.tsx';

// A horizontal drag longer than this many pixels turns the page.
const SWIPE_MIN_PX = 40;

/** The note's photos: swipe on touch, arrows and keys on desktop, dots for where you are. */
export function Carousel({ images, title }: { images: ImageView[]; title: string }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const startX = useRef<number | null>(null);
  const count = images.length;
  const go = (next: number) => setIndex(Math.max(0, Math.min(count - 1, next)));

  const onPointerDown = (e: PointerEvent) => {
    startX.current = e.clientX;
  };
  const onPointerUp = (e: PointerEvent) => {
    if (startX.current === null) return;
    const dx = e.clientX - startX.current;
    startX.current = null;
    if (Math.abs(dx) >= SWIPE_MIN_PX) go(index + (dx < 0 ? 1 : -1));
  };

  if (count === 0) return null;
  return (
    <section
      className="carousel"
      aria-roledescription={t('note.carousel')}
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') go(index - 1);
        if (e.key === 'ArrowRight') go(index + 1);
      }}
    >
      <div
        className="carousel-track"
        style={{ transform: `translateX(-${index * 100}%)` }}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
      >
        {images.map((image, i) => (
          <div className="carousel-slide" key={image.id} aria-hidden={i !== index}>
            <img
              src={image.urls.large ?? image.urls.original ?? image.urls.thumb}
              alt={t('note.imageOf', { n: i + 1, total: count })}
              draggable={false}
              loading={i === 0 ? 'eager' : 'lazy'}
            />
          </div>
        ))}
      </div>
      {count > 1 && (
        <>
          <button
            type="button"
            className="carousel-arrow prev"
            onClick={() => go(index - 1)}
            disabled={index === 0}
            aria-label={t('note.previousImage')}
          >
            <ChevronIcon />
          </button>
          <button
            type="button"
            className="carousel-arrow next"
            onClick={() => go(index + 1)}
            disabled={index === count - 1}
            aria-label={t('note.nextImage')}
          >
            <ChevronIcon flip />
          </button>
          <span className="carousel-count">{`${index + 1}/${count}`}</span>
          <div className="carousel-dots">
            {images.map((image, i) => (
              <button
                type="button"
                key={image.id}
                className={i === index ? 'dot active' : 'dot'}
                onClick={() => go(i)}
                aria-label={t('note.goToImage', { n: i + 1 })}
                aria-current={i === index}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
