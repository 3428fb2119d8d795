/// <reference types="@webgpu/types" />
/**
 * What the GPU's tensor cores give through WebGPU: the adapter's subgroup-matrix configurations
 * (Dawn's `chromium-experimental-subgroup-matrix`, which needs the toggles `allow_unsafe_apis` and,
 * on NVIDIA/Vulkan, `vulkan_enable_f16_on_nvidia`), and a plain GEMM C = A·B on f32 tensors through
 * f16 subgroup matrices, once with one f16 product per element (10-bit mantissas, like TF32) and
 * once split in three (x = hi + lo·2⁻¹¹, a·b ≈ hi·hi + (hi·lo + lo·hi)·2⁻¹¹: about 22 bits, the
 * 3xTF32 idea) — against the register-blocked f32 GEMM's 32 TFLOP/s on the same GPU. Three ways of
 * giving each subgroup its block: one subgroup per workgroup, `@builtin(subgroup_id)`, and
 * `local_invocation_index / 32` with the uniformity diagnostics off (Tint still rejects the last:
 * subgroup-matrix offsets must be provably uniform). Results of 2026-11-22 are in docs/benchmarks.md.
 *
 *   bash .gpu/run.sh .gpu/app/tensor-core-probe.mjs [--json out.json]
 */
import { getGpu } from '../src/acquire.js';

const TOGGLES = ['enable-dawn-features=allow_unsafe_apis,vulkan_enable_f16_on_nvidia', 'disable-dawn-features=timestamp_quantization'];

interface Config {
  componentType: string;
  resultComponentType: string;
  M: number;
  N: number;
  K: number;
}

