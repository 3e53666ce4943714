/**
 * The office's public page as HTML: everything a visitor should know before coming, readable
 * without JavaScript, printable as a one-page notice for the office door. Every configured
 * string goes through `html()`; links only to http(s) addresses.
 */
import { isOpen } from '../../core/hours.ts';
import type { ConcernEstimate } from '../../core/estimate.ts';
import { localParts } from '../../core/localtime.ts';
import { offersRemote } from '../../core/remote.ts';
import type { Concern, OfficeConfig, Weekday } from '../../core/types.ts';
import { clockText, dateText, nextOpeningText, timeText, WEEK, weekdayName } from '../../ui/hours.ts';
import { dirOf, fill, LANGUAGE_NAMES, LANGUAGES, type Language, plural } from '../../ui/i18n.ts';
import { PUBLIC_PAGE_CSS } from './public-page-style.ts';
import { PUBLIC_PAGE_TEXTS, type PublicPageTexts } from './public-page-texts.ts';

export interface PublicPageInput {
  office: OfficeConfig;
  language: Language;
  now: number;
  waiting: readonly ConcernEstimate[];
  /** Numbers from on the way left today (0: none offered now). */
  remoteLeft: number;
}

export const html = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** An http(s) address, escaped for an attribute; null for anything else (`javascript:` and the like). */
function safeUrl(url: string | undefined): string | null {
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? html(url) : null;
}

const name = (c: Concern, l: Language) => c.names?.[l] ?? c.name;
const description = (c: Concern, l: Language) => c.descriptions?.[l] ?? c.description ?? '';
const documents = (c: Concern, l: Language) => c.documentsByLanguage?.[l] ?? c.documents ?? [];

/** Waiting time as the page words it: "about 15 minutes", "hardly any wait". */
export function waitWords(t: PublicPageTexts, language: Language, minutes: number): string {
  const n = Math.max(0, Math.round(minutes));
  return n <= 1 ? t.soon : plural(language, n, t.minutes);
}

/** Monday..Sunday rotated so that today comes first. */
function weekFrom(today: Weekday): Weekday[] {
  const i = WEEK.indexOf(today);
  return [...WEEK.slice(i), ...WEEK.slice(0, i)];
}

function hoursSection(input: PublicPageInput, t: PublicPageTexts): string {
  const { office, language, now } = input;
  const local = localParts(now, office.timezone);
  const closedToday = office.openingHours.closedDays.includes(local.date);
  const rows = weekFrom(local.weekday).map((day) => {
    const ranges = office.openingHours.weekly[day] ?? [];
    const isToday = day === local.weekday;
    const open = ranges.length > 0 && !(isToday && closedToday);
    const spans = open ? ranges.map((r) => `${clockText(r.from)}–${clockText(r.to)}`).join(', ') : t.closed;
    const label = `${weekdayName(day, language)}${isToday ? ` (${t.today})` : ''}`;
    return `<tr${isToday ? ' class="today"' : ''}><th scope="row">${html(label)}</th><td${open ? ' dir="ltr"' : ''}>${html(spans)}</td></tr>`;
  });
  const upcoming = office.openingHours.closedDays.filter((d) => d >= local.date).sort();
  const closedDays = upcoming.length
    ? `<p class="closed-days"><strong>${html(t.closedDays)}:</strong> ${upcoming
        .slice(0, 12)
        .map((d) => html(dateText(Date.parse(`${d}T12:00:00Z`), 'UTC', language)))
        .join(' · ')}</p>`
    : '';
  return `<section aria-labelledby="h-hours" class="hours"><h2 id="h-hours">${html(t.hours)}</h2>
<table>${rows.join('')}</table>${closedDays}</section>`;
}

function contactSection(office: OfficeConfig, t: PublicPageTexts): string {
  const c = office.contact ?? {};
  const rows: string[] = [];
  if (c.phone) {
    const tel = c.phone.replace(/[^\d+]/g, '');
    rows.push(
      `<dt>${html(t.phone)}</dt><dd><a href="tel:${html(tel)}" dir="ltr" data-testid="contact-phone">${html(c.phone)}</a></dd>`,
    );
  }
  if (c.email)
    rows.push(`<dt>${html(t.email)}</dt><dd><a href="mailto:${html(c.email)}" dir="ltr">${html(c.email)}</a></dd>`);
  if (c.address) rows.push(`<dt>${html(t.address)}</dt><dd>${html(c.address)}</dd>`);
  const web = safeUrl(c.web);
  if (c.web && web) rows.push(`<dt>${html(t.web)}</dt><dd><a href="${web}" dir="ltr">${html(c.web)}</a></dd>`);
  if (!rows.length) return '';
  return `<section aria-labelledby="h-contact" class="contact"><h2 id="h-contact">${html(t.contact)}</h2><dl>${rows.join('')}</dl></section>`;
}

