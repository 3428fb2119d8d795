import { broadcastStrides, DeviceError, formatShape, numel, type TensorRef } from '@lightattn/tensor-core';
import {
  MAX_RANK,
  UniformBuilder,
  WGSL_LINEAR_WORKGROUP,
  type KernelCall,
  type KernelDeviceInfo,
  type KernelDispatch,
  type WgslKernel,
} from '../../kernel-api.js';
import { gemmSteps, selectGemm } from '../gemm/gemm-steps.js';
import { mergeDims } from '../wgsl/strided.js';

/**
 * A tile configuration: each workgroup computes a bm×bn block of the output, stepping through K in
 * bk-deep tiles staged in workgroup memory; each of its (bm/tm)·(bn/tn) invocations accumulates a
 * tm×tn block in registers (tm, tn multiples of 4: rows and columns are taken in vec4 chunks).
 */
export interface MatmulConfig {
  readonly bm: number;
  readonly bn: number;
  readonly bk: number;
  readonly tm: number;
  readonly tn: number;
  /** Unroll the k loop in the WGSL (large tiles; the driver then sees straight-line FMAs). */
  readonly unroll: boolean;
  /** Allow vec4 loads and stores (small tiles skip them: fewer pipeline variants, little to gain). */
  readonly vec4: boolean;
  /** Output tile rows walked together (Triton's grouped order), so concurrent workgroups share panels of a and b in L2. */
  readonly group: number;
}

/**
 * Configurations worth benchmarking; `selectMatmulConfig` picks among them by size. 128-wide tiles
 * suit large products; on small ones they leave most of the GPU idle, so 64-wide tiles take over.
 * Unrolling the k loop helps only the 64-wide tiles; other tile shapes, k depths and group sizes
 * measured no better (the figures are in docs/benchmarks.md, Kernels).
 */
export const MATMUL_CONFIGS = {
  '128x128x8': { bm: 128, bn: 128, bk: 8, tm: 8, tn: 8, unroll: false, vec4: true, group: 8 },
  '64x64x16': { bm: 64, bn: 64, bk: 16, tm: 4, tn: 4, unroll: true, vec4: true, group: 8 },
  '32x32x16': { bm: 32, bn: 32, bk: 16, tm: 4, tn: 4, unroll: false, vec4: false, group: 8 },
  '128x128x8-unrolled': { bm: 128, bn: 128, bk: 8, tm: 8, tn: 8, unroll: true, vec4: true, group: 8 },
  '64x64x16-loop': { bm: 64, bn: 64, bk: 16, tm: 4, tn: 4, unroll: false, vec4: true, group: 8 },
  '128x128x16': { bm: 128, bn: 128, bk: 16, tm: 8, tn: 8, unroll: false, vec4: true, group: 8 },
  '128x128x4': { bm: 128, bn: 128, bk: 4, tm: 8, tn: 8, unroll: false, vec4: true, group: 8 },
  '128x64x8': { bm: 128, bn: 64, bk: 8, tm: 8, tn: 4, unroll: false, vec4: true, group: 8 },
  '64x128x8': { bm: 64, bn: 128, bk: 8, tm: 4, tn: 8, unroll: false, vec4: true, group: 8 },
  '32x32x16-vec4': { bm: 32, bn: 32, bk: 16, tm: 4, tn: 4, unroll: false, vec4: true, group: 8 },
} as const satisfies Record<string, MatmulConfig>;

/** Floats of padding per k-line of a staged tile: the transposing stores then hit distinct banks. */
const PAD = 4;

const threadsOf = (c: MatmulConfig) => (c.bm / c.tm) * (c.bn / c.tn);
const sharedBytes = (c: MatmulConfig) => 2 * c.bk * (c.bm + PAD + c.bn + PAD) * 4;

/** Whether the device can run `config` (invocations and workgroup memory). */
export function matmulConfigFits(c: MatmulConfig, info: KernelDeviceInfo): boolean {
  return threadsOf(c) <= info.limits.maxComputeInvocationsPerWorkgroup && sharedBytes(c) <= info.limits.maxComputeWorkgroupStorageSize;
}

