/**
 * Float64 references for the creation and elementwise ops, on plain numbers. They are written
 * from the op definitions in ops/op-params.ts, independently of the CPU kernels they check, and
 * favour the obvious formula over speed.
 */
import type { DType } from '../dtype.js';
import type { BinaryFn, CompareFn, LogicalFn, OpParams, UnaryFn } from '../ops/op-params.js';
import { philoxNormalFill, philoxUniformFill } from '../rng/philox.js';
import { broadcastMap, host, sizeOf, storeAs, type HostTensor } from './host-tensor.js';

export function refFill(p: OpParams<'fill'>): HostTensor {
  return host(p.shape, new Array<number>(sizeOf(p.shape)).fill(storeAs(p.value, p.dtype)), p.dtype);
}

export function refArange(p: OpParams<'arange'>): HostTensor {
  return host(
    [p.n],
    Array.from({ length: p.n }, (_, i) => storeAs(p.start + i * p.step, p.dtype)),
    p.dtype,
  );
}

function uniforms(seed: number, offset: number, n: number): Float64Array {
  const u = new Float64Array(n);
  philoxUniformFill(seed, offset, u);
  return u;
}

export function refRandomUniform(p: OpParams<'randomUniform'>): HostTensor {
  return host(
    p.shape,
    Array.from(uniforms(p.seed, p.offset, sizeOf(p.shape)), (u) => p.low + (p.high - p.low) * u),
  );
}

export function refRandomNormal(p: OpParams<'randomNormal'>): HostTensor {
  const z = new Float64Array(sizeOf(p.shape));
  philoxNormalFill(p.seed, p.offset, z);
  return host(
    p.shape,
    Array.from(z, (v) => p.mean + p.std * v),
  );
}

export function refDropoutMask(p: OpParams<'dropoutMask'>): HostTensor {
  return host(
    p.shape,
    Array.from(uniforms(p.seed, p.offset, sizeOf(p.shape)), (u) => (u >= p.p ? 1 : 0)),
    'bool',
  );
}

/** Float → int truncates toward zero (NaN → 0); → bool is x ≠ 0 (NaN is ≠ 0); bool → number is 0/1. */
export function refCast(x: HostTensor, dtype: DType): HostTensor {
  const convert = (v: number): number => {
    if (dtype === 'bool') return v !== 0 ? 1 : 0;
    if (dtype === 'f32') return v;
    if (Number.isNaN(v)) return 0;
    return storeAs(Math.trunc(v), dtype);
  };
  return host(x.shape, x.data.map(convert), dtype);
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const GELU_CUBIC = 0.044715;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * erfc(x) written independently of the CPU kernel's: the alternating Maclaurin series
 * erf(x) = (2/√π)Σ (−1)ⁿx^(2n+1)/(n!(2n+1)) for |x| < 1.5, and the continued fraction
 * erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …)))) evaluated backwards from a fixed depth
 * of 2000 for x ≥ 1.5. Slow and accurate to ~1e-14: a reference only.
 */
export function erfcF64(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfcF64(-x);
  if (x < 1.5) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 60; n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  if (x > 27) return 0;
  let tail = x;
  for (let k = 2000; k >= 1; k--) tail = x + k / 2 / tail;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / tail;
}
/** The standard normal density φ(x) = e^(−x²/2)/√(2π). */
const normalDensity = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** fn(x) for float inputs. */
export function unaryF64(fn: UnaryFn, x: number): number {
  switch (fn) {
    case 'neg':
      return -x;
    case 'abs':
      return Math.abs(x);
    case 'sign':
      return Number.isNaN(x) ? NaN : x > 0 ? 1 : x < 0 ? -1 : 0;
    case 'square':
      return x * x;
    case 'sqrt':
      return Math.sqrt(x);
    case 'rsqrt':
      return 1 / Math.sqrt(x);
    case 'reciprocal':
      return 1 / x;
    case 'exp':
      return Math.exp(x);
    case 'log':
      return Math.log(x);
    case 'log1p':
      return Math.log1p(x);
    case 'sin':
      return Math.sin(x);
    case 'cos':
      return Math.cos(x);
    case 'tanh':
      return Math.tanh(x);
    case 'sigmoid':
      return sigmoid(x);
    case 'relu':
      return Number.isNaN(x) ? NaN : x > 0 ? x : 0;
    // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
    case 'gelu':
      return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x)));
    // x·Φ(x) = ½·x·erfc(−x/√2)
    case 'gelu_erf':
      return 0.5 * x * erfcF64(-x / Math.SQRT2);
    case 'elu':
      return x > 0 ? x : Math.exp(x) - 1;
    case 'silu':
      return x * sigmoid(x);
    case 'floor':
      return Math.floor(x);
    case 'ceil':
      return Math.ceil(x);
  }
}

