import { FONT_CELL_HEIGHT, FONT_CELL_WIDTH, FONT_COVERAGE_BASE64, FONT_FIRST_CHAR, FONT_LAST_CHAR } from './font-data.js';
import { encodePng } from './png.js';
import { parseColor, type Mark, type Scene } from './scene.js';

/** Font size the glyph cells were rendered at (px); other sizes are resampled. */
const BASE_SIZE = 12;

let glyphs: Float32Array | null = null;
/** Coverage in [0, 1] of every glyph cell, decoded once. */
function glyphCoverage(): Float32Array {
  if (!glyphs) {
    const bytes = Buffer.from(FONT_COVERAGE_BASE64, 'base64');
    glyphs = new Float32Array(bytes.length * 2);
    for (let i = 0; i < bytes.length; i++) {
      glyphs[2 * i] = (bytes[i]! >> 4) / 15;
      glyphs[2 * i + 1] = (bytes[i]! & 15) / 15;
    }
  }
  return glyphs;
}

/** Characters outside the font's ASCII drawn as their nearest ASCII look-alike. */
const FALLBACK: Record<string, string> = { '×': 'x', '—': '-', '–': '-', '’': "'", '‘': "'", '“': '"', '”': '"', '…': '.', '≈': '~', Δ: 'D', '·': '.' };

/** Width in pixels of `text` at `size`, as the rasterizer lays it out. */
export const textWidth = (text: string, size: number) => text.length * FONT_CELL_WIDTH * (size / BASE_SIZE);

class Canvas {
  readonly rgba: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background: string,
  ) {
    this.rgba = new Uint8Array(width * height * 4);
    const [r, g, b] = parseColor(background);
    for (let i = 0; i < width * height; i++) this.rgba.set([r, g, b, 255], i * 4);
  }

  /** Source-over blend of `color` at `alpha` ∈ [0, 1] into pixel (x, y). */
  blend(x: number, y: number, rgb: readonly number[], alpha: number): void {
    if (alpha <= 0 || x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 4;
    const a = Math.min(1, alpha);
    for (let c = 0; c < 3; c++) this.rgba[i + c] = Math.round(this.rgba[i + c]! * (1 - a) + rgb[c]! * a);
  }

  /** Composites a coverage mask (max-combined, so overlapping segments do not darken joints). */
  composite(mask: Float32Array, box: { x0: number; y0: number; x1: number; y1: number }, rgb: readonly number[], opacity: number): void {
    for (let y = box.y0; y <= box.y1; y++) for (let x = box.x0; x <= box.x1; x++) this.blend(x, y, rgb, mask[y * this.width + x]! * opacity);
  }
}

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Splits a polyline into dash pieces: `on` pixels drawn, `off` skipped, along its length. */
function dashes(points: readonly (readonly [number, number])[], on = 6, off = 4): [number, number][][] {
  const pieces: [number, number][][] = [];
  let drawing = true;
  let left = on;
  let current: [number, number][] = [[points[0]![0], points[0]![1]]];
  for (let i = 1; i < points.length; i++) {
    let [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    let seg = Math.hypot(bx - ax, by - ay);
    while (seg > left) {
      const f = left / seg;
      ax += (bx - ax) * f;
      ay += (by - ay) * f;
      seg -= left;
      if (drawing) {
        current.push([ax, ay]);
        pieces.push(current);
      } else current = [[ax, ay]];
      drawing = !drawing;
      left = drawing ? on : off;
    }
    left -= seg;
    if (drawing) current.push([bx, by]);
  }
  if (drawing && current.length > 1) pieces.push(current);
  return pieces;
}

function drawLine(canvas: Canvas, m: Extract<Mark, { kind: 'line' }>): void {
  const rgb = parseColor(m.color);
  const half = m.width / 2;
  const mask = new Float32Array(canvas.width * canvas.height);
  const box = { x0: canvas.width, y0: canvas.height, x1: -1, y1: -1 };
  for (const piece of m.dashed ? dashes(m.points) : [m.points]) {
    for (let i = 1; i < piece.length; i++) {
      const [ax, ay] = piece[i - 1]!;
      const [bx, by] = piece[i]!;
      const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - half - 1));
      const x1 = Math.min(canvas.width - 1, Math.ceil(Math.max(ax, bx) + half + 1));
      const y0 = Math.max(0, Math.floor(Math.min(ay, by) - half - 1));
      const y1 = Math.min(canvas.height - 1, Math.ceil(Math.max(ay, by) + half + 1));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          // Coverage of the pixel whose centre is (x + ½, y + ½) by a stroke of width 2·half.
          const c = Math.max(0, Math.min(1, half + 0.5 - segmentDistance(x + 0.5, y + 0.5, ax, ay, bx, by)));
          const k = y * canvas.width + x;
          if (c > mask[k]!) mask[k] = c;
        }
      }
      box.x0 = Math.min(box.x0, x0);
      box.y0 = Math.min(box.y0, y0);
      box.x1 = Math.max(box.x1, x1);
      box.y1 = Math.max(box.y1, y1);
    }
  }
  canvas.composite(mask, box, rgb, m.opacity ?? 1);
}

