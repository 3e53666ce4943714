/**
 * Hand-made SVG charts for the statistics tab (no charting library): grouped or stacked bars and
 * lines. Each chart has a title and a text summary for screen readers, shows the numbers beside
 * the colours, and marks every bar and point with `data-series`, `data-period` and `data-value`
 * so tests can compare the drawing with the CSV. The shared frame is in `chart-frame.tsx`, the
 * heat map in `heatmap.tsx`.
 */
import { formatDecimal } from '../ui/staff-format.ts';
import { Bar, ChartFigure, type ChartProps, M, Marker, PLOT_H, PLOT_W, scale, tip, W } from './chart-frame.tsx';

/** Bars side by side per period, the number above each bar while there is room. */
export function BarChart(chart: ChartProps) {
  if (chart.stacked) return <StackedBars {...chart} />;
  const { ticks, y } = scale(chart.series.map((s) => s.values));
  const n = chart.periods.length;
  const slot = PLOT_W / Math.max(1, n);
  const barW = Math.min(38, (slot * 0.8) / chart.series.length);
  const showValues = n * chart.series.length <= 32;
  return (
    <ChartFigure chart={chart} ticks={ticks} y={y}>
      {chart.periods.map((period, i) =>
        chart.series.map((s, k) => {
          const v = s.values[i] ?? null;
          const x = M.left + slot * (i + 0.5) - (barW * chart.series.length) / 2 + k * barW;
          const top = y(v ?? 0);
          return (
            <g key={`${period}-${s.key}`}>
              <Bar
                chart={chart}
                i={i}
                s={s}
                x={x + 1}
                top={top}
                width={Math.max(1, barW - 2)}
                height={Math.max(0, M.top + PLOT_H - top)}
              />
              {showValues && v !== null ? (
                <text class="chart__value" x={x + barW / 2} y={top - 5} text-anchor="middle">
                  {formatDecimal(v)}
                </text>
              ) : null}
            </g>
          );
        }),
      )}
    </ChartFigure>
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
    <ChartFigure chart={chart} ticks={ticks} y={y}>
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
                <Bar
                  key={s.key}
                  chart={chart}
                  i={i}
                  s={s}
                  x={x}
                  top={top}
                  width={barW}
                  height={Math.max(0, bottom - top)}
                  outlined
                />
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
    </ChartFigure>
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
    <ChartFigure chart={chart} ticks={ticks} y={y}>
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
    </ChartFigure>
  );
}
