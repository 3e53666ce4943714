/** Offices the tests share beyond the demo office. */
import type { OfficeConfig } from '../../core/types.ts';
import { demoOffice } from './server.ts';

/** Walk-ins Mon 09:00–12:30 (enforced); appointments Mon 07:00–12:30; subsistence only by appointment. */
export function appointmentOffice(): OfficeConfig {
  const o = demoOffice();
  o.enforceOpeningHours = true;
  o.appointmentHours = { weekly: { mon: [{ from: '07:00', to: '12:30' }] }, closedDays: [] };
  for (const c of o.concerns) if (c.id === 'subsistence') c.appointmentOnly = true;
  return o;
}
