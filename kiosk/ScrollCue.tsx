/**
 * "Weiter unten gibt es mehr": shown at the foot of a list while part of it lies below the
 * visible area; a touch on it scrolls on. Measured in the page, so it holds with any font.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Language } from '../ui/i18n.ts';
import { screenMessages } from './screen-messages.ts';

export function ScrollCue({ target, language }: { target: RefObject<HTMLElement | null>; language: Language }) {
  const [more, setMore] = useState(false);
  useLayoutEffect(() => {
    const el = target.current;
    if (!el) return;
    const check = () => setMore(el.scrollTop + el.clientHeight < el.scrollHeight - 4);
    check();
    el.addEventListener('scroll', check, { passive: true });
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(check) : undefined;
    resized?.observe(el);
    for (const child of Array.from(el.children)) resized?.observe(child);
    const changed = typeof MutationObserver === 'function' ? new MutationObserver(check) : undefined;
    changed?.observe(el, { childList: true, subtree: true, characterData: true });
    void document.fonts?.ready.then(check);
    return () => {
      el.removeEventListener('scroll', check);
      resized?.disconnect();
      changed?.disconnect();
    };
  }, [target]);
  if (!more) return null;
  const scrollOn = () => {
    const el = target.current;
    el?.scrollBy({ top: el.clientHeight * 0.7, behavior: 'smooth' });
  };
  return (
    // A visual cue only: screen readers and keyboards move through the list anyway.
    <div class="scroll-cue" data-scroll-cue="" data-testid="scroll-cue" aria-hidden="true" onClick={scrollOn}>
      <svg viewBox="0 0 24 24" width="1.6em" height="1.6em" aria-hidden="true">
        <path d="M12 16.5 4.5 9l1.6-1.6L12 13.3l5.9-5.9L19.5 9z" fill="currentColor" />
      </svg>
      <span>{screenMessages(language).moreBelow}</span>
    </div>
  );
}
