import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import type { Shared } from '../browser.test.js';
import { ARTIFACTS, pageErrors, screenshot } from '../harness.js';

export function trainSuite(shared: Shared): void {
  it('trains a small GPT-2 on SwiftShader WebGPU with progress, pause and resume; the checkpoint zip reloads with the same greedy text', async () => {
    const { page, problems } = await shared.browser.open('./?device=webgpu#/train');
    await page.selectOption('#train-family', 'gpt2');
    await page.selectOption('#train-size', 'gpt2-tiny');
    await page.selectOption('#train-impl', 'flash');
    await page.fill('#train-batch', '4');
    await page.fill('#train-seq', '32');
    await page.fill('#train-steps', '14');
    await page.fill('#train-lr', '0.005');
    await page.click('#train-start');
    // Before the first step (pipelines compile for seconds) the page already says what it is doing.
    expect(await page.getAttribute('#train-status', 'data-state')).toBe('running');
    expect(await page.innerText('#train-status')).toMatch(/compiles the GPU pipelines/);
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#train-stats')?.dataset.step) >= 3, undefined, { timeout: 60_000 });
    expect(await page.innerText('#train-status-eta'), 'time left').toMatch(/about .* left/);
    await page.click('#train-pause');
    await page.waitForSelector('#train-stats[data-status="paused"]', { timeout: 30_000 });
    const pausedAt = Number(await page.getAttribute('#train-stats', 'data-step'));
    await page.waitForTimeout(1000);
    expect(Number(await page.getAttribute('#train-stats', 'data-step')), 'no steps while paused').toBe(pausedAt);
    await page.click('#train-resume');
    await page.waitForSelector('#train-stats[data-status="finished"]', { timeout: 90_000 });
    const first = Number(await page.getAttribute('#train-stats', 'data-first-loss'));
    const last = Number(await page.getAttribute('#train-stats', 'data-last-loss'));
    expect(await page.getAttribute('#device-status', 'data-type')).toBe('webgpu');
    expect(last, `loss ${first} → ${last}`).toBeLessThan(first * 0.9);
    expect(await page.getAttribute('#train-status', 'data-state')).toBe('done');
    expect(await page.innerText('#train-status')).toMatch(/^Finished 14 steps: loss/);
    expect(await page.innerText('#train-stats')).toMatch(/tokens\/s/);
    expect(await page.innerText('#train-stats')).toMatch(/\d (B|KiB|MiB)\b/);
    await screenshot(page, 'train-finished');

    // The checkpoint downloads as an HF-format folder in a zip.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#train-download')]);
    const zipPath = join(ARTIFACTS, 'trained-checkpoint.zip');
    await download.saveAs(zipPath);
    const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
    expect(Object.keys(files).map((n) => n.split('/').pop())).toEqual(expect.arrayContaining(['config.json', 'model.safetensors', 'tokenizer.json']));
    const config = JSON.parse(strFromU8(Object.entries(files).find(([n]) => n.endsWith('config.json'))![1]));
    expect(config).toMatchObject({ model_type: 'gpt2', architectures: ['GPT2LMHeadModel'], n_layer: 2, attn_impl: 'flash' });

    // Generation streams text from the model just trained (same worker: the app is one page), reached by the link under the run.
    await page.click('#train-to-generate');
    await page.waitForSelector('#page-generate:not([hidden])');
    await page.waitForFunction(() => document.querySelector('#generate-model')?.textContent?.includes('GPT-2 gpt2-tiny'));
    await page.fill('#generate-max', '40');
    await page.$eval('#generate-output', (out) => {
      const w = window as unknown as { lengths: number[] };
      w.lengths = [];
      new MutationObserver(() => w.lengths.push(out.textContent?.length ?? 0)).observe(out, { childList: true, characterData: true, subtree: true });
    });
    await page.click('#generate-start');
    await page.waitForSelector('#generate-output[data-state="done"]', { timeout: 60_000 });
    const lengths = await page.evaluate(() => (window as unknown as { lengths: number[] }).lengths);
    expect(new Set(lengths).size, 'the output grew in several steps').toBeGreaterThan(5);
    expect(Number(await page.getAttribute('#generate-output', 'data-pieces'))).toBe(40);
    await screenshot(page, 'generate-sampled');

    // Greedy from the trained model, then from the downloaded checkpoint loaded through the file input: the same text.
    await page.uncheck('#generate-sample');
    await page.fill('#generate-max', '24');
    await page.click('#generate-start');
    await page.waitForSelector('#generate-status[data-state="done"]', { timeout: 60_000 });
    const trainedGreedy = await page.innerText('#generate-output');
    await page.setInputFiles('#generate-files', zipPath);
    await page.waitForFunction(() => document.querySelector('#generate-model')?.textContent?.includes('checkpoint ('), undefined, { timeout: 30_000 });
    expect(await page.inputValue('#generate-source'), 'picking files switches to them').toBe('loaded');
    await page.click('#generate-start');
    await page.waitForSelector('#generate-status[data-state="done"]', { timeout: 60_000 });
    expect(await page.innerText('#generate-output'), 'greedy text of the reloaded checkpoint').toBe(trainedGreedy);
    await screenshot(page, 'generate-loaded');
    expect(await pageErrors(page)).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  }, 150_000);

  it('starts the Shakespeare preset from the landing view, stops it, links on, refuses a binary upload, and asks before leaving a run', async () => {
    const { page, problems } = await shared.browser.open('./#/home', 'phone');
    await page.click('#preset-shakespeare');
    await page.waitForSelector('#page-train:not([hidden])');
    expect(await page.inputValue('#train-sample-text')).toBe('shakespeare');
    expect(await page.inputValue('#train-text')).toMatch(/^Shall I compare thee/);
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#train-stats')?.dataset.step) >= 3, undefined, { timeout: 60_000 });
    expect(await page.getAttribute('#device-status', 'data-type')).toBe('cpu');
    await screenshot(page, 'train-shakespeare-phone');
    await page.click('#train-stop');
    await page.waitForSelector('#train-stats[data-status="stopped"]', { timeout: 30_000 });
    expect(await page.getAttribute('#train-status', 'data-state')).toBe('stopped');
    expect(await page.innerText('#train-status')).toMatch(/^Stopped at step \d+ of \d+: loss .* The model is kept\./);
    expect(await page.getAttribute('#train-to-memory', 'href')).toMatch(/^#\/memory\?size=gpt2-tiny&batch=8&seq=48&vocab=\d\d&dropout=0$/);
    await page.fill('#train-steps', '77');
    await page.click('#train-to-memory');
    await page.waitForSelector('#memory-status[data-state="done"]', { timeout: 60_000 });
    expect(await page.inputValue('#memory-seq'), 'T of the run on the memory page').toBe('48');
    await page.goBack();
    await page.waitForSelector('#page-train:not([hidden])');
    expect(await page.inputValue('#train-steps'), 'coming back keeps what was changed').toBe('77');

    // A binary file is refused with a message that names it; the text stays as it was.
    const before = await page.inputValue('#train-text');
    await page.setInputFiles('#train-upload', {
      name: 'photo.png',
      mimeType: 'text/plain',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0xfe, 0xfd]),
    });
    await page.waitForSelector('#errors .error');
    expect(await pageErrors(page)).toMatch(/^Train \(upload\): photo\.png is not UTF-8 text \(it looks like a binary file\)/);
    expect(await page.inputValue('#train-text')).toBe(before);

    // Leaving during a run asks first (the model would be lost).
    await page.fill('#train-steps', '100000');
    await page.click('#train-start');
    expect(await pageErrors(page), 'the upload banner went with the new start').toBe('');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#train-stats')?.dataset.step) >= 1, undefined, { timeout: 60_000 });
    const dialog = new Promise<string>((ok) => page.once('dialog', (d) => (ok(d.type()), void d.accept())));
    await page.close({ runBeforeUnload: true });
    expect(await dialog).toBe('beforeunload');
    expect(problems).toEqual([]);
  }, 120_000);

  it('explains a LEAP model trained here, and the LEAP preset explains at once', async () => {
    const { page, problems } = await shared.browser.open('./#/train');
    await page.selectOption('#train-family', 'leap');
    await page.selectOption('#train-size', 'gpt2-nano');
    await page.fill('#train-batch', '4');
    await page.fill('#train-seq', '32');
    await page.fill('#train-steps', '8');
    await page.click('#train-start');
    await page.waitForSelector('#train-stats[data-status="finished"]', { timeout: 60_000 });
    expect(Number(await page.getAttribute('#train-stats', 'data-last-loss'))).toBeLessThan(Number(await page.getAttribute('#train-stats', 'data-first-loss')));
    await page.click('#train-to-leap');
    await page.waitForSelector('#leap-maps[data-state="done"]', { timeout: 60_000 });
    expect(await page.inputValue('#leap-source')).toBe('trained');
    expect(await page.innerText('#leap-model')).toMatch(/LEAP \(seed\) at gpt2-nano size/);
    expect(await page.getAttribute('#leap-maps', 'data-layers')).toBe('3');
    const inked = await page.$$eval('#leap-maps canvas', (canvases) =>
      canvases.map((c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 600) dark++;
        return dark;
      }),
    );
    expect(
      inked.every((n) => n > 1000),
      `cells drawn per layer: ${inked.join(', ')}`,
    ).toBe(true);
    await screenshot(page, 'leap-explained');

    // Nothing is loaded in this tab: the page says so, and the status does not keep the old result.
    await page.selectOption('#leap-source', 'loaded');
    await page.click('#leap-explain');
    await page.waitForSelector('#leap-status[data-state="failed"]', { timeout: 30_000 });
    expect(await pageErrors(page)).toMatch(/^LEAP explained: no checkpoint is loaded/);
    await page.close();

    const fresh = await shared.browser.open('./#/home', 'phone');
    await fresh.page.click('#preset-leap');
    await fresh.page.waitForSelector('#leap-maps[data-state="done"]', { timeout: 60_000 });
    expect(await fresh.page.innerText('#leap-status')).toMatch(/Random weights/);
    await screenshot(fresh.page, 'leap-preset-phone');
    expect([...problems, ...fresh.problems]).toEqual([]);
    await fresh.page.close();
  }, 120_000);
}
