/** Admin shell: sign-in (role admin), one socket, office data, tab navigation. */
import { useSignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { OfficePublic } from '../core/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { type StaffSession, StaffGate } from '../ui/staff-gate.tsx';
import { useOfficeData } from '../ui/staff-office.tsx';
import { type Notice, NoticeOf, StaffHeader } from '../ui/staff-shell.tsx';
import { useStaffSocket } from '../ui/staff-socket.ts';
import { createConfigModel } from './config-model.ts';
import { ADMIN_TABS, type AdminContext, tabFromHash } from './tabs.tsx';

export function AdminApp() {
  return (
    <StaffGate appName="Verwaltung" requiredRole="admin">
      {(session) => <AdminShell session={session} />}
    </StaffGate>
  );
}

function AdminShell({ session }: { session: StaffSession }) {
  const { socket, connected } = useStaffSocket(session.expire);
  const { office, pending } = useOfficeData('Verwaltung');
  const tab = useSignal(tabFromHash(location.hash).id);
  const notice = useSignal<Notice | null>(null);
  const [config] = useState(createConfigModel);

  useEffect(() => {
    const onOffice = (next: OfficePublic) => {
      office.value = next;
      config.remoteChanged();
    };
    // Unsaved configuration changes: ask before the page is left or reloaded.
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!config.dirty.value) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onLeave);
    const onHash = () => {
      tab.value = tabFromHash(location.hash).id;
    };
    socket.on('office:updated', onOffice);
    window.addEventListener('hashchange', onHash);
    return () => {
      socket.off('office:updated', onOffice);
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('beforeunload', onLeave);
    };
  }, [socket]);

  const current = office.value;
  if (!current) return pending();

  const ctx: AdminContext = {
    session,
    socket,
    connected: connected.value,
    office: current,
    config,
    fail: (code) => {
      if (code === 'UNAUTHENTICATED') session.expire();
      else notice.value = { kind: 'error', text: errorText(code) };
    },
  };
  const active = tabFromHash(`#${tab.value}`);

  return (
    <div class="staff-page">
      <StaffHeader
        title="Verwaltung"
        subtitle={current.name}
        connected={connected.value}
        username={session.user.username}
        onSignOut={session.signOut}
      />
      <nav class="tabs" aria-label="Bereiche">
        <div role="tablist" class="tabs__list">
          {ADMIN_TABS.map((t) => (
            <a
              key={t.id}
              href={`#${t.id}`}
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={t.id === active.id}
              aria-controls="admin-panel"
              class={`tabs__tab ${t.id === active.id ? 'tabs__tab--active' : ''}`}
              data-testid={`admin-tab-${t.id}`}
            >
              {t.label}
            </a>
          ))}
        </div>
      </nav>
      <NoticeOf notice={notice} reserveSpace={false} />
      <main class="staff-main admin-main">
        <div id="admin-panel" role="tabpanel" aria-labelledby={`tab-${active.id}`} class="admin-panel">
          {active.render(ctx)}
        </div>
      </main>
    </div>
  );
}
