import { createCpuDevice } from '@lightattn/tensor-core';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { AttentionOptions } from './attention-options.js';
import { chunkPlan } from './chunked-attention.js';
import { expectClose, FP32, makeInputs, runAttention } from './testing/run-attention.js';

const cpu = createCpuDevice();

const shapeArb = fc.record({
  B: fc.integer({ min: 1, max: 2 }),
  H: fc.integer({ min: 1, max: 3 }),
  Tq: fc.integer({ min: 1, max: 9 }),
  Tk: fc.integer({ min: 1, max: 9 }),
  D: fc.integer({ min: 1, max: 17 }),
  causal: fc.boolean(),
  dropout: fc.constantFrom(0, 0.3),
  /** Fraction of the logits the chunk cap allows (≤ 0 rows: one row per chunk). */
  capFraction: fc.double({ min: 0, max: 1.2, noNaN: true }),
  padded: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

describe('fast-check: every implementation agrees with vanilla on random shapes (CPU)', () => {
  it('outputs and gradients, with random causal flags, padding, dropout and chunk caps', async () => {
    await fc.assert(
      fc.asyncProperty(shapeArb, async ({ B, H, Tq, Tk, D, causal, dropout, capFraction, padded, seed }) => {
        const inputs = makeInputs(B, H, Tq, Tk, D, seed);
        if (padded !== undefined && padded < Tk) {
          const data = Uint8Array.from({ length: B * Tk }, (_, i) => (i % Tk === padded ? 0 : 1));
          inputs.mask = { data, shape: [B, 1, 1, Tk] };
        }
        const common: AttentionOptions = { causal, dropout };
        const maxChunkSizeMb = (capFraction * B * H * Tq * Tk * 4) / 1e6;
        const reference = await runAttention(cpu, inputs, { ...common, impl: 'vanilla' });
        const label = `B ${B} H ${H} Tq ${Tq} Tk ${Tk} D ${D} causal ${causal} dropout ${dropout} chunks ${chunkPlan(B, H, Tq, Tk, maxChunkSizeMb).numChunks}`;
        for (const options of [
          { impl: 'light' },
          { impl: 'chunked', maxChunkSizeMb },
          { impl: 'flash' },
          { impl: 'vanilla', useDropMatmul: true },
        ] as AttentionOptions[]) {
          expectClose(await runAttention(cpu, inputs, { ...common, ...options }), reference, FP32, `${label}, ${options.impl}`);
        }
      }),
      { numRuns: 40, seed: 20240601 },
    );
  });

  it('chunkPlan splits the query axis into the haiku number of chunks, sizes differing by at most one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (B, H, Tq, Tk, mb) => {
          const plan = chunkPlan(B, H, Tq, Tk, mb);
          const bytes = B * H * Tq * Tk * 4;
          const expected = bytes === 0 ? 1 : Math.max(1, Math.min(Tq, Math.floor(bytes / (mb * 1e6)) + 1));
          if (plan.numChunks !== expected) throw new Error(`numChunks ${plan.numChunks}, expected ${expected}`);
          if (plan.sizes.reduce((a, s) => a + s, 0) !== Tq) throw new Error('sizes do not cover the queries');
          if (Tq > 0 && Math.max(...plan.sizes) - Math.min(...plan.sizes) > 1) throw new Error('unbalanced chunks');
          // Each chunk's logits fit the cap, give or take one query row.
          const rowBytes = B * H * Tk * 4;
          if (plan.numChunks < Tq && Math.max(...plan.sizes) * rowBytes > mb * 1e6 + rowBytes) throw new Error('a chunk exceeds the cap by more than a row');
        },
      ),
      { numRuns: 300 },
    );
  });
});
