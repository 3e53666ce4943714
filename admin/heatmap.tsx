/**
 * The heat map of the statistics: arrivals by weekday and hour as a table whose cells are
 * coloured by value (with the number in each cell, in a colour that stays readable on it).
 */
import { formatDecimal } from '../ui/staff-format.ts';
import { type HeatCell, WEEKDAY_LONG } from './stats-data.ts';

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
