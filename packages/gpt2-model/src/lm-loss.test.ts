import * as ag from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { chunkTokensForBudget, lmHeadLoss, shiftLabels } from './lm-loss.js';

const device = tc.createCpuDevice({ precision: 'f64' });

/** Loss and gradients of hidden and W for one way of computing the LM loss. */
async function lossAndGrads(
  hiddenData: Float32Array,
  weightData: Float32Array,
  targets: number[],
  shape: [number, number, number, number],
  chunkTokens?: number,
) {
  const [b, t, c, v] = shape;
  const hidden = ag.param(tc.fromArray(hiddenData, { shape: [b, t, c], device }));
  const weight = ag.param(tc.fromArray(weightData, { shape: [v, c], device }));
  const ids = tc.fromArray(Int32Array.from(targets), { shape: [b, t], device });
  const loss = lmHeadLoss(hidden, weight, ids, { chunkTokens });
  loss.backward();
  return { loss: await loss.item(), dHidden: await hidden.grad!.toArray(), dWeight: await weight.grad!.toArray() };
}

function random(n: number, seed: number): Float32Array {
  return tc.randn([n], { seed, offset: 0, device }).toArraySync() as Float32Array;
}

describe('lmHeadLoss', () => {
  const cases: [string, [number, number, number, number], number[]][] = [
    ['one chunk per row', [2, 3, 5, 7], [1]],
    ['chunks that do not divide the rows (7 rows by 2, 3, 4)', [1, 7, 4, 11], [2, 3, 4]],
    ['65 rows by 64 (a remainder of one)', [5, 13, 3, 6], [64, 13]],
  ];
  for (const [name, shape, chunks] of cases) {
    it(`chunked gradients equal the unchunked loss's: ${name}`, async () => {
      const [b, t, c, v] = shape;
      const h = random(b * t * c, 1);
      const w = random(v * c, 2);
      // Some ignored targets, including a whole leading run.
      const targets = Array.from({ length: b * t }, (_, i) => (i < 2 || i % 5 === 3 ? -100 : (i * 7) % v));
      const full = await lossAndGrads(h, w, targets, shape);
      expect(Number.isFinite(full.loss)).toBe(true);
      for (const chunk of chunks) {
        const part = await lossAndGrads(h, w, targets, shape, chunk);
        expect(part.loss).toBeCloseTo(full.loss, 6);
        expect(part.dHidden, `dHidden chunk ${chunk}`).toBeAllClose(full.dHidden, { rtol: 1e-6, atol: 1e-9 });
        expect(part.dWeight, `dW chunk ${chunk}`).toBeAllClose(full.dWeight, { rtol: 1e-6, atol: 1e-9 });
      }
    });
  }

  it('matches log-softmax by hand, and all-ignored targets give NaN as PyTorch does', async () => {
    const hidden = tc.fromArray(
      [
        [
          [1, 0],
          [0, 2],
        ],
      ],
      { device },
    );
    const weight = tc.fromArray(
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      { device },
    );
    const targets = tc.fromArray(Int32Array.from([2, 0]), { shape: [1, 2], device });
    // Row 0 logits [1, 0, 1] → −log(e/(2e + 1)); row 1 logits [0, 2, 2] → −log(1/(1 + 2e²)).
    const expected = (-Math.log(Math.E / (2 * Math.E + 1)) - Math.log(1 / (1 + 2 * Math.E ** 2))) / 2;
    for (const chunkTokens of [undefined, 1]) expect(await lmHeadLoss(hidden, weight, targets, { chunkTokens }).item()).toBeCloseTo(expected, 6);
    const none = tc.fromArray(Int32Array.from([-100, -100]), { shape: [1, 2], device });
    for (const chunkTokens of [undefined, 1]) expect(await lmHeadLoss(hidden, weight, none, { chunkTokens }).item()).toBeNaN();
  });

  it('saves hidden and targets only: the chunked ledger has no N×V tensor', () => {
    const [n, c, v] = [64, 8, 1000];
    const hidden = ag.param(tc.zeros([n, c], { device }));
    const weight = ag.param(tc.zeros([v, c], { device })).setMemoryTag('parameter');
    const targets = tc.zeros([n], { dtype: 'i32', device });
    const full = ag.withLedger(() => lmHeadLoss(hidden, weight, targets));
    const chunked = ag.withLedger(() => lmHeadLoss(hidden, weight, targets, { chunkTokens: 16 }));
    // Unchunked: the cross-entropy keeps the N×V logits (and lse, and the hidden rows for the matmul).
    expect(full.ledger.total).toBeGreaterThanOrEqual(n * v * 4);
    // Chunked: hidden (N·C·4) + targets (N·4) + the 4-byte count.
    expect(chunked.ledger.total).toBe(n * c * 4 + n * 4 + 4);
    for (const r of [full, chunked]) {
      ag.releaseGraph(r.result);
      r.ledger.close();
    }
  });

  it('names the shapes in its errors', () => {
    const hidden = tc.zeros([2, 3, 4], { device });
    const ids = tc.zeros([2, 3], { dtype: 'i32', device });
    expect(() => lmHeadLoss(hidden, tc.zeros([5, 3], { device }), ids)).toThrow(/\[V, 4\].*\[5, 3\]/);
    expect(() => lmHeadLoss(hidden, tc.zeros([5, 4], { device }), tc.zeros([2, 2], { dtype: 'i32', device }))).toThrow(/\[2, 2\]/);
    expect(() => lmHeadLoss(hidden, tc.zeros([5, 4], { device }), tc.zeros([2, 3], { device }))).toThrow(/i32/);
    expect(() => lmHeadLoss(hidden, tc.zeros([5, 4], { device }), ids, { chunkTokens: 0 })).toThrow(/positive integer/);
  });

  it('chunkTokensForBudget keeps a chunk of logits under the budget', () => {
    expect(chunkTokensForBudget(50257, 64)).toBe(318); // 318·50257·4 = 63.9 MB
    expect(chunkTokensForBudget(50257, 0.001)).toBe(1);
  });
});

describe('shiftLabels', () => {
  it('moves labels one step left and pads with −100, as HF shifts logits and labels', async () => {
    const labels = tc.fromArray(Int32Array.from([1, 2, 3, 4, 5, 6]), { shape: [2, 3], device });
    expect(await shiftLabels(labels).toNested()).toEqual([
      [2, 3, -100],
      [5, 6, -100],
    ]);
    expect(await shiftLabels(tc.fromArray(Int32Array.from([7]), { shape: [1, 1], device })).toNested()).toEqual([[-100]]);
  });
});
