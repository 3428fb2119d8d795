import type { Scene } from './scene.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => (Math.round(v * 100) / 100).toString();

/** The scene as a standalone SVG document. */
export function sceneToSvg(scene: Scene): string {
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace">`,
    `<rect width="100%" height="100%" fill="${scene.background}"/>`,
  ];
  for (const m of scene.marks) {
    if (m.kind === 'rect') out.push(`<rect x="${n(m.x)}" y="${n(m.y)}" width="${n(m.w)}" height="${n(m.h)}" fill="${m.fill}"/>`);
    else if (m.kind === 'line') {
      if (m.points.length < 2) continue;
      const d = m.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
      out.push(
        `<polyline points="${d}" fill="none" stroke="${m.color}" stroke-width="${m.width}" stroke-linejoin="round" stroke-linecap="round"${m.dashed ? ' stroke-dasharray="6 4"' : ''}${m.opacity !== undefined ? ` stroke-opacity="${m.opacity}"` : ''}/>`,
      );
    } else {
      const anchor = { start: 'start', middle: 'middle', end: 'end' }[m.anchor];
      const rotate = m.vertical ? ` transform="rotate(-90 ${n(m.x)} ${n(m.y)})"` : '';
      out.push(
        `<text x="${n(m.x)}" y="${n(m.y)}" font-size="${m.size}" fill="${m.color}" text-anchor="${anchor}" dominant-baseline="middle"${rotate}>${esc(m.text)}</text>`,
      );
    }
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
