import { DeviceError, type OpName } from '@lightattn/tensor-core';
import { ceilDiv, type KernelCall, type KernelDispatch } from '../../kernel-api.js';
import { MatrixEmitter } from '../wgsl/subgroup-matrix.js';
import { deltaStep } from './backward.js';
import { flashGeometry } from './common.js';
import { matrixScaleSteps, stageCopyDispatch, TENSOR_CORE_MAX_HEAD, type StageCopy } from './tensor-core-parts.js';
import { dkdvStep } from './tensor-cores-backward-dkdv.js';
import { dqStep } from './tensor-cores-backward-dq.js';
import { ROWS, type Call, type TensorCoreBackwardOptions } from './tensor-cores-backward-parts.js';

export type { TensorCoreBackwardOptions } from './tensor-cores-backward-parts.js';

/**
 * Flash attention backward on tensor cores, in the direct form of the forward
 * (lab/flash/tensor-cores-direct.ts): f16 copies of scale·q, k, v and dO first, then
 *   D_i = Σ_c dO_ic·O_ic (the f32 backward's step); dO's copy is scaled by a power of two s per
 *       matrix (matrixScaleSteps: in training dO is about 1/(B·T), mostly below f16's normals), dS
 *       is formed as s·dS = P ⊙ (z·dP_s − s·D) so that it stays in f16's range too, and the
 *       gradients are unscaled (exactly) when stored;
 *   dQ: 16 query rows per subgroup, their q and dO fragments in registers, over key tiles of `bc`
 *       staged once per workgroup: S = (scale·q)·kᵀ and dP = dO·vᵀ into workgroup memory,
 *       dS = P ⊙ (z·dP − D) with P = exp(S − L) written back as f16 operands, dQ += dS·k; dq = scale·dQ;
 *   dK, dV: 16 key rows per subgroup, their k and v fragments in registers, over query tiles of
 *       `bc` (from the first that sees them): Sᵀ = k·(scale·q)ᵀ and dPᵀ = v·dOᵀ, then
 *       dV += (P·z)ᵀ·dO and dK += dSᵀ·(scale·q).
 * Split operands (hi + lo·2⁻¹¹) keep the products fp32-accurate; one f16 per operand is TF32-like.
 * Split is slower than the f32 kernels, one f16 per operand faster than PyTorch's fp32 backward
 * (docs/benchmarks.md, "Flash attention tiles").
 * Devices created with `tensorCores` run the f16 form (flash/select.ts).
 */
/** Workgroup bytes of the larger of the two kernels (dK/dV). */
export function tensorCoreBackwardBytes(o: Pick<TensorCoreBackwardOptions, 'subgroups' | 'bc'>, elemBytes: number, split: boolean, db = 64, dvb = 64): number {
  const parts = split ? 2 : 1;
  const tiles = o.bc * (db + dvb + 16) * elemBytes * parts;
  const scores = 2 * o.subgroups * ROWS * (o.bc + 4) * 4;
  const operands = 2 * o.subgroups * ROWS * (o.bc + 8) * elemBytes * parts;
  return tiles + scores + operands + 2 * o.bc * 4;
}

export function flashAttentionTensorCoreBackwardSteps(call: Call, o: TensorCoreBackwardOptions): KernelDispatch[] {
  const g = flashGeometry(call);
  if (Math.max(g.db, g.dvb) > TENSOR_CORE_MAX_HEAD)
    throw new DeviceError(`flashAttentionBackward (tensor cores): head sizes over ${TENSOR_CORE_MAX_HEAD} use the f32 kernels`);
  const e = new MatrixEmitter(o.emulate, o.split);
  if (tensorCoreBackwardBytes(o, e.elemBytes, o.split, g.db, g.dvb) > call.device.limits.maxComputeWorkgroupStorageSize) {
    throw new DeviceError(`flashAttentionBackward (tensor cores): tile ${JSON.stringify(o)} does not fit this device's workgroup memory`);
  }
  if (g.B * g.H * g.Tq === 0 && g.B * g.H * g.Tk === 0) return [];
  // Both lengths padded to whole row blocks and whole tiles (powers of two times 16: the larger divides by the smaller).
  const pad = Math.max(ROWS * o.subgroups, o.bc);
  const tqp = Math.max(1, ceilDiv(g.Tq, pad)) * pad;
  const tkp = Math.max(1, ceilDiv(g.Tk, pad)) * pad;
  const copies: StageCopy[] = [
    { name: 'qs', input: 0, rows: g.Tq, width: g.D, padded: tqp, bucket: g.db, scale: call.params.scale },
    { name: 'ks', input: 1, rows: g.Tk, width: g.D, padded: tkp, bucket: g.db, scale: 1 },
    { name: 'vs', input: 2, rows: g.Tk, width: g.Dv, padded: tkp, bucket: g.dvb, scale: 1 },
    // dO times a power of two per matrix (gscale), so that its f16 copy neither underflows nor overflows.
    { name: 'gs', input: 6, rows: g.Tq, width: g.Dv, padded: tqp, bucket: g.dvb, scale: 1, matrixScale: 'gscale' },
  ];
  const steps: KernelDispatch[] = matrixScaleSteps(call as KernelCall<OpName>, g, { name: 'gscale', input: 6, rows: g.Tq, width: g.Dv });
  steps.push(...copies.map((c) => stageCopyDispatch(call as KernelCall<OpName>, e, g, c)));
  if (g.B * g.H * g.Tq > 0) steps.push(deltaStep(call, g), dqStep(call, g, e, o, copies, tqp, tkp));
  if (g.B * g.H * g.Tk > 0) steps.push(dkdvStep(call, g, e, o, copies, tqp, tkp));
  return steps;
}
