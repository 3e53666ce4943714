/** GET /api/openapi.json: the API's OpenAPI 3.1 document (built once, from `api-doc/`). */
import { Router } from 'express';
import { openApiDocument } from './api-doc/openapi.ts';

export function openApiRoutes(): Router {
  const router = Router();
  let document: string | undefined;
  router.get('/api/openapi.json', (_req, res) => {
    document ??= JSON.stringify(openApiDocument());
    res.type('application/json').send(document);
  });
  return router;
}
