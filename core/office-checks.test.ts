import { describe, expect, it } from 'vitest';
import { configWarnings, isServed, isUnserved } from './office-checks.ts';

const office = {
  concerns: [
    { id: 'pass', prefix: 'P', name: 'Pass' },
    { id: 'neu', prefix: 'N', name: 'Neu' },
    { id: 'online', prefix: 'O', name: 'Online', infoUrl: 'https://example.org' },
  ],
  counters: [
    { id: 'platz-1', name: 'Platz 1', concernIds: ['pass'] },
    { id: 'platz-2', name: 'Platz 2', concernIds: [] },
  ],
};

describe('office checks', () => {
  it('knows which concerns a counter serves', () => {
    expect(isServed(office, 'pass')).toBe(true);
    expect(isServed(office, 'neu')).toBe(false);
    expect(isUnserved(office, office.concerns[1] as { id: string })).toBe(true);
  });

  it('info-only concerns need no counter', () => {
    expect(isUnserved(office, office.concerns[2] as { id: string; infoUrl: string })).toBe(false);
  });

  it('warns of a concern no counter serves and of a counter without concerns', () => {
    expect(configWarnings(office)).toEqual([
      { path: 'concerns.1', code: 'CONCERN_UNSERVED', id: 'neu' },
      { path: 'counters.1.concernIds', code: 'COUNTER_WITHOUT_CONCERNS', id: 'platz-2' },
    ]);
  });
});
