/** The kiosk's own line icons (appointment, read aloud, contrast) on the 48×48 grid of `ui/pictograms.tsx`. */
import { LineIcon as Icon } from '../ui/pictograms.tsx';

export { Icon };

export const CalendarIcon = ({ size = '1em', class: className }: { size?: string; class?: string }) => (
  <Icon size={size} {...(className ? { class: className } : {})}>
    <rect x="6" y="10" width="36" height="32" rx="3" />
    <path d="M6 19h36M15 5v9M33 5v9" />
    <path d="m17 30 5 5 9-10" />
  </Icon>
);

export const SpeakerIcon = ({ size = '1em' }: { size?: string }) => (
  <Icon size={size}>
    <path d="M8 18h8l10-8v28l-10-8H8z" />
    <path d="M32 17c2.5 2 3.5 4.5 3.5 7s-1 5-3.5 7M37 11c4.5 3.5 6.5 8 6.5 13s-2 9.5-6.5 13" />
  </Icon>
);

export const ContrastIcon = ({ size = '1em' }: { size?: string }) => (
  <Icon size={size}>
    <circle cx="24" cy="24" r="17" />
    <path d="M24 7a17 17 0 0 1 0 34z" fill="currentColor" />
  </Icon>
);

/** A chosen concern: a tick in a filled circle. */
export function CheckIcon({ size, class: className }: { size: string; class?: string }) {
  return (
    <Icon size={size} {...(className ? { class: className } : {})}>
      <circle cx="24" cy="24" r="20" fill="currentColor" />
      <path d="M14 25l7 7 13-15" stroke="var(--surface)" stroke-width="5" />
    </Icon>
  );
}
