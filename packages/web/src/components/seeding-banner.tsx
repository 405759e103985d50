import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';

/** `GET /api/v1/status/seed`: demo data on a fresh install, while the server already answers. */
interface SeedStatus {
  state: 'none' | 'running' | 'done' | 'failed';
  notes: { done: number; planned: number };
}

const SEED_STATUS_KEY = ['status', 'seed'] as const;
const POLL_MS = 2_000;
// Feeds are fetched again each time this many more demo notes exist, and once at the end.
const NOTES_PER_REFRESH = 25;

/**
 * A note at the top of every page while a fresh install is filled with demo data ("Demo data
 * is being prepared… 120/311 notes"); the feeds fill in as the notes arrive.
 */
export function SeedingBanner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: SEED_STATUS_KEY,
    queryFn: () => api<SeedStatus>('GET', '/api/v1/status/seed'),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? POLL_MS : false),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const running = data?.state === 'running';
  const done = data?.notes.done ?? 0;
  const seen = useRef({ running: false, notes: 0 });
  useEffect(() => {
    const before = seen.current;
    if (before.running && !running) {
      seen.current = { running, notes: done };
      void queryClient.invalidateQueries();
    } else if (running && done - before.notes >= NOTES_PER_REFRESH) {
      seen.current = { running, notes: done };
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
    } else seen.current = { ...before, running };
  }, [running, done, queryClient]);
  if (!data || !running) return null;
  const { planned } = data.notes;
  return (
    <p className="notice seeding-banner" role="status">
      {planned > 0 ? t('feed.seeding', { done, planned }) : t('feed.seedingStarting')}
    </p>
  );
}
