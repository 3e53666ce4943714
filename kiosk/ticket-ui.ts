/** The kiosk's screens after the first touch (the ticket, an online form, booking, the chosen concerns): one chunk. */
export { BookingScreen } from './BookingScreen.tsx';
export { ConfirmScreen } from './ConfirmScreen.tsx';
export { InfoScreen } from './InfoScreen.tsx';
export { TicketScreen } from './TicketScreen.tsx';
