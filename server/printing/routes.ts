/** GET /api/printers (admin): every printer with its health, counters and where it is. */
import { Router } from 'express';
import type { PrinterAdminView } from '../../core/events.ts';
import type { AppContext } from '../context.ts';
import { requireRole } from '../http/session.ts';

export function printerRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/api/printers', requireRole(ctx, 'admin'), (_req, res) => {
    const printers: PrinterAdminView[] = ctx.printing.adminViews();
    res.json({ printers });
  });
  return router;
}
