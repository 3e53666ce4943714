import { describe, expect, it } from 'vitest';
import type { ConcernPublic } from '../core/api.ts';
import {
  catalogue,
  concernDescription,
  concernDocuments,
  concernName,
  dirOf,
  fill,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  pick,
  plural,
} from './i18n.ts';
import { randomKey } from './random.ts';
import { aheadText, waitText } from './visitor-texts.ts';

const concern: ConcernPublic = {
  id: 'housing',
  prefix: 'W',
  name: 'Wohngeld',
  names: { en: 'Housing benefit' },
  description: 'Sie wollen Wohngeld beantragen.',
  documents: ['Mietvertrag'],
  documentsByLanguage: { tr: ['Kira sözleşmesi'] },
};

describe('i18n', () => {
  it('names every language in its own script', () => {
    expect(LANGUAGES.map((l) => LANGUAGE_NAMES[l])).toEqual([
      'Deutsch',
      'English',
      'Türkçe',
      'العربية',
      'Українська',
      'Русский',
    ]);
  });

  it('writes Arabic right to left, everything else left to right', () => {
    expect(dirOf('ar')).toBe('rtl');
    for (const l of LANGUAGES.filter((x) => x !== 'ar')) expect(dirOf(l)).toBe('ltr');
  });

  it('picks by language, falls back to German, then to the given text', () => {
    expect(pick({ de: 'Hallo', en: 'Hello' }, 'en')).toBe('Hello');
    expect(pick({ de: 'Hallo' }, 'tr')).toBe('Hallo');
    expect(pick(undefined, 'tr', 'x')).toBe('x');
    expect(catalogue({ de: 1, en: 2 } as never, 'ar')).toBe(1);
  });

  it('reads concern texts with fallbacks', () => {
    expect(concernName(concern, 'en')).toBe('Housing benefit');
    expect(concernName(concern, 'uk')).toBe('Wohngeld');
    expect(concernDescription(concern, 'ar')).toBe('Sie wollen Wohngeld beantragen.');
    expect(concernDocuments(concern, 'tr')).toEqual(['Kira sözleşmesi']);
    expect(concernDocuments(concern, 'ru')).toEqual(['Mietvertrag']);
  });

  it('fills placeholders and keeps unknown ones', () => {
    expect(fill('Nummer {number}, bitte zu {counter}.', { number: 'W 17', counter: 'Platz 2' })).toBe(
      'Nummer W 17, bitte zu Platz 2.',
    );
    expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}');
  });

  it('knows its languages', () => {
    expect(isLanguage('uk')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });

  it('chooses plural forms per language', () => {
    const forms = { one: '{n} хвилина', few: '{n} хвилини', many: '{n} хвилин', other: '{n} хвилини' };
    expect(plural('uk', 1, forms)).toBe('1 хвилина');
    expect(plural('uk', 3, forms)).toBe('3 хвилини');
    expect(plural('uk', 5, forms)).toBe('5 хвилин');
    expect(plural('uk', 21, forms)).toBe('21 хвилина');
  });
});

describe('visitor texts', () => {
  it('says how many wait ahead, in plain words', () => {
    expect(aheadText('de', 0)).toBe('Vor Ihnen wartet niemand.');
    expect(aheadText('de', 1)).toBe('Vor Ihnen wartet 1 Person.');
    expect(aheadText('de', 4)).toBe('Vor Ihnen warten 4 Personen.');
    expect(aheadText('ru', 2)).toBe('Перед вами ждут 2 человека.');
    expect(aheadText('ru', 5)).toBe('Перед вами ждут 5 человек.');
    expect(aheadText('ar', 2)).toBe('ينتظر قبلك شخصان.');
  });

  it('says how long the wait is, without abbreviations', () => {
    expect(waitText('de', 0)).toBe('Sie sind gleich dran.');
    expect(waitText('de', 15)).toBe('Sie warten etwa 15 Minuten.');
    expect(waitText('en', 15)).toBe('You will wait about 15 minutes.');
    expect(waitText('uk', 22)).toBe('Ви чекатимете приблизно 22 хвилини.');
    for (const l of LANGUAGES) expect(waitText(l, 7)).not.toMatch(/\bMin\.|\bmin\b/);
  });
});

describe('randomKey', () => {
  it('gives distinct version 4 UUIDs', () => {
    const a = randomKey();
    const b = randomKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});
