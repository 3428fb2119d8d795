import { defineFunction } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { formatShape, IndexError, runOp, runOp1, ShapeError, type OpParams, type RngState, type Tensor } from '@lightattn/tensor-core';
import { checkProbability, resolveRng, type RngOptions } from './dropout-rule.js';
import { packBits, unpackBits } from './pack-bits.js';

/** What the backward of dropMatmul keeps to rebuild the mask M (see DropMatmulOptions.maskStorage). */
export type DropMatmulMaskStorage = 'rng' | 'packed' | 'bool';
export const DROP_MATMUL_MASK_STORAGES: readonly DropMatmulMaskStorage[] = ['rng', 'packed', 'bool'];

/** Options of {@link dropMatmul}: where the Philox state comes from and how the backward rebuilds the mask. */
export interface DropMatmulOptions extends RngOptions {
  /**
   * What the backward keeps to rebuild the mask M: 'rng' (default) keeps only (seed, offset) and
   * regenerates M inside the backward kernel; 'packed' keeps M at one bit per element; 'bool' keeps
   * it at one byte per element, as Light Attention's DropMatmul (for memory comparisons).
   */
  maskStorage?: DropMatmulMaskStorage;
  /**
   * This call holds rows rowOffset … rowOffset + M − 1 of a `rows`-row attention (a query chunk), so
   * its mask is that block of the whole mask (dropout-rule.ts). Defaults 0 and M.
   */
  rowOffset?: number;
  rows?: number;
}

type Params = OpParams<'dropMatmul'>;

/**
 * DropMatmul with the mask regenerated: saves S, V and the Philox state. The dropped matrix
 * S ⊙ M/(1 − p) exists only inside the kernel, in the forward and in the backward.
 */
const dropMatmulRng = defineFunction({
  name: 'dropMatmul',
  forward(ctx, s: Tensor, v: Tensor, params: Params) {
    ctx.save({ inputs: [0, 1], values: { params }, rng: { seed: params.seed, offset: params.offset } });
    return runOp1('dropMatmul', [s, v], params);
  },
  backward({ saved, needsInputGrad }, [g]) {
    // dS = (dO·Vᵀ) ⊙ M/(1 − p);  dV = (S ⊙ M/(1 − p))ᵀ·dO, one fused call for both.
    const [ds, dv] = runOp('dropMatmulBackward', [saved.input(0), saved.input(1), g!], { ...saved.value<Params>('params'), ...saved.rng });
    return [needsInputGrad[0] ? ds : null, needsInputGrad[1] ? dv : null, null];
  },
});

/** M/(1 − p) as f32 from a bool keep mask. */
const scaledKeep = (keep: Tensor, p: number) =>
  tc.scope(() => tc.where(keep, tc.full([], p >= 1 ? 0 : 1 / (1 - p), { device: keep.device }), tc.full([], 0, { device: keep.device })));

/** The keep mask of this call's block of rows, by the attention dropout rule. */
function keepBlock(s: Tensor, params: Params): Tensor {
  const r = s.rank;
  const [M, N] = [s.shape[r - 2]!, s.shape[r - 1]!];
  const batch = s.shape.slice(0, -2);
  return tc.scope(() => {
    const whole = tc.dropoutMask([...batch, params.rows, N], params.p, { seed: params.seed, offset: params.offset, device: s.device });
    return params.rowOffset === 0 && params.rows === M ? whole : tc.narrow(whole, r - 2, params.rowOffset, M);
  });
}

/** How a stored mask is kept: encode in the forward, decode (to bool) in the backward. */
interface MaskCodec {
  encode(keep: Tensor): Tensor;
  decode(stored: Tensor, shape: readonly number[]): Tensor;
}

/**
 * DropMatmul keeping the mask M as an auxiliary output instead of the RNG state: the forward is the
 * same fused kernel; the backward decodes M and uses two matmuls.
 */
