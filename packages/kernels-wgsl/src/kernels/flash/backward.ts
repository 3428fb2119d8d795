import { DeviceError } from '@lightattn/tensor-core';
import { ceilDiv, type KernelCall, type KernelDispatch, type WgslKernel } from '../../kernel-api.js';
import { WGSL_ATTENTION_DROPOUT } from '../wgsl/attention-dropout.js';
import {
  flashAllowedWgsl,
  flashBuilder,
  flashFlops,
  flashGeometry,
  WGSL_DROP_AT,
  WGSL_FLASH_COMMON,
  type FlashGeometry,
  queryBlockStartWgsl,
} from './common.js';
import { flashSharedLayout, flashTileFits, selectFlashConfig, type FlashConfig } from './config.js';
import {
  ntA,
  ntAccWgsl,
  ntB,
  ntProductWgsl,
  sharedAt,
  sharedDecl,
  splitProduct,
  splitThreads,
  stageWgsl,
  stagingWgsl,
  storeTnWgsl,
  tnAccWgsl,
  tnProductWgsl,
  withB,
  type SharedMatrix,
} from './tiles.js';

type Call = KernelCall<'flashAttentionBackward'>;

/**
 * Flash attention backward from the saved L alone (FlashAttention-2's split, no atomics), in three
 * dispatches:
 *   1. D_i = Σ_c dO_ic·O_ic per query row, into a scratch buffer;
 *   2. dQ: a workgroup per `br` query rows (scale·q and dO staged once), over key tiles of `bc`:
 *      S = (scale·q)·kᵀ and dP = dO·vᵀ register-blocked, dS = P ⊙ (z·dP − D) with P = exp(S − L)
 *      into workgroup memory, then dQ += dS·k register-blocked; dq = scale·dQ;
 *   3. dK, dV: a workgroup per `bc` key rows (k, v staged once), over query tiles of `br`:
 *      Sᵀ and dPᵀ as above, P·z and dS into workgroup memory, then dV += (P·z)ᵀ·dO and
 *      dK += dSᵀ·(scale·q) register-blocked.
 * Scores are recomputed in 2 and 3 — the price of keeping no [Tq, Tk] tensor and no float atomics.
 * Causal tiles that see no key (or no query) are skipped.
 */
export const flashAttentionBackwardKernel: WgslKernel<'flashAttentionBackward'> = (call) => {
  const g = flashGeometry(call);
  return flashAttentionBackwardSteps(call, selectFlashConfig(g.db, g.dvb, call.device));
};

/** The backward's dispatches with explicit tiles (benchmarks and tests try several). */
export function flashAttentionBackwardSteps(call: Call, config: Pick<FlashConfig, 'dq' | 'dkdv'>): KernelDispatch[] {
  const g = flashGeometry(call);
  for (const kind of ['dq', 'dkdv'] as const) {
    if (!flashTileFits(kind, config[kind], g.db, g.dvb, call.device))
      throw new DeviceError(`flashAttentionBackward: ${kind} tile ${JSON.stringify(config[kind])} does not fit this device`);
  }
  const steps: KernelDispatch[] = [];
  if (g.B * g.H * g.Tq > 0) steps.push(deltaStep(call, g), dqStep(call, g, config));
  if (g.B * g.H * g.Tk > 0) steps.push(dkdvStep(call, g, config));
  return steps;
}

/** Binds the inputs the step reads, by name (q, k, v, mask, o, lse, g as inputs 0 … 6); row tensors as vec4 when aligned. */
function bind(b: ReturnType<typeof flashBuilder>, call: Call, g: FlashGeometry, names: readonly string[]): void {
  const order = ['q', 'k', 'v', 'mask', 'o', 'lse', 'g'];
  for (const name of names) b.input(name, call.inputs[order.indexOf(name)]!, { vec4: g.vec && name !== 'mask' && name !== 'lse' });
}

