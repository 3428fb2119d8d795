import type { OpParams } from '../ops/op-params.js';
import { host, type HostTensor } from './host-tensor.js';

/**
 * leapScan by its definition, in float64, one window at a time (O(T·w), independent of the kernels'
 * block decomposition): for position t, with M the largest finite logit of W(t),
 *   lse = M + log Σ exp(ℓ_j − M),  mean = Σ exp(ℓ_j − M)·x_j / Σ exp(ℓ_j − M).
 * −Inf logits are left out; a NaN or +Inf logit in the window makes both results NaN; an empty (or
 * all −Inf) window gives mean 0 and lse −Inf.
 */
export function refLeapScan(logits: HostTensor, x: HostTensor, p: OpParams<'leapScan'>): [HostTensor, HostTensor] {
  const shape = logits.shape;
  const T = shape[p.axis]!;
  const outer = shape.slice(0, p.axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(p.axis + 1).reduce((a, b) => a * b, 1);
  const C = x.shape[x.shape.length - 1]!;
  const w = p.window === 0 ? T : p.window;
  const mean = new Array<number>(x.data.length).fill(0);
  const lse = new Array<number>(logits.data.length).fill(0);
  for (let o = 0; o < outer; o++) {
    for (let n = 0; n < inner; n++) {
      const index = (t: number) => (o * T + t) * inner + n;
      for (let t = 0; t < T; t++) {
        const lo = p.reverse ? t : Math.max(0, t - w + 1);
        const hi = p.reverse ? Math.min(T - 1, t + w - 1) : t;
        const members: number[] = [];
        for (let j = lo; j <= hi; j++) if (logits.data[index(j)] !== -Infinity) members.push(index(j));
        const li = index(t);
        if (members.some((j) => !(logits.data[j]! < Infinity))) {
          lse[li] = NaN;
          for (let c = 0; c < C; c++) mean[li * C + c] = NaN;
          continue;
        }
        if (members.length === 0) {
          lse[li] = -Infinity;
          continue;
        }
        const M = Math.max(...members.map((j) => logits.data[j]!));
        const weights = members.map((j) => Math.exp(logits.data[j]! - M));
        const z = weights.reduce((a, b) => a + b, 0);
        lse[li] = M + Math.log(z);
        for (let c = 0; c < C; c++) {
          let s = 0;
          members.forEach((j, k) => (s += weights[k]! * x.data[j * C + c]!));
          mean[li * C + c] = s / z;
        }
      }
    }
  }
  return [host(x.shape, mean), host(shape, lse)];
}
