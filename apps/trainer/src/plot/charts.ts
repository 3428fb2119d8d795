import { textWidth } from './raster.js';
import { PALETTE, type Mark, type Scene } from './scene.js';

export interface LineSeries {
  name: string;
  points: readonly (readonly [number, number])[];
  color?: string;
  width?: number;
  dashed?: boolean;
  opacity?: number;
  /** Leave out of the legend (e.g. the raw curve under its smoothed version). */
  hideInLegend?: boolean;
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
  width?: number;
  height?: number;
}

export interface BarChartOptions {
  title: string;
  yLabel: string;
  /** Category labels along the x axis. */
  groups: readonly string[];
  /** One bar per group per series. */
  series: readonly { name: string; values: readonly number[]; color?: string }[];
  width?: number;
  height?: number;
  /** Text above each bar (default: the value, 3 significant digits). */
  format?: (v: number) => string;
}

const AXIS = '#333333';
const GRID = '#e4e4e4';
const TEXT = '#222222';

/**
 * About `count` round tick values (1, 2 or 5 × 10ᵏ apart) inside [lo, hi]; with `cover`, the last
 * one is at or above hi (for an axis that must end on a tick, as a bar chart's).
 */
export function niceTicks(lo: number, hi: number, count = 5, cover = false): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  // The 1-2-5 step whose tick count is nearest to `count`.
  const step = [1, 2, 5, 10].map((m) => m * mag).reduce((best, s) => (Math.abs((hi - lo) / s - count) < Math.abs((hi - lo) / best - count) ? s : best));
  const ticks: number[] = [];
  const end = cover ? Math.ceil(hi / step - 1e-9) * step : hi;
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= end + step * 1e-9; i++) ticks.push(Math.abs(i * step) < step * 1e-9 ? 0 : +(i * step).toPrecision(12));
  return ticks;
}

