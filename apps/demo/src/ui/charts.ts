import { byteTicks, bytes, logTicks } from './format.js';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Title,
  Tooltip,
  type ChartDataset,
} from 'chart.js';

// Only the pieces the demo draws, so the bundle leaves the rest of Chart.js out.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, LogarithmicScale, Legend, Tooltip, Title);

export const PALETTE = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];

const base = {
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
};

export interface BarSeries {
  label: string;
  values: (number | null)[];
}

/** Ticks of a log axis of bytes at round powers of two, labelled in human units ("1 GiB", not 1073741824). */
const bytesAxis = (title: string) => ({
  type: 'logarithmic' as const,
  title: { display: true, text: title },
  // About one label per 70 px across or 40 px up, so a phone gets three or four, never rotated.
  afterBuildTicks: (axis: { min: number; max: number; width: number; height: number; isHorizontal(): boolean; ticks: { value: number }[] }) => {
    const room = axis.isHorizontal() ? (axis.width || 420) / 70 : (axis.height || 240) / 40;
    axis.ticks = byteTicks(axis.min, axis.max, Math.max(3, Math.min(7, Math.floor(room)))).map((value) => ({ value }));
  },
  ticks: { callback: (v: string | number) => bytes(Number(v)).replace(/\.0+ /, ' ') },
});

/** A log axis of plain numbers with 1-2-5 ticks, thinned to powers of ten when they would crowd. */
const numberLogAxis = (title: string) => ({
  type: 'logarithmic' as const,
  title: { display: true, text: title },
  afterBuildTicks: (axis: { min: number; max: number; width: number; height: number; isHorizontal(): boolean; ticks: { value: number }[] }) => {
    const room = axis.isHorizontal() ? (axis.width || 420) / 70 : (axis.height || 240) / 40;
    axis.ticks = logTicks(axis.min, axis.max, Math.max(3, Math.min(8, Math.floor(room)))).map((value) => ({ value }));
  },
  ticks: { callback: (v: string | number) => String(Number(v)) },
});

/**
 * Grouped bars: one group per label, one bar per series. `valueAxis: 'bytes'` puts values on a log
 * axis of bytes (values spanning orders of magnitude stay visible); `horizontal` lays the groups
 * out top to bottom, so long labels need no rotation on a narrow screen. Tests read the drawn
 * labels from `data-labels` and the plot's size from `data-plot-width` / `data-plot-height`.
 */
export function barChart(
  canvas: HTMLCanvasElement,
  options: { labels: string[]; series: BarSeries[]; yTitle: string; logY?: boolean; valueAxis?: 'bytes'; horizontal?: boolean },
): Chart<'bar'> {
  const value =
    options.valueAxis === 'bytes'
      ? bytesAxis(options.yTitle)
      : options.logY
        ? numberLogAxis(options.yTitle)
        : { type: 'linear' as const, title: { display: true, text: options.yTitle } };
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      ...base,
      indexAxis: options.horizontal ? 'y' : 'x',
      scales: options.horizontal ? { x: value } : { y: value },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: options.valueAxis === 'bytes' ? { callbacks: { label: (item) => `${item.dataset.label}: ${bytes(Number(item.raw))}` } } : {},
      },
    },
  });
  canvas.dataset.scale = options.valueAxis === 'bytes' ? 'log-bytes' : options.logY ? 'log' : 'linear';
  setBars(chart, options.labels, options.series);
  return chart;
}

/** A long label on lines of its own at each " + " ("vanilla +", "LightSoftmax +", "DropMatmul"), so it needs no room sideways. */
const wrapLabel = (label: string): string | string[] =>
  label.length > 14 && label.includes(' + ') ? label.split(' + ').map((part, i, all) => (i < all.length - 1 ? `${part} +` : part)) : label;

export function setBars(chart: Chart<'bar'>, labels: string[], series: BarSeries[]): void {
  chart.data.labels = labels.map(wrapLabel);
  chart.data.datasets = series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: PALETTE[i % PALETTE.length] })) as ChartDataset<'bar'>[];
  chart.update();
  chart.canvas.dataset.labels = labels.join('|');
  chart.canvas.dataset.series = series.map((s) => s.label).join('|');
  plotSize(chart);
}

