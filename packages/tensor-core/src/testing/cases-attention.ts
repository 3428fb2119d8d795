/**
 * Cases for the fused attention ops: dropMatmul, flashAttention and their backwards. Sizes cross
 * the WGSL tiles on purpose (65 queries over 64-row tiles, 17 and 33 keys over the 4–64-key tiles),
 * head sizes span 16–256, and masks include rows with no allowed key (zeros, never NaN). Cases are
 * grouped so that each compiles few WebGPU pipelines (about half a second each on SwiftShader).
 */
import type { Device } from '../device.js';
import type { OpParams } from '../ops/op-params.js';
import { checkOp, defineCase, type CaseContext, type InputSpec, type OpTestCase } from './harness.js';
import { host, storeAs, type HostTensor } from './host-tensor.js';
import type { TestData } from './prng.js';
import { refDropMatmul, refDropMatmulBackward, refFlashAttention, refFlashAttentionBackward } from './reference-attention.js';

const asStored = (t: HostTensor): HostTensor =>
  host(
    t.shape,
    t.data.map((v) => storeAs(v, t.dtype)),
    t.dtype,
  );
const NO_DROPOUT = { p: 0, seed: 0, offset: 0 };

interface FlashConfig {
  label: string;
  /** q [B, H, Tq, D]; k [B, H, Tk, D]; v [B, H, Tk, Dv]. */
  B: number;
  H: number;
  Tq: number;
  Tk: number;
  D: number;
  Dv?: number;
  mask?: (data: TestData) => HostTensor;
  params?: Partial<OpParams<'flashAttention'>>;
  /** Input range (large values test the max-shift of the log-sum-exp). */
  range?: number;
  qOffset?: number;
}

const allTrue = host([1, 1, 1, 1], [1], 'bool');

/** A [B, 1, 1, Tk] padding mask from per-batch lists of padded keys. */
function paddingMask(B: number, Tk: number, padded: readonly (readonly number[])[]): HostTensor {
  const data: number[] = [];
  for (let b = 0; b < B; b++) for (let j = 0; j < Tk; j++) data.push(padded[b]!.includes(j) ? 0 : 1);
  return host([B, 1, 1, Tk], data, 'bool');
}

/** Head size 16 without a mask (one pipeline per direction on WebGPU): causal limits, tile edges, stability. */
const FLASH_CAUSAL: FlashConfig[] = [
  { label: 'self-attention, no mask', B: 1, H: 2, Tq: 5, Tk: 5, D: 16 },
  { label: 'causal, 65 queries over 64-row tiles', B: 1, H: 1, Tq: 65, Tk: 65, D: 16, params: { causal: true } },
  { label: 'large scores (max shift)', B: 1, H: 1, Tq: 9, Tk: 9, D: 16, range: 30 },
  { label: 'offset view of q', B: 1, H: 1, Tq: 4, Tk: 4, D: 16, qOffset: 5 },
];

/** Masks read per key: key padding broadcast over heads and queries, and a per-query mask with Dv ≠ D. */
const FLASH_MASKED: FlashConfig[] = [
  {
    label: 'causal + key padding, batch 0 row 0 has no allowed key',
    B: 2,
    H: 2,
    Tq: 6,
    Tk: 6,
    D: 16,
    mask: () => paddingMask(2, 6, [[0], [4, 5]]),
    params: { causal: true },
  },
  {
    label: 'cross-attention Tq 3, Tk 7, Dv 24, per-query mask with an empty row',
    B: 1,
    H: 2,
    Tq: 3,
    Tk: 7,
    D: 16,
    Dv: 24,
    mask: (data) => {
      const m = data.bools([1, 1, 3, 7], 0.7);
      return host(
        m.shape,
        m.data.map((v, i) => (i >= 7 && i < 14 ? 0 : v)),
        'bool',
      );
    },
  },
  {
    label: 'a one-element false mask: every row empty',
    B: 1,
    H: 1,
    Tq: 2,
    Tk: 3,
    D: 16,
    mask: () => host([1, 1, 1, 1], [0], 'bool'),
  },
];

