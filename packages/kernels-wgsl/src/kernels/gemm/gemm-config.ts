import type { KernelDeviceInfo } from '../../kernel-api.js';
import { MMA, SUBGROUP } from '../subgroup-matrix.js';

/**
 * A tile of the GEMM engine: a workgroup of gm × gn subgroups computes a (gm·sm) × (gn·sn) block of
 * C; each subgroup owns sm × sn of it, (sm/16)·(sn/16) accumulators of 16×16, so every fragment it
 * loads serves sn/16 (or sm/16) products. K is staged bk at a time in workgroup memory.
 */
export interface GemmConfig {
  readonly gm: number;
  readonly gn: number;
  readonly sm: number;
  readonly sn: number;
  readonly bk: number;
}

/**
 * The tiles the device selects. Measured before the engine (docs/benchmarks.md, "GEMM at 4096³
 * with operands already in f16"): a 128×128 block of 8 subgroups of 64×32 with K 64 staged ran one
 * f16 product per pair best, and a 64×64 block of 4 subgroups of 32×32 the split product (whose
 * hi and lo tiles would not fit 48 KiB at 128×128).
 */
export const GEMM_CONFIGS = {
  '128x128x64': { gm: 2, gn: 4, sm: 64, sn: 32, bk: 64 },
  '64x64x64': { gm: 2, gn: 2, sm: 32, sn: 32, bk: 64 },
  '128x64x32': { gm: 2, gn: 2, sm: 64, sn: 32, bk: 32 },
  '64x128x32': { gm: 2, gn: 4, sm: 32, sn: 32, bk: 32 },
  '128x128x32': { gm: 2, gn: 4, sm: 64, sn: 32, bk: 32 },
  '128x128x32-4x2': { gm: 4, gn: 2, sm: 32, sn: 64, bk: 32 },
  '128x128x32-2x2': { gm: 2, gn: 2, sm: 64, sn: 64, bk: 32 },
  '64x128x16': { gm: 2, gn: 4, sm: 32, sn: 32, bk: 16 },
} as const satisfies Record<string, GemmConfig>;

export const blockM = (c: GemmConfig) => c.gm * c.sm;
export const blockN = (c: GemmConfig) => c.gn * c.sn;
export const gemmThreads = (c: GemmConfig) => c.gm * c.gn * SUBGROUP;

/** Halves (or emulated floats) of padding per staged row: row strides stay 16-byte multiples and rows one load touches fall in different banks. */
export const STAGE_PAD = 8;

/**
 * Workgroup memory of a tile: staged A (BM rows) and B (BN rows) of bk + 8 elements, hi and lo
 * parts when split, f16 (2 bytes) or emulated f32 (4); plus one 16×16 f32 block per subgroup for
 * edge tiles' stores.
 */
export function gemmSharedBytes(c: GemmConfig, split: boolean, emulate: boolean): number {
  const elem = emulate ? 4 : 2;
  return (blockM(c) + blockN(c)) * (c.bk + STAGE_PAD) * elem * (split ? 2 : 1) + c.gm * c.gn * MMA * MMA * 4;
}

/** Whether a tile's shape is valid (multiples of 16) and fits the device's workgroup limits. */
export function gemmConfigFits(c: GemmConfig, split: boolean, emulate: boolean, info: KernelDeviceInfo): boolean {
  const shaped = c.sm % MMA === 0 && c.sn % MMA === 0 && c.bk % MMA === 0 && c.gm >= 1 && c.gn >= 1;
  return shaped && gemmThreads(c) <= info.limits.maxComputeInvocationsPerWorkgroup && gemmSharedBytes(c, split, emulate) <= info.limits.maxComputeWorkgroupStorageSize;
}

/**
 * One f16 product: 128×128 blocks where they give at least 264 workgroups (two per SM of a
 * 132-SM H100), else 64×64 ones. Split products: 64×64 blocks. Throws where none fits.
 */
export function selectGemmConfig(m: number, n: number, batch: number, split: boolean, emulate: boolean, info: KernelDeviceInfo): GemmConfig {
  const blocks = (c: GemmConfig) => batch * Math.ceil(m / blockM(c)) * Math.ceil(n / blockN(c));
  const large = GEMM_CONFIGS['128x128x64'];
  const medium = GEMM_CONFIGS['64x64x64'];
  if (!split && blocks(large) >= 264 && gemmConfigFits(large, split, emulate, info)) return large;
  if (gemmConfigFits(medium, split, emulate, info)) return medium;
  const small: GemmConfig = { gm: 2, gn: 2, sm: 16, sn: 16, bk: 32 };
  if (gemmConfigFits(small, split, emulate, info)) return small;
  throw new RangeError(`matmul on tensor cores: no tile fits this device's workgroup limits (${info.limits.maxComputeWorkgroupStorageSize} bytes, ${info.limits.maxComputeInvocationsPerWorkgroup} invocations)`);
}

/** Padded dimensions of the f16 copies: rows to whole blocks, K to whole bk steps (zeros beyond the data). */
export function paddedDims(m: number, n: number, k: number, c: GemmConfig): { mp: number; np: number; kp: number } {
  const up = (x: number, b: number) => Math.max(b, Math.ceil(x / b) * b);
  return { mp: up(m, blockM(c)), np: up(n, blockN(c)), kp: up(k, c.bk) };
}
