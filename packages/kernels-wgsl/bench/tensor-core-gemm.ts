/// <reference types="@webgpu/types" />
/**
 * How fast tensor cores can be made through WebGPU subgroup matrices: GEMM C = A·B (4096³) with
 * operands already in f16 (one f16 per element, or split hi + lo·2⁻¹¹ as in subgroup-matrix.ts),
 * in the kernel shapes a fast attention kernel could take. tensor-core-probe.ts measured only a
 * GEMM that converted f32 operands while staging them (13 TFLOP/s); this asks what the loads cost:
 *
 * - `direct`: every subgroup loads its fragments straight from the storage buffers (the GPU's L1
 *   and L2 catch the reuse between subgroups): no workgroup memory, no barriers.
 * - `staged`: a workgroup stages BM×BK and BK×BN blocks in workgroup memory with 16-byte loads,
 *   prefetching the next block into registers while the subgroups multiply the current one.
 *
 * Each subgroup owns an SM×SN block of C (SM/16 × SN/16 accumulators). `bT`: B is given as Bᵀ
 * (N×K row-major, like the key matrix of attention) and loaded column-major. The peer, cuBLAS in
 * fp32, TF32 and fp16 on the same GPU, is scripts/bench/torch_gemm.py.
 *
 *   bash .gpu/run.sh .gpu/app/tensor-core-gemm.mjs [--json out.json] [--n 4096] [--all]
 */
import { createWebGPUDevice } from '../src/index.js';

const MMA = 16;

interface Variant {
  mode: 'direct' | 'staged';
  split: boolean;
  /** Subgroups per workgroup along M and N. */
  gm: number;
  gn: number;
  /** Rows and columns of C per subgroup. */
  sm: number;
  sn: number;
  /** K per staged block (staged) or per unrolled step (direct). */
  bk: number;
  bT: boolean;
}

const label = (v: Variant) => `${v.mode} ${v.split ? 'split' : 'f16'} wg ${v.gm}x${v.gn} sg ${v.sm}x${v.sn} bk ${v.bk}${v.bT ? ' bT' : ''}`;

/** The products of one K step of 16 for a subgroup's tm × tn accumulators, fragments from `la`/`lb`. */
function products(v: Variant, la: (part: string, i: number) => string, lb: (part: string, j: number) => string): string[] {
  const [tm, tn] = [v.sm / MMA, v.sn / MMA];
  const parts = v.split ? ['hi', 'lo'] : ['hi'];
  const out: string[] = [];
  for (const p of parts) for (let i = 0; i < tm; i++) out.push(`let a_${p}${i} = ${la(p, i)};`);
  for (const p of parts) for (let j = 0; j < tn; j++) out.push(`let b_${p}${j} = ${lb(p, j)};`);
  for (let i = 0; i < tm; i++) {
    for (let j = 0; j < tn; j++) {
      const acc = `acc_${i}_${j}`;
      if (v.split) {
        // acc ← (acc·2¹¹ + hi·lo + lo·hi)·2⁻¹¹ + hi·hi: the split product with one accumulator.
        out.push(`${acc} = subgroupMatrixScalarMultiply(${acc}, 2048.0);`);
        out.push(`${acc} = subgroupMatrixMultiplyAccumulate(a_hi${i}, b_lo${j}, ${acc});`);
        out.push(`${acc} = subgroupMatrixMultiplyAccumulate(a_lo${i}, b_hi${j}, ${acc});`);
        out.push(`${acc} = subgroupMatrixScalarMultiply(${acc}, 1.0 / 2048.0);`);
      }
      out.push(`${acc} = subgroupMatrixMultiplyAccumulate(a_hi${i}, b_hi${j}, ${acc});`);
    }
  }
  return out;
}

