import { numel, type OpName } from '@lightattn/tensor-core';
import { DispatchBuilder, type KernelCall, type KernelDispatch, type WgslKernel } from '../../kernel-api.js';
import { dropoutUniforms, WGSL_ATTENTION_DROPOUT } from '../wgsl/attention-dropout.js';

/**
 * DropMatmul, forward and backward, with the dropout mask regenerated inside the tile loads: the
 * dropped matrix S ⊙ M/(1 − p) never exists in memory. Three products, one 64×64 output tile per
 * workgroup of 16×16 invocations (4×4 outputs each), stepping through the inner axis 16 at a time:
 *   forward  o  [M, K] = (s ⊙ z)[M, N] · v[N, K]        (z applied as s tiles are loaded)
 *   backward ds [M, N] = (g[M, K] · v[N, K]ᵀ) ⊙ z       (z applied to the output tile)
 *            dv [N, K] = (s ⊙ z)ᵀ[N, M] · g[M, K]       (z applied as s tiles are loaded)
 * Mask columns are s's columns; each invocation loads four consecutive columns of one row, so one or
 * two Philox blocks serve four elements (attention-dropout.ts). Sizes are uniforms: one pipeline
 * per product and dropout on/off.
 */

const TILE = 64;
const INNER = 16;

type DropCall = KernelCall<'dropMatmul'> | KernelCall<'dropMatmulBackward'>;

/** The shared skeleton: `loadA` fills a_tile[r·16 + t] (r < 64 rows, t < 16 inner), `loadB` fills b_tile[t·64 + c]; `store` writes acc. */
function tiled(
  b: DispatchBuilder,
  dims: { batch: number; m: number; n: number; inner: number },
  loadA: string,
  loadB: string,
  store: string,
  dropout: boolean,
): KernelDispatch {
  b.u32('batch', dims.batch).u32('m', dims.m).u32('n', dims.n).u32('inner', dims.inner);
  const tiles = dims.batch * Math.ceil(dims.m / TILE) * Math.ceil(dims.n / TILE);
  return b.build(
    tiles,
    (decls) => `${decls}
${dropout ? WGSL_ATTENTION_DROPOUT : ''}
var<workgroup> a_tile: array<f32, ${TILE * INNER}>;
var<workgroup> b_tile: array<f32, ${INNER * TILE}>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let tiles_m = (u.m + ${TILE - 1}u) / ${TILE}u;
  let tiles_n = (u.n + ${TILE - 1}u) / ${TILE}u;
  let wg = linear_workgroup(wid, nwg);
  let mat = wg / (tiles_m * tiles_n);
  if (mat >= u.batch) { return; }
  let rest = wg % (tiles_m * tiles_n);
  let row0 = (rest / tiles_n) * ${TILE}u;
  let col0 = (rest % tiles_n) * ${TILE}u;
  let tx = lid % 16u;
  let ty = lid / 16u;
  var acc: array<f32, 16>;
  for (var k0 = 0u; k0 < u.inner; k0 += ${INNER}u) {
    ${loadA}
    ${loadB}
    workgroupBarrier();
    for (var t = 0u; t < ${INNER}u; t++) {
      let a = vec4<f32>(a_tile[(ty * 4u) * ${INNER}u + t], a_tile[(ty * 4u + 1u) * ${INNER}u + t], a_tile[(ty * 4u + 2u) * ${INNER}u + t], a_tile[(ty * 4u + 3u) * ${INNER}u + t]);
      let bv = vec4<f32>(b_tile[t * ${TILE}u + tx * 4u], b_tile[t * ${TILE}u + tx * 4u + 1u], b_tile[t * ${TILE}u + tx * 4u + 2u], b_tile[t * ${TILE}u + tx * 4u + 3u]);
      for (var r = 0u; r < 4u; r++) {
        acc[r * 4u] += a[r] * bv.x;
        acc[r * 4u + 1u] += a[r] * bv.y;
        acc[r * 4u + 2u] += a[r] * bv.z;
        acc[r * 4u + 3u] += a[r] * bv.w;
      }
    }
    workgroupBarrier();
  }
  ${store}
}`,
  );
}

/** Four consecutive elements of row `row` of a [rows, cols] matrix at column `col` (zeros outside). */
const read4 = (name: string, base: string, row: string, col: string, rows: string, cols: string) => `
    var ${name} = vec4<f32>();
    if (${row} < ${rows}) {
      for (var q = 0u; q < 4u; q++) {
        if (${col} + q < ${cols}) { ${name}[q] = ${base}_get((mat * ${rows} + ${row}) * ${cols} + ${col} + q); }
      }
    }`;

/** z for four mask columns of s's row i (its global row mat·rows + rowOffset + i). */
const zOf = (dropout: boolean, i: string, j: string) => (dropout ? `drop_scale4(mat * u.rows + u.row_offset + ${i}, ${j})` : 'vec4<f32>(1.0)');

function builder(call: DropCall, product: string, dropout: boolean): DispatchBuilder {
  const b = new DispatchBuilder(call as KernelCall<OpName>, `dropMatmul-${product}`, [dropout ? 'dropout' : 'plain']);
  return b;
}

/** Rows of s (M), its columns (N) and v's columns (K), and the number of matrices. */
function sizes(call: DropCall) {
  const s = call.inputs[0]!.shape;
  const r = s.length;
  return { batch: numel(s.slice(0, -2)), M: s[r - 2]!, N: s[r - 1]!, K: call.inputs[1]!.shape[r - 1]! };
}

function common(b: DispatchBuilder, call: DropCall, N: number, dropout: boolean): void {
  b.u32('rows', call.params.rows).u32('row_offset', call.params.rowOffset);
  if (dropout) dropoutUniforms(b, call.params, N);
}

