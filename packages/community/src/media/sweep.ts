import type { Logger } from '@plaza/kernel';

/**
 * Runs `sweep` every `intervalMs`; answers the function that stops it. The timer never keeps
 * the process alive, and a sweep still running when the next is due makes that one skip.
 */
export function scheduleMediaSweep(
  sweep: () => Promise<number>,
  intervalMs: number,
  logger: Logger,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
      .then((deleted) => {
        if (deleted > 0) logger.info({ deleted }, 'deleted uploads no note or profile used');
      })
      .catch((err: unknown) => logger.error({ err }, 'media sweep failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
