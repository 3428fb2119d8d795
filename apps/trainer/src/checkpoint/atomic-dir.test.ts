import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemps, TEMP_PREFIX, writeDirAtomic, writeFileAtomic } from './atomic-dir.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'lightattn-atomic-'));
const files = (tag: string) => [
  { name: 'a.txt', data: `first ${tag}` },
  { name: 'b.bin', data: new Uint8Array(100_000).fill(tag.length) },
  { name: 'c.json', data: JSON.stringify({ tag }) },
];
const read = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

class Crash extends Error {}

describe('writeDirAtomic', () => {
  it('writes every file, and replaces an existing folder as a whole', () => {
    const root = scratch();
    const target = join(root, 'step-000001');
    writeDirAtomic(target, files('one'));
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('first one');
    writeDirAtomic(target, files('second'));
    expect(readFileSync(join(target, 'c.json'), 'utf8')).toBe('{"tag":"second"}');
    expect(readdirSync(root)).toEqual(['step-000001']);
  });

  it('a crash after any file leaves the previous folder exactly as it was', () => {
    for (let crashAt = 0; crashAt < 3; crashAt++) {
      const root = scratch();
      const target = join(root, 'step-000001');
      writeDirAtomic(target, files('good'));
      const before = read(target);
      expect(() =>
        writeDirAtomic(target, files('torn'), {
          afterFile: (_name, i) => {
            if (i === crashAt) throw new Crash('power cut');
          },
        }),
      ).toThrow(Crash);
      expect(read(target)).toEqual(before);
      // The half-written folder is only a temporary, which the next save removes.
      expect(readdirSync(root).filter((f) => f.startsWith(TEMP_PREFIX))).toHaveLength(1);
      expect(removeStaleTemps(root)).toHaveLength(1);
      expect(readdirSync(root)).toEqual(['step-000001']);
    }
  });

  it('a crash while writing a first folder leaves no folder under the final name', () => {
    const root = scratch();
    const target = join(root, 'ckpt');
    expect(() => writeDirAtomic(target, files('x'), { afterFile: () => { throw new Crash(); } })).toThrow(Crash);
    expect(existsSync(target)).toBe(false);
  });

  it('writes zero-byte and large files byte for byte', () => {
    const root = scratch();
    const big = new Uint8Array(3 * 2 ** 20).map((_, i) => (i * 31) & 255);
    writeDirAtomic(join(root, 'd'), [{ name: 'empty', data: new Uint8Array(0) }, { name: 'big', data: big }]);
    expect(readFileSync(join(root, 'd', 'empty')).length).toBe(0);
    expect(readFileSync(join(root, 'd', 'big')).equals(big)).toBe(true);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file in one step and leaves no temporary', () => {
    const root = scratch();
    const path = join(root, 'latest.json');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['latest.json']);
  });
});
