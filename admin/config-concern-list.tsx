/**
 * The list of concerns on the concerns page, in kiosk order: pick one to edit, move it up or
 * down, add a new one. Each item says what is special about it (online only, a daily quota, no
 * counter serving it, issues to check).
 */
import { useRef } from 'preact/hooks';
import { isUnserved } from '../core/office-checks.ts';
import type { OfficeConfig } from '../core/types.ts';
import { hyphenate } from '../ui/hyphenate.ts';
import { Pictogram } from '../ui/pictograms.tsx';
import { focusSoon, MoveButtons } from './config-entries.tsx';
import { moved } from './config-ids.ts';
import type { ConfigModel } from './config-model.ts';

export function ConcernList({
  model,
  draft,
  selected,
  onSelect,
}: {
  model: ConfigModel;
  draft: OfficeConfig;
  selected: number;
  onSelect: (index: number) => void;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const move = (i: number, delta: number) => {
    model.edit((o) => {
      o.concerns = moved(o.concerns, i, delta);
    }, 'concerns');
    onSelect(i + delta);
    // Keep the focus on the moved row's arrow (or the other one at the end of the list).
    setTimeout(() => {
      const list = listRef.current;
      const to = i + delta;
      const same = list?.querySelector<HTMLButtonElement>(`[data-testid="concern-${delta < 0 ? 'up' : 'down'}-${to}"]`);
      const other = list?.querySelector<HTMLButtonElement>(
        `[data-testid="concern-${delta < 0 ? 'down' : 'up'}-${to}"]`,
      );
      (same && !same.disabled ? same : other)?.focus();
    }, 0);
  };
  const add = () => {
    model.edit((o) => {
      o.concerns.push({ id: '', prefix: '', name: '' });
    });
    onSelect(draft.concerns.length);
    focusSoon(`concerns.${draft.concerns.length}.name`);
  };
  return (
    <section class="panel cfg-list-panel" aria-labelledby="cfg-concern-list-title">
      <h3 id="cfg-concern-list-title" class="panel__title">
        Reihenfolge am Kiosk <span class="panel__count">{draft.concerns.length}</span>
      </h3>
      <ol class="cfg-list" ref={listRef}>
        {draft.concerns.map((c, i) => {
          const invalid = model.issuesAt(`concerns.${i}`).length > 0;
          const name = c.name.trim() || 'Neues Anliegen';
          return (
            <li
              key={`${i}`}
              class={`cfg-list__item ${i === selected ? 'cfg-list__item--selected' : ''} ${invalid ? 'cfg-list__item--invalid' : ''}`}
            >
              <button
                type="button"
                class="cfg-list__pick"
                aria-current={i === selected ? 'true' : undefined}
                data-testid={`concern-item-${i}`}
                onClick={() => onSelect(i)}
              >
                <span class="chip chip--prefix cfg-list__prefix">{c.prefix || '?'}</span>
                <Pictogram name={c.pictogram} size="1.6rem" class="cfg-list__icon" />
                <span class="cfg-list__text">
                  <span class="cfg-list__name">{hyphenate(name)}</span>
                  <span class="cfg-list__meta">
                    {[
                      c.infoUrl !== undefined ? 'nur online' : null,
                      isUnserved(draft, c) ? 'kein Platz' : null,
                      typeof c.dailyQuota === 'number' ? `${c.dailyQuota} pro Tag` : null,
                      invalid ? 'bitte prüfen' : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
              </button>
              <span class="cfg-list__moves">
                <MoveButtons
                  index={i}
                  count={draft.concerns.length}
                  up={`${name} nach oben`}
                  down={`${name} nach unten`}
                  testId={(direction) => `concern-${direction}-${i}`}
                  onMove={(delta) => move(i, delta)}
                />
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" class="staff-btn staff-btn--secondary cfg-add" data-testid="concern-add" onClick={add}>
        + Neues Anliegen
      </button>
    </section>
  );
}