/** Other head sizes (16–256, padded to buckets by the WGSL kernels), in groups of few pipelines. */
const FLASH_HEAD_32: FlashConfig[] = [{ label: 'head size 32, 17 keys, causal', B: 1, H: 2, Tq: 17, Tk: 17, D: 32, params: { causal: true } }];
const FLASH_HEAD_64: FlashConfig[] = [{ label: 'head size 64, 33 keys, decode-style Tq 2 causal', B: 1, H: 1, Tq: 2, Tk: 33, D: 64, params: { causal: true } }];

// Large heads get key tiles smaller than the 16-key score block: tile edges must hold there too.
const FLASH_HEAD_128: FlashConfig[] = [{ label: 'head size 128, 19 keys over 8-key tiles', B: 1, H: 1, Tq: 5, Tk: 19, D: 128, params: { causal: true } }];
const FLASH_HEAD_256: FlashConfig[] = [{ label: 'head size 256, 9 keys over 4-key tiles', B: 1, H: 1, Tq: 3, Tk: 9, D: 256 }];

const FLASH_DROPOUT: FlashConfig[] = [
  { label: 'dropout 0.3', B: 2, H: 2, Tq: 7, Tk: 7, D: 16, params: { p: 0.3, seed: 7, offset: 3 } },
  {
    label: 'dropout 0.2, rows 3…6 of 9 (a chunk), causal',
    B: 1,
    H: 2,
    Tq: 4,
    Tk: 9,
    D: 16,
    params: { p: 0.2, seed: 5, offset: 1, rowOffset: 3, rows: 9, causal: true },
  },
  { label: 'p = 1 drops everything', B: 1, H: 1, Tq: 3, Tk: 5, D: 16, params: { p: 1, seed: 2, offset: 0 } },
  // Mask indices (rowOffset + i)·Tk + j from 2^32 − 8 to 2^32 + 7: the 64-bit Philox counter.
  { label: 'mask indices across 2^32', B: 1, H: 1, Tq: 2, Tk: 8, D: 16, params: { p: 0.5, seed: 3, offset: 1, rowOffset: 2 ** 29 - 1, rows: 2 ** 29 + 1 } },
];

const FLASH_EDGES: FlashConfig[] = [
  { label: 'no queries', B: 1, H: 2, Tq: 0, Tk: 3, D: 16 },
  { label: 'no keys: every row empty', B: 1, H: 1, Tq: 3, Tk: 0, D: 16 },
  { label: 'one query, one key, causal', B: 3, H: 1, Tq: 1, Tk: 1, D: 16, params: { causal: true } },
];

function flashInputs(c: FlashConfig, data: TestData) {
  const Dv = c.Dv ?? c.D;
  const r = c.range ?? 1;
  const q = data.f32([c.B, c.H, c.Tq, c.D], -r, r);
  const k = data.f32([c.B, c.H, c.Tk, c.D], -r, r);
  const v = data.f32([c.B, c.H, c.Tk, Dv], -1, 1);
  const mask = c.mask ? c.mask(data) : allTrue;
  const params: OpParams<'flashAttention'> = { causal: false, scale: 1 / Math.sqrt(c.D), ...NO_DROPOUT, rowOffset: 0, rows: c.Tq, ...c.params };
  const qSpec: InputSpec = c.qOffset ? { ...q, offset: c.qOffset } : q;
  return { q, k, v, mask, params, qSpec, Dv };
}

async function checkFlashForward(device: Device, ctx: CaseContext, data: TestData, configs: readonly FlashConfig[]): Promise<void> {
  for (const c of configs) {
    const { q, k, v, mask, params, qSpec } = flashInputs(c, data);
    const ref = refFlashAttention(q, k, v, mask, params);
    const tolerance = ctx.tolerance('flashAttention', { k: c.Tk + c.D });
    await checkOp(device, { op: 'flashAttention', params, inputs: [qSpec, k, v, mask], expected: [ref.o, ref.lse], tolerance, label: c.label });
  }
}

