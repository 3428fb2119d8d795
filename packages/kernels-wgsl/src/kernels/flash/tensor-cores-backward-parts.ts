import { WGSL_FLOAT_BITS, type KernelCall } from '../../kernel-api.js';
import { WGSL_ATTENTION_DROPOUT } from '../wgsl/attention-dropout.js';
import { MMA, type MatrixEmitter, type MatrixOperand } from '../wgsl/subgroup-matrix.js';
import { flashAllowedWgsl, flashBuilder, WGSL_DROP_AT, WGSL_FLASH_COMMON, type FlashGeometry } from './common.js';
import { elementsPerVec, stageCount, type StageCopy } from './tensor-core-parts.js';
import { accumulateWgsl, wgslBlock, type Job } from '../wgsl/matrix-accumulate.js';

// What the two kernels of the tensor-core backward (tensor-cores-backward-dq.ts,
// tensor-cores-backward-dkdv.ts) share: options, bindings, the WGSL header and the fragment emitters.

export type Call = KernelCall<'flashAttentionBackward'>;

export interface TensorCoreBackwardOptions {
  readonly emulate: boolean;
  readonly split: boolean;
  /** Subgroups per workgroup, each owning 16 rows (queries for dQ, keys for dK/dV). */
  readonly subgroups: number;
  /** Width of the tiles walked (keys for dQ, queries for dK/dV): a multiple of 16. */
  readonly bc: number;
}

/** Rows a subgroup owns (queries for dQ, keys for dK/dV). */
export const ROWS = MMA;

/** The shared declarations and bindings of both kernels; `staged` copies are bound as vec4 (copyTileWgsl), the others as f16 fragment sources. */
export function builder(
  call: Call,
  g: FlashGeometry,
  e: MatrixEmitter,
  o: TensorCoreBackwardOptions,
  name: string,
  copies: StageCopy[],
  staged: string[],
  tqp: number,
  tkp: number,
) {
  const b = flashBuilder(call, name, g, [o.emulate ? 'emulated' : 'subgroup-matrix', o.split ? 'split' : 'f16', `sg${o.subgroups}`, `bc${o.bc}`]);
  b.input('mask', call.inputs[3]!);
  b.input('lse', call.inputs[5]!);
  b.scratch('delta', 'f32', g.B * g.H * g.Tq);
  b.scratch('gscale', 'f32', g.B * g.H);
  const parts = o.split ? 2 : 1;
  for (const c of copies) {
    const n = stageCount(g, c) * parts;
    if (staged.includes(c.name)) b.plainScratch(c.name, e.emulate ? 'vec4<f32>' : 'vec4<u32>', n / elementsPerVec(e));
    else b.plainScratch(c.name, e.emulate ? 'f32' : 'f16', n);
  }
  for (const c of copies) b.u32(`${c.name}_lo`, stageCount(g, c));
  b.u32('tqp', tqp).u32('tkp', tkp);
  return b;
}

/** The WGSL header both kernels share (enables, bindings, helpers). */
export function header(e: MatrixEmitter, g: FlashGeometry, decls: string): string {
  return `${e.enables()}${decls}
${WGSL_FLOAT_BITS}
${g.dropout ? WGSL_ATTENTION_DROPOUT + WGSL_DROP_AT : ''}
${WGSL_FLASH_COMMON}
${flashAllowedWgsl(g.maskScalar)}
${e.helpers()}`;
}

