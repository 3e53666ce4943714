/**
 * The ticket on screen: the number very large, the concern (or the visit's concerns in order,
 * served one after another under this number), people ahead, estimated wait, the documents to
 * have ready (per concern) and a QR code of the visitor's phone page. The ticket scrolls (with a
 * cue when it is longer than the screen); "Vorlesen", "Fertig" and the countdown stay at the foot.
 */
import { useRef } from 'preact/hooks';
import type { OfficePublic, TicketView } from '../core/api.ts';
import { useFitToBox } from '../ui/fit.ts';
import { Pictogram } from '../ui/pictograms.tsx';
import { QrCode } from '../ui/qr.tsx';
import { aheadText, waitText } from '../ui/visitor-texts.ts';
import { checkinUi } from './checkin-loader.ts';
import { kioskMessages } from './messages.ts';
import { PrintNotice } from './PrintNotice.tsx';
import { visitorOutcome } from './printing.ts';
import { ReadAloud } from './ReadAloud.tsx';
import { ResetBar } from './ResetBar.tsx';
import { ScrollCue } from './ScrollCue.tsx';
import type { PrintOutcome } from './state.ts';
import { ticketSpeech } from './ticket-speech.ts';
import { type VisitConcern, visitConcerns } from './visit-concerns.ts';
import type { TimedScreenProps } from './screen-props.ts';

export interface TicketScreenProps extends TimedScreenProps {
  ticket: TicketView;
  /** What became of the printout; the ticket on screen is valid either way. */
  print?: PrintOutcome;
  office: OfficePublic;
  /** Full URL of the phone page. */
  phoneUrl: string;
  onDone: () => void;
}

function VisitList({ parts, title, order }: { parts: VisitConcern[]; title: string; order: string }) {
  return (
    <section class="ticket-visit" aria-labelledby="ticket-visit-title">
      <h2 id="ticket-visit-title">{title}</h2>
      <ol class="ticket-parts" data-testid="ticket-concerns">
        {parts.map((part) => (
          <li key={part.concernId} data-testid={`ticket-part-${part.concernId}`}>
            <Pictogram name={part.concern?.pictogram} size="2rem" />
            <span>{part.name}</span>
          </li>
        ))}
      </ol>
      <p class="ticket-order" data-testid="ticket-order">
        {order}
      </p>
    </section>
  );
}

export function TicketScreen({
  ticket,
  print,
  office,
  language,
  phoneUrl,
  resetSeconds,
  lastActivity,
  onDone,
}: TicketScreenProps) {
  const t = kioskMessages(language);
  const concern = office.concerns.find((c) => c.id === ticket.concernId);
  const parts = visitConcerns(ticket, office, language);
  const several = parts.length > 1;
  const documents = parts[0]?.documents ?? [];
  // No printout: the screen is the ticket (larger number and QR code, "take a photo").
  const outcome = visitorOutcome(print);
  const fallback = outcome === 'failed';
  // Tickets with an appointment come from the check-in, whose module is loaded by then.
  const checkin = checkinUi.value;
  const body = useRef<HTMLDivElement>(null);
  const number = useRef<HTMLParagraphElement>(null);
  useFitToBox(number, ticket.number);
  return (
    <main class={fallback ? 'ticket ticket--fallback' : 'ticket'} data-testid="ticket-screen" data-print={outcome}>
      <div class="ticket-scroll">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling area must be reachable by keyboard (WCAG 2.1.1) */}
        <div class="ticket-body" ref={body} tabIndex={0}>
          <section class="ticket-card" aria-labelledby="ticket-label">
            <p class="ticket-label" id="ticket-label">
              {t.yourNumber}
            </p>
            <p class="ticket-number ticket-no" data-testid="ticket-number" ref={number}>
              {ticket.number}
            </p>
            {several ? (
              <VisitList parts={parts} title={t.visitTitle} order={t.visitOrder} />
            ) : (
              <p class="ticket-concern" data-testid="ticket-concern">
                <Pictogram name={concern?.pictogram} size="2.4rem" />
                <span>{ticket.concernName}</span>
              </p>
            )}
          </section>
          {checkin && <checkin.AppointmentNote ticket={ticket} office={office} language={language} />}
          <PrintNotice outcome={outcome} language={language} />
          <section class="ticket-facts">
            <p data-testid="ticket-ahead">{aheadText(language, ticket.waitingAhead)}</p>
            <p data-testid="ticket-wait">{waitText(language, ticket.estimatedWaitMinutes)}</p>
          </section>
          <section class="ticket-more">
            {several && parts.some((p) => p.documents.length > 0) ? (
              <div class="ticket-docs" data-testid="ticket-documents">
                <h2>{t.documentsTitle}</h2>
                {parts
                  .filter((p) => p.documents.length > 0)
                  .map((part) => (
                    <div
                      key={part.concernId}
                      class="ticket-docs-part"
                      data-testid={`ticket-documents-${part.concernId}`}
                    >
                      <h3>{part.name}</h3>
                      <ul>
                        {part.documents.map((doc) => (
                          <li key={doc}>{doc}</li>
                        ))}
                      </ul>
                    </div>
                  ))}
              </div>
            ) : (
              documents.length > 0 && (
                <div class="ticket-docs">
                  <h2>{t.documentsTitle}</h2>
                  <ul data-testid="ticket-documents">
                    {documents.map((doc) => (
                      <li key={doc}>{doc}</li>
                    ))}
                  </ul>
                </div>
              )
            )}
            <figure class="ticket-qr">
              <QrCode value={phoneUrl} label={t.qrLabel} size={fallback ? '20rem' : '16rem'} testid="ticket-qr" />
              <figcaption>{t.qrHint}</figcaption>
            </figure>
          </section>
          <p class="ticket-watch">{t.watchScreen}</p>
        </div>
        <ScrollCue target={body} language={language} />
      </div>
      <div class="ticket-actions" data-testid="ticket-actions">
        <div class="ticket-buttons">
          <ReadAloud text={ticketSpeech(ticket, office, language)} language={language} />
          <button type="button" class="primary done" data-testid="kiosk-done" onClick={onDone}>
            {t.done}
          </button>
        </div>
        <ResetBar seconds={resetSeconds} since={lastActivity} />
      </div>
    </main>
  );
}
