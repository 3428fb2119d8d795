import { numel, type OpName } from '@lightattn/tensor-core';
import { ceilDiv, DispatchBuilder, type KernelCall, type WgslKernel } from '../../kernel-api.js';
import { WGSL_NORMAL_MATH } from '../wgsl/normal-math.js';
import { WGSL_PHILOX } from '../wgsl/philox.js';

const WG = 64;

/** Seed and offset halves as uniforms (both are safe integers < 2^53). */
function rngUniforms(b: DispatchBuilder, seed: number, offset: number): void {
  b.u32('seed_lo', seed >>> 0).u32('seed_hi', Math.floor(seed / 2 ** 32) >>> 0);
  b.u32('offset_lo', offset >>> 0).u32('offset_hi', Math.floor(offset / 2 ** 32) >>> 0);
}

/** One invocation per Philox block of `perBlock` elements; `body` sees `block`, `words` and `first` (= block·perBlock). */
function perBlockKernel<K extends OpName>(call: KernelCall<K>, b: DispatchBuilder, perBlock: number, helpers: string, body: string) {
  const n = numel(call.outputs[0]!.shape);
  b.u32('n', n);
  const blocks = ceilDiv(n, perBlock);
  return b.build(
    ceilDiv(blocks, WG),
    (decls) => `${decls}
${WGSL_PHILOX}
${helpers}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let block = linear_workgroup(wid, nwg) * ${WG}u + lid;
  let first = block * ${perBlock}u;
  if (first >= u.n) { return; }
  let words = philox4x32(u.seed_lo, u.seed_hi, block, u.offset_lo, u.offset_hi);
  ${body}
}`,
  );
}

/**
 * u = (word >> 8)·2^-24, exact in f32, so [0, 1) draws are bit-identical to the CPU. With another
 * range, low + (high − low)·u is computed in f32 (the CPU rounds the float64 value once), so those
 * can differ from the CPU by one ulp.
 */
export const randomUniformKernel: WgslKernel<'randomUniform'> = (call) => {
  const { seed, offset, low, high } = call.params;
  const unit = low === 0 && high === 1;
  const b = new DispatchBuilder(call, 'randomUniform', [unit ? 'unit' : 'affine']);
  b.output('y', call.outputs[0]!);
  rngUniforms(b, seed, offset);
  if (!unit) b.f32('low', low).f32('scale', high - low);
  const value = unit ? 'v' : 'u.low + u.scale * v';
  return perBlockKernel(
    call,
    b,
    4,
    '',
    `for (var j = 0u; j < 4u && first + j < u.n; j++) {
    let v = f32(words[j] >> 8u) * (1.0 / 16777216.0);
    y_set(first + j, ${value});
  }`,
  );
};

/**
 * Box–Muller, cos branch, from words (2j, 2j + 1) of block ⌊i/2⌋: n = √(−2·ln u1)·cos(2π·u2) with
 * u1 ∈ (0, 1]. ln and cos come from normal-math.ts (accurate to ~1e-7, unlike WGSL's builtins).
 */
export const randomNormalKernel: WgslKernel<'randomNormal'> = (call) => {
  const { seed, offset, mean, std } = call.params;
  const standard = mean === 0 && std === 1;
  const b = new DispatchBuilder(call, 'randomNormal', [standard ? 'standard' : 'affine']);
  b.output('y', call.outputs[0]!);
  rngUniforms(b, seed, offset);
  if (!standard) b.f32('mean', mean).f32('stddev', std);
  const value = standard ? 'z' : 'u.mean + u.stddev * z';
  return perBlockKernel(
    call,
    b,
    2,
    WGSL_NORMAL_MATH,
    `for (var j = 0u; j < 2u && first + j < u.n; j++) {
    let z = box_muller(words[2u * j], words[2u * j + 1u]);
    y_set(first + j, ${value});
  }`,
  );
};

/**
 * keep = u ≥ p. u = (w >> 8)·2^-24 and p is a float64, so u ≥ p ⇔ (w >> 8) ≥ ⌈p·2^24⌉ exactly
 * (p·2^24 is exact in float64): the comparison is done on integers, bit-identical to the CPU.
 */
export const dropoutMaskKernel: WgslKernel<'dropoutMask'> = (call) => {
  const { seed, offset, p } = call.params;
  const b = new DispatchBuilder(call, 'dropoutMask');
  b.output('keep', call.outputs[0]!);
  rngUniforms(b, seed, offset);
  b.u32('threshold', Math.ceil(p * 16777216));
  return perBlockKernel(
    call,
    b,
    4,
    '',
    `for (var j = 0u; j < 4u && first + j < u.n; j++) {
    keep_set(first + j, (words[j] >> 8u) >= u.threshold);
  }`,
  );
};
