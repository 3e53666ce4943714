/**
 * Tickets printed on the TCP ESC/POS emulator, decoded: an Arabic visitor's concern and
 * documents come out in Arabic (shaped, right to left, as raster images: no code page has
 * joined Arabic), not in German; Russian and Ukrainian ones as text through the Cyrillic code
 * page; the office's phone is printed in the ticket's foot.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rasterizeArabic } from '../../printer/arabic-text.ts';
import { PrinterEmulator } from '../../printer/emulator.ts';
import { getDot } from '../../printer/raster.ts';
import type { RasterImage } from '../../printer/types.ts';
import { demoOffice, http, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

const servers: TestServer[] = [];
const emulators: PrinterEmulator[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) {
    await s.stop();
    removeDir(s.dataDir);
  }
  for (const e of emulators.splice(0)) await e.close();
});

async function setUp() {
  const printer = await PrinterEmulator.start();
  emulators.push(printer);
  const office = demoOffice();
  office.contact = { ...office.contact, phone: '0461 85-0' };
  const server = await startTestServer({ printer: printer.url, office, printing: { pollIntervalMs: 60_000 } });
  servers.push(server);
  return { printer, server };
}

/** Whether `image` appears in `raster` at column `x` (rows anywhere), dot for dot. */
function contains(raster: RasterImage, image: RasterImage, x: number): boolean {
  for (let top = 0; top + image.height <= raster.height; top++) {
    let same = true;
    for (let y = 0; y < image.height && same; y++) {
      for (let ix = 0; ix < image.width; ix++) {
        if (getDot(raster, x + ix, top + y) !== getDot(image, ix, y)) {
          same = false;
          break;
        }
      }
    }
    if (same) return true;
  }
  return false;
}

describe('a ticket printed in the visitor’s language', () => {
  it('Arabic: concern and documents as shaped Arabic images, nothing in German; the phone in the foot', async () => {
    const { printer, server } = await setUp();
    const r = await http(server.url, 'POST', '/api/tickets', { concernId: 'housing', language: 'ar' });
    expect(r.status).toBe(201);
    expect(r.body.print).toEqual({ status: 'printed' });
    const [job] = await printer.waitForJobs(1);
    expect(job).toBeDefined();
    if (!job) return;
    for (const german of ['Wohngeld', 'Mietvertrag', 'Personalausweis']) expect(job.text).not.toContain(german);
    const dots = 576; // 80 mm paper
    const name = rasterizeArabic('إعانة السكن', dots);
    expect(job.rasters.some((raster) => contains(raster, name, Math.floor((dots - name.width) / 2)))).toBe(true);
    for (const doc of ['عقد الإيجار', 'إثبات الدخل لآخر 3 أشهر']) {
      const image = rasterizeArabic(doc, dots);
      expect(
        job.rasters.some((raster) => contains(raster, image, dots - image.width)),
        doc,
      ).toBe(true);
    }
    expect(job.lines).toContain('0461 85-0');
    expect(job.cuts).toBe(1);
  });

  it('Russian and Ukrainian: concern and documents as Cyrillic text; German: the phone with its label', async () => {
    const { printer, server } = await setUp();
    for (const language of ['ru', 'uk', 'de']) {
      const r = await http(server.url, 'POST', '/api/tickets', { concernId: 'housing', language });
      expect(r.body.print).toEqual({ status: 'printed' });
    }
    const [ru, uk, de] = await printer.waitForJobs(3);
    expect(ru?.text).toContain('Жилищное пособие');
    expect(ru?.text).toContain('Договор аренды');
    expect(ru?.text).not.toContain('Wohngeld');
    expect(uk?.text).toContain('Житлова допомога');
    expect(uk?.text).not.toContain('Mietvertrag');
    expect(ru?.text).toContain('Вопросы? Телефон');
    expect(de?.text).toContain('Fragen? Telefon');
    expect(de?.lines).toContain('0461 85-0');
  });
});