/** D_i = Σ_c dO_ic·O_ic into the scratch `delta` (also used by the tensor-core backward). */
export function deltaStep(call: Call, g: FlashGeometry): KernelDispatch {
  const b = flashBuilder(call, 'flashAttentionBackward-delta', g, []);
  bind(b, call, g, ['o', 'g']);
  const n = g.B * g.H * g.Tq;
  b.scratch('delta', 'f32', n);
  b.u32('n', n);
  const sum = g.vec
    ? 'for (var c4 = 0u; c4 < u.dv4; c4++) { sum += dot(g_get4(row * u.dv4 + c4), o_get4(row * u.dv4 + c4)); }'
    : 'for (var c = 0u; c < u.dv; c++) { sum += g_get(row * u.dv + c) * o_get(row * u.dv + c); }';
  return b.build(
    ceilDiv(n, 64),
    (decls) => `${decls}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = linear_workgroup(wid, nwg) * 64u + lid;
  if (row >= u.n) { return; }
  var sum = 0.0;
  ${sum}
  delta_set(row, sum);
}`,
  );
}

/**
 * Per element of an NT tile: p = exp(s − L) where allowed (0 elsewhere), then `body` with p, z (the
 * dropout scale) and the element's dp. `row(e, f)`/`key(e, f)` give its query row and key within tiles.
 */
function elementwiseWgsl(o: {
  na: number;
  nb: number;
  ok: (e: number, f: number) => string;
  i: (e: number, f: number) => string;
  j: (e: number, f: number) => string;
  L: (e: number, f: number) => string;
  dropout: boolean;
  body: (e: number, f: number) => string;
}): string {
  const lines: string[] = [];
  for (let e = 0; e < o.na; e++) {
    for (let f = 0; f < o.nb; f++) {
      lines.push(`{
        var p = 0.0;
        var z = 1.0;
        if (${o.ok(e, f)}) {
          p = exp(s_${e}_${f} - ${o.L(e, f)});
          ${o.dropout ? `z = drop_at(drop_global_row(bh, ${o.i(e, f)}), ${o.j(e, f)});` : ''}
        }
        let dp = dp_${e}_${f};
        ${o.body(e, f)}
      }`);
    }
  }
  return lines.join('\n      ');
}

