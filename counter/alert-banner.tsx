/**
 * Alerts for the clerks at this counter: the live view's alerts of the concerns it serves
 * ("3 Personen warten länger als 20 Minuten – Bescheinigungen"), shown above the desk while they
 * hold and gone by themselves when the cause is gone.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { LiveAlert } from '../core/alerts.ts';
import type { CounterAlerts } from '../core/live-view.ts';
import { connectLive, liveRequest } from '../ui/live-socket.ts';
import './alert-banner.css';

export function AlertBanner({ counterId }: { counterId: string }) {
  const alerts = useSignal<LiveAlert[]>([]);
  useEffect(() => {
    const socket = connectLive();
    const watch = async () => {
      const ack = await liveRequest(socket, 'alerts:watch', { counterId });
      if (ack.ok) alerts.value = (ack.data as CounterAlerts).alerts;
    };
    const onUpdate = (next: CounterAlerts) => {
      if (next.counterId === counterId) alerts.value = next.alerts;
    };
    socket.on('connect', () => void watch());
    socket.on('alerts:updated', onUpdate);
    return () => {
      socket.off('alerts:updated', onUpdate);
      socket.disconnect();
    };
  }, [counterId]);

  if (alerts.value.length === 0) return null;
  const critical = alerts.value.some((a) => a.level === 'critical');
  return (
    <div
      class={`counter-alerts counter-alerts--${critical ? 'critical' : 'warning'}`}
      role="status"
      aria-live="polite"
      title={alerts.value.map((a) => a.message).join('\n')}
      data-testid="counter-alert-banner"
    >
      {alerts.value.map((a) => (
        <p key={a.id} class={`counter-alert counter-alert--${a.level}`} data-testid={`counter-alert-${a.id}`}>
          {a.message}
        </p>
      ))}
    </div>
  );
}
