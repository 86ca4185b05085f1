// A horizontal bar chart drawn as inline SVG, with the same numbers in a
// table: the picture is for the eye (hidden from screen readers), the table
// for everyone.
import type { Tally } from '../../core/report/index.ts';
import { t } from '../../platform/i18n.ts';

const ROW = 22;
const WIDTH = 480;
const LABEL = 170;
const BARS = WIDTH - LABEL - 50;

/** Long labels cut for the picture only; the table shows them whole. */
const short = (s: string) => (s.length > 26 ? `${s.slice(0, 25)}…` : s);

interface Props {
  id: string;
  title: string;
  /** Header of the table's first column. */
  keyHeader: string;
  tallies: Tally[];
}

export function BarChart({ id, title, keyHeader, tallies }: Props) {
  const max = Math.max(1, ...tallies.map((x) => x.count));
  const height = Math.max(1, tallies.length) * ROW + 4;
  return (
    <figure aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {tallies.length === 0 ? (
        <p class="hint">{t('reportNothing')}</p>
      ) : (
        <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} aria-hidden="true" focusable="false" data-testid={`${id}-svg`}>
          {tallies.map((x, i) => {
            const w = Math.max(2, Math.round((x.count / max) * BARS));
            const y = i * ROW + 2;
            return (
              <g key={x.key} data-count={x.count}>
                <text x={LABEL - 6} y={y + 15} text-anchor="end">{short(x.label)}</text>
                <rect x={LABEL} y={y + 3} width={w} height={ROW - 6} rx={2} />
                <text x={LABEL + w + 6} y={y + 15}>{x.count}</text>
              </g>
            );
          })}
        </svg>
      )}
      {tallies.length > 0 && (
        <table data-testid={`${id}-table`}>
          <caption class="visually-hidden">{title}</caption>
          <thead><tr><th scope="col">{keyHeader}</th><th scope="col">{t('reportColStops')}</th></tr></thead>
          <tbody>
            {tallies.map((x) => <tr key={x.key}><th scope="row" class="text">{x.label}</th><td>{x.count}</td></tr>)}
          </tbody>
        </table>
      )}
    </figure>
  );
}
