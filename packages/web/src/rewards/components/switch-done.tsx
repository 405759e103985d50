import { useEffect, useRef } from 'react';

/**
 * The confirmation of a plan change, shown in the chosen plan's card where the reader tapped:
 * on a phone the list's top is screens away. Scrolled into view and focused (for screen
 * readers) once, when it appears.
 */
export function SwitchDone({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <p
      ref={ref}
      className="success rewards-switch-done"
      role="status"
      tabIndex={-1}
      data-testid="switch-done"
    >
      {text}
    </p>
  );
}
