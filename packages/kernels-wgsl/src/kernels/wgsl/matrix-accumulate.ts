import { LO_SCALE, type MatrixEmitter } from './subgroup-matrix.js';

/*
 * Subgroup-matrix products emitted for independent accumulators, shared by the tensor-core flash
 * kernels (flash/) and the GEMM engine (gemm/).
 */

/** One product into an accumulator: left and right fragment names per part (hi, lo). */
export interface Job {
  readonly acc: string;
  readonly l: (part: string) => string;
  readonly r: (part: string) => string;
}

/** Accumulators of cross terms, when kept apart: acc_… → accx_…. */
export function crossAccumulator(acc: string): string {
  return acc.replace(/^acc_/, 'accx_');
}

/**
 * acc += l·r for independent jobs, emitted stage by stage so that no product waits on the one
 * before it. Split operands: acc ← (acc·2¹¹ + hi·lo + lo·hi)·2⁻¹¹ + hi·hi (exact power-of-two
 * scalings), or with `separate` the cross terms go to their own accumulators (crossAccumulator).
 */
export function accumulateWgsl(e: MatrixEmitter, jobs: readonly Job[], separate = false): string[] {
  if (!e.split) return jobs.map((j) => e.mma(j.acc, j.l('hi'), j.r('hi')));
  if (separate) {
    return [
      ...jobs.map((j) => e.mma(crossAccumulator(j.acc), j.l('hi'), j.r('lo'))),
      ...jobs.map((j) => e.mma(crossAccumulator(j.acc), j.l('lo'), j.r('hi'))),
      ...jobs.map((j) => e.mma(j.acc, j.l('hi'), j.r('hi'))),
    ];
  }
  return [
    ...jobs.map((j) => e.scale(j.acc, `${LO_SCALE}.0`)),
    ...jobs.map((j) => e.mma(j.acc, j.l('hi'), j.r('lo'))),
    ...jobs.map((j) => e.mma(j.acc, j.l('lo'), j.r('hi'))),
    ...jobs.map((j) => e.scale(j.acc, `${1 / LO_SCALE}`)),
    ...jobs.map((j) => e.mma(j.acc, j.l('hi'), j.r('hi'))),
  ];
}

/** A WGSL block `{ … }` of the non-empty lines (fragment names stay local to it). */
export function wgslBlock(lines: readonly string[]): string {
  return `{\n      ${lines.filter((x) => x !== '').join('\n      ')}\n    }`;
}