/** fn′(x), away from the points where fn is not differentiable. */
export function unaryDerivativeF64(fn: UnaryFn, x: number): number {
  switch (fn) {
    case 'neg':
      return -1;
    case 'abs':
      return Math.sign(x);
    case 'sign':
    case 'floor':
    case 'ceil':
      return 0;
    case 'square':
      return 2 * x;
    case 'sqrt':
      return 0.5 / Math.sqrt(x);
    case 'rsqrt':
      return -0.5 * Math.pow(x, -1.5);
    case 'reciprocal':
      return -1 / (x * x);
    case 'exp':
      return Math.exp(x);
    case 'log':
      return 1 / x;
    case 'log1p':
      return 1 / (1 + x);
    case 'sin':
      return Math.cos(x);
    case 'cos':
      return -Math.sin(x);
    case 'tanh':
      return 1 - Math.tanh(x) ** 2;
    case 'sigmoid':
      return sigmoid(x) * (1 - sigmoid(x));
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'gelu': {
      // d/dx 0.5·x·(1 + tanh u), u = c·(x + a·x³): 0.5·(1 + tanh u) + 0.5·x·(1 − tanh² u)·c·(1 + 3a·x²)
      const t = Math.tanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x));
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * x * x);
    }
    // d/dx x·Φ(x) = Φ(x) + x·φ(x)
    case 'gelu_erf':
      return 0.5 * erfcF64(-x / Math.SQRT2) + x * normalDensity(x);
    case 'elu':
      return x > 0 ? 1 : Math.exp(x);
    case 'silu':
      return sigmoid(x) * (1 + x * (1 - sigmoid(x)));
  }
}

/** fn(x) for i32/u32 inputs: two's-complement wraparound, as WGSL does. */
function unaryInt(fn: UnaryFn, x: number, dtype: DType): number {
  switch (fn) {
    case 'neg':
      return storeAs(-x, dtype);
    case 'abs':
      return storeAs(Math.abs(x), dtype);
    case 'sign':
      return x > 0 ? 1 : x < 0 ? -1 : 0;
    case 'square':
      return dtype === 'u32' ? Math.imul(x, x) >>> 0 : Math.imul(x, x);
    default:
      throw new Error(`reference: unary ${fn} is not defined on ${dtype}`);
  }
}

export function refUnary(x: HostTensor, fn: UnaryFn): HostTensor {
  const f = x.dtype === 'f32' ? (v: number) => unaryF64(fn, v) : (v: number) => unaryInt(fn, v, x.dtype);
  return host(x.shape, x.data.map(f), x.dtype);
}

export function refUnaryBackward(x: HostTensor, g: HostTensor, fn: UnaryFn): HostTensor {
  return host(
    x.shape,
    x.data.map((v, i) => g.data[i]! * unaryDerivativeF64(fn, v)),
  );
}

function binaryF64(fn: BinaryFn, a: number, b: number): number {
  switch (fn) {
    case 'add':
      return a + b;
    case 'sub':
      return a - b;
    case 'mul':
      return a * b;
    case 'div':
      return a / b;
    case 'pow':
      return Math.pow(a, b);
    // NaN propagates through maximum/minimum (Math.max/min already do; spelled out for clarity).
    case 'maximum':
      return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b);
    case 'minimum':
      return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b);
  }
}

/** Integer arithmetic with wraparound; division truncates toward zero. */
function binaryInt(fn: BinaryFn, a: number, b: number, dtype: DType): number {
  switch (fn) {
    case 'add':
      return storeAs(a + b, dtype);
    case 'sub':
      return storeAs(a - b, dtype);
    case 'mul':
      return storeAs(Math.imul(a, b), dtype);
    case 'div':
      return storeAs(Math.trunc(a / b), dtype);
    case 'maximum':
      return Math.max(a, b);
    case 'minimum':
      return Math.min(a, b);
    case 'pow':
      throw new Error(`reference: pow is not defined on ${dtype}`);
  }
}

function binaryFor(fn: BinaryFn, dtype: DType): (a: number, b: number) => number {
  return dtype === 'f32' ? (a, b) => binaryF64(fn, a, b) : (a, b) => binaryInt(fn, a, b, dtype);
}

export function refBinary(a: HostTensor, b: HostTensor, fn: BinaryFn): HostTensor {
  return broadcastMap([a, b], a.dtype, binaryFor(fn, a.dtype));
}

export function refBinaryScalar(a: HostTensor, p: OpParams<'binaryScalar'>): HostTensor {
  const f = binaryFor(p.fn, a.dtype);
  return host(
    a.shape,
    a.data.map((v) => (p.reverse ? f(p.scalar, v) : f(v, p.scalar))),
    a.dtype,
  );
}

/** NaN compares false, except `ne`, which is true. */
function compareF64(fn: CompareFn, a: number, b: number): boolean {
  switch (fn) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
  }
}

export function refCompare(a: HostTensor, b: HostTensor, fn: CompareFn): HostTensor {
  return broadcastMap([a, b], 'bool', (x, y) => (compareF64(fn, x, y) ? 1 : 0));
}

export function refLogical(a: HostTensor, b: HostTensor, fn: LogicalFn): HostTensor {
  const f = { and: (x: boolean, y: boolean) => x && y, or: (x: boolean, y: boolean) => x || y, xor: (x: boolean, y: boolean) => x !== y }[fn];
  return broadcastMap([a, b], 'bool', (x, y) => (f(x !== 0, y !== 0) ? 1 : 0));
}

export function refLogicalNot(a: HostTensor): HostTensor {
  return host(
    a.shape,
    a.data.map((v) => (v !== 0 ? 0 : 1)),
    'bool',
  );
}

/** cond ? a : b; the branch not taken never affects the result (a NaN there does not leak). */
export function refWhere(cond: HostTensor, a: HostTensor, b: HostTensor): HostTensor {
  return broadcastMap([cond, a, b], a.dtype, (c, x, y) => (c !== 0 ? x : y));
}
