/** What the server uses of the printer module. */
export { renderTicket } from './layout.ts';
export { renderConfirmation, type PrintableConfirmation } from './confirmation.ts';
export { parsePrinterUrl, type PrinterConfig, type PrinterUrlLayout } from './printer-url.ts';
export {
  createTransport,
  NoneTransport,
  type PrinterTransport,
  type PrintJob,
  type TransportOptions,
} from './transport.ts';
export { TcpTransport, type TcpTransportOptions } from './tcp.ts';
export { FileTransport, type FileTransportOptions } from './file-transport.ts';
export { VirtualTransport, type VirtualTransportOptions } from './virtual.ts';
export { previewBytes, renderPreview } from './preview.ts';
export { decode, summarize, type EscPosCommand } from './decode.ts';
export { PrinterConfigError, PrinterError, type PrinterErrorCode } from './errors.ts';
export type { PrintableTicket, PrinterStatus, PrintLayoutOptions, RasterImage, TextRasterizer } from './types.ts';
