import { formatBytes } from '@lightattn/tensor-core';

export { formatBytes };

const BYTE_UNITS: Record<string, number> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** `512MiB`, `2GB`, `1.5 GiB`, `1048576` → bytes; null if it is not a size. */
export function parseBytes(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!m) return null;
  const unit = BYTE_UNITS[(m[2] || 'b').toLowerCase()];
  return unit === undefined ? null : Math.round(Number(m[1]) * unit);
}

/** `90s`, `2m`, `1h30m`, `1.5m`, `45` (seconds) → milliseconds; null if it is not a duration. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const re = /(\d+(?:\.\d+)?)\s*(ms|h|m|s)/gy;
  let total = 0;
  let at = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    at = re.lastIndex;
  }
  return at === t.length && at > 0 ? total : null;
}

/** Milliseconds as `42s`, `3m07s`, `1h02m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return ms < 10_000 && ms > 0 ? `${(ms / 1000).toFixed(1)}s` : `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** A count with thousands grouped by a thin space-free comma: 1234567 → 1,234,567; 1.2k-style for rates. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A rate or a size of tokens: 950, 12.3k, 4.56M. */
export function formatSi(n: number): string {
  if (!Number.isFinite(n)) return '?';
  const a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(2)}G`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  if (a >= 1e3) return `${(n / 1e3).toFixed(2)}k`;
  if (Number.isInteger(n)) return String(n);
  return a >= 100 ? n.toFixed(0) : a >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** Bytes in MiB with one decimal, for tables that compare sizes. */
export const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

/** A unit for a column of sizes up to `max` bytes: MiB from 10 MiB up, else KiB, one decimal. */
export function sizeUnit(max: number): { name: 'MiB' | 'KiB'; format: (bytes: number) => string; scale: number } {
  const scale = max >= 10 * 2 ** 20 ? 2 ** 20 : 2 ** 10;
  return { name: scale === 2 ** 20 ? 'MiB' : 'KiB', format: (b) => (b / scale).toFixed(1), scale };
}

export type Align = 'left' | 'right';

/**
 * A plain-text table with a header rule, columns padded to their widest cell. Numbers read best
 * right-aligned; `align` gives each column's side (default: right for every column but the first).
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const side = (i: number): Align => align?.[i] ?? (i === 0 ? 'left' : 'right');
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (side(i) === 'left' ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The same table in Markdown, for docs. */
export function formatMarkdownTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const side = (i: number): Align => align?.[i] ?? (i === 0 ? 'left' : 'right');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (side(i) === 'left' ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
