import { describe, expect, it } from 'vitest';
import {
  allocTyped,
  assertDType,
  bf16BitsToNumber,
  bf16ToF32,
  DTYPES,
  f16BitsToNumber,
  f16ToF32,
  f32ToBf16,
  f32ToF16,
  isDType,
  isFloat,
  itemsize,
  numberToBf16Bits,
  numberToF16Bits,
  viewTyped,
} from './dtype.js';
import { DTypeError } from './errors.js';

const ALL_16_BIT = Array.from({ length: 65536 }, (_, i) => i);
const isF16NaN = (h: number) => (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;
const isBf16NaN = (b: number) => (b & 0x7f80) === 0x7f80 && (b & 0x7f) !== 0;

/** The next f32 above / below a positive f32 `x`, by stepping its bit pattern. */
function f32Step(x: number, delta: 1 | -1): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer);
  u[0] = u[0]! + delta;
  return f[0]!;
}

describe('f16', () => {
  it('all 65536 bit patterns round-trip f16 → f32 → f16 (NaNs stay NaN)', () => {
    for (const h of ALL_16_BIT) {
      const x = f16BitsToNumber(h);
      if (Math.fround(x) !== x && !Number.isNaN(x)) expect.fail(`f16 0x${h.toString(16)} = ${x} is not exact in f32`);
      const back = numberToF16Bits(x);
      if (isF16NaN(h)) {
        expect(x).toBeNaN();
        expect(isF16NaN(back)).toBe(true);
      } else if (back !== h) {
        expect.fail(`f16 0x${h.toString(16)} = ${x} came back as 0x${back.toString(16)}`);
      }
    }
  });

  it('decodes to increasing values over 0x0000…0x7c00, symmetric in sign, with the known landmarks', () => {
    for (let h = 1; h <= 0x7c00; h++) if (!(f16BitsToNumber(h) > f16BitsToNumber(h - 1))) expect.fail(`not increasing at 0x${h.toString(16)}`);
    for (let h = 0; h < 0x8000; h++) if (!Object.is(f16BitsToNumber(h | 0x8000), -f16BitsToNumber(h))) expect.fail(`sign at 0x${h.toString(16)}`);
    expect(f16BitsToNumber(0x0001)).toBe(2 ** -24); // smallest subnormal
    expect(f16BitsToNumber(0x03ff)).toBe(1023 * 2 ** -24); // largest subnormal
    expect(f16BitsToNumber(0x0400)).toBe(2 ** -14); // smallest normal
    expect(f16BitsToNumber(0x3c00)).toBe(1);
    expect(f16BitsToNumber(0x3555)).toBe(0.333251953125);
    expect(f16BitsToNumber(0x7bff)).toBe(65504);
    expect(f16BitsToNumber(0x7c00)).toBe(Infinity);
    expect(f16BitsToNumber(0xfc00)).toBe(-Infinity);
    expect(Object.is(f16BitsToNumber(0x8000), -0)).toBe(true);
  });

  it('rounds to nearest, ties to even, at every halfway point between adjacent f16 values (subnormals included)', () => {
    for (let h = 0; h < 0x7c00; h++) {
      const lo = f16BitsToNumber(h);
      const hi = f16BitsToNumber(h + 1); // h + 1 = 0x7c00 is Infinity: the halfway point is 65520
      const mid = h + 1 === 0x7c00 ? 65520 : (lo + hi) / 2; // exact in f32: 12 significant bits
      const even = h % 2 === 0 ? h : h + 1;
      for (const sign of [0, 0x8000]) {
        const s = sign ? -1 : 1;
        const got = numberToF16Bits(s * mid);
        if (got !== (even | sign)) expect.fail(`halfway ${s * mid} between 0x${h.toString(16)} and next: got 0x${got.toString(16)}`);
        if (numberToF16Bits(s * f32Step(mid, -1)) !== (h | sign)) expect.fail(`just below ${s * mid} should give 0x${h.toString(16)}`);
        if (numberToF16Bits(s * f32Step(mid, 1)) !== ((h + 1) | sign)) expect.fail(`just above ${s * mid} should give 0x${(h + 1).toString(16)}`);
      }
    }
  });

  it('overflows to ±Inf, underflows to ±0 below half the smallest subnormal', () => {
    expect(numberToF16Bits(65519.99)).toBe(0x7bff);
    expect(numberToF16Bits(65520)).toBe(0x7c00);
    expect(numberToF16Bits(1e5)).toBe(0x7c00);
    expect(numberToF16Bits(-1e5)).toBe(0xfc00);
    expect(numberToF16Bits(3.4e38)).toBe(0x7c00);
    expect(numberToF16Bits(Infinity)).toBe(0x7c00);
    expect(numberToF16Bits(-Infinity)).toBe(0xfc00);
    expect(numberToF16Bits(2 ** -25)).toBe(0); // halfway to the smallest subnormal: ties to even (0)
    expect(numberToF16Bits(f32Step(2 ** -25, 1))).toBe(1);
    expect(numberToF16Bits(2 ** -26)).toBe(0);
    expect(numberToF16Bits(-(2 ** -30))).toBe(0x8000);
    expect(numberToF16Bits(1e-45)).toBe(0); // an f32 subnormal
    expect(numberToF16Bits(-0)).toBe(0x8000);
    expect(isF16NaN(numberToF16Bits(NaN))).toBe(true);
    expect(isF16NaN(numberToF16Bits(-NaN))).toBe(true);
  });

  it('array converters agree with the scalar ones', () => {
    const bits = Uint16Array.from(ALL_16_BIT);
    const f = f16ToF32(bits);
    ALL_16_BIT.forEach((h) => (isF16NaN(h) ? expect(f[h]).toBeNaN() : f[h] !== f16BitsToNumber(h) && expect.fail(`0x${h.toString(16)}`)));
    const xs = new Float32Array([0, -0, 1, 0.1, -65504, 70000, NaN, 2 ** -24, 1e-9]);
    expect(Array.from(f32ToF16(xs))).toEqual(Array.from(xs, numberToF16Bits));
    expect(f32ToF16([]).length).toBe(0);
  });
});

