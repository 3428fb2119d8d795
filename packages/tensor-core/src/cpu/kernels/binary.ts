import { DTypeError } from '../../errors.js';
import type { BinaryFn, CompareFn, LogicalFn } from '../../ops/op-params.js';
import { broadcastStrides, contiguousStrides, shapesEqual } from '../../shape.js';
import type { CpuKernel, CpuTensor } from '../cpu-tensor.js';
import { convertScalarOperand } from './convert.js';
import { forEachRun, planRuns, runStride, type Elements } from './strided-runs.js';

/**
 * One run of a two-operand elementwise op: out[po + i] = fn(a[pa + i·sa], b[pb + i·sb]).
 * A switch outside the loop and one plain loop per function keeps the hot loop free of calls.
 */
type Run2<F> = (fn: F, a: Elements, pa: number, sa: number, b: Elements, pb: number, sb: number, out: Elements, po: number, n: number) => void;

/** pow as C and PyTorch define it at 1: 1^y = 1 even for y = NaN or ±∞ (JavaScript's Math.pow gives NaN). */
function powFloat(x: number, y: number): number {
  return x === 1 ? 1 : Math.pow(x, y);
}

const floatRun: Run2<BinaryFn> = (fn, a, pa, sa, b, pb, sb, out, po, n) => {
  const end = po + n;
  switch (fn) {
    case 'add':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] + b[pb];
      return;
    case 'sub':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] - b[pb];
      return;
    case 'mul':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] * b[pb];
      return;
    case 'div':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] / b[pb];
      return;
    case 'pow':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = powFloat(a[pa], b[pb]);
      return;
    // Math.max/min return NaN if either operand is NaN, which is the op set's rule.
    case 'maximum':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = Math.max(a[pa], b[pb]);
      return;
    case 'minimum':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = Math.min(a[pa], b[pb]);
      return;
  }
};

/**
 * i32/u32 arithmetic with WGSL's 32-bit semantics. Sums and differences of two 32-bit values are
 * exact in float64 and the Int32Array/Uint32Array store wraps them mod 2³²; products need Math.imul
 * (a float64 product would lose low bits). Division truncates toward zero and, as in WGSL, x / 0 = x
 * (and i32 min / −1 = i32 min, which the wrapping store gives). Math.trunc(a / b) is exact: the
 * float64 quotient's error (< 2⁻²¹/|b|) is smaller than its distance (≥ 1/|b|) to any other integer.
 */
const intRun: Run2<BinaryFn> = (fn, a, pa, sa, b, pb, sb, out, po, n) => {
  const end = po + n;
  switch (fn) {
    case 'add':
    case 'sub':
    case 'maximum':
    case 'minimum':
      floatRun(fn, a, pa, sa, b, pb, sb, out, po, n);
      return;
    case 'mul':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = Math.imul(a[pa], b[pb]);
      return;
    case 'div':
      for (let o = po; o < end; o++, pa += sa, pb += sb) {
        const y = b[pb];
        out[o] = y === 0 ? a[pa] : Math.trunc(a[pa] / y);
      }
      return;
    case 'pow':
      throw new DTypeError('binary pow: not defined on integer tensors; cast them to f32 first');
  }
};

// JavaScript comparisons are IEEE's: every comparison with NaN is false except !==.
const compareRun: Run2<CompareFn> = (fn, a, pa, sa, b, pb, sb, out, po, n) => {
  const end = po + n;
  switch (fn) {
    case 'eq':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] === b[pb] ? 1 : 0;
      return;
    case 'ne':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] !== b[pb] ? 1 : 0;
      return;
    case 'lt':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] < b[pb] ? 1 : 0;
      return;
    case 'le':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] <= b[pb] ? 1 : 0;
      return;
    case 'gt':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] > b[pb] ? 1 : 0;
      return;
    case 'ge':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] >= b[pb] ? 1 : 0;
      return;
  }
};

