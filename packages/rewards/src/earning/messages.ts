/**
 * The explanation sentences, one table per language. Placeholders use i18next's `{{name}}`
 * syntax so the tables can move into the web app's i18n files unchanged.
 */
export type Locale = 'zh-TW' | 'en';

export type MessageKey =
  | 'general'
  | 'bonus'
  | 'level'
  | 'capPlan'
  | 'capChannel'
  | 'capMonth'
  | 'capWindow'
  | 'capState'
  | 'capCut'
  | 'installment'
  | 'foreign'
  | 'skip.no_plan'
  | 'skip.installment_general_only'
  | 'skip.not_birth_month'
  | 'skip.not_eligible'
  | 'skip.no_channel'
  | 'clawback'
  | 'clawbackBefore'
  | 'ofGeneral'
  | 'ofBonus'
  | 'generalExact'
  | 'bonusExact'
  | 'capHold'
  | 'totalShare'
  | 'totalShareUp'
  | 'clawbackTotal'
  | 'total'
  | 'totalPerLine';

export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  'zh-TW': {
    general: '一般消費回饋 {{rate}}：{{amount}} × {{rate}} = {{exact}} 點，四捨五入為 {{points}} 點',
    bonus:
      '{{plan}}「{{channel}}」回饋 {{channelRate}}（含一般消費 {{generalRate}}），加碼 {{bonusRate}}：{{amount}} × {{bonusRate}} = {{exact}} 點，四捨五入為 {{rounded}} 點',
    level: '依卡友 Level {{level}} 的回饋率',
    capPlan: '本方案',
    capChannel: '本通路',
    capMonth: '每月',
    capWindow: '活動期間',
    capState: '{{scope}}{{period}}上限 {{limit}} 點，本筆前已用 {{used}} 點，本筆後剩餘 {{remaining}} 點',
    capCut: '超過上限的 {{cut}} 點不回饋，實得加碼 {{points}} 點',
    installment: '分期第 {{index}}/{{count}} 期，以本期入帳金額計算',
    foreign: '海外交易（{{original}}，商店所在地 {{country}}），以臺幣入帳金額 {{amount}} 計算',
    'skip.no_plan': '未適用任何權益方案，僅享一般消費回饋',
    'skip.installment_general_only': '自 {{since}} 起分期付款消費僅享一般消費回饋',
    'skip.not_birth_month': '{{plan}}僅限生日當月消費，本筆僅享一般消費回饋',
    'skip.not_eligible': '卡友尚未符合{{plan}}資格，本筆僅享一般消費回饋',
    'skip.no_channel': '此商店不在{{plan}}的指定通路，本筆僅享一般消費回饋',
    clawback:
      '退款 {{refund}}（原交易 {{original}}）：按比例收回{{of}} {{originalPoints}} × {{refund}} ÷ {{original}} = {{exact}} 點，收回 {{points}} 點',
    clawbackBefore: '先前已退款 {{before}}，累計四捨五入使全額退款時恰好收回全部點數',
    ofGeneral: '一般消費回饋',
    ofBonus: '加碼回饋',
    generalExact: '一般消費回饋 {{rate}}：{{amount}} × {{rate}} = {{exact}} 點',
    bonusExact:
      '{{plan}}「{{channel}}」回饋 {{channelRate}}（含一般消費 {{generalRate}}），加碼 {{bonusRate}}：{{amount}} × {{bonusRate}} = {{exact}} 點',
    capHold: '受上限限制，本項以 {{held}} 點計（原為 {{exact}} 點）',
    totalShare: '本筆交易合計 {{exact}} 點，整筆四捨五入為 {{total}} 點，本項得 {{points}} 點',
    totalShareUp:
      '本筆交易合計 {{exact}} 點，整筆四捨五入為 {{total}} 點，本項得 {{points}} 點（各項先取整數，進位的點數給小數較大的項目）',
    clawbackTotal:
      '整筆交易原得 {{earned}} 點，本次按比例為 {{exact}} 點，依累計退款四捨五入收回 {{points}} 點，再依各項點數分攤',
    total: '本筆合計：{{terms}} = {{exact}} 點，四捨五入為 {{points}} 點。',
    totalPerLine: '本筆合計：{{terms}} = {{points}} 點（各項分別四捨五入）。',
  },
  en: {
    general: 'General rate {{rate}}: {{amount}} × {{rate}} = {{exact}} points, rounded half-up to {{points}}',
    bonus:
      '{{plan}} · {{channel}} pays {{channelRate}} (including the general {{generalRate}}), so the bonus is {{bonusRate}}: {{amount}} × {{bonusRate}} = {{exact}} points, rounded half-up to {{rounded}}',
    level: 'rate for Level {{level}}',
    capPlan: 'plan',
    capChannel: 'channel',
    capMonth: 'monthly',
    capWindow: 'whole-period',
    capState: '{{scope}} {{period}} cap {{limit}} points: {{used}} used before, {{remaining}} left after',
    capCut: '{{cut}} points over the cap are not paid, bonus {{points}}',
    installment: 'installment {{index}} of {{count}}, computed on this installment’s billed amount',
    foreign: 'foreign transaction ({{original}}, merchant in {{country}}), computed on the billed {{amount}}',
    'skip.no_plan': 'no benefit plan applies, so only the general rate',
    'skip.installment_general_only': 'since {{since}} installment purchases earn the general rate only',
    'skip.not_birth_month': '{{plan}} pays only in the cardholder’s birth month, so only the general rate',
    'skip.not_eligible': 'the cardholder is not yet eligible for {{plan}}, so only the general rate',
    'skip.no_channel': 'this merchant is not one of {{plan}}’s channels, so only the general rate',
    clawback:
      'Refund of {{refund}} (original {{original}}): takes back {{of}} {{originalPoints}} × {{refund}} ÷ {{original}} = {{exact}}, so {{points}} points',
    clawbackBefore:
      'earlier refunds {{before}}; rounding on the running total returns exactly the earned points on a full refund',
    ofGeneral: 'general points',
    ofBonus: 'bonus points',
    generalExact: 'General rate {{rate}}: {{amount}} × {{rate}} = {{exact}} points',
    bonusExact:
      '{{plan}} · {{channel}} pays {{channelRate}} (including the general {{generalRate}}), so the bonus is {{bonusRate}}: {{amount}} × {{bonusRate}} = {{exact}} points',
    capHold: 'the caps hold this line to {{held}} of its {{exact}} points',
    totalShare:
      'the transaction’s exact {{exact}} points round half-up once to {{total}}, {{points}} of them on this line',
    totalShareUp:
      'the transaction’s exact {{exact}} points round half-up once to {{total}}, {{points}} of them on this line (each line keeps its whole points; the point the rounding adds goes to the largest fraction)',
    clawbackTotal:
      'the transaction earned {{earned}} points; this refund’s share is {{exact}}, rounded half-up on the running total of refunds to {{points}}, shared over the lines by their points',
    total: 'Transaction total: {{terms}} = {{exact}} points, rounded half-up to {{points}}.',
    totalPerLine: 'Transaction total: {{terms}} = {{points}} points (each line rounded on its own).',
  },
};

/** Fills `{{name}}` placeholders; a missing value shows the placeholder so the gap is visible. */
export function message(
  locale: Locale,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return MESSAGES[locale][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
