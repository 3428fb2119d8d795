import type { DType } from '../../dtype.js';

const I32_MIN = -2147483648;
const I32_MAX = 2147483647;
const U32_MAX = 4294967295;

/**
 * A float value converted to an element of `dtype`, as `cast` defines it:
 * - i32/u32: truncate toward zero; NaN → 0; values outside the range saturate to its ends (WGSL's
 *   f32 → i32/u32 conversion clamps too, so the WebGPU device gives the same numbers);
 * - bool: x ≠ 0 (so NaN → true, as in PyTorch);
 * - f32: unchanged here; the Float32Array store rounds to nearest (the float64 device keeps it exact).
 */
export function convertFloat(x: number, dtype: DType): number {
  switch (dtype) {
    case 'f32':
      return x;
    case 'i32':
      if (x !== x) return 0;
      return x <= I32_MIN ? I32_MIN : x >= I32_MAX ? I32_MAX : Math.trunc(x);
    case 'u32':
      if (x !== x) return 0;
      return x <= 0 ? 0 : x >= U32_MAX ? U32_MAX : Math.trunc(x);
    case 'bool':
      return x !== 0 ? 1 : 0;
  }
}

/**
 * A scalar operand of binaryScalar as an element of `dtype`. For integer tensors it is converted the
 * way writing it into an Int32Array/Uint32Array uniform converts it (truncate toward zero, wrap
 * mod 2³², NaN → 0), which is how the WebGPU device passes it; so `add(u32Tensor, -1)` subtracts 1.
 */
export function convertScalarOperand(x: number, dtype: DType): number {
  if (dtype === 'i32') return x | 0;
  if (dtype === 'u32') return x >>> 0;
  if (dtype === 'bool') return x !== 0 ? 1 : 0;
  return x;
}
