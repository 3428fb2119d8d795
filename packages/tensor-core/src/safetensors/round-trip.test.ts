import { describe, expect, it } from 'vitest';
import { SafetensorsError } from '../errors.js';
import { decodeToTensorData, float8ToNumber, TENSOR_DTYPE_FOR } from './decode.js';
import { SAFETENSORS_DTYPES, SAFETENSORS_ITEMSIZE, type SafetensorsDType, type SafetensorsTensor } from './format.js';
import { parseSafetensors } from './parse.js';
import { serializeSafetensors } from './serialize.js';

/** Bytes of `n` elements cycling through `values` written with `set`, and the numbers they decode to. */
function sample(dtype: SafetensorsDType, n: number): { bytes: Uint8Array; expected: number[] } {
  const size = SAFETENSORS_ITEMSIZE[dtype];
  const bytes = new Uint8Array(n * size);
  const view = new DataView(bytes.buffer);
  const expected: number[] = [];
  const cycle = <T>(values: readonly T[], write: (at: number, v: T) => void, decoded: (v: T) => number) => {
    for (let i = 0; i < n; i++) {
      const v = values[i % values.length]!;
      write(i * size, v);
      expected.push(decoded(v));
    }
  };
  switch (dtype) {
    case 'F64':
      cycle([0.1, -1e300, 1e-50, NaN, 3.5, -0, 2 ** 24 + 1, Infinity], (at, v) => view.setFloat64(at, v, true), Math.fround);
      break;
    case 'F32':
      cycle([1.5, -2, NaN, -Infinity, 2 ** -149, 3.4028234663852886e38, 0.1], (at, v) => view.setFloat32(at, v, true), Math.fround);
      break;
    case 'F16': // bits → value: 1, −2, 65504 (max), 2^-24 (smallest subnormal), +Inf, NaN, 2^-14 (smallest normal)
      cycle(
        [
          [0x3c00, 1],
          [0xc000, -2],
          [0x7bff, 65504],
          [0x0001, 2 ** -24],
          [0x7c00, Infinity],
          [0x7e00, NaN],
          [0x0400, 2 ** -14],
        ] as const,
        (at, v) => view.setUint16(at, v[0], true),
        (v) => v[1],
      );
      break;
    case 'BF16':
      cycle(
        [
          [0x3f80, 1],
          [0xc000, -2],
          [0x7f80, Infinity],
          [0x7fc0, NaN],
          [0x0001, 2 ** -133],
          [0x4049, 3.140625],
        ] as const,
        (at, v) => view.setUint16(at, v[0], true),
        (v) => v[1],
      );
      break;
    case 'F8_E4M3':
      cycle(
        [
          [0x38, 1],
          [0x7e, 448],
          [0xfe, -448],
          [0x7f, NaN],
          [0x01, 2 ** -9],
          [0x08, 2 ** -6],
        ] as const,
        (at, v) => view.setUint8(at, v[0]),
        (v) => v[1],
      );
      break;
    case 'F8_E5M2':
      cycle(
        [
          [0x3c, 1],
          [0x7b, 57344],
          [0x7c, Infinity],
          [0xfc, -Infinity],
          [0x7d, NaN],
          [0x01, 2 ** -16],
        ] as const,
        (at, v) => view.setUint8(at, v[0]),
        (v) => v[1],
      );
      break;
    case 'F8_E8M0':
      cycle(
        [
          [127, 1],
          [0, 2 ** -127],
          [254, 2 ** 127],
          [0xff, NaN],
          [130, 8],
        ] as const,
        (at, v) => view.setUint8(at, v[0]),
        (v) => v[1],
      );
      break;
    case 'I64':
      cycle([0n, -1n, 2147483647n, -2147483648n, 42n], (at, v) => view.setBigInt64(at, v, true), Number);
      break;
    case 'U64':
      cycle([0n, 1n, 2147483647n, 7n], (at, v) => view.setBigUint64(at, v, true), Number);
      break;
    case 'I32':
      cycle(
        [0, -1, 2147483647, -2147483648, 12345],
        (at, v) => view.setInt32(at, v, true),
        (v) => v,
      );
      break;
    case 'I16':
      cycle(
        [0, -1, 32767, -32768, 300],
        (at, v) => view.setInt16(at, v, true),
        (v) => v,
      );
      break;
    case 'I8':
      cycle(
        [0, -1, 127, -128, 5],
        (at, v) => view.setInt8(at, v),
        (v) => v,
      );
      break;
    case 'U32':
      cycle(
        [0, 1, 4294967295, 2147483648, 77],
        (at, v) => view.setUint32(at, v, true),
        (v) => v,
      );
      break;
    case 'U16':
      cycle(
        [0, 1, 65535, 32768],
        (at, v) => view.setUint16(at, v, true),
        (v) => v,
      );
      break;
    case 'U8':
      cycle(
        [0, 1, 255, 128],
        (at, v) => view.setUint8(at, v),
        (v) => v,
      );
      break;
    case 'BOOL':
      cycle(
        [1, 0, 0, 1, 1],
        (at, v) => view.setUint8(at, v),
        (v) => v,
      );
      break;
  }
  return { bytes, expected };
}

