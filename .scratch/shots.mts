import { launchChromium } from '../test/helpers/browser.ts';
import { login, removeDir, startTestServer } from '../test/helpers/server.ts';
const server = await startTestServer();
const browser = await launchChromium();
const base = server.url;
const token = await login(base);
const post = (path: string, body?: unknown) => fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json());
for (const c of ['housing', 'housing', 'education', 'subsistence', 'documents', 'housing', 'subsistence', 'certificates', 'housing', 'education', 'housing', 'housing', 'subsistence', 'education']) await post('/api/tickets', { concernId: c });
for (const d of ['desk-1', 'desk-2', 'desk-3', 'desk-4', 'desk-1', 'desk-2', 'desk-3', 'desk-4']) await post(`/api/counters/${d}/call-next`);
const shots = process.argv.slice(2);
const variants: [string, string, number, number][] = [
  ['landscape', '/display', 1920, 1080],
  ['portrait', '/display', 1080, 1920],
  ['area', '/display?area=Erdgeschoss', 1920, 1080],
  ['ar', '/display?lang=ar', 1920, 1080],
  ['distance5', '/display?distance=5&diagonal=55', 1920, 1080],
  ['distance3', '/display?distance=3&diagonal=55', 1920, 1080],
  ['distance3p', '/display?distance=3&diagonal=55', 1080, 1920],
  ['distance12', '/display?distance=12&diagonal=43', 1920, 1080],
  ['landscape720', '/display', 1280, 720],
];
for (const [name, path, width, height] of variants) {
  if (shots.length && !shots.includes(name)) continue;
  const ctx = await browser.newContext({ viewport: { width, height } });
  const page = await ctx.newPage();
  await page.goto(base + path);
  await page.getByTestId('current-call').first().waitFor();
  await page.post?.();

  await page.waitForTimeout(600);
  await page.screenshot({ path: `/tmp/exp/${name}.png` });
  console.log(name, await page.evaluate(() => { const r = document.querySelector('.calls-area')!.getBoundingClientRect(); return [r.width, r.height, document.querySelectorAll('[data-testid=current-call]').length, document.querySelector('.calls')?.getAttribute('data-font-px'), document.querySelector('.calls')?.getAttribute('data-cap-mm')]; }));
  await ctx.close();
}
await browser.close();
await server.stop();
removeDir(server.dataDir);
