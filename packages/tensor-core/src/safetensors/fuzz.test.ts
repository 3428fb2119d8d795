import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SafetensorsError } from '../errors.js';
import { decodeToTensorData } from './decode.js';
import { SAFETENSORS_DTYPES, SAFETENSORS_ITEMSIZE, type SafetensorsTensor } from './format.js';
import { parseSafetensors } from './parse.js';
import { serializeSafetensors } from './serialize.js';

/** A valid file: up to four tensors of any dtype and small shape, random payload bytes, maybe metadata. */
const validFile = fc
  .record({
    tensors: fc.array(
      fc.record({
        name: fc.string({ minLength: 1, maxLength: 6 }),
        dtype: fc.constantFrom(...SAFETENSORS_DTYPES),
        shape: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
        seed: fc.integer({ min: 0, max: 255 }),
      }),
      { maxLength: 4 },
    ),
    metadata: fc.option(fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }), { nil: undefined }),
  })
  .map(({ tensors, metadata }) => {
    const entries = new Map<string, SafetensorsTensor>();
    for (const t of tensors) {
      if (t.name === '__metadata__') continue;
      const n = t.shape.reduce((a, d) => a * d, 1) * SAFETENSORS_ITEMSIZE[t.dtype];
      const bytes = Uint8Array.from({ length: n }, (_, i) => (t.seed * 31 + i * 7) & 0xff);
      entries.set(t.name, { dtype: t.dtype, shape: t.shape, bytes });
    }
    return serializeSafetensors(entries, metadata);
  });

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'digit'; at: number; digit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'extend'; extra: number[] }
  | { kind: 'length'; delta: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  // Replacing a digit in the header tends to produce valid JSON with wrong shapes or offsets.
  fc.record({ kind: fc.constant('digit' as const), at: fc.nat(), digit: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('extend' as const), extra: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 9 }) }),
  fc.record({ kind: fc.constant('length' as const), delta: fc.integer({ min: -16, max: 16 }) }),
);

function mutate(file: Uint8Array, m: Mutation): Uint8Array {
  const out = file.slice();
  if (out.length === 0) return out;
  switch (m.kind) {
    case 'flip':
      out[m.at % out.length] = m.value;
      return out;
    case 'digit': {
      const digits = [...out.keys()].filter((i) => i >= 8 && out[i]! >= 0x30 && out[i]! <= 0x39);
      if (digits.length) out[digits[m.at % digits.length]!] = 0x30 + m.digit;
      return out;
    }
    case 'truncate':
      return out.subarray(0, m.at % out.length);
    case 'extend':
      return Uint8Array.from([...out, ...m.extra]);
    case 'length': {
      if (out.length < 8) return out;
      const view = new DataView(out.buffer);
      view.setBigUint64(0, BigInt(Math.max(0, Number(view.getBigUint64(0, true)) + m.delta)), true);
      return out;
    }
  }
}

/** Parses and decodes every entry; on success checks that what came out is consistent with the file. */
function parseAndCheck(bytes: Uint8Array): void {
  const file = parseSafetensors(bytes);
  const payloadStart = 8 + Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  let cursor = 0;
  for (const [name, e] of file.entries) {
    expect(e.name).toBe(name);
    expect(e.bytes.byteLength).toBe(e.shape.reduce((a, d) => a * d, 1) * SAFETENSORS_ITEMSIZE[e.dtype]);
    expect(e.dataOffsets[0]).toBe(cursor);
    expect(e.bytes.byteOffset - bytes.byteOffset).toBe(payloadStart + cursor);
    cursor = e.dataOffsets[1];
    try {
      const d = decodeToTensorData(e);
      expect(d.data.length).toBe(e.shape.reduce((a, x) => a * x, 1));
    } catch (err) {
      // Decoding may refuse values (64-bit integers beyond i32, BOOL bytes other than 0/1), never crash.
      expect(err).toBeInstanceOf(SafetensorsError);
    }
  }
  expect(payloadStart + cursor).toBe(bytes.byteLength);
  for (const v of Object.values(file.metadata)) expect(typeof v).toBe('string');
}

describe('parseSafetensors on mutated files', () => {
  it('valid files parse and are consistent', () => {
    fc.assert(
      fc.property(validFile, (file) => parseAndCheck(file)),
      { numRuns: 200 },
    );
  });

  it('a mutated file parses consistently or throws a SafetensorsError, never another error', () => {
    fc.assert(
      fc.property(validFile, fc.array(mutation, { minLength: 1, maxLength: 3 }), (file, mutations) => {
        const bytes = mutations.reduce(mutate, file);
        try {
          parseAndCheck(bytes);
        } catch (err) {
          if (!(err instanceof SafetensorsError)) throw err;
          expect(err.message).toMatch(/^safetensors: /);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
