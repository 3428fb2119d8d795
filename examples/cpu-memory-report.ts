/**
 * The main job until the trainer exists: a small transformer-style computation on the CPU device,
 * then the memory accountant's report, and the same program on the meta device (no data, shapes and
 * bytes only) to show that it predicts the CPU device's numbers exactly — and at a size the CPU
 * could not run at all.
 */
import {
  add,
  createCpuDevice,
  createMetaDevice,
  formatBytes,
  gelu,
  layerNorm,
  matmul,
  ones,
  randn,
  scope,
  softmax,
  sum,
  withMemoryTag,
  zeros,
  type Device,
} from '@lightattn/tensor-core';

/** One pre-norm MLP-and-attention-scores block on (batch, seq, width) activations; returns a scalar. */
function block(device: Device, batch: number, seq: number, width: number) {
  const params = withMemoryTag('parameter', () => ({
    w1: randn([width, 4 * width], { device, std: 0.02, seed: 1 }),
    w2: randn([4 * width, width], { device, std: 0.02, seed: 2 }),
    lnW: ones([width], { device }),
    lnB: zeros([width], { device }),
  }));
  const out = scope(() => {
    const x = randn([batch, seq, width], { device, seed: 3 });
    const { y } = layerNorm(x, params.lnW, params.lnB);
    const h = gelu(matmul(y, params.w1)); // (B, T, 4C)
    const z = add(x, matmul(h, params.w2)); // (B, T, C): residual
    const scores = softmax(matmul(z, z, { transB: true })); // (B, T, T): the quadratic tensor
    return sum(scores);
  });
  return { params, out };
}

const cpu = createCpuDevice();
const t0 = performance.now();
const { out } = block(cpu, 2, 64, 64);
const total = await out.item();
const ms = performance.now() - t0;
console.log(`lightattn example: a pre-norm MLP block and T×T attention scores on the CPU device`);
console.log(`  Σ softmax rows = ${total.toFixed(3)} (expect 2·64 = 128), ${ms.toFixed(0)} ms\n`);
console.log(cpu.memory.report('CPU device memory'));

const meta = createMetaDevice();
block(meta, 2, 64, 64);
console.log(
  `\nmeta device, same program: allocated ${formatBytes(meta.memory.allocated)}, peak ${formatBytes(meta.memory.peak)}` +
    ` (CPU: ${formatBytes(cpu.memory.allocated)}, ${formatBytes(cpu.memory.peak)}) — ${meta.memory.peak === cpu.memory.peak ? 'identical' : 'DIFFERENT'}`,
);

const big = createMetaDevice();
const t1 = performance.now();
block(big, 4, 1024, 768);
console.log(
  `meta device at GPT-2 small width (batch 4, seq 1024, width 768): peak ${formatBytes(big.memory.peak)}, predicted in ${(performance.now() - t1).toFixed(1)} ms`,
);
