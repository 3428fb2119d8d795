import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverTemps, removeStaleTemps, TEMP_PREFIX, writeDirAtomic, writeFileAtomic } from './atomic-dir.js';

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
    expect(() =>
      writeDirAtomic(target, files('x'), {
        afterFile: () => {
          throw new Crash();
        },
      }),
    ).toThrow(Crash);
    expect(existsSync(target)).toBe(false);
  });

  it('writes zero-byte and large files byte for byte', () => {
    const root = scratch();
    const big = new Uint8Array(3 * 2 ** 20).map((_, i) => (i * 31) & 255);
    writeDirAtomic(join(root, 'd'), [
      { name: 'empty', data: new Uint8Array(0) },
      { name: 'big', data: big },
    ]);
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

describe('recoverTemps', () => {
  /** Above Linux's pid_max (2²²): a process that is surely gone. */
  const gone = 99_999_999;

  it('after a crash between the two renames, puts the new complete copy in place (or the old one, alone)', () => {
    const root = scratch();
    const target = join(root, 'step-000004');
    writeDirAtomic(target, files('old'));
    writeDirAtomic(join(root, `.tmp-step-000004-${gone}`), files('new'));
    renameSync(target, join(root, `.tmp-step-000004-old-${gone}`));
    expect(recoverTemps(root)).toEqual({ restored: ['step-000004'], removed: [`.tmp-step-000004-old-${gone}`] });
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('first new');
    expect(readdirSync(root)).toEqual(['step-000004']);

    renameSync(target, join(root, `.tmp-step-000004-old-${gone}`));
    expect(recoverTemps(root).restored).toEqual(['step-000004']);
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('first new');
  });

  it("with remove: false deletes nothing; leaves other names and live processes' temporaries alone", () => {
    const root = scratch();
    writeDirAtomic(join(root, 'step-000001'), files('x'));
    cpSync(join(root, 'step-000001'), join(root, `.tmp-step-000001-old-${gone}`), { recursive: true });
    mkdirSync(join(root, `.tmp-step-000002-${gone}`));
    mkdirSync(join(root, `.tmp-step-000003-${process.ppid}`)); // a process that runs (this one's parent)
    writeFileSync(join(root, '.tmp-notes'), 'mine');
    mkdirSync(join(root, '.tmp-step-000009-draft'));
    const before = readdirSync(root).sort();
    expect(recoverTemps(root, { remove: false })).toEqual({ restored: [], removed: [] });
    expect(readdirSync(root).sort()).toEqual(before);
    expect(recoverTemps(root).removed.sort()).toEqual([`.tmp-step-000001-old-${gone}`, `.tmp-step-000002-${gone}`]);
    expect(readdirSync(root).sort()).toEqual(['.tmp-notes', `.tmp-step-000003-${process.ppid}`, '.tmp-step-000009-draft', 'step-000001']);
  });
});
