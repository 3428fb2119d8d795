import { describe, expect, it } from 'vitest';
import { Generator, getDefaultGenerator, manualSeed, mulhi32, philox4x32, philoxNormalFill, philoxUniformFill, wordToUniform } from './philox.js';

const MASK = 0xffffffffn;

/**
 * An independent Philox4x32-10 written from Random123 (philox.h) with BigInt arithmetic:
 *   (hi0, lo0) = M0 · c0, (hi1, lo1) = M1 · c2,  c ← (hi1 ⊕ c1 ⊕ k0, lo1, hi0 ⊕ c3 ⊕ k1, lo0),
 *   key bumped by the Weyl constants between rounds.
 */
function philoxReference(counter: readonly number[], key: readonly number[]): number[] {
  let [c0, c1, c2, c3] = counter.map(BigInt) as [bigint, bigint, bigint, bigint];
  let [k0, k1] = key.map(BigInt) as [bigint, bigint];
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      k0 = (k0 + 0x9e3779b9n) & MASK;
      k1 = (k1 + 0xbb67ae85n) & MASK;
    }
    const p0 = 0xd2511f53n * c0;
    const p1 = 0xcd9e8d57n * c2;
    [c0, c1, c2, c3] = [(p1 >> 32n) ^ c1 ^ k0, p1 & MASK, (p0 >> 32n) ^ c3 ^ k1, p0 & MASK];
  }
  return [c0, c1, c2, c3].map(Number);
}

/** philox4x32's documented mapping of (seed, offset, block) to Random123's key and counter. */
function referenceFor(seed: number, offset: number, block: number): number[] {
  const split = (x: number) => [x % 2 ** 32, Math.floor(x / 2 ** 32)];
  return philoxReference([...split(block), ...split(offset)], split(seed));
}

