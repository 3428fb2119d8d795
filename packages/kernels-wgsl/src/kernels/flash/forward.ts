import { DeviceError } from '@lightattn/tensor-core';
import { ceilDiv, WGSL_FLOAT_BITS, type KernelCall, type KernelDispatch, type WgslKernel } from '../../kernel-api.js';
import { WGSL_ATTENTION_DROPOUT } from '../wgsl/attention-dropout.js';
import { flashAllowedWgsl, flashBuilder, flashFlops, flashGeometry, WGSL_DROP_AT, WGSL_FLASH_COMMON, queryBlockStartWgsl } from './common.js';
import { flashSharedLayout, flashTileFits, selectFlashConfig, type FlashTile } from './config.js';
import {
  ntAccWgsl,
  ntA,
  ntB,
  ntProductWgsl,
  sharedAt,
  sharedBytes,
  sharedDecl,
  splitProduct,
  splitThreads,
  stageWgsl,
  stagingWgsl,
  storeTnWgsl,
  tnA,
  tnAccWgsl,
  tnProductWgsl,
  type SharedMatrix,
} from './tiles.js';

/**
 * Flash attention forward (FlashAttention-2's loop order). A workgroup owns `br` query rows of one
 * (b, h) with scale·q staged in workgroup memory, and walks the keys in tiles of `bc`, skipping the
 * tiles past its last causal key. Per tile, with a barrier after each phase:
 *   1. stage k; S = (scale·q)·kᵀ register-blocked (each invocation a few keys × a few rows); each
 *      invocation writes the max of its allowed scores per row;
 *   2. stage v into k's buffer; each invocation combines the row maxima into m′ (every invocation
 *      of a row gets the same m′), rescales its partial Σ exp by exp(m − m′), and writes
 *      P = exp(s − m′)·z (z: dropout) for its scores;
 *   3. O ← O·exp(m − m′) + P·v, register-blocked (quads of rows × quads of columns).
 * At the end l = Σ of the partial sums, o = O / l and L = m + log l; a row with no allowed key gives
 * o = 0 and L = −Inf.
 */
export const flashAttentionKernel: WgslKernel<'flashAttention'> = (call) => {
  const g = flashGeometry(call);
  return flashAttentionDispatch(call, selectFlashConfig(g.db, g.dvb, call.device).forward);
};