/**
 * The largest tile that still gives enough workgroups to fill a large GPU (≥ 256 for 128×128, about
 * two per SM on an H100; ≥ 128 for 64×64); small products take 32×32 tiles.
 */
export function selectMatmulConfig(m: number, n: number, batch: number, info: KernelDeviceInfo): MatmulConfig {
  const tiles = (c: MatmulConfig) => batch * Math.ceil(m / c.bm) * Math.ceil(n / c.bn);
  const large = MATMUL_CONFIGS['128x128x8'];
  const medium = MATMUL_CONFIGS['64x64x16'];
  if (tiles(large) >= 256 && matmulConfigFits(large, info)) return large;
  if (tiles(medium) >= 128 && matmulConfigFits(medium, info)) return medium;
  return MATMUL_CONFIGS['32x32x16'];
}

interface Operand {
  /** WGSL names: binding, staged tile, rows (u.m or u.n), tile-row origin. */
  readonly name: 'a' | 'b';
  readonly tileRows: number;
  readonly totalRows: string;
  readonly rowOrigin: string;
  /** Stored [rows, K] (k contiguous), else [K, rows]. */
  readonly kContiguous: boolean;
  readonly vec: boolean;
}

/**
 * WGSL for one operand's tiles: per-invocation registers (`decls`), fetching the k-tile at `k0` from
 * global memory into them, vec4 number lid + l·threads each (`load`), and staging them into shared
 * buffer `buf` (`store`).
 */
function tileLoadWgsl(o: Operand, c: MatmulConfig, threads: number): { decls: string; load: (k0: string) => string; store: (buf: string) => string } {
  const vecs = (o.tileRows * c.bk) / 4;
  const perThread = Math.ceil(vecs / threads);
  const s = (o.tileRows + PAD) / 4;
  const name = o.name;
  const decls = Array.from({ length: perThread }, (_, l) => `var ${name}_reg${l} = vec4<f32>(0.0);`).join('\n  ');
  const guard = (l: number, body: string) => (vecs % threads === 0 ? `{\n    ${body}\n    }` : `if (lid + ${l * threads}u < ${vecs}u) {\n    ${body}\n    }`);
  const load = (k0: string) =>
    Array.from({ length: perThread }, (_, l) => {
      const v = `(lid + ${l * threads}u)`;
      const reg = `${name}_reg${l}`;
      // k-contiguous: line = row of the tile, 4 consecutive k; otherwise line = k, 4 consecutive rows.
      const [row, k] = o.kContiguous
        ? [`${o.rowOrigin} + ${v} / ${c.bk / 4}u`, `${k0} + (${v} % ${c.bk / 4}u) * 4u`]
        : [`${o.rowOrigin} + (${v} % ${o.tileRows / 4}u) * 4u`, `${k0} + ${v} / ${o.tileRows / 4}u`];
      const at = o.kContiguous ? `${name}_base + gr * u.k + gk` : `${name}_base + gk * ${o.totalRows} + gr`;
      const along = o.kContiguous ? 'gk' : 'gr';
      const limit = o.kContiguous ? 'u.k' : o.totalRows;
      const fetch = o.vec
        ? `if (gr < ${o.totalRows} && gk < u.k) { ${reg} = ${name}[(${at}) / 4u]; }`
        : `for (var e = 0u; e < 4u; e++) { if (${o.kContiguous ? 'gr' : 'gk'} < ${o.kContiguous ? o.totalRows : 'u.k'} && ${along} + e < ${limit}) { ${reg}[e] = ${name}[${at} + e]; } }`;
      return guard(l, `let gr = ${row};\n    let gk = ${k};\n    ${reg} = vec4<f32>(0.0);\n    ${fetch}`);
    }).join('\n    ');
  const store = (buf: string) =>
    Array.from({ length: perThread }, (_, l) => {
      const v = `(lid + ${l * threads}u)`;
      const reg = `${name}_reg${l}`;
      if (!o.kContiguous) return guard(l, `${name}_s[(${buf}) * ${c.bk * s}u + (${v} / ${o.tileRows / 4}u) * ${s}u + ${v} % ${o.tileRows / 4}u] = ${reg};`);
      // Transposed into [k][row]: four scalar stores into the row's vec4.
      const line = `${v} / ${c.bk / 4}u`;
      const k4 = `(${v} % ${c.bk / 4}u) * 4u`;
      return guard(
        l,
        `for (var e = 0u; e < 4u; e++) { ${name}_s[(${buf}) * ${c.bk * s}u + (${k4} + e) * ${s}u + (${line}) / 4u][(${line}) % 4u] = ${reg}[e]; }`,
      );
    }).join('\n    ');
  return { decls, load, store };
}

