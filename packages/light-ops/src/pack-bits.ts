import * as tc from '@lightattn/tensor-core';
import type { Shape, Tensor } from '@lightattn/tensor-core';

/** Words packed or unpacked per step: 2^21 elements, so the u32 temporaries stay near 8 MiB whatever the mask size. */
const BLOCK_WORDS = 1 << 16;

/**
 * A bool tensor packed one bit per element into u32 words (element e is bit e mod 32 of word
 * ⌊e/32⌋), built from op-set primitives so it runs on every device: the 0/1 values of each group of
 * 32 are multiplied by 2^0 … 2^31 and summed, which is an exact OR since the bits are distinct.
 * Storage: 4·⌈n/32⌉ bytes for n elements, an eighth of a bool mask and a thirty-second of an f32 one.
 */
export function packBits(keep: Tensor): Tensor {
  const n = keep.numel;
  const words = Math.ceil(n / 32);
  const out = tc.zeros([words], { dtype: 'u32', device: keep.device });
  tc.scope(() => {
    const flat = tc.reshape(keep, [n]);
    const weights = bitWeights(keep.device);
    for (const w0 of blockStarts(words, !keep.device.holdsData)) {
      const count = Math.min(BLOCK_WORDS, words - w0);
      const first = w0 * 32;
      tc.scope(() => {
        const bits = tc.cast(tc.narrow(flat, 0, first, Math.min(count * 32, n - first)), 'u32');
        const padded = bits.numel === count * 32 ? bits : tc.pad(bits, [0], [count * 32 - bits.numel], 0);
        tc.setSlice(out, tc.sum(tc.mul(tc.reshape(padded, [count, 32]), weights), { axes: [1] }), [w0]);
      });
    }
  });
  return out;
}

/** The inverse of packBits: bit b of a word w is ⌊w / 2^b⌋ mod 2, with mod 2 as q − 2·⌊q/2⌋ (u32 division truncates). */
export function unpackBits(words: Tensor, shape: Shape): Tensor {
  const n = shape.reduce((a, d) => a * d, 1);
  const out = tc.zeros([n], { dtype: 'bool', device: words.device });
  tc.scope(() => {
    const weights = bitWeights(words.device);
    const zero = tc.full([], 0, { dtype: 'u32', device: words.device });
    for (const w0 of blockStarts(words.numel, !words.device.holdsData)) {
      const count = Math.min(BLOCK_WORDS, words.numel - w0);
      const first = w0 * 32;
      tc.scope(() => {
        const shifted = tc.div(tc.reshape(tc.narrow(words, 0, w0, count), [count, 1]), weights);
        const bit = tc.sub(shifted, tc.mul(tc.div(shifted, 2), 2));
        const keep = tc.reshape(tc.ne(bit, zero), [count * 32]);
        tc.setSlice(out, tc.narrow(keep, 0, 0, Math.min(count * 32, n - first)), [first]);
      });
    }
  });
  const shaped = tc.reshape(out, shape);
  out.dispose();
  return shaped;
}

/**
 * First words of the blocks to run: every block, or with `bytesOnly` (a device that holds no data,
 * where only allocations are counted) the first full block and the last, shorter one. Each block
 * allocates its temporaries at the same level and writes its result in place, so the others would
 * add no byte — only time, O(n / 2^21) ops for a mask of n elements.
 */
function blockStarts(words: number, bytesOnly: boolean): number[] {
  const full = Math.floor(words / BLOCK_WORDS);
  const starts: number[] = [];
  for (let i = 0; i < (bytesOnly ? Math.min(full, 1) : full); i++) starts.push(i * BLOCK_WORDS);
  if (words % BLOCK_WORDS) starts.push(full * BLOCK_WORDS);
  return starts;
}

/** [2^0, 2^1, …, 2^31] as u32. */
function bitWeights(device: tc.Device): Tensor {
  return tc.fromArray(
    Uint32Array.from({ length: 32 }, (_, b) => 2 ** b),
    { shape: [32], dtype: 'u32', device },
  );
}
