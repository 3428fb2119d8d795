/**
 * The matmul precision setting, named as PyTorch names it (`torch.set_float32_matmul_precision`):
 *
 * - `'highest'`: the f32 kernels (matmul.ts), FMAs on f32 operands.
 * - `'high'`: tensor cores with split operands, x ≈ hi + lo·2⁻¹¹ (hi = f16(x), lo = f16((x − hi)·2¹¹)),
 *   a·b ≈ hi·hi + (hi·lo + lo·hi)·2⁻¹¹: about 22 significant bits per operand, f32 accumulation.
 * - `'medium'`: one f16 product per pair (11 significant bits, like TF32's 10 + 1), f32 accumulation.
 *
 * Both tensor-core modes scale each operand matrix by a power of two first (exact, undone on the
 * result), so f16's range (6·10⁻⁵ … 65504) never clips: only the significand is shortened.
 */
export type MatmulPrecision = 'highest' | 'high' | 'medium';

/** Every {@link MatmulPrecision}, from the most accurate to the fastest. */
export const MATMUL_PRECISIONS: readonly MatmulPrecision[] = ['highest', 'high', 'medium'];

/** Throws a RangeError naming the accepted values unless `value` is a MatmulPrecision. */
export function checkMatmulPrecision(value: unknown, where: string): MatmulPrecision {
  if (typeof value === 'string' && (MATMUL_PRECISIONS as readonly string[]).includes(value)) return value as MatmulPrecision;
  throw new RangeError(`${where}: matmulPrecision must be one of ${MATMUL_PRECISIONS.map((p) => `'${p}'`).join(', ')}, got ${JSON.stringify(value)}`);
}

/** What the device runs: the precision asked for, or 'highest' with the reason when tensor cores are missing. */
export interface ResolvedPrecision {
  readonly precision: MatmulPrecision;
  /** Set when 'high' or 'medium' was asked for and cannot run: say it once. */
  readonly notice: string | null;
}

/**
 * The precision a device runs: `requested` when it is 'highest' or the adapter has what the
 * tensor-core kernels need (`missing` is null), else 'highest' and a notice saying why.
 */
export function resolveMatmulPrecision(requested: MatmulPrecision, missing: string | null, deviceName: string): ResolvedPrecision {
  if (requested === 'highest' || missing === null) return { precision: requested, notice: null };
  return {
    precision: 'highest',
    notice: `${deviceName}: matmulPrecision '${requested}' needs tensor cores through WebGPU subgroup matrices, but ${missing}; running every matmul in f32 ('highest') instead`,
  };
}
