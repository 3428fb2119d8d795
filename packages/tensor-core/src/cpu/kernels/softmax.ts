import type { Shape } from '../../shape.js';
import type { CpuKernel } from '../cpu-tensor.js';
import type { Elements } from './strided-runs.js';

/**
 * The tensor seen as [outer, size, inner] around `axis`: row (o, i) is the `size` elements
 * base + k·inner, k = 0 … size − 1, with base = o·size·inner + i.
 */
function forEachRow(shape: Shape, axis: number, visit: (base: number, stride: number, size: number) => void): void {
  const size = shape[axis]!;
  let outer = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d]!;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d]!;
  if (size === 0) return;
  for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) visit(o * size * inner + i, inner, size);
}

/** Max of a row; NaN if any element is NaN. */
function rowMax(x: Elements, base: number, stride: number, size: number): number {
  let m = -Infinity;
  for (let k = 0, p = base; k < size; k++, p += stride) {
    const v = x[p]!;
    if (v > m || v !== v) m = v;
    if (m !== m) break;
  }
  return m;
}

/**
 * y = exp(x − m) / Σ exp(x − m), m the row max, so no term overflows. A row of all −Inf has
 * x − m = −Inf − (−Inf) = NaN everywhere, which gives PyTorch's NaN row; a +Inf makes the row NaN too.
 * The exponentials are kept in a float64 scratch row so the result is rounded once.
 */
export const softmaxKernel: CpuKernel<'softmax'> = ([input], [output], { axis }) => {
  const x = input!.data as Elements;
  const y = output!.data as Elements;
  const e = new Float64Array(input!.shape[axis] ?? 0);
  forEachRow(input!.shape, axis, (base, stride, size) => {
    const m = rowMax(x, base, stride, size);
    let s = 0;
    for (let k = 0, p = base; k < size; k++, p += stride) {
      const v = Math.exp(x[p]! - m);
      e[k] = v;
      s += v;
    }
    for (let k = 0, p = base; k < size; k++, p += stride) y[p] = e[k]! / s;
  });
};

/** y = x − m − log Σ exp(x − m): no exp of large numbers, and no log of a rounded-to-zero softmax. */
export const logSoftmaxKernel: CpuKernel<'logSoftmax'> = ([input], [output], { axis }) => {
  const x = input!.data as Elements;
  const y = output!.data as Elements;
  forEachRow(input!.shape, axis, (base, stride, size) => {
    const m = rowMax(x, base, stride, size);
    let s = 0;
    for (let k = 0, p = base; k < size; k++, p += stride) s += Math.exp(x[p]! - m);
    const shift = m + Math.log(s);
    for (let k = 0, p = base; k < size; k++, p += stride) y[p] = x[p]! - shift;
  });
};

/**
 * The light softmax backward from the output alone: dx = y ⊙ (g − Σ g ⊙ y), since
 * ∂y_j/∂x_i = y_j(δ_ij − y_i).
 */
export const softmaxBackwardKernel: CpuKernel<'softmaxBackward'> = ([yT, gT], [dxT], { axis }) => {
  const y = yT!.data as Elements;
  const g = gT!.data as Elements;
  const dx = dxT!.data as Elements;
  forEachRow(yT!.shape, axis, (base, stride, size) => {
    let dot = 0;
    for (let k = 0, p = base; k < size; k++, p += stride) dot += g[p]! * y[p]!;
    for (let k = 0, p = base; k < size; k++, p += stride) dx[p] = y[p]! * (g[p]! - dot);
  });
};

/** dx = g − softmax(x) · Σ g, with softmax(x) = exp(y) recovered from the log-softmax output y. */
export const logSoftmaxBackwardKernel: CpuKernel<'logSoftmaxBackward'> = ([yT, gT], [dxT], { axis }) => {
  const y = yT!.data as Elements;
  const g = gT!.data as Elements;
  const dx = dxT!.data as Elements;
  forEachRow(yT!.shape, axis, (base, stride, size) => {
    let total = 0;
    for (let k = 0, p = base; k < size; k++, p += stride) total += g[p]!;
    for (let k = 0, p = base; k < size; k++, p += stride) dx[p] = g[p]! - Math.exp(y[p]!) * total;
  });
};
