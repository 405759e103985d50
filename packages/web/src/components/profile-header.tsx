import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { setBlock } from '../api/accounts.ts';
import type { Profile } from '../api/types.ts';
import { useMe } from '../hooks/use-me.ts';
import { formatCount } from '../lib/format.ts';
import { Avatar } from './avatar.tsx';
import { FollowButton } from './follow-button.tsx';

function countsOf(profile: Profile) {
  return {
    followers: profile.followerCount ?? 0,
    following: profile.followingCount ?? 0,
    notes: profile.noteCount ?? 0,
    received: profile.likesAndCollects ?? 0,
  };
}

/** Avatar, names, bio, counts and the follow/block buttons (or "edit profile" on your own). */
export function ProfileHeader({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const queryClient = useQueryClient();
  const blocking = profile.viewer?.blocking ?? false;
  const block = useMutation({
    mutationFn: () => setBlock(profile.handle, !blocking),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['profile', profile.handle] }),
  });
  const mine = me?.id === profile.id;
  const counts = countsOf(profile);
  const name = profile.displayName || profile.handle;
  const lang = i18n.language;
  return (
    <header className="profile-header">
      <Avatar name={name} url={profile.avatarUrl} size={88} />
      <div className="profile-info">
        <h1 className="profile-name">{name}</h1>
        <p className="muted">{`@${profile.handle}`}</p>
        <p className="profile-bio">{profile.bio || t('profile.noBio')}</p>
        <ul className="profile-counts">
          <li>
            <strong>{formatCount(counts.following, lang)}</strong> {t('profile.following')}
          </li>
          <li>
            <strong>{formatCount(counts.followers, lang)}</strong> {t('profile.followers')}
          </li>
          <li>
            <strong>{formatCount(counts.notes, lang)}</strong> {t('profile.notes')}
          </li>
          <li data-testid="likes-and-collects">
            <strong>{formatCount(counts.received, lang)}</strong> {t('pages.profile.likesAndCollects')}
          </li>
        </ul>
        {profile.viewer?.followsYou && !mine && <span className="badge">{t('profile.followsYou')}</span>}
      </div>
      <div className="profile-actions">
        {mine ? (
          <Link to="/settings" className="btn btn-outline">
            {t('profile.editProfile')}
          </Link>
        ) : (
          me && (
            <>
              {!blocking && <FollowButton profile={profile} />}
              <button
                type="button"
                className="btn btn-ghost"
                disabled={block.isPending}
                onClick={() =>
                  (blocking || window.confirm(t('profile.blockConfirm', { handle: profile.handle }))) &&
                  block.mutate()
                }
              >
                {blocking ? t('profile.unblock') : t('profile.block')}
              </button>
            </>
          )
        )}
        {!me && <FollowButton profile={profile} />}
      </div>
      {blocking && <p className="notice">{t('profile.blocked')}</p>}
    </header>
  );
}
