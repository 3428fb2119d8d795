const MiB = 2 ** 20;

/** Bytes in MiB (2²⁰), with enough digits for small models. */
export function mib(bytes: number): string {
  const v = bytes / MiB;
  return `${v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(3)} MiB`;
}

export const toMiB = (bytes: number): number => bytes / MiB;

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
