import { describe, expect, it } from 'vitest';
import { SafetensorsError } from '../errors.js';
import { decodeToTensorData } from './decode.js';
import { parseSafetensors } from './parse.js';

// Files are built by hand from the format description, not with serializeSafetensors, so the parser
// is checked against the spec rather than against our own writer.

/** An 8-byte little-endian length, then `header` verbatim (a string is UTF-8 encoded), then `payload`. */
function rawFile(header: string | Uint8Array, payload: Uint8Array | number = 0, headerLength?: bigint): Uint8Array {
  const h = typeof header === 'string' ? new TextEncoder().encode(header) : header;
  const p = typeof payload === 'number' ? new Uint8Array(payload) : payload;
  const out = new Uint8Array(8 + h.byteLength + p.byteLength);
  new DataView(out.buffer).setBigUint64(0, headerLength ?? BigInt(h.byteLength), true);
  out.set(h, 8);
  out.set(p, 8 + h.byteLength);
  return out;
}

/** A file whose header is `JSON.stringify(header)` followed by `payload` (zeros of that length if a number). */
function jsonFile(header: unknown, payload: Uint8Array | number = 0): Uint8Array {
  return rawFile(JSON.stringify(header), payload);
}

const f32Entry = (length: number, begin: number) => ({ dtype: 'F32', shape: [length], data_offsets: [begin, begin + 4 * length] });

function expectError(bytes: Uint8Array, ...fragments: string[]): void {
  let error: unknown;
  try {
    parseSafetensors(bytes);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SafetensorsError);
  for (const f of fragments) expect((error as Error).message).toContain(f);
}

describe('parseSafetensors on files built by hand from the spec', () => {
  it('reads the reference implementation test vector (header length 60, I32 [2, 2] zeros)', () => {
    const header = '{"test":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]}}';
    const bytes = new Uint8Array([60, 0, 0, 0, 0, 0, 0, 0, ...new TextEncoder().encode(header), ...new Array(16).fill(0)]);
    const file = parseSafetensors(bytes);
    expect(file.metadata).toEqual({});
    expect([...file.entries.keys()]).toEqual(['test']);
    const e = file.entries.get('test')!;
    expect(e).toMatchObject({ name: 'test', dtype: 'I32', shape: [2, 2], dataOffsets: [0, 16] });
    expect(decodeToTensorData(e)).toEqual({ dtype: 'i32', shape: [2, 2], data: new Int32Array(4) });
  });

  it('reads known bytes: F32 [2] = [1, -2], a 0-d I8 = -3, a 0-size BF16, metadata, space padding', () => {
    const header =
      '{"b":{"dtype":"I8","shape":[],"data_offsets":[8,9]}, "a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},' +
      '"empty":{"dtype":"BF16","shape":[3,0],"data_offsets":[9,9]},"__metadata__":{"format":"pt","note":"é ✓"}}';
    const padded = header.padEnd(Math.ceil(new TextEncoder().encode(header).byteLength / 8) * 8 + 3, ' ');
    // 1.0f = 3f800000, -2.0f = c0000000 (little-endian), int8 -3 = 0xfd.
    const payload = new Uint8Array([0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0, 0xfd]);
    const bytes = rawFile(padded, payload);
    const file = parseSafetensors(bytes);
    expect(file.metadata).toEqual({ format: 'pt', note: 'é ✓' });
    // Map order is payload order (by offset), not header order.
    expect([...file.entries.keys()]).toEqual(['a', 'b', 'empty']);
    expect(Array.from(decodeToTensorData(file.entries.get('a')!).data)).toEqual([1, -2]);
    expect(decodeToTensorData(file.entries.get('b')!)).toEqual({ dtype: 'i32', shape: [], data: new Int32Array([-3]) });
    expect(decodeToTensorData(file.entries.get('empty')!)).toEqual({ dtype: 'f32', shape: [3, 0], data: new Float32Array(0) });
  });

  it('returns views into the file, not copies', () => {
    const bytes = jsonFile({ a: f32Entry(2, 0) }, 8);
    const e = parseSafetensors(bytes).entries.get('a')!;
    expect(e.bytes.buffer).toBe(bytes.buffer);
    expect(e.bytes.byteOffset).toBe(bytes.byteLength - 8);
  });

  it('accepts an empty file `{}`, null metadata and leading whitespace', () => {
    expect(parseSafetensors(rawFile('{}')).entries.size).toBe(0);
    expect(parseSafetensors(rawFile('  {"__metadata__":null}  ')).metadata).toEqual({});
  });

  it('reads payloads that are not aligned in the file (header length 61)', () => {
    const header = JSON.stringify({ x: { dtype: 'F64', shape: [2], data_offsets: [0, 16] }, y: { dtype: 'I64', shape: [1], data_offsets: [16, 24] } }).padEnd(
      61,
    );
    const payload = new Uint8Array(24);
    const view = new DataView(payload.buffer);
    view.setFloat64(0, 0.1, true);
    view.setFloat64(8, -1e300, true);
    view.setBigInt64(16, -5n, true);
    const file = parseSafetensors(rawFile(header, payload));
    expect(file.entries.get('x')!.bytes.byteOffset % 8).not.toBe(0);
    expect(Array.from(decodeToTensorData(file.entries.get('x')!).data)).toEqual([Math.fround(0.1), -Infinity]);
    expect(Array.from(decodeToTensorData(file.entries.get('y')!).data)).toEqual([-5]);
  });

  it('reads a Node Buffer, whose slice() is a view, at an unaligned payload offset', () => {
    const header = JSON.stringify({ x: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }).padEnd(61);
    const payload = new Uint8Array(new Float32Array([1.5, -3]).buffer);
    const file = parseSafetensors(Buffer.from(rawFile(header, payload)));
    expect(Array.from(decodeToTensorData(file.entries.get('x')!).data)).toEqual([1.5, -3]);
  });

  it('keeps a metadata key named __proto__ as an ordinary key', () => {
    const file = parseSafetensors(rawFile('{"__metadata__":{"__proto__":"x","k":"v"}}'));
    expect(Object.keys(file.metadata)).toEqual(['__proto__', 'k']);
    expect(file.metadata['__proto__']).toBe('x');
  });
});

