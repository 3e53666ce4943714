/**
 * Hand-made SVG charts for the statistics tab (no charting library): grouped bars, lines and
 * a heat map table. Each chart has a title and a text summary for screen readers, shows the
 * numbers beside the colours, and marks every bar and point with `data-series`,
 * `data-period` and `data-value` so tests can compare the drawing with the CSV.
 *
 * Over 400 lines: three chart kinds that share scales, axes and the accessible summaries.
 */
import type { ComponentChildren } from 'preact';
import { formatDecimal } from '../ui/staff-format.ts';
import { type HeatCell, WEEKDAY_LONG } from './stats-data.ts';

export interface ChartSeries {
  key: string;
  name: string;
  color: string;
  values: (number | null)[];
  /** Line charts: dash pattern and marker, so series differ not only by colour. */
  dash?: string;
  marker?: 'circle' | 'square' | 'triangle';
  /** Line charts: write the value beside each point. */
  labels?: boolean;
}

export interface ChartProps {
  id: string;
  title: string;
  /** One sentence that says what the chart shows (read by screen readers). */
  summary: string;
  /** Period keys (as in the CSV), short axis labels and long labels for tooltips. */
  periods: string[];
  labels: string[];
  titles: string[];
  series: ChartSeries[];
  /** Unit after numbers in tooltips: "Min.", "". */
  unit?: string;
  /** A horizontal reference line, e.g. the target wait. */
  reference?: { value: number; label: string };
  /** Bar charts: the series stacked in one bar per period (parts of a whole), the sum above it. */
  stacked?: boolean;
}

const W = 640;
const H = 240;
const M = { top: 26, right: 14, bottom: 42, left: 46 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

/** A round step for about `ticks` grid lines up to `max`. */
export function niceStep(max: number, ticks = 4): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
}

function scale(values: readonly (number | null)[][], reference?: number) {
  let max = reference ?? 0;
  for (const list of values) for (const v of list) if (v !== null && v > max) max = v;
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Math.round(t * 100) / 100);
  return { top, ticks, y: (v: number) => M.top + PLOT_H - (v / top) * PLOT_H };
}

function Frame(props: { chart: ChartProps; ticks: number[]; y: (v: number) => number; children: ComponentChildren }) {
  const { chart, ticks, y } = props;
  const n = chart.periods.length;
  const slot = PLOT_W / Math.max(1, n);
  const every = Math.max(1, Math.ceil(n / Math.floor(PLOT_W / 70)));
  return (
    <svg
      class="chart__svg"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${chart.id}-title ${chart.id}-desc`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${chart.id}-title`}>{chart.title}</title>
      <desc id={`${chart.id}-desc`}>{chart.summary}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line class={t === 0 ? 'chart__axis' : 'chart__grid'} x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text class="chart__tick" x={M.left - 8} y={y(t) + 4} text-anchor="end">
            {formatDecimal(t)}
          </text>
        </g>
      ))}
      {chart.labels.map((label, i) =>
        i % every === 0 ? (
          <text
            key={chart.periods[i]}
            class="chart__tick"
            x={M.left + slot * (i + 0.5)}
            y={H - M.bottom + 18}
            text-anchor="middle"
          >
            {label}
          </text>
        ) : null,
      )}
      {props.children}
    </svg>
  );
}

