import { describe, expect, it } from 'vitest';
import { voiceCandidates, voiceLanguage } from './voices.ts';

const voice = (name: string, lang: string, localService: boolean) => ({ name, lang, localService });

describe('the voice of a language (kiosk and lobby screen)', () => {
  const voices = [
    voice('online-de', 'de-DE', false),
    voice('local-at', 'de_AT', true),
    voice('local-de', 'de-DE', true),
    voice('local-dk', 'da-DK', true),
    voice('local-en', 'en-GB', true),
  ];
  it('given voices of several languages, then only those of the language, local and exact locale first', () => {
    expect(voiceCandidates(voices, 'de').map((v) => v.name)).toEqual(['local-de', 'local-at', 'online-de']);
  });
  it('given no voice of the language, then none (never a voice of another language)', () => {
    expect(voiceCandidates(voices, 'ar')).toEqual([]);
  });
  it('names a voice by its language', () => {
    expect(voices.map(voiceLanguage)).toEqual(['de', 'de', 'de', 'da', 'en']);
  });
});