/** Generator of the fragments, products and stores of one kernel (names per part: hi, lo). */
export function emitters(e: MatrixEmitter, bc: number) {
  const parts = e.split ? ['hi', 'lo'] : ['hi'];
  const ss = bc + 4; // f32 score rows, 16-byte multiple
  const ps = bc + 8; // f16 operand rows, 16-byte multiple
  return {
    parts,
    ss,
    ps,
    /** Fragments of a [rows, width] f16 copy at `at` (row stride width) for every 16 columns: left operands named `<name>_<part>_<kk>`. */
    rowFragments: (name: string, src: string, at: string, width: number) =>
      parts.flatMap((p) =>
        Array.from({ length: width / MMA }, (_, kk) =>
          e.loadLeft(`${name}_${p}_${kk}`, { array: src, offset: `${p === 'lo' ? `u.${src}_lo + ` : ''}${at} + ${kk * MMA}u`, colMajor: false, stride: width }),
        ),
      ),
    /** acc_<name>_n (n < bc/16) = Σ_kk <left>_kk · tileᵀ: the tile's rows are the columns of the result (column-major loads). */
    transposedProduct: (acc: string, left: string, tile: string, width: number): string[] => {
      const lines = Array.from({ length: bc / MMA }, (_, n) => e.zeroAcc(`${acc}_${n}`));
      for (let kk = 0; kk < width / MMA; kk++) {
        const step: string[] = [];
        for (const p of parts) {
          for (let n = 0; n < bc / MMA; n++) {
            const op: MatrixOperand = { array: `${tile}_${p}`, offset: `${n * MMA * (width + 8) + kk * MMA}u`, colMajor: true, stride: width + 8 };
            step.push(e.loadRight(`t_${p}_${n}`, op));
          }
        }
        const jobs: Job[] = Array.from({ length: bc / MMA }, (_, n) => ({
          acc: `${acc}_${n}`,
          l: (p: string) => `${left}_${p}_${kk}`,
          r: (p: string) => `t_${p}_${n}`,
        }));
        lines.push(wgslBlock([...step, ...accumulateWgsl(e, jobs)]));
      }
      return lines;
    },
    /** For each 16-wide step kk of the tile: the operand rows of `operand` (left) times the tile's rows (right, row-major) into acc_<name>_n. */
    tileProduct: (acc: string, operand: string, pBase: string, tile: string, width: number): string[] => {
      const lines: string[] = [];
      for (let kk = 0; kk < bc / MMA; kk++) {
        const step = parts.map((p) => e.loadLeft(`l_${p}`, { array: `${operand}_${p}`, offset: `${pBase} + ${kk * MMA}u`, colMajor: false, stride: ps }));
        for (const p of parts)
          for (let n = 0; n < width / MMA; n++)
            step.push(
              e.loadRight(`r_${p}_${n}`, { array: `${tile}_${p}`, offset: `${kk * MMA * (width + 8) + n * MMA}u`, colMajor: false, stride: width + 8 }),
            );
        const jobs: Job[] = Array.from({ length: width / MMA }, (_, n) => ({
          acc: `${acc}_${n}`,
          l: (p: string) => `l_${p}`,
          r: (p: string) => `r_${p}_${n}`,
        }));
        lines.push(wgslBlock([...step, ...accumulateWgsl(e, jobs)]));
      }
      return lines;
    },
    storeScores: (acc: string, array: string, sBase: string) =>
      Array.from({ length: bc / MMA }, (_, n) => e.store(`${acc}_${n}`, array, `${sBase} + ${n * MMA}u`, ss)),
    declare: (acc: string, count: number) => Array.from({ length: count }, (_, n) => e.declareAcc(`${acc}_${n}`)),
    /** An f32 value v stored as this element's f16 operand parts. */
    storeOperand: (array: string, at: string, v: string) =>
      `{ let h = stage_hi(${v}); ${array}_hi[${at}] = h; ${e.split ? `${array}_lo[${at}] = stage_lo(${v}, h);` : ''} }`,
    /** Writes accumulators acc_<name>_n (16 rows × width) to a tensor through the score area: `set(row, col, value)` for the pair-of-lanes layout. */
    storeRows: (acc: string, width: number, sBase: string, write: (col: string, value: string) => string): string[] => {
      const out: string[] = [];
      for (let n = 0; n < width / MMA; n++) {
        out.push('workgroupBarrier();', e.store(`${acc}_${n}`, 's_s', sBase, ss), 'workgroupBarrier();');
        out.push(`for (var c = 0u; c < 8u; c++) { ${write(`${n * MMA}u + part * 8u + c`, `s_s[${sBase} + lr * ${ss}u + part * 8u + c]`)} }`);
      }
      return out;
    },
  };
}
