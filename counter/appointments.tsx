/**
 * Appointments at the counter: book for a caller on the phone (concern -> free slots of the next
 * days -> optionally a counter -> the code to read out), print or open the confirmation, and the
 * day's list with each appointment's state, to move or cancel one. The parts: `appointment-booking.tsx`,
 * `appointment-slots.tsx`, `appointment-day.tsx`.
 */
import { useSignal } from '@preact/signals';
import type { CounterPublic, OfficePublic } from '../core/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import type { StaffSession } from '../ui/staff-gate.tsx';
import { type Notice, NoticeOf, StaffHeader } from '../ui/staff-shell.tsx';
import { errorCodeOf } from '../ui/staff-session.ts';
import { Booking } from './appointment-booking.tsx';
import { DayList } from './appointment-day.tsx';
import './appointments.css';

export interface AppointmentsProps {
  office: OfficePublic;
  counter: CounterPublic;
  session: StaffSession;
  onBack: () => void;
}

export function Appointments({ office, counter, session, onBack }: AppointmentsProps) {
  const tab = useSignal<'book' | 'day'>('book');
  const notice = useSignal<Notice | null>(null);
  const say = (kind: Notice['kind'], text: string) => {
    notice.value = { kind, text };
  };
  const fail = (error: unknown) => {
    const code = errorCodeOf(error);
    if (code === 'UNAUTHENTICATED') session.expire();
    say('error', errorText(code));
  };
  return (
    <div class="staff-page appt-page" data-testid="appointments">
      <StaffHeader
        title={`Termine · ${counter.name}`}
        subtitle={office.name}
        username={session.user.username}
        onSignOut={session.signOut}
      >
        <button type="button" class="staff-btn staff-btn--quiet" data-testid="back-to-desk" onClick={onBack}>
          Zurück zum Schalter
        </button>
      </StaffHeader>
      <NoticeOf notice={notice} />
      <main class="staff-main appt">
        <div class="appt__tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={tab.value === 'book'}
            class={`staff-btn ${tab.value === 'book' ? 'staff-btn--primary' : 'staff-btn--secondary'}`}
            data-testid="tab-book"
            onClick={() => {
              tab.value = 'book';
            }}
          >
            Termin vergeben
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab.value === 'day'}
            class={`staff-btn ${tab.value === 'day' ? 'staff-btn--primary' : 'staff-btn--secondary'}`}
            data-testid="tab-day"
            onClick={() => {
              tab.value = 'day';
            }}
          >
            Termine des Tages
          </button>
        </div>
        {tab.value === 'book' ? (
          <Booking office={office} counter={counter} onError={fail} say={say} />
        ) : (
          <DayList office={office} onError={fail} say={say} />
        )}
      </main>
    </div>
  );
}
