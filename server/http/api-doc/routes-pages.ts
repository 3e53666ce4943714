/** Pages and scripts for browsers (the apps, the public page, the phone page, this document). */
import { LanguageQuery, TokenParam } from '../../../core/schemas/common.ts';
import { type RouteDoc, route } from './route.ts';

const page = (path: string, summary: string): RouteDoc =>
  route('get', path, {
    tag: 'pages',
    summary,
    access: 'public',
    ok: { description: 'The page (503 while the apps are not built)', content: 'html' },
  });

export const PAGE_ROUTES = [
  route('get', '/', {
    tag: 'pages',
    summary: "The office's public page (in the visitor's language: `?lang=` or Accept-Language).",
    access: 'public',
    query: LanguageQuery,
    ok: { description: 'The page', content: 'html' },
  }),
  route('get', '/public-page.js', {
    tag: 'pages',
    summary: "The public page's small script.",
    access: 'public',
    ok: { description: 'The script', content: 'javascript' },
  }),
  route('get', '/apps', {
    tag: 'pages',
    summary: 'A page that leads to the apps.',
    access: 'public',
    ok: { description: 'The page', content: 'html' },
  }),
  page('/kiosk', 'The kiosk app.'),
  page('/display', 'The lobby screen app.'),
  page('/counter', 'The counter app.'),
  page('/admin', 'The admin app.'),
  route('get', '/t/:token', {
    tag: 'pages',
    summary: "A ticket's phone page (the QR code on the ticket).",
    access: 'public',
    params: TokenParam,
    ok: { description: 'The page (503 while the apps are not built)', content: 'html' },
  }),
  route('get', '/api/openapi.json', {
    tag: 'public',
    summary: 'This document (OpenAPI 3.1).',
    access: 'public',
    ok: { description: 'The OpenAPI document' },
  }),
];