/** The drawn plot area's size on the canvas (tests check that no label squashes it). */
function plotSize(chart: Chart): void {
  const area = chart.chartArea;
  if (!area) return;
  chart.canvas.dataset.plotWidth = String(Math.round(area.right - area.left));
  chart.canvas.dataset.plotHeight = String(Math.round(area.bottom - area.top));
  // Degrees the x axis turned its labels to fit them (0 when they fit upright).
  chart.canvas.dataset.xLabelRotation = String(Math.round((chart.scales.x as { labelRotation?: number } | undefined)?.labelRotation ?? 0));
}

export interface LineSeries {
  label: string;
  points: { x: number; y: number }[];
}

/** Lines over a numeric x axis (log₂ when `logX`), for curves such as memory against sequence length. */
export function lineChart(
  canvas: HTMLCanvasElement,
  options: { xTitle: string; yTitle: string; logX?: boolean; logY?: boolean; yBytes?: boolean; xTicks?: number[]; integerX?: boolean; series?: LineSeries[] },
): Chart<'line'> {
  const xTicks = options.xTicks;
  const title = { display: true, text: options.xTitle };
  // A log axis ticks at 1-2-5 steps; sequence lengths read better at the measured powers of two
  // (every other one when there are many, so the labels never crowd).
  const afterBuildTicks = xTicks
    ? (axis: { ticks: { value: number }[] }) => {
        const every = Math.ceil(xTicks.length / 7);
        axis.ticks = xTicks.filter((_, i) => (xTicks.length - 1 - i) % every === 0).map((value) => ({ value }));
      }
    : undefined;
  const x = options.logX
    ? { type: 'logarithmic' as const, title, afterBuildTicks, ticks: { callback: (v: string | number) => String(v) } }
    : { type: 'linear' as const, title, afterBuildTicks, ticks: { precision: options.integerX ? 0 : undefined } };
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      ...base,
      parsing: false,
      scales: {
        x,
        y: options.yBytes ? bytesAxis(options.yTitle) : { type: options.logY ? 'logarithmic' : 'linear', title: { display: true, text: options.yTitle } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  setLines(chart, options.series ?? []);
  return chart;
}

/** Replaces the lines (and, for a curve over chosen lengths, the ticks of the x axis). */
export function setLines(chart: Chart<'line'>, series: LineSeries[], xTicks?: number[]): void {
  if (xTicks) {
    const every = Math.ceil(xTicks.length / 7);
    (chart.options.scales!.x as { afterBuildTicks?: unknown }).afterBuildTicks = (axis: { ticks: { value: number }[] }) =>
      void (axis.ticks = xTicks.filter((_, i) => (xTicks.length - 1 - i) % every === 0).map((value) => ({ value })));
  }
  chart.data.datasets = series.map((s, i) => ({
    label: s.label,
    data: s.points,
    borderColor: PALETTE[i % PALETTE.length],
    backgroundColor: PALETTE[i % PALETTE.length],
    pointRadius: s.points.length > 60 ? 0 : 3,
    borderWidth: 2,
  }));
  chart.update();
  chart.canvas.dataset.series = series.map((s) => s.label).join('|');
  chart.canvas.dataset.maxX = String(Math.max(...series.flatMap((s) => s.points.map((p) => p.x))));
  chart.canvas.dataset.yTicks = String(chart.scales.y?.ticks.length ?? 0);
}

/** Appends a point to a line (live curves); `update('none')` redraws without animation. */
export function pushPoint(chart: Chart<'line'>, seriesIndex: number, point: { x: number; y: number }): void {
  (chart.data.datasets[seriesIndex]!.data as { x: number; y: number }[]).push(point);
  chart.update('none');
}

/** Whether anything but the background has been drawn on a canvas (used by the page's self-checks and tests). */
export function canvasHasInk(canvas: HTMLCanvasElement): boolean {
  const ctx = canvas.getContext('2d');
  if (!ctx || !canvas.width || !canvas.height) return false;
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) return true;
  return false;
}