const SHAPES: number[][] = [[], [0], [2, 0, 3], [1], [7], [2, 3], [65]];

describe('serialize → parse → decode, every dtype', () => {
  for (const dtype of SAFETENSORS_DTYPES) {
    it(`${dtype}: bytes, shapes (0-d, 0-size, odd) and decoded values survive`, () => {
      const tensors: Record<string, SafetensorsTensor> = {};
      const expected: Record<string, number[]> = {};
      SHAPES.forEach((shape, i) => {
        const s = sample(
          dtype,
          shape.reduce((a, d) => a * d, 1),
        );
        tensors[`t${i}`] = { dtype, shape, bytes: s.bytes };
        expected[`t${i}`] = s.expected;
      });
      const metadata = { format: 'pt', dtype, 'unicode ✓': 'ünï "quoted" \n' };
      const file = parseSafetensors(serializeSafetensors(tensors, metadata));
      expect(file.metadata).toEqual(metadata);
      expect(file.entries.size).toBe(SHAPES.length);
      for (const [name, t] of Object.entries(tensors)) {
        const e = file.entries.get(name)!;
        expect(e.dtype).toBe(dtype);
        expect(e.shape).toEqual(t.shape);
        expect(e.bytes).toEqual(t.bytes);
        const d = decodeToTensorData(e);
        expect(d.dtype).toBe(TENSOR_DTYPE_FOR[dtype]);
        expect(d.shape).toEqual(t.shape);
        expect(Array.from(d.data)).toEqual(expected[name]);
      }
    });
  }
});

describe('serializeSafetensors', () => {
  const a = { dtype: 'F32' as const, shape: [2], bytes: new Uint8Array([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]) };
  const b = { dtype: 'I8' as const, shape: [], bytes: new Uint8Array([0xfd]) };

  it('writes exactly the expected bytes: sorted names, metadata first, space padding to 8', () => {
    const out = serializeSafetensors({ b, a }, { format: 'pt' });
    const json = '{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"I8","shape":[],"data_offsets":[8,9]}}';
    const n = Math.ceil(json.length / 8) * 8;
    const header = new DataView(out.buffer).getBigUint64(0, true);
    expect(header).toBe(BigInt(n));
    expect(new TextDecoder().decode(out.subarray(8, 8 + n))).toBe(json.padEnd(n, ' '));
    expect(Array.from(out.subarray(8 + n))).toEqual([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0, 0xfd]);
  });

  it('is deterministic: Map or object, any insertion order, same bytes; header length a multiple of 8', () => {
    const names = ['z', 'a', 'é', 'A', '10', '9', 'layer.1.w', 'layer.10.w'];
    const t = (i: number) => ({ dtype: 'U8' as const, shape: [i], bytes: new Uint8Array(i).fill(i) });
    const forward = Object.fromEntries(names.map((k, i) => [k, t(i)]));
    const backward = new Map([...names].reverse().map((k) => [k, t(names.indexOf(k))]));
    const x = serializeSafetensors(forward, { b: '2', a: '1' });
    const y = serializeSafetensors(backward, { a: '1', b: '2' });
    expect(x).toEqual(y);
    expect(Number(new DataView(x.buffer).getBigUint64(0, true)) % 8).toBe(0);
    expect([...parseSafetensors(x).entries.keys()]).toEqual([...names].sort((p, q) => (p < q ? -1 : 1)));
  });

  it('writes no __metadata__ when none is given, and an empty file for no tensors', () => {
    const out = serializeSafetensors({});
    expect(out.byteLength).toBe(16);
    expect(new TextDecoder().decode(out.subarray(8))).toBe('{}      ');
    expect(parseSafetensors(out)).toEqual({ metadata: {}, entries: new Map() });
  });

  it('copies unaligned input bytes correctly', () => {
    const backing = new Uint8Array(13);
    backing.set(a.bytes, 5);
    const out = parseSafetensors(serializeSafetensors({ a: { ...a, bytes: backing.subarray(5) } }));
    expect(Array.from(decodeToTensorData(out.entries.get('a')!).data)).toEqual([1, -2]);
  });

  it('refuses bad input with a SafetensorsError', () => {
    expect(() => serializeSafetensors({ __metadata__: a })).toThrow(/reserved for metadata/);
    expect(() => serializeSafetensors({ a: { ...a, shape: [3] } })).toThrow(/tensor "a" has 8 bytes but shape \[3\] of F32 needs 12/);
    expect(() => serializeSafetensors({ a: { ...a, dtype: 'F128' as SafetensorsDType } })).toThrow(/unknown dtype "F128"/);
    expect(() => serializeSafetensors({ a: { ...a, shape: [-2] } })).toThrow(/shape \[-2\]/);
    expect(() => serializeSafetensors({ a }, { k: 3 as unknown as string })).toThrow(/key "k" must be a string/);
    expect(() => serializeSafetensors({ a }, { k: 3 as unknown as string })).toThrow(SafetensorsError);
  });
});