/** The forward dispatch with an explicit tile (benchmarks and tests try several). */
export function flashAttentionDispatch(call: KernelCall<'flashAttention'>, tile: FlashTile): KernelDispatch | [] {
  const g = flashGeometry(call);
  if (g.B * g.H * g.Tq === 0) return [];
  const { br, bc, threads } = tile;
  const [unroll, prefetch] = [!!tile.unroll, !!tile.prefetch];
  if (!flashTileFits('forward', tile, g.db, g.dvb, call.device))
    throw new DeviceError(`flashAttention: tile ${JSON.stringify(tile)} does not fit this device's workgroup limits`);
  const b = flashBuilder(call, 'flashAttention', g, [
    `br${br}`,
    `bc${bc}`,
    `t${threads}`,
    unroll ? 'unrolled' : 'loops',
    prefetch ? 'prefetch' : 'direct',
  ]).expectFlops(flashFlops(call, g, [g.D, g.Dv]));
  b.input('q', call.inputs[0]!, { vec4: g.vec });
  b.input('k', call.inputs[1]!, { vec4: g.vec });
  b.input('v', call.inputs[2]!, { vec4: g.vec });
  b.input('mask', call.inputs[3]!);
  b.output('o', call.outputs[0]!, { vec4: g.vec });
  b.output('lse', call.outputs[1]!);
  const qTiles = ceilDiv(g.Tq, br);
  b.u32('q_tiles', qTiles);

  const [qs, kvs, ps] = flashSharedLayout('forward', tile, g.db, g.dvb).matrices as [SharedMatrix, SharedMatrix, SharedMatrix];
  const ks = { ...kvs, cols: g.db };
  const vs = { ...kvs, cols: g.dvb };
  const kvLength = Math.max(sharedBytes(ks), sharedBytes(vs)) / 16;
  // Scores: keys (a) × rows (b); neighbouring invocations take neighbouring rows, so writing P in
  // key-major order is contiguous. P·v: quads of rows × quads of v's columns.
  const sSplit = splitProduct(bc, br, threads, { a: false, b: false });
  const oSplit = splitProduct(br, g.dvb, threads, { a: true, b: true });
  // Per row, one partial max (then Σ exp) per key group, as vec4s.
  const groups4 = Math.ceil(sSplit.aGroups / 4);
  const { dropout, vec } = g;
  const kStage = { m: ks, src: 'k', base: 'k_base', n: 'u.tk', width: 'u.d', w4: 'u.d4', threads, vec };
  const vStage = { m: vs, src: 'v', base: 'v_base', n: 'u.tk', width: 'u.dv', w4: 'u.dv4', threads, vec };
  const kPre = stagingWgsl({ ...kStage, reg: 'pk' });
  const vPre = stagingWgsl({ ...vStage, reg: 'pv' });

  const key = (e: number) => ntA(sSplit, 's_at', e);
  const row = (f: number) => ntB(sSplit, 's_bt', f);
  const ok = (e: number, f: number) => `allowed(m_base, limit${f}, i0 + ${row(f)}, j0 + ${key(e)})`;
  const rowRegs: string[] = [];
  const partialMax: string[] = [];
  const softmax: string[] = [];
  const partialSums: string[] = [];
  const lse: string[] = [];
  // Lanes past the key groups (fewer than 4 groups) hold NEG_BIG for the max and weigh 0 in the sum.
  const lanes = (c: number) => [0, 1, 2, 3].map((t) => (4 * c + t < sSplit.aGroups ? '1.0' : '0.0')).join(', ');
  const groupSum = (r: string) => Array.from({ length: groups4 }, (_, c) => `dot(red_s[(${r}) * ${groups4}u + ${c}u], vec4<f32>(${lanes(c)}))`).join(' + ');
  const invL = (r: string) => `select(0.0, 1.0 / (${groupSum(r)}), (${groupSum(r)}) > 0.0)`;
  for (let f = 0; f < sSplit.nb; f++) {
    rowRegs.push(`let limit${f} = select(0u, last_key(i0 + ${row(f)}), i0 + ${row(f)} < u.tq);`, `var m${f} = NEG_BIG;`, `var l${f} = 0.0;`);
    partialMax.push(`var mx${f} = NEG_BIG;`);
    for (let e = 0; e < sSplit.na; e++) partialMax.push(`if (${ok(e, f)}) { mx${f} = max(mx${f}, s_${e}_${f}); }`);
    partialMax.push(`red_s[${row(f)} * ${groups4}u + s_at / 4u][s_at % 4u] = mx${f};`);
    const maxes = Array.from({ length: groups4 }, (_, c) => `red_s[${row(f)} * ${groups4}u + ${c}u]`);
    softmax.push(`{`, `  var t4 = ${maxes[0]};`, ...maxes.slice(1).map((x) => `  t4 = max(t4, ${x});`));
    softmax.push(`  let m_new = max(m${f}, max(max(t4.x, t4.y), max(t4.z, t4.w)));`);
    // exp(m − m′) rescales what was summed against the old max (nothing yet while m is NEG_BIG).
    softmax.push(`  let correction = select(exp(m${f} - m_new), 0.0, m${f} == NEG_BIG);`, `  var sum = 0.0;`);
    for (let e = 0; e < sSplit.na; e++) {
      const z = dropout ? ` * drop_at(drop_global_row(bh, i0 + ${row(f)}), j0 + ${key(e)})` : '';
      softmax.push(`  { var w = 0.0; if (${ok(e, f)}) { let p = exp(s_${e}_${f} - m_new); sum += p; w = p${z}; } ${sharedAt(ps, key(e), row(f))} = w; }`);
    }
    softmax.push(`  l${f} = l${f} * correction + sum;`, `  m${f} = m_new;`, `  if (s_at == 0u) { corr_s[${row(f)}] = correction; }`, `}`);
    partialSums.push(`red_s[${row(f)} * ${groups4}u + s_at / 4u][s_at % 4u] = l${f};`);
    lse.push(`{ let i = i0 + ${row(f)}; let l = ${groupSum(row(f))}; if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m${f} + log(l), l > 0.0)); } }`);
  }
  const rescale: string[] = [];
  for (let i = 0; i < oSplit.na; i++) {
    rescale.push(`let c${i} = corr_s[${tnA(oSplit, 'o_at', i)}];`);
    for (let p = 0; p < oSplit.nb / 4; p++) rescale.push(`o_${i}_${p} *= c${i};`);
  }
  const sOn = `lid < ${splitThreads(sSplit)}u`;

  return b.build(
    g.B * g.H * qTiles,
    (decls) => `${decls}
${WGSL_FLOAT_BITS}
${dropout ? WGSL_ATTENTION_DROPOUT + WGSL_DROP_AT : ''}
${WGSL_FLASH_COMMON}
${flashAllowedWgsl(g.maskScalar)}
${sharedDecl(qs)}
var<workgroup> kv_s: array<vec4<f32>, ${kvLength}>;
${sharedDecl(ps)}
var<workgroup> corr_s: array<f32, ${br}>;
var<workgroup> red_s: array<vec4<f32>, ${br * groups4}>;

@compute @workgroup_size(${threads})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  ${queryBlockStartWgsl(br)}
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  ${stageWgsl({ m: qs, src: 'q', base: 'bh * u.tq * u.d', r0: 'i0', n: 'u.tq', width: 'u.d', w4: 'u.d4', threads, vec, scale: 'u.scale' })}
  // Red lanes padding the key groups to vec4s hold NEG_BIG / 0 for good.
  for (var e = lid; e < ${br * groups4 * 4}u; e += ${threads}u) { red_s[e / 4u][e % 4u] = NEG_BIG; }

  let s_at = lid / ${sSplit.bGroups}u;
  let s_bt = lid % ${sSplit.bGroups}u;
  ${rowRegs.join('\n  ')}
  ${ntAccWgsl(sSplit, 's', false)}
  let o_at = lid / ${oSplit.bGroups}u;
  let o_bt = lid % ${oSplit.bGroups}u;
  ${tnAccWgsl(oSplit, 'o')}
  ${prefetch ? `${kPre.decls}\n  ${vPre.decls}\n  ${kPre.load('0u')}\n  ${vPre.load('0u')}` : ''}

  for (var j0 = 0u; j0 < key_end; j0 += ${bc}u) {
    let kn = min(${bc}u, key_end - j0);
    let has_next = j0 + ${bc}u < key_end;
    ${prefetch ? kPre.store : stageWgsl({ ...kStage, r0: 'j0' })}
    workgroupBarrier();
    ${prefetch ? `if (has_next) { ${kPre.load(`j0 + ${bc}u`)} }` : ''}
    if (${sOn}) {
      ${ntAccWgsl(sSplit, 's', true)}
      ${ntProductWgsl({ a: ks, b: qs, split: sSplit, acc: 's', at: 's_at', bt: 's_bt', k4Bound: unroll ? `${g.db / 4}u` : 'u.d4' })}
      ${partialMax.join('\n      ')}
    }
    workgroupBarrier();
    ${prefetch ? vPre.store : stageWgsl({ ...vStage, r0: 'j0' })}
    ${prefetch ? `if (has_next) { ${vPre.load(`j0 + ${bc}u`)} }` : ''}
    if (${sOn}) {
      ${softmax.join('\n      ')}
    }
    workgroupBarrier();
    if (lid < ${splitThreads(oSplit)}u) {
      ${rescale.join('\n      ')}
      ${tnProductWgsl([{ a: ps, b: vs, acc: 'o', split: oSplit }], 'o_at', 'o_bt', unroll ? `${bc}u` : 'kn')}
    }
    workgroupBarrier();
  }

  // l = Σ of the key groups' partial sums (all taken against the same running max).
  if (${sOn}) {
    ${partialSums.join('\n    ')}
  }
  workgroupBarrier();
  if (${sOn} && s_at == 0u) {
    ${lse.join('\n    ')}
  }
  if (lid < ${splitThreads(oSplit)}u) {
    ${storeTnWgsl({ split: oSplit, acc: 'o', at: 'o_at', bt: 'o_bt', dst: 'o', base: 'bh * u.tq * u.dv', r0: 'i0', n: 'u.tq', width: 'u.dv', vec, rowScale: (r) => invL(tnA(oSplit, 'o_at', r)) })}
  }
}`,
  );
}
