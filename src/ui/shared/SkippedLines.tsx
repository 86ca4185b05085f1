import type { ImportSummary } from '../../core/model.ts';
import { t } from '../../platform/i18n.ts';
import { skipReasonText } from './skip-reasons.ts';

/** "12 lines skipped (why)", opening to each reason with its count and first lines, as signed by the publisher. */
export function SkippedLines({ summary }: { summary: ImportSummary }) {
  return (
    <details class="skipped" data-testid="skipped-lines">
      <summary>{t('listSkipped', String(summary.lines))}</summary>
      <ul>
        {summary.reasons.map((r) => (
          <li key={r.code}>
            {t('skipReasonCount', [skipReasonText(r.code), String(r.count)])}
            <ul>
              {r.first.map((f, i) => (
                <li key={`${f.line}-${i}`}>
                  <code>{t('skipLine', [String(f.line), f.text])}</code>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
