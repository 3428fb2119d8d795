import { describe, expect, it } from 'vitest';
import { CpuDevice } from '../cpu/cpu-device.js';
import { fromArray } from '../creation.js';
import { f16BitsToNumber, numberToBf16Bits, numberToF16Bits, bf16BitsToNumber } from '../dtype.js';
import { DeviceError, DisposedError, SafetensorsError } from '../errors.js';
import { MetaDevice } from '../meta/meta-device.js';
import { withMemoryTag } from '../storage.js';
import { parseSafetensors } from './parse.js';
import { serializeSafetensors } from './serialize.js';
import { loadSafetensors, saveSafetensors } from './tensor-io.js';

/** Deterministic values in [-range, range) from a linear congruential sequence. */
function values(n: number, range: number, seed = 1): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 * range - range;
  });
}

describe('saveSafetensors → loadSafetensors', () => {
  it('round-trips f32, i32, u32 and bool tensors, 0-d and 0-size included, with metadata', async () => {
    const device = new CpuDevice();
    const tensors = {
      'h.0.w': fromArray(new Float32Array([1.5, -2, NaN, Infinity, -0, 3.4e38]), { shape: [2, 3], device }),
      scalar: fromArray(0.25, { device }),
      empty: fromArray([], { shape: [0, 4], device }),
      ids: fromArray(new Int32Array([-2147483648, 0, 2147483647]), { device }),
      counts: fromArray(new Uint32Array([0, 4294967295]), { device }),
      mask: fromArray(
        [
          [true, false],
          [false, true],
        ],
        { device },
      ),
    };
    const bytes = await saveSafetensors(tensors, { metadata: { format: 'pt' } });
    expect([...parseSafetensors(bytes).entries.values()].map((e) => [e.name, e.dtype])).toEqual([
      ['counts', 'U32'],
      ['empty', 'F32'],
      ['h.0.w', 'F32'],
      ['ids', 'I32'],
      ['mask', 'BOOL'],
      ['scalar', 'F32'],
    ]);
    const loaded = loadSafetensors(bytes, { device });
    expect(loaded.metadata).toEqual({ format: 'pt' });
    for (const [name, t] of Object.entries(tensors)) {
      const u = loaded.tensors[name]!;
      expect(u.device).toBe(device);
      expect([u.dtype, u.shape]).toEqual([t.dtype, t.shape]);
      expect(await u.toArray()).toEqual(await t.toArray());
    }
  });

  it('f16 and bf16 files hold f32 tensors rounded to nearest even; other dtypes are unaffected', async () => {
    const device = new CpuDevice();
    const xs = [...values(65, 10), 65504, 65520, 1e-8, 2 ** -24, -0, Infinity, NaN, 1 + 2 ** -11, 1 + 3 * 2 ** -11];
    const t = fromArray(xs, { device });
    const ids = fromArray(new Int32Array([7]), { device });
    for (const [dtype, toBits, fromBits, fileDtype] of [
      ['f16', numberToF16Bits, f16BitsToNumber, 'F16'],
      ['bf16', numberToBf16Bits, bf16BitsToNumber, 'BF16'],
    ] as const) {
      const bytes = await saveSafetensors({ t, ids }, { dtype });
      const file = parseSafetensors(bytes);
      expect(file.entries.get('t')!.dtype).toBe(fileDtype);
      expect(file.entries.get('ids')!.dtype).toBe('I32');
      const back = Array.from(await loadSafetensors(bytes, { device }).tensors.t!.toArray());
      const f32 = xs.map(Math.fround);
      expect(back).toEqual(f32.map((x) => fromBits(toBits(x))));
      // Within half an ulp: 2^-11 relative for f16 normals, 2^-8 for bf16.
      const tolerance = dtype === 'f16' ? 2 ** -11 : 2 ** -8;
      values(65, 10).forEach((x, i) => expect(Math.abs(back[i]! - Math.fround(x))).toBeLessThanOrEqual(Math.abs(Math.fround(x)) * tolerance));
    }
    // 65520 is halfway between f16's max (65504) and the next step: it rounds up, to Infinity.
    const f16 = Array.from(await loadSafetensors(await saveSafetensors({ t }, { dtype: 'f16' }), { device }).tensors.t!.toArray());
    expect(f16.slice(65, 71)).toEqual([65504, Infinity, 0, 2 ** -24, -0, Infinity]);
    expect(f16[71]).toBeNaN();
    expect(f16.slice(72)).toEqual([1, 1 + 4 * 2 ** -11]);
  });

  it('loads every file dtype as its tensor dtype, tagged with the current memory tag', async () => {
    const device = new CpuDevice();
    const i64 = new BigInt64Array([-1n, 5n]);
    const f64 = new Float64Array([0.1, 2]);
    const bytes = serializeSafetensors({
      a: { dtype: 'F64', shape: [2], bytes: new Uint8Array(f64.buffer) },
      b: { dtype: 'I64', shape: [2], bytes: new Uint8Array(i64.buffer) },
      c: { dtype: 'U8', shape: [3], bytes: new Uint8Array([0, 128, 255]) },
      d: { dtype: 'F8_E4M3', shape: [1], bytes: new Uint8Array([0x7e]) },
    });
    const { tensors } = withMemoryTag('parameter', () => loadSafetensors(bytes, { device }));
    expect(Object.values(tensors).map((t) => t.dtype)).toEqual(['f32', 'i32', 'i32', 'f32']);
    expect(Array.from(await tensors.a!.toArray())).toEqual([Math.fround(0.1), 2]);
    expect(Array.from(await tensors.b!.toArray())).toEqual([-1, 5]);
    expect(Array.from(await tensors.c!.toArray())).toEqual([0, 128, 255]);
    expect(Array.from(await tensors.d!.toArray())).toEqual([448]);
    expect(device.memory.snapshot().byTag).toEqual([{ tag: 'parameter', bytes: 8 + 8 + 12 + 4, count: 4 }]);
  });

  it('dtypes overrides convert exactly or refuse, naming the tensor and the value', async () => {
    const device = new CpuDevice();
    const bytes = await saveSafetensors({
      mask: fromArray([1, 0, 1], { device }),
      half: fromArray([0.5], { device }),
      ids: fromArray(new Int32Array([-3, 4]), { device }),
    });
    const { tensors } = loadSafetensors(bytes, { device, dtypes: { mask: 'bool', ids: 'f32' } });
    expect(tensors.mask!.dtype).toBe('bool');
    expect(Array.from(await tensors.mask!.toArray())).toEqual([1, 0, 1]);
    expect(tensors.ids!.dtype).toBe('f32');
    expect(Array.from(await tensors.ids!.toArray())).toEqual([-3, 4]);
    expect(() => loadSafetensors(bytes, { device, dtypes: { half: 'i32' } })).toThrow(/"half" holds 0.5 at index 0, which is not an integer/);
    expect(() => loadSafetensors(bytes, { device, dtypes: { ids: 'u32' } })).toThrow(/"ids" holds -3 at index 0/);
    expect(() => loadSafetensors(bytes, { device, dtypes: { nope: 'f32' } })).toThrow(/names "nope", which is not a tensor of the file/);
    expect(() => loadSafetensors(bytes, { device, dtypes: { ids: 'f16' as 'f32' } })).toThrow(/unknown dtype for "ids"/);
  });

  it('a failing load frees the tensors it already made', () => {
    const device = new CpuDevice();
    const big = new BigInt64Array([2n ** 40n]);
    const bytes = serializeSafetensors({
      a: { dtype: 'F32', shape: [4], bytes: new Uint8Array(16) },
      b: { dtype: 'I64', shape: [1], bytes: new Uint8Array(big.buffer) },
    });
    expect(() => loadSafetensors(bytes, { device })).toThrow(SafetensorsError);
    expect(device.memory.allocated).toBe(0);
    expect(device.memory.liveTensors).toBe(0);
    expect(device.memory.peak).toBe(16);
  });

  it('loads onto the meta device (shapes and bytes only) and refuses to save from it', async () => {
    const meta = new MetaDevice();
    const bytes = serializeSafetensors({ w: { dtype: 'BF16', shape: [3, 5], bytes: new Uint8Array(30) } });
    const { tensors } = loadSafetensors(bytes, { device: meta });
    expect(tensors.w!.shape).toEqual([3, 5]);
    expect(meta.memory.allocated).toBe(60);
    await expect(saveSafetensors(tensors)).rejects.toThrow(DeviceError);
  });

  it('refuses disposed tensors, non-tensors and unknown dtype options', async () => {
    const device = new CpuDevice();
    const t = fromArray([1], { device });
    t.dispose();
    await expect(saveSafetensors({ t })).rejects.toThrow(DisposedError);
    await expect(saveSafetensors({ t: [1] as never })).rejects.toThrow(/"t" is not a Tensor/);
    await expect(saveSafetensors({}, { dtype: 'f64' as 'f32' })).rejects.toThrow(/dtype must be 'f32', 'f16' or 'bf16'/);
  });
});

