import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * What each part of the built site may weigh, in bytes after gzip (what a visitor downloads). The
 * worker carries the whole stack (tensors, WGSL kernels, autograd, the models, GPT-2's BPE ranks)
 * and is fetched when the site starts it, not with the page.
 */
export const SIZE_BUDGET = {
  /** The page: router, pages, Chart.js. */
  page: 100 * 1024,
  /** The worker chunk(s). */
  worker: 360 * 1024,
  /** Stylesheets. */
  css: 8 * 1024,
} as const;

export type SizeKind = keyof typeof SIZE_BUDGET;

export interface SizedFile {
  file: string;
  kind: SizeKind;
  bytes: number;
  gzip: number;
}

/** The kind of a built file: worker chunks are named after their entry (demo-worker-[hash].js). */
export function kindOf(file: string): SizeKind | null {
  if (file.endsWith('.css')) return 'css';
  if (!file.endsWith('.js')) return null;
  return /(^|\/)demo-worker-[^/]*\.js$/.test(file) ? 'worker' : 'page';
}

/** Sizes of the built files by kind, and the kinds over their budget. */
export function checkSizes(files: { file: string; content: Uint8Array | string }[]): { files: SizedFile[]; totals: Record<SizeKind, number>; over: string[] } {
  const sized: SizedFile[] = [];
  const totals: Record<SizeKind, number> = { page: 0, worker: 0, css: 0 };
  for (const { file, content } of files) {
    const kind = kindOf(file);
    if (!kind) continue;
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    const gzip = gzipSync(data, { level: 9 }).length;
    sized.push({ file, kind, bytes: data.length, gzip });
    totals[kind] += gzip;
  }
  const over = (Object.keys(SIZE_BUDGET) as SizeKind[])
    .filter((k) => totals[k] > SIZE_BUDGET[k])
    .map((k) => `${k}: ${kib(totals[k])} gzip, over its budget of ${kib(SIZE_BUDGET[k])} (apps/demo/build/size-report.ts)`);
  return { files: sized, totals, over };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/**
 * Prints every built script and stylesheet with its gzip size and kind (the worker included,
 * which Vite's own report lists without one), and warns when a kind is over its budget; the
 * demo's tests fail on it.
 */
export function sizeReport(): Plugin {
  return {
    name: 'lightattn-size-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle).map((o) => ({ file: o.fileName, content: o.type === 'chunk' ? o.code : o.source }));
      const { files: sized, totals, over } = checkSizes(files);
      if (!sized.some((f) => f.kind === 'page')) return; // the worker's own build: reported with the page's
      const lines = sized.map(
        (f) =>
          `  ${f.file.padEnd(40)} ${kib(f.bytes).padStart(10)}  gzip ${kib(f.gzip).padStart(9)}  ${f.kind === 'worker' ? 'worker, loaded when the site starts it' : f.kind}`,
      );
      const budget = (Object.keys(SIZE_BUDGET) as SizeKind[]).map((k) => `${k} ${kib(totals[k])} of ${kib(SIZE_BUDGET[k])}`).join(', ');
      this.info(`size report (gzip budget: ${budget}):\n${lines.join('\n')}`);
      for (const o of over) this.warn(`size budget: ${o}`);
    },
  };
}
