/**
 * The office's public page and numbers from on the way:
 *   GET  /                       the page (`?lang=`, else the browser's Accept-Language, else German)
 *   GET  /public-page.js         its small live-figures script
 *   POST /remote                 form of the page: takes a number from on the way, then 303 to /t/<token>
 *   POST /api/remote-tickets     the same as JSON `{concernId, language?}` → 201 {ticket}
 * No personal data is asked; numbers from on the way are limited per client and per day.
 */
import express, { Router } from 'express';
import { remoteLeft } from '../../core/remote.ts';
import type { ErrorCode } from '../../core/result.ts';
import { LANGUAGES, type Language } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { sendError, statusOf } from './errors.ts';
import { html, renderPublicPage } from './public-page-render.ts';
import { PUBLIC_PAGE_SCRIPT } from './public-page-script.ts';
import { PUBLIC_PAGE_TEXTS } from './public-page-texts.ts';
import { LanguageQuery as Query, parse, RemoteBody } from './validate.ts';

function languageOf(req: express.Request, asked: Language | undefined): Language {
  if (asked) return asked;
  const accepted = req.acceptsLanguages(...LANGUAGES);
  return typeof accepted === 'string' ? (accepted as Language) : 'de';
}

/** Why no number was given, as the page words it (a plain HTML answer for browsers without JavaScript). */
function refusalPage(language: Language, code: ErrorCode): string {
  const t = PUBLIC_PAGE_TEXTS[language];
  const text = code === 'QUOTA_REACHED' ? t.remoteGone : code === 'OFFICE_CLOSED' ? t.closedNow : t.bookAsk;
  return `<!doctype html><html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(text)}</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem"><main><h1>${html(text)}</h1>
<p><a href="/?lang=${language}">${html(t.concerns)}</a></p></main></body></html>`;
}

export function publicPageRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const query = Query.safeParse(req.query);
    const language = languageOf(req, query.success ? query.data.lang : undefined);
    const office = ctx.office();
    const page = renderPublicPage({
      office,
      language,
      now: ctx.clock(),
      waiting: ctx.queue.queueSnapshot().waiting,
      remoteLeft: remoteLeft(ctx.queue.day(), office),
    });
    res.set('Cache-Control', 'no-cache').set('Vary', 'Accept-Language').type('html').send(page);
  });

  router.get('/public-page.js', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('application/javascript').send(PUBLIC_PAGE_SCRIPT);
  });

  /** Takes a number from on the way; answers the ticket or an error code. */
  async function take(req: express.Request, language: Language, concernId: string) {
    if (!(await ctx.limits.take('remoteTicket', req.ip ?? 'unknown'))) {
      return { ok: false as const, error: 'RATE_LIMITED' as const };
    }
    return ctx.queue.issue({ concernId, language, source: 'kiosk', remote: true });
  }

  router.post('/api/remote-tickets', async (req, res) => {
    const body = parse(RemoteBody, req.body);
    const result = await take(req, body.language ?? body.lang ?? 'de', body.concernId);
    if (!result.ok) return sendError(res, result.error);
    res.status(201).json({ ticket: result.value.ticket });
  });

  router.post('/remote', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const parsed = RemoteBody.safeParse(req.body);
    const language = parsed.success ? (parsed.data.lang ?? parsed.data.language ?? 'de') : 'de';
    if (!parsed.success) {
      res.status(400).type('html').send(refusalPage(language, 'VALIDATION_FAILED'));
      return;
    }
    const result = await take(req, language, parsed.data.concernId);
    if (!result.ok) {
      res.status(statusOf(result.error)).type('html').send(refusalPage(language, result.error));
      return;
    }
    res.redirect(303, result.value.ticket.statusUrl);
  });

  return router;
}
