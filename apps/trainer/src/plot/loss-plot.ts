import { readMetrics } from '../train/metrics-log.js';
import { lineChart, type LineSeries } from './charts.js';
import { PALETTE } from './scene.js';
import { writeScene } from './write-plot.js';

/** Exponential moving average, bias-corrected as TensorBoard's smoothing (so the start is not pulled to 0). */
export function smooth(values: readonly number[], weight: number): number[] {
  let avg = 0;
  return values.map((v, i) => {
    avg = weight * avg + (1 - weight) * v;
    return avg / (1 - weight ** (i + 1));
  });
}

/** The loss curves of a metrics log: training loss (raw, faint, and smoothed) and validation loss, by step. */
export function lossSeries(metricsPath: string, label = ''): LineSeries[] {
  const records = readMetrics(metricsPath);
  const train = records.flatMap((r) => (r.type === 'train' ? [[r.step, r.loss] as const] : []));
  const val = records.flatMap((r) => (r.type === 'eval' ? [[r.step, r.valLoss] as const] : []));
  const weight = train.length > 200 ? 0.95 : train.length > 20 ? 0.8 : 0;
  const smoothed = smooth(
    train.map((p) => p[1]),
    weight,
  ).map((y, i) => [train[i]![0], y] as const);
  const prefix = label ? `${label} ` : '';
  return [
    ...(weight > 0 ? [{ name: `${prefix}train (raw)`, points: train, color: PALETTE[0], width: 1, opacity: 0.3, hideInLegend: true }] : []),
    { name: `${prefix}train`, points: smoothed, color: PALETTE[0], width: 2 },
    ...(val.length ? [{ name: `${prefix}validation`, points: val, color: PALETTE[1], width: 2.5, dashed: true }] : []),
  ];
}

/** Writes `<prefix>.svg` and `<prefix>.png` with the loss curves of the log. */
export async function writeLossPlot(metricsPath: string, prefix: string, title: string): Promise<string[]> {
  return writeScene(lineChart({ title, xLabel: 'step', yLabel: 'loss (nats/token)', series: lossSeries(metricsPath) }), prefix);
}
