/**
 * Inline SVG pictograms keyed by `concern.pictogram`. Simple line drawings on a 48×48 grid,
 * drawn in `currentColor` so they take the colour of the text around them.
 */
import type { ComponentChildren, JSX } from 'preact';

type Drawing = () => JSX.Element;

const house: Drawing = () => (
  <>
    <path d="M6 23 24 8l18 15" />
    <path d="M11 19v21h26V19" />
    <path d="M20 40V29h8v11" />
  </>
);

const school: Drawing = () => (
  <>
    <path d="M4 18 24 9l20 9-20 9z" />
    <path d="M12 22v10c3 4 8 6 12 6s9-2 12-6V22" />
    <path d="M42 19v12" />
  </>
);

const wallet: Drawing = () => (
  <>
    <path d="M8 14h28a4 4 0 0 1 4 4v20a4 4 0 0 1-4 4H10a4 4 0 0 1-4-4V16" />
    <path d="M6 16a4 4 0 0 1 4-4h22v2" />
    <path d="M40 23h-9a4 4 0 0 0 0 8h9z" />
    <circle cx="31" cy="27" r="1.5" />
  </>
);

const documents: Drawing = () => (
  <>
    <path d="M14 8h15l9 9v23H14z" />
    <path d="M29 8v9h9" />
    <path d="M10 14v30h22" />
    <path d="M19 24h13M19 30h13M19 36h9" />
  </>
);

const certificate: Drawing = () => (
  <>
    <path d="M8 8h32v24H27" />
    <path d="M8 8v24h7" />
    <path d="M14 15h20M14 21h12" />
    <circle cx="21" cy="31" r="6" />
    <path d="m17 36-2 8 6-3 6 3-2-8" />
  </>
);

const phone: Drawing = () => (
  <>
    <rect x="14" y="4" width="20" height="40" rx="3" />
    <path d="M21 9h6" />
    <circle cx="24" cy="38" r="1.5" />
  </>
);

const fallback: Drawing = () => (
  <>
    <circle cx="24" cy="24" r="18" />
    <path d="M24 22v12" />
    <circle cx="24" cy="15" r="1.5" />
  </>
);

export const PICTOGRAMS: Record<string, Drawing> = { house, school, wallet, documents, certificate, phone };

export interface PictogramProps {
  name: string | undefined;
  /** Edge length in CSS units (`4rem`, `96px`); default `1em`. */
  size?: string;
  class?: string;
}

/** The 48×48 line-icon frame shared by every pictogram and icon (decorative: hidden from screen readers). */
export function LineIcon({
  size,
  class: className,
  children,
}: {
  size: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <svg
      class={className}
      viewBox="0 0 48 48"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      stroke-width="3"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** A decorative pictogram (hidden from screen readers: the text next to it says the same). */
export function Pictogram({ name, size = '1em', class: className }: PictogramProps) {
  const draw = (name && PICTOGRAMS[name]) || fallback;
  return (
    <LineIcon size={size} {...(className ? { class: className } : {})}>
      {draw()}
    </LineIcon>
  );
}
