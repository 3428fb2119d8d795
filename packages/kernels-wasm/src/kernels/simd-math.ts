import type { FunctionBuilder, Local } from '../wasm/function-builder.js';

/** Locals the vector helpers use as temporaries; make one set per function. */
export interface MathTemps {
  t: Local;
  n: Local;
  r: Local;
  p: Local;
}

export function mathTemps(f: FunctionBuilder): MathTemps {
  return { t: f.local('v128'), n: f.local('v128'), r: f.local('v128'), p: f.local('v128') };
}

// exp(x) = 2ⁿ·eʳ with n = round(x·log₂e), r = x − n·ln2 (ln2 split in two so n·C1 is exact) and eʳ
// on |r| ≤ ln2/2 from Cephes' degree-6 polynomial (relative error ≈ 1e-7, one f32 ulp or two).
// n comes from the magic-bias trick: adding 1.5·2²³ + 127 to x·log₂e rounds it to an integer held
// in the low mantissa bits, already biased, so shifting those bits left by 23 gives 2ⁿ's bits and
// subtracting the bias back gives n — no float-to-int conversion (a long sequence on x64).
const LOG2E = 1.4426950408889634;
const MAGIC = 12582912 + 127;
const C1 = 0.693359375;
const C2 = -2.1219444e-4;
const P = [1.98756915e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];
/** Below this eˣ is under f32's smallest normal: the result is 0 (and −∞ gives 0). */
const EXP_LO = -87.33654;
/** Clamped here so 2ⁿ stays a normal f32 (n ≤ 127); softmax and gelu never pass more. */
const EXP_HI = 88.0;

/**
 * Leaves exp(x) (four lanes) on the stack, x a v128 local. NaN stays NaN (min/max propagate it);
 * x < −87.34 gives 0; x > 88 gives e⁸⁸ (callers only pass x ≤ 0, or clamp).
 */
export function expV(f: FunctionBuilder, x: Local, m: MathTemps): void {
  // pmax/pmin keep a NaN x (it is their first operand).
  f.get(x).f32x4Const(EXP_LO).f32x4Pmax().f32x4Const(EXP_HI).f32x4Pmin().set(m.t);
  // biased = t·log₂e + MAGIC (n + 127 in the low mantissa bits); n = biased − MAGIC
  f.get(m.t).f32x4Const(LOG2E).f32x4Mul().f32x4Const(MAGIC).f32x4Add().set(m.p);
  f.get(m.p).f32x4Const(MAGIC).f32x4Sub().set(m.n);
  f.get(m.t).get(m.n).f32x4Const(C1).f32x4Mul().f32x4Sub().get(m.n).f32x4Const(C2).f32x4Mul().f32x4Sub().set(m.r);
  // 2ⁿ: the biased bits shifted into the exponent field.
  f.get(m.p).i32(23).i32x4Shl().set(m.n);
  f.f32x4Const(P[0]!);
  for (let i = 1; i < P.length; i++) f.get(m.r).f32x4Mul().f32x4Const(P[i]!).f32x4Add();
  // y = p·r² + r + 1, times 2ⁿ
  f.get(m.r).f32x4Mul().get(m.r).f32x4Mul().get(m.r).f32x4Add().f32x4Const(1).f32x4Add().get(m.n).f32x4Mul().set(m.p);
  // bitselect(0, y, x < lo)
  f.f32x4Const(0).get(m.p).get(x).f32x4Const(EXP_LO).f32x4Lt().v128Bitselect();
}

/** Leaves the sum of the four lanes of a v128 local on the stack (as an f32). */
export function hsum(f: FunctionBuilder, v: Local): void {
  f.get(v).f32x4ExtractLane(0).get(v).f32x4ExtractLane(1).f32Add().get(v).f32x4ExtractLane(2).get(v).f32x4ExtractLane(3).f32Add().f32Add();
}

/** Leaves the max of the four lanes of a v128 local on the stack (NaN if any lane is NaN). */
export function hmax(f: FunctionBuilder, v: Local): void {
  f.get(v).f32x4ExtractLane(0).get(v).f32x4ExtractLane(1).f32Max().get(v).f32x4ExtractLane(2).get(v).f32x4ExtractLane(3).f32Max().f32Max();
}
