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

/** Grouped bars: one group per label, one bar per series. Tests read the drawn labels from `data-labels`. */
export function barChart(canvas: HTMLCanvasElement, options: { labels: string[]; series: BarSeries[]; yTitle: string; logY?: boolean }): Chart<'bar'> {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      ...base,
      scales: { y: { type: options.logY ? 'logarithmic' : 'linear', title: { display: true, text: options.yTitle } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  setBars(chart, options.labels, options.series);
  return chart;
}

export function setBars(chart: Chart<'bar'>, labels: string[], series: BarSeries[]): void {
  chart.data.labels = labels;
  chart.data.datasets = series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: PALETTE[i % PALETTE.length] })) as ChartDataset<'bar'>[];
  chart.update();
  chart.canvas.dataset.labels = labels.join('|');
  chart.canvas.dataset.series = series.map((s) => s.label).join('|');
}

export interface LineSeries {
  label: string;
  points: { x: number; y: number }[];
}

/** Lines over a numeric x axis (log₂ when `logX`), for curves such as memory against sequence length. */
export function lineChart(
  canvas: HTMLCanvasElement,
  options: { xTitle: string; yTitle: string; logX?: boolean; logY?: boolean; xTicks?: number[]; integerX?: boolean; series?: LineSeries[] },
): Chart<'line'> {
  const xTicks = options.xTicks;
  const title = { display: true, text: options.xTitle };
  // A log axis ticks at 1-2-5 steps; sequence lengths read better at the measured powers of two.
  const afterBuildTicks = xTicks ? (axis: { ticks: { value: number }[] }) => void (axis.ticks = xTicks.map((value) => ({ value }))) : undefined;
  const x = options.logX
    ? { type: 'logarithmic' as const, title, afterBuildTicks, ticks: { callback: (v: string | number) => String(v) } }
    : { type: 'linear' as const, title, afterBuildTicks, ticks: { precision: options.integerX ? 0 : undefined } };
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      ...base,
      parsing: false,
      scales: { x, y: { type: options.logY ? 'logarithmic' : 'linear', title: { display: true, text: options.yTitle } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  setLines(chart, options.series ?? []);
  return chart;
}

export function setLines(chart: Chart<'line'>, series: LineSeries[]): void {
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
