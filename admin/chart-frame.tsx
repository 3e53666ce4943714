/**
 * What the statistics' SVG charts share: the series and chart description, the drawing area,
 * the scale with round grid steps, the axes, the legend, point markers, tooltips and a bar.
 */
import type { ComponentChildren } from 'preact';
import { formatDecimal } from '../ui/staff-format.ts';

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

export const W = 640;
export const H = 240;
export const M = { top: 26, right: 14, bottom: 42, left: 46 };
export const PLOT_W = W - M.left - M.right;
export const PLOT_H = H - M.top - M.bottom;

/** A round step for about `ticks` grid lines up to `max`. */
export function niceStep(max: number, ticks = 4): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
}

export function scale(values: readonly (number | null)[][], reference?: number) {
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

export function Marker({ shape, x, y, color }: { shape: ChartSeries['marker']; x: number; y: number; color: string }) {
  if (shape === 'square') return <rect x={x - 4.5} y={y - 4.5} width="9" height="9" fill={color} />;
  if (shape === 'triangle') return <path d={`M${x} ${y - 6}L${x + 5.5} ${y + 4}L${x - 5.5} ${y + 4}Z`} fill={color} />;
  return <circle cx={x} cy={y} r="4.5" fill={color} />;
}

export const tip = (chart: ChartProps, i: number, s: ChartSeries, v: number | null) =>
  `${chart.titles[i]}: ${s.name} ${v === null ? 'keine Angabe' : `${formatDecimal(v)}${chart.unit ? ` ${chart.unit}` : ''}`}`;

/** The chart as a figure: its title, the legend and the drawing with axes. */
export function ChartFigure(props: {
  chart: ChartProps;
  ticks: number[];
  y: (v: number) => number;
  children: ComponentChildren;
}) {
  const { chart } = props;
  return (
    <figure class="chart" data-testid={chart.id}>
      <figcaption class="chart__title">{chart.title}</figcaption>
      <Legend series={chart.series} />
      <Frame chart={chart} ticks={props.ticks} y={props.y}>
        {props.children}
      </Frame>
    </figure>
  );
}

/** One bar (or part of a stacked bar) of series `s` in period `i`, marked for tests, with its tooltip. */
export function Bar(props: {
  chart: ChartProps;
  i: number;
  s: ChartSeries;
  x: number;
  top: number;
  width: number;
  height: number;
  /** Stacked bars: a white line between the parts. */
  outlined?: boolean;
}) {
  const { chart, i, s } = props;
  const v = s.values[i] ?? null;
  return (
    <rect
      class="chart__bar"
      x={props.x}
      y={props.top}
      width={props.width}
      height={props.height}
      fill={s.color}
      stroke={props.outlined ? '#ffffff' : undefined}
      stroke-width={props.outlined ? (v ? 1 : 0) : undefined}
      data-testid={`${chart.id}-bar`}
      data-series={s.key}
      data-period={chart.periods[i]}
      data-value={v ?? ''}
    >
      <title>{tip(chart, i, s, v)}</title>
    </rect>
  );
}