describe('bf16', () => {
  it('all 65536 bit patterns round-trip bf16 → f32 → bf16 (NaNs stay NaN)', () => {
    for (const b of ALL_16_BIT) {
      const x = bf16BitsToNumber(b);
      const back = numberToBf16Bits(x);
      if (isBf16NaN(b)) {
        expect(x).toBeNaN();
        expect(isBf16NaN(back)).toBe(true);
      } else if (back !== b) {
        expect.fail(`bf16 0x${b.toString(16)} = ${x} came back as 0x${back.toString(16)}`);
      }
    }
  });

  it('is the high half of an f32: landmarks and subnormals', () => {
    expect(bf16BitsToNumber(0x3f80)).toBe(1);
    expect(bf16BitsToNumber(0x4049)).toBe(3.140625);
    expect(bf16BitsToNumber(0x0001)).toBe(2 ** -133); // smallest subnormal
    expect(bf16BitsToNumber(0x0080)).toBe(2 ** -126); // smallest normal
    expect(bf16BitsToNumber(0x7f7f)).toBe((2 - 2 ** -7) * 2 ** 127); // largest finite
    expect(bf16BitsToNumber(0x7f80)).toBe(Infinity);
    expect(bf16BitsToNumber(0xff80)).toBe(-Infinity);
    expect(Object.is(bf16BitsToNumber(0x8000), -0)).toBe(true);
  });

  it('rounds to nearest, ties to even, at every halfway point (subnormals and the overflow to Inf included)', () => {
    for (let b = 0; b < 0x7f80; b++) {
      const lo = bf16BitsToNumber(b);
      const hi = b + 1 === 0x7f80 ? 2 ** 128 : bf16BitsToNumber(b + 1);
      const mid = (lo + hi) / 2; // exact in f32: 9 significant bits
      const even = b % 2 === 0 ? b : b + 1;
      for (const sign of [0, 0x8000]) {
        const s = sign ? -1 : 1;
        if (numberToBf16Bits(s * mid) !== (even | sign)) expect.fail(`halfway ${s * mid} above 0x${b.toString(16)}`);
        if (numberToBf16Bits(s * f32Step(mid, -1)) !== (b | sign)) expect.fail(`just below ${s * mid}`);
        if (numberToBf16Bits(s * f32Step(mid, 1)) !== ((b + 1) | sign)) expect.fail(`just above ${s * mid}`);
      }
    }
  });

  it('overflow, NaN and the array converters', () => {
    expect(numberToBf16Bits(Infinity)).toBe(0x7f80);
    expect(numberToBf16Bits(1e39)).toBe(0x7f80); // beyond f32: Inf
    expect(numberToBf16Bits(-1e39)).toBe(0xff80);
    expect(isBf16NaN(numberToBf16Bits(NaN))).toBe(true);
    // A NaN whose payload lies only in the low half must not round into an Inf pattern.
    const lowPayloadNaN = new Float32Array(new Uint32Array([0x7f800001]).buffer)[0]!;
    expect(isBf16NaN(numberToBf16Bits(lowPayloadNaN))).toBe(true);
    const xs = new Float32Array([0, -0, 1, 0.1, -3e38, NaN, 1e-40]);
    const bits = f32ToBf16(xs);
    expect(Array.from(bits)).toEqual(Array.from(xs, numberToBf16Bits));
    expect(Array.from(bf16ToF32(bits))).toEqual(Array.from(bits, bf16BitsToNumber));
  });
});

