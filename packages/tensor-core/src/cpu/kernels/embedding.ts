import { IndexError } from '../../errors.js';
import { contiguousStrides, formatShape, type Shape } from '../../shape.js';
import type { CpuKernel } from '../cpu-tensor.js';
import type { Elements } from './strided-runs.js';

/** Where flat element `flat` of a tensor of `shape` sits, as `[i, j, …]`. */
function position(flat: number, shape: Shape): string {
  const strides = contiguousStrides(shape);
  return `[${strides.map((s, d) => Math.floor(flat / s) % shape[d]!).join(', ')}]`;
}

/**
 * Every id must pick a row of a table with `rows` rows. Checked before anything is written, so a bad
 * id leaves the output untouched and the message names the first offender.
 */
function checkIds(op: string, ids: Elements, idsShape: Shape, rows: number, tableShape: Shape): void {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id < 0 || id >= rows) {
      throw new IndexError(
        `${op}: id ${id} at ids${position(i, idsShape)} is out of range for a table of ${rows} rows ${formatShape(tableShape)}; ids must be in [0, ${rows})`,
      );
    }
  }
}

/** out[i, …] = table[ids[i], …]: one row copy per id (an embedding lookup). Any table dtype. */
export const gatherKernel: CpuKernel<'gather'> = ([table, ids], [out]) => {
  const rows = table!.shape[0]!;
  const ids32 = ids!.data as Elements;
  checkIds('gather', ids32, ids!.shape, rows, table!.shape);
  const rowSize = rows === 0 ? 0 : table!.data.length / rows;
  const src = table!.data;
  const dst = out!.data;
  for (let i = 0; i < ids32.length; i++) {
    const from = ids32[i]! * rowSize;
    dst.set(src.subarray(from, from + rowSize), i * rowSize);
  }
};

/**
 * The embedding backward: out = zeros([numRows, …]); out[ids[i], …] += src[i, …]. Repeated ids
 * accumulate in id order, in the output's precision (f32 here, as PyTorch's embedding backward),
 * which keeps the working memory at the size of the output.
 */
export const scatterAddKernel: CpuKernel<'scatterAdd'> = ([ids, src], [out], { numRows }) => {
  const ids32 = ids!.data as Elements;
  const outShape = out!.shape;
  checkIds('scatterAdd', ids32, ids!.shape, numRows, outShape);
  const dst = out!.data as Elements & { fill(v: number): unknown };
  dst.fill(0);
  const rowSize = numRows === 0 ? 0 : dst.length / numRows;
  const s = src!.data as Elements;
  for (let i = 0; i < ids32.length; i++) {
    const to = ids32[i]! * rowSize;
    const from = i * rowSize;
    for (let c = 0; c < rowSize; c++) dst[to + c] += s[from + c]!;
  }
};
