import { expect, it } from 'vitest';
import type { Shared } from '../browser.test.js';
import { launchBrowser, pageErrors, screenshot, serveWithoutIsolation } from '../harness.js';
import type { Page } from 'playwright-core';

/** Trains GPT-2 tiny for a few steps with the page's own defaults otherwise; resolves with the first and last loss. */
async function trainFewSteps(page: Page, steps: number): Promise<{ first: number; last: number }> {
  await page.fill('#train-steps', String(steps));
  await page.click('#train-start');
  await page.waitForSelector('#train-stats[data-status="finished"]', { timeout: 90_000 });
  return { first: Number(await page.getAttribute('#train-stats', 'data-first-loss')), last: Number(await page.getAttribute('#train-stats', 'data-last-loss')) };
}

export function cpuDeviceSuite(shared: Shared): void {
  it('the CPU fallback (SwiftShader passed over) is the WebAssembly device on every core of a cross-origin isolated page: it trains, and the memory page measures on it', async () => {
    const { page, problems } = await shared.browser.open('./#/train');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(await page.evaluate(() => crossOriginIsolated), 'vite preview sends COOP/COEP').toBe(true);
    expect(await page.getAttribute('#device-status', 'data-type')).toBe('cpu');
    expect(await page.getAttribute('#device-status', 'data-backend')).toBe('wasm');
    expect(await page.getAttribute('#device-status', 'data-threads')).toBe(String(cores));
    expect(await page.innerText('#device-status')).toMatch(new RegExp(`^CPU \\(WebAssembly\\): WebAssembly SIMD \\(f32x4.*\\) on ${cores} threads?$`));
    const notice = await page.innerText('#notice');
    expect(notice).toMatch(
      /^Running on the WebAssembly CPU device \(f32 SIMD on \d+ threads?\): the only WebGPU adapter here \(.*swiftshader.*\) renders in software/i,
    );
    expect(notice, 'no one-thread note on an isolated page').not.toMatch(/one thread/);
    const { first, last } = await trainFewSteps(page, 10);
    expect(last, `loss ${first} → ${last}`).toBeLessThan(first);
    expect(await page.innerText('#train-status')).toMatch(/^Finished 10 steps: loss/);
    await screenshot(page, 'train-wasm');

    // The memory page measures on its own worker's device, the same WebAssembly device: byte for byte like the meta device.
    await page.goto(new URL('./#/memory?size=gpt2-tiny&batch=1&seq=16&vocab=64', shared.site.url).href);
    await page.waitForSelector('#memory-status[data-state="done"]', { timeout: 60_000 });
    await page.click('#memory-measure');
    await page.waitForSelector('#memory-status[data-state="measured"]', { timeout: 60_000 });
    expect(await page.innerText('#memory-status')).toMatch(/matches the meta device's prediction byte for byte/);
    expect(await pageErrors(page)).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  }, 150_000);

  it('served without COOP/COEP, the WebAssembly device runs on one thread and the page says why; ?device=cpu still gives the JavaScript device', async () => {
    const site = await serveWithoutIsolation();
    const browser = await launchBrowser(site.url, { webgpu: false });
    try {
      const { page, problems } = await browser.open('./#/train');
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      expect(await page.getAttribute('#device-status', 'data-backend')).toBe('wasm');
      expect(await page.getAttribute('#device-status', 'data-threads')).toBe('1');
      expect(await page.innerText('#device-status')).toMatch(/^CPU \(WebAssembly\): WebAssembly SIMD .* on 1 thread \(the page is not cross-origin isolated/);
      expect(await page.innerText('#notice')).toMatch(
        /^Running on the WebAssembly CPU device \(f32 SIMD on 1 thread\), as WebGPU is not available here .* It runs on one thread: the page is not cross-origin isolated \(COOP\/COEP headers\)/,
      );
      const { first, last } = await trainFewSteps(page, 6);
      expect(last, `loss ${first} → ${last}`).toBeLessThan(first);
      await screenshot(page, 'train-wasm-one-thread');
      expect(await pageErrors(page)).toBe('');
      expect(problems).toEqual([]);
      await page.close();

      const reference = await browser.open('./?device=cpu#/home');
      expect(await reference.page.getAttribute('#device-status', 'data-backend')).toBe('js');
      expect(await reference.page.innerText('#device-status')).toBe('CPU (JavaScript): JavaScript CPU device (float64, one thread)');
      expect(await reference.page.innerText('#notice')).toMatch(
        /^Running on the JavaScript CPU device \(float64, one thread\): the JavaScript CPU device was asked for \(\?device=cpu in the address\)\. Remove it to choose automatically\./,
      );
      expect(reference.problems).toEqual([]);
    } finally {
      await browser.close();
      await site.stop();
    }
  }, 150_000);
}
