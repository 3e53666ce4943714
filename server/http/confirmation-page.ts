/**
 * GET /appointment/:id — the visitor's appointment confirmation: plain HTML in the visitor's
 * language (`?lang=` or the language given at booking), readable on a phone without
 * JavaScript and printable on A4 from the browser (print styles below).
 */
import { Router } from 'express';
import { confirmationOf } from '../../core/confirmation.ts';
import { AppointmentIdParam as Params } from '../../core/schemas/appointments.ts';
import { LanguageQuery as Query } from '../../core/schemas/common.ts';
import type { AppContext } from '../context.ts';

const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const STYLE = `
body{font-family:"Noto Sans",DejaVu Sans,Liberation Sans,sans-serif;color:#111;background:#fff;margin:0;padding:1.5rem;line-height:1.45}
main{max-width:40rem;margin:0 auto}
h1{font-size:1.8rem;margin:0 0 .25rem}
.office{color:#333;margin:0 0 1.5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1.2rem;font-size:1.15rem}
dt{font-weight:700}
.code{font-size:2.6rem;font-weight:800;letter-spacing:.08em;border:3px solid #111;border-radius:.5rem;padding:.3rem 1rem;display:inline-block;margin:.5rem 0}
.cancelled{border:3px solid #a00000;color:#a00000;padding:.6rem;font-weight:700;font-size:1.2rem}
section{margin-top:1.4rem}
@page{size:A4;margin:20mm}
@media print{body{padding:0}.code{font-size:28pt}dl{font-size:13pt}}
`;

export function confirmationRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/appointment/:id', async (req, res) => {
    const params = Params.safeParse(req.params);
    const query = Query.safeParse(req.query);
    const appointment = params.success ? await ctx.appointments.byId(params.data.id) : undefined;
    if (!appointment) {
      res.status(404).type('text/plain; charset=utf-8').send('Not found');
      return;
    }
    const language = (query.success ? query.data.lang : undefined) ?? appointment.language ?? 'de';
    const c = confirmationOf(appointment, ctx.office(), language);
    const t = c.texts;
    const row = (label: string, value: string) => `<dt>${html(label)}</dt><dd>${html(value)}</dd>`;
    const page = `<!doctype html>
<html lang="${c.language}" dir="${c.rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(t.title)} – ${html(c.officeName)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${html(t.title)}</h1><p class="office">${html(c.officeName)}</p>
${c.cancelled ? `<p class="cancelled" role="alert">${html(t.cancelled)}</p>` : ''}
<dl>${row(t.date, c.date)}${row(t.time, c.time)}${row(t.place, c.place)}${row(t.concern, c.concernName)}</dl>
<section><h2>${html(t.code)}</h2><p class="code" data-testid="code">${html(c.code)}</p><p>${html(t.codeHint)}</p></section>
${c.documents.length ? `<section><h2>${html(t.documents)}</h2><ul>${c.documents.map((d) => `<li>${html(d)}</li>`).join('')}</ul></section>` : ''}
<section><h2>${html(t.contact)}</h2><dl>${c.contact.map((x) => row(x.label, x.value)).join('')}</dl><p>${html(t.cancel)}</p></section>
</main></body></html>`;
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer').type('html').send(page);
  });
  return router;
}
