/** Steps 2 and 3 of an import: the progress while it runs, and the summary when it is done. */
import { downloadBlob } from '../components/download';
import { useTranslation } from 'react-i18next';
import { problemReasonText } from '../../domain/import/report';
import type { ImportProblem, ImportProgress, ImportSummary } from '../../domain/import/types';
import { currentLanguage } from '../i18n';

export function ProgressView({ progress }: { progress: ImportProgress | null }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const percent = Math.max(0, Math.min(100, Math.round(progress?.percent ?? 0)));
  return (
    <div className="import-progress" data-testid="import-progress">
      <p className="import-phase" aria-live="polite">
        {progress ? t(`importer.phases.${progress.phase}`) : t('importer.running')}
      </p>
      <div
        className="import-bar"
        role="progressbar"
        aria-label={t('importer.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="import-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="import-rows">
        {progress
          ? t('importer.progressRows', {
              rows: nf.format(progress.rows),
              total: nf.format(progress.totalRows),
              percent,
            })
          : '\u00a0'}
      </p>
    </div>
  );
}

export function SummaryView({ summary }: { summary: ImportSummary }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const items = [
    ['added', summary.added],
    ['updated', summary.updated],
    ['skipped', summary.skipped],
    ['flagged', summary.flagged],
  ] as const;
  return (
    <div className="import-summary" data-testid="import-summary">
      <dl className="import-counts">
        {items.map(([key, n]) => (
          <div key={key} className="import-count" data-testid={`import-${key}`}>
            <dt>{t(`importer.summary.${key}`)}</dt>
            <dd>{nf.format(n)}</dd>
          </div>
        ))}
      </dl>
      {summary.flagged > 0 ? (
        <p className="import-hint">{t('importer.summary.flaggedHint')}</p>
      ) : null}
      {summary.unchanged ? (
        <p>
          {t('importer.summary.unchanged', {
            count: summary.unchanged,
            formatted: nf.format(summary.unchanged),
          })}
        </p>
      ) : null}
      {summary.problems.length > 0 ? (
        <>
          <p>
            {t('importer.summary.problems', {
              count: summary.problems.length,
              formatted: nf.format(summary.problems.length),
            })}
          </p>
          <ul className="import-problem-groups" data-testid="import-problem-groups">
            {groupProblems(summary.problems).map((g) => (
              <li key={`${g.column}\u0000${g.reason}`}>
                {t('importer.summary.problemGroup', {
                  column: g.column,
                  reason: problemReasonText(g.reason, currentLanguage()),
                  count: nf.format(g.count),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="import-hint">{t('importer.summary.undoHint')}</p>
    </div>
  );
}

/** Problems counted per column and reason, the most frequent first (at most `limit`). */
export function groupProblems(
  problems: readonly ImportProblem[],
  limit = 6,
): { column: string; reason: ImportProblem['reason']; count: number }[] {
  const groups = new Map<
    string,
    { column: string; reason: ImportProblem['reason']; count: number }
  >();
  for (const p of problems) {
    const key = `${p.column}\u0000${p.reason}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { column: p.column, reason: p.reason, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count).slice(0, limit);
}

/** Saves the problem report: UTF-8 with BOM so that Excel shows Chinese correctly. */
export function downloadReport(csv: string, fileName: string): void {
  downloadBlob(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), fileName);
}
