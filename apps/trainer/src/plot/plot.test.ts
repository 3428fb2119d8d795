import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { barChart, lineChart, niceTicks, tickLabel } from './charts.js';
import { smooth } from './loss-plot.js';
import { crc32, encodePng } from './png.js';
import { rasterize, sceneToPng } from './raster.js';
import type { Scene } from './scene.js';
import { sceneToSvg } from './svg.js';

/** Chunks of a PNG file, each CRC checked; the image data inflated and unfiltered back to RGBA. */
function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array; types: string[] } {
  const b = Buffer.from(png);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  const types: string[] = [];
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  while (at < b.length) {
    const len = b.readUInt32BE(at);
    const type = b.toString('ascii', at + 4, at + 8);
    expect(b.readUInt32BE(at + 8 + len)).toBe(crc32(b.subarray(at + 4, at + 8 + len)));
    if (type === 'IHDR') [width, height] = [b.readUInt32BE(at + 8), b.readUInt32BE(at + 12)];
    if (type === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + len));
    types.push(type);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(1);
    for (let x = 0; x < width * 4; x++) rgba[y * width * 4 + x] = (raw[y * (width * 4 + 1) + 1 + x]! + (x >= 4 ? rgba[y * width * 4 + x - 4]! : 0)) & 255;
  }
  return { width, height, rgba, types };
}

describe('PNG', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('encodes RGBA that decodes back exactly, including 1×1 and odd sizes', () => {
    for (const [w, h] of [
      [1, 1],
      [3, 2],
      [65, 17],
    ] as const) {
      const rgba = Uint8Array.from({ length: w * h * 4 }, (_, i) => (i * 37 + 11) & 255);
      const png = decodePng(encodePng(rgba, w, h));
      expect(png.types).toEqual(['IHDR', 'IDAT', 'IEND']);
      expect([png.width, png.height]).toEqual([w, h]);
      expect(Buffer.from(png.rgba).equals(Buffer.from(rgba))).toBe(true);
    }
    expect(() => encodePng(new Uint8Array(3), 1, 1)).toThrow(/want 4/);
  });
});

describe('raster', () => {
  const pixel = (r: { rgba: Uint8Array; width: number }, x: number, y: number) => [...r.rgba.subarray((y * r.width + x) * 4, (y * r.width + x) * 4 + 3)];

  it('draws rects, anti-aliased lines and text where the scene puts them', () => {
    const scene: Scene = {
      width: 60,
      height: 40,
      background: '#ffffff',
      marks: [
        { kind: 'rect', x: 0, y: 0, w: 10, h: 10, fill: '#ff0000' },
        {
          kind: 'line',
          points: [
            [0, 30.5],
            [59, 30.5],
          ],
          color: '#0000ff',
          width: 3,
        },
        { kind: 'text', x: 30, y: 15, text: 'Hi', size: 12, color: '#000000', anchor: 'middle' },
      ],
    };
    const r = rasterize(scene);
    expect(pixel(r, 5, 5)).toEqual([255, 0, 0]);
    expect(pixel(r, 30, 30)).toEqual([0, 0, 255]);
    expect(pixel(r, 30, 25)).toEqual([255, 255, 255]);
    const inkAround = (x0: number, x1: number, y0: number, y1: number) => {
      let ink = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) ink += 255 - pixel(r, x, y)[1]!;
      return ink;
    };
    expect(inkAround(22, 38, 8, 22)).toBeGreaterThan(1000); // the glyphs of "Hi"
    expect(inkAround(40, 60, 0, 20)).toBe(0);
  });

  it('renders the same scene to an SVG with every series and label', () => {
    const scene = lineChart({
      title: 'loss <&>',
      xLabel: 'step',
      yLabel: 'loss',
      series: [
        {
          name: 'train',
          points: [
            [1, 3],
            [2, 2.5],
            [3, NaN],
            [4, 2],
          ],
        },
        { name: 'validation', points: [[2, 2.7]], dashed: true },
      ],
    });
    const svg = sceneToSvg(scene);
    expect(svg).toContain('loss &lt;&amp;&gt;');
    expect(svg.match(/<polyline/g)!.length).toBeGreaterThanOrEqual(3);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('>validation<');
    expect(decodePng(sceneToPng(scene)).width).toBe(800);
  });

  it('draws bar charts from zero with the axis ending on a tick above the highest bar', () => {
    const scene = barChart({
      title: 'mem',
      yLabel: 'MiB',
      groups: ['a', 'b'],
      series: [
        { name: 'peak', values: [1.07, 0.5] },
        { name: 'act', values: [0.3, NaN] },
      ],
    });
    const labels = scene.marks.flatMap((m) => (m.kind === 'text' ? [m.text] : []));
    expect(labels).toContain('1.2');
    expect(labels).toContain('1.07');
    expect(scene.marks.filter((m) => m.kind === 'rect' && m.w === 22)).toHaveLength(2); // legend swatches
  });
});

describe('ticks and smoothing', () => {
  it('chooses 1-2-5 steps', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3.1, 4.4)).toEqual([3.2, 3.4, 3.6, 3.8, 4, 4.2, 4.4]);
    expect(niceTicks(0, 1.15, 5, true)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1, 1.2]);
    expect(niceTicks(0, 9, 5, true)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(2, 2)).toEqual([2]);
    expect(tickLabel(12_000)).toBe('12k');
    expect(tickLabel(0.30000000000000004)).toBe('0.3');
  });

  it('smooths without pulling the start toward zero', () => {
    expect(smooth([5, 5, 5], 0.9)).toEqual([5, 5, 5].map((v) => expect.closeTo(v, 12)));
    expect(smooth([1, 2, 3], 0)).toEqual([1, 2, 3]);
    expect(smooth([], 0.5)).toEqual([]);
  });
});
