import {
  add,
  createCpuDevice,
  crossEntropy,
  permute,
  runOp,
  sum,
  crossEntropyBackward,
  div,
  fromArray,
  gelu,
  layerNorm,
  maximum,
  mul,
  scope,
  softmax,
  softmaxBackward,
  sub,
  unaryBackward,
  where,
  type Device,
  type Tensor,
} from '@lightattn/tensor-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createWasmDevice, type WasmDevice } from './wasm-device.js';

const one = await createWasmDevice({ threads: 1 });
const two = await createWasmDevice({ threads: 2 });
const ref = createCpuDevice({ precision: 'f64' });
afterAll(() => {
  one.destroy();
  two.destroy();
});

/** Runs `fn` with the device's JavaScript fallback disabled, so a case that leaves WebAssembly fails. */
async function wasmOnly<T>(d: WasmDevice, fn: (d: Device) => Promise<T>): Promise<T> {
  const own = d as unknown as { runJs?: () => never };
  own.runJs = () => {
    throw new Error('ran the JavaScript kernel');
  };
  try {
    return await fn(d);
  } finally {
    delete own.runJs;
  }
}

const values = (n: number, scale = 4) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.7 + 0.3) * scale);
type Build = (d: Device, x: Float32Array, shape: number[], row: Float32Array) => Tensor;
const input = (d: Device, x: Float32Array, shape: number[]) => fromArray(x, { shape, device: d });
const mask = (d: Device, x: Float32Array, shape: number[]) =>
  fromArray(
    Uint8Array.from(x, (v) => (v > 0.5 ? 1 : 0)),
    { shape, dtype: 'bool', device: d },
  );
const single = (d: Device, v: number) => fromArray(Float32Array.of(v), { shape: [], device: d });

const OPS: [string, Build, number][] = [
  ['softmax', (d, x, s) => softmax(input(d, x, s), -1), 1e-6],
  ['layerNorm', (d, x, s, w) => layerNorm(input(d, x, s), input(d, w, [s.at(-1)!]), input(d, w, [s.at(-1)!]), 1e-5).y, 2e-6],
  [
    'softmax backward',
    (d, x, s) =>
      softmaxBackward(
        softmax(input(d, x, s), -1),
        input(
          d,
          x.map((v) => v / 3),
          s,
        ),
        -1,
      ),
    1e-6,
  ],
  ['where with a row mask and a single value', (d, x, s, w) => where(mask(d, w, [s.at(-1)!]), input(d, x, s), single(d, -Infinity)), 0],
  ['where with a full mask and a single value first', (d, x, s) => where(mask(d, x, s), single(d, 0), input(d, x, s)), 0],
  ['sum over the leading axis (a bias gradient)', (d, x, s) => sum(input(d, x, s), { axes: [0] }), 1e-5],
  ['sum over the trailing axis, dims kept', (d, x, s) => sum(input(d, x, s), { axes: [1], keepDims: true }), 1e-5],
  ['gelu', (d, x, s) => gelu(input(d, x, s)), 1e-6],
  [
    'gelu backward',
    (d, x, s) =>
      unaryBackward(
        input(d, x, s),
        input(
          d,
          x.map((v) => 1 - v / 8),
          s,
        ),
        'gelu',
      ),
    4e-6,
  ],
  ['add a bias row', (d, x, s, w) => add(input(d, x, s), input(d, w, [s.at(-1)!])), 0],
  ['sub from a row (swapped)', (d, x, s, w) => sub(input(d, w, [s.at(-1)!]), input(d, x, s)), 0],
  [
    'div same shape',
    (d, x, s) =>
      div(
        input(d, x, s),
        input(
          d,
          x.map((v) => v + 5),
          s,
        ),
      ),
    0,
  ],
  ['mul by a scalar tensor', (d, x, s) => mul(input(d, x, s), input(d, Float32Array.of(0.3), [1])), 0],
  [
    'maximum',
    (d, x, s) =>
      maximum(
        input(d, x, s),
        input(
          d,
          x.map((v) => -v),
          s,
        ),
      ),
    0,
  ],
];

// Row lengths around the f32x4 width and row counts that split across threads.
const SHAPES: number[][] = [
  [1, 1],
  [2, 3],
  [3, 4],
  [5, 5],
  [7, 9],
  [33, 1027],
  [70, 515],
];

