import { useQuery } from '@tanstack/react-query';
import { getProfile } from '../api/accounts.ts';
import { FollowButton } from './follow-button.tsx';

/**
 * The follow button beside a note's author. It reads the author's profile (shared with the
 * profile page's cache, which the button refreshes), so it shows nothing until that arrives.
 */
export function AuthorFollow({ handle }: { handle: string }) {
  const profile = useQuery({ queryKey: ['profile', handle], queryFn: () => getProfile(handle) });
  if (!profile.data) return null;
  return <FollowButton profile={profile.data} small />;
}
