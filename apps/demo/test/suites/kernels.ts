import { expect, it } from 'vitest';
import type { Shared } from '../browser.test.js';
import { pageErrors, screenshot } from '../harness.js';

export function kernelsSuite(shared: Shared): void {
  it('times attention alone on the GPU and the CPU device, rejects a bad size without a stale status, and stops a long run', async () => {
    const { page, problems } = await shared.browser.open('./?device=webgpu#/kernels');
    await page.fill('#kernels-headdim', '1000000000');
    await page.click('#kernels-run');
    await page.waitForSelector('#kernels-status[data-state="failed"]');
    expect(await pageErrors(page)).toMatch(/^Kernels: head size must be an integer ≥ 1 and ≤ 16384, got "1000000000"/);
    expect(await page.innerText('#kernels-status')).not.toMatch(/Running|Timing/);

    await page.fill('#kernels-sizes', '');
    await page.fill('#kernels-seq', '32');
    await page.fill('#kernels-headdim', '16');
    await page.uncheck('#kernels-impl-vanilla');
    await page.click('#kernels-run');
    await page.waitForSelector('#kernels-status[data-state="done"]', { timeout: 90_000 });
    expect(await pageErrors(page), 'the banner went with the success').toBe('');
    const rows = await page.$$eval('#kernels-table tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((td) => td.textContent ?? '')));
    expect(rows.map((r) => `${r[0]} @ ${r[1]}`).sort()).toEqual(['attention flash B1 H4 T32 D16 @ wasm', 'attention flash B1 H4 T32 D16 @ webgpu']);
    for (const r of rows) expect(Number(r[4]), `GFLOP/s of ${r[0]} on ${r[1]}`).toBeGreaterThan(0);
    await screenshot(page, 'kernels');

    // A matmul of 4096 on the CPU device runs for seconds: Stop ends it at once.
    await page.fill('#kernels-sizes', '4096');
    await page.uncheck('#kernels-impl-flash');
    await page.uncheck('#kernels-gpu');
    await page.click('#kernels-run');
    await page.waitForSelector('#kernels-status[data-state="running"]');
    await page.waitForTimeout(300);
    await page.click('#kernels-status-stop');
    await page.waitForSelector('#kernels-status[data-state="stopped"]', { timeout: 2_000 });
    expect(await page.innerText('#kernels-status')).toMatch(/^Stopped after 0 of 1/);
    expect(await page.isEnabled('#kernels-run')).toBe(true);
    expect(await pageErrors(page)).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
}
