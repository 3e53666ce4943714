/**
 * Draws one simulated day as a hand-made SVG for an office manager: how many people waited over
 * the day, and how long each visitor waited compared with the wait printed on their ticket.
 * Labels in German. Pure (string in, string out).
 */
import { localParts } from '../core/localtime.ts';
import type { DayResult } from '../core/simulate/model.ts';
import { estimateError, summarizeWaits } from '../core/simulate/report.ts';
import type { OfficeConfig } from '../core/types.ts';

const W = 1200;
const H = 700;
const LEFT = 90;
const RIGHT = 320;
const MINUTE = 60_000;
/** Okabe–Ito colours: told apart also with colour-vision deficiencies. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const INK = '#1a1a1a';
const MUTED = '#555555';
const GRID = '#d9d9d9';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (x: number) => (Math.round(x * 10) / 10).toLocaleString('de-DE');
const whole = (x: number) => Math.round(x).toLocaleString('de-DE');

function clock(at: number, timeZone: string): string {
  const m = localParts(at, timeZone).minutes;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A round step for an axis from 0 to `max` with about `count` ticks. */
function niceStep(max: number, count: number): number {
  const raw = Math.max(1, max) / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (raw <= m * pow) return m * pow;
  return 10 * pow;
}

export interface ChartOptions {
  /** "Tag 1 von 3" when several days were simulated. */
  dayLabel?: string;
  /** Counter names that were staffed, for the subtitle. */
  staffedNames?: string[];
}

