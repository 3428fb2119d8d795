import type { DType } from '../dtype.js';
import { host, sizeOf, type HostTensor } from './host-tensor.js';

/**
 * mulberry32: a tiny deterministic 32-bit PRNG for test inputs. It is deliberately not the
 * library's Philox, so inputs do not depend on the code under test.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded source of test tensors; every case makes its own so cases are independent. */
export class TestData {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A number uniform in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** An integer uniform in [low, high] (inclusive). */
  int(low: number, high: number): number {
    return low + Math.floor((high - low + 1) * this.next());
  }

  /** f32 values uniform in [low, high), already rounded to f32 (what the device will hold). */
  f32(shape: readonly number[], low = -1, high = 1): HostTensor {
    return host(
      shape,
      Array.from({ length: sizeOf(shape) }, () => Math.fround(this.uniform(low, high))),
      'f32',
    );
  }

  /** f32 values whose magnitude is in [minAbs, maxAbs] with a random sign (keeps away from 0). */
  f32AwayFromZero(shape: readonly number[], minAbs: number, maxAbs: number): HostTensor {
    return host(
      shape,
      Array.from({ length: sizeOf(shape) }, () => Math.fround((this.next() < 0.5 ? -1 : 1) * this.uniform(minAbs, maxAbs))),
      'f32',
    );
  }

  /** Integers uniform in [low, high] (inclusive). */
  ints(shape: readonly number[], low: number, high: number, dtype: DType = 'i32'): HostTensor {
    return host(
      shape,
      Array.from({ length: sizeOf(shape) }, () => this.int(low, high)),
      dtype,
    );
  }

  /** A bool tensor whose elements are true with probability `pTrue`. */
  bools(shape: readonly number[], pTrue = 0.5): HostTensor {
    return host(
      shape,
      Array.from({ length: sizeOf(shape) }, () => (this.next() < pTrue ? 1 : 0)),
      'bool',
    );
  }

  /** Small integers stored as f32, so comparisons and maxima have ties on purpose. */
  f32Ties(shape: readonly number[], low = -3, high = 3): HostTensor {
    return host(
      shape,
      Array.from({ length: sizeOf(shape) }, () => this.int(low, high)),
      'f32',
    );
  }

  /** `base` with some positions replaced by the given special values (NaN, ±Inf, …), cycling through them. */
  sprinkle(base: HostTensor, specials: readonly number[], every: number): HostTensor {
    const data = base.data.map((v, i) => (i % every === every - 1 ? specials[Math.floor(i / every) % specials.length]! : v));
    return host(base.shape, data, base.dtype);
  }
}