describe('dtype table', () => {
  it('item sizes, predicates and typed arrays', () => {
    expect(DTYPES).toEqual(['f32', 'i32', 'u32', 'bool']);
    expect(DTYPES.map(itemsize)).toEqual([4, 4, 4, 1]);
    expect(DTYPES.map(isFloat)).toEqual([true, false, false, false]);
    expect(['f32', 'f16', 'bf16', 'float32', 3, null].map(isDType)).toEqual([true, false, false, false, false, false]);
    expect(DTYPES.map((d) => allocTyped(d, 3).constructor.name)).toEqual(['Float32Array', 'Int32Array', 'Uint32Array', 'Uint8Array']);
    expect(allocTyped('i32', 0).length).toBe(0);
    const buffer = new ArrayBuffer(16);
    const v = viewTyped('u32', buffer, 4, 2);
    v[1] = 7;
    expect(new Uint32Array(buffer)[2]).toBe(7);
  });

  it('assertDType names what is wrong and lists the choices', () => {
    expect(() => assertDType('f16')).toThrow(DTypeError);
    expect(() => assertDType('f16', 'dtype of x')).toThrow('unknown dtype of x "f16": expected one of f32, i32, u32, bool');
    expect(() => allocTyped('f64' as 'f32', 1)).toThrow(DTypeError);
  });
});

describe('float64 inputs round once, on their true value', () => {
  it('breaks f16 and bf16 ties by what rounding to f32 dropped', () => {
    // 1 + 2^-11 is exactly halfway between two f16 values; the extra 2^-40 puts it above the tie.
    expect(numberToF16Bits(1 + 2 ** -11 + 2 ** -40)).toBe(0x3c01);
    expect(numberToF16Bits(1 + 2 ** -11 - 2 ** -40)).toBe(0x3c00);
    expect(numberToBf16Bits(1 + 2 ** -8 + 2 ** -40)).toBe(0x3f81);
    expect(numberToBf16Bits(1 + 2 ** -8 - 2 ** -40)).toBe(0x3f80);
  });
});