describe('tensor names that are Object.prototype members', () => {
  const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

  it('load as tensors of those names, and save back with every entry', async () => {
    const device = new CpuDevice();
    const entries = new Map(NAMES.map((name, i) => [name, { dtype: 'F32' as const, shape: [1], bytes: new Uint8Array(new Float32Array([i + 1]).buffer) }]));
    const loaded = loadSafetensors(serializeSafetensors(entries), { device });
    expect(Object.keys(loaded.tensors).sort()).toEqual([...NAMES].sort());
    expect(Object.getPrototypeOf(loaded.tensors)).toBe(Object.prototype);
    for (const [i, name] of NAMES.entries()) expect(Array.from(await loaded.tensors[name]!.toArray()), name).toEqual([i + 1]);
    const saved = parseSafetensors(await saveSafetensors(loaded.tensors));
    expect([...saved.entries.keys()].sort()).toEqual([...NAMES].sort());
    const withOverride = loadSafetensors(serializeSafetensors(entries), { device, dtypes: JSON.parse('{"constructor": "i32"}') as Record<string, 'i32'> });
    const byName = new Map(Object.entries(withOverride.tensors));
    expect(byName.get('constructor')!.dtype).toBe('i32');
    expect(byName.get('__proto__')!.dtype).toBe('f32');
  });

  it('metadata keys of those names round-trip', () => {
    const metadata = JSON.parse('{"__proto__": "a", "constructor": "b"}') as Record<string, string>;
    const bytes = serializeSafetensors(new Map(), metadata);
    expect(parseSafetensors(bytes).metadata).toEqual(metadata);
  });
});
