import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../components/field.tsx';
import type { LevelKey } from '../api/types.ts';
import { type Issues, issuesAt } from './form-issues.ts';
import { MerchantChips } from './merchants/merchant-chips.tsx';
import { type ChannelDraft, emptyRule, type RuleDraft, splitList } from './version-draft.ts';

const LEVELS: LevelKey[] = ['1', '2', '3'];

interface ChannelEditorProps {
  index: number;
  channel: ChannelDraft;
  issues: Issues;
  onChange: (channel: ChannelDraft) => void;
  onRemove: () => void;
}

/** One channel of a version: id, names, the rate (flat or per level, in percent) and its rules. */
export function ChannelEditor({ index, channel, issues, onChange, onRemove }: ChannelEditorProps) {
  const { t } = useTranslation();
  const at = `channels/${index}`;
  const set = (patch: Partial<ChannelDraft>) => onChange({ ...channel, ...patch });
  const setRule = (i: number, rule: RuleDraft) =>
    set({ rules: channel.rules.map((r, j) => (j === i ? rule : r)) });
  return (
    <fieldset className="rewards-admin-fieldset" data-channel-index={index}>
      <legend>{t('rewards.admin.channelN', { n: index + 1 })}</legend>
      <div className="rewards-admin-trio">
        <TextField
          label={t('rewards.admin.channelId')}
          name={`${at}/id`}
          value={channel.id}
          onChange={(id) => set({ id })}
          error={issuesAt(issues, `${at}/id`)}
        />
        <TextField
          label={t('rewards.admin.nameZhTW')}
          name={`${at}/zhTW`}
          value={channel.zhTW}
          onChange={(zhTW) => set({ zhTW })}
          error={issuesAt(issues, `${at}/names/zh-TW`) ?? issues[`${at}/names`]}
        />
        <TextField
          label={t('rewards.admin.nameEn')}
          name={`${at}/en`}
          value={channel.en}
          onChange={(en) => set({ en })}
          error={issuesAt(issues, `${at}/names/en`)}
        />
      </div>
      <RateFields channel={channel} at={at} issues={issues} set={set} />
      {channel.rules.map((rule, i) => (
        <RuleEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: rules are edited in place by position
          key={i}
          rule={rule}
          at={`${at}/rules/${i}`}
          issues={issues}
          onChange={(r) => setRule(i, r)}
          onRemove={
            channel.rules.length > 1
              ? () => set({ rules: channel.rules.filter((_, j) => j !== i) })
              : undefined
          }
        />
      ))}
      {issues[`${at}/rules`] && <p className="field-error">{issues[`${at}/rules`]}</p>}
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => set({ rules: [...channel.rules, emptyRule()] })}
        >
          {t('rewards.admin.addRule')}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onRemove}>
          {t('rewards.admin.removeChannel')}
        </button>
      </div>
    </fieldset>
  );
}

interface RuleEditorProps {
  rule: RuleDraft;
  at: string;
  issues: Issues;
  onChange: (rule: RuleDraft) => void;
  onRemove: (() => void) | undefined;
}

/** A rule matches when all its conditions hold; a channel matches when any rule does. */
function RuleEditor({ rule, at, issues, onChange, onRemove }: RuleEditorProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<RuleDraft>) => onChange({ ...rule, ...patch });
  return (
    <div className="rewards-admin-rule">
      <TextField
        label={t('rewards.admin.merchants')}
        hint={t('rewards.admin.merchantsHint')}
        name={`${at}/merchants`}
        value={rule.merchants}
        onChange={(merchants) => set({ merchants })}
        error={issuesAt(issues, `${at}/merchantIds`) ?? issues[at]}
      />
      <MerchantChips ids={splitList(rule.merchants)} />
      <TextField
        label={t('rewards.admin.mcc')}
        hint={t('rewards.admin.mccHint')}
        name={`${at}/mcc`}
        value={rule.mcc}
        onChange={(mcc) => set({ mcc })}
        error={issuesAt(issues, `${at}/mcc`)}
      />
      <div className="rewards-admin-pair">
        <Field label={t('rewards.admin.region')}>
          {(props) => (
            <select
              {...props}
              value={rule.region}
              onChange={(e) => set({ region: e.target.value as RuleDraft['region'] })}
            >
              <option value="">{t('rewards.admin.any')}</option>
              <option value="domestic">{t('rewards.rule.region.domestic')}</option>
              <option value="overseas">{t('rewards.rule.region.overseas')}</option>
            </select>
          )}
        </Field>
        <Field label={t('rewards.admin.presence')}>
          {(props) => (
            <select
              {...props}
              value={rule.presence}
              onChange={(e) => set({ presence: e.target.value as RuleDraft['presence'] })}
            >
              <option value="">{t('rewards.admin.any')}</option>
              <option value="in_person">{t('rewards.rule.presence.in_person')}</option>
              <option value="online">{t('rewards.rule.presence.online')}</option>
            </select>
          )}
        </Field>
      </div>
      {onRemove && (
        <button type="button" className="link-button" onClick={onRemove}>
          {t('rewards.admin.removeRule')}
        </button>
      )}
    </div>
  );
}

interface RateFieldsProps {
  channel: ChannelDraft;
  at: string;
  issues: Issues;
  set: (patch: Partial<ChannelDraft>) => void;
}

/** One rate for every level, or one per level, in percent as the bank publishes them. */
function RateFields({ channel, at, issues, set }: RateFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={channel.byLevel}
          onChange={(e) => set({ byLevel: e.target.checked })}
        />
        {t('rewards.admin.byLevel')}
      </label>
      <div className="rewards-admin-trio">
        {(channel.byLevel ? LEVELS : (['1'] as LevelKey[])).map((level) => (
          <TextField
            key={level}
            label={channel.byLevel ? t('rewards.admin.rateAtLevel', { level }) : t('rewards.admin.rateFlat')}
            inputMode="decimal"
            name={`${at}/rate/${level}`}
            value={channel.rates[level]}
            onChange={(value) => set({ rates: { ...channel.rates, [level]: value } })}
            error={level === '1' ? issuesAt(issues, `${at}/rate`) : undefined}
          />
        ))}
      </div>
    </>
  );
}
