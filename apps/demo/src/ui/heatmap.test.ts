import { describe, expect, it } from 'vitest';
import { rampColor, visibleToken } from './heatmap.js';

describe('heatmap helpers', () => {
  it('maps 0 to light yellow, 1 to dark purple, and clamps the rest', () => {
    expect(rampColor(0)).toBe('rgb(253, 231, 37)');
    expect(rampColor(0.5)).toBe('rgb(33, 145, 140)');
    expect(rampColor(1)).toBe('rgb(68, 1, 84)');
    expect(rampColor(-3)).toBe(rampColor(0));
    expect(rampColor(7)).toBe(rampColor(1));
    expect(rampColor(Number.NaN)).toBe(rampColor(0));
    const darkness = (c: string) =>
      c
        .match(/\d+/g)!
        .map(Number)
        .reduce((a, b) => a + b, 0);
    expect(darkness(rampColor(0.25))).toBeGreaterThan(darkness(rampColor(0.75)));
  });

  it('makes spaces, newlines and long tokens readable as column labels', () => {
    expect(visibleToken(' ')).toBe('␣');
    expect(visibleToken('\n')).toBe('↵');
    expect(visibleToken('a')).toBe('a');
    expect(visibleToken(' attention')).toBe(' atte…');
  });
});