function Legend({ series }: { series: ChartSeries[] }) {
  return (
    <ul class="chart__legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key}>
          <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">
            {s.marker ? (
              <>
                <line x1="0" x2="28" y1="7" y2="7" stroke={s.color} stroke-width="3" stroke-dasharray={s.dash} />
                <Marker shape={s.marker} x={14} y={7} color={s.color} />
              </>
            ) : (
              <rect x="4" y="1" width="20" height="12" rx="2" fill={s.color} />
            )}
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

function Marker({ shape, x, y, color }: { shape: ChartSeries['marker']; x: number; y: number; color: string }) {
  if (shape === 'square') return <rect x={x - 4.5} y={y - 4.5} width="9" height="9" fill={color} />;
  if (shape === 'triangle') return <path d={`M${x} ${y - 6}L${x + 5.5} ${y + 4}L${x - 5.5} ${y + 4}Z`} fill={color} />;
  return <circle cx={x} cy={y} r="4.5" fill={color} />;
}

const tip = (chart: ChartProps, i: number, s: ChartSeries, v: number | null) =>
  `${chart.titles[i]}: ${s.name} ${v === null ? 'keine Angabe' : `${formatDecimal(v)}${chart.unit ? ` ${chart.unit}` : ''}`}`;

/** Bars side by side per period, the number above each bar while there is room. */
export function BarChart(chart: ChartProps) {
  if (chart.stacked) return <StackedBars {...chart} />;
  const { ticks, y } = scale(chart.series.map((s) => s.values));
  const n = chart.periods.length;
  const slot = PLOT_W / Math.max(1, n);
  const barW = Math.min(38, (slot * 0.8) / chart.series.length);
  const showValues = n * chart.series.length <= 32;
  return (
    <figure class="chart" data-testid={chart.id}>
      <figcaption class="chart__title">{chart.title}</figcaption>
      <Legend series={chart.series} />
      <Frame chart={chart} ticks={ticks} y={y}>
        {chart.periods.map((period, i) =>
          chart.series.map((s, k) => {
            const v = s.values[i] ?? null;
            const x = M.left + slot * (i + 0.5) - (barW * chart.series.length) / 2 + k * barW;
            const top = y(v ?? 0);
            return (
              <g key={`${period}-${s.key}`}>
                <rect
                  class="chart__bar"
                  x={x + 1}
                  y={top}
                  width={Math.max(1, barW - 2)}
                  height={Math.max(0, M.top + PLOT_H - top)}
                  fill={s.color}
                  data-testid={`${chart.id}-bar`}
                  data-series={s.key}
                  data-period={period}
                  data-value={v ?? ''}
                >
                  <title>{tip(chart, i, s, v)}</title>
                </rect>
                {showValues && v !== null ? (
                  <text class="chart__value" x={x + barW / 2} y={top - 5} text-anchor="middle">
                    {formatDecimal(v)}
                  </text>
                ) : null}
              </g>
            );
          }),
        )}
      </Frame>
    </figure>
  );
}

/** One bar per period, the series stacked from the axis up in their order; the sum above the bar. */
function StackedBars(chart: ChartProps) {
  const sums = chart.periods.map((_, i) => chart.series.reduce((s, series) => s + (series.values[i] ?? 0), 0));
  const { ticks, y } = scale([sums]);
  const n = chart.periods.length;
  const slot = PLOT_W / Math.max(1, n);
  const barW = Math.min(46, slot * 0.7);
  return (
    <figure class="chart" data-testid={chart.id}>
      <figcaption class="chart__title">{chart.title}</figcaption>
      <Legend series={chart.series} />
      <Frame chart={chart} ticks={ticks} y={y}>
        {chart.periods.map((period, i) => {
          const x = M.left + slot * (i + 0.5) - barW / 2;
          let below = 0;
          return (
            <g key={period}>
              {chart.series.map((s) => {
                const v = s.values[i] ?? null;
                const bottom = y(below);
                below += v ?? 0;
                const top = y(below);
                return (
                  <rect
                    key={s.key}
                    class="chart__bar"
                    x={x}
                    y={top}
                    width={barW}
                    height={Math.max(0, bottom - top)}
                    fill={s.color}
                    stroke="#ffffff"
                    stroke-width={v ? 1 : 0}
                    data-testid={`${chart.id}-bar`}
                    data-series={s.key}
                    data-period={period}
                    data-value={v ?? ''}
                  >
                    <title>{tip(chart, i, s, v)}</title>
                  </rect>
                );
              })}
              {n <= 32 && (sums[i] ?? 0) > 0 ? (
                <text class="chart__value" x={x + barW / 2} y={y(sums[i] ?? 0) - 5} text-anchor="middle">
                  {formatDecimal(sums[i] ?? 0)}
                </text>
              ) : null}
            </g>
          );
        })}
      </Frame>
    </figure>
  );
}

/** Below a line's point (clear of the lines above it), unless that would touch the axis. */
const labelBelow = (py: number) => (py + 22 < M.top + PLOT_H - 2 ? py + 22 : py - 10);

/** Lines with markers per period; gaps where a period has no value. */
export function LineChart(chart: ChartProps) {
  const { ticks, y } = scale(
    chart.series.map((s) => s.values),
    chart.reference?.value,
  );
  const n = chart.periods.length;
  const slot = PLOT_W / Math.max(1, n);
  const x = (i: number) => M.left + slot * (i + 0.5);
  const showLabels = n <= 16;
  return (
    <figure class="chart" data-testid={chart.id}>
      <figcaption class="chart__title">{chart.title}</figcaption>
      <Legend series={chart.series} />
      <Frame chart={chart} ticks={ticks} y={y}>
        {chart.reference ? (
          <g>
            <line
              class="chart__reference"
              x1={M.left}
              x2={W - M.right}
              y1={y(chart.reference.value)}
              y2={y(chart.reference.value)}
            />
            <text class="chart__reference-label" x={W - M.right} y={y(chart.reference.value) - 6} text-anchor="end">
              {chart.reference.label}
            </text>
          </g>
        ) : null}
        {chart.series.map((s) => {
          const segments: string[] = [];
          let current = '';
          s.values.forEach((v, i) => {
            if (v === null) {
              if (current) segments.push(current);
              current = '';
            } else current += `${current ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
          });
          if (current) segments.push(current);
          return (
            <g key={s.key}>
              {segments.map((d) => (
                <path key={d} d={d} fill="none" stroke={s.color} stroke-width="3" stroke-dasharray={s.dash} />
              ))}
              {s.values.map((v, i) =>
                v === null ? null : (
                  <g
                    key={chart.periods[i]}
                    class="chart__point"
                    data-testid={`${chart.id}-point`}
                    data-series={s.key}
                    data-period={chart.periods[i]}
                    data-value={v}
                  >
                    <title>{tip(chart, i, s, v)}</title>
                    <Marker shape={s.marker} x={x(i)} y={y(v)} color={s.color} />
                    {showLabels && s.labels ? (
                      <text class="chart__value" x={x(i)} y={labelBelow(y(v))} text-anchor="middle">
                        {formatDecimal(v)}
                      </text>
                    ) : null}
                  </g>
                ),
              )}
            </g>
          );
        })}
      </Frame>
    </figure>
  );
}

// Heat map.

const LIGHT = [238, 244, 252];
const DARK = [8, 48, 107];

function luminance([r, g, b]: number[]): number {
  const f = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r ?? 0) + 0.7152 * f(g ?? 0) + 0.0722 * f(b ?? 0);
}

const TEXT_DARK = '#0f1b2d';
const contrastOn = (bg: number, text: number) => (Math.max(bg, text) + 0.05) / (Math.min(bg, text) + 0.05);
const DARK_TEXT_LUMINANCE = luminance([15, 27, 45]);

function mix(k: number): number[] {
  return LIGHT.map((l, i) => Math.round(l + ((DARK[i] ?? 0) - l) * k));
}

/**
 * Cell colour for `t` in 0..1 (light to dark blue) and a text colour with at least 4.5:1 on it.
 * Mid-tones where neither dark nor white text would reach 4.5:1 are moved to the nearer side.
 */
export function heatColor(t: number): { background: string; color: string } {
  let k = Math.min(1, Math.max(0, t));
  for (let step = 0; step < 100; step++) {
    const rgb = mix(k);
    const bg = luminance(rgb);
    if (contrastOn(bg, 1) >= 4.5) return { background: `rgb(${rgb.join(' ')})`, color: '#ffffff' };
    if (contrastOn(bg, DARK_TEXT_LUMINANCE) >= 4.5) return { background: `rgb(${rgb.join(' ')})`, color: TEXT_DARK };
    // In the gap: go darker when closer to the white-text side, else lighter.
    k = contrastOn(bg, 1) > contrastOn(bg, DARK_TEXT_LUMINANCE) ? Math.min(1, k + 0.01) : Math.max(0, k - 0.01);
  }
  return { background: `rgb(${DARK.join(' ')})`, color: '#ffffff' };
}

export function HeatmapTable(props: {
  id: string;
  caption: string;
  cells: readonly HeatCell[];
  openDays: readonly number[];
  hours: number[];
}) {
  const byKey = new Map(props.cells.map((c) => [c.weekday * 100 + c.hour, c]));
  let max = 0;
  for (const c of props.cells) max = Math.max(max, c.avgArrivals);
  const closed = WEEKDAY_LONG.filter((_, i) => !props.openDays[i]);
  return (
    <div class="table-scroll">
      <table class="heatmap" data-testid={props.id}>
        <caption class="heatmap__caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Wochentag</th>
            {props.hours.map((h) => (
              <th scope="col" key={h} class="heatmap__hour">
                <span class="heatmap__from">{h}</span>
                <span class="visually-hidden"> bis {h + 1} Uhr</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAY_LONG.map((name, index) => {
            const weekday = index + 1;
            const days = props.openDays[index] ?? 0;
            if (!days) return null;
            return (
              <tr key={name}>
                <th scope="row">
                  {name}
                  <span class="heatmap__days">{days === 1 ? '1 Tag' : `${days} Tage`}</span>
                </th>
                {props.hours.map((h) => {
                  const c = byKey.get(weekday * 100 + h);
                  if (!c) {
                    return (
                      <td
                        key={h}
                        class="heatmap__cell heatmap__cell--empty"
                        data-testid={`${props.id}-cell`}
                        data-weekday={weekday}
                        data-hour={h}
                        data-value="0"
                      >
                        <span aria-hidden="true">·</span>
                        <span class="visually-hidden">keine</span>
                      </td>
                    );
                  }
                  const style = heatColor(max ? c.avgArrivals / max : 0);
                  return (
                    <td
                      key={h}
                      class="heatmap__cell"
                      style={style}
                      title={`${name}, ${h}–${h + 1} Uhr: im Durchschnitt ${formatDecimal(c.avgArrivals)} Ankünfte (${c.arrivals} an ${c.days} ${c.days === 1 ? 'Tag' : 'Tagen'})`}
                      data-testid={`${props.id}-cell`}
                      data-weekday={weekday}
                      data-hour={h}
                      data-value={c.avgArrivals}
                      data-arrivals={c.arrivals}
                    >
                      {formatDecimal(c.avgArrivals)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {closed.length ? (
        <p class="heatmap__closed" data-testid={`${props.id}-closed`}>
          Keine Ankünfte am {listJoin(closed)}.
        </p>
      ) : null}
    </div>
  );
}

/** "Mittwoch, Freitag und Sonntag" */
function listJoin(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}
