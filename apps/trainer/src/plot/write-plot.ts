import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureWritableDir } from '../checkpoint/ensure-dir.js';
import { sceneToPng } from './raster.js';
import type { Scene } from './scene.js';
import { sceneToSvg } from './svg.js';

/** Writes `<prefix>.svg` and `<prefix>.png`; returns their paths. */
export function writeScene(scene: Scene, prefix: string): string[] {
  ensureWritableDir(dirname(prefix), 'the plot folder');
  const svg = `${prefix}.svg`;
  const png = `${prefix}.png`;
  writeFileSync(svg, sceneToSvg(scene));
  writeFileSync(png, sceneToPng(scene));
  return [svg, png];
}
