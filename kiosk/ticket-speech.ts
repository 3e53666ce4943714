/** What "Vorlesen" says on the ticket screen: number, concern, appointment, waiting, documents. */
import type { OfficePublic, TicketView } from '../core/api.ts';
import { spokenNumber } from '../core/announcement.ts';
import { concernDocuments, type Language } from '../ui/i18n.ts';
import { aheadText, waitText } from '../ui/visitor-texts.ts';
import { checkinUi } from './checkin-loader.ts';
import { kioskMessages } from './messages.ts';
import { visitConcerns } from './visit-concerns.ts';

export function ticketSpeech(ticket: TicketView, office: OfficePublic, language: Language): string {
  const t = kioskMessages(language);
  const concern = office.concerns.find((c) => c.id === ticket.concernId);
  const parts = visitConcerns(ticket, office, language);
  if (parts.length > 1) {
    return [
      `${t.yourNumber}: ${spokenNumber(ticket.number, language)}.`,
      t.visitTitle,
      ...parts.map((p) => `${p.name}.`),
      t.visitOrder,
      aheadText(language, ticket.waitingAhead),
      waitText(language, ticket.estimatedWaitMinutes),
      ...parts
        .filter((p) => p.documents.length > 0)
        .map((p) => `${p.name}: ${t.documentsTitle} ${p.documents.join('. ')}.`),
      t.watchScreen,
    ].join(' ');
  }
  const documents = ticket.documents?.length ? ticket.documents : concern ? concernDocuments(concern, language) : [];
  return [
    `${t.yourNumber}: ${spokenNumber(ticket.number, language)}.`,
    `${ticket.concernName}.`,
    checkinUi.value?.appointmentSentence(ticket, office, language) ?? '',
    aheadText(language, ticket.waitingAhead),
    waitText(language, ticket.estimatedWaitMinutes),
    documents.length ? `${t.documentsTitle} ${documents.join('. ')}.` : '',
    t.watchScreen,
  ]
    .filter(Boolean)
    .join(' ');
}
