import {
  createCpuDevice,
  formatShape,
  fromArray,
  fromFloat64Array,
  getDefaultDevice,
  numel,
  scope,
  setDefaultDevice,
  Tensor,
  toFloat64Array,
  type CpuDevice,
  type DType,
  type Shape,
} from '@lightattn/tensor-core';
import { gradients } from './engine.js';
import { GradcheckError } from './errors.js';
import { enableGrad, noGrad } from './grad-mode.js';

/** An input given as values: f32 values are used at full float64 precision. */
export interface GradcheckInput {
  data: ArrayLike<number>;
  shape: Shape;
  /** Default f32; integer inputs (ids, targets) are passed through and not checked. */
  dtype?: DType;
}

/** Options of {@link gradcheck}: step, tolerances, which inputs, seed. */
export interface GradcheckOptions {
  /** Finite-difference step. Default 1e-6. */
  eps?: number;
  /** A gradient passes when |analytic − numeric| ≤ atol + rtol·|numeric|. Defaults 1e-5 and 1e-3 (PyTorch's). */
  atol?: number;
  rtol?: number;
  /** Positions of the inputs to check; default every f32 input. */
  wrt?: readonly number[];
  /** Seed of the random projection of the outputs to a scalar. */
  seed?: number;
  /** How many mismatching elements to list per input. Default 5. */
  maxReported?: number;
}

/** What a passing {@link gradcheck} compared: the element count and the largest absolute error. */
export interface GradcheckResult {
  /** Elements compared, over all checked inputs. */
  checked: number;
  maxAbsError: number;
}

interface HostInput {
  data: Float64Array;
  shape: Shape;
  dtype: DType;
}

let f64Device: CpuDevice | null = null;

/** The float64 CPU device gradcheck runs on (one per process). */
export function gradcheckDevice(): CpuDevice {
  return (f64Device ??= createCpuDevice({ name: 'cpu-f64:gradcheck', precision: 'f64' }));
}

/** Deterministic uniform numbers in [−1, 1) (mulberry32): the projection needs no tensor RNG. */
function projection(n: number, seed: number): Float64Array {
  let a = seed >>> 0;
  return Float64Array.from({ length: n }, () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  });
}

/**
 * Deterministic random f32 values for gradcheck inputs, uniform in [low, high) (default [−1, 1)).
 * `minAbs` pushes values away from 0 (kinks of abs, relu, sign; poles of log and reciprocal).
 */
export function randomInput(shape: Shape, options: { seed?: number; low?: number; high?: number; minAbs?: number } = {}): GradcheckInput {
  const { seed = 1, low = -1, high = 1, minAbs = 0 } = options;
  const u = projection(numel(shape), seed * 7919 + 17);
  const data = Array.from(u, (r) => {
    const v = low + ((r + 1) / 2) * (high - low);
    return Math.abs(v) < minAbs ? (v < 0 ? v - minAbs : v + minAbs) : v;
  });
  return { data, shape };
}

function indexOf(flat: number, shape: Shape): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(flat % shape[d]!);
    flat = Math.floor(flat / shape[d]!);
  }
  return `[${idx.join(', ')}]`;
}

/**
 * Checks the analytic gradients of `fn` against central finite differences, (L(x + ε) − L(x − ε))/2ε,
 * in float64 on a float64 CPU device, where L = Σ_k ⟨r_k, out_k⟩ for fixed random r_k (so one
 * backward gives every input's gradient). `fn` runs with that device as the default device and
 * must be deterministic (pass dropout an explicit Generator created inside fn). Rejects with a
 * GradcheckError naming each input, element, analytic and numeric value that disagree.
 */
