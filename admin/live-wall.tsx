/**
 * `/admin?view=live` (the office's live view) and `/admin?view=city` (every office) on their own,
 * filling the screen: for a wall screen in the back office, signed in as an admin.
 */
import { StaffGate } from '../ui/staff-gate.tsx';
import { CityPanel } from './live-city.tsx';
import { LivePanel } from './live-panel.tsx';

export type WallView = 'live' | 'city';

/** The wall view named by the address, or null for the usual admin app. */
export function wallViewOf(search: string): WallView | null {
  const view = new URLSearchParams(search).get('view');
  return view === 'live' || view === 'city' ? view : null;
}

export function LiveWall({ view }: { view: WallView }) {
  return (
    <StaffGate appName={view === 'city' ? 'Alle Ämter' : 'Live'} requiredRole="admin">
      {(session) => (
        <main class="live-wall-page">
          {view === 'city' ? (
            <CityPanel />
          ) : (
            <LivePanel
              wall
              fail={(code) => {
                if (code === 'UNAUTHENTICATED') session.expire();
              }}
            />
          )}
        </main>
      )}
    </StaffGate>
  );
}
