import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCpuDevice } from '../cpu/cpu-device.js';
import { describeEachDevice, openTestDevice } from './vitest.js';

describe('toBeAllClose', () => {
  it('passes within atol + rtol·|expected|, NaN against NaN and equal infinities', () => {
    expect([1, 2.00001, NaN, Infinity]).toBeAllClose([1, 2, NaN, Infinity], { rtol: 1e-5, atol: 0 });
    expect(new Float32Array([0.5])).toBeAllClose(0.5);
    expect([1, 2]).not.toBeAllClose([1, 2.1]);
  });

  it('fails naming the mismatches and the largest errors', () => {
    expect(() => expect([1, 2, 3], 'logits').toBeAllClose([1, 2.5, 3], { rtol: 0, atol: 0.1 })).toThrow(
      /1 of 3 elements differ \(rtol 0, atol 0.1\)\n {2}\[1\] actual 2, expected 2.5[\s\S]*max abs error 0.5 at \[1\]/,
    );
    expect(() => expect([1, 2]).toBeAllClose([1, 2, 3])).toThrow(/got 2 elements, expected 3/);
  });
});

describe('openTestDevice', () => {
  afterEach(() => vi.unstubAllEnvs());
  const broken = { name: 'webgpu', create: () => Promise.reject(new Error('no adapter')) };

  it('gives the device, or the reason for a visible skip', async () => {
    expect((await openTestDevice({ name: 'cpu', create: () => createCpuDevice() })).device?.type).toBe('cpu');
    vi.stubEnv('CI', '');
    expect(await openTestDevice(broken)).toEqual({ device: null, skip: 'no webgpu device: no adapter' });
  });

  it('fails with CI=true, where a skipped suite would be a hole', async () => {
    vi.stubEnv('CI', 'true');
    await expect(openTestDevice(broken)).rejects.toThrow(/CI=true but the webgpu test device could not be created: no adapter/);
  });
});

// One suite per device; the second shows in the report as a skipped test titled with the reason
// (outside CI), not as a pass.
const ran: string[] = [];
describeEachDevice(
  'describeEachDevice',
  [
    { name: 'cpu', create: () => createCpuDevice() },
    ...(process.env.CI === 'true' ? [] : [{ name: 'missing', create: () => Promise.reject(new Error('not installed')) }]),
  ],
  (device) => {
    it('runs the body with the device', () => {
      ran.push(device.type);
      expect(ran).toEqual(['cpu']);
    });
  },
);
