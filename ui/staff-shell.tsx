/** Layout pieces shared by the staff apps: header bar, notice banner, modal and confirmation dialog. */
import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface StaffHeaderProps {
  /** App name, e.g. "Schalter" or "Verwaltung". */
  title: string;
  /** Second line: office or counter. */
  subtitle?: string;
  /** Connection state; leave out for screens without a live connection. */
  connected?: boolean;
  username: string;
  onSignOut: () => void;
  /** Extra buttons shown before "Abmelden". */
  children?: ComponentChildren;
}

export function StaffHeader({ title, subtitle, connected, username, onSignOut, children }: StaffHeaderProps) {
  return (
    <header class="staff-header">
      <div class="staff-header__brand">
        <span class="staff-header__logo" aria-hidden="true">
          L
        </span>
        <div>
          <div class="staff-header__title">{title}</div>
          {subtitle ? <div class="staff-header__subtitle">{subtitle}</div> : null}
        </div>
      </div>
      <div class="staff-header__tools">
        {connected === undefined ? null : <ConnectionBadge connected={connected} />}
        <span class="staff-header__user" data-testid="staff-user">
          {username}
        </span>
        {children}
        <button type="button" class="staff-btn staff-btn--quiet" data-testid="logout" onClick={onSignOut}>
          Abmelden
        </button>
      </div>
    </header>
  );
}

export function ConnectionBadge({ connected }: { connected: boolean }) {
  return (
    <span
      class={`staff-badge ${connected ? 'staff-badge--ok' : 'staff-badge--warn'}`}
      role="status"
      data-testid="connection"
      data-connected={connected ? 'true' : 'false'}
    >
      {connected ? 'Verbunden' : 'Keine Verbindung – neuer Versuch läuft'}
    </span>
  );
}

export type NoticeKind = 'success' | 'info' | 'error';

export interface Notice {
  kind: NoticeKind;
  text: string;
}

export interface NoticeBannerProps {
  notice: Notice | null;
  onClose: () => void;
  /** Keep the banner's height while empty, so touch targets below never move (default true). */
  reserveSpace?: boolean;
}

export function NoticeBanner({ notice, onClose, reserveSpace = true }: NoticeBannerProps) {
  // Always rendered, so screen readers announce changes of the live region.
  const slot = reserveSpace ? 'staff-notice-slot' : 'staff-notice-slot staff-notice-slot--collapse';
  return (
    <div class={slot} role={notice?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
      {notice ? (
        <div class={`staff-notice staff-notice--${notice.kind}`} data-testid="notice" data-kind={notice.kind}>
          <span>{notice.text}</span>
          <button type="button" class="staff-notice__close" onClick={onClose} aria-label="Meldung schließen">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The banner of a page's notice signal; closing it clears the signal. */
export function NoticeOf({ notice, reserveSpace }: { notice: Signal<Notice | null>; reserveSpace?: boolean }) {
  return (
    <NoticeBanner
      notice={notice.value}
      {...(reserveSpace === undefined ? {} : { reserveSpace })}
      onClose={() => {
        notice.value = null;
      }}
    />
  );
}

export interface StaffModalProps {
  /** id of the heading inside, for `aria-labelledby`. */
  titleId: string;
  wide?: boolean;
  testId?: string;
  /** Escape calls it. */
  onCancel: () => void;
  children: ComponentChildren;
}

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled)';

/**
 * A modal box over a dimmed page. Focus moves in (to `[data-autofocus]` or the first button),
 * stays in (Tab wraps around) and returns where it was when the box closes; Escape cancels.
 */
export function StaffModal({ titleId, wide, testId, onCancel, children }: StaffModalProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef(onCancel);
  cancelRef.current = onCancel;
  // A layout effect, not one after the next paint: a key pressed as soon as the box shows
  // (Escape to keep the visitor, Tab) must already reach it.
  useLayoutEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const box = boxRef.current;
    (box?.querySelector<HTMLElement>('[data-autofocus]') ?? box?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        cancelRef.current();
      } else if (event.key === 'Tab' && box) {
        const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        const inside = box.contains(document.activeElement);
        if (event.shiftKey && (document.activeElement === first || !inside)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
          event.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, []);
  return (
    <div class="staff-modal">
      <div class="staff-modal__backdrop" />
      <div
        ref={boxRef}
        class={`staff-modal__box ${wide ? 'staff-modal__box--wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
      >
        {children}
      </div>
    </div>
  );
}

export interface ConfirmDialogProps {
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  cancelLabel?: string;
  /** Paints the confirm button as a warning. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question. Focus starts on the confirm button (Enter confirms), Escape cancels. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Abbrechen',
  danger,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <StaffModal titleId="staff-confirm-title" testId="confirm-dialog" onCancel={onCancel}>
      <h2 id="staff-confirm-title" class="staff-modal__title">
        {title}
      </h2>
      {children ? <div class="staff-modal__body">{children}</div> : null}
      <div class="staff-modal__actions">
        <button
          type="button"
          class="staff-btn staff-btn--big staff-btn--secondary"
          data-testid="confirm-cancel"
          onClick={onCancel}
        >
          {cancelLabel}
        </button>
        <button
          type="button"
          data-autofocus
          class={`staff-btn staff-btn--big ${danger ? 'staff-btn--danger' : 'staff-btn--primary'}`}
          data-testid="confirm-ok"
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </StaffModal>
  );
}

/** A centred card for simple full-page states (loading, sign-in, errors). */
export function StaffCard({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <main class="staff-center">
      <section class="staff-card">
        <h1 class="staff-card__title">{title}</h1>
        {children}
      </section>
    </main>
  );
}

/** The app's first data are still coming, or could not be loaded (with a retry). */
export function LoadingCard({ title, error, onRetry }: { title: string; error: string | null; onRetry: () => void }) {
  return (
    <StaffCard title={title}>
      {error ? (
        <>
          <p class="staff-form__error" role="alert">
            {error}
          </p>
          <button type="button" class="staff-btn staff-btn--big staff-btn--primary" onClick={onRetry}>
            Noch einmal versuchen
          </button>
        </>
      ) : (
        <p class="staff-muted">Daten werden geladen …</p>
      )}
    </StaffCard>
  );
}

/** "Abbrechen" at the foot of a dialog (Escape does the same). */
export function CancelButton({
  testId,
  onCancel,
  variant = 'quiet',
}: {
  testId: string;
  onCancel: () => void;
  variant?: 'quiet' | 'secondary';
}) {
  return (
    <button
      type="button"
      class={`staff-btn staff-btn--big staff-btn--${variant}`}
      data-testid={testId}
      onClick={onCancel}
    >
      Abbrechen
    </button>
  );
}
