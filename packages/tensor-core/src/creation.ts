import { getDefaultDevice } from './default-device.js';
import type { Device } from './device.js';
import { assertDType, itemsize, type DType } from './dtype.js';
import { runOp1 } from './dispatch.js';
import { DTypeError, ShapeError } from './errors.js';
import { getDefaultGenerator, type Generator } from './rng/philox.js';
import { assertValidShape, formatShape, numel, type Shape } from './shape.js';
import { Storage } from './storage.js';
import { Tensor } from './tensor.js';

/** Where a new tensor goes and what it holds: `dtype` (default f32) and `device` (default {@link getDefaultDevice}). */
export interface CreateOptions {
  dtype?: DType;
  device?: Device;
}

/** Options of the random creation functions: the device and where the Philox (seed, offset) state comes from. */
export interface RandomOptions {
  device?: Device;
  /** Source of the (seed, offset) state; the default generator (see `manualSeed`) when omitted. */
  generator?: Generator;
  /** An explicit state instead of a generator, to replay a draw exactly. */
  seed?: number;
  offset?: number;
}

function opts(o: CreateOptions | undefined): { dtype: DType; device: Device } {
  const dtype = o?.dtype ?? 'f32';
  assertDType(dtype);
  return { dtype, device: o?.device ?? getDefaultDevice() };
}

/** A tensor of `shape` with every element `value`. */
export function full(shape: Shape, value: number, options?: CreateOptions): Tensor {
  assertValidShape(shape);
  const { dtype, device } = opts(options);
  return runOp1('fill', [], { shape, dtype, value }, device);
}

/** A tensor of `shape` filled with zeros. */
export function zeros(shape: Shape, options?: CreateOptions): Tensor {
  return full(shape, 0, options);
}

/** A tensor of `shape` filled with ones. */
export function ones(shape: Shape, options?: CreateOptions): Tensor {
  return full(shape, 1, options);
}

/** A tensor of the same shape (and, unless overridden, dtype and device) filled with `value`. */
export function fullLike(t: Tensor, value: number, options?: CreateOptions): Tensor {
  return full(t.shape, value, { dtype: options?.dtype ?? t.dtype, device: options?.device ?? t.device });
}

/** Zeros with the shape of `t` (and its dtype and device unless given). */
export function zerosLike(t: Tensor, options?: CreateOptions): Tensor {
  return fullLike(t, 0, options);
}

/** Ones with the shape of `t` (and its dtype and device unless given). */
export function onesLike(t: Tensor, options?: CreateOptions): Tensor {
  return fullLike(t, 1, options);
}

/** `arange(end)` or `arange(start, end, step)`, as in NumPy: [start, end) by step. */
export function arange(startOrEnd: number, end?: number, step = 1, options?: CreateOptions): Tensor {
  const start = end === undefined ? 0 : startOrEnd;
  const stop = end === undefined ? startOrEnd : end;
  if (step === 0 || !Number.isFinite(step)) throw new ShapeError(`arange: step must be finite and non-zero, got ${step}`);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const { dtype, device } = opts({ dtype: 'i32', ...options });
  return runOp1('arange', [], { n, start, step, dtype }, device);
}

type Nested = number | boolean | readonly Nested[];

/** Options of {@link fromArray}: the dtype, device and, for flat data, the `shape`. */
export interface FromArrayOptions extends CreateOptions {
  shape?: Shape;
}

/**
 * A tensor from JavaScript data: a typed array, a flat array with `shape`, or nested arrays whose
 * nesting gives the shape. dtype defaults from the data (Float32Array → f32, Int32Array → i32,
 * Uint32Array → u32, Uint8Array or booleans → bool, numbers → f32).
 */
