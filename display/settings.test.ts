import { describe, expect, it } from 'vitest';
import {
  CAP_MM_PER_METRE,
  capHeightMm,
  fitCalls,
  minNumberFontPx,
  mmPerCssPx,
  NO_SETTINGS,
  orientationOf,
  parseScreenSettings,
  withDeviceSettings,
} from './settings.ts';

describe('parseScreenSettings', () => {
  it('given no query, then nothing is set', () => {
    expect(parseScreenSettings('')).toEqual(NO_SETTINGS);
  });

  it('given every setting, then each is read', () => {
    expect(
      parseScreenSettings(
        '?area=Erdgeschoss&counters=desk-1,%20desk-3,&orientation=portrait&distance=6,5&diagonal=55&lang=AR' +
          '&lang2=de&volume=40&rate=1.2&voice=server',
      ),
    ).toEqual({
      area: 'Erdgeschoss',
      counterIds: ['desk-1', 'desk-3'],
      orientation: 'portrait',
      distanceM: 6.5,
      diagonalIn: 55,
      language: 'ar',
      secondLanguage: 'de',
      volume: 0.4,
      rate: 1.2,
      voice: 'server',
    });
  });

  it('given invalid values, then they are ignored', () => {
    expect(
      parseScreenSettings(
        '?area=%20%20&counters=,&orientation=upside&distance=-3&diagonal=abc&lang=xx&lang2=zz&volume=150&rate=9&voice=x',
      ),
    ).toEqual(NO_SETTINGS);
    // A second language equal to the first adds nothing.
    expect(parseScreenSettings('?lang=de&lang2=de').secondLanguage).toBeNull();
    expect(parseScreenSettings('?volume=0').volume).toBe(0);
    expect(parseScreenSettings('?distance=500').distanceM).toBeNull();
    expect(parseScreenSettings('?diagonal=3').diagonalIn).toBeNull();
  });
});

describe('orientationOf', () => {
  it('given no setting, then the window decides', () => {
    expect(orientationOf(NO_SETTINGS, 1920, 1080)).toBe('landscape');
    expect(orientationOf(NO_SETTINGS, 1080, 1920)).toBe('portrait');
  });

  it('given a setting, then it wins', () => {
    expect(orientationOf({ orientation: 'portrait' }, 1920, 1080)).toBe('portrait');
  });
});

describe('number size from the viewing distance', () => {
  it('given a 55 inch full HD screen, then a CSS pixel is about 0.634 mm', () => {
    expect(mmPerCssPx(55, 1920, 1080)).toBeCloseTo(0.6342, 3);
  });

  it('given 5 m, then the cap height must be 125 mm: about 282 px of font size', () => {
    const px = minNumberFontPx(5, 55, 1920, 1080);
    expect(px).toBeCloseTo(281.6, 0);
    expect(capHeightMm(px, 55, 1920, 1080)).toBeCloseTo(5 * CAP_MM_PER_METRE, 6);
  });

  it('given the same screen at 4K (device pixels), then the CSS size is the same physical size', () => {
    // A 4K TV at device pixel ratio 2 reports 1920 × 1080 CSS px; at ratio 1 it reports 3840 × 2160.
    const cssAt2 = minNumberFontPx(5, 55, 1920, 1080);
    const cssAt1 = minNumberFontPx(5, 55, 3840, 2160);
    expect(cssAt1).toBeCloseTo(cssAt2 * 2, 6);
  });
});

describe('fitCalls', () => {
  const box = { width: 1140, height: 620, remPx: 20 };
  const sizes = { numberEm: 3.1, counterEm: 3.3 };

  it('given a small minimum, then several calls beside their counters, never below the minimum', () => {
    const fit = fitCalls(box, { count: 4, ...sizes, minFontPx: 120, maxFontPx: 280 });
    expect(fit.stacked).toBe(false);
    expect(fit.tooSmall).toBe(false);
    expect(fit.rows).toBe(4);
    expect(fit.fontPx).toBeGreaterThanOrEqual(120);
  });

  it('given a large minimum, then fewer calls, the counter under the number', () => {
    const fit = fitCalls(box, { count: 4, ...sizes, minFontPx: 250, maxFontPx: 280 });
    expect(fit.stacked).toBe(true);
    expect(fit.rows).toBe(1);
    expect(fit.fontPx).toBeGreaterThanOrEqual(250);
    expect(fit.tooSmall).toBe(false);
  });

  it('given one call, then it grows up to the maximum', () => {
    const fit = fitCalls(box, { count: 1, ...sizes, minFontPx: 100, maxFontPx: 280 });
    expect(fit.rows).toBe(1);
    expect(fit.fontPx).toBeCloseTo(280, 6);
  });

  it('given more rows fit than calls exist, then rows equal the calls', () => {
    const fit = fitCalls(
      { width: 1140, height: 2000, remPx: 20 },
      { count: 2, ...sizes, minFontPx: 100, maxFontPx: 280 },
    );
    expect(fit.rows).toBe(2);
  });

  it('given a minimum that does not fit at all, then one call as big as fits, flagged', () => {
    const fit = fitCalls(box, { count: 3, ...sizes, minFontPx: 900, maxFontPx: 900 });
    expect(fit.tooSmall).toBe(true);
    expect(fit.rows).toBe(1);
    expect(fit.fontPx).toBeLessThan(900);
    expect(fit.fontPx).toBeGreaterThan(200);
  });
});

describe('withDeviceSettings', () => {
  it('given a paired screen, then what the admin set wins and the address decides the rest', () => {
    const url = parseScreenSettings('?area=Erdgeschoss&orientation=landscape&lang=de&lang2=ar&volume=50');
    const merged = withDeviceSettings(url, { area: '1. Stock', orientation: 'portrait', distanceM: 6, language: 'ar' });
    expect(merged).toMatchObject({
      area: '1. Stock',
      orientation: 'portrait',
      distanceM: 6,
      language: 'ar',
      secondLanguage: null,
      volume: 0.5,
    });
  });

  it('given no device settings, then the address decides everything', () => {
    const url = parseScreenSettings('?area=Erdgeschoss&distance=4');
    expect(withDeviceSettings(url, null)).toEqual(url);
    expect(withDeviceSettings(url, {})).toMatchObject({ area: 'Erdgeschoss', distanceM: 4 });
  });
});
