/**
 * Memory of each attention implementation on the meta device (shapes and bytes only, so GPT-2-small
 * shapes run in milliseconds): bytes saved for the backward (autograd's ledger), the forward's
 * transient peak without recording, and the peak of a forward + backward. One attention layer,
 * causal, dropout 0.1, training.
 *
 *   node --conditions=source --import tsx packages/light-ops/scripts/attention-memory.ts [B H T D] [--cap MB]
 */
import { backward, noGrad, withLedger } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { createMetaDevice, type Tensor } from '@lightattn/tensor-core';
import { attention, chunkPlan, type AttentionOptions } from '../src/index.js';

const args = process.argv.slice(2);
const capAt = args.indexOf('--cap');
const capMb = capAt >= 0 ? Number(args.splice(capAt, 2)[1]) : 64;
const [B, H, T, D] = (args.length === 4 ? args.map(Number) : [4, 12, 1024, 64]) as [number, number, number, number];

const VARIANTS: { name: string; options: AttentionOptions }[] = [
  { name: 'vanilla', options: { impl: 'vanilla' } },
  { name: 'vanilla + use_lightsoftmax', options: { impl: 'vanilla', useLightSoftmax: true } },
  { name: 'vanilla + use_dropmatmul', options: { impl: 'vanilla', useDropMatmul: true } },
  { name: 'vanilla + both flags', options: { impl: 'vanilla', useLightSoftmax: true, useDropMatmul: true } },
  { name: 'light (mask from the seed)', options: { impl: 'light' } },
  { name: 'light (packed 1-bit mask)', options: { impl: 'light', maskStorage: 'packed' } },
  { name: `chunked (cap ${capMb} MB)`, options: { impl: 'chunked', maxChunkSizeMb: capMb } },
  { name: 'flash', options: { impl: 'flash' } },
];

function measure(options: AttentionOptions) {
  const common: AttentionOptions = { ...options, causal: true, dropout: 0.1, training: true };
  const device = createMetaDevice();
  const make = () => {
    const t = tc.zeros([B, H, T, D], { device });
    t.requiresGrad = true;
    return t;
  };
  const [q, k, v] = [make(), make(), make()];
  const inputs = device.memory.allocated;

  // Forward without recording: the transient peak above the inputs.
  device.memory.resetPeak();
  noGrad(() => attention(q, k, v, common)).dispose();
  const forwardPeak = device.memory.peak - inputs;

  // Forward with recording (saved bytes), then backward: the training peak above the inputs.
  device.memory.resetPeak();
  let out: Tensor | null = null;
  const { ledger } = withLedger(() => (out = attention(q, k, v, common)));
  const g = tc.zeros([B, H, T, D], { device });
  backward(out!, g);
  const trainingPeak = device.memory.peak - inputs;
  ledger.close();
  for (const t of [q, k, v, out!, g]) t.dispose();
  return { saved: ledger.total, forwardPeak, trainingPeak };
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const plan = chunkPlan(B, H, T, T, capMb);
console.log(`Attention memory, one layer: B ${B}, H ${H}, T ${T}, D ${D}; causal, dropout 0.1 (meta device)`);
console.log(
  `one [B, H, T, T] f32 tensor = ${mib(B * H * T * T * 4)} MiB; one [B, H, T, D] f32 tensor = ${mib(B * H * T * D * 4)} MiB; chunked: ${plan.numChunks} chunks of ≤ ${Math.max(...plan.sizes)} query rows`,
);
console.log('');
console.log('| implementation | saved for backward (MiB) | forward transient peak (MiB) | forward + backward peak (MiB) |');
console.log('|---|---:|---:|---:|');
for (const { name, options } of VARIANTS) {
  const m = measure(options);
  console.log(`| ${name} | ${mib(m.saved)} | ${mib(m.forwardPeak)} | ${mib(m.trainingPeak)} |`);
}
