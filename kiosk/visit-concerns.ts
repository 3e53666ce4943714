/** The concerns of a ticket's visit as the kiosk shows and reads them out. */
import type { ConcernPublic, OfficePublic, TicketView } from '../core/api.ts';
import { concernDocuments, type Language } from '../ui/i18n.ts';

export interface VisitConcern {
  concernId: string;
  /** In the ticket's language. */
  name: string;
  concern?: ConcernPublic;
  /** Documents to have ready for this concern. */
  documents: string[];
}

/** The visit's concerns in order, each with its documents in the ticket's language. */
export function visitConcerns(ticket: TicketView, office: OfficePublic, language: Language): VisitConcern[] {
  const parts = ticket.concerns?.length
    ? ticket.concerns
    : [{ concernId: ticket.concernId, concernName: ticket.concernName }];
  return parts.map((part) => {
    const concern = office.concerns.find((c) => c.id === part.concernId);
    const documents =
      part.concernId === ticket.concernId && ticket.documents?.length
        ? ticket.documents
        : concern
          ? concernDocuments(concern, language)
          : [];
    return { concernId: part.concernId, name: part.concernName, ...(concern ? { concern } : {}), documents };
  });
}
