import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { setFollow } from '../api/accounts.ts';
import type { Profile } from '../api/types.ts';
import { useMe } from '../hooks/use-me.ts';

/** Follow / Following / Follow back, by the viewer's relation to the account. */
export function FollowButton({ profile, small = false }: { profile: Profile; small?: boolean }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const following = profile.viewer?.following ?? false;
  const mutation = useMutation({
    mutationFn: () => setFollow(profile.handle, !following),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['profile', profile.handle] }),
  });
  if (me?.id === profile.id) return null;
  const label = following
    ? t('profile.unfollow')
    : profile.viewer?.followsYou
      ? t('profile.followBack')
      : t('profile.follow');
  return (
    <button
      type="button"
      className={`${following ? 'btn btn-outline' : 'btn btn-primary'}${small ? ' btn-small' : ''}`}
      disabled={mutation.isPending}
      onClick={() => (me ? mutation.mutate() : void navigate('/login'))}
    >
      {label}
    </button>
  );
}