function drawRect(canvas: Canvas, m: Extract<Mark, { kind: 'rect' }>): void {
  const rgb = parseColor(m.fill);
  const x0 = Math.max(0, Math.round(m.x));
  const y0 = Math.max(0, Math.round(m.y));
  const x1 = Math.min(canvas.width, Math.round(m.x + m.w));
  const y1 = Math.min(canvas.height, Math.round(m.y + m.h));
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) canvas.blend(x, y, rgb, 1);
}

/** Glyph coverage at fractional cell position (u, v), bilinear. */
function sampleGlyph(font: Float32Array, glyph: number, u: number, v: number): number {
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= FONT_CELL_WIDTH || y >= FONT_CELL_HEIGHT ? 0 : font[(glyph * FONT_CELL_HEIGHT + y) * FONT_CELL_WIDTH + x]!;
  const x = u - 0.5;
  const y = v - 0.5;
  const fx = Math.floor(x);
  const fy = Math.floor(y);
  const tx = x - fx;
  const ty = y - fy;
  return (at(fx, fy) * (1 - tx) + at(fx + 1, fy) * tx) * (1 - ty) + (at(fx, fy + 1) * (1 - tx) + at(fx + 1, fy + 1) * tx) * ty;
}

function drawText(canvas: Canvas, m: Extract<Mark, { kind: 'text' }>): void {
  const font = glyphCoverage();
  const rgb = parseColor(m.color);
  const scale = m.size / BASE_SIZE;
  const w = textWidth(m.text, m.size);
  const h = FONT_CELL_HEIGHT * scale;
  const shift = m.anchor === 'start' ? 0 : m.anchor === 'middle' ? w / 2 : w;
  // Text-space (s along the line, t down from its top) → pixel: horizontal, or turned 90° anticlockwise.
  const toPixel = (s: number, t: number): [number, number] => (m.vertical ? [m.x - h / 2 + t, m.y + shift - s] : [m.x - shift + s, m.y - h / 2 + t]);
  const [ax, ay] = toPixel(0, 0);
  const [bx, by] = toPixel(w, h);
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx)));
  const x1 = Math.min(canvas.width - 1, Math.ceil(Math.max(ax, bx)));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by)));
  const y1 = Math.min(canvas.height - 1, Math.ceil(Math.max(ay, by)));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const s = m.vertical ? m.y + shift - py : px - (m.x - shift);
      const t = m.vertical ? px - (m.x - h / 2) : py - (m.y - h / 2);
      if (s < 0 || t < 0 || s >= w || t >= h) continue;
      const index = Math.floor(s / (FONT_CELL_WIDTH * scale));
      const ch = m.text[index]!;
      const code = (FALLBACK[ch] ?? ch).charCodeAt(0);
      const glyph = code >= FONT_FIRST_CHAR && code <= FONT_LAST_CHAR ? code - FONT_FIRST_CHAR : '?'.charCodeAt(0) - FONT_FIRST_CHAR;
      const u = (s - index * FONT_CELL_WIDTH * scale) / scale;
      canvas.blend(x, y, rgb, sampleGlyph(font, glyph, u, t / scale));
    }
  }
}

/** The scene as RGBA pixels. */
export function rasterize(scene: Scene): { rgba: Uint8Array; width: number; height: number } {
  const canvas = new Canvas(scene.width, scene.height, scene.background);
  for (const m of scene.marks) {
    if (m.kind === 'rect') drawRect(canvas, m);
    else if (m.kind === 'line') drawLine(canvas, m);
    else drawText(canvas, m);
  }
  return { rgba: canvas.rgba, width: scene.width, height: scene.height };
}

/** The scene as a PNG file. */
export function sceneToPng(scene: Scene): Uint8Array {
  const { rgba, width, height } = rasterize(scene);
  return encodePng(rgba, width, height);
}
