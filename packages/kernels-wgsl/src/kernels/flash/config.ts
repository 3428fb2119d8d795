import { DeviceError } from '@lightattn/tensor-core';
import type { KernelDeviceInfo } from '../../kernel-api.js';
import { sharedBytes, splitProduct, type SharedMatrix } from './tiles.js';

/**
 * Tile sizes of the flash-attention kernels. A workgroup of `threads` invocations owns `br` query
 * rows (forward, dQ) or `bc` key rows (dK/dV) and walks the other axis in tiles of `bc` keys (or
 * `br` query rows) staged in workgroup memory. Everything that depends on them is in the pipeline key.
 */
export interface FlashTile {
  /** Query rows per tile. */
  readonly br: number;
  /** Key rows per tile. */
  readonly bc: number;
  readonly threads: number;
  /**
   * Constant trip counts for the inner loops (the driver may unroll them) instead of uniform ones.
   * Only for real GPUs: SwiftShader spends seconds compiling unrolled loops.
   */
  readonly unroll?: boolean;
  /** Fetch the next tile into registers while the current one is multiplied (more registers, hidden latency). */
  readonly prefetch?: boolean;
}

export interface FlashConfig {
  readonly forward: FlashTile;
  readonly dq: FlashTile;
  readonly dkdv: FlashTile;
}

/**
 * Workgroup memory each kernel stages, as shared matrices (row-major vec4 rows, see
 * flash/tiles.ts) plus `extraBytes` of per-row f32 arrays.
 *
 * forward: q [br, D] (scaled, for the whole key loop), k then v in one buffer [bc, max(D, Dv)]
 * (v is staged once the scores are taken), probabilities [bc, br] (key-major: the P·v product reads
 * them as its k rows), per row its rescale factor and each key group's partial max (then Σ exp).
 * dq: q [br, D], dO [br, Dv] (whole key loop), k [bc, D], v [bc, Dv], dS [bc, br] (key-major).
 * dkdv: k [bc, D], v [bc, Dv] (whole query loop), q [br, D], dO [br, Dv], P·z and dS [br, bc]
 * (query-major).
 */
export function flashSharedLayout(kind: keyof FlashConfig, t: FlashTile, db: number, dvb: number): { matrices: SharedMatrix[]; extraBytes: number } {
  const m = (name: string, rows: number, cols: number): SharedMatrix => ({ name, rows, cols });
  switch (kind) {
    case 'forward':
      // + per-row rescale factors, and per-row partial maxima (then partial sums) of each key group.
      return {
        matrices: [m('q_s', t.br, db), m('kv_s', t.bc, Math.max(db, dvb)), m('p_s', t.bc, t.br)],
        extraBytes: 4 * t.br + 16 * t.br * Math.ceil(forwardKeyGroups(t) / 4),
      };
    case 'dq':
      return { matrices: [m('q_s', t.br, db), m('g_s', t.br, dvb), m('k_s', t.bc, db), m('v_s', t.bc, dvb), m('ds_s', t.bc, t.br)], extraBytes: 0 };
    case 'dkdv':
      return {
        matrices: [m('k_s', t.bc, db), m('v_s', t.bc, dvb), m('q_s', t.br, db), m('g_s', t.br, dvb), m('pz_s', t.br, t.bc), m('ds_s', t.br, t.bc)],
        extraBytes: 0,
      };
  }
}

/** Invocations sharing a query row in the forward's score tile (they combine row maxima through workgroup memory). */
export function forwardKeyGroups(t: FlashTile): number {
  return splitProduct(t.bc, t.br, t.threads, { a: false, b: false }).aGroups;
}

export function flashSharedBytes(kind: keyof FlashConfig, t: FlashTile, db: number, dvb: number): number {
  const { matrices, extraBytes } = flashSharedLayout(kind, t, db, dvb);
  return matrices.reduce((s, m) => s + sharedBytes(m), extraBytes);
}

/**
 * Tiles for devices with ≥ 48 KiB of workgroup memory (NVIDIA H100 and H200 GPUs), by head-size bucket
 * (the larger of D's and Dv's).
 *
 * Head size 64: the fastest of 54 tile variants measured at T 1024, 4096 and 16384 (docs/benchmarks.md,
 * "Flash attention tiles"). Register prefetch helps every tile because the kernels otherwise wait on
 * global reads; constant trip counts help less. Head sizes 16/32 use the same tiles; 128 keeps the
 * 128-invocation shapes that fit; 256 has no prefetch (it would need 128 more registers).
 */
const fast = (br: number, bc: number, threads: number): FlashTile => ({ br, bc, threads, unroll: true, prefetch: true });
const HEAD_64: FlashConfig = { forward: fast(32, 32, 64), dq: fast(32, 32, 128), dkdv: fast(32, 32, 128) };
const LARGE: Record<number, FlashConfig> = {
  16: HEAD_64,
  32: HEAD_64,
  64: HEAD_64,
  128: { forward: fast(32, 32, 128), dq: fast(16, 16, 128), dkdv: fast(16, 16, 128) },
  256: {
    forward: { br: 16, bc: 16, threads: 64, unroll: true },
    dq: { br: 8, bc: 8, threads: 32, unroll: true },
    dkdv: { br: 8, bc: 8, threads: 32, unroll: true },
  },
};

/**
 * Tiles for small devices (SwiftShader's 32 KiB), kept near 8 KiB: SwiftShader's compile time grows
 * with workgroup memory (it zero-initialises it), and tests compile many variants.
 */
const SMALL: Record<number, FlashConfig> = {
  16: { forward: { br: 32, bc: 32, threads: 32 }, dq: { br: 16, bc: 16, threads: 32 }, dkdv: { br: 16, bc: 16, threads: 32 } },
  32: { forward: { br: 32, bc: 16, threads: 32 }, dq: { br: 16, bc: 16, threads: 32 }, dkdv: { br: 16, bc: 16, threads: 32 } },
  64: { forward: { br: 16, bc: 16, threads: 32 }, dq: { br: 8, bc: 8, threads: 32 }, dkdv: { br: 8, bc: 8, threads: 32 } },
  128: { forward: { br: 8, bc: 8, threads: 32 }, dq: { br: 8, bc: 4, threads: 32 }, dkdv: { br: 4, bc: 8, threads: 32 } },
  256: { forward: { br: 4, bc: 4, threads: 32 }, dq: { br: 4, bc: 4, threads: 16 }, dkdv: { br: 4, bc: 4, threads: 16 } },
};

/** Whether a tile fits the device's workgroup memory and invocation limits. */
export function flashTileFits(kind: keyof FlashConfig, t: FlashTile, db: number, dvb: number, info: KernelDeviceInfo): boolean {
  return t.threads <= info.limits.maxComputeInvocationsPerWorkgroup && flashSharedBytes(kind, t, db, dvb) <= info.limits.maxComputeWorkgroupStorageSize;
}

/** The tiles of this device and head-size bucket pair. */
export function selectFlashConfig(db: number, dvb: number, info: KernelDeviceInfo): FlashConfig {
  const bucket = Math.max(db, dvb);
  const large = info.limits.maxComputeWorkgroupStorageSize >= 49152 ? LARGE[bucket]! : null;
  const config = large ?? SMALL[bucket]!;
  for (const kind of ['forward', 'dq', 'dkdv'] as const) {
    if (!flashTileFits(kind, config[kind], db, dvb, info)) {
      throw new DeviceError(
        `flash attention: the ${kind} tile ${JSON.stringify(config[kind])} for head sizes ≤ ${db}/${dvb} does not fit this device's workgroup limits`,
      );
    }
  }
  return config;
}
