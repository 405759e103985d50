import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminCap, AdminChannel, AdminVersionView } from '../api/admin-types.ts';
import type { LevelKey } from '../api/types.ts';
import { useLocalText } from '../hooks/use-local-text.ts';
import { formatCalendarDate, formatPoints, formatRate, formatTaipeiDateTime } from '../lib/format.ts';
import { ScheduleForm } from './schedule-form.tsx';
import { StateBadge } from './state-badge.tsx';
import { windowEndText } from './window-end.ts';

const LEVELS: LevelKey[] = ['1', '2', '3'];

/** A version as the bank reads it: window, shelf, who may pick it, channels with rates per level, caps. */
export function VersionCard({ version }: { version: AdminVersionView }) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  const lang = i18n.language;
  return (
    <li className="card rewards-admin-version" data-version={version.id} data-state={version.state}>
      <div className="rewards-plan-head">
        <h3 className="section-title">{name(version.names)}</h3>
        <StateBadge state={version.state} />
      </div>
      <p className="muted">
        <code>{version.id}</code> ·{' '}
        {t('rewards.admin.window', {
          from: formatCalendarDate(version.validFrom, lang),
          to: windowEndText(t, version.validTo, lang),
        })}
      </p>
      <ShelfLine version={version} />
      <p className="muted">
        {t(`rewards.admin.eligibility.${version.eligibility.kind}`, { flag: version.eligibility.flag ?? '' })}
      </p>
      <RateTable channels={version.channels} />
      {version.caps.length > 0 && (
        <ul className="rewards-admin-caps">
          {version.caps.map((cap) => (
            <CapLine key={cap.id} cap={cap} channels={version.channels} />
          ))}
        </ul>
      )}
      <div className="form-actions">
        {version.editable ? (
          <Link
            to={`/rewards/admin/versions/${encodeURIComponent(version.id)}/edit`}
            className="btn btn-outline"
          >
            {t('rewards.admin.editVersion')}
          </Link>
        ) : (
          <span className="muted">{t('rewards.admin.locked')}</span>
        )}
      </div>
      <ScheduleForm version={version} />
      {version.updatedAt > 0 && (
        <p className="muted">
          {t('rewards.admin.updatedAt', { when: formatTaipeiDateTime(version.updatedAt, lang) })}
        </p>
      )}
    </li>
  );
}

function ShelfLine({ version }: { version: AdminVersionView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { shelf, effective } = version;
  if (!shelf) return <p className="muted">{t('rewards.admin.notScheduled')}</p>;
  return (
    <p className="rewards-admin-shelf">
      {t('rewards.admin.onShelfAt', { when: formatTaipeiDateTime(shelf.onShelfAt, lang) })}
      {shelf.offShelfAt !== null &&
        ` · ${t('rewards.admin.offShelfAt', { when: formatTaipeiDateTime(shelf.offShelfAt, lang) })}`}
      {effective &&
        ` · ${t('rewards.admin.effective', {
          from: formatCalendarDate(effective.from, lang),
          to: windowEndText(t, effective.to, lang),
        })}`}
    </p>
  );
}

/** Channels down, levels across: the numbers the bank publishes. */
function RateTable({ channels }: { channels: AdminChannel[] }) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  const rate = (channel: AdminChannel, level: LevelKey) =>
    formatRate(channel.rate.kind === 'flat' ? channel.rate.bps : channel.rate.bps[level], i18n.language);
  if (channels.length === 0) return <p className="muted">{t('rewards.admin.noChannels')}</p>;
  return (
    <div className="rewards-table-wrap">
      <table className="rewards-table">
        <thead>
          <tr>
            <th scope="col">{t('rewards.admin.channel')}</th>
            {LEVELS.map((l) => (
              <th scope="col" key={l}>
                {t('rewards.card.level', { level: l })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel.id}>
              <th scope="row">{name(channel.names)}</th>
              {LEVELS.map((l) => (
                <td key={l}>{rate(channel, l)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CapLine({ cap, channels }: { cap: AdminCap; channels: AdminChannel[] }) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  const channel =
    cap.scope.kind === 'channel'
      ? channels.find((c) => c.id === (cap.scope as { channelId: string }).channelId)
      : undefined;
  const limit = t(`rewards.cap.${cap.period}`, { points: formatPoints(cap.limitPoints, i18n.language) });
  return <li className="rewards-cap">{channel ? `${name(channel.names)}: ${limit}` : limit}</li>;
}
