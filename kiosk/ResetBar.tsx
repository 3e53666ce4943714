/** A thin bar that empties until the kiosk returns to its start screen; restarts on every touch. */
export interface ResetBarProps {
  seconds: number;
  /** Changes on every touch: a new key restarts the animation. */
  since: number;
}

export function ResetBar({ seconds, since }: ResetBarProps) {
  return (
    <div class="reset-track" aria-hidden="true">
      <div class="reset-bar" key={since} style={{ animationDuration: `${seconds}s` }} />
    </div>
  );
}