export function fromArray(data: Nested | ArrayLike<number> | ArrayLike<boolean>, options: FromArrayOptions = {}): Tensor {
  let flat: ArrayLike<number | boolean>;
  let inferredShape: number[];
  let inferredDtype: DType = 'f32';
  if (ArrayBuffer.isView(data)) {
    flat = data as unknown as ArrayLike<number>;
    inferredShape = [flat.length];
    if (data instanceof Int32Array) inferredDtype = 'i32';
    else if (data instanceof Uint32Array) inferredDtype = 'u32';
    else if (data instanceof Uint8Array) inferredDtype = 'bool';
    else if (!(data instanceof Float32Array || data instanceof Float64Array)) {
      throw new DTypeError(`fromArray: unsupported typed array ${data.constructor.name}; use Float32Array, Int32Array, Uint32Array or Uint8Array`);
    }
  } else if (typeof data === 'number' || typeof data === 'boolean') {
    flat = [data];
    inferredShape = [];
    if (typeof data === 'boolean') inferredDtype = 'bool';
  } else {
    const out: (number | boolean)[] = [];
    inferredShape = flatten(data as readonly Nested[], out, 0, []);
    flat = out;
    if (out.length > 0 && typeof out[0] === 'boolean') inferredDtype = 'bool';
  }
  const shape = options.shape ?? inferredShape;
  assertValidShape(shape);
  if (numel(shape) !== flat.length) throw new ShapeError(`fromArray: ${flat.length} values do not fill shape ${formatShape(shape)} (${numel(shape)} elements)`);
  const dtype = options.dtype ?? inferredDtype;
  assertDType(dtype);
  const device = options.device ?? getDefaultDevice();
  const typed = toTyped(flat, dtype);
  const storage = new Storage(device, numel(shape) * itemsize(dtype), dtype);
  device.writeBuffer(storage.buffer, 0, new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength));
  return new Tensor(storage, shape, dtype);
}

/** A 0-d tensor holding `value`. */
export function scalar(value: number | boolean, options?: CreateOptions): Tensor {
  return fromArray(value, options);
}

function flatten(data: readonly Nested[], out: (number | boolean)[], depth: number, shape: number[]): number[] {
  if (shape.length === depth) shape.push(data.length);
  else if (shape[depth] !== data.length)
    throw new ShapeError(`fromArray: ragged nested array (length ${data.length} where ${shape[depth]} was expected at depth ${depth})`);
  for (const v of data) {
    if (Array.isArray(v)) flatten(v, out, depth + 1, shape);
    else {
      if (shape.length !== depth + 1) throw new ShapeError(`fromArray: ragged nested array (a value at depth ${depth} where arrays were expected)`);
      if (typeof v !== 'number' && typeof v !== 'boolean') throw new DTypeError(`fromArray: ${String(v)} is not a number or boolean`);
      out.push(v as number | boolean);
    }
  }
  return shape;
}

function toTyped(flat: ArrayLike<number | boolean>, dtype: DType): Float32Array | Int32Array | Uint32Array | Uint8Array {
  const n = flat.length;
  switch (dtype) {
    case 'f32': {
      const a = new Float32Array(n);
      for (let i = 0; i < n; i++) a[i] = Number(flat[i]);
      return a;
    }
    case 'i32':
    case 'u32': {
      const a = dtype === 'i32' ? new Int32Array(n) : new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const v = Number(flat[i]);
        if (!Number.isInteger(v)) throw new DTypeError(`fromArray: ${v} is not an integer, so it cannot be stored as ${dtype}`);
        if (dtype === 'i32' ? v < -2147483648 || v > 2147483647 : v < 0 || v > 4294967295) throw new DTypeError(`fromArray: ${v} is out of range for ${dtype}`);
        a[i] = v;
      }
      return a;
    }
    case 'bool': {
      const a = new Uint8Array(n);
      for (let i = 0; i < n; i++) a[i] = flat[i] ? 1 : 0;
      return a;
    }
  }
}

function rngState(o: RandomOptions | undefined): { seed: number; offset: number } {
  if (o?.seed !== undefined) return { seed: o.seed, offset: o.offset ?? 0 };
  return (o?.generator ?? getDefaultGenerator()).next();
}

/** Uniform numbers in [low, high), from Philox4x32-10 (identical bits on every device). */
export function rand(shape: Shape, options?: RandomOptions & { low?: number; high?: number }): Tensor {
  assertValidShape(shape);
  return runOp1('randomUniform', [], { shape, ...rngState(options), low: options?.low ?? 0, high: options?.high ?? 1 }, options?.device ?? getDefaultDevice());
}

/** Normal numbers with `mean` and `std`, from Philox4x32-10 and Box–Muller. */
export function randn(shape: Shape, options?: RandomOptions & { mean?: number; std?: number }): Tensor {
  assertValidShape(shape);
  return runOp1('randomNormal', [], { shape, ...rngState(options), mean: options?.mean ?? 0, std: options?.std ?? 1 }, options?.device ?? getDefaultDevice());
}

/**
 * A dropout keep-mask (bool, true = keep with probability 1 − p). Pass the same `seed`/`offset`
 * again to regenerate the same mask, which is how backward passes avoid storing it.
 */
export function dropoutMask(shape: Shape, p: number, options?: RandomOptions): Tensor {
  assertValidShape(shape);
  return runOp1('dropoutMask', [], { shape, p, ...rngState(options) }, options?.device ?? getDefaultDevice());
}
