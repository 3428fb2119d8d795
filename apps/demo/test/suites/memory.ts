import { expect, it } from 'vitest';
import { MEMORY_CASES } from '../../src/engine/memory.js';
import type { Shared } from '../browser.test.js';
import { pageErrors, screenshot } from '../harness.js';
import type { Page } from 'playwright-core';

const state = (page: Page) => page.getAttribute('#memory-status', 'data-state');

/** Sets fields and fires one change, as a person tabbing out of the last field does. */
async function setFields(page: Page, values: Record<string, string>): Promise<void> {
  for (const [id, v] of Object.entries(values)) {
    if (id === 'memory-size') await page.selectOption(`#${id}`, v);
    else await page.fill(`#${id}`, v);
  }
  await page.dispatchEvent('#memory-vocab', 'change');
}

/**
 * Clicks Stop if the job is still running, in one step inside the page, so a job that ends
 * meanwhile cannot race the click. Returns whether it was running.
 */
const stopIfRunning = (page: Page, stopId: string, statusId: string) =>
  page.evaluate(
    ([stop, status]) => {
      if (document.getElementById(status!)?.dataset.state !== 'running') return false;
      document.getElementById(stop!)!.click();
      return true;
    },
    [stopId, statusId],
  );

export function memorySuite(shared: Shared): void {
  it('draws log-scale bars in human units, follows T, clears stale status and banners, and stops or replaces a long computation', async () => {
    const { page, problems } = await shared.browser.open('./#/memory');
    await page.waitForSelector('#memory-status[data-state="done"]', { timeout: 60_000 });
    const labels = (await page.getAttribute('#memory-bars', 'data-labels'))!.split('|');
    for (const c of MEMORY_CASES)
      expect(
        labels.some((l) => l.startsWith(c.label)),
        `a bar for ${c.label}`,
      ).toBe(true);
    expect(await page.getAttribute('#memory-bars', 'data-scale'), 'bars on a log axis of bytes').toBe('log-bytes');
    expect(await page.innerText('#memory-headline')).toMatch(
      /^At gpt2, batch 4, T 1024, vanilla attention keeps \d.* GiB for the backward pass; flash attention keeps \d.* MiB \(\d+× less\) and LEAP .* \(\d+× less\)\.$/,
    );
    const table = await page.innerText('#memory-table');
    expect(table).toMatch(/\d (KiB|MiB|GiB)/);
    expect(table, 'no five-digit MiB').not.toMatch(/\d{4,}(\.\d+)? MiB/);
    const bytes = await page.$$eval('#memory-table tbody tr', (rows) =>
      Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.impl, Number((r as HTMLElement).dataset.activations)])),
    );
    expect(Object.keys(bytes).sort()).toEqual(MEMORY_CASES.map((c) => c.id).sort());
    expect(bytes.flash!).toBeLessThan(bytes.vanilla!);
    expect(await page.innerText('#memory-growth')).toMatch(/vanilla\s+×3\.\d+ \(quadratic\)/);
    expect(await page.innerText('#memory-growth')).toMatch(/LEAP\s+×2\.0\d \(linear\)/);

    // The curve runs to the chosen T (it stopped at 4096 whatever T was).
    await setFields(page, { 'memory-size': 'gpt2-tiny', 'memory-batch': '1', 'memory-seq': '2048', 'memory-vocab': '64' });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#memory-curve')?.dataset.maxX === '2048', undefined, { timeout: 60_000 });
    expect(await page.innerText('#memory-growth')).toMatch(/T 1024 → 2048/);
    await page.waitForSelector('#memory-status[data-state="done"]');

    // A bad setting: the status says so (not "Computing…"), one banner however often it happens, gone after the next success.
    await setFields(page, { 'memory-batch': '0' });
    await page.waitForSelector('#memory-status[data-state="failed"]');
    await setFields(page, { 'memory-batch': '0' });
    expect(await page.locator('#errors .error').count(), 'one banner').toBe(1);
    expect(await pageErrors(page)).toMatch(/^Memory explorer: batch must be an integer ≥ 1 and ≤ 1024, got "0"/);
    expect(await page.innerText('#memory-status')).not.toMatch(/Computing/);
    await setFields(page, { 'memory-batch': '1', 'memory-seq': '16' });
    await page.waitForSelector('#memory-status[data-state="done"]', { timeout: 30_000 });
    expect(await pageErrors(page), 'the banner is gone').toBe('');

    // The largest setting the fields accept: Stop ends it at once, and the page works on.
    await setFields(page, { 'memory-size': 'gpt2-medium', 'memory-batch': '1024', 'memory-seq': '65536', 'memory-vocab': '50257' });
    await page.waitForSelector('#memory-status[data-state="running"]');
    await page.waitForTimeout(500);
    expect(await page.innerText('#memory-status-eta'), 'the time so far').toMatch(/\d s/);
    // Meanwhile the other pages do not wait behind it: a short training run finishes.
    await page.click('a[data-route="train"]');
    await page.fill('#train-batch', '2');
    await page.fill('#train-seq', '16');
    await page.fill('#train-steps', '2');
    await page.click('#train-start');
    await page.waitForSelector('#train-stats[data-status="finished"]', { timeout: 30_000 });
    await page.click('a[data-route="memory"]');
    const wasRunning = await stopIfRunning(page, 'memory-status-stop', 'memory-status');
    if (wasRunning) {
      await page.waitForSelector('#memory-status[data-state="stopped"]', { timeout: 2_000 });
      expect(await page.innerText('#memory-status')).toMatch(/^Stopped/);
    } else expect(await state(page), 'finished before Stop could be clicked instead').toBe('done');
    await screenshot(page, 'memory-stopped');

    // A new setting replaces a computation in flight: the small one finishes, the big one is gone.
    await setFields(page, { 'memory-size': 'gpt2-medium', 'memory-batch': '1024', 'memory-seq': '65536' });
    await page.waitForSelector('#memory-status[data-state="running"]');
    await setFields(page, { 'memory-size': 'gpt2-tiny', 'memory-batch': '1', 'memory-seq': '16', 'memory-vocab': '64' });
    await page.waitForSelector('#memory-status[data-state="done"]', { timeout: 30_000 });
    expect(await page.innerText('#memory-status')).toMatch(/^Computed on the meta device/);
    expect(await page.getAttribute('#memory-curve', 'data-max-x')).toBe('1024');
    expect(await pageErrors(page)).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('measures on the GPU (SwiftShader, asked for with ?device=webgpu) byte for byte like the meta device, and stops a measurement', async () => {
    // Settings in the address (as the Train page links them): the first computation is already the tiny one.
    const { page, problems } = await shared.browser.open('./?device=webgpu#/memory?size=gpt2-tiny&batch=1&seq=16&vocab=64');
    await page.waitForSelector('#memory-status[data-state="done"]', { timeout: 60_000 });
    expect(await page.inputValue('#memory-seq')).toBe('16');
    await page.click('#memory-measure');
    await page.waitForSelector('#memory-status[data-state="measured"]', { timeout: 60_000 });
    expect(await page.innerText('#memory-status')).toMatch(/matches the meta device's prediction byte for byte/);
    await screenshot(page, 'memory-measured');

    await page.click('#memory-measure');
    await page.waitForSelector('#memory-status[data-state="running"]');
    expect(await stopIfRunning(page, 'memory-status-stop', 'memory-status'), 'still measuring').toBe(true);
    await page.waitForSelector('#memory-status[data-state="stopped"]', { timeout: 2_000 });
    expect(await page.innerText('#memory-status')).toMatch(/^Measuring stopped after \d of 6/);
    expect(await page.isEnabled('#memory-measure')).toBe(true);
    expect(await pageErrors(page)).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
}