export function renderDaySvg(day: DayResult, office: OfficeConfig, options: ChartOptions = {}): string {
  const tz = office.timezone;
  const first = day.spans[0]?.from ?? day.timeline[0]?.at ?? 0;
  const lastClose = day.spans.at(-1)?.to ?? first;
  const endRaw = Math.max(lastClose, day.end, day.timeline.at(-1)?.at ?? 0);
  const x0 = first;
  // Half-hour ticks for a morning, hourly ones for a long day.
  const tick = endRaw - x0 > 5 * 60 * MINUTE ? 60 * MINUTE : 30 * MINUTE;
  const x1 = Math.ceil((endRaw - x0) / tick) * tick + x0;
  const plotW = W - LEFT - RIGHT;
  const x = (t: number) => LEFT + ((t - x0) / (x1 - x0)) * plotW;

  const waited = day.visitors.filter((v) => v.waitMinutes !== null);
  const summary = summarizeWaits(waited.map((v) => v.waitMinutes as number));
  const error = estimateError(day.visitors);
  const concerns = office.concerns.filter((c) => day.visitors.some((v) => v.concernId === c.id));
  const colorOf = new Map(concerns.map((c, i) => [c.id, PALETTE[i % PALETTE.length] as string]));

  const date = new Intl.DateTimeFormat('de-DE', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: tz,
  }).format(new Date(first));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="Arial, Helvetica, sans-serif" role="img" aria-labelledby="title">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<title id="title">Simulierter Tag, ${esc(date)}: Wartende und Wartezeiten</title>`,
  );
  const title = `Simulierter Tag: ${date}${options.dayLabel ? ` (${options.dayLabel})` : ''}`;
  out.push(`<text x="${LEFT - 60}" y="38" font-size="26" font-weight="bold" fill="${INK}">${esc(title)}</text>`);
  const staffed = options.staffedNames?.length ? `${options.staffedNames.length} Plätze besetzt` : '';
  out.push(
    `<text x="${LEFT - 60}" y="68" font-size="17" fill="${MUTED}">${esc(
      [office.name, `${day.visitors.length} Anliegen`, staffed].filter(Boolean).join(' · '),
    )}</text>`,
  );

  // Opening spans, shaded behind both panels.
  const top1 = 120;
  const h1 = 170;
  const top2 = 360;
  const h2 = 260;
  for (const span of day.spans) {
    for (const [top, h] of [
      [top1, h1],
      [top2, h2],
    ] as const) {
      out.push(
        `<rect x="${x(span.from).toFixed(1)}" y="${top}" width="${(x(span.to) - x(span.from)).toFixed(1)}" height="${h}" fill="#eef4fb"/>`,
      );
    }
    out.push(
      `<text x="${(x(span.to) + 6).toFixed(1)}" y="${top1 + 18}" font-size="15" fill="${MUTED}">Türen zu ${clock(span.to, tz)}</text>`,
      `<line x1="${x(span.to).toFixed(1)}" x2="${x(span.to).toFixed(1)}" y1="${top1}" y2="${top2 + h2}" stroke="#7a9cc6" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    );
  }

  // Panel 1: people waiting.
  const maxWaiting = Math.max(1, ...day.timeline.map((p) => p.waiting));
  const step1 = niceStep(maxWaiting, 4);
  const yMax1 = Math.ceil(maxWaiting / step1) * step1;
  const y1 = (n: number) => top1 + h1 - (n / yMax1) * h1;
  out.push(
    `<text x="${LEFT - 60}" y="${top1 - 14}" font-size="19" font-weight="bold" fill="${INK}">Wie viele Menschen warten?</text>`,
  );
  for (let v = 0; v <= yMax1; v += step1) {
    out.push(
      `<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${y1(v).toFixed(1)}" y2="${y1(v).toFixed(1)}" stroke="${GRID}"/>`,
      `<text x="${LEFT - 10}" y="${(y1(v) + 5).toFixed(1)}" font-size="15" text-anchor="end" fill="${MUTED}">${v}</text>`,
    );
  }
  if (day.timeline.length > 0) {
    let d = `M${x(day.timeline[0]?.at ?? x0).toFixed(1)},${y1(0).toFixed(1)}`;
    for (let i = 0; i < day.timeline.length; i++) {
      const p = day.timeline[i] as { at: number; waiting: number };
      const next = day.timeline[i + 1]?.at ?? p.at + MINUTE;
      d += ` L${x(p.at).toFixed(1)},${y1(p.waiting).toFixed(1)} L${x(next).toFixed(1)},${y1(p.waiting).toFixed(1)}`;
    }
    d += ` L${x((day.timeline.at(-1)?.at ?? x0) + MINUTE).toFixed(1)},${y1(0).toFixed(1)} Z`;
    out.push(`<path d="${d}" fill="#0072B2" fill-opacity="0.35" stroke="#0072B2" stroke-width="2"/>`);
  }
  out.push(
    `<text transform="translate(${LEFT - 52},${top1 + h1 / 2}) rotate(-90)" font-size="15" text-anchor="middle" fill="${MUTED}">Personen</text>`,
  );

  // Panel 2: each visitor's wait, and the estimate printed on the ticket.
  const maxWait = Math.max(
    5,
    ...waited.map((v) => v.waitMinutes as number),
    ...day.visitors.map((v) => v.estimatedWaitMinutes),
  );
  const step2 = niceStep(maxWait, 5);
  const yMax2 = Math.ceil((maxWait * 1.08) / step2) * step2;
  const y2 = (m: number) => top2 + h2 - (m / yMax2) * h2;
  out.push(
    `<text x="${LEFT - 60}" y="${top2 - 14}" font-size="19" font-weight="bold" fill="${INK}">Wie lange hat jede Person gewartet? (nach Ankunftszeit)</text>`,
  );
  for (let v = 0; v <= yMax2; v += step2) {
    out.push(
      `<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${y2(v).toFixed(1)}" y2="${y2(v).toFixed(1)}" stroke="${GRID}"/>`,
      `<text x="${LEFT - 10}" y="${(y2(v) + 5).toFixed(1)}" font-size="15" text-anchor="end" fill="${MUTED}">${v}</text>`,
    );
  }
  const maxWaitRule = office.policy.maxWaitMinutes;
  if (maxWaitRule <= yMax2) {
    out.push(
      `<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${y2(maxWaitRule).toFixed(1)}" y2="${y2(maxWaitRule).toFixed(1)}" stroke="#D55E00" stroke-width="1.5" stroke-dasharray="8 5"/>`,
      `<text x="${LEFT + plotW - 8}" y="${(y2(maxWaitRule) - 7).toFixed(1)}" font-size="14" text-anchor="end" fill="#A04000">Wer ${maxWaitRule} Minuten gewartet hat, kommt vor allen später Gekommenen dran</text>`,
    );
  }
  out.push(
    `<text transform="translate(${LEFT - 52},${top2 + h2 / 2}) rotate(-90)" font-size="15" text-anchor="middle" fill="${MUTED}">Minuten Wartezeit</text>`,
  );
  for (const v of waited) {
    const cx = x(v.issuedAt);
    const actual = y2(v.waitMinutes as number);
    const estimate = y2(v.estimatedWaitMinutes);
    out.push(
      `<line x1="${cx.toFixed(1)}" x2="${cx.toFixed(1)}" y1="${estimate.toFixed(1)}" y2="${actual.toFixed(1)}" stroke="#9a9a9a" stroke-width="1"/>`,
      `<line x1="${(cx - 5).toFixed(1)}" x2="${(cx + 5).toFixed(1)}" y1="${estimate.toFixed(1)}" y2="${estimate.toFixed(1)}" stroke="${INK}" stroke-width="2"/>`,
      `<circle cx="${cx.toFixed(1)}" cy="${actual.toFixed(1)}" r="4.5" fill="${colorOf.get(v.concernId) ?? INK}" stroke="#ffffff" stroke-width="0.8"/>`,
    );
  }

  // Time axis (local time), below panel 2; light tick marks under panel 1.
  for (let t = x0; t <= x1; t += tick) {
    const tx = x(t).toFixed(1);
    out.push(
      `<line x1="${tx}" x2="${tx}" y1="${top2 + h2}" y2="${top2 + h2 + 6}" stroke="${INK}"/>`,
      `<line x1="${tx}" x2="${tx}" y1="${top1 + h1}" y2="${top1 + h1 + 6}" stroke="${INK}"/>`,
      `<text x="${tx}" y="${top2 + h2 + 26}" font-size="15" text-anchor="middle" fill="${INK}">${clock(t, tz)}</text>`,
      `<text x="${tx}" y="${top1 + h1 + 24}" font-size="13" text-anchor="middle" fill="${MUTED}">${clock(t, tz)}</text>`,
    );
  }
  out.push(
    `<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${top1 + h1}" y2="${top1 + h1}" stroke="${INK}"/>`,
    `<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${top2 + h2}" y2="${top2 + h2}" stroke="${INK}"/>`,
    `<text x="${LEFT + plotW / 2}" y="${top2 + h2 + 52}" font-size="16" text-anchor="middle" fill="${INK}">Uhrzeit</text>`,
  );

  // Right column: the figures and the legend.
  const rx = LEFT + plotW + 30;
  let ry = top1 + 4;
  const line = (text: string, size = 16, weight = 'normal', color = INK) => {
    out.push(
      `<text x="${rx}" y="${ry}" font-size="${size}" font-weight="${weight}" fill="${color}">${esc(text)}</text>`,
    );
    ry += size + 9;
  };
  line('Wartezeit', 19, 'bold');
  line(`im Mittel: ${fmt(summary.meanMinutes)} Min.`);
  line(`9 von 10 Personen: bis ${fmt(summary.p90Minutes)} Min.`);
  line(`am längsten: ${fmt(summary.maxMinutes)} Min.`);
  ry += 10;
  line('Schätzung auf dem Zettel', 19, 'bold');
  line(`Abweichung (Median): ${fmt(error.medianAbsoluteMinutes)} Min.`);
  line(`= ${whole(error.relativeToMeanWait * 100)} % der mittleren Wartezeit`);
  line(`${whole(error.within5Minutes * 100)} % auf 5 Min. genau`);
  ry = top2 + 4;
  line('Zeichen', 19, 'bold');
  out.push(
    `<circle cx="${rx + 8}" cy="${ry - 5}" r="5" fill="${INK}"/>`,
    `<text x="${rx + 22}" y="${ry}" font-size="16" fill="${INK}">tatsächliche Wartezeit</text>`,
  );
  ry += 25;
  out.push(
    `<line x1="${rx + 2}" x2="${rx + 14}" y1="${ry - 5}" y2="${ry - 5}" stroke="${INK}" stroke-width="2.5"/>`,
    `<text x="${rx + 22}" y="${ry}" font-size="16" fill="${INK}">Schätzung beim Ziehen</text>`,
  );
  ry += 22;
  out.push(`<text x="${rx + 22}" y="${ry}" font-size="16" fill="${INK}">der Nummer</text>`);
  ry += 32;
  line('Anliegen', 19, 'bold');
  for (const c of concerns) {
    out.push(
      `<circle cx="${rx + 8}" cy="${ry - 5}" r="6" fill="${colorOf.get(c.id)}"/>`,
      `<text x="${rx + 22}" y="${ry}" font-size="16" fill="${INK}">${esc(c.name)}</text>`,
    );
    ry += 24;
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
