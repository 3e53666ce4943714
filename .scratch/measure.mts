import { launchChromium } from '../test/helpers/browser.ts';
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto('data:text/html,<div></div>');
const r = await page.evaluate(() => {
  const out: Record<string, number> = {};
  for (const t of ['W-004', 'H-002', 'U-001', 'B-123', 'WW-017', 'W-1234', 'Platz 4', 'Platz 12', 'Raum 104', 'الرقم']) {
    const s = document.createElement('span');
    s.style.cssText = 'font: 800 100px system-ui, sans-serif; white-space: nowrap; font-variant-numeric: tabular-nums';
    s.textContent = t; document.body.append(s);
    out[t] = s.getBoundingClientRect().width / 100 / t.length;
    s.remove();
  }
  const s = document.createElement('span'); s.style.cssText='font: 800 100px system-ui, sans-serif'; s.textContent='H'; document.body.append(s);
  return { out, font: getComputedStyle(s).fontFamily };
});
console.log(r);
await browser.close();
