/** Everything of the appointment check-in, in a chunk of its own (see `checkin-loader.ts`). */
export { AppointmentNote, appointmentSentence } from './appointment.tsx';
export { CheckinScreen, RefusedScreen } from './CheckinScreen.tsx';
