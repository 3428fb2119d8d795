import {
  arange,
  cast,
  clone,
  concat,
  createCpuDevice,
  fromArray,
  logicalNot,
  logicalXor,
  pad,
  setSlice,
  where,
  type Device,
  type Tensor,
} from '@lightattn/tensor-core';
import { afterAll, describe, expect, it } from 'vitest';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';

const device = await webgpuTestDevice();
const cpu = createCpuDevice();

/** 0/1 pattern with runs, so a byte written to the wrong lane of a word shows. */
const PATTERN = Array.from({ length: 23 }, (_, i) => ((i * 7) % 5 < 2 ? 1 : 0));

function mask(d: Device, data: readonly number[] = PATTERN): Tensor {
  return fromArray(Uint8Array.from(data), { dtype: 'bool', device: d });
}

async function both(fn: (d: Device) => Tensor): Promise<[number[], number[]]> {
  const gpu = fn(device!);
  const ref = fn(cpu);
  return [Array.from(await gpu.toArray()), Array.from(await ref.toArray())];
}

// Bool tensors are packed four to a u32 word; these cases put views and writes at every byte lane.
afterAll(() => device?.destroy());

describe.skipIf(!device)('packed bool on WebGPU', () => {
  it('reads views at every byte offset of a word', async () => {
    for (let offset = 0; offset < 8; offset++) {
      for (const length of [1, 3, 4, 5, 9]) {
        const [g, c] = await both((d) => logicalNot(mask(d).view([length], offset)));
        expect(g, `logicalNot offset ${offset} length ${length}`).toEqual(c);
        const [gf, cf] = await both((d) => cast(mask(d).view([length], offset), 'f32'));
        expect(gf, `cast offset ${offset}`).toEqual(cf);
      }
    }
  });

  it('copies views (buffer copy when aligned, kernel when not)', async () => {
    for (const [offset, length] of [
      [0, 8],
      [4, 12],
      [1, 8],
      [3, 5],
      [2, 2],
    ] as const) {
      const [g, c] = await both((d) => clone(mask(d).view([length], offset)));
      expect(g, `copy offset ${offset} length ${length}`).toEqual(c);
    }
  });

  it('combines operands at different offsets (where, xor) with broadcasting', async () => {
    const [g, c] = await both((d) => {
      const m = mask(d);
      const x = arange(0, 15, 1, { dtype: 'f32', device: d }).view([3, 5]);
      return where(m.view([3, 5], 3), x, fromArray([-1], { device: d }));
    });
    expect(g).toEqual(c);
    const [gx, cx] = await both((d) => logicalXor(mask(d).view([2, 5], 1), mask(d).view([1, 5], 6)));
    expect(gx).toEqual(cx);
  });

  it('writes into a bool tensor at unaligned starts without touching its neighbours', async () => {
    for (const start of [0, 1, 2, 3, 5, 13]) {
      const [g, c] = await both((d) => {
        const dst = mask(d);
        setSlice(dst, mask(d, [1, 1, 0, 1, 1, 0, 1]), [start]);
        return dst;
      });
      expect(g, `setSlice at ${start}`).toEqual(c);
    }
  });

  it('concatenates and pads bool tensors of odd sizes', async () => {
    const [g, c] = await both((d) => concat([mask(d).view([5], 0), mask(d).view([3], 7), mask(d).view([6], 2)], 0));
    expect(g).toEqual(c);
    const [gp, cp] = await both((d) => pad(mask(d).view([3, 7], 1), [1, 2], [0, 3], 1));
    expect(gp).toEqual(cp);
  });
});

describe.skipIf(!device)('in-place ops on WebGPU', () => {
  it('setSlice from a view of its own destination reads the values from before the op', async () => {
    for (const [from, to] of [
      [0, 3],
      [3, 0],
      [2, 4],
    ] as const) {
      const [g, c] = await both((d) => {
        const dst = arange(0, 10, 1, { dtype: 'f32', device: d });
        setSlice(dst, dst.view([5], from), [to]);
        return dst;
      });
      expect(g, `copy [${from}, ${from + 5}) to ${to}`).toEqual(c);
    }
  });
});
