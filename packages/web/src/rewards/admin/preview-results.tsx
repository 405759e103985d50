import { useTranslation } from 'react-i18next';
import type { PreviewLine, PreviewResult } from '../api/admin-types.ts';
import { PointsLineItem } from '../components/points-line.tsx';
import { useLocalText } from '../hooks/use-local-text.ts';
import { formatCalendarDate, formatPoints } from '../lib/format.ts';

/** "Under each plan this would earn N points", best first, each with its lines explained. */
export function PreviewResults({ result }: { result: PreviewResult }) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  const lang = i18n.language;
  const best = Math.max(result.withoutPlan.totalPoints, ...result.items.map((i) => i.totalPoints));
  const items = [...result.items].sort((a, b) => b.totalPoints - a.totalPoints);
  return (
    <section className="rewards-section" data-testid="preview-results">
      <p className="muted">
        {t('rewards.preview.selectionDate', { date: formatCalendarDate(result.selectionDate, lang) })}
      </p>
      <ul className="rewards-plan-list">
        {items.map((item) => (
          <li
            key={item.planId}
            className={
              item.totalPoints === best ? 'card rewards-plan rewards-plan-current' : 'card rewards-plan'
            }
            data-plan={item.planId}
          >
            <div className="rewards-plan-head">
              <h3 className="section-title">{name(item.names)}</h3>
              <span className="rewards-points-big" data-testid="preview-points">
                {t('rewards.points.count', { points: formatPoints(item.totalPoints, lang) })}
              </span>
            </div>
            <Lines lines={item.lines} />
          </li>
        ))}
        <li className="card rewards-plan" data-plan="">
          <div className="rewards-plan-head">
            <h3 className="section-title">{t('rewards.preview.withoutPlan')}</h3>
            <span className="rewards-points-big">
              {t('rewards.points.count', { points: formatPoints(result.withoutPlan.totalPoints, lang) })}
            </span>
          </div>
          <Lines lines={result.withoutPlan.lines} />
        </li>
      </ul>
    </section>
  );
}

function Lines({ lines }: { lines: PreviewLine[] }) {
  const { name } = useLocalText();
  return (
    <ol className="rewards-lines">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are the engine's, in its order
        <PointsLineItem key={i} kind={line.kind} points={line.points} text={name(line.explanation)} />
      ))}
    </ol>
  );
}