function waitSection(input: PublicPageInput, t: PublicPageTexts, concerns: Concern[]): string {
  const { office, language, now } = input;
  const rows = concerns.map((c) => {
    const w = input.waiting.find((x) => x.concernId === c.id);
    const count = w?.count ?? 0;
    const minutes = w?.estimatedWaitMinutes ?? 0;
    return `<tr data-concern="${html(c.id)}"><th scope="row">${html(name(c, language))}</th><td class="count">${count}</td><td class="wait">${html(waitWords(t, language, minutes))}</td></tr>`;
  });
  const time = timeText(now, office.timezone, language);
  return `<section aria-labelledby="h-wait" class="wait-now"><h2 id="h-wait">${html(t.waitNow)}</h2>
<table><thead><tr><th scope="col">${html(t.concern)}</th><th scope="col">${html(t.waiting)}</th><th scope="col">${html(t.waitTime)}</th></tr></thead>
<tbody>${rows.join('')}</tbody></table><p class="updated" id="updated">${html(fill(t.updated, { time }))}</p></section>`;
}

function bookingText(office: OfficeConfig, t: PublicPageTexts): string {
  const c = office.contact ?? {};
  const parts: string[] = [];
  if (c.phone) parts.push(html(fill(t.bookPhone, { phone: c.phone })));
  if (c.email) parts.push(html(fill(t.bookEmail, { email: c.email })));
  const web = safeUrl(c.web);
  if (web) parts.push(`<a href="${web}">${html(t.bookWeb)}</a>`);
  return parts.length ? parts.join(' ') : html(t.bookAsk);
}

function concernSection(input: PublicPageInput, t: PublicPageTexts, remoteOpen: boolean): string {
  const { office, language } = input;
  const items = office.concerns.map((c) => {
    const text = description(c, language);
    const docs = documents(c, language);
    const online = safeUrl(c.infoUrl);
    let how: string;
    if (online) {
      how = `<p>${html(t.online)} <a href="${online}" class="online">${html(t.onlineLink)}</a></p>`;
    } else if (c.appointmentOnly) {
      how = `<p><strong>${html(t.appointmentOnly)}</strong> ${bookingText(office, t)}</p>`;
    } else {
      how = `<p>${html(t.walkIn)}</p>`;
      if (remoteOpen && offersRemote(office, c)) {
        how += `<form method="post" action="/remote" class="remote"><input type="hidden" name="concernId" value="${html(c.id)}"><input type="hidden" name="lang" value="${language}"><p>${html(t.remoteText)}</p><button type="submit" data-testid="remote-${html(c.id)}">${html(fill(t.remoteTake, { concern: name(c, language) }))}</button></form>`;
      }
    }
    const bring = docs.length
      ? `<p class="bring">${html(t.bring)}</p><ul>${docs.map((d) => `<li>${html(d)}</li>`).join('')}</ul>`
      : '';
    return `<article data-concern="${html(c.id)}"><h3>${html(name(c, language))}</h3>${text ? `<p>${html(text)}</p>` : ''}${bring}${how}</article>`;
  });
  return `<section aria-labelledby="h-concerns" class="concerns"><h2 id="h-concerns">${html(t.concerns)}</h2>${items.join('')}</section>`;
}

/** The live figures' script reads these (texts for the updated cells). */
function liveData(input: PublicPageInput, t: PublicPageTexts): string {
  const data = {
    language: input.language,
    timeZone: input.office.timezone,
    minutes: t.minutes,
    soon: t.soon,
    updated: t.updated,
  };
  // JSON inside a non-executed script element: `<` is escaped so no text can close it.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function renderPublicPage(input: PublicPageInput): string {
  const { office, language, now } = input;
  const t = PUBLIC_PAGE_TEXTS[language];
  const open = isOpen(office.openingHours, office.timezone, now);
  const opens = open ? null : nextOpeningText(office.openingHours, office.timezone, language, now);
  const status = open ? t.openNow : `${t.closedNow}${opens ? ` ${fill(t.opensAgain, { when: opens })}` : ''}`;
  const ticketConcerns = office.concerns.filter((c) => !c.infoUrl && !c.appointmentOnly);
  const remoteOpen = input.remoteLeft > 0 && (open || !office.enforceOpeningHours);
  const remoteGone =
    (office.remoteQuota ?? 0) > 0 && input.remoteLeft <= 0 && office.concerns.some((c) => offersRemote(office, c))
      ? `<p class="remote-gone">${html(t.remoteGone)}</p>`
      : '';
  const langs = LANGUAGES.map(
    (l) =>
      `<li><a href="/?lang=${l}" lang="${l}" hreflang="${l}"${l === language ? ' aria-current="page"' : ''}>${html(LANGUAGE_NAMES[l])}</a></li>`,
  ).join('');
  return `<!doctype html>
<html lang="${language}" dir="${dirOf(language)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(office.name)}</title>
<style>${PUBLIC_PAGE_CSS}</style></head>
<body><header><nav aria-label="${html(t.languages)}"><ul class="langs">${langs}</ul></nav>
<h1>${html(office.name)}</h1><p class="status${open ? ' open' : ''}" data-testid="open-status">${html(status)}</p></header>
<main>${hoursSection(input, t)}${contactSection(office, t)}${ticketConcerns.length ? waitSection(input, t, ticketConcerns) : ''}${remoteGone}${concernSection(input, t, remoteOpen)}</main>
<footer><a href="/apps">${html(t.apps)}</a></footer>
<script type="application/json" id="live-texts">${liveData(input, t)}</script>
<script src="/public-page.js" defer></script>
</body></html>`;
}
