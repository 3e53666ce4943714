/** One concern on the start screen: pictogram, name and one line of description (or "chosen"). */
import { useRef } from 'preact/hooks';
import type { ConcernPublic } from '../core/api.ts';
import { useFitToBox } from '../ui/fit.ts';
import { concernDescription, concernName, type Language } from '../ui/i18n.ts';
import { Pictogram } from '../ui/pictograms.tsx';
import { CheckIcon } from './icons.tsx';
import { bookingMessages } from './booking-messages.ts';

export interface ConcernButtonProps {
  concern: ConcernPublic;
  language: Language;
  disabled: boolean;
  /** Where a ticket may hold several concerns: whether this one is chosen (undefined otherwise). */
  chosen?: boolean;
  /** The line on a chosen concern ("touch again to remove"). */
  chosenMark?: string;
  onChoose: (concern: ConcernPublic) => void;
}

export function ConcernButton({ concern, language, disabled, chosen, chosenMark, onChoose }: ConcernButtonProps) {
  const name = concernName(concern, language);
  const description = chosen ? chosenMark : concernDescription(concern, language);
  // A word longer than the button is (German compounds in large text) gets a smaller font, not a break.
  const nameRef = useRef<HTMLSpanElement>(null);
  useFitToBox(nameRef, `${name}|${language}`);
  const classes = ['concern'];
  if (concern.infoUrl) classes.push('concern-info');
  if (chosen) classes.push('concern-chosen');
  return (
    <button
      type="button"
      class={classes.join(' ')}
      data-testid={`concern-${concern.id}`}
      disabled={disabled}
      {...(chosen !== undefined && !concern.infoUrl ? { 'aria-pressed': chosen } : {})}
      onClick={() => onChoose(concern)}
    >
      {chosen ? (
        <CheckIcon size="3.4rem" class="concern-icon" />
      ) : (
        <Pictogram name={concern.pictogram} class="concern-icon" size="3.4rem" />
      )}
      <span class="concern-text">
        <span class="concern-name" ref={nameRef}>
          {name}
        </span>
        {description && <span class="concern-desc">{description}</span>}
        {concern.appointmentOnly && <span class="concern-desc concern-only">{bookingMessages(language).badge}</span>}
      </span>
    </button>
  );
}
