import { describe, expect, it } from 'vitest';
import { formatDuration, formatSi, formatTable, parseBytes, parseDuration, sizeUnit } from './format.js';

describe('format', () => {
  it('parses sizes with decimal and binary units', () => {
    expect(parseBytes('0')).toBe(0);
    expect(parseBytes('1048576')).toBe(1048576);
    expect(parseBytes('512MiB')).toBe(512 * 2 ** 20);
    expect(parseBytes('2GB')).toBe(2e9);
    expect(parseBytes('1.5 gib')).toBe(1.5 * 2 ** 30);
    expect(parseBytes('1KiB')).toBe(1024);
    for (const bad of ['', 'MiB', '-1MiB', '2 parsecs', '1e9']) expect(parseBytes(bad)).toBeNull();
  });

  it('parses durations', () => {
    expect(parseDuration('45')).toBe(45_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration('250ms')).toBe(250);
    for (const bad of ['', 'm', '2x', '1h 2y', 'soon']) expect(parseDuration(bad)).toBeNull();
  });

  it('formats durations, rates and size units', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(1234)).toBe('1.2s');
    expect(formatDuration(59_400)).toBe('59s');
    expect(formatDuration(187_000)).toBe('3m07s');
    expect(formatDuration(3_720_000)).toBe('1h02m');
    expect(formatDuration(Infinity)).toBe('?');
    expect(formatSi(950)).toBe('950');
    expect(formatSi(1520)).toBe('1.52k');
    expect(formatSi(12_345)).toBe('12.3k');
    expect(formatSi(4.56e6)).toBe('4.56M');
    expect(sizeUnit(9 * 2 ** 20).name).toBe('KiB');
    expect(sizeUnit(10 * 2 ** 20).name).toBe('MiB');
  });

  it('pads table columns to the widest cell', () => {
    const t = formatTable(
      ['name', 'value'],
      [
        ['a', '1'],
        ['longer', '12345'],
      ],
    ).split('\n');
    expect(t[0]).toBe('name    value');
    expect(t[2]).toBe(`a${' '.repeat(11)}1`);
    expect(t[3]).toBe('longer  12345');
    expect(t[1]).toMatch(/^─{6} {2}─{5}$/);
  });
});
