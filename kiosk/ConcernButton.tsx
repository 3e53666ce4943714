/** One concern on the start screen: pictogram, name and one line of description. */
import type { ConcernPublic } from '../core/api.ts';
import { concernDescription, concernName, type Language } from '../ui/i18n.ts';
import { Pictogram } from '../ui/pictograms.tsx';
import { bookingMessages } from './booking-messages.ts';

export interface ConcernButtonProps {
  concern: ConcernPublic;
  language: Language;
  disabled: boolean;
  onChoose: (concern: ConcernPublic) => void;
}

export function ConcernButton({ concern, language, disabled, onChoose }: ConcernButtonProps) {
  const name = concernName(concern, language);
  const description = concernDescription(concern, language);
  return (
    <button
      type="button"
      class={concern.infoUrl ? 'concern concern-info' : 'concern'}
      data-testid={`concern-${concern.id}`}
      disabled={disabled}
      onClick={() => onChoose(concern)}
    >
      <Pictogram name={concern.pictogram} class="concern-icon" size="3.4rem" />
      <span class="concern-text">
        <span class="concern-name">{name}</span>
        {description && <span class="concern-desc">{description}</span>}
        {concern.appointmentOnly && <span class="concern-desc concern-only">{bookingMessages(language).badge}</span>}
      </span>
    </button>
  );
}
