import { describe, expect, it } from 'vitest';
import { BUILTIN_TEXT, checkTrainingText, decodeTrainingFile, TokenBatcher } from './corpus.js';

describe('TokenBatcher', () => {
  const ids = Array.from({ length: 50 }, (_, i) => i);

  it('gives batch × seq windows of consecutive tokens', () => {
    const b = new TokenBatcher(ids, 3, 7, 1);
    for (let call = 0; call < 20; call++) {
      const out = b.next();
      expect(out.length).toBe(21);
      for (let row = 0; row < 3; row++) {
        const w = Array.from(out.subarray(row * 7, row * 7 + 7));
        for (let t = 1; t < 7; t++) expect(w[t]).toBe(w[0]! + t);
        expect(w[6]!).toBeLessThanOrEqual(49);
      }
    }
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = [new TokenBatcher(ids, 2, 5, 3).next(), new TokenBatcher(ids, 2, 5, 3).next(), new TokenBatcher(ids, 2, 5, 4).next()];
    expect(Array.from(a[0]!)).toEqual(Array.from(a[1]!));
    expect(Array.from(a[0]!)).not.toEqual(Array.from(a[2]!));
  });

  it('takes a text exactly one window long, and reaches both ends of a longer one', () => {
    expect(Array.from(new TokenBatcher([4, 5, 6], 2, 3).next())).toEqual([4, 5, 6, 4, 5, 6]);
    const starts = new Set<number>();
    const b = new TokenBatcher(ids, 1, 2, 0);
    for (let i = 0; i < 2000; i++) starts.add(b.next()[0]!);
    expect(starts.has(0) && starts.has(48)).toBe(true);
    expect(starts.has(49)).toBe(false);
  });

  it('refuses texts shorter than a window and bad sizes, saying what to change', () => {
    expect(() => new TokenBatcher([1, 2], 1, 3)).toThrow(/2 tokens, fewer than the sequence length 3; use a longer text or a shorter sequence/);
    expect(() => new TokenBatcher([], 1, 2)).toThrow(/0 tokens/);
    expect(() => new TokenBatcher(ids, 0, 4)).toThrow(/batch must be a positive integer, got 0/);
    expect(() => new TokenBatcher(ids, 1, 1)).toThrow(/integer ≥ 2/);
    expect(() => new TokenBatcher(ids, 1.5, 4)).toThrow(/batch/);
  });
});

describe('BUILTIN_TEXT', () => {
  it('is long enough for the default training window many times over', () => {
    expect(BUILTIN_TEXT.length).toBeGreaterThan(32 * 20);
    expect(new Set(BUILTIN_TEXT).size).toBeLessThan(64);
  });
});

describe('training text', () => {
  it('accepts prose and rejects binary files with a message that names them', () => {
    expect(() => checkTrainingText(BUILTIN_TEXT)).not.toThrow();
    expect(() => checkTrainingText('')).toThrow(/empty/);
    expect(() => checkTrainingText('abc\u0000def')).toThrow(/NUL characters, so it is a binary file/);
    const noisy = 'text '.repeat(20) + '\u0001\u0002\u0003\ufffd';
    expect(() => checkTrainingText(noisy)).toThrow(/does not look like text \(4 of its 104 characters/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0xfe]);
    expect(() => decodeTrainingFile('photo.png', png)).toThrow(/photo\.png is not UTF-8 text/);
    expect(decodeTrainingFile('a.txt', new TextEncoder().encode('héllo wörld\n'))).toBe('héllo wörld\n');
  });
});
