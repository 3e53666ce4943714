import { describe, expect, it } from 'vitest';
import { hyphenate, loadHyphenation, MIN_WORD_LENGTH, ready } from './hyphenate.ts';

const SHY = '\u00AD';
const parts = (text: string) => text.split(SHY);

describe('hyphenate', () => {
  it('shows the text as it is until the patterns are there, then with soft hyphens at syllables', async () => {
    expect(ready.value.has('de')).toBe(false);
    expect(hyphenate('Schwerbehindertenausweis')).toBe('Schwerbehindertenausweis');
    await loadHyphenation('de');
    expect(ready.value.has('de')).toBe(true);
    const done = hyphenate('Schwerbehindertenausweis und Nachteilsausgleiche');
    expect(done.replaceAll(SHY, '')).toBe('Schwerbehindertenausweis und Nachteilsausgleiche');
    const [first, second] = done.split(' und ') as [string, string];
    expect(parts(first)).toEqual(['Schwer', 'be', 'hin', 'der', 'ten', 'aus', 'weis']);
    expect(parts(second)).toEqual(['Nach', 'teils', 'aus', 'glei', 'che']);
    // The same text again comes from the memo, unchanged.
    expect(hyphenate('Schwerbehindertenausweis und Nachteilsausgleiche')).toBe(done);
  });

  it('leaves short words and names without a long word alone', async () => {
    await loadHyphenation('de');
    expect('Bildung und Teilhabe'.length).toBeGreaterThan(MIN_WORD_LENGTH);
    expect(hyphenate('Bildung und Teilhabe')).toBe('Bildung und Teilhabe');
    expect(hyphenate('Wohngeld')).toBe('Wohngeld');
    const done = hyphenate('Hilfe zum Lebensunterhalt');
    expect(done.startsWith('Hilfe zum ')).toBe(true);
    expect(parts(done.slice('Hilfe zum '.length))).toEqual(['Le', 'bens', 'un', 'ter', 'halt']);
  });

  it('keeps what is already a word with a hyphen and never breaks inside a number', async () => {
    await loadHyphenation('de');
    const done = hyphenate('Eingliederungshilfe-Antrag W-017 Nr. 1234567890123');
    expect(done.replaceAll(SHY, '')).toBe('Eingliederungshilfe-Antrag W-017 Nr. 1234567890123');
    expect(done).toContain('1234567890123');
    expect(done.split(' ')[0]).toContain(SHY);
  });

  it('hyphenates each language with its own patterns, Arabic never', async () => {
    await Promise.all([loadHyphenation('uk'), loadHyphenation('ru'), loadHyphenation('en'), loadHyphenation('tr')]);
    const uk = hyphenate('Посвідчення особи з інвалідністю', 'uk');
    expect(uk).toContain(SHY);
    expect(uk.replaceAll(SHY, '')).toBe('Посвідчення особи з інвалідністю');
    expect(hyphenate('Удостоверение инвалида', 'ru')).toContain(SHY);
    expect(parts(hyphenate('compensation', 'en'))).toEqual(['com', 'pens', 'a', 'tion']);
    expect(hyphenate('dezavantajlarının denkleştirilmesi', 'tr')).toContain(SHY);
    await loadHyphenation('ar');
    expect(hyphenate('بطاقة الإعاقة الشديدة وتعويضات الأضرار', 'ar')).toBe('بطاقة الإعاقة الشديدة وتعويضات الأضرار');
    expect(ready.value.has('ar')).toBe(false);
  });
});
