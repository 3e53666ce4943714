/**
 * Serves the built Preact apps: /kiosk, /display, /counter, /admin and the phone page /t/:token,
 * and at /apps the page that leads to them (`/` is the office's public page).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import type { AppContext } from '../context.ts';

const PAGES: Record<string, string> = {
  '/kiosk': 'kiosk/index.html',
  '/display': 'display/index.html',
  '/counter': 'counter/index.html',
  '/admin': 'admin/index.html',
};

const LANDING = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lotse</title>
<style>body{font:20px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#111}
a{display:block;padding:1rem;margin:.5rem 0;border:2px solid #1a4d8f;border-radius:.5rem;color:#1a4d8f;text-decoration:none;font-weight:600}
a:focus,a:hover{background:#1a4d8f;color:#fff}</style></head>
<body><h1>Lotse</h1><p>Wählen Sie eine Anwendung.</p>
<a href="/kiosk">Kiosk: Wartenummer ziehen</a>
<a href="/display">Anzeige im Wartebereich</a>
<a href="/counter">Sachbearbeitung: Platz</a>
<a href="/admin">Verwaltung</a></body></html>`;

export function appRoutes(ctx: AppContext): Router {
  const router = Router();
  const file = (rel: string) => join(ctx.appsDir, rel);
  const send = (rel: string) => (_req: express.Request, res: express.Response) => {
    if (!existsSync(file(rel))) {
      res.status(503).type('text/plain').send('The apps are not built yet. Run "npm run build" or "npm start".');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(file(rel));
  };

  router.get(['/apps', '/apps/'], (_req, res) => {
    res.type('html').send(LANDING);
  });
  for (const [path, rel] of Object.entries(PAGES)) {
    router.get([path, `${path}/`], send(rel));
  }
  router.get('/t/:token', send('display/phone.html'));
  router.use('/assets', express.static(join(ctx.appsDir, 'assets'), { immutable: true, maxAge: '30d', index: false }));
  return router;
}
