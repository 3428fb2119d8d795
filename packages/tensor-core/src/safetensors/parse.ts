import { SafetensorsError } from '../errors.js';
import {
  isSafetensorsDType,
  MAX_HEADER_BYTES,
  METADATA_KEY,
  SAFETENSORS_DTYPES,
  SAFETENSORS_ITEMSIZE,
  type SafetensorsDType,
  type SafetensorsEntry,
  type SafetensorsFile,
} from './format.js';

interface RawEntry {
  name: string;
  dtype: SafetensorsDType;
  shape: number[];
  begin: number;
  end: number;
}

/**
 * Parses a safetensors file held in memory. Entries' `bytes` are views into `bytes` (no copy), so
 * keep the file alive while you use them. Every malformation (truncation, bad JSON, bad fields,
 * offsets that overlap, leave holes or do not match shape × dtype) is a SafetensorsError that says
 * what is wrong, where and what was expected.
 */
export function parseSafetensors(bytes: Uint8Array): SafetensorsFile {
  if (!(bytes instanceof Uint8Array)) {
    throw new SafetensorsError(`safetensors: expected the file as a Uint8Array, got ${describeValue(bytes)}`);
  }
  if (bytes.byteLength < 8) {
    throw new SafetensorsError(
      `safetensors: the file is ${bytes.byteLength} bytes, shorter than the 8-byte header-length field; it is truncated or not a safetensors file`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength64 = view.getBigUint64(0, true);
  if (headerLength64 > BigInt(MAX_HEADER_BYTES)) {
    throw new SafetensorsError(
      `safetensors: the header length field says ${headerLength64} bytes, above the ${MAX_HEADER_BYTES}-byte limit (the file is ${bytes.byteLength} bytes); it is corrupt or not a safetensors file`,
    );
  }
  const headerLength = Number(headerLength64);
  if (8 + headerLength > bytes.byteLength) {
    throw new SafetensorsError(
      `safetensors: the header length field says ${headerLength} bytes but only ${bytes.byteLength - 8} bytes follow it; the file is truncated or not a safetensors file`,
    );
  }
  const header = parseHeaderJson(bytes.subarray(8, 8 + headerLength));
  const payloadStart = 8 + headerLength;
  const payloadLength = bytes.byteLength - payloadStart;

  let metadata: Record<string, string> = {};
  const raw: RawEntry[] = [];
  for (const [name, info] of Object.entries(header)) {
    if (name === METADATA_KEY) metadata = parseMetadata(info);
    else raw.push(parseEntryInfo(name, info));
  }

  // The entries must tile the payload exactly: sorted by offset, each starts where the previous ended.
  raw.sort((a, b) => a.begin - b.begin || a.end - b.end || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entries = new Map<string, SafetensorsEntry>();
  let cursor = 0;
  let previous: RawEntry | null = null;
  for (const e of raw) {
    if (e.end > payloadLength) {
      throw new SafetensorsError(
        `safetensors: entry "${e.name}" has data_offsets [${e.begin}, ${e.end}] but the payload is only ${payloadLength} bytes; the file is truncated`,
      );
    }
    if (e.begin < cursor) {
      throw new SafetensorsError(
        `safetensors: entry "${e.name}" at [${e.begin}, ${e.end}] overlaps entry "${previous!.name}" at [${previous!.begin}, ${previous!.end}]; entries must not share bytes`,
      );
    }
    if (e.begin > cursor) {
      const after = previous ? `after entry "${previous.name}" (which ends at ${cursor})` : 'at the start of the payload';
      throw new SafetensorsError(
        `safetensors: unused bytes [${cursor}, ${e.begin}) ${after} before entry "${e.name}" at [${e.begin}, ${e.end}]; entries must cover the payload without holes`,
      );
    }
    entries.set(e.name, {
      name: e.name,
      dtype: e.dtype,
      shape: e.shape,
      dataOffsets: [e.begin, e.end],
      bytes: bytes.subarray(payloadStart + e.begin, payloadStart + e.end),
    });
    cursor = e.end;
    previous = e;
  }
  if (cursor !== payloadLength) {
    const after = previous ? `after the last entry "${previous.name}" (which ends at ${cursor})` : 'with no entries in the header';
    throw new SafetensorsError(
      `safetensors: the payload is ${payloadLength} bytes but bytes [${cursor}, ${payloadLength}) are unused ${after}; entries must cover the payload exactly`,
    );
  }
  return { metadata, entries };
}

function parseHeaderJson(headerBytes: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(headerBytes);
  } catch {
    throw new SafetensorsError(`safetensors: the ${headerBytes.byteLength}-byte header (file bytes 8 to ${8 + headerBytes.byteLength}) is not valid UTF-8`);
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    throw new SafetensorsError(`safetensors: the header is not valid JSON (${(e as Error).message}); it begins ${JSON.stringify(text.slice(0, 60))}`);
  }
  if (!isPlainObject(header)) {
    throw new SafetensorsError(
      `safetensors: the header must be a JSON object mapping tensor names to {dtype, shape, data_offsets}, got ${describeValue(header)}`,
    );
  }
  return header;
}

function parseMetadata(info: unknown): Record<string, string> {
  if (info === null) return {};
  if (!isPlainObject(info)) throw new SafetensorsError(`safetensors: "${METADATA_KEY}" must be an object of string values, got ${describeValue(info)}`);
  for (const [key, value] of Object.entries(info)) {
    if (typeof value !== 'string') {
      throw new SafetensorsError(`safetensors: "${METADATA_KEY}" value for key "${key}" must be a string, got ${describeValue(value)}`);
    }
  }
  // fromEntries defines own properties, so a key such as "__proto__" stays an ordinary key.
  return Object.fromEntries(Object.entries(info)) as Record<string, string>;
}

function parseEntryInfo(name: string, info: unknown): RawEntry {
  const where = `safetensors: entry "${name}"`;
  if (!isPlainObject(info)) throw new SafetensorsError(`${where} must be an object {dtype, shape, data_offsets}, got ${describeValue(info)}`);
  const { dtype, shape, data_offsets: offsets } = info;
  if (dtype === undefined) throw new SafetensorsError(`${where} has no "dtype" field`);
  if (!isSafetensorsDType(dtype)) {
    throw new SafetensorsError(`${where} has unknown dtype ${JSON.stringify(dtype)}; expected one of ${SAFETENSORS_DTYPES.join(', ')}`);
  }
  if (shape === undefined) throw new SafetensorsError(`${where} has no "shape" field`);
  if (!Array.isArray(shape) || !shape.every(isNonNegativeSafeInteger)) {
    throw new SafetensorsError(`${where} has shape ${JSON.stringify(shape)}; expected an array of non-negative integers`);
  }
  if (offsets === undefined) throw new SafetensorsError(`${where} has no "data_offsets" field`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isNonNegativeSafeInteger)) {
    throw new SafetensorsError(`${where} has data_offsets ${JSON.stringify(offsets)}; expected [begin, end], two non-negative integers`);
  }
  const [begin, end] = offsets as [number, number];
  if (end < begin) throw new SafetensorsError(`${where} has data_offsets [${begin}, ${end}] with end before begin`);
  const byteLength = expectedByteLength(name, shape as number[], dtype);
  if (end - begin !== byteLength) {
    throw new SafetensorsError(
      `${where} has data_offsets [${begin}, ${end}] (${end - begin} bytes) but shape [${shape.join(', ')}] of ${dtype} needs ${byteLength} bytes`,
    );
  }
  return { name, dtype, shape: [...(shape as number[])], begin, end };
}

/** numel · itemsize, refusing products that are not exact doubles. */
function expectedByteLength(name: string, shape: readonly number[], dtype: SafetensorsDType): number {
  if (shape.includes(0)) return 0;
  let n = SAFETENSORS_ITEMSIZE[dtype];
  for (const d of shape) {
    n *= d;
    if (n > Number.MAX_SAFE_INTEGER) {
      throw new SafetensorsError(`safetensors: entry "${name}" has shape [${shape.join(', ')}] of ${dtype}, whose byte size overflows 2^53`);
    }
  }
  return n;
}

function isNonNegativeSafeInteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array ${truncate(JSON.stringify(x))}`;
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'an object';
  return `${typeof x} ${truncate(String(JSON.stringify(x) ?? x))}`;
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