function dqStep(call: Call, g: FlashGeometry, config: Pick<FlashConfig, 'dq'>): KernelDispatch {
  const tile = config.dq;
  const { br, bc, threads } = tile;
  const [unroll, prefetch] = [!!tile.unroll, !!tile.prefetch];
  // S, dP and dQ += dS·k.
  const b = flashBuilder(call, 'flashAttentionBackward-dq', g, [
    `br${br}`,
    `bc${bc}`,
    `t${threads}`,
    unroll ? 'unrolled' : 'loops',
    prefetch ? 'prefetch' : 'direct',
  ]).expectFlops(flashFlops(call, g, [g.D, g.Dv, g.D]));
  bind(b, call, g, ['q', 'k', 'v', 'mask', 'lse', 'g']);
  b.scratch('delta', 'f32', g.B * g.H * g.Tq);
  b.output('dq', call.outputs[0]!, { vec4: g.vec });
  const qTiles = ceilDiv(g.Tq, br);
  b.u32('q_tiles', qTiles);
  const [qs, gs, ks, vs, dss] = flashSharedLayout('dq', tile, g.db, g.dvb).matrices as [SharedMatrix, SharedMatrix, SharedMatrix, SharedMatrix, SharedMatrix];
  // S and dP: keys (a) × query rows (b), so neighbouring invocations write neighbouring rows of dS (key-major).
  const nt = splitProduct(bc, br, threads, { a: false, b: false });
  const tn = splitProduct(br, g.db, threads, { a: true, b: true });
  const { dropout, vec } = g;
  const kStage = { m: ks, src: 'k', base: 'k_base', n: 'u.tk', width: 'u.d', w4: 'u.d4', threads, vec };
  const vStage = { m: vs, src: 'v', base: 'v_base', n: 'u.tk', width: 'u.dv', w4: 'u.dv4', threads, vec };
  const [kPre, vPre] = [stagingWgsl({ ...kStage, reg: 'pk' }), stagingWgsl({ ...vStage, reg: 'pv' })];
  const rowRegs: string[] = [];
  for (let f = 0; f < nt.nb; f++) {
    const i = `(i0 + ${ntB(nt, 'n_bt', f)})`;
    rowRegs.push(`let live${f} = ${i} < u.tq;`);
    rowRegs.push(`let limit${f} = select(0u, last_key(${i}), live${f});`);
    rowRegs.push(`var L${f} = 0.0;`, `var D${f} = 0.0;`);
    rowRegs.push(`if (live${f}) { L${f} = lse_get(bh * u.tq + ${i}); D${f} = delta_get(bh * u.tq + ${i}); }`);
  }
  const ds = elementwiseWgsl({
    na: nt.na,
    nb: nt.nb,
    dropout,
    i: (_e, f) => `i0 + ${ntB(nt, 'n_bt', f)}`,
    j: (e) => `j0 + ${ntA(nt, 'n_at', e)}`,
    ok: (e, f) => `allowed(m_base, limit${f}, i0 + ${ntB(nt, 'n_bt', f)}, j0 + ${ntA(nt, 'n_at', e)})`,
    L: (_e, f) => `L${f}`,
    body: (e, f) => `${sharedAt(dss, ntA(nt, 'n_at', e), ntB(nt, 'n_bt', f))} = p * (dp * z - D${f});`,
  });

  return b.build(
    g.B * g.H * qTiles,
    (decls) => `${decls}
${dropout ? WGSL_ATTENTION_DROPOUT + WGSL_DROP_AT : ''}
${WGSL_FLASH_COMMON}
${flashAllowedWgsl(g.maskScalar)}
${[qs, gs, ks, vs, dss].map(sharedDecl).join('\n')}

@compute @workgroup_size(${threads})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  ${queryBlockStartWgsl(br)}
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  ${stageWgsl({ m: qs, src: 'q', base: 'bh * u.tq * u.d', r0: 'i0', n: 'u.tq', width: 'u.d', w4: 'u.d4', threads, vec, scale: 'u.scale' })}
  ${stageWgsl({ m: gs, src: 'g', base: 'bh * u.tq * u.dv', r0: 'i0', n: 'u.tq', width: 'u.dv', w4: 'u.dv4', threads, vec })}

  let n_at = lid / ${nt.bGroups}u;
  let n_bt = lid % ${nt.bGroups}u;
  ${rowRegs.join('\n  ')}
  ${ntAccWgsl(nt, 's', false)}
  ${ntAccWgsl(nt, 'dp', false)}
  let t_at = lid / ${tn.bGroups}u;
  let t_bt = lid % ${tn.bGroups}u;
  ${tnAccWgsl(tn, 'dq')}
  ${prefetch ? `${kPre.decls}\n  ${vPre.decls}\n  ${kPre.load('0u')}\n  ${vPre.load('0u')}` : ''}

  for (var j0 = 0u; j0 < key_end; j0 += ${bc}u) {
    let kn = min(${bc}u, key_end - j0);
    ${prefetch ? `${kPre.store}\n    ${vPre.store}` : `${stageWgsl({ ...kStage, r0: 'j0' })}\n    ${stageWgsl({ ...vStage, r0: 'j0' })}`}
    workgroupBarrier();
    ${prefetch ? `if (j0 + ${bc}u < key_end) { ${kPre.load(`j0 + ${bc}u`)}\n    ${vPre.load(`j0 + ${bc}u`)} }` : ''}
    if (lid < ${splitThreads(nt)}u) {
      ${ntAccWgsl(nt, 's', true)}
      ${ntAccWgsl(nt, 'dp', true)}
      ${ntProductWgsl({ a: ks, b: qs, split: nt, acc: 's', at: 'n_at', bt: 'n_bt', k4Bound: unroll ? `${g.db / 4}u` : 'u.d4' })}
      ${ntProductWgsl({ a: vs, b: gs, split: nt, acc: 'dp', at: 'n_at', bt: 'n_bt', k4Bound: unroll ? `${g.dvb / 4}u` : 'u.dv4' })}
      ${ds}
    }
    workgroupBarrier();
    if (lid < ${splitThreads(tn)}u) {
      ${tnProductWgsl([{ a: dss, b: ks, acc: 'dq', split: tn }], 't_at', 't_bt', unroll ? `${bc}u` : 'kn')}
    }
    workgroupBarrier();
  }
  if (lid < ${splitThreads(tn)}u) {
    ${storeTnWgsl({ split: tn, acc: 'dq', at: 't_at', bt: 't_bt', dst: 'dq', base: 'bh * u.tq * u.d', r0: 'i0', n: 'u.tq', width: 'u.d', vec, rowScale: () => 'u.scale' })}
  }
}`,
  );
}

