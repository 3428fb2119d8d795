import { philoxNormalFill, philoxUniformFill } from '../../rng/philox.js';
import type { CpuKernel } from '../cpu-tensor.js';
import { convertFloat } from './convert.js';

/** Every element `value`, converted to the dtype as cast converts a float (bool: value ≠ 0). */
export const fillKernel: CpuKernel<'fill'> = (_inputs, [out], { dtype, value }) => {
  out!.data.fill(convertFloat(value, dtype));
};

/** out[i] = start + i·step in float64, then converted to the dtype as cast converts a float. */
export const arangeKernel: CpuKernel<'arange'> = (_inputs, [out], { start, step, dtype }) => {
  const o = out!.data;
  for (let i = 0; i < o.length; i++) o[i] = convertFloat(start + i * step, dtype);
};

/**
 * low + (high − low)·u with u = philoxUniform(seed, offset, i). u has 24 bits, so it is exact in
 * f32; the affine map is computed in float64 and rounded once by the store.
 */
export const randomUniformKernel: CpuKernel<'randomUniform'> = (_inputs, [out], { seed, offset, low, high }) => {
  const o = out!.data;
  philoxUniformFill(seed, offset, o);
  const scale = high - low;
  if (low === 0 && scale === 1) return;
  for (let i = 0; i < o.length; i++) o[i] = low + scale * o[i]!;
};

/** mean + std·n with n = philoxNormal(seed, offset, i) (Box–Muller, cos branch). */
export const randomNormalKernel: CpuKernel<'randomNormal'> = (_inputs, [out], { seed, offset, mean, std }) => {
  const o = out!.data;
  philoxNormalFill(seed, offset, o);
  if (mean === 0 && std === 1) return;
  for (let i = 0; i < o.length; i++) o[i] = mean + std * o[i]!;
};

/** Uniforms are drawn this many at a time, so a mask costs one small scratch array, not numel floats. */
const MASK_CHUNK = 4096;

/**
 * keep[i] = philoxUniform(seed, offset, i) ≥ p: p = 0 keeps everything (u ≥ 0), p = 1 drops
 * everything (u < 1). Regenerating with the same (seed, offset) gives the same mask, which is how
 * the dropout backward avoids storing it.
 */
export const dropoutMaskKernel: CpuKernel<'dropoutMask'> = (_inputs, [out], { seed, offset, p }) => {
  const o = out!.data;
  const n = o.length;
  const u = new Float64Array(Math.min(MASK_CHUNK, n));
  for (let start = 0; start < n; start += MASK_CHUNK) {
    const len = Math.min(MASK_CHUNK, n - start);
    const chunk = len === u.length ? u : u.subarray(0, len);
    philoxUniformFill(seed, offset, chunk, start);
    for (let j = 0; j < len; j++) o[start + j] = chunk[j]! >= p ? 1 : 0;
  }
};