/** The WGSL of one variant. Everything shape-dependent is a uniform; the tile shape is constant. */
function matmulWgsl(c: MatmulConfig, uniforms: string, transA: boolean, transB: boolean, vecA: boolean, vecB: boolean, vecC: boolean): string {
  const threads = threadsOf(c);
  const tx = c.bn / c.tn;
  const ty = c.bm / c.tm;
  const sa = (c.bm + PAD) / 4;
  const sb = (c.bn + PAD) / 4;
  const a = tileLoadWgsl({ name: 'a', tileRows: c.bm, totalRows: 'u.m', rowOrigin: 'm0', kContiguous: !transA, vec: vecA }, c, threads);
  const b = tileLoadWgsl({ name: 'b', tileRows: c.bn, totalRows: 'u.n', rowOrigin: 'n0', kContiguous: transB, vec: vecB }, c, threads);
  const rowChunks = c.tm / 4;
  const colChunks = c.tn / 4;
  const accs: string[] = [];
  for (let i = 0; i < c.tm; i++) for (let j = 0; j < colChunks; j++) accs.push(`var acc_${i}_${j} = vec4<f32>(0.0);`);
  // One k step: rq-th vec4 of rows (ty·4 + rq·4·TY …) times cq-th vec4 of columns, as scalar × vec4 FMAs.
  // One k step: the rq-th vec4 of the thread's rows times the cq-th vec4 of its columns, as scalar ×
  // vec4 FMAs into named registers (no arrays, so nothing can spill to indexed local memory).
  const kStep = (kk: string, tag: string) => {
    const lines: string[] = [];
    for (let rq = 0; rq < rowChunks; rq++) lines.push(`let a${tag}_${rq} = a_s[ab + ${kk} * ${sa}u + ${rq * ty}u + ty];`);
    for (let cq = 0; cq < colChunks; cq++) lines.push(`let b${tag}_${cq} = b_s[bb + ${kk} * ${sb}u + ${cq * tx}u + tx];`);
    for (let i = 0; i < c.tm; i++) {
      for (let j = 0; j < colChunks; j++) lines.push(`acc_${i}_${j} = fma(vec4<f32>(a${tag}_${i >> 2}[${i & 3}]), b${tag}_${j}, acc_${i}_${j});`);
    }
    return lines;
  };
  const compute = c.unroll
    ? Array.from({ length: c.bk }, (_, kk) => kStep(`${kk}u`, `${kk}`)).flat()
    : [`for (var kk = 0u; kk < ${c.bk}u; kk++) {`, ...kStep('kk', '').map((l) => `  ${l}`), '}'];
  const stores: string[] = [];
  for (let i = 0; i < c.tm; i++) {
    stores.push(`row = m0 + ${(i >> 2) * 4 * ty + (i & 3)}u + ty * 4u;`);
    for (let j = 0; j < colChunks; j++) {
      const col = `n0 + ${j * 4 * tx}u + tx * 4u`;
      stores.push(
        vecC
          ? `if (row < u.m && ${col} < u.n) { c[(c_base + row * u.n + ${col}) / 4u] = acc_${i}_${j}; }`
          : `for (var e = 0u; e < 4u; e++) { if (row < u.m && ${col} + e < u.n) { c[c_base + row * u.n + ${col} + e] = acc_${i}_${j}[e]; } }`,
      );
    }
  }
  const arr = (vec: boolean) => (vec ? 'array<vec4<f32>>' : 'array<f32>');
  return /* wgsl */ `${uniforms}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: ${arr(vecA)};
@group(0) @binding(2) var<storage, read> b: ${arr(vecB)};
@group(0) @binding(3) var<storage, read_write> c: ${arr(vecC)};
${WGSL_LINEAR_WORKGROUP}
// Staged tiles, double-buffered, laid out [buffer][k][row] with ${PAD} floats of padding per k-line.
var<workgroup> a_s: array<vec4<f32>, ${2 * c.bk * sa}>;
var<workgroup> b_s: array<vec4<f32>, ${2 * c.bk * sb}>;

@compute @workgroup_size(${threads})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  if (wg >= u.tiles_total) { return; }
  let per_batch = u.tiles_m * u.tiles_n;
  let batch = wg / per_batch;
  let t = wg % per_batch;
  let group_first = (t / (${c.group}u * u.tiles_n)) * ${c.group}u;
  let group_rows = min(u.tiles_m - group_first, ${c.group}u);
  let within = t % (${c.group}u * u.tiles_n);
  let m0 = (group_first + within % group_rows) * ${c.bm}u;
  let n0 = (within / group_rows) * ${c.bn}u;

  // Broadcast batch dimensions: strides (in elements) are 0 where an operand is stretched.
  var a_base = u.a_offset;
  var b_base = u.b_offset;
  var rest = batch;
  for (var d = i32(u.batch_rank) - 1; d >= 0; d--) {
    let size = u.batch_shape[u32(d) >> 2u][u32(d) & 3u];
    let index = rest % size;
    rest = rest / size;
    a_base += index * u.a_strides[u32(d) >> 2u][u32(d) & 3u];
    b_base += index * u.b_strides[u32(d) >> 2u][u32(d) & 3u];
  }
  let c_base = u.c_offset + batch * u.m * u.n;
  let tx = lid % ${tx}u;
  let ty = lid / ${tx}u;
  ${accs.join('\n  ')}
  ${a.decls}
  ${b.decls}

  // Register prefetch + two staging buffers: tile t+1 is fetched from global memory while tile t is
  // multiplied, and one barrier per k-tile suffices (a buffer is only rewritten a full step later).
  let k_tiles = (u.k + ${c.bk - 1}u) / ${c.bk}u;
  if (k_tiles > 0u) {
    ${a.load('0u')}
    ${b.load('0u')}
    ${a.store('0u')}
    ${b.store('0u')}
  }
  workgroupBarrier();
  for (var kt = 0u; kt < k_tiles; kt++) {
    let cur = kt & 1u;
    let has_next = kt + 1u < k_tiles;
    if (has_next) {
      let k0 = (kt + 1u) * ${c.bk}u;
      ${a.load('k0')}
      ${b.load('k0')}
    }
    let ab = cur * ${c.bk * sa}u;
    let bb = cur * ${c.bk * sb}u;
    ${compute.join('\n    ')}
    if (has_next) {
      ${a.store('1u - cur')}
      ${b.store('1u - cur')}
    }
    workgroupBarrier();
  }
  var row = 0u;
  ${stores.join('\n  ')}
}`;
}