function gemmWgsl(v: Variant): string {
  const [tm, tn] = [v.sm / MMA, v.sn / MMA];
  const [BM, BN] = [v.gm * v.sm, v.gn * v.sn];
  const threads = v.gm * v.gn * 32;
  const parts = v.split ? ['hi', 'lo'] : ['hi'];
  const L = `subgroup_matrix_left<f16, ${MMA}, ${MMA}>`;
  const R = `subgroup_matrix_right<f16, ${MMA}, ${MMA}>`;
  const accs: string[] = [];
  for (let i = 0; i < tm; i++) for (let j = 0; j < tn; j++) accs.push(`var acc_${i}_${j} = subgroup_matrix_result<f32, ${MMA}, ${MMA}>();`);
  const stores: string[] = [];
  for (let i = 0; i < tm; i++)
    for (let j = 0; j < tn; j++) stores.push(`subgroupMatrixStore(&c, (m0 + r0 + ${i * MMA}u) * u.n + n0 + c0 + ${j * MMA}u, acc_${i}_${j}, false, u.n);`);
  const head = `enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct U { m: u32, n: u32, k: u32 }
@group(0) @binding(0) var<uniform> u: U;
@group(0) @binding(${1 + 2 * parts.length}) var<storage, read_write> c: array<f32>;`;
  const entry = `@compute @workgroup_size(${threads})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sid: u32) {
  let m0 = wid.y * ${BM}u;
  let n0 = wid.x * ${BN}u;
  let r0 = (sid / ${v.gn}u) * ${v.sm}u;
  let c0 = (sid % ${v.gn}u) * ${v.sn}u;
  ${accs.join('\n  ')}`;
  if (v.mode === 'direct') {
    const bindings = parts.flatMap((p, k) => [
      `@group(0) @binding(${1 + k}) var<storage, read> a_${p}_g: array<f16>;`,
      `@group(0) @binding(${1 + parts.length + k}) var<storage, read> b_${p}_g: array<f16>;`,
    ]);
    const steps: string[] = [];
    for (let kk = 0; kk < v.bk / MMA; kk++) {
      const la = (p: string, i: number) => `subgroupMatrixLoad<${L}>(&a_${p}_g, (m0 + r0 + ${i * MMA}u) * u.k + k0 + ${kk * MMA}u, false, u.k)`;
      const lb = (p: string, j: number) =>
        v.bT
          ? `subgroupMatrixLoad<${R}>(&b_${p}_g, (n0 + c0 + ${j * MMA}u) * u.k + k0 + ${kk * MMA}u, true, u.k)`
          : `subgroupMatrixLoad<${R}>(&b_${p}_g, (k0 + ${kk * MMA}u) * u.n + n0 + c0 + ${j * MMA}u, false, u.n)`;
      steps.push(`{\n    ${products(v, la, lb).join('\n    ')}\n    }`);
    }
    return `${head}
${bindings.join('\n')}
${entry}
  for (var k0 = 0u; k0 < u.k; k0 += ${v.bk}u) {
    ${steps.join('\n    ')}
  }
  ${stores.join('\n  ')}
}`;
  }
  // Staged: A block BM×BK (row stride BK + 8 halves) and B block BK×BN (stride BN + 8), or Bᵀ block
  // BN×BK (stride BK + 8); strides are 16-byte multiples as subgroup-matrix loads need, padded so
  // the rows one load touches fall in different banks.
  const as = v.bk + 8;
  const bs = v.bT ? v.bk + 8 : BN + 8;
  const aVec = (BM * v.bk) / 8;
  const bVec = (BN * v.bk) / 8;
  if (aVec % threads || bVec % threads) throw new Error(`${label(v)}: blocks not a multiple of the workgroup's 16-byte loads`);
  const [na, nb] = [aVec / threads, bVec / threads];
  const bindings = parts.flatMap((p, k) => [
    `@group(0) @binding(${1 + k}) var<storage, read> a_${p}_g: array<vec4<u32>>;`,
    `@group(0) @binding(${1 + parts.length + k}) var<storage, read> b_${p}_g: array<vec4<u32>>;`,
  ]);
  const smem = parts.flatMap((p) => [`var<workgroup> a_${p}_s: array<f16, ${BM * as}>;`, `var<workgroup> b_${p}_s: array<f16, ${(v.bT ? BN : v.bk) * bs}>;`]);
  // Element e of a block in 8-half units: A row e / (BK/8), column 8·(e mod BK/8).
  const aSrc = (e: string) => `(m0 + ${e} / ${v.bk / 8}u) * (u.k / 8u) + k0 / 8u + ${e} % ${v.bk / 8}u`;
  const aDst = (e: string) => `(${e} / ${v.bk / 8}u) * ${as}u + (${e} % ${v.bk / 8}u) * 8u`;
  const bSrc = (e: string) =>
    v.bT ? `(n0 + ${e} / ${v.bk / 8}u) * (u.k / 8u) + k0 / 8u + ${e} % ${v.bk / 8}u` : `(k0 + ${e} / ${BN / 8}u) * (u.n / 8u) + n0 / 8u + ${e} % ${BN / 8}u`;
  const bDst = (e: string) =>
    v.bT ? `(${e} / ${v.bk / 8}u) * ${bs}u + (${e} % ${v.bk / 8}u) * 8u` : `(${e} / ${BN / 8}u) * ${bs}u + (${e} % ${BN / 8}u) * 8u`;
  const regs = parts.flatMap((p) => [`var ra_${p}: array<vec4<u32>, ${na}>;`, `var rb_${p}: array<vec4<u32>, ${nb}>;`]);
  const fetch = parts.flatMap((p) => [
    `for (var t = 0u; t < ${na}u; t++) { let e = lid + t * ${threads}u; ra_${p}[t] = a_${p}_g[${aSrc('e')}]; }`,
    `for (var t = 0u; t < ${nb}u; t++) { let e = lid + t * ${threads}u; rb_${p}[t] = b_${p}_g[${bSrc('e')}]; }`,
  ]);
  const put = (dst: string, at: string, w: string) =>
    `{ let w = ${w}; let o = ${at}; ${[0, 1, 2, 3].map((q) => `let h${q} = bitcast<vec2<f16>>(w[${q}]); ${dst}[o + ${2 * q}u] = h${q}.x; ${dst}[o + ${2 * q + 1}u] = h${q}.y;`).join(' ')} }`;
  const spill = parts.flatMap((p) => [
    `for (var t = 0u; t < ${na}u; t++) { let e = lid + t * ${threads}u; ${put(`a_${p}_s`, aDst('e'), `ra_${p}[t]`)} }`,
    `for (var t = 0u; t < ${nb}u; t++) { let e = lid + t * ${threads}u; ${put(`b_${p}_s`, bDst('e'), `rb_${p}[t]`)} }`,
  ]);
  const steps: string[] = [];
  for (let kk = 0; kk < v.bk / MMA; kk++) {
    const la = (p: string, i: number) => `subgroupMatrixLoad<${L}>(&a_${p}_s, (r0 + ${i * MMA}u) * ${as}u + ${kk * MMA}u, false, ${as}u)`;
    const lb = (p: string, j: number) =>
      v.bT
        ? `subgroupMatrixLoad<${R}>(&b_${p}_s, (c0 + ${j * MMA}u) * ${bs}u + ${kk * MMA}u, true, ${bs}u)`
        : `subgroupMatrixLoad<${R}>(&b_${p}_s, ${kk * MMA}u * ${bs}u + c0 + ${j * MMA}u, false, ${bs}u)`;
    steps.push(`{\n    ${products(v, la, lb).join('\n    ')}\n    }`);
  }
  return `${head}
${bindings.join('\n')}
${smem.join('\n')}
${entry}
  ${regs.join('\n  ')}
  var k0 = 0u;
  ${fetch.join('\n  ')}
  loop {
    workgroupBarrier();
    ${spill.join('\n    ')}
    workgroupBarrier();
    k0 += ${v.bk}u;
    if (k0 < u.k) {
      ${fetch.join('\n      ')}
    }
    ${steps.join('\n    ')}
    if (k0 >= u.k) { break; }
  }
  ${stores.join('\n  ')}
}`;
}