describe('decodeToTensorData', () => {
  const entry = (name: string, dtype: SafetensorsDType, values: bigint[]) => {
    const bytes = new Uint8Array(values.length * 8);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => (dtype === 'I64' ? view.setBigInt64(i * 8, v, true) : view.setBigUint64(i * 8, v, true)));
    return { name, dtype, shape: [values.length], bytes };
  };

  it('refuses 64-bit integers outside i32, naming the entry, the value and its index', () => {
    expect(() => decodeToTensorData(entry('ids', 'I64', [1n, 2147483648n]))).toThrow(
      /entry "ids" \(I64\) holds 2147483648 at index 1, which does not fit in i32/,
    );
    expect(() => decodeToTensorData(entry('ids', 'I64', [-2147483649n]))).toThrow(/holds -2147483649 at index 0/);
    expect(() => decodeToTensorData(entry('ids', 'I64', [-(2n ** 63n)]))).toThrow(/holds -9223372036854775808/);
    expect(() => decodeToTensorData(entry('u', 'U64', [2n ** 31n]))).toThrow(/entry "u" \(U64\) holds 2147483648/);
    expect(() => decodeToTensorData(entry('u', 'U64', [2n ** 64n - 1n]))).toThrow(/holds 18446744073709551615/);
    expect(() => decodeToTensorData(entry('u', 'U64', [2n ** 32n]))).toThrow(SafetensorsError);
  });

  it('refuses BOOL bytes other than 0 and 1', () => {
    expect(() => decodeToTensorData({ name: 'mask', dtype: 'BOOL', shape: [3], bytes: new Uint8Array([1, 0, 2]) })).toThrow(
      /entry "mask" \(BOOL\) has byte 2 at index 2/,
    );
  });

  it('refuses a byte length that does not match the shape', () => {
    expect(() => decodeToTensorData({ dtype: 'F32', shape: [2], bytes: new Uint8Array(4) })).toThrow(/4 bytes but shape \[2\] of F32 needs 8/);
  });

  it('shares memory when no conversion is needed and the bytes are aligned', () => {
    const bytes = new Uint8Array(new Float32Array([1, 2]).buffer);
    expect(decodeToTensorData({ dtype: 'F32', shape: [2], bytes }).data.buffer).toBe(bytes.buffer);
  });

  it('F8_E5M2 is the top byte of an f16, for all 256 patterns', async () => {
    const { f16BitsToNumber } = await import('../dtype.js');
    for (let b = 0; b < 256; b++) expect(float8ToNumber('F8_E5M2', b)).toBe(f16BitsToNumber(b << 8));
  });

  it('F8_E4M3 (e4m3fn): symmetric, increasing over 0x00…0x7e, one NaN per sign, no infinities', () => {
    let last = -1;
    for (let b = 0; b < 0x7f; b++) {
      const v = float8ToNumber('F8_E4M3', b);
      expect(v).toBeGreaterThan(last);
      expect(float8ToNumber('F8_E4M3', b | 0x80)).toBe(-v);
      last = v;
    }
    expect(last).toBe(448);
    expect(float8ToNumber('F8_E4M3', 0x7f)).toBeNaN();
    expect(float8ToNumber('F8_E4M3', 0xff)).toBeNaN();
    // Subnormals step by 2^-9; the smallest normal is 2^-6.
    expect(float8ToNumber('F8_E4M3', 0x07)).toBe(7 * 2 ** -9);
    expect(float8ToNumber('F8_E4M3', 0x08)).toBe(2 ** -6);
  });
});