describe('softmax, layer norm, gelu and binary ops as WebAssembly', () => {
  it('match the float64 CPU device at every row length and split, on 1 and 2 threads', { timeout: 120_000 }, async () => {
    for (const [name, build, tol] of OPS) {
      for (const shape of SHAPES) {
        const n = shape[0]! * shape[1]!;
        const x = values(n);
        const w = values(shape[1]!, 1);
        const want = await scope(() => build(ref, x, shape, w).toArray());
        for (const d of [one, two]) {
          const got = await wasmOnly(d, (dev) => scope(() => build(dev, x, shape, w).toArray()));
          expect(got.length).toBe(want.length);
          for (let i = 0; i < want.length; i++) {
            if (got[i] === want[i]) continue; // ±∞ included
            expect(Math.abs(got[i]! - want[i]!), `${name} ${shape} on ${d.threads} thread(s) [${i}]`).toBeLessThanOrEqual(tol * (1 + Math.abs(want[i]!)));
          }
        }
      }
    }
  });

  it('give the same bits on 1 and 2 threads', { timeout: 60_000 }, async () => {
    const shape = [257, 771];
    const x = values(shape[0]! * shape[1]!);
    const w = values(shape[1]!, 1);
    for (const [name, build] of OPS) {
      const a = await scope(() => build(one, x, shape, w).toArray());
      const b = await scope(() => build(two, x, shape, w).toArray());
      expect(b, name).toEqual(a);
    }
  });

  it('crossEntropy matches the float64 device: loss and lse, ignored rows, rows with ±∞ and NaN', async () => {
    for (const [N, V] of [
      [1, 1],
      [3, 5],
      [9, 85],
      [300, 257],
    ] as const) {
      const logits = values(N * V);
      if (N >= 3) {
        logits[V] = Infinity; // row 1: lse +∞
        logits[2 * V] = NaN; // row 2: NaN
        logits[2 * V + 1] = Infinity;
      }
      const targets = Int32Array.from({ length: N }, (_, r) => (r % 4 === 3 ? -100 : (r * 5) % V));
      const run = (d: Device) => {
        const { loss, lse } = crossEntropy(fromArray(logits, { shape: [N, V], device: d }), fromArray(targets, { shape: [N], dtype: 'i32', device: d }));
        return Promise.all([loss.toArray(), lse.toArray()]);
      };
      const want = await run(ref);
      for (const d of [one, two]) {
        const got = await wasmOnly(d, run);
        for (const k of [0, 1]) {
          for (let i = 0; i < N; i++) {
            const [a, b] = [got[k]![i]!, want[k]![i]!];
            if (Number.isNaN(b)) expect(a, `[${N}, ${V}] output ${k} row ${i}`).toBeNaN();
            else if (a !== b) expect(Math.abs(a - b), `[${N}, ${V}] output ${k} row ${i}`).toBeLessThan(1e-5 * (1 + Math.abs(b)));
          }
        }
      }
    }
  });

  it('crossEntropyBackward matches the float64 device, ignored rows zero, on 1 and 2 threads', async () => {
    for (const [N, V] of [
      [1, 1],
      [3, 5],
      [9, 85],
      [300, 257],
    ] as const) {
      const logits = values(N * V);
      const targets = Int32Array.from({ length: N }, (_, r) => (r % 4 === 3 ? -100 : (r * 7) % V));
      const g = values(N, 1);
      const lse = await crossEntropy(
        fromArray(logits, { shape: [N, V], device: ref }),
        fromArray(targets, { shape: [N], dtype: 'i32', device: ref }),
      ).lse.toArray();
      const run = (d: Device) =>
        crossEntropyBackward(
          fromArray(logits, { shape: [N, V], device: d }),
          fromArray(targets, { shape: [N], dtype: 'i32', device: d }),
          fromArray(Float32Array.from(lse), { shape: [N], device: d }),
          fromArray(g, { shape: [N], device: d }),
        ).toArray();
      const want = await run(ref);
      for (const d of [one, two]) {
        const got = await wasmOnly(d, run);
        for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!), `[${N}, ${V}] on ${d.threads} thread(s) [${i}]`).toBeLessThan(1e-6);
      }
    }
    // An out-of-range target still gets the reference's IndexError (the JavaScript kernel reports it).
    expect(() =>
      crossEntropyBackward(
        fromArray(values(4), { shape: [2, 2], device: two }),
        fromArray(Int32Array.of(0, 5), { shape: [2], dtype: 'i32', device: two }),
        fromArray(values(2), { shape: [2], device: two }),
        fromArray(values(2), { shape: [2], device: two }),
      ),
    ).toThrow(/target 5 in row 1 is out of range for 2 classes/);
  });

  it('permute copies as WebAssembly in every order, dims merged or not, f32 and i32', async () => {
    const shapes: [number[], number[]][] = [
      [
        [2, 3, 4, 5],
        [0, 2, 1, 3],
      ],
      [
        [2, 3, 4, 5],
        [3, 2, 1, 0],
      ],
      [
        [8, 17, 3, 16],
        [0, 2, 1, 3],
      ],
      [
        [5, 7],
        [1, 0],
      ],
      [
        [1, 6, 1, 9],
        [3, 1, 0, 2],
      ],
      [
        [3, 300, 7],
        [1, 0, 2],
      ],
      [
        [2, 3, 4, 5, 6],
        [0, 1, 3, 2, 4],
      ],
    ];
    for (const [shape, perm] of shapes) {
      const n = shape.reduce((a, b) => a * b, 1);
      const want = await permute(fromArray(values(n), { shape, device: ref }), perm).toArray();
      const wantInt = await permute(
        fromArray(
          Int32Array.from({ length: n }, (_, i) => i * 3 - 7),
          { shape, dtype: 'i32', device: ref },
        ),
        perm,
      ).toArray();
      for (const d of [one, two]) {
        // Five dims that merge to at most four still run as WebAssembly.
        expect(await wasmOnly(d, (dev) => permute(fromArray(values(n), { shape, device: dev }), perm).toArray()), `${shape} ${perm}`).toEqual(
          Float32Array.from(want),
        );
        expect(
          await wasmOnly(d, (dev) =>
            permute(
              fromArray(
                Int32Array.from({ length: n }, (_, i) => i * 3 - 7),
                { shape, dtype: 'i32', device: dev },
              ),
              perm,
            ).toArray(),
          ),
        ).toEqual(wantInt);
      }
    }
  });

  it(
    'the flash-attention forward and backward without dropout run as WebAssembly: masks, causal windows, odd sizes, 1 and 2 threads alike',
    { timeout: 60_000 },
    async () => {
      const cases = [
        { B: 2, H: 3, Tq: 37, Tk: 37, D: 16, Dv: 16, causal: true, rowOffset: 0, rows: 37, mask: [2, 1, 1, 37] },
        { B: 1, H: 2, Tq: 5, Tk: 11, D: 5, Dv: 3, causal: false, rowOffset: 0, rows: 5, mask: [1, 1, 5, 11] },
        { B: 1, H: 1, Tq: 4, Tk: 9, D: 8, Dv: 8, causal: true, rowOffset: 3, rows: 9, mask: [1, 1, 1, 1] },
      ];
      for (const c of cases) {
        const nm = c.mask.reduce((a, b) => a * b, 1);
        // Every seventh key masked, and (for the per-row mask) row 2 entirely.
        const maskData = Uint8Array.from({ length: nm }, (_, i) => (i % 7 === 3 || (c.mask[2] !== 1 && Math.floor(i / c.Tk) === 2) ? 0 : 1));
        const run = (d: Device) => {
          const [o, lse] = runOp(
            'flashAttention',
            [
              fromArray(values(c.B * c.H * c.Tq * c.D), { shape: [c.B, c.H, c.Tq, c.D], device: d }),
              fromArray(values(c.B * c.H * c.Tk * c.D, 2), { shape: [c.B, c.H, c.Tk, c.D], device: d }),
              fromArray(values(c.B * c.H * c.Tk * c.Dv, 3), { shape: [c.B, c.H, c.Tk, c.Dv], device: d }),
              fromArray(maskData, { shape: c.mask, dtype: 'bool', device: d }),
            ],
            { causal: c.causal, scale: 0.3, p: 0, seed: 0, offset: 0, rowOffset: c.rowOffset, rows: c.rows },
          );
          return Promise.all([o!.toArray(), lse!.toArray()]);
        };
        const [wo, wl] = await run(ref);
        const got: (readonly [ArrayLike<number>, ArrayLike<number>])[] = [];
        for (const d of [one, two]) {
          const [o, l] = await wasmOnly(d, run);
          got.push([o, l]);
          for (let i = 0; i < wo.length; i++) expect(Math.abs(o[i]! - wo[i]!), `o [${i}] ${JSON.stringify(c)}`).toBeLessThan(1e-5);
          for (let i = 0; i < wl.length; i++) {
            if (wl[i] === -Infinity) expect(l[i]).toBe(-Infinity);
            else expect(Math.abs(l[i]! - wl[i]!), `lse [${i}]`).toBeLessThan(1e-5 * (1 + Math.abs(wl[i]!)));
          }
        }
        expect(got[1]).toEqual(got[0]);

        // The backward from the reference's o and lse: dq, dk, dv.
        const back = (d: Device) => {
          const t = (data: ArrayLike<number>, shape: number[]) => fromArray(Float32Array.from(data), { shape, device: d });
          const outs = runOp(
            'flashAttentionBackward',
            [
              t(values(c.B * c.H * c.Tq * c.D), [c.B, c.H, c.Tq, c.D]),
              t(values(c.B * c.H * c.Tk * c.D, 2), [c.B, c.H, c.Tk, c.D]),
              t(values(c.B * c.H * c.Tk * c.Dv, 3), [c.B, c.H, c.Tk, c.Dv]),
              fromArray(maskData, { shape: c.mask, dtype: 'bool', device: d }),
              t(wo, [c.B, c.H, c.Tq, c.Dv]),
              t(wl, [c.B, c.H, c.Tq]),
              t(values(c.B * c.H * c.Tq * c.Dv, 4), [c.B, c.H, c.Tq, c.Dv]),
            ],
            { causal: c.causal, scale: 0.3, p: 0, seed: 0, offset: 0, rowOffset: c.rowOffset, rows: c.rows },
          );
          return Promise.all(outs.map((x) => x.toArray()));
        };
        const want = await back(ref);
        const grads: ArrayLike<number>[][] = [];
        for (const d of [one, two]) {
          const gs = await wasmOnly(d, back);
          grads.push(gs);
          gs.forEach((gr, n) => {
            for (let i = 0; i < gr.length; i++)
              expect(Math.abs(gr[i]! - want[n]![i]!), `grad ${n} [${i}] ${JSON.stringify(c)}`).toBeLessThan(3e-5 * (1 + Math.abs(want[n]![i]!)));
          });
        }
        expect(grads[1]).toEqual(grads[0]);
      }
    },
  );

  it('keep the reference’s special values: softmax rows with ±∞ and NaN, gelu at ±∞', async () => {
    const rows = Float32Array.from([0, -Infinity, 1, 2, 3, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity, 1, Infinity, 0, 0, 0, 1, NaN, 2, 0, 0]);
    const got = await wasmOnly(two, (d) => softmax(fromArray(rows, { shape: [4, 5], device: d }), -1).toArray());
    const want = await softmax(fromArray(rows, { shape: [4, 5], device: ref }), -1).toArray();
    for (let i = 0; i < 20; i++) {
      if (Number.isNaN(want[i]!)) expect(got[i], `[${i}]`).toBeNaN();
      else expect(Math.abs(got[i]! - want[i]!), `[${i}]`).toBeLessThan(1e-6);
    }
    const g = await wasmOnly(two, (d) => gelu(fromArray(Float32Array.from([-Infinity, Infinity, NaN, -30, 30]), { shape: [5], device: d })).toArray());
    // The reference gives −0 at −∞; the kernel clamps x at −20, where gelu is −1e-37.
    expect(Math.abs(g[0]!)).toBeLessThan(1e-30);
    expect(g[1]).toBe(Infinity);
    expect(g[2]).toBeNaN();
    expect(Math.abs(g[3]!)).toBeLessThan(1e-30);
    expect(g[4]).toBe(30);
  });
});