/** A 64×64 block per workgroup of 4 subgroups (32×32 each), K in steps of 32 staged as f16 hi/lo. */
type Variant = 'one-subgroup' | 'subgroup-id' | 'diagnostic-off';
function gemmWgsl(c: Config, split: boolean, sg: number, variant: Variant): string {
  const wg = variant === 'one-subgroup' ? sg : 4 * sg;
  const span = variant === 'one-subgroup' ? 64 : 32;
  const [tm, tn] = [span / c.M, span / c.N];
  const ks = 32 / c.K;
  const L = `subgroup_matrix_left<f16, ${c.K}, ${c.M}>`;
  const R = `subgroup_matrix_right<f16, ${c.N}, ${c.K}>`;
  const A = `subgroup_matrix_result<f32, ${c.N}, ${c.M}>`;
  const lines: string[] = [];
  for (let i = 0; i < tm; i++) for (let j = 0; j < tn; j++) lines.push(`var acc_${i}_${j} = ${A}();`);
  const body: string[] = [];
  for (let kk = 0; kk < ks; kk++) {
    body.push('{');
    for (let i = 0; i < tm; i++) {
      body.push(`let ah_${i} = subgroupMatrixLoad<${L}>(&a_hi, (r0 + ${i * c.M}u) * 32u + ${kk * c.K}u, false, 32u);`);
      if (split) body.push(`let al_${i} = subgroupMatrixLoad<${L}>(&a_lo, (r0 + ${i * c.M}u) * 32u + ${kk * c.K}u, false, 32u);`);
    }
    for (let j = 0; j < tn; j++) {
      body.push(`let bh_${j} = subgroupMatrixLoad<${R}>(&b_hi, ${kk * c.K}u * 64u + c0 + ${j * c.N}u, false, 64u);`);
      if (split) body.push(`let bl_${j} = subgroupMatrixLoad<${R}>(&b_lo, ${kk * c.K}u * 64u + c0 + ${j * c.N}u, false, 64u);`);
    }
    for (let i = 0; i < tm; i++) {
      for (let j = 0; j < tn; j++) {
        const a = `acc_${i}_${j}`;
        if (split) {
          body.push(`${a} = subgroupMatrixScalarMultiply(${a}, 2048.0);`);
          body.push(`${a} = subgroupMatrixMultiplyAccumulate(ah_${i}, bl_${j}, ${a});`);
          body.push(`${a} = subgroupMatrixMultiplyAccumulate(al_${i}, bh_${j}, ${a});`);
          body.push(`${a} = subgroupMatrixScalarMultiply(${a}, 1.0 / 2048.0);`);
        }
        body.push(`${a} = subgroupMatrixMultiplyAccumulate(ah_${i}, bh_${j}, ${a});`);
      }
    }
    body.push('}');
  }
  const stores: string[] = [];
  for (let i = 0; i < tm; i++)
    for (let j = 0; j < tn; j++) stores.push(`subgroupMatrixStore(&c, (m0 + r0 + ${i * c.M}u) * u.n + n0 + c0 + ${j * c.N}u, acc_${i}_${j}, false, u.n);`);
  return /* wgsl */ `
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
${variant === 'diagnostic-off' ? 'diagnostic(off, subgroup_matrix_uniformity);\ndiagnostic(off, subgroup_uniformity);' : ''}
struct U { m: u32, n: u32, k: u32 }
@group(0) @binding(0) var<uniform> u: U;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;
// x rounded to f16's 11 significant bits with integer operations: the NVIDIA driver gives x back for f32(f16(x)).
fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
var<workgroup> a_hi: array<f16, 2048>;
var<workgroup> a_lo: array<f16, 2048>;
var<workgroup> b_hi: array<f16, 2048>;
var<workgroup> b_lo: array<f16, 2048>;

@compute @workgroup_size(${wg})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32${variant === 'subgroup-id' ? ', @builtin(subgroup_id) sg_id: u32' : ''}) {
  ${variant === 'one-subgroup' ? '' : variant === 'subgroup-id' ? 'let sid = sg_id;' : `let sid = lid / ${sg}u;`}
  let m0 = wid.y * 64u;
  let n0 = wid.x * 64u;
  ${variant === 'one-subgroup' ? 'let r0 = 0u;\n  let c0 = 0u;' : 'let r0 = (sid / 2u) * 32u;\n  let c0 = (sid % 2u) * 32u;'}
  ${lines.join('\n  ')}
  for (var k0 = 0u; k0 < u.k; k0 += 32u) {
    for (var e = lid; e < 2048u; e += ${wg}u) {
      let x = a[(m0 + e / 32u) * u.k + k0 + e % 32u];
      let xh = f16(x);
      a_hi[e] = xh;
      a_lo[e] = f16((x - f16_value(x)) * 2048.0);
      let y = b[(k0 + e / 64u) * u.n + n0 + e % 64u];
      let yh = f16(y);
      b_hi[e] = yh;
      b_lo[e] = f16((y - f16_value(y)) * 2048.0);
    }
    workgroupBarrier();
    ${body.join('\n    ')}
    workgroupBarrier();
  }
  ${stores.join('\n  ')}
}`;
}

