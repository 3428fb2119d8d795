/**
 * Runs the shared op suite on whatever WebGPU adapter this machine has (SwiftShader without a GPU, the
 * GPU where there is one) without vitest, and prints one line per failure and a summary.
 * Bundle it, and run the bundle on the GPU machine with Node and the `webgpu` package:
 *   npx esbuild packages/kernels-wgsl/scripts/run-op-suite.ts --bundle --platform=node --format=esm \
 *     --conditions=source --external:webgpu --outfile=.gpu/app/op-suite.mjs
 *   bash .gpu/run.sh .gpu/app/op-suite.mjs [--json out.json] [--bench]
 */
import { writeFileSync } from 'node:fs';
import { add, createCpuDevice, dropoutMask, exp, gelu, geluErf, OP_NAMES, permute, rand, randn } from '@lightattn/tensor-core';
import { opTestCases } from '@lightattn/tensor-core/testing';
import { createWebGPUDevice } from '../src/index.js';

const jsonAt = process.argv.indexOf('--json');
// Dawn quantises timestamps unless told not to; --bench wants real kernel times.
const device = await createWebGPUDevice({ dawnToggles: process.argv.includes('--bench') ? ['disable-dawn-features=timestamp_quantization'] : [] });
const info = device.info();
console.log(`${info.name}: ${info.description}\nfeatures: ${info.features.join(', ')}`);
const ops = [...OP_NAMES];
const failures: { name: string; message: string }[] = [];
const started = performance.now();
let passed = 0;
for (const c of opTestCases({ ops })) {
  try {
    await c.run(device);
    passed++;
  } catch (e) {
    failures.push({
      name: `${c.op}: ${c.name}`,
      message: String((e as Error).message)
        .split('\n')
        .slice(0, 4)
        .join(' | '),
    });
    console.log(`FAIL ${c.op}: ${c.name}\n  ${failures[failures.length - 1]!.message}`);
  }
}
const suiteMs = performance.now() - started;

// Philox: bits against the CPU reference.
const cpu = createCpuDevice();
const state = { seed: 2 ** 40 + 7, offset: 2 ** 33 + 5 };
const bitsOf = async (a: Promise<ArrayLike<number>>) => Array.from(await a);
const uniformSame =
  JSON.stringify(await bitsOf(rand([100003], { device, ...state }).toArray())) ===
  JSON.stringify(await bitsOf(rand([100003], { device: cpu, ...state }).toArray()));
const maskSame =
  JSON.stringify(await bitsOf(dropoutMask([100003], 0.1, { device, ...state }).toArray())) ===
  JSON.stringify(await bitsOf(dropoutMask([100003], 0.1, { device: cpu, ...state }).toArray()));
const zg = await randn([100003], { device, ...state }).toArray();
const zc = await randn([100003], { device: cpu, ...state }).toArray();
let normalMaxError = 0;
for (let i = 0; i < zg.length; i++) normalMaxError = Math.max(normalMaxError, Math.abs(zg[i]! - zc[i]!));

const { profile } = await device.profile(async () => {
  const x = rand([1 << 22], { device, seed: 1 });
  const y = randn([1 << 22], { device, seed: 2 });
  await device.sync();
  x.dispose();
  y.dispose();
});

// --bench: GPU time of elementwise kernels at 2^24 elements (64 MiB per f32 tensor), as GB/s moved.
const bench: { kernel: string; ms: number; gbPerS: number }[] = [];
if (process.argv.includes('--bench')) {
  const n = 1 << 24;
  const x = rand([n], { device, seed: 3 });
  const y = rand([n], { device, seed: 4 });
  const cases: [string, number, () => { dispose(): void }][] = [
    ['binary add', 12, () => add(x, y)],
    ['binary add, broadcast row', 8, () => add(x.view([4096, 4096]), y.view([1, 4096], 0))],
    ['unary exp', 8, () => exp(x)],
    ['unary exp, offset view (scalar path)', 8, () => exp(x.view([n - 4], 1))],
    ['unary gelu', 8, () => gelu(x)],
    ['unary gelu_erf', 8, () => geluErf(x)],
    ['randomNormal', 4, () => randn([n], { device, seed: 5 })],
    ['dropoutMask (bool)', 1, () => dropoutMask([n], 0.1, { device, seed: 6 })],
    ['permute 4096² transpose', 8, () => permute(x.view([4096, 4096]), [1, 0])],
  ];
  for (const [kernel, bytesPerElement, fn] of cases) {
    // Warm up (pipelines, pooled buffers past Dawn's lazy zero-fill, GPU clocks) before timing.
    for (let r = 0; r < 5; r++) fn().dispose();
    await device.sync();
    const reps = 50;
    const started = performance.now();
    const { profile: p } = await device.profile(async () => {
      for (let r = 0; r < reps; r++) fn().dispose();
    });
    const ms = p.available ? p.totalMs / reps : (performance.now() - started) / reps;
    bench.push({ kernel, ms, gbPerS: (bytesPerElement * n) / (ms * 1e6) });
  }
  x.dispose();
  y.dispose();
  console.table(bench);
}

const summary = { device: info, ops, passed, failed: failures.length, failures, suiteMs, philox: { uniformSame, maskSame, normalMaxError }, profile, bench };
console.log(`\n${passed} passed, ${failures.length} failed in ${(suiteMs / 1000).toFixed(1)} s`);
console.log(
  `philox: uniform bits ${uniformSame ? 'identical' : 'DIFFER'}, mask bits ${maskSame ? 'identical' : 'DIFFER'}, normal max error ${normalMaxError.toExponential(2)}`,
);
console.log('profile:', JSON.stringify(profile));
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify(summary, null, 2));
device.destroy();
process.exit(failures.length === 0 && uniformSame && maskSame && normalMaxError < 1e-6 ? 0 : 1);
