import { describe, expect, it } from 'vitest';
import { isStatusByte, parseStatus, STATUS_QUERY, statusReplyByte } from './status.ts';

describe('DLE EOT status', () => {
  it('asks for all four statuses in one write', () => {
    expect(Buffer.from(STATUS_QUERY).toString('hex')).toBe('100401100402100403100404');
  });

  it('reads a ready printer', () => {
    expect(parseStatus(Uint8Array.of(0x12, 0x12, 0x12, 0x12))).toEqual({
      online: true,
      coverOpen: false,
      paperNearEnd: false,
      paperOut: false,
    });
  });

  it('reads paper out (offline, stopped by paper end, both paper sensors)', () => {
    const status = parseStatus(Uint8Array.of(0x1a, 0x32, 0x12, 0x7e));
    expect(status).toMatchObject({ online: false, paperOut: true, paperNearEnd: true, coverOpen: false });
  });

  it('reads an open cover, paper near end and errors', () => {
    expect(parseStatus(Uint8Array.of(0x1a, 0x16, 0x12, 0x12))).toMatchObject({
      online: false,
      coverOpen: true,
      paperOut: false,
    });
    expect(parseStatus(Uint8Array.of(0x12, 0x12, 0x12, 0x1e))).toMatchObject({
      online: true,
      paperNearEnd: true,
      paperOut: false,
    });
    expect(parseStatus(Uint8Array.of(0x1a, 0x52, 0x1a, 0x12)).error).toBe('autocutter error');
    expect(parseStatus(Uint8Array.of(0x1a, 0x52, 0x32, 0x12)).error).toBe('unrecoverable error');
  });

  it('rejects bytes that are no status reply', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x00)).toBe(false);
    expect(isStatusByte(0x92)).toBe(false);
    expect(() => parseStatus(Uint8Array.of(0x12, 0x12, 0x12))).toThrow(RangeError);
    expect(() => parseStatus(Uint8Array.of(0x12, 0x12, 0x41, 0x12))).toThrow(RangeError);
  });

  it('builds the replies the emulator sends, and reads them back', () => {
    const reply = (c: Parameters<typeof statusReplyByte>[1]) =>
      Uint8Array.from([1, 2, 3, 4], (n) => statusReplyByte(n, c));
    expect(Buffer.from(reply({ paperOut: true })).toString('hex')).toBe('1a32127e');
    expect(parseStatus(reply({ coverOpen: true }))).toMatchObject({ coverOpen: true, online: false });
    expect(parseStatus(reply({ paperNearEnd: true }))).toMatchObject({
      paperNearEnd: true,
      online: true,
      paperOut: false,
    });
    expect(parseStatus(reply({ cutterError: true })).error).toBe('autocutter error');
  });
});
