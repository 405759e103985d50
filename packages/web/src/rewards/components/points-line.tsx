import { useTranslation } from 'react-i18next';
import { formatSignedPoints } from '../lib/format.ts';

/** One earning line: what kind, how many points, and the sentence that explains it. */
export function PointsLineItem({
  kind,
  points,
  text,
}: {
  kind: 'general' | 'bonus' | 'clawback';
  points: number;
  /** Already in the reader's language. */
  text: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li className="rewards-line" data-kind={kind}>
      <span className="rewards-line-head">
        <span className="rewards-line-kind">{t(`rewards.tx.line.${kind}`)}</span>
        <span className="rewards-line-points">{formatSignedPoints(points, i18n.language)}</span>
      </span>
      <span className="rewards-line-text">{text}</span>
    </li>
  );
}
