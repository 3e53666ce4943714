/** The concerns a clerk can pick in a dialog (add to the visit, transfer to), one big button each. */
import type { ConcernPublic } from '../core/api.ts';

export function ConcernChoices({
  concerns,
  testIdPrefix,
  onPick,
}: {
  concerns: ConcernPublic[];
  /** `add-concern-` gives `add-concern-housing`. */
  testIdPrefix: string;
  onPick: (concernId: string) => void;
}) {
  return (
    <div class="transfer">
      {concerns.map((concern) => (
        <button
          key={concern.id}
          type="button"
          class="staff-btn staff-btn--action staff-btn--secondary transfer__item"
          data-testid={`${testIdPrefix}${concern.id}`}
          onClick={() => onPick(concern.id)}
        >
          <span class="transfer__prefix" aria-hidden="true">
            {concern.prefix}
          </span>
          <span class="staff-btn__label">{concern.name}</span>
        </button>
      ))}
    </div>
  );
}
