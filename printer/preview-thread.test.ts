/**
 * Previews are rendered on the worker thread (the server's event loop stays free), and the
 * worker's PNG is the same as one rendered inline.
 */
import { describe, expect, it } from 'vitest';
import { renderTicket } from './layout.ts';
import { previewBytes } from './preview.ts';
import * as thread from './preview-thread.ts';
import { native58, sampleTicket } from './test-fixtures.ts';

describe('preview thread', () => {
  it('renders on the worker, byte for byte as inline', async () => {
    const bytes = renderTicket(sampleTicket, native58);
    const before = thread.renderedOffThread;
    const [a, b] = await Promise.all([
      thread.renderPreviewOffThread(bytes, { paperWidthMm: 58 }),
      thread.renderPreviewOffThread(bytes),
    ]);
    expect(thread.renderedOffThread).toBe(before + 2);
    expect(Buffer.from(a).equals(Buffer.from(previewBytes(bytes, { paperWidthMm: 58 })))).toBe(true);
    expect(Buffer.from(b).equals(Buffer.from(previewBytes(bytes)))).toBe(true);
  });
});