async function main(): Promise<void> {
  const out: Record<string, unknown> = {};
  const gpu = await getGpu(TOGGLES);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no adapter');
  const info = adapter.info as GPUAdapterInfo & { subgroupMatrixConfigs?: Config[]; subgroupMinSize?: number; subgroupMaxSize?: number };
  const configs = [...(info.subgroupMatrixConfigs ?? [])].map((c) => ({
    componentType: c.componentType,
    resultComponentType: c.resultComponentType,
    M: c.M,
    N: c.N,
    K: c.K,
  }));
  out.adapter = {
    vendor: info.vendor,
    architecture: info.architecture,
    description: info.description,
    subgroupMinSize: info.subgroupMinSize,
    subgroupMaxSize: info.subgroupMaxSize,
  };
  out.features = [...adapter.features].sort();
  out.configs = configs;
  console.log(JSON.stringify(out, null, 1));
  const want = ['subgroups', 'shader-f16', 'chromium-experimental-subgroup-matrix', 'timestamp-query'].filter((f) =>
    adapter.features.has(f),
  ) as GPUFeatureName[];
  const device = await adapter.requestDevice({
    requiredFeatures: want,
    requiredLimits: {
      maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      maxBufferSize: adapter.limits.maxBufferSize,
    },
  });
  device.onuncapturederror = (e) => console.error('uncaptured:', e.error.message);
  const f16f32 = configs.filter((c) => c.componentType === 'f16' && c.resultComponentType === 'f32' && 32 % c.M === 0 && 32 % c.N === 0 && 32 % c.K === 0);
  const sg = info.subgroupMaxSize ?? 32;
  const results: unknown[] = [];
  const runs: [Config, boolean, Variant][] = [];
  for (const c of f16f32)
    for (const split of [false, true])
      for (const v of ['one-subgroup', 'subgroup-id', 'diagnostic-off'] as Variant[]) if (c.N === 16 || v === 'one-subgroup') runs.push([c, split, v]);
  for (const [c, split, variant] of runs) {
    {
      const label = `${c.M}x${c.N}x${c.K} ${split ? 'split3' : 'f16'} ${variant}`;
      try {
        device.pushErrorScope('validation');
        const module = device.createShaderModule({ code: gemmWgsl(c, split, sg, variant) });
        const ci = await module.getCompilationInfo();
        for (const m of ci.messages.filter((m) => m.type !== 'warning').slice(0, 6)) console.log(`${m.type} ${m.lineNum}:${m.linePos} ${m.message}`);
        const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
        const err = await device.popErrorScope();
        if (err) throw new Error(err.message);
        const run = async (n: number, iters: number, check: boolean) => {
          const A = new Float32Array(n * n).map(() => Math.random() * 2 - 1);
          const B = new Float32Array(n * n).map(() => Math.random() * 2 - 1);
          const mk = (data: Float32Array<ArrayBuffer> | null, usage: number) => {
            const buf = device.createBuffer({ size: n * n * 4, usage: usage | GPUBufferUsage.COPY_DST });
            if (data) device.queue.writeBuffer(buf, 0, data);
            return buf;
          };
          const ab = mk(A, GPUBufferUsage.STORAGE);
          const bb = mk(B, GPUBufferUsage.STORAGE);
          const cb = mk(null, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC);
          const ub = device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
          device.queue.writeBuffer(ub, 0, new Uint32Array([n, n, n, 0]));
          const bg = device.createBindGroup({
            layout: pipeline.getBindGroupLayout(0),
            entries: [ub, ab, bb, cb].map((buffer, binding) => ({ binding, resource: { buffer } })),
          });
          const once = () => {
            const enc = device.createCommandEncoder();
            const pass = enc.beginComputePass();
            pass.setPipeline(pipeline);
            pass.setBindGroup(0, bg);
            pass.dispatchWorkgroups(n / 64, n / 64);
            pass.end();
            device.queue.submit([enc.finish()]);
          };
          once();
          await device.queue.onSubmittedWorkDone();
          const t0 = performance.now();
          for (let i = 0; i < iters; i++) once();
          await device.queue.onSubmittedWorkDone();
          const ms = (performance.now() - t0) / iters;
          let maxErr = 0;
          if (check) {
            const rb = device.createBuffer({ size: n * n * 4, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
            const enc = device.createCommandEncoder();
            enc.copyBufferToBuffer(cb, 0, rb, 0, n * n * 4);
            device.queue.submit([enc.finish()]);
            await rb.mapAsync(GPUMapMode.READ);
            const C = new Float32Array(rb.getMappedRange().slice(0));
            for (let i = 0; i < n; i += 7) {
              for (let j = 0; j < n; j += 5) {
                let s = 0;
                let sa = 0;
                for (let k = 0; k < n; k++) {
                  s += A[i * n + k]! * B[k * n + j]!;
                  sa += Math.abs(A[i * n + k]! * B[k * n + j]!);
                }
                maxErr = Math.max(maxErr, Math.abs(C[i * n + j]! - s) / sa);
              }
            }
          }
          for (const b of [ab, bb, cb, ub]) b.destroy();
          return { ms, maxErr };
        };
        const small = await run(512, 3, true);
        const big = await run(4096, 20, false);
        const tflops = (2 * 4096 ** 3) / (big.ms * 1e-3) / 1e12;
        results.push({ label, errRelToAbsSum512: small.maxErr, ms4096: big.ms, tflops4096: tflops });
      } catch (e) {
        results.push({ label, error: String((e as Error).message ?? e) });
      }
      console.log(JSON.stringify(results.at(-1)));
    }
  }
  out.gemm = results;
  const j = process.argv.indexOf('--json');
  if (j > 0) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.argv[j + 1]!, JSON.stringify(out, null, 1));
  }
  device.destroy();
}

await main();
