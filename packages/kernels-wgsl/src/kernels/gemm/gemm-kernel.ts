import type { TensorRef } from '@lightattn/tensor-core';
import { DispatchBuilder, type CallIdentity, type KernelDispatch } from '../../kernel-api.js';
import { MMA, type MatrixEmitter } from '../wgsl/subgroup-matrix.js';
import { accumulateWgsl, wgslBlock, type Job } from '../wgsl/matrix-accumulate.js';
import { blockM, blockN, gemmThreads, STAGE_PAD, type GemmConfig } from './gemm-config.js';
import { stagedCount, type StagedOperand } from './gemm-stage.js';

/** What the main kernel multiplies: the two staged operands and the output's batch walk. */
export interface GemmProblem {
  readonly a: StagedOperand;
  readonly b: StagedOperand;
  readonly out: TensorRef;
  readonly m: number;
  readonly n: number;
  readonly batch: number;
  /** Merged output batch dims and each operand's stride over them, in matrices (0 where broadcast). */
  readonly batchDims: readonly number[];
  readonly aStrides: readonly number[];
  readonly bStrides: readonly number[];
}

/**
 * C = (A_s·B_sᵀ)/(sA·sB) on subgroup matrices from the staged copies (gemm-stage.ts): A_s [M_p, K_p]
 * and B_s [N_p, K_p], K contiguous in both, so B's fragments load column-major. Each k step of bk:
 * the next block is fetched into registers with 16-byte loads while the current one is multiplied,
 * then written to workgroup memory (row stride bk + 8: 16-byte multiples, rows in distinct banks).
 * Blocks wholly inside C store their accumulators straight to it; edge blocks go through workgroup
 * memory and store element by element with bounds checks.
 */
