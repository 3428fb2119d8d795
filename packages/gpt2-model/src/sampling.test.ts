import { describe, expect, it } from 'vitest';
import { argmax, filteredDistribution, sampleToken, SamplingRng } from './sampling.js';

describe('sampling', () => {
  it('greedy takes the first largest logit and skips NaN', () => {
    expect(argmax([1, 3, 3, 2])).toBe(1);
    expect(argmax([NaN, -1, NaN])).toBe(1);
    expect(argmax([-Infinity, -Infinity])).toBe(0);
    expect(argmax([0, Infinity, 5])).toBe(1);
    expect(() => argmax([NaN, NaN])).toThrow(/every one of the 2 logits is NaN/);
    expect(sampleToken([0.1, 0.2, 5], {}, null)).toBe(2);
  });

  it('temperature scales the logits before the softmax', () => {
    const logits = [Math.log(1), Math.log(3)];
    expect(filteredDistribution(logits, {}).probs).toEqual([0.75, 0.25].map((p) => expect.closeTo(p, 12)) as never);
    // T = 0.5 squares the odds: 9 : 1.
    const sharp = filteredDistribution(logits, { temperature: 0.5 });
    expect(sharp.ids).toEqual([1, 0]);
    expect(sharp.probs[0]).toBeCloseTo(0.9, 12);
  });

  it('top-k keeps the k largest (and ties with the k-th), as HF does', () => {
    expect(filteredDistribution([1, 5, 3, 4], { topK: 2 }).ids).toEqual([1, 3]);
    expect(filteredDistribution([1, 5, 3, 3], { topK: 2 }).ids).toEqual([1, 2, 3]);
    expect(filteredDistribution([1, 5], { topK: 10 }).ids).toEqual([1, 0]);
    expect(filteredDistribution([2, 7, 1], { topK: 1 }).probs).toEqual([1]);
  });

  it('top-p keeps the shortest likely prefix reaching p, and at least one token', () => {
    const logits = [0.5, 0.3, 0.15, 0.05].map(Math.log);
    expect(filteredDistribution(logits, { topP: 0.5 }).ids).toEqual([0]);
    expect(filteredDistribution(logits, { topP: 0.51 }).ids).toEqual([0, 1]);
    expect(filteredDistribution(logits, { topP: 0.75 }).ids).toEqual([0, 1]);
    expect(filteredDistribution(logits, { topP: 0.85 }).ids).toEqual([0, 1, 2]);
    expect(filteredDistribution(logits, { topP: 1e-9 }).ids).toEqual([0]);
    const kept = filteredDistribution(logits, { topP: 0.9, topK: 2 });
    expect(kept.ids).toEqual([0, 1]);
    expect(kept.probs.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it('drops NaN and −Inf logits, and +Inf takes all the mass', () => {
    expect(filteredDistribution([NaN, 0, -Infinity, 0], {}).ids).toEqual([1, 3]);
    expect(filteredDistribution([0, Infinity, 1], {})).toEqual({ ids: [1, 2, 0], probs: [1, 0, 0] });
    expect(() => filteredDistribution([NaN, -Infinity], {})).toThrow(/none of the 2 logits/);
  });

  it('a seed gives the same draws; the frequencies follow the distribution', () => {
    const logits = [0, Math.log(3)];
    const draw = (seed: number) => {
      const rng = new SamplingRng(seed);
      return Array.from({ length: 4000 }, () => sampleToken(logits, { doSample: true }, rng));
    };
    const a = draw(7);
    expect(draw(7)).toEqual(a);
    expect(draw(8)).not.toEqual(a);
    const ones = a.filter((t) => t === 1).length / a.length;
    expect(ones).toBeGreaterThan(0.72);
    expect(ones).toBeLessThan(0.78);
    expect(() => new SamplingRng(-1)).toThrow(/seed/);
    expect(() => sampleToken(logits, { doSample: true }, null)).toThrow(/SamplingRng/);
  });
});
