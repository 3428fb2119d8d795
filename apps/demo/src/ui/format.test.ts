import { describe, expect, it } from 'vitest';
import { byteTicks, bytes, duration } from './format.js';

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
    expect(ticks.map(bytes)).toEqual(['1.00 MiB', '32.0 MiB', '1.00 GiB', '32.0 GiB', '1.00 TiB']);
    expect(byteTicks(1024, 4096)).toEqual([1024, 2048, 4096]);
  });

  it('says durations in seconds, minutes or hours', () => {
    expect(duration(800)).toBe('0.8 s');
    expect(duration(42_000)).toBe('42 s');
    expect(duration(200_000)).toBe('3 min 20 s');
    expect(duration(3_900_000)).toBe('1 h 5 min');
  });
});
