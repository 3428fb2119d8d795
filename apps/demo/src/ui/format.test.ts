import { describe, expect, it } from 'vitest';
import { byteTicks, bytes, duration, logTicks } from './format.js';

describe('human units', () => {
  it('picks the largest binary unit with three significant digits', () => {
    expect(bytes(0)).toBe('0 B');
    expect(bytes(1000)).toBe('1000 B');
    expect(bytes(1536)).toBe('1.50 KiB');
    expect(bytes(64 * 2 ** 20)).toBe('64.0 MiB');
    expect(bytes(10568754 * 2 ** 20)).toBe('10.1 TiB');
    expect(bytes(10 * 2 ** 40)).toBe('10.0 TiB');
    expect(bytes(1023.99 * 2 ** 20)).toBe('1.00 GiB');
    expect(bytes(3 * 2 ** 50)).toBe('3.00 PiB');
    expect(bytes(Number.NaN)).toBe('–');
  });

  it('ticks a log axis of bytes at a few round powers of two', () => {
    const ticks = byteTicks(3e5, 2e12);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of ticks) expect(Math.log2(t) % 1).toBe(0);
    expect(ticks.map(bytes)).toEqual(['1.00 MiB', '16.0 MiB', '256 MiB', '4.00 GiB', '64.0 GiB', '1.00 TiB']);
    expect(byteTicks(1024, 4096)).toEqual([1024, 2048, 4096]);
    // 64 MiB … 16 GiB on a phone's axis: three ticks, one of them a whole unit.
    expect(byteTicks(64 * 2 ** 20, 16 * 2 ** 30, 3).map(bytes)).toEqual(['128 MiB', '1.00 GiB', '8.00 GiB']);
    expect(byteTicks(100 * 2 ** 20, 8 * 2 ** 30, 3).length).toBeGreaterThanOrEqual(2);
    expect(byteTicks(100 * 2 ** 20, 8 * 2 ** 30, 2).length).toBeGreaterThanOrEqual(2);
  });

  it('ticks a log axis of numbers at 1-2-5 steps, or only at powers of ten when they would crowd', () => {
    expect(logTicks(0.01, 0.06)).toEqual([0.01, 0.02, 0.05]);
    expect(logTicks(0.003, 400)).toEqual([0.01, 0.1, 1, 10, 100]);
    expect(logTicks(1e-3, 1e9, 5)).toEqual([0.001, 1, 1000, 1e6, 1e9]);
  });

  it('says durations in seconds, minutes or hours', () => {
    expect(duration(800)).toBe('0.8 s');
    expect(duration(42_000)).toBe('42 s');
    expect(duration(200_000)).toBe('3 min 20 s');
    expect(duration(3_900_000)).toBe('1 h 5 min');
  });
});
