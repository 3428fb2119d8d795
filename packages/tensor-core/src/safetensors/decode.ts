import { bf16ToF32, f16ToF32, type DType } from '../dtype.js';
import { SafetensorsError } from '../errors.js';
import { isSafetensorsDType, SAFETENSORS_DTYPES, SAFETENSORS_ITEMSIZE, type SafetensorsDType, type SafetensorsTensor } from './format.js';

/** Host data for a tensor: what a file entry becomes on load. */
export interface TensorData {
  dtype: DType;
  shape: number[];
  data: Float32Array | Int32Array | Uint32Array | Uint8Array;
}

/** The tensor dtype each file dtype loads as. */
export const TENSOR_DTYPE_FOR: { readonly [D in SafetensorsDType]: DType } = {
  F64: 'f32',
  F32: 'f32',
  F16: 'f32',
  BF16: 'f32',
  F8_E4M3: 'f32',
  F8_E5M2: 'f32',
  F8_E8M0: 'f32',
  I64: 'i32',
  I32: 'i32',
  I16: 'i32',
  I8: 'i32',
  U64: 'i32',
  U16: 'i32',
  U8: 'i32',
  U32: 'u32',
  BOOL: 'bool',
};

/**
 * Converts a file entry to a tensor dtype: floats of every width to f32 (F64 rounds to nearest),
 * signed and small unsigned integers to i32 (64-bit ones only when every value fits, else a
 * SafetensorsError naming the entry and the value), U32 to u32, BOOL to bool (bytes other than 0 and
 * 1 are refused as corrupt). When no conversion is needed and the bytes are aligned, `data` is a view
 * of `entry.bytes` rather than a copy.
 */
export function decodeToTensorData(entry: SafetensorsTensor & { name?: string }): TensorData {
  const name = entry.name ?? 'tensor';
  const { dtype, bytes } = entry;
  if (!isSafetensorsDType(dtype))
    throw new SafetensorsError(`safetensors: entry "${name}" has unknown dtype ${JSON.stringify(dtype)}; expected one of ${SAFETENSORS_DTYPES.join(', ')}`);
  const size = SAFETENSORS_ITEMSIZE[dtype];
  const n = entry.shape.reduce((a, d) => a * d, 1);
  if (bytes.byteLength !== n * size) {
    throw new SafetensorsError(
      `safetensors: entry "${name}" has ${bytes.byteLength} bytes but shape [${entry.shape.join(', ')}] of ${dtype} needs ${n * size}`,
    );
  }
  const shape = [...entry.shape];
  const a = aligned(bytes, size);
  switch (dtype) {
    case 'F32':
      return { dtype: 'f32', shape, data: new Float32Array(a.buffer, a.byteOffset, n) };
    case 'F64':
      return { dtype: 'f32', shape, data: Float32Array.from(new Float64Array(a.buffer, a.byteOffset, n)) };
    case 'F16':
      return { dtype: 'f32', shape, data: f16ToF32(new Uint16Array(a.buffer, a.byteOffset, n)) };
    case 'BF16':
      return { dtype: 'f32', shape, data: bf16ToF32(new Uint16Array(a.buffer, a.byteOffset, n)) };
    case 'F8_E4M3':
    case 'F8_E5M2':
    case 'F8_E8M0': {
      const table = float8Table(dtype);
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = table[bytes[i]!]!;
      return { dtype: 'f32', shape, data: out };
    }
    case 'I32':
      return { dtype: 'i32', shape, data: new Int32Array(a.buffer, a.byteOffset, n) };
    case 'I16':
      return { dtype: 'i32', shape, data: Int32Array.from(new Int16Array(a.buffer, a.byteOffset, n)) };
    case 'I8':
      return { dtype: 'i32', shape, data: Int32Array.from(new Int8Array(a.buffer, a.byteOffset, n)) };
    case 'U16':
      return { dtype: 'i32', shape, data: Int32Array.from(new Uint16Array(a.buffer, a.byteOffset, n)) };
    case 'U8':
      return { dtype: 'i32', shape, data: Int32Array.from(bytes) };
    case 'I64':
    case 'U64':
      return { dtype: 'i32', shape, data: narrow64(name, dtype, new Int32Array(a.buffer, a.byteOffset, 2 * n)) };
    case 'U32':
      return { dtype: 'u32', shape, data: new Uint32Array(a.buffer, a.byteOffset, n) };
    case 'BOOL': {
      const bad = bytes.findIndex((v) => v > 1);
      if (bad >= 0) throw new SafetensorsError(`safetensors: entry "${name}" (BOOL) has byte ${bytes[bad]} at index ${bad}; BOOL elements must be 0 or 1`);
      return { dtype: 'bool', shape, data: bytes };
    }
  }
}

