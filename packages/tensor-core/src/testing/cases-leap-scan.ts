/** Cases for leapScan: window sizes around the block and workgroup sizes, both directions, axes, masks, stability. */
import type { Device } from '../device.js';
import type { OpParams } from '../ops/op-params.js';
import { checkOp, defineCase, type CaseContext, type InputSpec, type OpTestCase } from './harness.js';
import { host, type HostTensor } from './host-tensor.js';
import { refLeapScan } from './reference-leap-scan.js';

export function leapScanCases(ctx: CaseContext): OpTestCase[] {
  const check = async (device: Device, logits: InputSpec, x: InputSpec, params: OpParams<'leapScan'>, label?: string) => {
    const T = logits.shape[params.axis]!;
    const k = Math.max(1, params.window === 0 ? T : Math.min(params.window, T));
    const tolerance = ctx.tolerance('leapScan', { k });
    await checkOp(device, { op: 'leapScan', params, inputs: [logits, x], expected: refLeapScan(logits, x, params), tolerance, ...(label ? { label } : {}) });
  };
  const withChannels = (logits: HostTensor, C: number, make: (shape: number[]) => HostTensor) => make([...logits.shape, C]);

  const cases: OpTestCase[] = [];
  for (const reverse of [false, true]) {
    cases.push(
      defineCase(`leapScan windows, reverse ${reverse}`, 'leapScan', async (device, data) => {
        // 300 positions: longer than a 256-wide workgroup; windows of 1, odd, 64, T − 1, T and > T.
        const logits = data.f32([2, 300], -6, 6);
        const x = withChannels(logits, 2, (s) => data.f32(s));
        for (const window of [0, 1, 3, 64, 299, 300, 1000]) await check(device, logits, x, { axis: 1, window, reverse });
        await check(device, { ...logits, offset: 3 }, { ...x, offset: 5 }, { axis: 1, window: 7, reverse }, 'offset views');
      }),
    );
  }
  cases.push(
    defineCase('leapScan axes', 'leapScan', async (device, data) => {
      const logits = data.f32([3, 70, 2], -4, 4);
      const x = withChannels(logits, 5, (s) => data.f32(s));
      for (const window of [0, 4, 16]) await check(device, logits, x, { axis: 1, window, reverse: window === 4 });
      const first = data.f32([65, 3], -4, 4);
      await check(
        device,
        first,
        withChannels(first, 3, (s) => data.f32(s)),
        { axis: 0, window: 8, reverse: false },
      );
      const last = data.f32([2, 3, 63], -4, 4);
      await check(
        device,
        last,
        withChannels(last, 4, (s) => data.f32(s)),
        { axis: 2, window: 0, reverse: true },
      );
    }),
    defineCase('leapScan long lines', 'leapScan', async (device, data) => {
      // Lines of 1100 and 4099 cross many scan chunks and workgroups.
      const a = data.f32([1, 1100], -8, 8);
      const ax = withChannels(a, 1, (s) => data.f32(s));
      await check(device, a, ax, { axis: 1, window: 0, reverse: false });
      await check(device, a, ax, { axis: 1, window: 257, reverse: true });
      const b = data.f32([4099], -8, 8);
      await check(
        device,
        b,
        withChannels(b, 1, (s) => data.f32(s)),
        { axis: 0, window: 0, reverse: false },
      );
    }),
    defineCase('leapScan edge sizes', 'leapScan', async (device, data) => {
      await check(device, host([0], []), host([0, 3], []), { axis: 0, window: 0, reverse: false }, 'empty axis');
      await check(device, host([2, 0], []), host([2, 0, 4], []), { axis: 1, window: 2, reverse: false }, 'empty axis, windowed');
      const empty = host([0, 5], []);
      await check(device, empty, host([0, 5, 2], []), { axis: 1, window: 0, reverse: false }, 'no lines');
      const noChannels = data.f32([3, 9]);
      await check(device, noChannels, host([3, 9, 0], []), { axis: 1, window: 4, reverse: false }, 'C = 0 still gives lse');
      for (const T of [1, 63, 64, 65]) {
        const l = data.f32([T], -3, 3);
        await check(
          device,
          l,
          withChannels(l, 2, (s) => data.f32(s)),
          { axis: 0, window: T === 1 ? 0 : 8, reverse: false },
        );
      }
    }),
    defineCase('leapScan stability, masks and NaN', 'leapScan', async (device, data) => {
      // Logits spanning ±80: exp overflows f32 without the running maximum. The jump from +15 to −15
      // is where cumsum(t) − cumsum(t − w) loses the small windows entirely.
      const wide = host(
        [1, 200],
        Array.from({ length: 200 }, (_, i) => (i < 100 ? 15 : -15) + (i % 7 === 0 ? 65 * Math.sin(i) : 0)),
      );
      const wx = withChannels(wide, 2, (s) => data.f32(s));
      await check(device, wide, wx, { axis: 1, window: 4, reverse: false }, '±80 logits, window 4');
      await check(device, wide, wx, { axis: 1, window: 0, reverse: true }, '±80 logits, unbounded');
      // −Inf logits weigh nothing; a window of only −Inf gives mean 0 and lse −Inf (positions 4–6, window 2).
      const masked = host([1, 10], [0, -Infinity, 1, 2, -Infinity, -Infinity, -Infinity, 3, -10000, 0.5]);
      const mx = withChannels(masked, 3, (s) => data.f32(s));
      for (const window of [0, 2, 3]) await check(device, masked, mx, { axis: 1, window, reverse: false }, `masked, window ${window}`);
      // A NaN logit poisons the windows that contain it; a NaN value poisons its channel there.
      const nanLogits = host([1, 9], [0, 1, NaN, 2, 3, 0, 1, 2, 3]);
      await check(
        device,
        nanLogits,
        withChannels(nanLogits, 2, (s) => data.f32(s)),
        { axis: 1, window: 3, reverse: false },
        'NaN logit',
      );
      const nanValues = data.sprinkle(data.f32([1, 9, 2]), [NaN], 7);
      await check(device, data.f32([1, 9]), nanValues, { axis: 1, window: 3, reverse: true }, 'NaN value');
    }),
  );
  return cases;
}
