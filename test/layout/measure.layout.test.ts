/**
 * The layout suite's own measure (measure-page.js) on small pages made for it: a word may break
 * across lines at a soft hyphen, a hyphen or a slash, never at an arbitrary letter, also when the
 * word carries soft hyphens elsewhere.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hyphenate, loadHyphenation } from '../../ui/hyphenate.ts';
import { checkState, launchOfficeChromium, openContext } from './harness.ts';

const SHY = '\u00AD';
let browser: Browser;

beforeAll(async () => {
  browser = await launchOfficeChromium();
  await loadHyphenation('de');
});

afterAll(async () => {
  await browser?.close();
});

/** One bold 16 px line box of `width` px holding `text` (soft hyphens as given). */
async function measureBox(page: Page, text: string, width: number, wrap = 'anywhere'): Promise<string[]> {
  await page.setContent(
    `<!doctype html><html lang="de"><body style="margin:20px;font:700 16px/20px 'DejaVu Sans'">
      <p id="box" data-testid="box" style="width:${width}px;overflow-wrap:${wrap};hyphens:manual"></p></body></html>`,
  );
  await page.evaluate((t) => {
    (document.getElementById('box') as HTMLElement).textContent = t;
  }, text);
  return checkState(page, 'blocked', 'measure', {});
}

/** How many lines the box's text takes. */
const lines = (page: Page) =>
  page.evaluate(() => {
    const box = document.getElementById('box') as HTMLElement;
    return Math.round(box.getBoundingClientRect().height / 20);
  });

describe('measure: words broken inside', () => {
  it('accepts breaks at soft hyphens and hyphens, flags a break at an arbitrary letter', async () => {
    const context = await openContext(browser, { width: 600, height: 400 }, 'blocked');
    try {
      const page = await context.newPage();
      const plain = 'Schwerbehindertenausweis';
      const soft = hyphenate(plain);
      expect(soft).toContain(SHY);

      // Without break points the box cuts the word somewhere: a fault.
      const anywhere = await measureBox(page, plain, 110);
      expect(await lines(page)).toBeGreaterThan(1);
      expect(anywhere).toEqual([`measure: word broken inside: "${plain}" in p[box] "${plain}"`]);

      // With soft hyphens it breaks at syllables, drawn with a hyphen: fine.
      expect(await measureBox(page, soft, 110)).toEqual([]);
      expect(await lines(page)).toBeGreaterThan(1);

      // A real hyphen is a break point too.
      expect(await measureBox(page, 'Ausweis-Verlängerung', 150)).toEqual([]);
      expect(await lines(page)).toBe(2);

      // Soft hyphens elsewhere do not excuse a letter break: one syllable wider than the box.
      const letters = `Kurz${SHY}Donaudampfschifffahrtsgesellschaft`;
      const broken = await measureBox(page, letters, 150);
      expect(broken).toEqual([
        'measure: word broken inside: "KurzDonaudampfschifffahrtsgesellschaft" in p[box] "Kurz­Donaudampfschifffahrtsgesellschaft"',
      ]);
    } finally {
      await context.close();
    }
  });
});
