/** Lobby screens joining (`screen:join`). */
import { z } from 'zod';

export const ScreenJoinRequest = z.object({
  /** Highest call `seq` this screen has already shown; omit on the first join. */
  afterSeq: z.number().int().min(0).optional(),
});
export type ScreenJoinRequest = z.infer<typeof ScreenJoinRequest>;
