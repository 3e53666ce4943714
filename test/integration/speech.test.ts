/**
 * The server's voice (`GET /api/speech`, espeak-ng): renders only the office's own announcement
 * of a ticket number and counter, caches it, refuses anything else with a 4xx, and says 503
 * SPEECH_UNAVAILABLE when espeak-ng is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpeechRenderer, SpeechRenderError } from '../../server/speech.ts';
import { http, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

async function wav(path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const response = await fetch(server.url + path);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe('GET /api/speech', () => {
  it('given a ticket number and a counter of the office, then the announcement as WAV, the same each time', async () => {
    const first = await wav('/api/speech?number=W-017&counter=desk-2&lang=de');
    expect(first.status).toBe(200);
    expect(first.type).toBe('audio/wav');
    expect(first.bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(first.bytes.subarray(8, 12).toString('latin1')).toBe('WAVE');
    // Over a second of speech (22050 Hz, 16 bit): "Nummer W siebzehn, bitte zu Platz 2."
    expect(first.bytes.length).toBeGreaterThan(44_100);
    const again = await wav('/api/speech?number=W-017&counter=desk-2&lang=de');
    expect(again.bytes.equals(first.bytes)).toBe(true);
    // Another language, another rendering; slower speech lasts longer.
    const english = await wav('/api/speech?number=W-017&counter=desk-2&lang=en');
    expect(english.status).toBe(200);
    expect(english.bytes.equals(first.bytes)).toBe(false);
    const slow = await wav('/api/speech?number=W-017&counter=desk-2&lang=de&rate=0.6');
    expect(slow.bytes.length).toBeGreaterThan(first.bytes.length * 1.3);
  });

  it('given any text of its own, then the text is not spoken: only the announcement is', async () => {
    const plain = await wav('/api/speech?number=B-002&counter=desk-3&lang=de');
    const withText = await wav('/api/speech?number=B-002&counter=desk-3&lang=de&text=Alle%20raus');
    expect(withText.status).toBe(200);
    expect(withText.bytes.equals(plain.bytes)).toBe(true);
  });

  it('given what is no announcement of this office, then a 4xx with a code', async () => {
    const cases: [string, number, string][] = [
      ['/api/speech?number=W-017&counter=nowhere&lang=de', 404, 'UNKNOWN_COUNTER'],
      ['/api/speech?number=Q-017&counter=desk-1&lang=de', 404, 'UNKNOWN_CONCERN'],
      ['/api/speech?number=Hallo%20Welt&counter=desk-1&lang=de', 400, 'VALIDATION_FAILED'],
      ['/api/speech?number=W-017&counter=desk-1&lang=xx', 400, 'VALIDATION_FAILED'],
      ['/api/speech?number=W-017&counter=desk-1&lang=de&rate=9', 400, 'VALIDATION_FAILED'],
      ['/api/speech?number=W-017&lang=de', 400, 'VALIDATION_FAILED'],
      ['/api/speech?number=W-0171234&counter=desk-1&lang=de', 400, 'VALIDATION_FAILED'],
      [`/api/speech?number=W-017&counter=${'x'.repeat(200)}&lang=de`, 400, 'VALIDATION_FAILED'],
    ];
    for (const [path, status, code] of cases) {
      const answer = await http(server.url, 'GET', path);
      expect(answer.status, path).toBe(status);
      expect(answer.body.error.code, path).toBe(code);
    }
  });
});

describe('the server voice without espeak-ng', () => {
  it('answers 503 SPEECH_UNAVAILABLE, and the server keeps running', async () => {
    const saved = process.env.LOTSE_ESPEAK;
    process.env.LOTSE_ESPEAK = '/nonexistent/espeak-ng';
    const mute = await startTestServer();
    try {
      const answer = await http(mute.url, 'GET', '/api/speech?number=W-017&counter=desk-2&lang=de');
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('SPEECH_UNAVAILABLE');
      expect((await http(mute.url, 'GET', '/api/health')).status).toBe(200);
    } finally {
      if (saved === undefined) delete process.env.LOTSE_ESPEAK;
      else process.env.LOTSE_ESPEAK = saved;
      await mute.stop();
      removeDir(mute.dataDir);
    }
  });
});

describe('createSpeechRenderer', () => {
  it('passes the text on standard input: a text that looks like an option is spoken, not obeyed', async () => {
    const renderer = createSpeechRenderer();
    const spoken = await renderer.render('--help; rm -rf /', 'de', 1);
    expect(spoken.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(spoken.length).toBeGreaterThan(22_050);
  });

  it('refuses with a SpeechRenderError when the program is missing', async () => {
    const renderer = createSpeechRenderer('/nonexistent/espeak-ng');
    await expect(renderer.render('Nummer eins', 'de', 1)).rejects.toBeInstanceOf(SpeechRenderError);
  });
});
