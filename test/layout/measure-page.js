/**
 * Injected into a page by the layout suite (as text, so nothing of the test's build leaks in):
 * measures the rendered DOM and lists what is wrong, in words. Checks:
 * - the page is no wider than the screen;
 * - no text is wider than its box, cut off by a box that hides overflow, or outside the screen;
 * - on fixed screens (kiosk, lobby), no text lies below the screen edge outside a scrolling list;
 * - no word is broken inside itself across lines (only after a hyphen, a slash or a soft hyphen);
 * - no two boxes side by side in the flow (siblings) overlap;
 * - the essential actions are on the screen, whole, and not covered;
 * - a list longer than its box shows a scroll cue (`[data-scroll-cue]`) where `scrollCue` is asked.
 */
export function measureLayout(options) {
  const o = { essential: [], breakable: [], ignore: [], fixedScreen: false, scrollCue: false, ...options };
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const label = (el) => {
    let s = el.tagName.toLowerCase();
    const id = el.getAttribute('data-testid');
    if (id) s += `[${id}]`;
    else if (typeof el.className === 'string' && el.className.trim()) {
      s += `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}`;
    }
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 48);
    return text ? `${s} "${text}"` : s;
  };
  const ignored = (el) => o.ignore.length > 0 && el.closest(o.ignore.join(',')) !== null;
  const shown = (el) => {
    const st = getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden' || Number(st.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    // Visually hidden texts for screen readers are 1×1 px.
    return r.width > 1.5 && r.height > 1.5;
  };
  const directText = (el) => Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
  const scrolls = (st, axis) => {
    const v = axis === 'x' ? st.overflowX : st.overflowY;
    return v === 'auto' || v === 'scroll';
  };
  const clips = (st, axis) => {
    const v = axis === 'x' ? st.overflowX : st.overflowY;
    return v === 'hidden' || v === 'clip';
  };

  const rectsOf = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return Array.from(range.getClientRects()).filter((q) => q.width > 0.5);
  };
  const lineCount = (node, start, end) => new Set(rectsOf(node, start, end).map((q) => Math.round(q.top / 4))).size;
  // Walks the word's characters: where one starts a new line (below the one before), the
  // characters since the last drawn one must include a break point.
  const brokenInside = (node, start, word) => {
    let prev = null;
    let since = '';
    for (let i = 0; i < word.length; ) {
      const size = word.codePointAt(i) > 0xffff ? 2 : 1;
      const ch = word.slice(i, i + size);
      // Chromium lists a drawn soft hyphen's glyph also among the next character's boxes: the
      // last box is where the character itself is.
      const q = rectsOf(node, start + i, start + i + size).at(-1);
      if (q) {
        if (prev && q.top > prev.top + prev.height / 2 && !/[-‐/\u00AD]/.test(since)) return true;
        prev = q;
        since = ch;
      } else {
        since += ch;
      }
      i += size;
    }
    return false;
  };

  const page = document.scrollingElement || document.documentElement;
  if (page.scrollWidth > vw + 1) problems.push(`page wider than the screen (${page.scrollWidth} > ${vw} px)`);

  const all = Array.from(document.body.querySelectorAll('*')).filter(
    (el) => !(el instanceof SVGElement && el.tagName.toLowerCase() !== 'svg') && !ignored(el) && shown(el),
  );

  for (const el of all) {
    if (!directText(el)) continue;
    const st = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (st.display !== 'inline') {
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !scrolls(st, 'x')) {
        problems.push(`text wider than its box (${el.scrollWidth} > ${el.clientWidth} px): ${label(el)}`);
      }
      if (clips(st, 'y') && el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 1) {
        problems.push(`text cut off at the bottom (${el.scrollHeight} > ${el.clientHeight} px): ${label(el)}`);
      }
    } else {
      let box = el.parentElement;
      while (box && getComputedStyle(box).display === 'inline') box = box.parentElement;
      if (box) {
        const b = box.getBoundingClientRect();
        if (r.left < b.left - 1 || r.right > b.right + 1) problems.push(`text sticks out of its box: ${label(el)}`);
      }
    }
    if (r.left < -1 || r.right > vw + 1) problems.push(`text outside the screen (left/right): ${label(el)}`);
    let inScroller = false;
    let inScrollerX = false;
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const as = getComputedStyle(a);
      // Past a scrolling box, its content is reachable: an outer box that hides overflow cuts nothing.
      const cx = clips(as, 'x') && !inScrollerX;
      const cy = clips(as, 'y') && !inScroller;
      if (scrolls(as, 'y')) inScroller = true;
      if (scrolls(as, 'x')) inScrollerX = true;
      if (!cx && !cy) continue;
      const ar = a.getBoundingClientRect();
      const outX = cx && (r.left < ar.left - 1 || r.right > ar.right + 1);
      const outY = cy && (r.top < ar.top - 1 || r.bottom > ar.bottom + 1);
      if ((outX || outY) && a !== document.body) {
        problems.push(`text cut off by ${label(a).slice(0, 40)}: ${label(el)}`);
        break;
      }
    }
    if (o.fixedScreen && !inScroller && (r.bottom > vh + 1 || r.top < -1)) {
      problems.push(`text beyond the screen edge, nothing scrolls to it: ${label(el)}`);
    }
    // Words broken inside themselves: a line may end inside a word only right after a hyphen, a
    // slash or a soft hyphen (a hyphenation point, drawn as a hyphen); any other break is mid-word.
    if (o.breakable.length === 0 || el.closest(o.breakable.join(',')) === null) {
      for (const node of Array.from(el.childNodes)) {
        if (node.nodeType !== 3) continue;
        const text = node.textContent;
        for (const m of text.matchAll(/\S+/g)) {
          const word = m[0];
          if (word.replace(/\u00AD/g, '').length < 4) continue;
          if (lineCount(node, m.index, m.index + word.length) < 2) continue;
          if (brokenInside(node, m.index, word)) {
            problems.push(`word broken inside: "${word.replace(/\u00AD/g, '')}" in ${label(el)}`);
          }
        }
      }
    }
  }

  // Boxes side by side in the flow must not overlap.
  for (const parent of all) {
    const kids = Array.from(parent.children).filter((k) => {
      if (!all.includes(k)) return false;
      const p = getComputedStyle(k).position;
      return p !== 'absolute' && p !== 'fixed';
    });
    for (let i = 0; i < kids.length; i++) {
      const a = kids[i].getBoundingClientRect();
      for (let j = i + 1; j < kids.length; j++) {
        const b = kids[j].getBoundingClientRect();
        const ix = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const iy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (ix > 1.5 && iy > 1.5) problems.push(`boxes overlap: ${label(kids[i])} and ${label(kids[j])}`);
      }
    }
  }

  // Essential actions: present, whole on the screen, not covered by anything.
  for (const selector of o.essential) {
    const optional = selector.endsWith('?');
    const css = optional ? selector.slice(0, -1) : selector;
    const found = Array.from(document.querySelectorAll(css));
    if (found.length === 0) {
      if (!optional) problems.push(`essential action missing: ${css}`);
      continue;
    }
    for (const el of found) {
      const r = el.getBoundingClientRect();
      if (!shown(el)) {
        problems.push(`essential action not shown: ${label(el)}`);
        continue;
      }
      if (r.top < -1 || r.left < -1 || r.bottom > vh + 1 || r.right > vw + 1) {
        problems.push(`essential action outside the screen: ${label(el)}`);
        continue;
      }
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !(el === hit || el.contains(hit))) {
        problems.push(`essential action covered by ${hit ? label(hit) : 'nothing'}: ${label(el)}`);
      }
    }
  }

  // A list longer than its box says so.
  if (o.scrollCue) {
    for (const el of all) {
      const st = getComputedStyle(el);
      if (!scrolls(st, 'y') || el.scrollHeight <= el.clientHeight + 4) continue;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 4) continue;
      const area = el.parentElement || el;
      const cue = Array.from(area.querySelectorAll('[data-scroll-cue]')).find((c) => shown(c));
      if (!cue) problems.push(`list longer than the screen without a scroll cue: ${label(el)}`);
    }
  }
  return Array.from(new Set(problems));
}