export async function gradcheck(
  fn: (...inputs: Tensor[]) => Tensor | readonly Tensor[],
  inputs: readonly (Tensor | GradcheckInput)[],
  options: GradcheckOptions = {},
): Promise<GradcheckResult> {
  const { eps = 1e-6, atol = 1e-5, rtol = 1e-3, seed = 1234, maxReported = 5 } = options;
  const device = gradcheckDevice();
  const hosts: HostInput[] = await Promise.all(
    inputs.map(async (x) =>
      x instanceof Tensor
        ? { data: x.dtype === 'f32' ? await toFloat64Array(x) : Float64Array.from(await x.toArray()), shape: x.shape, dtype: x.dtype }
        : { data: Float64Array.from(x.data), shape: x.shape, dtype: x.dtype ?? 'f32' },
    ),
  );
  const wrt = options.wrt ?? hosts.flatMap((h, i) => (h.dtype === 'f32' ? [i] : []));
  for (const i of wrt) if (hosts[i]?.dtype !== 'f32') throw new GradcheckError(`gradcheck: input ${i} is not an f32 input, so it has no gradient to check`);

  const make = (i: number, data: Float64Array = hosts[i]!.data) => {
    const h = hosts[i]!;
    return h.dtype === 'f32' ? fromFloat64Array(data, h.shape, device) : fromArray(Array.from(data), { shape: h.shape, dtype: h.dtype, device });
  };
  const asList = (o: Tensor | readonly Tensor[]) => (o instanceof Tensor ? [o] : [...o]).filter((t) => t.dtype === 'f32');
  const previous = getDefaultDevice();
  setDefaultDevice(device);
  try {
    // Analytic: one backward with dL/dout_k = r_k.
    let projections: Float64Array[] = [];
    const analyticTensors = scope(() => {
      const xs = hosts.map((_, i) => make(i));
      for (const i of wrt) xs[i]!.requiresGrad = true;
      const outs = asList(enableGrad(() => fn(...xs)));
      projections = outs.map((o, k) => projection(o.numel, seed + k));
      const live = outs.flatMap((o, k) => (o.gradFn || o.requiresGrad ? [{ o, r: fromFloat64Array(projections[k]!, o.shape, device) }] : []));
      if (!live.length) return wrt.map(() => null);
      return gradients(
        live.map((l) => l.o),
        wrt.map((i) => xs[i]!),
        { gradOutputs: live.map((l) => l.r) },
      );
    });
    const analytic: (Float64Array | null)[] = [];
    for (const t of analyticTensors) {
      analytic.push(t ? await toFloat64Array(t) : null);
      t?.dispose();
    }

    const loss = async (i: number, data: Float64Array): Promise<number> => {
      const outs = scope(() => noGrad(() => asList(fn(...hosts.map((_, j) => (j === i ? make(j, data) : make(j)))))));
      let total = 0;
      for (const [k, o] of outs.entries()) {
        const values = await toFloat64Array(o);
        const r = projections[k]!;
        for (let e = 0; e < values.length; e++) total += values[e]! * r[e]!;
        o.dispose();
      }
      return total;
    };

    const failures: string[] = [];
    let checked = 0;
    let maxAbsError = 0;
    for (const [w, i] of wrt.entries()) {
      const h = hosts[i]!;
      const n = numel(h.shape);
      const bad: string[] = [];
      let badCount = 0;
      for (let e = 0; e < n; e++) {
        const plus = Float64Array.from(h.data);
        const minus = Float64Array.from(h.data);
        plus[e]! += eps;
        minus[e]! -= eps;
        const numeric = ((await loss(i, plus)) - (await loss(i, minus))) / (2 * eps);
        const a = analytic[w]?.[e] ?? 0;
        const diff = Math.abs(a - numeric);
        checked++;
        if (Number.isFinite(diff)) maxAbsError = Math.max(maxAbsError, diff);
        if (!(diff <= atol + rtol * Math.abs(numeric)) && !(Number.isNaN(a) && Number.isNaN(numeric))) {
          badCount++;
          if (bad.length < maxReported)
            bad.push(`    element ${e} (index ${indexOf(e, h.shape)}): analytic ${a} vs numeric ${numeric} (|diff| ${diff.toExponential(2)})`);
        }
      }
      if (badCount) failures.push(`  input ${i} ${formatShape(h.shape)}: ${badCount} of ${n} elements differ`, ...bad);
    }
    if (failures.length) {
      throw new GradcheckError(
        [
          `gradcheck${fn.name ? ` of ${fn.name}` : ''} failed (|analytic − numeric| > atol ${atol} + rtol ${rtol}·|numeric|, eps ${eps}, float64):`,
          ...failures,
        ].join('\n'),
      );
    }
    return { checked, maxAbsError };
  } finally {
    setDefaultDevice(previous);
  }
}