/** A tick label: 1.5k, 0.25, 3.2 — short, and exact for round ticks. */
export function tickLabel(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toPrecision(3)}k`;
  return String(+v.toPrecision(4));
}

interface Frame {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function frameMarks(scene: Scene, f: Frame, title: string, xLabel: string, yLabel: string): void {
  // Shrink a long title to fit the width rather than cut it.
  const size = Math.max(9, Math.min(15, (15 * (scene.width - 24)) / Math.max(1, textWidth(title, 15))));
  scene.marks.push({ kind: 'text', x: scene.width / 2, y: 20, text: title, size, color: TEXT, anchor: 'middle' });
  if (xLabel) scene.marks.push({ kind: 'text', x: (f.left + f.right) / 2, y: scene.height - 14, text: xLabel, size: 12, color: TEXT, anchor: 'middle' });
  scene.marks.push({ kind: 'text', x: 16, y: (f.top + f.bottom) / 2, text: yLabel, size: 12, color: TEXT, anchor: 'middle', vertical: true });
}

function legendMarks(scene: Scene, f: Frame, entries: readonly { name: string; color: string; dashed?: boolean }[]): void {
  if (!entries.length) return;
  const w = Math.max(...entries.map((e) => textWidth(e.name, 11))) + 44;
  const x = f.right - w - 8;
  let y = f.top + 8;
  scene.marks.push({ kind: 'rect', x, y, w, h: entries.length * 18 + 8, fill: '#ffffff' });
  for (const e of entries) {
    y += 13;
    scene.marks.push({
      kind: 'line',
      points: [
        [x + 8, y],
        [x + 30, y],
      ],
      color: e.color,
      width: 2.5,
      dashed: e.dashed,
    });
    scene.marks.push({ kind: 'text', x: x + 36, y, text: e.name, size: 11, color: TEXT, anchor: 'start' });
    y += 5;
  }
}

/** Curves over a shared x axis (e.g. training and validation loss by step). */
export function lineChart(o: LineChartOptions): Scene {
  const scene: Scene = { width: o.width ?? 800, height: o.height ?? 480, background: '#ffffff', marks: [] };
  const f: Frame = { left: 74, top: 40, right: scene.width - 20, bottom: scene.height - 50 };
  const pts = o.series.flatMap((s) => s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)));
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  let [x0, x1] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  let [y0, y1] = ys.length ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
  if (x1 === x0) [x0, x1] = [x0 - 1, x1 + 1];
  if (y1 === y0) [y0, y1] = [y0 - 1, y1 + 1];
  const pad = (y1 - y0) * 0.05;
  [y0, y1] = [y0 - pad, y1 + pad];
  const sx = (x: number) => f.left + ((x - x0) / (x1 - x0)) * (f.right - f.left);
  const sy = (y: number) => f.bottom - ((y - y0) / (y1 - y0)) * (f.bottom - f.top);
  for (const t of niceTicks(y0, y1)) {
    scene.marks.push({
      kind: 'line',
      points: [
        [f.left, sy(t)],
        [f.right, sy(t)],
      ],
      color: GRID,
      width: 1,
    });
    scene.marks.push({ kind: 'text', x: f.left - 6, y: sy(t), text: tickLabel(t), size: 11, color: TEXT, anchor: 'end' });
  }
  for (const t of niceTicks(x0, x1, 6)) {
    scene.marks.push({
      kind: 'line',
      points: [
        [sx(t), f.bottom],
        [sx(t), f.bottom + 4],
      ],
      color: AXIS,
      width: 1,
    });
    scene.marks.push({ kind: 'text', x: sx(t), y: f.bottom + 14, text: tickLabel(t), size: 11, color: TEXT, anchor: 'middle' });
  }
  scene.marks.push({
    kind: 'line',
    points: [
      [f.left, f.top],
      [f.left, f.bottom],
      [f.right, f.bottom],
    ],
    color: AXIS,
    width: 1,
  });
  const legend: { name: string; color: string; dashed?: boolean }[] = [];
  o.series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length]!;
    const points = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).map(([x, y]) => [sx(x), sy(y)] as const);
    if (points.length === 1) points.push([points[0]![0] + 0.01, points[0]![1]]);
    scene.marks.push({ kind: 'line', points, color, width: s.width ?? 2, dashed: s.dashed, opacity: s.opacity });
    if (!s.hideInLegend) legend.push({ name: s.name, color, dashed: s.dashed });
  });
  frameMarks(scene, f, o.title, o.xLabel, o.yLabel);
  legendMarks(scene, f, legend);
  return scene;
}

/** Grouped bars from zero (e.g. memory or tokens/s per attention implementation). */
export function barChart(o: BarChartOptions): Scene {
  const scene: Scene = { width: o.width ?? 800, height: o.height ?? 480, background: '#ffffff', marks: [] };
  const legendRow = o.series.length > 1;
  const f: Frame = { left: 74, top: legendRow ? 62 : 40, right: scene.width - 20, bottom: scene.height - 50 };
  const format = o.format ?? ((v: number) => tickLabel(+v.toPrecision(3)));
  const max = Math.max(0, ...o.series.flatMap((s) => s.values.filter(Number.isFinite)));
  const ticks = niceTicks(0, max > 0 ? max * 1.08 : 1, 5, true);
  const top = ticks[ticks.length - 1]! || 1;
  const sy = (y: number) => f.bottom - (y / top) * (f.bottom - f.top);
  for (const t of ticks) {
    scene.marks.push({
      kind: 'line',
      points: [
        [f.left, sy(t)],
        [f.right, sy(t)],
      ],
      color: GRID,
      width: 1,
    });
    scene.marks.push({ kind: 'text', x: f.left - 6, y: sy(t), text: tickLabel(t), size: 11, color: TEXT, anchor: 'end' });
  }
  const groupW = (f.right - f.left) / Math.max(1, o.groups.length);
  const barW = (groupW * 0.75) / Math.max(1, o.series.length);
  o.groups.forEach((g, gi) => {
    const gx = f.left + gi * groupW + groupW * 0.125;
    o.series.forEach((s, si) => {
      const v = s.values[gi];
      if (v === undefined || !Number.isFinite(v)) return;
      const x = gx + si * barW;
      const marks: Mark[] = [
        { kind: 'rect', x: x + 1, y: sy(v), w: barW - 2, h: f.bottom - sy(v), fill: s.color ?? PALETTE[si % PALETTE.length]! },
        { kind: 'text', x: x + barW / 2, y: sy(v) - 8, text: format(v), size: 10, color: TEXT, anchor: 'middle' },
      ];
      scene.marks.push(...marks);
    });
    scene.marks.push({ kind: 'text', x: f.left + gi * groupW + groupW / 2, y: f.bottom + 14, text: g, size: 11, color: TEXT, anchor: 'middle' });
  });
  scene.marks.push({
    kind: 'line',
    points: [
      [f.left, f.top],
      [f.left, f.bottom],
      [f.right, f.bottom],
    ],
    color: AXIS,
    width: 1,
  });
  frameMarks(scene, f, o.title, '', o.yLabel);
  if (legendRow) {
    // One row under the title, so the legend never covers a bar.
    const entries = o.series.map((s, i) => ({ name: s.name, color: s.color ?? PALETTE[i % PALETTE.length]! }));
    const widths = entries.map((e) => textWidth(e.name, 11) + 44);
    let x = (scene.width - widths.reduce((a, b) => a + b, 0)) / 2;
    entries.forEach((e, i) => {
      scene.marks.push({ kind: 'rect', x, y: 37, w: 22, h: 10, fill: e.color });
      scene.marks.push({ kind: 'text', x: x + 28, y: 42, text: e.name, size: 11, color: TEXT, anchor: 'start' });
      x += widths[i]!;
    });
  }
  return scene;
}