export const dropMatmulKernel: WgslKernel<'dropMatmul'> = (call) => {
  const { batch, M, N, K } = sizes(call);
  if (numel(call.outputs[0]!.shape) === 0) return [];
  const dropout = call.params.p > 0;
  const b = builder(call, 'forward', dropout);
  b.input('s', call.inputs[0]!);
  b.input('v', call.inputs[1]!);
  b.output('o', call.outputs[0]!);
  b.u32('s_cols', N).u32('v_cols', K);
  common(b, call, N, dropout);
  // a(i, t) = s[i, t]·z(i, t): invocation → row lid/4, columns 4·(lid mod 4) …
  const loadA = `{
    let r = lid / 4u;
    let t4 = (lid % 4u) * 4u;${read4('sv', 's', 'row0 + r', 'k0 + t4', 'u.m', 'u.s_cols')}
    let z = ${zOf(dropout, 'row0 + r', 'k0 + t4')};
    for (var q = 0u; q < 4u; q++) { a_tile[r * ${INNER}u + t4 + q] = sv[q] * z[q]; }
  }`;
  const loadB = `{
    let t = lid / 16u;
    let c4 = (lid % 16u) * 4u;${read4('vv', 'v', 'k0 + t', 'col0 + c4', 'u.inner', 'u.v_cols')}
    for (var q = 0u; q < 4u; q++) { b_tile[t * ${TILE}u + c4 + q] = vv[q]; }
  }`;
  const store = storeTile('o', 'u.m', 'u.n', '1.0');
  return tiled(b, { batch, m: M, n: K, inner: N }, loadA, loadB, store, dropout);
};

/** Writes acc (rows ty·4 …, columns tx·4 …) to `out`, each row times `scale` (a vec4 expression in i, j). */
function storeTile(out: string, rows: string, cols: string, scale: string): string {
  return `for (var r = 0u; r < 4u; r++) {
    let i = row0 + ty * 4u + r;
    let j = col0 + tx * 4u;
    if (i >= ${rows}) { continue; }
    let z = ${scale === '1.0' ? 'vec4<f32>(1.0)' : scale};
    for (var c = 0u; c < 4u; c++) {
      if (j + c < ${cols}) { ${out}_set((mat * ${rows} + i) * ${cols} + j + c, acc[r * 4u + c] * z[c]); }
    }
  }`;
}

export const dropMatmulBackwardKernel: WgslKernel<'dropMatmulBackward'> = (call) => {
  const { batch, M, N, K } = sizes(call);
  const dropout = call.params.p > 0;
  const steps: KernelDispatch[] = [];
  if (numel(call.outputs[0]!.shape) > 0) {
    // ds [M, N] = (g · vᵀ) ⊙ z: a(i, t) = g[i, t], b(t, j) = v[j, t].
    const b = builder(call, 'ds', dropout);
    b.input('g', call.inputs[2]!);
    b.input('v', call.inputs[1]!);
    b.output('ds', call.outputs[0]!);
    b.u32('k_cols', K);
    common(b, call, N, dropout);
    const loadA = `{
      let r = lid / 4u;
      let t4 = (lid % 4u) * 4u;${read4('gv', 'g', 'row0 + r', 'k0 + t4', 'u.m', 'u.k_cols')}
      for (var q = 0u; q < 4u; q++) { a_tile[r * ${INNER}u + t4 + q] = gv[q]; }
    }`;
    const loadB = `{
      let c = lid / 4u;
      let t4 = (lid % 4u) * 4u;${read4('vv', 'v', 'col0 + c', 'k0 + t4', 'u.n', 'u.k_cols')}
      for (var q = 0u; q < 4u; q++) { b_tile[(t4 + q) * ${TILE}u + c] = vv[q]; }
    }`;
    const store = storeTile('ds', 'u.m', 'u.n', zOf(dropout, 'i', 'j'));
    steps.push(tiled(b, { batch, m: M, n: N, inner: K }, loadA, loadB, store, dropout));
  }
  if (numel(call.outputs[1]!.shape) > 0) {
    // dv [N, K] = (s ⊙ z)ᵀ · g: a(j, i) = s[i, j]·z(i, j), b(i, k) = g[i, k]; the inner axis is M.
    const b = builder(call, 'dv', dropout);
    b.input('s', call.inputs[0]!);
    b.input('g', call.inputs[2]!);
    b.output('dv', call.outputs[1]!);
    b.u32('s_rows', M).u32('s_cols', N).u32('k_cols', K);
    common(b, call, N, dropout);
    const loadA = `{
      let t = lid / 16u;
      let r4 = (lid % 16u) * 4u;${read4('sv', 's', 'k0 + t', 'row0 + r4', 'u.s_rows', 'u.s_cols')}
      let z = ${zOf(dropout, 'k0 + t', 'row0 + r4')};
      for (var q = 0u; q < 4u; q++) { a_tile[(r4 + q) * ${INNER}u + t] = sv[q] * z[q]; }
    }`;
    const loadB = `{
      let t = lid / 16u;
      let c4 = (lid % 16u) * 4u;${read4('gv', 'g', 'k0 + t', 'col0 + c4', 'u.s_rows', 'u.k_cols')}
      for (var q = 0u; q < 4u; q++) { b_tile[t * ${TILE}u + c4 + q] = gv[q]; }
    }`;
    const store = storeTile('dv', 'u.m', 'u.n', '1.0');
    steps.push(tiled(b, { batch, m: N, n: K, inner: M }, loadA, loadB, store, dropout));
  }
  return steps;
};