/** Random123's kat_vectors for philox4x32 10: counter, key, expected output. */
const KAT: [number[], number[], number[]][] = [
  [
    [0, 0, 0, 0],
    [0, 0],
    [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8],
  ],
  [
    [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
    [0xffffffff, 0xffffffff],
    [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd],
  ],
  [
    [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
    [0xa4093822, 0x299f31d0],
    [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
  ],
];

/** A deterministic stream of u32s (xorshift32) for test inputs. */
function* words(seed: number): IterableIterator<number> {
  let x = seed >>> 0 || 1;
  for (;;) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    yield x;
  }
}

describe('mulhi32', () => {
  it('equals the high word of the BigInt product on edge and random values', () => {
    const edges = [0, 1, 2, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, 0xd2511f53, 0xcd9e8d57];
    const rnd = words(7);
    const pairs: [number, number][] = edges.flatMap((a) => edges.map((b): [number, number] => [a, b]));
    for (let i = 0; i < 5000; i++) pairs.push([rnd.next().value, rnd.next().value]);
    for (const [a, b] of pairs) {
      const want = Number((BigInt(a) * BigInt(b)) >> 32n);
      if (mulhi32(a, b) !== want) expect.fail(`mulhi32(0x${a.toString(16)}, 0x${b.toString(16)}) = ${mulhi32(a, b)}, expected ${want}`);
    }
  });
});

describe('philox4x32', () => {
  it('the BigInt reference reproduces Random123 known-answer vectors', () => {
    for (const [counter, key, expected] of KAT) expect(philoxReference(counter, key)).toEqual(expected);
  });

  it('counter 0, key 0 gives the known answer', () => {
    expect(Array.from(philox4x32(0, 0, 0))).toEqual(KAT[0]![2]);
  });

  it('matches the reference over the whole 53-bit range of seed, offset and block', () => {
    const edges = [0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1, 123456789012345];
    const rnd = words(99);
    const big = () => rnd.next().value * 2 ** 21 + (rnd.next().value >>> 11); // uniform-ish in [0, 2^53)
    const cases: number[][] = [];
    for (const s of edges) for (const o of edges) cases.push([s, o, edges[(s + o) % edges.length]!]);
    for (let i = 0; i < 300; i++) cases.push([big(), big(), big()]);
    const out = new Uint32Array(4);
    for (const [seed, offset, block] of cases) {
      const got = Array.from(philox4x32(seed!, offset!, block!, out));
      const want = referenceFor(seed!, offset!, block!);
      if (got.join() !== want.join()) expect.fail(`philox4x32(${seed}, ${offset}, ${block}) = ${got}, expected ${want}`);
    }
  });

  it('writes into and returns the `out` array it is given', () => {
    const out = new Uint32Array(4);
    expect(philox4x32(1, 2, 3, out)).toBe(out);
  });
});

describe('uniform and normal fills', () => {
  it('uniform element i is word i mod 4 of block ⌊i/4⌋, mapped to (w >>> 8) · 2^-24', () => {
    const out = new Float64Array(10);
    philoxUniformFill(5, 9, out);
    const expected = Array.from({ length: 10 }, (_, i) => wordToUniform(philox4x32(5, 9, Math.floor(i / 4))[i % 4]!));
    expect(Array.from(out)).toEqual(expected);
    for (const u of out) expect(u === Math.fround(u) && u >= 0 && u < 1).toBe(true);
  });

  it('wordToUniform covers [0, 1) exactly in f32', () => {
    expect(wordToUniform(0)).toBe(0);
    expect(wordToUniform(0xff)).toBe(0);
    expect(wordToUniform(0xffffffff)).toBe(1 - 2 ** -24);
    expect(Math.fround(wordToUniform(0xffffffff))).toBeLessThan(1);
  });

  it('a fill started at element k equals the tail of a fill started at 0 (any chunking gives the same bits)', () => {
    const whole = new Float32Array(67);
    philoxUniformFill(3, 1, whole);
    const normalWhole = new Float32Array(67);
    philoxNormalFill(3, 1, normalWhole);
    for (const k of [1, 3, 4, 5, 63, 64, 65]) {
      const tail = new Float32Array(67 - k);
      philoxUniformFill(3, 1, tail, k);
      expect(tail).toEqual(whole.subarray(k));
      const normalTail = new Float32Array(67 - k);
      philoxNormalFill(3, 1, normalTail, k);
      expect(normalTail).toEqual(normalWhole.subarray(k));
    }
  });

  it('different seeds and offsets give different streams', () => {
    const a = new Float64Array(8);
    const b = new Float64Array(8);
    const c = new Float64Array(8);
    philoxUniformFill(1, 0, a);
    philoxUniformFill(2, 0, b);
    philoxUniformFill(1, 1, c);
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('normals are finite with mean ≈ 0 and variance ≈ 1 (20000 samples, seeded)', () => {
    const out = new Float64Array(20000);
    philoxNormalFill(42, 0, out);
    let sum = 0;
    let sq = 0;
    for (const v of out) {
      expect(Number.isFinite(v)).toBe(true);
      sum += v;
      sq += v * v;
    }
    const mean = sum / out.length;
    // Standard errors: 1/√n ≈ 0.007 for the mean, √(2/n) ≈ 0.01 for the variance.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sq / out.length - mean * mean - 1)).toBeLessThan(0.05);
  });
});

describe('Generator', () => {
  it('hands out one state per call, advancing the offset; states can be saved and restored', () => {
    const g = new Generator(7);
    expect(g.next()).toEqual({ seed: 7, offset: 0 });
    expect(g.next()).toEqual({ seed: 7, offset: 1 });
    const saved = g.getState();
    expect(g.next()).toEqual({ seed: 7, offset: 2 });
    g.setState(saved);
    expect(g.next()).toEqual({ seed: 7, offset: 2 });
  });

  it('manualSeed replaces the default generator with a fresh one', () => {
    const g = manualSeed(123);
    expect(getDefaultGenerator()).toBe(g);
    expect(g.next()).toEqual({ seed: 123, offset: 0 });
    manualSeed(0);
  });

  it('refuses seeds that are not non-negative safe integers', () => {
    for (const seed of [-1, 1.5, 2 ** 53, NaN]) expect(() => new Generator(seed)).toThrow(/seed must be a non-negative safe integer/);
  });
});
