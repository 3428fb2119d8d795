import { describe, expect, it } from 'vitest';
import { Generator } from '@lightattn/tensor-core';
import { calculateGain, computeFans, kaimingNormal, kaimingUniform, normal, ones, uniform, xavierNormal, xavierUniform, zeros } from './init.js';

const stats = (v: number[]) => {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return { mean, std, maxAbs: Math.max(...v.map(Math.abs)) };
};
const values = (t: { toArraySync(): ArrayLike<number> }) => Array.from(t.toArraySync());

describe('initialisers', () => {
  it('compute fans and gains as PyTorch', () => {
    expect(computeFans([8, 3])).toEqual({ fanIn: 3, fanOut: 8 });
    expect(computeFans([8, 3, 5, 5])).toEqual({ fanIn: 75, fanOut: 200 });
    expect(() => computeFans([4])).toThrow(/rank ≥ 2/);
    expect(calculateGain('relu')).toBe(Math.SQRT2);
    expect(calculateGain('tanh')).toBeCloseTo(5 / 3, 12);
    expect(calculateGain('leaky_relu', Math.sqrt(5))).toBeCloseTo(Math.sqrt(1 / 3), 12);
  });

  it('draw from the requested distributions, reproducibly from a generator', () => {
    const n = normal([4000], { std: 0.02, mean: 1, generator: new Generator(1) });
    const s = stats(values(n));
    expect(s.mean).toBeCloseTo(1, 2);
    expect(Math.abs(s.std - 0.02)).toBeLessThan(0.002);
    expect(values(normal([16], { generator: new Generator(3) }))).toEqual(values(normal([16], { generator: new Generator(3) })));
    const u = stats(values(uniform([4000], { low: -2, high: 2, generator: new Generator(2) })));
    expect(u.maxAbs).toBeLessThanOrEqual(2);
    expect(Math.abs(u.std - 4 / Math.sqrt(12))).toBeLessThan(0.05);
    expect(values(zeros([3]))).toEqual([0, 0, 0]);
    expect(values(ones([2]))).toEqual([1, 1]);
  });

  it('xavier and kaiming use the fans, or the ones given', () => {
    const xu = stats(values(xavierUniform([64, 32], { generator: new Generator(4) })));
    expect(xu.maxAbs).toBeLessThanOrEqual(Math.sqrt(6 / 96));
    expect(xu.maxAbs).toBeGreaterThan(0.9 * Math.sqrt(6 / 96));
    expect(Math.abs(stats(values(xavierNormal([64, 64], { generator: new Generator(5) }))).std - Math.sqrt(2 / 128))).toBeLessThan(0.01);
    expect(Math.abs(stats(values(kaimingNormal([64, 64], { nonlinearity: 'relu', generator: new Generator(6) }))).std - Math.SQRT2 / 8)).toBeLessThan(0.01);
    const ku = stats(values(kaimingUniform([16, 100], { a: Math.sqrt(5), fans: { fanIn: 25, fanOut: 16 }, generator: new Generator(7) })));
    expect(ku.maxAbs).toBeLessThanOrEqual(1 / 5);
    expect(ku.maxAbs).toBeGreaterThan(0.19);
  });
});
