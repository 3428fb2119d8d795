import type { KernelDeviceInfo } from '../../kernel-api.js';
import { MMA, SUBGROUP } from '../wgsl/subgroup-matrix.js';

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
 * Tiles: the selected ones first, then others the bench's sweep (`--configs`) times. Before the
 * engine, a probe on operands already in f16 ran best with 128×128 blocks and K 64 staged
 * (docs/benchmarks.md). In the engine's first H100 run, K 32 beat K 64 for every block shape at
 * 4096³: one f16 product 68 TFLOP/s (GEMM alone) with 128×128×32 against 42 with 128×128×64, split
 * products 49 with 64×128×32 against 41 with 64×64×64 (fewer registers hold the prefetched block).
 */
export const GEMM_CONFIGS = {
  '128x128x32': { gm: 2, gn: 4, sm: 64, sn: 32, bk: 32 },
  '64x128x32': { gm: 2, gn: 4, sm: 32, sn: 32, bk: 32 },
  '64x64x32': { gm: 2, gn: 2, sm: 32, sn: 32, bk: 32 },
  '128x128x64': { gm: 2, gn: 4, sm: 64, sn: 32, bk: 64 },
  '64x64x64': { gm: 2, gn: 2, sm: 32, sn: 32, bk: 64 },
  '128x64x32': { gm: 2, gn: 2, sm: 64, sn: 32, bk: 32 },
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
  return (
    shaped &&
    gemmThreads(c) <= info.limits.maxComputeInvocationsPerWorkgroup &&
    gemmSharedBytes(c, split, emulate) <= info.limits.maxComputeWorkgroupStorageSize
  );
}

/**
 * One f16 product: 128×128×32 blocks; split products: 64×128×32 (their hi and lo blocks take twice
 * the workgroup memory). Either where it gives at least 264 workgroups (two per SM of a 132-SM
 * H100), else 64×64×32, else 32×32. Throws where none fits.
 */
export function selectGemmConfig(m: number, n: number, batch: number, split: boolean, emulate: boolean, info: KernelDeviceInfo): GemmConfig {
  const blocks = (c: GemmConfig) => batch * Math.ceil(m / blockM(c)) * Math.ceil(n / blockN(c));
  const large = split ? GEMM_CONFIGS['64x128x32'] : GEMM_CONFIGS['128x128x32'];
  const medium = GEMM_CONFIGS['64x64x32'];
  if (blocks(large) >= 264 && gemmConfigFits(large, split, emulate, info)) return large;
  if (gemmConfigFits(medium, split, emulate, info)) return medium;
  const small: GemmConfig = { gm: 2, gn: 2, sm: 16, sn: 16, bk: 32 };
  if (gemmConfigFits(small, split, emulate, info)) return small;
  throw new RangeError(
    `matmul on tensor cores: no tile fits this device's workgroup limits (${info.limits.maxComputeWorkgroupStorageSize} bytes, ${info.limits.maxComputeInvocationsPerWorkgroup} invocations)`,
  );
}

/** Padded dimensions of the f16 copies: rows to whole blocks, K to whole bk steps (zeros beyond the data). */
export function paddedDims(m: number, n: number, k: number, c: GemmConfig): { mp: number; np: number; kp: number } {
  const up = (x: number, b: number) => Math.max(b, Math.ceil(x / b) * b);
  return { mp: up(m, blockM(c)), np: up(n, blockN(c)), kp: up(k, c.bk) };
}
