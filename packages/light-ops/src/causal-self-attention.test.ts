import { backward, Generator, withLedger } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { createMetaDevice, type Tensor } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import type { AttentionImpl } from './attention-options.js';
import { CausalSelfAttention, type CausalSelfAttentionConfig } from './causal-self-attention.js';
import { randomValues } from './testing/run-attention.js';

const C = 8;
const H = 2;

function build(config: Partial<CausalSelfAttentionConfig> = {}, device?: tc.Device): CausalSelfAttention {
  return new CausalSelfAttention(
    { nEmbd: C, nHead: H, attnPdrop: 0, residPdrop: 0, ...config },
    { generator: new Generator(7), dropoutGenerator: new Generator(99), initStd: 0.5, device },
  );
}

/** Output and every parameter gradient for ⟨y, g⟩. */
async function run(module: CausalSelfAttention, x: Float32Array, shape: [number, number, number], mask?: Tensor): Promise<number[][]> {
  const input = tc.fromArray(x, { shape });
  input.requiresGrad = true;
  const y = module.forward(input, mask);
  backward(y, tc.fromArray(randomValues(y.numel, 5), { shape: y.shape }));
  const result = [
    Array.from(await y.toArray()),
    Array.from(await input.grad!.toArray()),
    ...(await Promise.all(module.parameters().map(async (p) => Array.from(await p.grad!.toArray())))),
  ];
  module.zeroGrad();
  input.dispose();
  y.dispose();
  return result;
}

/** GPT-2 attention by hand in float64: qkv = x·W + b, heads, causal softmax(q·kᵀ/√d), merge, projection. */
async function reference(module: CausalSelfAttention, x: Float32Array, B: number, T: number): Promise<number[]> {
  const [wa, ba, wp, bp] = await Promise.all(
    ['c_attn.weight', 'c_attn.bias', 'c_proj.weight', 'c_proj.bias'].map(async (k) => Array.from(await module.stateDict()[k]!.toArray())),
  );
  const D = C / H;
  const out: number[] = [];
  for (let b = 0; b < B; b++) {
    const qkv = Array.from({ length: T }, (_, t) =>
      Array.from(
        { length: 3 * C },
        (_, o) => ba![o]! + Array.from({ length: C }, (_, i) => x[(b * T + t) * C + i]! * wa![i * 3 * C + o]!).reduce((a, v) => a + v, 0),
      ),
    );
    const merged = Array.from({ length: T }, () => new Array<number>(C).fill(0));
    for (let h = 0; h < H; h++) {
      for (let i = 0; i < T; i++) {
        const scores = Array.from(
          { length: i + 1 },
          (_, j) => Array.from({ length: D }, (_, d) => qkv[i]![h * D + d]! * qkv[j]![C + h * D + d]!).reduce((a, v) => a + v, 0) / Math.sqrt(D),
        );
        const m = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - m));
        const z = e.reduce((a, v) => a + v, 0);
        for (let d = 0; d < D; d++) merged[i]![h * D + d] = e.reduce((a, p, j) => a + (p / z) * qkv[j]![2 * C + h * D + d]!, 0);
      }
    }
    for (let t = 0; t < T; t++) for (let o = 0; o < C; o++) out.push(bp![o]! + merged[t]!.reduce((a, v, i) => a + v * wp![i * C + o]!, 0));
  }
  return out;
}

describe('CausalSelfAttention', () => {
  it('has GPT-2’s HF parameter names and shapes', () => {
    const m = build();
    expect(Object.fromEntries(Object.entries(m.stateDict()).map(([k, t]) => [k, t.shape]))).toEqual({
      'c_attn.weight': [C, 3 * C],
      'c_attn.bias': [3 * C],
      'c_proj.weight': [C, C],
      'c_proj.bias': [C],
    });
    expect(m.namedModules().map(([n]) => n)).toEqual(['', 'c_attn', 'c_proj', 'attn_dropout', 'resid_dropout']);
    expect(() => build({ nEmbd: 9 })).toThrow(/nEmbd 9 must be a multiple of nHead 2/);
  });

  it('matches GPT-2 attention computed by hand (float64 reference)', async () => {
    const x = randomValues(2 * 5 * C, 1);
    const m = build();
    const [y] = await run(m, x, [2, 5, C]);
    expect(y!).toBeAllClose(await reference(m, x, 2, 5), { rtol: 1e-5, atol: 1e-5 });
  });

  it('every attnImpl and flag gives the same output and gradients, with and without dropout', async () => {
    const x = randomValues(2 * 6 * C, 2);
    for (const drop of [0, 0.3]) {
      const base = await run(build({ attnPdrop: drop, residPdrop: drop }), x, [2, 6, C]);
      const variants: Partial<CausalSelfAttentionConfig>[] = [
        { useLightsoftmax: true },
        { useDropmatmul: true },
        ...(['light', 'chunked', 'flash'] as AttentionImpl[]).map((attnImpl) => ({ attnImpl, maxChunkSizeMb: 1e-4 })),
      ];
      for (const v of variants) {
        const result = await run(build({ attnPdrop: drop, residPdrop: drop, ...v }), x, [2, 6, C]);
        result.forEach((values, i) => expect(values, `${JSON.stringify(v)} dropout ${drop}, tensor ${i}`).toBeAllClose(base[i]!, { rtol: 1e-4, atol: 1e-5 }));
      }
    }
  });

  it('attentionMask [B, T] (1 = keep): padded tokens do not affect the others', async () => {
    const m = build({ attnImpl: 'flash' });
    m.eval();
    const mask = tc.fromArray(
      [
        [1, 1, 1, 0, 1],
        [1, 1, 1, 1, 1],
      ],
      { dtype: 'i32' },
    );
    const x = randomValues(2 * 5 * C, 3);
    const changed = Float32Array.from(x);
    for (let i = 0; i < C; i++) changed[3 * C + i] = 100; // batch 0, token 3 (padded)
    const [a] = await run(m, x, [2, 5, C], mask);
    const [b] = await run(m, changed, [2, 5, C], mask);
    for (const t of [0, 1, 2, 4]) expect(b!.slice(t * C, (t + 1) * C)).toEqual(a!.slice(t * C, (t + 1) * C));
    expect(() => m.forward(tc.zeros([2, 5, C]), tc.ones([2, 4]))).toThrow(/attentionMask must be \[2, 5\]/);
  });

  it('saves, per the ledger, x and the merged heads plus what the attention implementation keeps', () => {
    const [B, T] = [2, 64];
    const saved = (attnImpl: AttentionImpl) => {
      const device = createMetaDevice();
      const m = build({ attnImpl, attnPdrop: 0.1, residPdrop: 0 }, device);
      const x = tc.zeros([B, T, C], { device });
      x.requiresGrad = true;
      const { ledger } = withLedger(() => m.forward(x));
      ledger.close();
      return ledger.total;
    };
    const btc = B * T * C * 4; // one [B, T, C] f32 tensor = one [B, H, T, D] tensor
    const tt = B * H * T * T * 4;
    expect(saved('vanilla')).toBe(2 * btc + 3 * btc + 3 * tt + tt / 4);
    expect(saved('light')).toBe(2 * btc + 3 * btc + tt);
    expect(saved('chunked')).toBe(2 * btc + 3 * btc);
    expect(saved('flash')).toBe(2 * btc + 4 * btc + B * H * T * 4);
  });
});
