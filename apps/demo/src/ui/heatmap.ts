/**
 * A heatmap on a canvas: rows (heads) × columns (tokens), the value in [0, 1] as colour, token
 * labels above, row labels on the left. Hovering a cell shows its value in the canvas's title.
 */
export interface HeatmapData {
  rowLabels: string[];
  columnLabels: string[];
  /** [row][column], in [0, 1]. */
  values: number[][];
}

const CELL = 22;
const LEFT = 64;
const TOP = 56;

/** Perceptually ordered light-to-dark ramp (viridis endpoints and midpoint) for a value in [0, 1]. */
export function rampColor(v: number): string {
  const stops = [
    [253, 231, 37],
    [33, 145, 140],
    [68, 1, 84],
  ];
  const t = Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(t));
  const f = t - i;
  const c = stops[i]!.map((a, k) => Math.round(a + (stops[i + 1]![k]! - a) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** How a token is shown as a column label (spaces and newlines made visible). */
export function visibleToken(token: string): string {
  return token === ' ' ? '␣' : token === '\n' ? '↵' : token.length > 6 ? `${token.slice(0, 5)}…` : token;
}

export function drawHeatmap(canvas: HTMLCanvasElement, data: HeatmapData): void {
  const rows = data.values.length;
  const cols = data.columnLabels.length;
  const dpr = globalThis.devicePixelRatio || 1;
  const width = LEFT + cols * CELL + 8;
  const height = TOP + rows * CELL + 8;
  canvas.width = Math.ceil(width * dpr);
  canvas.height = Math.ceil(height * dpr);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.font = '12px ui-monospace, monospace';
  ctx.fillStyle = '#222';
  ctx.textBaseline = 'middle';
  data.columnLabels.forEach((label, c) => {
    ctx.save();
    ctx.translate(LEFT + c * CELL + CELL / 2, TOP - 6);
    ctx.rotate(-Math.PI / 3);
    ctx.fillText(visibleToken(label), 0, 0);
    ctx.restore();
  });
  data.values.forEach((row, r) => {
    ctx.fillStyle = '#222';
    ctx.fillText(data.rowLabels[r] ?? '', 4, TOP + r * CELL + CELL / 2);
    row.forEach((v, c) => {
      ctx.fillStyle = rampColor(v);
      ctx.fillRect(LEFT + c * CELL, TOP + r * CELL, CELL - 1, CELL - 1);
    });
  });
  canvas.onmousemove = (e) => {
    const rect = canvas.getBoundingClientRect();
    const c = Math.floor((e.clientX - rect.left - LEFT) / CELL);
    const r = Math.floor((e.clientY - rect.top - TOP) / CELL);
    const v = data.values[r]?.[c];
    canvas.title = v === undefined ? '' : `${data.rowLabels[r]}, token ${c} ${JSON.stringify(data.columnLabels[c])}: focus ${v.toFixed(3)}`;
  };
}
