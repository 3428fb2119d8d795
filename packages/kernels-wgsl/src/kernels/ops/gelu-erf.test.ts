import { fromArray, geluErf, unaryBackward } from '@lightattn/tensor-core';
import { unaryDerivativeF64, unaryF64 } from '@lightattn/tensor-core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';

const device = await webgpuTestDevice();

/**
 * The exact GELU's Φ (Numerical Recipes' erfcc with the Gaussian factor split, see unary-fns.ts) is
 * held to a few f32 ulp, tighter than the op suite's transcendental tolerance, over the range where
 * x·Φ(x) is a normal f32: the point of the exact form is to match PyTorch's nn.GELU().
 */
describe.skipIf(!device)('gelu_erf on WebGPU', () => {
  const d = device!;
  afterAll(() => d.destroy());
  const xs = Array.from({ length: 381 }, (_, i) => Math.fround(-12 + i * 0.05));

  // SwiftShader: at most 8.6e-7 relative down to x = −6, 3.7e-6 below (its exp of arguments near −70).
  it('x·Φ(x) is within 1e-6 relative of the float64 value from x = −6 to 7, 5e-6 down to −12', async () => {
    const got = await geluErf(fromArray(xs, { device: d })).toArray();
    xs.forEach((x, i) => {
      const want = unaryF64('gelu_erf', x);
      expect(Math.abs(got[i]! - want), `x = ${x}`).toBeLessThanOrEqual((x >= -6 ? 1e-6 : 5e-6) * Math.abs(want));
    });
  });

  it('its derivative Φ(x) + x·φ(x) is within 2e-6 of the float64 value', async () => {
    const got = await unaryBackward(
      fromArray(xs, { device: d }),
      fromArray(
        xs.map(() => 1),
        { device: d },
      ),
      'gelu_erf',
    ).toArray();
    xs.forEach((x, i) => expect(Math.abs(got[i]! - unaryDerivativeF64('gelu_erf', x)), `x = ${x}`).toBeLessThanOrEqual(2e-6));
  });
});