async function checkFlashBackward(device: Device, ctx: CaseContext, data: TestData, configs: readonly FlashConfig[]): Promise<void> {
  for (const config of configs) {
    // lse is stored in f32, so for scores in the thousands P = exp(s − lse) is good only to ~1e-4
    // relative: the backward cases keep scores moderate (the forward tests the large ones).
    const c = { ...config, range: Math.min(config.range ?? 1, 4) };
    const { q, k, v, mask, params, qSpec, Dv } = flashInputs(c, data);
    const fwd = refFlashAttention(q, k, v, mask, params);
    const g = data.f32([c.B, c.H, c.Tq, Dv], -1, 1);
    const ref = refFlashAttentionBackward(q, k, v, mask, g, params);
    const tolerance = ctx.tolerance('flashAttentionBackward', { k: c.Tq + c.Tk + c.D });
    await checkOp(device, {
      op: 'flashAttentionBackward',
      params,
      inputs: [qSpec, k, v, mask, asStored(fwd.o), asStored(fwd.lse), g],
      expected: [ref.dq, ref.dk, ref.dv],
      tolerance,
      label: c.label,
    });
  }
}

interface DropMatmulConfig {
  label: string;
  s: number[];
  /** Columns of v (K). */
  K: number;
  params?: Partial<OpParams<'dropMatmul'>>;
  sOffset?: number;
}

const DROP_MATMUL: DropMatmulConfig[] = [
  { label: 'p = 0 is a plain matmul', s: [2, 3, 5, 7], K: 4 },
  { label: 'p 0.25, 65 columns', s: [1, 2, 9, 65], K: 3, params: { p: 0.25, seed: 11, offset: 2 } },
  { label: 'p 0.3, rows 2…4 of 6 (a chunk)', s: [1, 2, 3, 6], K: 16, params: { p: 0.3, seed: 3, offset: 9, rowOffset: 2, rows: 6 } },
  { label: '65×33 probabilities, p 0.1', s: [1, 1, 65, 33], K: 16, params: { p: 0.1, seed: 1, offset: 0 } },
  { label: 'p = 1 gives zeros', s: [1, 1, 4, 4], K: 4, params: { p: 1, seed: 1, offset: 0 } },
  {
    label: 'mask indices across 2^32 (64-bit Philox counter)',
    s: [1, 1, 2, 8],
    K: 4,
    params: { p: 0.5, seed: 3, offset: 1, rowOffset: 2 ** 29 - 1, rows: 2 ** 29 + 1 },
  },
  { label: 'rank 2, offset view', s: [5, 6], K: 3, params: { p: 0.2, seed: 4, offset: 4 }, sOffset: 3 },
  { label: 'no rows', s: [1, 1, 0, 4], K: 3 },
  { label: 'no columns', s: [1, 2, 3, 0], K: 5, params: { p: 0.5, seed: 1, offset: 1 } },
];

function dropMatmulInputs(c: DropMatmulConfig, data: TestData) {
  const r = c.s.length;
  const M = c.s[r - 2]!;
  const N = c.s[r - 1]!;
  // s is a probability-like matrix in [0, 1); v and g in [−1, 1).
  const s = data.f32(c.s, 0, 1);
  const v = data.f32([...c.s.slice(0, -2), N, c.K], -1, 1);
  const params: OpParams<'dropMatmul'> = { ...NO_DROPOUT, rowOffset: 0, rows: M, ...c.params };
  return { s, v, params, M, N, sSpec: (c.sOffset ? { ...s, offset: c.sOffset } : s) as InputSpec };
}

