/**
 * The office's public page as a visitor's browser loads it: the HTML (styles inside) plus its
 * one script, each gzip-compressed as the server sends them; the largest of the six languages,
 * for the demo office with every concern waiting.
 */
import { gzipSync } from 'node:zlib';
import { LANGUAGES } from '../core/types.ts';
import { renderPublicPage } from '../server/http/public-page-render.ts';
import { PUBLIC_PAGE_SCRIPT } from '../server/http/public-page-script.ts';
import { loadOfficeConfig } from '../server/office-config.ts';

export function publicPageBytes(): { language: string; bytes: number } {
  const office = loadOfficeConfig(undefined);
  const waiting = office.concerns.map((c) => ({ concernId: c.id, count: 12, estimatedWaitMinutes: 35 }));
  const script = gzipSync(PUBLIC_PAGE_SCRIPT).length;
  let largest = { language: 'de', bytes: 0 };
  for (const language of LANGUAGES) {
    const html = renderPublicPage({
      office,
      language,
      now: Date.parse('2026-11-23T09:00:00Z'),
      waiting,
      remoteLeft: 0,
    });
    const bytes = gzipSync(html).length + script;
    if (bytes > largest.bytes) largest = { language, bytes };
  }
  return largest;
}
