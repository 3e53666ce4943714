/** `npm run docs:api`: writes docs/api.md from the OpenAPI document. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiMarkdown } from './markdown.ts';

export const API_DOC_PATH = fileURLToPath(new URL('../../../docs/api.md', import.meta.url));

writeFileSync(API_DOC_PATH, apiMarkdown());