describe('parseSafetensors refuses malformed files with a SafetensorsError that says what and where', () => {
  it('files shorter than the length field', () => {
    expectError(new Uint8Array(0), '0 bytes', '8-byte header-length');
    expectError(new Uint8Array(7), '7 bytes');
  });

  it('a header length beyond the file, or beyond the reference 100 MB limit', () => {
    expectError(rawFile('{}', 0, 100n), 'says 100 bytes', 'only 2 bytes follow', 'truncated');
    expectError(rawFile('{}', 0, 2n ** 64n - 1n), '18446744073709551615', 'limit');
  });

  it('a header that is not UTF-8, not JSON, or not an object', () => {
    expectError(rawFile(new Uint8Array([0x7b, 0xff, 0x7d])), 'not valid UTF-8');
    expectError(rawFile('{"a":'), 'not valid JSON', '{\\"a\\":');
    expectError(rawFile('[]'), 'must be a JSON object', 'array');
    expectError(rawFile('null'), 'must be a JSON object', 'null');
    expectError(rawFile('42'), 'must be a JSON object', 'number 42');
    expectError(rawFile(''), 'not valid JSON');
  });

  it('an entry that is not an object, or lacks a field', () => {
    expectError(jsonFile({ w: 5 }), 'entry "w"', 'must be an object');
    expectError(jsonFile({ w: { shape: [1], data_offsets: [0, 4] } }, 4), 'entry "w"', 'no "dtype"');
    expectError(jsonFile({ w: { dtype: 'F32', data_offsets: [0, 4] } }, 4), 'entry "w"', 'no "shape"');
    expectError(jsonFile({ w: { dtype: 'F32', shape: [1] } }, 4), 'entry "w"', 'no "data_offsets"');
  });

  it('ill-typed fields and unknown dtypes', () => {
    expectError(jsonFile({ w: { dtype: 5, shape: [1], data_offsets: [0, 4] } }, 4), 'entry "w"', 'unknown dtype 5', 'expected one of F64, F32');
    expectError(jsonFile({ w: { dtype: 'f32', shape: [1], data_offsets: [0, 4] } }, 4), 'unknown dtype "f32"');
    expectError(jsonFile({ w: { dtype: 'F128', shape: [1], data_offsets: [0, 4] } }, 4), 'unknown dtype "F128"');
    expectError(jsonFile({ w: { dtype: 'F32', shape: '1', data_offsets: [0, 4] } }, 4), 'entry "w"', 'shape "1"', 'non-negative integers');
    expectError(jsonFile({ w: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, 4), 'shape [-1]');
    expectError(jsonFile({ w: { dtype: 'F32', shape: [1.5], data_offsets: [0, 4] } }, 4), 'shape [1.5]');
    expectError(jsonFile({ w: { dtype: 'F32', shape: [1], data_offsets: [0] } }, 4), 'data_offsets [0]', '[begin, end]');
    expectError(jsonFile({ w: { dtype: 'F32', shape: [1], data_offsets: [0, '4'] } }, 4), 'data_offsets [0,"4"]');
    expectError(jsonFile({ w: { dtype: 'F32', shape: [1], data_offsets: [-4, 0] } }, 4), 'data_offsets [-4,0]');
    expectError(rawFile('{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,1e400]}}', 4), 'data_offsets [0,null]');
  });

  it('offsets with end before begin, or not matching shape × itemsize', () => {
    expectError(jsonFile({ w: { dtype: 'F32', shape: [0], data_offsets: [8, 0] } }, 8), 'entry "w"', '[8, 0]', 'end before begin');
    expectError(jsonFile({ w: { dtype: 'F32', shape: [2], data_offsets: [0, 4] } }, 4), 'entry "w"', '[0, 4] (4 bytes)', 'shape [2] of F32 needs 8 bytes');
    expectError(jsonFile({ w: { dtype: 'BF16', shape: [2, 3], data_offsets: [0, 6] } }, 6), 'needs 12 bytes');
    expectError(jsonFile({ w: { dtype: 'F32', shape: [2 ** 26, 2 ** 26, 2 ** 26], data_offsets: [0, 8] } }, 8), 'entry "w"', 'overflows');
  });

  it('offsets beyond the payload (a truncated file)', () => {
    const full = jsonFile({ a: f32Entry(2, 0), b: f32Entry(2, 8) }, 16);
    expectError(full.subarray(0, full.byteLength - 1), 'entry "b"', '[8, 16]', 'only 15 bytes', 'truncated');
  });

  it('overlapping entries', () => {
    expectError(jsonFile({ a: f32Entry(2, 0), b: f32Entry(2, 4) }, 12), 'entry "b" at [4, 12] overlaps entry "a" at [0, 8]');
    expectError(jsonFile({ a: f32Entry(2, 0), b: f32Entry(2, 0) }, 8), 'overlaps');
    // A 0-size entry inside another one overlaps too (the reference implementation refuses it).
    expectError(jsonFile({ a: f32Entry(2, 0), z: f32Entry(0, 4) }, 8), 'entry "z" at [4, 4] overlaps entry "a" at [0, 8]');
  });

  it('holes: unused bytes at the start, between entries or at the end', () => {
    expectError(jsonFile({ a: f32Entry(2, 4) }, 12), 'unused bytes [0, 4) at the start of the payload before entry "a"');
    expectError(jsonFile({ a: f32Entry(1, 0), b: f32Entry(1, 8) }, 12), 'unused bytes [4, 8) after entry "a"', 'before entry "b"');
    expectError(jsonFile({ a: f32Entry(1, 0) }, 8), 'payload is 8 bytes', '[4, 8) are unused after the last entry "a"');
    expectError(jsonFile({}, 3), '[0, 3) are unused', 'no entries');
  });

  it('metadata that is not an object of strings', () => {
    expectError(jsonFile({ __metadata__: ['a'] }), '"__metadata__" must be an object', 'array');
    expectError(jsonFile({ __metadata__: 'pt' }), '"__metadata__" must be an object', 'string "pt"');
    expectError(jsonFile({ __metadata__: { format: 1 } }), 'key "format" must be a string', 'number 1');
    expectError(jsonFile({ __metadata__: { format: null } }), 'key "format"', 'null');
  });

  it('input that is not a Uint8Array', () => {
    expectError(new ArrayBuffer(16) as unknown as Uint8Array, 'expected the file as a Uint8Array', 'ArrayBuffer');
  });
});