// Any non-zero byte counts as true, so masks written by other means still behave.
const logicalRun: Run2<LogicalFn> = (fn, a, pa, sa, b, pb, sb, out, po, n) => {
  const end = po + n;
  switch (fn) {
    case 'and':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] !== 0 && b[pb] !== 0 ? 1 : 0;
      return;
    case 'or':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = a[pa] !== 0 || b[pb] !== 0 ? 1 : 0;
      return;
    case 'xor':
      for (let o = po; o < end; o++, pa += sa, pb += sb) out[o] = (a[pa] !== 0) !== (b[pb] !== 0) ? 1 : 0;
      return;
  }
};

/** Applies a Run2 over out = fn(a, b) with NumPy broadcasting; same shapes take a single run. */
function broadcast2<F>(run: Run2<F>, fn: F, a: CpuTensor, b: CpuTensor, out: CpuTensor): void {
  const o = out.data;
  if (shapesEqual(a.shape, b.shape)) {
    run(fn, a.data, 0, 1, b.data, 0, 1, o, 0, o.length);
    return;
  }
  const plan = planRuns(out.shape, [contiguousStrides(out.shape), broadcastStrides(a.shape, out.shape), broadcastStrides(b.shape, out.shape)]);
  const sa = runStride(plan, 1);
  const sb = runStride(plan, 2);
  const ad = a.data;
  const bd = b.data;
  forEachRun(plan, (s, n) => run(fn, ad, s[1]!, sa, bd, s[2]!, sb, o, s[0]!, n));
}

export const binaryKernel: CpuKernel<'binary'> = ([a, b], [out], { fn }) => {
  broadcast2(a!.dtype === 'f32' ? floatRun : intRun, fn, a!, b!, out!);
};

/**
 * out = fn(a, scalar) or fn(scalar, a). On the f32 device the scalar is rounded to f32 first, as an
 * f32 kernel sees it (and as PyTorch does for a Python float with a float32 tensor); the float64
 * device keeps it exact. Integer tensors take it as convertScalarOperand says.
 */
export const binaryScalarKernel: CpuKernel<'binaryScalar'> = ([a], [out], { fn, scalar, reverse }) => {
  const x = a!.data;
  const o = out!.data;
  const isFloat = a!.dtype === 'f32';
  const s = Float64Array.of(isFloat ? (x instanceof Float32Array ? Math.fround(scalar) : scalar) : convertScalarOperand(scalar, a!.dtype));
  const run = isFloat ? floatRun : intRun;
  if (reverse) run(fn, s, 0, 0, x, 0, 1, o, 0, o.length);
  else run(fn, x, 0, 1, s, 0, 0, o, 0, o.length);
};

export const compareKernel: CpuKernel<'compare'> = ([a, b], [out], { fn }) => broadcast2(compareRun, fn, a!, b!, out!);

export const logicalKernel: CpuKernel<'logical'> = ([a, b], [out], { fn }) => broadcast2(logicalRun, fn, a!, b!, out!);

/** out = cond ? a : b, all three broadcast together. */
export const whereKernel: CpuKernel<'where'> = ([cond, a, b], [out]) => {
  const c = cond!.data;
  const ad = a!.data;
  const bd = b!.data;
  const o = out!.data;
  const plan = planRuns(out!.shape, [
    contiguousStrides(out!.shape),
    broadcastStrides(cond!.shape, out!.shape),
    broadcastStrides(a!.shape, out!.shape),
    broadcastStrides(b!.shape, out!.shape),
  ]);
  const sc = runStride(plan, 1);
  const sa = runStride(plan, 2);
  const sb = runStride(plan, 3);
  forEachRun(plan, (s, n) => {
    let pc = s[1]!;
    let pa = s[2]!;
    let pb = s[3]!;
    const end = s[0]! + n;
    for (let p = s[0]!; p < end; p++, pc += sc, pa += sa, pb += sb) o[p] = c[pc] !== 0 ? ad[pa]! : bd[pb]!;
  });
};
