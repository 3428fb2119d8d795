import { SafetensorsError } from '../errors.js';
import { isSafetensorsDType, METADATA_KEY, SAFETENSORS_DTYPES, SAFETENSORS_ITEMSIZE, type SafetensorsTensor } from './format.js';

/** Named tensors to write, as an object or a map. */
export type SafetensorsInput = Record<string, SafetensorsTensor> | ReadonlyMap<string, SafetensorsTensor>;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes a safetensors file. The output is deterministic: entries sorted by name (by UTF-16 code
 * units, independent of locale) and laid out in that order, metadata keys sorted, and the JSON header
 * padded with spaces to a multiple of 8 bytes so every payload starts 8-byte aligned in the file.
 */
export function serializeSafetensors(entries: SafetensorsInput, metadata?: Record<string, string>): Uint8Array {
  const list = (entries instanceof Map ? [...entries.entries()] : Object.entries(entries)).sort((a, b) => byName(a[0], b[0]));
  // Null-prototype records: a tensor or metadata key named "__proto__" is a key like any other
  // (assigning it on a plain object would replace the prototype and drop the entry).
  const header: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (metadata && Object.keys(metadata).length > 0) {
    const meta: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const key of Object.keys(metadata).sort(byName)) {
      const value = metadata[key];
      if (typeof value !== 'string') throw new SafetensorsError(`serializeSafetensors: metadata value for key "${key}" must be a string, got ${typeof value}`);
      meta[key] = value;
    }
    header[METADATA_KEY] = meta;
  }
  let offset = 0;
  for (const [name, t] of list) {
    validateTensor(name, t);
    header[name] = { dtype: t.dtype, shape: [...t.shape], data_offsets: [offset, offset + t.bytes.byteLength] };
    offset += t.bytes.byteLength;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.byteLength / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.byteLength, 8 + headerLength); // space padding
  let at = 8 + headerLength;
  for (const [, t] of list) {
    out.set(t.bytes, at);
    at += t.bytes.byteLength;
  }
  return out;
}

function validateTensor(name: string, t: SafetensorsTensor): void {
  const where = `serializeSafetensors: tensor "${name}"`;
  if (name === METADATA_KEY) throw new SafetensorsError(`serializeSafetensors: "${METADATA_KEY}" is reserved for metadata and cannot name a tensor`);
  if (!isSafetensorsDType(t.dtype))
    throw new SafetensorsError(`${where} has unknown dtype ${JSON.stringify(t.dtype)}; expected one of ${SAFETENSORS_DTYPES.join(', ')}`);
  if (!Array.isArray(t.shape) || !t.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new SafetensorsError(`${where} has shape ${JSON.stringify(t.shape)}; expected an array of non-negative integers`);
  }
  if (!(t.bytes instanceof Uint8Array)) throw new SafetensorsError(`${where}: bytes must be a Uint8Array`);
  const expected = t.shape.reduce((n, d) => n * d, SAFETENSORS_ITEMSIZE[t.dtype]);
  if (t.bytes.byteLength !== expected) {
    throw new SafetensorsError(`${where} has ${t.bytes.byteLength} bytes but shape [${t.shape.join(', ')}] of ${t.dtype} needs ${expected}`);
  }
}