export function attentionCases(ctx: CaseContext): OpTestCase[] {
  return [
    defineCase('flashAttention causal limits and tile edges', 'flashAttention', (device, data) => checkFlashForward(device, ctx, data, FLASH_CAUSAL)),
    defineCase('flashAttention padding and per-query masks', 'flashAttention', (device, data) => checkFlashForward(device, ctx, data, FLASH_MASKED)),
    defineCase('flashAttention head size 32', 'flashAttention', (device, data) => checkFlashForward(device, ctx, data, FLASH_HEAD_32)),
    defineCase('flashAttention head size 64', 'flashAttention', (device, data) => checkFlashForward(device, ctx, data, FLASH_HEAD_64)),
    defineCase('flashAttention head size 128', 'flashAttention', (device, data) => checkFlashForward(device, ctx, data, FLASH_HEAD_128)),
    defineCase('flashAttention head size 256', 'flashAttention', (device, data) => checkFlashForward(device, ctx, data, FLASH_HEAD_256)),
    defineCase('flashAttention dropout and chunk rows', 'flashAttention', (device, data) => checkFlashForward(device, ctx, data, FLASH_DROPOUT)),
    defineCase('flashAttention empty and tiny sizes', 'flashAttention', (device, data) => checkFlashForward(device, ctx, data, FLASH_EDGES)),
    defineCase('flashAttentionBackward causal limits and tile edges', 'flashAttentionBackward', (device, data) =>
      checkFlashBackward(device, ctx, data, FLASH_CAUSAL),
    ),
    defineCase('flashAttentionBackward padding and per-query masks', 'flashAttentionBackward', (device, data) =>
      checkFlashBackward(device, ctx, data, FLASH_MASKED),
    ),
    defineCase('flashAttentionBackward head size 32', 'flashAttentionBackward', (device, data) => checkFlashBackward(device, ctx, data, FLASH_HEAD_32)),
    defineCase('flashAttentionBackward head size 64', 'flashAttentionBackward', (device, data) => checkFlashBackward(device, ctx, data, FLASH_HEAD_64)),
    defineCase('flashAttentionBackward head size 128', 'flashAttentionBackward', (device, data) => checkFlashBackward(device, ctx, data, FLASH_HEAD_128)),
    defineCase('flashAttentionBackward head size 256', 'flashAttentionBackward', (device, data) => checkFlashBackward(device, ctx, data, FLASH_HEAD_256)),
    defineCase('flashAttentionBackward dropout and chunk rows', 'flashAttentionBackward', (device, data) =>
      checkFlashBackward(device, ctx, data, FLASH_DROPOUT),
    ),
    defineCase('flashAttentionBackward empty and tiny sizes', 'flashAttentionBackward', (device, data) => checkFlashBackward(device, ctx, data, FLASH_EDGES)),
    defineCase('dropMatmul', 'dropMatmul', async (device, data) => {
      for (const c of DROP_MATMUL) {
        const { s, v, params, N, sSpec } = dropMatmulInputs(c, data);
        await checkOp(device, {
          op: 'dropMatmul',
          params,
          inputs: [sSpec, v],
          expected: [refDropMatmul(s, v, params)],
          tolerance: ctx.tolerance('dropMatmul', { k: N }),
          label: c.label,
        });
      }
    }),
    defineCase('dropMatmulBackward', 'dropMatmulBackward', async (device, data) => {
      for (const c of DROP_MATMUL) {
        const { s, v, params, M, N, sSpec } = dropMatmulInputs(c, data);
        const g = data.f32([...c.s.slice(0, -1), c.K], -1, 1);
        const ref = refDropMatmulBackward(s, v, g, params);
        const tolerance = ctx.tolerance('dropMatmulBackward', { k: Math.max(M, N, c.K) });
        await checkOp(device, { op: 'dropMatmulBackward', params, inputs: [sSpec, v, g], expected: [ref.ds, ref.dv], tolerance, label: c.label });
      }
    }),
  ];
}
