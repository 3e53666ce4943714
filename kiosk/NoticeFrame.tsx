/**
 * The frame of the kiosk's message screens (online form, booking, closed, refused): the message
 * scrolls, with a cue when it is longer than the screen; the buttons and the countdown stay at
 * the foot, always on the screen.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { ResetBar } from './ResetBar.tsx';
import { ScrollCue } from './ScrollCue.tsx';
import type { TimedScreenProps } from './screen-props.ts';

export interface NoticeFrameProps extends TimedScreenProps {
  /** Extra classes of the screen (`info`, `notice-closed`...). */
  class: string;
  testid: string;
  /** The buttons at the foot. */
  actions: ComponentChildren;
  children: ComponentChildren;
  kind?: string;
}

export function NoticeFrame({
  class: extra,
  testid,
  language,
  resetSeconds,
  lastActivity,
  actions,
  children,
  kind,
}: NoticeFrameProps) {
  const body = useRef<HTMLDivElement>(null);
  return (
    <main class={`notice notice--framed ${extra}`} data-testid={testid} {...(kind ? { 'data-kind': kind } : {})}>
      <div class="notice-scroll">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling area must be reachable by keyboard (WCAG 2.1.1) */}
        <div class="notice-main" ref={body} tabIndex={0}>
          {children}
        </div>
        <ScrollCue target={body} language={language} />
      </div>
      <div class="notice-foot">
        <div class="notice-actions">{actions}</div>
        <ResetBar seconds={resetSeconds} since={lastActivity} />
      </div>
    </main>
  );
}