/** Round half to even. */
function roundEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - Math.trunc(v)) === 0.5 ? 2 * Math.round(v / 2) : r;
}

/** IEEE half bits of x, rounded to nearest even (|x| < 65504 here). */
function f16Bits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  // Subnormal halves are multiples of 2⁻²⁴ (rounding up to 0x400 gives the smallest normal, correctly).
  if (a < 2 ** -14) return sign | roundEven(a / 2 ** -24);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  let m = roundEven((a / 2 ** e - 1) * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  return sign | ((e + 15) << 10) | m;
}

function f16Value(h: number): number {
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  const v = e === 0 ? m * 2 ** -24 : (1 + m / 1024) * 2 ** (e - 15);
  return h & 0x8000 ? -v : v;
}

/** x as f16 hi and lo = f16((x − hi)·2¹¹). */
function splitF16(x: Float32Array): { hi: Uint16Array<ArrayBuffer>; lo: Uint16Array<ArrayBuffer> } {
  const hi = new Uint16Array(x.length);
  const lo = new Uint16Array(x.length);
  for (let i = 0; i < x.length; i++) {
    hi[i] = f16Bits(x[i]!);
    lo[i] = f16Bits((x[i]! - f16Value(hi[i]!)) * 2048);
  }
  return { hi, lo };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const N = args.includes('--n') ? Number(args[args.indexOf('--n') + 1]) : 4096;
  // The library's device with tensorCores: it checks the adapter's subgroup matrices and asks Dawn
  // for them; the probe uses its GPUDevice directly.
  const lib = await createWebGPUDevice({
    tensorCores: true,
    powerPreference: 'high-performance',
    dawnToggles: ['disable-dawn-features=timestamp_quantization'],
  });
  const device = lib.gpuDevice;

  // The first measurement (2026-11-22, docs/benchmarks.md) swept direct and staged shapes at BK 32
  // (--all runs them again); staged with BK 64 was the one fast shape, so the default explores it.
  const variants: Variant[] = [];
  const add = (v: Partial<Variant> & Pick<Variant, 'mode'>) => variants.push({ split: false, gm: 2, gn: 2, sm: 32, sn: 32, bk: 32, bT: false, ...v });
  if (args.includes('--all')) {
    for (const split of [false, true]) {
      add({ mode: 'direct', split, gm: 1, gn: 1 });
      add({ mode: 'direct', split });
      add({ mode: 'direct', split, sm: 64, sn: 32, gm: 2, gn: 4 });
      add({ mode: 'direct', split, sm: 64, sn: 64 });
      add({ mode: 'staged', split });
      add({ mode: 'staged', split, sm: 64, sn: 32, gm: 2, gn: 4 });
      add({ mode: 'staged', split, sm: 64, sn: 64 });
      add({ mode: 'staged', split, sm: 32, sn: 64, gm: 4, gn: 2, bT: true });
      add({ mode: 'direct', split, sm: 64, sn: 32, gm: 2, gn: 4, bT: true });
    }
  }
  add({ mode: 'staged', sm: 64, sn: 32, gm: 2, gn: 4, bk: 64 });
  add({ mode: 'staged', sm: 64, sn: 32, gm: 2, gn: 4, bk: 64, bT: true });
  add({ mode: 'staged', bk: 64 });
  add({ mode: 'staged', split: true, bk: 64 });
  add({ mode: 'staged', split: true, bk: 64, bT: true });
  add({ mode: 'staged', split: true, sm: 64, sn: 32, gm: 1, gn: 2, bk: 64 });

  // Inputs (shared by all variants): A, B and Bᵀ at the timing size, and a small checked case.
  const rand = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + seed * 78.233) * 0.999);
  const mk = (data: ArrayBufferView<ArrayBuffer>, usage = GPUBufferUsage.STORAGE) => {
    const buf = device.createBuffer({ size: Math.max(16, data.byteLength), usage: usage | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(buf, 0, data);
    return buf;
  };
  const transpose = (x: Float32Array, n: number) => Float32Array.from({ length: n * n }, (_, i) => x[(i % n) * n + Math.floor(i / n)]!);
  const inputs = (n: number) => {
    const A = rand(n * n, 1);
    const B = rand(n * n, 2);
    const [sa, sb, sbt] = [splitF16(A), splitF16(B), splitF16(transpose(B, n))];
    return { A, B, a: { hi: mk(sa.hi), lo: mk(sa.lo) }, b: { hi: mk(sb.hi), lo: mk(sb.lo) }, bt: { hi: mk(sbt.hi), lo: mk(sbt.lo) } };
  };
  const small = inputs(256);
  const big = inputs(N);
  const results: unknown[] = [];
  // Two rounds over all variants: the first measurement of a shape moved between runs (129 then 25
  // TFLOP/s for the same kernel), so each is timed twice, apart, and both figures are kept.
  for (const round of [1, 2]) {
    for (const v of variants) {
      try {
        device.pushErrorScope('validation');
        const module = device.createShaderModule({ code: gemmWgsl(v) });
        const ci = await module.getCompilationInfo();
        for (const m of ci.messages.filter((m) => m.type === 'error').slice(0, 4)) console.log(`${m.type} ${m.lineNum}:${m.linePos} ${m.message}`);
        const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
        const err = await device.popErrorScope();
        if (err) throw new Error(err.message);
        const [BM, BN] = [v.gm * v.sm, v.gn * v.sn];
        const run = async (n: number, io: typeof small, iters: number) => {
          const cb = device.createBuffer({ size: n * n * 4, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
          const ub = mk(new Uint32Array([n, n, n, 0]), GPUBufferUsage.UNIFORM);
          const bsrc = v.bT ? io.bt : io.b;
          const bufs = [ub, io.a.hi, ...(v.split ? [io.a.lo] : []), bsrc.hi, ...(v.split ? [bsrc.lo] : []), cb];
          const bg = device.createBindGroup({
            layout: pipeline.getBindGroupLayout(0),
            entries: bufs.map((buffer, binding) => ({ binding, resource: { buffer } })),
          });
          const once = () => {
            const enc = device.createCommandEncoder();
            const pass = enc.beginComputePass();
            pass.setPipeline(pipeline);
            pass.setBindGroup(0, bg);
            pass.dispatchWorkgroups(n / BN, n / BM);
            pass.end();
            device.queue.submit([enc.finish()]);
          };
          once();
          await device.queue.onSubmittedWorkDone();
          const t0 = performance.now();
          for (let i = 0; i < iters; i++) once();
          await device.queue.onSubmittedWorkDone();
          const ms = (performance.now() - t0) / iters;
          const rb = device.createBuffer({ size: n * n * 4, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
          const enc = device.createCommandEncoder();
          enc.copyBufferToBuffer(cb, 0, rb, 0, n * n * 4);
          device.queue.submit([enc.finish()]);
          await rb.mapAsync(GPUMapMode.READ);
          const C = new Float32Array(rb.getMappedRange().slice(0));
          rb.destroy();
          cb.destroy();
          ub.destroy();
          return { ms, C };
        };
        const s = await run(256, small, 1);
        let maxErr = 0;
        for (let i = 0; i < 256; i += 3) {
          for (let j = 0; j < 256; j += 5) {
            let sum = 0;
            let abs = 0;
            for (let k = 0; k < 256; k++) {
              sum += small.A[i * 256 + k]! * small.B[k * 256 + j]!;
              abs += Math.abs(small.A[i * 256 + k]! * small.B[k * 256 + j]!);
            }
            maxErr = Math.max(maxErr, Math.abs(s.C[i * 256 + j]! - sum) / abs);
          }
        }
        const t = await run(N, big, 20);
        const row = { round, variant: label(v), errRelToAbsSum: maxErr, ms: t.ms, tflops: (2 * N ** 3) / (t.ms * 1e-3) / 1e12 };
        results.push(row);
        console.log(JSON.stringify(row));
      } catch (e) {
        results.push({ round, variant: label(v), error: String((e as Error).message ?? e).slice(0, 500) });
        console.log(JSON.stringify(results.at(-1)));
      }
    }
  }
  const j = args.indexOf('--json');
  if (j >= 0) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(args[j + 1]!, JSON.stringify({ n: N, date: new Date().toISOString(), adapter: lib.info().description, results }, null, 1));
  }
  lib.destroy();
}

await main();
