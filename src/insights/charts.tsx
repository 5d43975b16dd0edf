/**
 * One accessible bar chart, plain SVG (no chart library: grouped bars are all the page needs). The
 * SVG is an image named by its title and a description that says the figures in words; its numbers
 * are a table right under it. Colours come from palette.css, text is currentColor: light and dark alike.
 */
export interface Series {
  name: string;
  values: number[];
  /** A CSS class giving the bars their colour (insights.css: series-1 …). */
  className: string;
}

export interface BarChartProps {
  id: string;
  title: string;
  /** Says in words what the chart shows (the SVG's description). */
  description: string;
  categories: string[];
  series: Series[];
  /** The table's first column heading. */
  categoryHeading: string;
  /** What shows instead of the chart when every value is zero or there is no category. */
  empty: string;
}

const W = 640;
const H = 220;
const PAD = { left: 36, right: 8, top: 12, bottom: 40 };

/** A round axis top: 1, 2, 5 × 10ⁿ at or over the largest value. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max)!;
}

export function BarChart(props: BarChartProps) {
  const { id, title, description, categories, series } = props;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const hasData = categories.length > 0 && max > 0;
  const top = niceMax(max);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = categories.length ? plotW / categories.length : plotW;
  const barW = Math.max(1, (slot * 0.8) / Math.max(1, series.length));
  // Category labels thin out so they never overlap (about 7 px a character at this size).
  const longest = Math.max(1, ...categories.map((c) => c.length));
  const every = Math.max(1, Math.ceil((longest * 7) / slot));
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  return (
    <figure class="chart" data-testid={`chart-${id}`} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      {hasData ? (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {[0, top / 2, top].map((v) => (
            <g key={v} class="grid">
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
              <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end">
                {Number.isInteger(v) ? v : v.toFixed(1)}
              </text>
            </g>
          ))}
          {categories.map((c, i) => (
            <g key={c} data-category={c}>
              {series.map((s, j) => {
                const v = s.values[i] ?? 0;
                return (
                  <rect
                    key={s.name}
                    class={`bar ${s.className}`}
                    x={PAD.left + i * slot + slot * 0.1 + j * barW}
                    y={y(v)}
                    width={barW}
                    height={Math.max(0, PAD.top + plotH - y(v))}
                  >
                    <title>{`${c}, ${s.name}: ${v}`}</title>
                  </rect>
                );
              })}
              {i % every === 0 && (
                <text class="label" x={PAD.left + i * slot + slot / 2} y={H - PAD.bottom + 16} text-anchor="middle">
                  {c}
                </text>
              )}
            </g>
          ))}
        </svg>
      ) : (
        <p class="muted" data-testid={`chart-${id}-empty`}>
          {props.empty}
        </p>
      )}
      {hasData && series.length > 1 && (
        <ul class="legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.name}>
              <span class={`swatch ${s.className}`} /> {s.name}
            </li>
          ))}
        </ul>
      )}
      <details class="numbers">
        <summary>Numbers for “{title}”</summary>
        <table data-testid={`table-${id}`}>
          <thead>
            <tr>
              <th scope="col">{props.categoryHeading}</th>
              {series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                {series.map((s) => (
                  <td key={s.name}>{s.values[i] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
