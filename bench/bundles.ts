/** JavaScript per app, gzip-compressed, from the built `dist/apps`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './server-process.ts';

const PAGES: Record<string, string> = {
  kiosk: 'kiosk/index.html',
  display: 'display/index.html',
  phone: 'display/phone.html',
  counter: 'counter/index.html',
  admin: 'admin/index.html',
};

export function bundleSizes(): Record<string, number> {
  const dist = join(ROOT, 'dist/apps');
  const sizes: Record<string, number> = {};
  for (const [app, page] of Object.entries(PAGES)) {
    const html = readFileSync(join(dist, page), 'utf8');
    const files = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string));
    let total = 0;
    for (const file of files) total += gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    sizes[app] = total;
  }
  return sizes;
}