export function gemmMainDispatch(call: CallIdentity, e: MatrixEmitter, c: GemmConfig, p: GemmProblem): KernelDispatch {
  const [BM, BN, T] = [blockM(c), blockN(c), gemmThreads(c)];
  const [tm, tn] = [c.sm / MMA, c.sn / MMA];
  const subgroups = c.gm * c.gn;
  const stride = c.bk + STAGE_PAD;
  const per = e.emulate ? 4 : 8;
  const parts = e.split ? ['hi', 'lo'] : ['hi'];
  const tilesM = Math.ceil(p.m / BM);
  const tilesN = Math.ceil(p.n / BN);
  const total = p.batch * tilesM * tilesN;
  const na = (BM * c.bk) / per / T;
  const nb = (BN * c.bk) / per / T;
  if (!Number.isInteger(na) || !Number.isInteger(nb)) throw new RangeError(`gemm tile ${JSON.stringify(c)}: blocks are not whole 16-byte loads per invocation`);

  const b = new DispatchBuilder(call, 'gemm', [e.emulate ? 'emulated' : 'f16', e.split ? 'split' : 'hi', `${c.gm}x${c.gn}:${c.sm}x${c.sn}:${c.bk}`]);
  b.output('c', p.out);
  b.plainScratch(p.a.name, e.emulate ? 'vec4<f32>' : 'vec4<u32>', (stagedCount(p.a) * parts.length) / per, 'read');
  b.plainScratch(p.b.name, e.emulate ? 'vec4<f32>' : 'vec4<u32>', (stagedCount(p.b) * parts.length) / per, 'read');
  // Read-only: the scales, read at uniform indices, are then uniform values (subgroup-matrix scalars).
  b.plainScratch('gemm_scales', 'f32', p.a.scaleCount, 'read');
  b.u32('m', p.m).u32('n', p.n).u32('kp', p.a.kPadded).u32('mp', p.a.rowsPadded).u32('np', p.b.rowsPadded);
  b.u32('a_lo', stagedCount(p.a)).u32('b_lo', stagedCount(p.b)).u32('a_scale_at', p.a.scaleAt).u32('b_scale_at', p.b.scaleAt);
  b.u32('tiles_m', tilesM).u32('tiles_n', tilesN).u32('tiles_total', total).u32('batch_rank', p.batchDims.length);
  b.uniforms.u32Array('batch_shape', p.batchDims).u32Array('a_strides', p.aStrides).u32Array('b_strides', p.bStrides);
  b.expectFlops(2 * p.batch * p.m * p.n * p.a.k * (e.split ? 3 : 1));

  const elem = e.elem;
  const smem = parts.flatMap((q) => [`var<workgroup> a_${q}_s: array<${elem}, ${BM * stride}>;`, `var<workgroup> b_${q}_s: array<${elem}, ${BN * stride}>;`]);
  const regs = parts.flatMap((q) => [
    `var ra_${q}: array<vec4<${e.emulate ? 'f32' : 'u32'}>, ${na}>;`,
    `var rb_${q}: array<vec4<${e.emulate ? 'f32' : 'u32'}>, ${nb}>;`,
  ]);
  // Vector v of a block: row v / (bk/per), elements per·(v mod bk/per) … of the row.
  const rowOf = (v: string) => `${v} / ${c.bk / per}u`;
  const colOf = (v: string) => `(${v} % ${c.bk / per}u) * ${per}u`;
  const fetch = parts.flatMap((q) => [
    `for (var q = 0u; q < ${na}u; q++) { let v = lid + q * ${T}u; ra_${q}[q] = ${p.a.name}[(${q === 'lo' ? 'u.a_lo + ' : ''}a_base + (m0 + ${rowOf('v')}) * u.kp + k0 + ${colOf('v')}) / ${per}u]; }`,
    `for (var q = 0u; q < ${nb}u; q++) { let v = lid + q * ${T}u; rb_${q}[q] = ${p.b.name}[(${q === 'lo' ? 'u.b_lo + ' : ''}b_base + (n0 + ${rowOf('v')}) * u.kp + k0 + ${colOf('v')}) / ${per}u]; }`,
  ]);
  const put = (dst: string, w: string) =>
    e.emulate
      ? [0, 1, 2, 3].map((x) => `${dst}[o + ${x}u] = ${w}[${x}];`).join(' ')
      : [0, 1, 2, 3].map((x) => `let h${x} = bitcast<vec2<f16>>(${w}[${x}]); ${dst}[o + ${2 * x}u] = h${x}.x; ${dst}[o + ${2 * x + 1}u] = h${x}.y;`).join(' ');
  const spill = parts.flatMap((q) => [
    `for (var q = 0u; q < ${na}u; q++) { let v = lid + q * ${T}u; let o = (${rowOf('v')}) * ${stride}u + ${colOf('v')}; ${put(`a_${q}_s`, `ra_${q}[q]`)} }`,
    `for (var q = 0u; q < ${nb}u; q++) { let v = lid + q * ${T}u; let o = (${rowOf('v')}) * ${stride}u + ${colOf('v')}; ${put(`b_${q}_s`, `rb_${q}[q]`)} }`,
  ]);
  const accs: string[] = [];
  const jobs: Job[] = [];
  for (let i = 0; i < tm; i++) {
    for (let j = 0; j < tn; j++) {
      accs.push(e.declareAcc(`acc_${i}_${j}`));
      jobs.push({ acc: `acc_${i}_${j}`, l: (q) => `fa_${q}${i}`, r: (q) => `fb_${q}${j}` });
    }
  }
  const steps: string[] = [];
  for (let kk = 0; kk < c.bk / MMA; kk++) {
    const loads: string[] = [];
    for (const q of parts) {
      for (let i = 0; i < tm; i++)
        loads.push(e.loadLeft(`fa_${q}${i}`, { array: `a_${q}_s`, offset: `(r0 + ${i * MMA}u) * ${stride}u + ${kk * MMA}u`, colMajor: false, stride }));
      for (let j = 0; j < tn; j++)
        loads.push(e.loadRight(`fb_${q}${j}`, { array: `b_${q}_s`, offset: `(c0 + ${j * MMA}u) * ${stride}u + ${kk * MMA}u`, colMajor: true, stride }));
    }
    steps.push(wgslBlock([...loads, ...accumulateWgsl(e, jobs)]));
  }
  const direct: string[] = [];
  const viaShared: string[] = [];
  for (let i = 0; i < tm; i++) {
    for (let j = 0; j < tn; j++) {
      const acc = `acc_${i}_${j}`;
      const at = `u.c_offset + c_base + (m0 + r0 + ${i * MMA}u) * u.n + n0 + c0 + ${j * MMA}u`;
      direct.push(e.scale(acc, 'unscale_a'), e.scale(acc, 'unscale_b'));
      direct.push(
        e.emulate
          ? `for (var mc = 0u; mc < 8u; mc++) { c[${at} + (sg_lane / 2u) * u.n + (sg_lane % 2u) * 8u + mc] = ${acc}[mc]; }`
          : `subgroupMatrixStore(&c, ${at}, ${acc}, false, u.n);`,
      );
      // Every subgroup parks accumulator (i, j) in its 16×16 block of ep; the workgroup then writes
      // all blocks out, each invocation 8 elements (which subgroup owns which block is known).
      viaShared.push(e.store(acc, 'ep', `sid * ${MMA * MMA}u`, MMA), 'workgroupBarrier();');
      viaShared.push(
        `for (var x = lid; x < ${subgroups * MMA * MMA}u; x += ${T}u) {
      let g = x / ${MMA * MMA}u;
      let row = m0 + (g / ${c.gn}u) * ${c.sm}u + ${i * MMA}u + (x % ${MMA * MMA}u) / ${MMA}u;
      let col = n0 + (g % ${c.gn}u) * ${c.sn}u + ${j * MMA}u + x % ${MMA}u;
      if (row < u.m && col < u.n) { c_set(c_base + row * u.n + col, ep[x] * unscale_a * unscale_b); }
    }`,
        'workgroupBarrier();',
      );
    }
  }

  return b.build(
    total,
    (decls) => `${e.enables()}${decls}
${e.helpers()}
${smem.join('\n')}
var<workgroup> ep: array<f32, ${subgroups * MMA * MMA}>;
@compute @workgroup_size(${T})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32${e.entryParams()}) {
  ${e.prelude()}
  let wg = linear_workgroup(wid, nwg);
  if (wg >= u.tiles_total) { return; }
  // Grouped order (as matmul.ts): 8 block rows walked together share B's panels in L2.
  let per_batch = u.tiles_m * u.tiles_n;
  let batch = wg / per_batch;
  let t = wg % per_batch;
  let group_first = (t / (8u * u.tiles_n)) * 8u;
  let group_rows = min(u.tiles_m - group_first, 8u);
  let within = t % (8u * u.tiles_n);
  let m0 = (group_first + within % group_rows) * ${BM}u;
  let n0 = (within / group_rows) * ${BN}u;
  var ia = 0u;
  var ib = 0u;
  var rest = batch;
  for (var d = i32(u.batch_rank) - 1; d >= 0; d--) {
    let size = u.batch_shape[u32(d) >> 2u][u32(d) & 3u];
    let index = rest % size;
    rest = rest / size;
    ia += index * u.a_strides[u32(d) >> 2u][u32(d) & 3u];
    ib += index * u.b_strides[u32(d) >> 2u][u32(d) & 3u];
  }
  let a_base = ia * u.mp * u.kp;
  let b_base = ib * u.np * u.kp;
  let c_base = batch * u.m * u.n;
  let r0 = (sid / ${c.gn}u) * ${c.sm}u;
  let c0 = (sid % ${c.gn}u) * ${c.sn}u;
  ${accs.join('\n  ')}
  ${regs.join('\n  ')}
  var k0 = 0u;
  ${fetch.join('\n  ')}
  loop {
    workgroupBarrier();
    ${spill.join('\n    ')}
    workgroupBarrier();
    k0 += ${c.bk}u;
    if (k0 < u.kp) {
      ${fetch.join('\n      ')}
    }
    ${steps.join('\n    ')}
    if (k0 >= u.kp) { break; }
  }
  // 1/(sA·sB), applied as two exact powers of two (their product alone could leave f32's range).
  let unscale_a = 1.0 / gemm_scales[u.a_scale_at + ia];
  let unscale_b = 1.0 / gemm_scales[u.b_scale_at + ib];
  if (m0 + ${BM}u <= u.m && n0 + ${BN}u <= u.n) {
    ${direct.join('\n    ')}
  } else {
    ${viaShared.join('\n    ')}
  }
}`,
  );
}