function storedMaskDropMatmul(name: string, codec: MaskCodec) {
  return defineFunction({
    name,
    forward(ctx, s: Tensor, v: Tensor, params: Params): Tensor[] {
      // The mask is an auxiliary output, so the tape keeps it like layerNorm's mean and rstd.
      const recording = ctx.needsInputGrad.some(Boolean);
      const mask = recording ? tc.scope(() => codec.encode(keepBlock(s, params))) : tc.zeros([0], { dtype: 'u32', device: s.device });
      ctx.save({ inputs: [0, 1], outputs: [1], values: { p: params.p } });
      ctx.markNonDifferentiable(1);
      return [runOp1('dropMatmul', [s, v], params), mask];
    },
    backward({ saved, needsInputGrad }, [g]) {
      const s = saved.input(0);
      const v = saved.input(1);
      const keep = codec.decode(saved.output(1), s.shape);
      const z = scaledKeep(keep, saved.value<number>('p'));
      if (keep !== saved.output(1)) keep.dispose();
      let ds: Tensor | null = null;
      if (needsInputGrad[0]) {
        const gv = tc.matmul(g!, v, { transB: true }); // score-sized temporaries are freed as soon as they are read
        ds = tc.mul(gv, z);
        gv.dispose();
      }
      let dv: Tensor | null = null;
      if (needsInputGrad[1]) {
        const dropped = tc.mul(s, z);
        dv = tc.matmul(dropped, g!, { transA: true });
        dropped.dispose();
      }
      z.dispose();
      return [ds, dv, null];
    },
  });
}

/** M packed at one bit per element: 4·⌈n/32⌉ bytes. */
const dropMatmulPacked = storedMaskDropMatmul('dropMatmul (packed mask)', { encode: packBits, decode: unpackBits });

/** M as a bool tensor, 1 byte per element, as Light Attention's DropMatmul (PyTorch) keeps it. */
const dropMatmulBool = storedMaskDropMatmul('dropMatmul (bool mask)', { encode: (keep) => keep, decode: (stored) => stored });

/**
 * O = (S ⊙ M/(1 − p))·V for attention probabilities S [..., M, N] and values V [..., N, K], M the
 * keep mask of the attention dropout rule (dropout-rule.ts). Saves S and V (which the matmul of a
 * dropped S would save anyway) and either only (seed, offset) — the default — or the mask, packed at
 * one bit per element or as bools at one byte; never the dropped matrix. p = 0 is a plain matmul
 * that still saves S and V.
 */
export function dropMatmul(s: Tensor, v: Tensor, p: number, options: DropMatmulOptions = {}): Tensor {
  checkProbability('dropMatmul', p);
  const r = s.rank;
  if (r < 2 || v.rank !== r || v.shape[r - 2] !== s.shape[r - 1]) {
    throw new ShapeError(
      `dropMatmul: expected s [..., M, N] and v [..., N, K] with the same batch dimensions, got ${formatShape(s.shape)} and ${formatShape(v.shape)}`,
    );
  }
  const M = s.shape[r - 2]!;
  const rows = options.rows ?? M;
  const rowOffset = options.rowOffset ?? 0;
  if (!(Number.isInteger(rowOffset) && Number.isInteger(rows) && rowOffset >= 0 && rowOffset + M <= rows)) {
    throw new IndexError(`dropMatmul: rowOffset ${rowOffset} + ${M} rows of s does not fit in rows = ${rows}`);
  }
  const state: RngState = p > 0 ? resolveRng(options) : { seed: 0, offset: 0 };
  const params: Params = { p, ...state, rowOffset, rows };
  const storage = options.maskStorage ?? 'rng';
  if (!DROP_MATMUL_MASK_STORAGES.includes(storage)) {
    throw new IndexError(`dropMatmul: maskStorage must be one of ${DROP_MATMUL_MASK_STORAGES.map((m) => `'${m}'`).join(', ')}, got ${JSON.stringify(storage)}`);
  }
  if (storage === 'rng' || p === 0) return dropMatmulRng(s, v, params);
  const [out, mask] = (storage === 'packed' ? dropMatmulPacked : dropMatmulBool)(s, v, params);
  mask!.dispose(); // the tape holds its own reference while a backward needs it
  return out!;
}
