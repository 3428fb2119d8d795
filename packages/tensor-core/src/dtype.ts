import { DTypeError } from './errors.js';

/**
 * Dtypes a tensor can have. Every op computes in these.
 * `bool` takes one byte per element on every device (the WebGPU device packs four to a u32 word),
 * so masks cost what PyTorch's torch.bool masks cost, which Light Attention's memory table relies on.
 */
export type DType = 'f32' | 'i32' | 'u32' | 'bool';

/**
 * Storage-only dtypes: they appear in files (safetensors, HF checkpoints) and are converted to a
 * tensor dtype on load (`f16`/`bf16` → `f32`), and from one on save.
 */
export type StorageDType = 'f16' | 'bf16';

/** Every tensor dtype: f32, i32, u32 and bool. */
export const DTYPES: readonly DType[] = ['f32', 'i32', 'u32', 'bool'];

/** The typed array that holds elements of dtype `D` on the host (bool as Uint8Array). */
export type TypedArrayFor<D extends DType> = D extends 'f32' ? Float32Array : D extends 'i32' ? Int32Array : D extends 'u32' ? Uint32Array : Uint8Array;

/** Any typed array a tensor's elements can be read into. */
export type AnyTypedArray = Float32Array | Int32Array | Uint32Array | Uint8Array;

const ITEMSIZE: { [D in DType]: number } = { f32: 4, i32: 4, u32: 4, bool: 1 };

/** Bytes per element of `dtype` (bool is one byte). */
export function itemsize(dtype: DType): number {
  return ITEMSIZE[dtype];
}

/** Whether `x` is one of the tensor dtypes. */
export function isDType(x: unknown): x is DType {
  return typeof x === 'string' && (DTYPES as readonly string[]).includes(x);
}

export function assertDType(x: unknown, what = 'dtype'): asserts x is DType {
  if (!isDType(x)) throw new DTypeError(`unknown ${what} ${JSON.stringify(x)}: expected one of ${DTYPES.join(', ')}`);
}

/** Whether `dtype` is a floating-point dtype (only f32). */
export function isFloat(dtype: DType): boolean {
  return dtype === 'f32';
}

/** A fresh zero-filled typed array of the right kind for `dtype`. */
export function allocTyped<D extends DType>(dtype: D, length: number): TypedArrayFor<D> {
  switch (dtype) {
    case 'f32':
      return new Float32Array(length) as TypedArrayFor<D>;
    case 'i32':
      return new Int32Array(length) as TypedArrayFor<D>;
    case 'u32':
      return new Uint32Array(length) as TypedArrayFor<D>;
    case 'bool':
      return new Uint8Array(length) as TypedArrayFor<D>;
  }
  throw new DTypeError(`unknown dtype ${String(dtype)}`);
}

/** A typed-array view of `dtype` over existing bytes (no copy). */
export function viewTyped<D extends DType>(dtype: D, buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArrayFor<D> {
  switch (dtype) {
    case 'f32':
      return new Float32Array(buffer, byteOffset, length) as TypedArrayFor<D>;
    case 'i32':
      return new Int32Array(buffer, byteOffset, length) as TypedArrayFor<D>;
    case 'u32':
      return new Uint32Array(buffer, byteOffset, length) as TypedArrayFor<D>;
    case 'bool':
      return new Uint8Array(buffer, byteOffset, length) as TypedArrayFor<D>;
  }
  throw new DTypeError(`unknown dtype ${String(dtype)}`);
}

// ---- f16 / bf16 conversion (storage types) ----

const f32Scratch = new Float32Array(1);
const u32Scratch = new Uint32Array(f32Scratch.buffer);

/** IEEE half → float. Handles subnormals, ±Inf and NaN. */
export function f16BitsToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24; // subnormal: frac · 2^-14 · 2^-10
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** float → IEEE half bits, round to nearest even; overflow gives ±Inf, NaN stays NaN. */
export function numberToF16Bits(x: number): number {
  f32Scratch[0] = x;
  const f = u32Scratch[0]!;
  // x may be a float64: `lost` is what rounding to f32 dropped, so ties are broken on the true value.
  const lost = Math.abs(x) - Math.abs(f32Scratch[0]!);
  const sign = (f >>> 16) & 0x8000;
  const exp = (f >>> 23) & 0xff;
  let mant = f & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Inf or NaN (quiet)
  // Re-bias: f32 bias 127, f16 bias 15.
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow → Inf
  if (e <= 0) {
    // Subnormal half (or zero): shift the implicit 1 in and round.
    if (e < -10) return sign; // too small: ±0
    mant |= 0x800000;
    const shift = 14 - e; // 13 to drop f32's extra mantissa bits, plus (1 − e) for the subnormal shift
    const halfway = 1 << (shift - 1);
    const rest = mant & ((1 << shift) - 1);
    let m = mant >>> shift;
    if (rest > halfway || (rest === halfway && (lost > 0 || (lost === 0 && m & 1)))) m += 1;
    return sign | m;
  }
  const rest = mant & 0x1fff;
  let h = sign | (e << 10) | (mant >>> 13);
  if (rest > 0x1000 || (rest === 0x1000 && (lost > 0 || (lost === 0 && h & 1)))) h += 1; // carries into the exponent correctly, up to Inf
  return h;
}

/** bfloat16 bits → float (the high half of an f32). */
export function bf16BitsToNumber(b: number): number {
  u32Scratch[0] = (b & 0xffff) << 16;
  return f32Scratch[0]!;
}

/** float → bfloat16 bits, round to nearest even; NaN stays NaN. */
export function numberToBf16Bits(x: number): number {
  f32Scratch[0] = x;
  const f = u32Scratch[0]!;
  if ((f & 0x7f800000) === 0x7f800000 && f & 0x7fffff) return ((f >>> 16) | 0x40) & 0xffff; // quiet NaN
  const lost = Math.abs(x) - Math.abs(f32Scratch[0]!); // non-zero when x was a float64 between f32s
  const tie = (f & 0xffff) === 0x8000;
  const rounding = tie && lost !== 0 ? (lost > 0 ? 0x8000 : 0x7fff) : 0x7fff + ((f >>> 16) & 1);
  return ((f + rounding) >>> 16) & 0xffff;
}

/** Decodes IEEE half-precision bit patterns to floats. */
export function f16ToF32(src: Uint16Array): Float32Array {
  const out = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = f16BitsToNumber(src[i]!);
  return out;
}

/** Encodes numbers as IEEE half-precision bit patterns, rounding to nearest even. */
export function f32ToF16(src: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = numberToF16Bits(src[i]!);
  return out;
}

/** Decodes bfloat16 bit patterns (the high halves of f32s) to floats. */
export function bf16ToF32(src: Uint16Array): Float32Array {
  const out = new Float32Array(src.length);
  const outBits = new Uint32Array(out.buffer);
  for (let i = 0; i < src.length; i++) outBits[i] = src[i]! << 16;
  return out;
}

/** Encodes numbers as bfloat16 bit patterns, rounding to nearest even; NaN stays NaN. */
export function f32ToBf16(src: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = numberToBf16Bits(src[i]!);
  return out;
}
