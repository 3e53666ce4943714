import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDataFormat, DATA_FORMAT, FORMAT_FILE, readDataFormat } from './data-format.ts';
import { StoreError } from './store.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => {
  dir = mkdtempSync(join(tmpdir(), 'lotse-format-'));
  return dir;
};
const formatOf = (d: string) => JSON.parse(readFileSync(join(d, FORMAT_FILE), 'utf8')).format;

describe('data format of a data folder', () => {
  it('records the current format in a new folder', () => {
    checkDataFormat(fresh());
    expect(formatOf(dir)).toBe(DATA_FORMAT);
  });

  it('takes a folder with data but no format.json as format 1 and migrates it step by step', () => {
    writeFileSync(join(fresh(), 'staff.json'), '{"users":[]}');
    expect(readDataFormat(dir)).toBe(1);
    const steps: string[] = [];
    const migrations = [
      (d: string) => steps.push(`1→2 ${formatOf(d) ?? ''}`),
      (d: string) => steps.push(`2→3 ${formatOf(d)}`),
    ];
    writeFileSync(join(dir, FORMAT_FILE), '{"format":1}');
    checkDataFormat(dir, migrations, 3);
    expect(steps).toEqual(['1→2 1', '2→3 2']);
    expect(formatOf(dir)).toBe(3);
  });

  it('refuses a folder written by a newer version and leaves it untouched', () => {
    writeFileSync(join(fresh(), FORMAT_FILE), '{"format":99}');
    expect(() => checkDataFormat(dir)).toThrow(StoreError);
    expect(() => checkDataFormat(dir)).toThrow(/newer version of Lotse \(data format 99\).*format 1 at most/);
    expect(formatOf(dir)).toBe(99);
  });

  it('refuses a format file it cannot read', () => {
    writeFileSync(join(fresh(), FORMAT_FILE), 'garbage');
    expect(() => checkDataFormat(dir)).toThrow(/does not name a data format/);
  });
});
