/** Session, office data and counter choice; the desk itself is in `desk.tsx`. */
import { useSignal } from '@preact/signals';
import './appointments.css';
import { type StaffSession, StaffGate } from '../ui/staff-gate.tsx';
import { useOfficeData } from '../ui/staff-office.tsx';
import { AlertBanner } from './alert-banner.tsx';
import { Appointments } from './appointments.tsx';
import { CounterDesk } from './desk.tsx';
import { CounterPicker } from './picker.tsx';
import { Reception } from './reception.tsx';
import { loadCounterId, saveCounterId } from './storage.ts';

export function CounterApp() {
  return (
    <StaffGate appName="Schalter" requiredRole="clerk">
      {(session) => <Workstation session={session} />}
    </StaffGate>
  );
}

function Workstation({ session }: { session: StaffSession }) {
  const { office, pending } = useOfficeData('Schalter');
  const counterId = useSignal<string | null>(loadCounterId());
  /** True when the clerk asked for the picker although a counter is remembered. */
  const picking = useSignal(false);
  /** `/counter?view=reception`: reception, also at a desk without a counter. */
  const reception = useSignal(new URLSearchParams(window.location.search).get('view') === 'reception');
  const showReception = (on: boolean) => {
    reception.value = on;
    const url = new URL(window.location.href);
    if (on) url.searchParams.set('view', 'reception');
    else url.searchParams.delete('view');
    window.history.replaceState(null, '', url);
  };
  /** The appointments screen instead of the desk (booking by phone, the day's list). */
  const appointments = useSignal(false);

  const current = office.value;
  if (!current) return pending();

  if (reception.value) {
    return (
      <Reception office={current} session={session} counterId={counterId.value} onDesk={() => showReception(false)} />
    );
  }

  const counter = picking.value ? undefined : current.counters.find((c) => c.id === counterId.value);
  if (!counter) {
    return (
      <CounterPicker
        office={current}
        selectedId={counterId.value}
        session={session}
        onReception={() => showReception(true)}
        onPick={(id) => {
          saveCounterId(id);
          counterId.value = id;
          picking.value = false;
        }}
      />
    );
  }
  if (appointments.value) {
    return (
      <Appointments
        office={current}
        counter={counter}
        session={session}
        onBack={() => {
          appointments.value = false;
        }}
      />
    );
  }
  return (
    <>
      <AlertBanner counterId={counter.id} />
      <CounterDesk
        key={counter.id}
        office={current}
        counter={counter}
        session={session}
        onChangeCounter={() => {
          picking.value = true;
        }}
        onReception={() => showReception(true)}
        onOfficeUpdated={(next) => {
          office.value = next;
        }}
        onAppointments={() => {
          appointments.value = true;
        }}
      />
    </>
  );
}