/**
 * The matmul dispatch for an explicit tile configuration (benchmarks try several; the kernel picks
 * one with `selectMatmulConfig`). Operands are read with vec4 loads when their contiguous dimension
 * and offset are multiples of 4, with scalar loads otherwise; every load and store is bounds-checked,
 * so any M, N, K (0 included) works.
 */
export function matmulDispatch(call: KernelCall<'matmul'>, config: MatmulConfig): KernelDispatch | [] {
  const [a, b] = call.inputs as [TensorRef, TensorRef];
  const out = call.outputs[0]!;
  const { transA, transB } = call.params;
  const rank = out.shape.length;
  const m = out.shape[rank - 2]!;
  const n = out.shape[rank - 1]!;
  const k = transA ? a.shape[a.shape.length - 2]! : a.shape[a.shape.length - 1]!;
  const batchShape = out.shape.slice(0, -2);
  const batch = numel(batchShape);
  if (m === 0 || n === 0 || batch === 0) return [];
  if (!matmulConfigFits(config, call.device))
    throw new DeviceError(`matmul: tile configuration ${JSON.stringify(config)} does not fit this device's workgroup limits`);
  const aStrides = broadcastStrides(a.shape.slice(0, -2), batchShape).map((s) => s * m * k);
  const bStrides = broadcastStrides(b.shape.slice(0, -2), batchShape).map((s) => s * k * n);
  const merged = mergeDims(batchShape, [aStrides, bStrides]);
  if (merged.dims.length > MAX_RANK)
    throw new DeviceError(`matmul: batch shape ${formatShape(batchShape)} needs more than ${MAX_RANK} dimensions after merging`);
  const vecA = config.vec4 && (transA ? m : k) % 4 === 0 && a.offset % 4 === 0;
  const vecB = config.vec4 && (transB ? k : n) % 4 === 0 && b.offset % 4 === 0;
  const vecC = config.vec4 && n % 4 === 0 && out.offset % 4 === 0;
  const tilesM = Math.ceil(m / config.bm);
  const tilesN = Math.ceil(n / config.bn);
  const total = batch * tilesM * tilesN;
  const u = new UniformBuilder()
    .u32('m', m)
    .u32('n', n)
    .u32('k', k)
    .u32('a_offset', a.offset)
    .u32('b_offset', b.offset)
    .u32('c_offset', out.offset)
    .u32('tiles_m', tilesM)
    .u32('tiles_n', tilesN)
    .u32('tiles_total', total)
    .u32('batch_rank', merged.dims.length)
    .u32Array('batch_shape', merged.dims)
    .u32Array('a_strides', merged.strides[0]!)
    .u32Array('b_strides', merged.strides[1]!);
  const flags = `${transA ? 'T' : 'N'}${transB ? 'T' : 'N'}:${vecA ? 4 : 1}${vecB ? 4 : 1}${vecC ? 4 : 1}`;
  const tile = `${config.bm}x${config.bn}x${config.bk}:${config.tm}x${config.tn}:g${config.group}${config.unroll ? ':unrolled' : ''}`;
  return {
    kind: 'dispatch',
    name: 'matmul',
    key: `matmul:${tile}:${flags}|${u.signature()}`,
    source: () => matmulWgsl(config, u.wgslStruct(), transA, transB, vecA, vecB, vecC),
    uniforms: u.bytes(),
    bindings: [
      { kind: 'tensor', tensor: a, access: 'read' },
      { kind: 'tensor', tensor: b, access: 'read' },
      { kind: 'tensor', tensor: out, access: 'read_write' },
    ],
    workgroups: total,
  };
}

/**
 * Batched matmul with broadcast batch dimensions and either operand transposed (pipeline variants, one
 * source): out[..., i, j] = Σ_k a[..., i, k]·b[..., k, j], accumulated in f32 by FMA — or, on a
 * device whose matmulPrecision is 'high' or 'medium', on tensor cores (gemm/gemm-steps.ts).
 */
export const matmulKernel: WgslKernel<'matmul'> = (call) => {
  const engine = selectGemm(call);
  if (engine) return gemmSteps(call, engine);
  const out = call.outputs[0]!;
  const rank = out.shape.length;
  const config = selectMatmulConfig(out.shape[rank - 2]!, out.shape[rank - 1]!, numel(out.shape.slice(0, -2)), call.device);
  return matmulDispatch(call, config);
};