/**
 * `bytes` itself when its offset is a multiple of `size`, else an aligned copy (payloads need not be
 * aligned in the file). The copy goes through the Uint8Array constructor because a Node Buffer's
 * `slice()` returns a view, not a copy.
 */
function aligned(bytes: Uint8Array, size: number): Uint8Array {
  return bytes.byteOffset % size === 0 ? bytes : new Uint8Array(bytes);
}

/**
 * 64-bit integers (as little-endian (lo, hi) word pairs) to i32. A signed value fits when the high
 * word is the sign extension of the low one (hi = lo >> 31); an unsigned one when hi = 0 and lo < 2^31.
 */
function narrow64(name: string, dtype: 'I64' | 'U64', words: Int32Array): Int32Array {
  const n = words.length / 2;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const lo = words[2 * i]!;
    const hi = words[2 * i + 1]!;
    const fits = dtype === 'I64' ? hi === lo >> 31 : hi === 0 && lo >= 0;
    if (!fits) {
      const value = dtype === 'I64' ? (BigInt(hi) << 32n) | BigInt(lo >>> 0) : (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
      throw new SafetensorsError(
        `safetensors: entry "${name}" (${dtype}) holds ${value} at index ${i}, which does not fit in i32 (tensors hold 32-bit integers); only 64-bit integer tensors with values in [-2147483648, 2147483647] can be loaded`,
      );
    }
    out[i] = lo;
  }
  return out;
}

const float8Tables = new Map<SafetensorsDType, Float32Array>();

/** All 256 values of an 8-bit float format. */
function float8Table(dtype: 'F8_E4M3' | 'F8_E5M2' | 'F8_E8M0'): Float32Array {
  let table = float8Tables.get(dtype);
  if (!table) {
    table = new Float32Array(256);
    for (let b = 0; b < 256; b++) table[b] = float8ToNumber(dtype, b);
    float8Tables.set(dtype, table);
  }
  return table;
}

/**
 * F8_E4M3 is OCP/PyTorch float8_e4m3fn: bias 7, no infinities, NaN only at S.1111.111, max ±448.
 * F8_E5M2 is IEEE-like: bias 15, exponent 31 holds ±Inf and NaN, max ±57344.
 * F8_E8M0 (MX block scales) is an unsigned power of two 2^(e − 127), with 0xFF as NaN.
 */
export function float8ToNumber(dtype: 'F8_E4M3' | 'F8_E5M2' | 'F8_E8M0', b: number): number {
  if (dtype === 'F8_E8M0') return b === 0xff ? NaN : 2 ** (b - 127);
  const sign = b & 0x80 ? -1 : 1;
  if (dtype === 'F8_E4M3') {
    const e = (b >> 3) & 0xf;
    const m = b & 0x7;
    if (e === 0xf && m === 0x7) return NaN;
    return e === 0 ? sign * (m / 8) * 2 ** -6 : sign * (1 + m / 8) * 2 ** (e - 7);
  }
  const e = (b >> 2) & 0x1f;
  const m = b & 0x3;
  if (e === 0x1f) return m ? NaN : sign * Infinity;
  return e === 0 ? sign * (m / 4) * 2 ** -14 : sign * (1 + m / 4) * 2 ** (e - 15);
}
