/**
 * A chart as a list of marks in pixel coordinates (origin top left), drawn the same way by the SVG
 * writer and the PNG rasterizer, so the two files show the same picture.
 */
export type Mark =
  | { kind: 'line'; points: readonly (readonly [number, number])[]; color: string; width: number; dashed?: boolean; opacity?: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'text'; x: number; y: number; text: string; size: number; color: string; anchor: 'start' | 'middle' | 'end'; vertical?: boolean };

export interface Scene {
  width: number;
  height: number;
  background: string;
  marks: Mark[];
}

/** `#rrggbb` → [r, g, b]. */
export function parseColor(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) throw new RangeError(`color ${JSON.stringify(color)} is not #rrggbb`);
  const v = parseInt(m[1]!, 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Colours that stay distinct for colour-blind readers (Okabe–Ito). */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#f0e442'];
