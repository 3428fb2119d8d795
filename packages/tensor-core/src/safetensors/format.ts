/**
 * The safetensors container (https://github.com/huggingface/safetensors):
 *
 *   [8 bytes]  N, the header length, an unsigned 64-bit little-endian integer
 *   [N bytes]  UTF-8 JSON: { "<name>": { "dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end] }, …,
 *                            "__metadata__": { "<key>": "<string value>", … } }
 *              padded with spaces so that the payload starts 8-byte aligned
 *   [rest]     the payload: each tensor row-major, little-endian, at [begin, end) relative to the
 *              payload start; the entries tile the payload with no gaps and no overlaps.
 */

/** Element types a safetensors file may hold (the reference implementation's names). */
export type SafetensorsDType =
  'F64' | 'F32' | 'F16' | 'BF16' | 'I64' | 'I32' | 'I16' | 'I8' | 'U64' | 'U32' | 'U16' | 'U8' | 'BOOL' | 'F8_E4M3' | 'F8_E5M2' | 'F8_E8M0';

/** Bytes per element of each file dtype. */
export const SAFETENSORS_ITEMSIZE: { readonly [D in SafetensorsDType]: number } = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U64: 8,
  U32: 4,
  U16: 2,
  U8: 1,
  BOOL: 1,
  F8_E4M3: 1,
  F8_E5M2: 1,
  F8_E8M0: 1,
};

/** Every dtype name the safetensors format defines. */
export const SAFETENSORS_DTYPES = Object.keys(SAFETENSORS_ITEMSIZE) as readonly SafetensorsDType[];

/** Whether `x` is a safetensors dtype name. */
export function isSafetensorsDType(x: unknown): x is SafetensorsDType {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(SAFETENSORS_ITEMSIZE, x);
}

/** The reserved header key that holds string-to-string metadata rather than a tensor. */
export const METADATA_KEY = '__metadata__';

/**
 * The reference implementation refuses headers above 100 MB (a guard against allocating
 * gigabytes for a corrupt length field); so do we.
 */
export const MAX_HEADER_BYTES = 100_000_000;

/** One tensor of a file: its element type, shape and raw little-endian bytes. */
export interface SafetensorsTensor {
  dtype: SafetensorsDType;
  shape: number[];
  bytes: Uint8Array;
}

/** A parsed entry: `bytes` is a view into the file (no copy), at `dataOffsets` within the payload. */
export interface SafetensorsEntry extends SafetensorsTensor {
  readonly name: string;
  readonly dataOffsets: readonly [number, number];
}

/** A parsed safetensors file: its metadata and its entries. */
export interface SafetensorsFile {
  metadata: Record<string, string>;
  /** Entries in payload order (by `dataOffsets`). */
  entries: Map<string, SafetensorsEntry>;
}
