import { expect, it } from 'vitest';
import { BUILTIN_TEXT } from '../../src/engine/corpus.js';
import type { Shared } from '../browser.test.js';
import { pageErrors, screenshot } from '../harness.js';

export function generateSuite(shared: Shared): void {
  it('says clearly what is missing or wrong, keeps the last output, tells when the position limit cuts a request short, and stops', async () => {
    const { page, problems } = await shared.browser.open('./#/generate');
    expect(await page.isEnabled('#generate-files'), 'the checkpoint picker works from the start').toBe(true);
    await page.click('#generate-start');
    await page.waitForSelector('#generate-status[data-state="failed"]');
    await page.click('#generate-start');
    expect(await page.locator('#errors .error').count(), 'one banner').toBe(1);
    expect(await pageErrors(page)).toMatch(/^Generate: no model has been trained yet/);

    // A model trained in this tab (CPU device, a few steps).
    await page.click('a[data-route="train"]');
    await page.fill('#train-batch', '4');
    await page.fill('#train-seq', '32');
    await page.fill('#train-steps', '4');
    await page.click('#train-start');
    await page.waitForSelector('#train-stats[data-status="finished"]', { timeout: 60_000 });
    await page.click('#train-to-generate');
    await page.waitForFunction(() => document.querySelector('#generate-model')?.textContent?.includes('GPT-2 gpt2-tiny'));

    await page.uncheck('#generate-sample');
    await page.fill('#generate-prompt', 'The ');
    await page.fill('#generate-max', '5');
    await page.click('#generate-start');
    await page.waitForSelector('#generate-status[data-state="done"]', { timeout: 30_000 });
    expect(await pageErrors(page), 'the old banner went with the success').toBe('');
    const output = await page.innerText('#generate-output');

    // Characters the model never saw: a clear message, no raw TokenizerError, no doubled prefix, and the output stays.
    await page.fill('#generate-prompt', 'Zebra§');
    await page.click('#generate-start');
    await page.waitForSelector('#generate-status[data-state="failed"]', { timeout: 30_000 });
    expect(await pageErrors(page)).toMatch(/^Generate: the prompt has 2 characters the model never saw in its training text \("Z", "§"\)/);
    expect(await pageErrors(page)).not.toMatch(/TokenizerError|Generate: generate:/);
    expect(await page.innerText('#generate-output')).toBe(output);
    await page.fill('#generate-prompt', '');
    await page.click('#generate-start');
    expect(await pageErrors(page)).toMatch(/^Generate: the prompt is empty/);
    expect(await page.innerText('#generate-status')).not.toMatch(/Generating/);

    // 256 positions and a 250-character prompt: 400 new tokens cannot fit, and the status says so.
    await page.fill('#generate-prompt', BUILTIN_TEXT.slice(0, 250));
    await page.fill('#generate-max', '400');
    await page.click('#generate-start');
    await page.waitForSelector('#generate-status[data-state="done"]', { timeout: 60_000 });
    expect(Number(await page.getAttribute('#generate-output', 'data-pieces'))).toBe(6);
    expect(await page.innerText('#generate-status')).toMatch(
      /6 tokens in .*; no more fit: the model has 256 positions and the prompt takes 250, so at most 6 new tokens fit \(400 were asked for\)/,
    );
    await page.fill('#generate-prompt', 'The ');
    await page.fill('#generate-max', '200');

    // Stop ends a generation and says so.
    await page.check('#generate-sample');
    await page.click('#generate-start');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#generate-output')?.dataset.pieces) >= 3, undefined, { timeout: 30_000 });
    await page.click('#generate-stop');
    await page.waitForSelector('#generate-status[data-state="stopped"]', { timeout: 10_000 });
    expect(Number(await page.getAttribute('#generate-output', 'data-pieces'))).toBeLessThan(200);
    await screenshot(page, 'generate-stopped');
    expect(await pageErrors(page)).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
}