function dkdvStep(call: Call, g: FlashGeometry, config: Pick<FlashConfig, 'dkdv'>): KernelDispatch {
  const tile = config.dkdv;
  const { br, bc, threads } = tile;
  const [unroll, prefetch] = [!!tile.unroll, !!tile.prefetch];
  // Sᵀ, dPᵀ, dV += Pᵀ·dO and dK += dSᵀ·q.
  const b = flashBuilder(call, 'flashAttentionBackward-dkdv', g, [
    `br${br}`,
    `bc${bc}`,
    `t${threads}`,
    unroll ? 'unrolled' : 'loops',
    prefetch ? 'prefetch' : 'direct',
  ]).expectFlops(flashFlops(call, g, [g.D, g.Dv, g.Dv, g.D]));
  bind(b, call, g, ['q', 'k', 'v', 'mask', 'lse', 'g']);
  b.scratch('delta', 'f32', g.B * g.H * g.Tq);
  b.output('dk', call.outputs[1]!, { vec4: g.vec });
  b.output('dv', call.outputs[2]!, { vec4: g.vec });
  const kTiles = ceilDiv(g.Tk, bc);
  b.u32('k_tiles', kTiles);
  const [ks, vs, qs, gs, pzs, dss] = flashSharedLayout('dkdv', tile, g.db, g.dvb).matrices as [
    SharedMatrix,
    SharedMatrix,
    SharedMatrix,
    SharedMatrix,
    SharedMatrix,
    SharedMatrix,
  ];
  // Sᵀ and dPᵀ: query rows (a) × keys (b), so neighbouring invocations write neighbouring keys of P·z and dS (query-major).
  const nt = splitProduct(br, bc, threads, { a: false, b: false });
  const tn = splitProduct(bc, Math.min(g.db, g.dvb), threads, { a: true, b: true });
  const { dropout, vec } = g;
  const qStage = { m: qs, src: 'q', base: 'q_base', n: 'u.tq', width: 'u.d', w4: 'u.d4', threads, vec, scale: 'u.scale' };
  const gStage = { m: gs, src: 'g', base: 'g_base', n: 'u.tq', width: 'u.dv', w4: 'u.dv4', threads, vec };
  const [qPre, gPre] = [stagingWgsl({ ...qStage, reg: 'pq' }), stagingWgsl({ ...gStage, reg: 'pg' })];
  const rowRegs: string[] = [];
  for (let e = 0; e < nt.na; e++) {
    const i = `(i0 + ${ntA(nt, 'n_at', e)})`;
    rowRegs.push(`let live${e} = ${i} < u.tq;`);
    rowRegs.push(`let limit${e} = select(0u, last_key(${i}), live${e});`);
    rowRegs.push(`var L${e} = 0.0;`, `var D${e} = 0.0;`);
    rowRegs.push(`if (live${e}) { L${e} = lse_get(bh * u.tq + ${i}); D${e} = delta_get(bh * u.tq + ${i}); }`);
  }
  const products = elementwiseWgsl({
    na: nt.na,
    nb: nt.nb,
    dropout,
    i: (e) => `i0 + ${ntA(nt, 'n_at', e)}`,
    j: (_e, f) => `j0 + ${ntB(nt, 'n_bt', f)}`,
    ok: (e, f) => `allowed(m_base, limit${e}, i0 + ${ntA(nt, 'n_at', e)}, j0 + ${ntB(nt, 'n_bt', f)})`,
    L: (e) => `L${e}`,
    body: (e, f) =>
      `${sharedAt(pzs, ntA(nt, 'n_at', e), ntB(nt, 'n_bt', f))} = p * z;\n        ${sharedAt(dss, ntA(nt, 'n_at', e), ntB(nt, 'n_bt', f))} = p * (dp * z - D${e});`,
  });

  return b.build(
    g.B * g.H * kTiles,
    (decls) => `${decls}
${dropout ? WGSL_ATTENTION_DROPOUT + WGSL_DROP_AT : ''}
${WGSL_FLASH_COMMON}
${flashAllowedWgsl(g.maskScalar)}
${[ks, vs, qs, gs, pzs, dss].map(sharedDecl).join('\n')}

@compute @workgroup_size(${threads})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * ${bc}u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see no key here.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / ${br}u) * ${br}u;
  let m_base = mask_base(bh);
  let q_base = bh * u.tq * u.d;
  let g_base = bh * u.tq * u.dv;
  ${stageWgsl({ m: ks, src: 'k', base: 'bh * u.tk * u.d', r0: 'j0', n: 'u.tk', width: 'u.d', w4: 'u.d4', threads, vec })}
  ${stageWgsl({ m: vs, src: 'v', base: 'bh * u.tk * u.dv', r0: 'j0', n: 'u.tk', width: 'u.dv', w4: 'u.dv4', threads, vec })}

  let n_at = lid / ${nt.bGroups}u;
  let n_bt = lid % ${nt.bGroups}u;
  ${ntAccWgsl(nt, 's', false)}
  ${ntAccWgsl(nt, 'dp', false)}
  let t_at = lid / ${tn.bGroups}u;
  let t_bt = lid % ${tn.bGroups}u;
  ${tnAccWgsl(withB(tn, g.db), 'dk')}
  ${tnAccWgsl(withB(tn, g.dvb), 'dv')}
  ${prefetch ? `${qPre.decls}\n  ${gPre.decls}\n  ${qPre.load('first')}\n  ${gPre.load('first')}` : ''}

  for (var i0 = first; i0 < u.tq; i0 += ${br}u) {
    let rn = min(${br}u, u.tq - i0);
    ${prefetch ? `${qPre.store}\n    ${gPre.store}` : `${stageWgsl({ ...qStage, r0: 'i0' })}\n    ${stageWgsl({ ...gStage, r0: 'i0' })}`}
    workgroupBarrier();
    ${prefetch ? `if (i0 + ${br}u < u.tq) { ${qPre.load(`i0 + ${br}u`)}\n    ${gPre.load(`i0 + ${br}u`)} }` : ''}
    if (lid < ${splitThreads(nt)}u) {
      ${rowRegs.join('\n      ')}
      ${ntAccWgsl(nt, 's', true)}
      ${ntAccWgsl(nt, 'dp', true)}
      ${ntProductWgsl({ a: qs, b: ks, split: nt, acc: 's', at: 'n_at', bt: 'n_bt', k4Bound: unroll ? `${g.db / 4}u` : 'u.d4' })}
      ${ntProductWgsl({ a: gs, b: vs, split: nt, acc: 'dp', at: 'n_at', bt: 'n_bt', k4Bound: unroll ? `${g.dvb / 4}u` : 'u.dv4' })}
      ${products}
    }
    workgroupBarrier();
    if (lid < ${splitThreads(tn)}u) {
      ${tnProductWgsl(
        [
          { a: pzs, b: gs, acc: 'dv', split: withB(tn, g.dvb) },
          { a: dss, b: qs, acc: 'dk', split: withB(tn, g.db) },
        ],
        't_at',
        't_bt',
        unroll ? `${br}u` : 'rn',
      )}
    }
    workgroupBarrier();
  }
  if (lid < ${splitThreads(tn)}u) {
    ${storeTnWgsl({ split: withB(tn, g.db), acc: 'dk', at: 't_at', bt: 't_bt', dst: 'dk', base: 'bh * u.tk * u.d', r0: 'j0', n: 'u.tk', width: 'u.d', vec, rowScale: () => '1.0' })}
    ${storeTnWgsl({ split: withB(tn, g.dvb), acc: 'dv', at: 't_at', bt: 't_bt', dst: 'dv', base: 'bh * u.tk * u.dv', r0: 'j0', n: 'u.tk', width: 'u.dv', vec, rowScale: () => '1.0' })}
  }
}`,
  );
}
