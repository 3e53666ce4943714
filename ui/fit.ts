/**
 * Text fitted to its box, whatever font the screen ends up with: a ticket number or a word wider
 * than its box gets a smaller font size, measured in the page (never guessed from font metrics).
 * Runs again when the box changes width and when web fonts finish loading.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/** Smallest share of the styled size a text may shrink to (then it may overflow, and tests say so). */
const MIN_SCALE = 0.35;

/** Shrinks `el`'s font until its content is no wider than its box; back to the styled size first. */
export function fitToBox(el: HTMLElement): void {
  // A transition on font-size (any `transition-duration` applies to `all`) would make the
  // measurements below read the old size.
  el.style.transition = 'none';
  el.style.fontSize = '';
  const styled = Number.parseFloat(getComputedStyle(el).fontSize);
  if (!styled) return;
  let size = styled;
  // Wrapping text reflows when it shrinks: a few rounds reach the size where the widest word fits.
  for (let round = 0; round < 4 && el.scrollWidth > el.clientWidth + 0.5 && el.clientWidth > 0; round++) {
    size = Math.max(styled * MIN_SCALE, Math.floor(size * (el.clientWidth / el.scrollWidth) * 0.98 * 10) / 10);
    el.style.fontSize = `${size}px`;
    if (size === styled * MIN_SCALE) break;
  }
}

/** Keeps the element fitted; `key` is what changes its text (the number, the language). */
export function useFitToBox(ref: RefObject<HTMLElement | null>, key: unknown): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let width = -1;
    const refit = () => {
      width = el.parentElement?.clientWidth ?? 0;
      fitToBox(el);
    };
    refit();
    const onResize = () => {
      if ((el.parentElement?.clientWidth ?? 0) !== width) refit();
    };
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : undefined;
    if (el.parentElement) observer?.observe(el.parentElement);
    // Large text, another language or direction: the styled size changes with the page's class and lang.
    const page = typeof MutationObserver === 'function' ? new MutationObserver(refit) : undefined;
    page?.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'lang', 'dir'] });
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    fonts?.addEventListener?.('loadingdone', refit);
    void fonts?.ready.then(refit);
    return () => {
      observer?.disconnect();
      page?.disconnect();
      fonts?.removeEventListener?.('loadingdone', refit);
    };
  }, [key]);
}
