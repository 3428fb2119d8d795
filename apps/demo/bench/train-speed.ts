/**
 * The demo's training speed on the CPU devices in headless Chromium: builds the site, serves it
 * with `vite preview` (COOP/COEP sent, so the page is cross-origin isolated), and trains with the
 * Train page's own CPU defaults (GPT-2 tiny, batch 8, T 48), alternating the WebAssembly device
 * (the CPU fallback, `auto`), the same on one thread (the built files served without COOP/COEP)
 * and the JavaScript device (`?device=cpu`, the fallback before the WebAssembly device) in the same
 * browser. Steps/s are counted from step `--warm` on, for
 * `--seconds` of wall time; the median of `--rounds` runs of each device is printed.
 *
 *   node --conditions=source --import tsx apps/demo/bench/train-speed.ts [--rounds 3] [--seconds 20] [--warm 3]
 */
import { cpus } from 'node:os';
import type { Page } from 'playwright-core';
import { buildAndServe, launchBrowser, serveWithoutIsolation } from '../test/harness.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number, got ${process.argv[i + 1]}`);
  return v;
};
const rounds = arg('rounds', 3);
const seconds = arg('seconds', 20);
const warm = arg('warm', 3);

const step = async (page: Page) => Number((await page.getAttribute('#train-stats', 'data-step')) ?? 0);

async function stepsPerSecond(page: Page): Promise<number> {
  await page.fill('#train-steps', '1000000');
  await page.click('#train-start');
  await page.waitForFunction((w) => Number(document.querySelector<HTMLElement>('#train-stats')?.dataset.step) >= w, warm, { timeout: 120_000, polling: 20 });
  const [s0, t0] = [await step(page), performance.now()];
  await page.waitForTimeout(seconds * 1000);
  const [s1, t1] = [await step(page), performance.now()];
  await page.click('#train-stop');
  return ((s1 - s0) * 1000) / (t1 - t0);
}

const site = await buildAndServe();
// The same files served without COOP/COEP: the page is not isolated, the WebAssembly device has one thread.
const plain = await serveWithoutIsolation();
const browser = await launchBrowser(site.url);
const results: Record<string, number[]> = { wasm: [], 'wasm, 1 thread': [], js: [] };
const label: Record<string, string> = {};
try {
  for (let r = 0; r < rounds; r++) {
    for (const [name, path] of [
      ['wasm', './#/train'],
      ['wasm, 1 thread', `${plain.url}#/train`],
      ['js', './?device=cpu#/train'],
    ] as const) {
      const { page, problems } = await browser.open(path);
      label[name] = await page.innerText('#device-status');
      const rate = await stepsPerSecond(page);
      if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`);
      results[name]!.push(rate);
      console.log(`round ${r + 1} ${name}: ${rate.toFixed(2)} steps/s (${label[name]})`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await site.stop();
  await plain.stop();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`\n${cpus()[0]?.model ?? 'CPU'} × ${cpus().length}, Node ${process.version}; GPT-2 tiny, batch 8, T 48 (${8 * 48} tokens a step)`);
for (const [name, xs] of Object.entries(results))
  console.log(
    `${name}: median ${median(xs).toFixed(2)} steps/s = ${(median(xs) * 384).toFixed(0)} tokens/s over ${xs.length} runs [${xs.map((x) => x.toFixed(2)).join(', ')}] — ${label[name]}`,
  );
console.log(`speed-up: ${(median(results.wasm!) / median(results.js!)).toFixed(1)}×`);
