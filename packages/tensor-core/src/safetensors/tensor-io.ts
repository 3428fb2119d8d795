import { getDefaultDevice } from '../default-device.js';
import type { Device } from '../device.js';
import { assertDType, f32ToBf16, f32ToF16, itemsize, type DType } from '../dtype.js';
import { SafetensorsError } from '../errors.js';
import { Storage } from '../storage.js';
import { Tensor } from '../tensor.js';
import { decodeToTensorData, type TensorData } from './decode.js';
import type { SafetensorsDType, SafetensorsTensor } from './format.js';
import { parseSafetensors } from './parse.js';
import { serializeSafetensors } from './serialize.js';

/** Options of loading a safetensors file into tensors: the device and per-tensor dtype overrides. */
export interface LoadSafetensorsOptions {
  /** Where the tensors go; the default device when omitted. */
  device?: Device;
  /**
   * Per-tensor dtype overrides by name, applied after the standard conversion (see
   * `decodeToTensorData`): e.g. `{ 'attn.mask': 'bool' }` for a mask stored as F32 0/1, or
   * `{ 'position_ids': 'f32' }`. A value that the target cannot hold exactly is refused.
   */
  dtypes?: Record<string, DType>;
}

/** Tensors loaded from a safetensors file, by name, and the file's metadata. */
export interface LoadedSafetensors {
  tensors: Record<string, Tensor>;
  metadata: Record<string, string>;
}

/**
 * Loads every tensor of a safetensors file onto a device. Tensors are created in the current scope
 * and memory tag (wrap in `withMemoryTag('parameter', …)` for weights). On any error, tensors
 * already created are disposed before the error propagates.
 */
export function loadSafetensors(bytes: Uint8Array, options: LoadSafetensorsOptions = {}): LoadedSafetensors {
  const file = parseSafetensors(bytes);
  // A Map, not the object: a tensor named "constructor" or "__proto__" must not find Object.prototype's members.
  const overrides = new Map(Object.entries(options.dtypes ?? {}));
  for (const [name, dtype] of overrides) {
    if (!file.entries.has(name))
      throw new SafetensorsError(`loadSafetensors: dtypes names "${name}", which is not a tensor of the file (${file.entries.size} tensors)`);
    assertDType(dtype, `dtype for "${name}"`);
  }
  const device = options.device ?? getDefaultDevice();
  const tensors: Record<string, Tensor> = {};
  try {
    for (const [name, entry] of file.entries) {
      let data = decodeToTensorData(entry);
      const target = overrides.get(name);
      if (target && target !== data.dtype) data = convertHost(name, data, target);
      const storage = new Storage(device, data.data.length * itemsize(data.dtype), data.dtype);
      const tensor = new Tensor(storage, data.shape, data.dtype);
      // An own property even for "__proto__" (plain assignment would set the prototype instead).
      Object.defineProperty(tensors, name, { value: tensor, enumerable: true, writable: true, configurable: true });
      device.writeBuffer(storage.buffer, 0, new Uint8Array(data.data.buffer, data.data.byteOffset, data.data.byteLength));
    }
  } catch (e) {
    for (const t of Object.values(tensors)) t.dispose();
    throw e;
  }
  return { tensors, metadata: file.metadata };
}

/** Options of saving tensors as safetensors: metadata and the file dtype of f32 tensors. */
export interface SaveSafetensorsOptions {
  metadata?: Record<string, string>;
  /** File dtype for f32 tensors: F32 (default), F16 or BF16 (rounded to nearest even). */
  dtype?: 'f32' | 'f16' | 'bf16';
}

/**
 * Reads every tensor to the host (`await t.toArray()`) and writes a safetensors file: f32 as F32, F16
 * or BF16 (per `dtype`), i32 as I32, u32 as U32, bool as BOOL.
 */
export async function saveSafetensors(tensors: Record<string, Tensor>, options: SaveSafetensorsOptions = {}): Promise<Uint8Array> {
  const floatAs = options.dtype ?? 'f32';
  if (floatAs !== 'f32' && floatAs !== 'f16' && floatAs !== 'bf16') {
    throw new SafetensorsError(`saveSafetensors: dtype must be 'f32', 'f16' or 'bf16', got ${JSON.stringify(floatAs)}`);
  }
  const entries = new Map<string, SafetensorsTensor>();
  for (const [name, t] of Object.entries(tensors)) {
    if (!(t instanceof Tensor)) throw new SafetensorsError(`saveSafetensors: "${name}" is not a Tensor`);
    const values = await t.toArray();
    let dtype: SafetensorsDType;
    let out: ArrayBufferView;
    if (t.dtype === 'f32') {
      dtype = floatAs === 'f16' ? 'F16' : floatAs === 'bf16' ? 'BF16' : 'F32';
      out = floatAs === 'f16' ? f32ToF16(values) : floatAs === 'bf16' ? f32ToBf16(values) : values;
    } else {
      dtype = t.dtype === 'i32' ? 'I32' : t.dtype === 'u32' ? 'U32' : 'BOOL';
      out = values;
    }
    entries.set(name, { dtype, shape: [...t.shape], bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) });
  }
  return serializeSafetensors(entries, options.metadata);
}

/** Host-side conversion between tensor dtypes for `dtypes` overrides; refuses values the target cannot hold. */
function convertHost(name: string, src: TensorData, to: DType): TensorData {
  const n = src.data.length;
  const check = (ok: (v: number) => boolean, what: string) => {
    for (let i = 0; i < n; i++) {
      const v = src.data[i]!;
      if (!ok(v)) throw new SafetensorsError(`loadSafetensors: "${name}" holds ${v} at index ${i}, which is not ${what}, so it cannot be loaded as ${to}`);
    }
  };
  switch (to) {
    case 'f32':
      return { dtype: to, shape: src.shape, data: Float32Array.from(src.data) };
    case 'i32':
      check((v) => Number.isInteger(v) && v >= -2147483648 && v <= 2147483647, 'an integer in [-2^31, 2^31)');
      return { dtype: to, shape: src.shape, data: Int32Array.from(src.data) };
    case 'u32':
      check((v) => Number.isInteger(v) && v >= 0 && v <= 4294967295, 'an integer in [0, 2^32)');
      return { dtype: to, shape: src.shape, data: Uint32Array.from(src.data) };
    case 'bool':
      check((v) => v === 0 || v === 1, '0 or 1');
      return { dtype: to, shape: src.shape, data: Uint8Array.from(src.data) };
  }
}
