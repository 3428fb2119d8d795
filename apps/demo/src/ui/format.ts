const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * Bytes in the largest binary unit that keeps the number at or above 1 (B, KiB … PiB), with three
 * significant digits: 10 TiB reads "10.0 TiB", not "10485760 MiB".
 */
export function bytes(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const sign = n < 0 ? '−' : '';
  let v = Math.abs(n);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return `${sign}${Math.round(v)} B`;
  // 1023.96 KiB would round to "1024 KiB": move up a unit instead.
  if (v >= 999.5 && u < UNITS.length - 1) return `${sign}${(v / 1024).toFixed(2)} ${UNITS[u + 1]}`;
  return `${sign}${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${UNITS[u]}`;
}

/**
 * Tick values for a log axis of bytes: powers of two a fixed number of doublings apart (1 KiB,
 * 16 KiB, 256 KiB, 4 MiB …), the step the smallest that leaves at most `most` ticks (and at least
 * two), placed to hit whole units (2¹⁰ᵏ: 1 KiB, 1 MiB, 1 GiB) where it can, so labels never crowd.
 */
export function byteTicks(min: number, max: number, most = 7): number[] {
  const lo = Math.floor(Math.log2(Math.max(1, min)));
  const hi = Math.ceil(Math.log2(Math.max(2, max)));
  for (const step of [1, 2, 3, 4, 5, 10, 20, 30, 40]) {
    let best: number[] | null = null;
    let bestUnits = -1;
    for (let offset = 0; offset < step; offset++) {
      const exps: number[] = [];
      for (let e = lo + ((((offset - lo) % step) + step) % step); e <= hi; e += step) exps.push(e);
      if (exps.length < 2 || exps.length > most) continue;
      const units = exps.filter((e) => e % 10 === 0).length;
      if (!best || exps.length > best.length || (exps.length === best.length && units > bestUnits)) {
        best = exps;
        bestUnits = units;
      }
    }
    if (best) return best.map((e) => 2 ** e);
  }
  return [2 ** lo, 2 ** hi];
}

/**
 * Tick values for a log axis of plain numbers: 1-2-5 steps per decade, then only the powers of
 * ten, then every other one, until at most `most` remain (at least two).
 */
export function logTicks(min: number, max: number, most = 7): number[] {
  const lo = Math.floor(Math.log10(min > 0 ? min : 1e-12));
  const hi = Math.ceil(Math.log10(max > 0 ? max : 1));
  const within = (v: number) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
  let fewest: number[] = [min, max];
  for (const [mantissas, every] of [
    [[1, 2, 5], 1],
    [[1], 1],
    [[1], 2],
    [[1], 3],
  ] as const) {
    const ticks: number[] = [];
    for (let e = lo; e <= hi; e++)
      if ((e - lo) % every === 0) for (const m of mantissas) if (within(m * 10 ** e)) ticks.push(Number((m * 10 ** e).toPrecision(1)));
    if (ticks.length < 2) return fewest;
    fewest = ticks;
    if (ticks.length <= most) return ticks;
  }
  return fewest;
}

/** A duration for a person: "0.8 s", "42 s", "3 min 20 s", "1 h 5 min". */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s - m * 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function rate(perSecond: number, unit: string): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return `– ${unit}/s`;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M${unit}/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k${unit}/s`;
  return `${perSecond.toFixed(1)} ${unit}/s`;
}

export function gflops(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(2);
}

export function count(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : String(n);
}
