/** The server's voice for one call (`/api/speech`). */
import { z } from 'zod';
import { LANGUAGES } from '../types.ts';

export const SpeechQuery = z.object({
  number: z.string().regex(/^[A-Z]{1,3}-\d{1,5}$/),
  counter: z.string().min(1).max(64),
  lang: z.enum(LANGUAGES),
  /** Speed, 0.5–2 in steps of 0.1 (so few variants are ever cached). */
  rate: z.coerce
    .number()
    .min(0.5)
    .max(2)
    .transform((r) => Math.round(r * 10) / 10)
    .default(1),
});
