import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrintAgent, RecentJobs } from './agent.ts';
import { PrinterConfigError } from './errors.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-agent-'));
  dirs.push(dir);
  return join(dir, 'nested', 'state.json');
}

describe('the outcomes an agent remembers', () => {
  it('keeps the most recent outcomes, at most its cap, and survives a restart', () => {
    const path = tempFile();
    const recent = new RecentJobs(path, 3);
    recent.set('a', { printed: true });
    recent.set('b', { printed: false, error: 'PAPER_OUT' });
    recent.set('c', { printed: true });
    recent.set('d', { printed: true });
    expect(recent.size).toBe(3);
    expect(recent.get('a')).toBeUndefined();
    expect(recent.get('b')).toEqual({ printed: false, error: 'PAPER_OUT' });

    const again = new RecentJobs(path, 3);
    expect(again.get('b')).toEqual({ printed: false, error: 'PAPER_OUT' });
    expect(again.get('d')).toEqual({ printed: true });
    expect(JSON.parse(readFileSync(path, 'utf8')).jobs.map(([id]: [string]) => id)).toEqual(['b', 'c', 'd']);
  });

  it('starts empty from a missing or broken state file', () => {
    expect(new RecentJobs(tempFile()).size).toBe(0);
    expect(new RecentJobs(null).size).toBe(0);
    const broken = tempFile();
    mkdirSync(dirname(broken), { recursive: true });
    writeFileSync(broken, '{"jobs": [oops');
    expect(new RecentJobs(broken).size).toBe(0);
  });
});

describe('agent settings', () => {
  it('refuses a device that is no printer', () => {
    expect(() => new PrintAgent({ server: 'http://127.0.0.1:9', kioskId: 'k1', device: 'none' })).toThrow(
      PrinterConfigError,
    );
    expect(() => new PrintAgent({ server: 'http://127.0.0.1:9', kioskId: 'k1', device: '/dev/usb/lp0' })).toThrow(
      /did you mean file:\/dev\/usb\/lp0/,
    );
  });
});
