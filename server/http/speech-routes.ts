/**
 * GET /api/speech?number=W-017&counter=desk-1&lang=de&rate=1: the announcement of that call as
 * WAV, rendered by the server's voice (see `speech.ts`) for lobby screens without a voice of
 * their own, and for the admin app to let the office listen to its wording.
 *
 * Not a speech service for any text: the text is the office's own announcement, built here
 * from a ticket number of one of its concerns and one of its counters; nothing else is spoken.
 * `503 SPEECH_UNAVAILABLE` when espeak-ng is missing or busy: the screen keeps its gong and
 * the call on screen.
 */
import { Router } from 'express';
import { announcementText } from '../../core/announcement.ts';
import type { AppContext } from '../context.ts';
import { createSpeechRenderer, SpeechRenderError, type SpeechRenderer } from '../speech.ts';
import { sendError } from './errors.ts';
import { parse, SpeechQuery } from './validate.ts';

export function speechRoutes(ctx: AppContext, renderer: SpeechRenderer = createSpeechRenderer()): Router {
  const router = Router();

  router.get('/api/speech', async (req, res) => {
    const query = parse(SpeechQuery, req.query);
    const office = ctx.office();
    const prefix = query.number.slice(0, query.number.indexOf('-'));
    if (!office.concerns.some((c) => c.prefix === prefix)) return sendError(res, 'UNKNOWN_CONCERN');
    const counter = office.counters.find((c) => c.id === query.counter);
    if (!counter) return sendError(res, 'UNKNOWN_COUNTER');
    const text = announcementText(
      office,
      { number: query.number, counterId: counter.id, counterName: counter.name },
      query.lang,
    );
    try {
      const wav = await renderer.render(text, query.lang, query.rate);
      res.set('content-type', 'audio/wav');
      res.set('cache-control', 'public, max-age=300');
      res.send(wav);
    } catch (error) {
      if (error instanceof SpeechRenderError) return sendError(res, 'SPEECH_UNAVAILABLE');
      throw error;
    }
  });

  return router;
}
