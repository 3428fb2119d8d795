// @lightattn/tensor-core/testing/vitest: the test layer every package's vitest suites share (the
// pattern of jax-js's test/setup.ts): one way to get a test device, with a visible skip (never a
// silent pass) where it cannot be created, and one closeness matcher, `toBeAllClose`, built on
// assertAllClose. Registered for the whole repository by vitest.config.ts (setupFiles).
import { afterAll, describe, expect, it } from 'vitest';
import type { Device } from '../device.js';
import { assertAllClose, type Tolerance } from './assert.js';

/** A device a suite runs on: its name and how to create it (may reject, e.g. no WebGPU adapter). */
export interface TestDeviceSpec<D extends Device = Device> {
  readonly name: string;
  /** Creates the device; a rejection (no adapter, say) becomes a visible skip, or a failure with CI=true. */
  create(): D | Promise<D>;
}

/** A created device, or why there is none. */
export type TestDeviceResult<D extends Device = Device> = { readonly device: D; readonly skip?: undefined } | { readonly device: null; readonly skip: string };

/**
 * Creates a test device. Without it (no WebGPU adapter, say) the result carries the reason, for a
 * visible skip; with CI=true a device that cannot be created fails the run instead, because a suite
 * that skips in CI is a hole (CI installs chromium for SwiftShader).
 */
export async function openTestDevice<D extends Device>(spec: TestDeviceSpec<D>): Promise<TestDeviceResult<D>> {
  try {
    return { device: await spec.create() };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (process.env.CI === 'true') throw new Error(`CI=true but the ${spec.name} test device could not be created: ${reason}`, { cause: e });
    return { device: null, skip: `no ${spec.name} device: ${reason}` };
  }
}

/**
 * `describe(title)` once per device, with `body` given the device; destroyed after the suite when it
 * has a `destroy()`. A device that cannot be created shows as a skipped test naming the reason.
 */
export function describeEachDevice<D extends Device>(
  title: string,
  specs: readonly TestDeviceSpec<D>[],
  body: (device: D) => void,
  options: { timeout?: number } = {},
): void {
  for (const spec of specs) {
    describe(`${title} (${spec.name})`, options, async () => {
      const opened = await openTestDevice(spec);
      if (opened.skip !== undefined) {
        it.skip(opened.skip, () => {});
        return;
      }
      const device = opened.device as D;
      afterAll(() => (device as { destroy?: () => void }).destroy?.());
      body(device);
    });
  }
}

/** Options of `toBeAllClose`: NumPy's allclose tolerances. */
export type AllCloseOptions = Partial<Tolerance>;

/** Default tolerances: f32 results of short sums. */
export const DEFAULT_ALL_CLOSE: Tolerance = { rtol: 1e-5, atol: 1e-6 };

function values(x: unknown): ArrayLike<number> {
  if (typeof x === 'number') return [x];
  if (x && typeof (x as ArrayLike<number>).length === 'number') return x as ArrayLike<number>;
  throw new TypeError(`toBeAllClose: expected numbers or an array of numbers, got ${typeof x}`);
}

/**
 * `expect(actual, label).toBeAllClose(expected, { rtol, atol })`: every element within
 * atol + rtol·|expected| (NaN matches NaN, ±Inf the same infinity). A failure lists the first
 * mismatches and the largest absolute and relative errors (assertAllClose).
 */
/** What a vitest matcher returns. */
export interface AllCloseResult {
  /** Whether every element was close. */
  readonly pass: boolean;
  /** The failure (or, under `.not`, the unexpected pass) described. */
  readonly message: () => string;
}

/** The matchers `registerMatchers()` adds to vitest's `expect`: `toBeAllClose`. */
export const allCloseMatchers = {
  /** The matcher behind `expect(actual).toBeAllClose(expected, options)`. */
  toBeAllClose(this: { isNot: boolean; currentTestName?: string }, received: unknown, expected: unknown, options: AllCloseOptions = {}): AllCloseResult {
    const tolerance = { ...DEFAULT_ALL_CLOSE, ...options };
    try {
      assertAllClose(values(received), values(expected), tolerance, 'values');
      return { pass: true, message: () => `expected values not to be all close (rtol ${tolerance.rtol}, atol ${tolerance.atol})` };
    } catch (e) {
      return { pass: false, message: () => (e as Error).message };
    }
  },
};

/** Registers `toBeAllClose` with vitest's `expect` (vitest.config.ts does it for every project). */
export function registerMatchers(): void {
  expect.extend(allCloseMatchers);
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- must match vitest's own declaration
  interface Matchers<T = any> {
    /** Every element within atol + rtol·|expected| (defaults rtol 1e-5, atol 1e-6). */
    toBeAllClose(expected: ArrayLike<number> | number, options?: AllCloseOptions): T;
  }
}
