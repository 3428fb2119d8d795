/**
 * Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011): a
 * counter-based generator, so element i of a random tensor is a pure function of (seed, offset, i).
 * That is what lets the WebGPU kernels produce the same bits as this CPU reference, and lets dropout
 * masks be regenerated in a backward pass or a recomputation instead of being stored.
 *
 * Mapping used by every device:
 *   key     = (seed mod 2^32, ⌊seed / 2^32⌋)
 *   counter = (block mod 2^32, ⌊block / 2^32⌋, offset mod 2^32, ⌊offset / 2^32⌋)
 *   uniform element i: block = ⌊i / 4⌋, word i mod 4, u = (word >>> 8) · 2^-24 ∈ [0, 1)
 *   normal  element i: block = ⌊i / 2⌋, words 2(i mod 2) and 2(i mod 2)+1 → Box–Muller (cos branch)
 */

import { IndexError } from '../errors.js';

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

const TWO_32 = 4294967296;

/** High 32 bits of the 64-bit product of two u32s, from 16-bit halves (exact in float64). */
export function mulhi32(a: number, b: number): number {
  const aLo = a & 0xffff;
  const aHi = a >>> 16;
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const loLo = aLo * bLo;
  const hiLo = aHi * bLo;
  const loHi = aLo * bHi;
  const hiHi = aHi * bHi;
  const cross = (loLo >>> 16) + (hiLo & 0xffff) + loHi; // < 2^33, exact
  return (hiHi + (hiLo >>> 16) + Math.floor(cross / 65536)) >>> 0;
}

/** The four output words for one counter block. `out` is reused to avoid allocation. */
export function philox4x32(seed: number, offset: number, block: number, out: Uint32Array = new Uint32Array(4)): Uint32Array {
  return philox4x32Words(
    block >>> 0,
    Math.floor(block / TWO_32) >>> 0,
    offset >>> 0,
    Math.floor(offset / TWO_32) >>> 0,
    seed >>> 0,
    Math.floor(seed / TWO_32) >>> 0,
    out,
  );
}

/** Philox4x32-10 on raw 32-bit words: counter (c0, c1, c2, c3), key (k0, k1). */
export function philox4x32Words(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array = new Uint32Array(4)): Uint32Array {
  for (let r = 0; r < 10; r++) {
    const hi0 = mulhi32(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi32(M1, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    const n0 = (hi1 ^ c1 ^ k0) >>> 0;
    const n2 = (hi0 ^ c3 ^ k1) >>> 0;
    c0 = n0;
    c1 = lo1;
    c2 = n2;
    c3 = lo0;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
  return out;
}

const INV_2_24 = 1 / 16777216;

/** A 32-bit word to a float in [0, 1) with 24 random bits (exactly representable in f32). */
export function wordToUniform(w: number): number {
  return (w >>> 8) * INV_2_24;
}

/** Fills `out` with uniform [0, 1) numbers for elements `start … start + out.length − 1`. */
export function philoxUniformFill(seed: number, offset: number, out: { length: number; [i: number]: number }, start = 0): void {
  const words = new Uint32Array(4);
  let block = -1;
  for (let j = 0; j < out.length; j++) {
    const i = start + j;
    const b = Math.floor(i / 4);
    if (b !== block) {
      philox4x32(seed, offset, b, words);
      block = b;
    }
    out[j] = wordToUniform(words[i % 4]!);
  }
}

/** Fills `out` with standard normal numbers (Box–Muller, cos branch) for elements `start …`. */
export function philoxNormalFill(seed: number, offset: number, out: { length: number; [i: number]: number }, start = 0): void {
  const words = new Uint32Array(4);
  let block = -1;
  for (let j = 0; j < out.length; j++) {
    const i = start + j;
    const b = Math.floor(i / 2);
    if (b !== block) {
      philox4x32(seed, offset, b, words);
      block = b;
    }
    const lane = (i % 2) * 2;
    const u1 = ((words[lane]! >>> 8) + 1) * INV_2_24; // (0, 1]: log is finite
    const u2 = wordToUniform(words[lane + 1]!);
    out[j] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

/**
 * A seeded source of RNG states. Each random op takes one state (seed, offset) and the offset
 * advances by one, so successive calls draw independent streams and any call can be replayed from
 * its saved state.
 */
export class Generator {
  seed: number;
  offset: number;

  constructor(seed = 0, offset = 0) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new IndexError(`Generator: seed must be a non-negative safe integer, got ${seed}`);
    this.seed = seed;
    this.offset = offset;
  }

  /** The state for the next random op; advances the offset. */
  next(): { seed: number; offset: number } {
    return { seed: this.seed, offset: this.offset++ };
  }

  /** The current (seed, offset), without advancing. */
  getState(): { seed: number; offset: number } {
    return { seed: this.seed, offset: this.offset };
  }

  /** Restores a state from {@link Generator.getState} (for example from a checkpoint). */
  setState(state: { seed: number; offset: number }): void {
    this.seed = state.seed;
    this.offset = state.offset;
  }
}

let defaultGenerator = new Generator(0);

/** The generator random functions use when none is passed. */
export function getDefaultGenerator(): Generator {
  return defaultGenerator;
}

/** Reseeds the default generator (offset back to 0). */
export function manualSeed(seed: number): Generator {
  defaultGenerator = new Generator(seed);
  return defaultGenerator;
}
