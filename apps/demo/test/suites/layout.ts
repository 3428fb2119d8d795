import { expect, it } from 'vitest';
import type { Shared } from '../browser.test.js';
import { horizontalOverflow, pageErrors, screenshot, VIEWPORTS, type ViewportName } from '../harness.js';

const ROUTES = ['home', 'memory', 'train', 'generate', 'leap', 'kernels'] as const;

export function layoutSuite(shared: Shared): void {
  it('loads every page with no console errors, and nothing scrolls sideways on a phone', async () => {
    const overflow: string[] = [];
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      for (const route of ROUTES) {
        const { page, problems } = await shared.browser.open(`./#/${route}`, viewport);
        await page.waitForSelector(`#page-${route}:not([hidden])`);
        if (route === 'memory') await page.waitForSelector('#memory-status[data-state="done"]', { timeout: 60_000 });
        await page.waitForTimeout(200);
        await screenshot(page, `${route}-${viewport}`);
        expect(await pageErrors(page), `errors shown on ${route} (${viewport})`).toBe('');
        expect(problems, `console of ${route} (${viewport})`).toEqual([]);
        if (viewport === 'phone') {
          const o = await horizontalOverflow(page);
          if (o.px > 0) overflow.push(`${route}: ${o.px} px wider than the screen, widest ${o.widest}`);
          expect((await page.locator('header.top').boundingBox())!.height, `header height on ${route}`).toBeLessThanOrEqual(100);
        }
        if (route === 'memory') {
          // The bars are horizontal on a log axis of bytes: the plot keeps its height, and the key columns of the table are on screen.
          expect(Number(await page.getAttribute('#memory-bars', 'data-plot-height')), `bar plot height (${viewport})`).toBeGreaterThan(200);
          expect(Number(await page.getAttribute('#memory-bars', 'data-plot-width')), `bar plot width (${viewport})`).toBeGreaterThan(
            viewport === 'phone' ? 150 : 600,
          );
          expect(await page.getAttribute('#memory-bars', 'data-x-label-rotation'), `byte labels upright, not crowded (${viewport})`).toBe('0');
          expect(
            Number(await page.getAttribute('#memory-curve', 'data-y-ticks')),
            `labelled ticks on the curve's byte axis (${viewport})`,
          ).toBeGreaterThanOrEqual(2);
          const firstCells = await page.$$eval('#memory-table tbody tr:first-child > *', (cells) =>
            cells.slice(0, 3).map((c) => c.getBoundingClientRect().right),
          );
          for (const right of firstCells)
            expect(right, 'name, saved activations and attention core are on screen').toBeLessThanOrEqual(VIEWPORTS[viewport].width);
        }
        await page.close();
      }
    }
    expect(overflow).toEqual([]);
  }, 180_000);

  it('passes the software WebGPU adapter over for the CPU device and says why; ?device=webgpu uses it', async () => {
    const { page, problems } = await shared.browser.open('./#/home');
    expect(await page.getAttribute('#device-status', 'data-type')).toBe('cpu');
    expect(await page.innerText('#notice')).toMatch(
      /Running on the WebAssembly CPU device \(f32 SIMD on \d+ threads?\): the only WebGPU adapter here \(google \/ swiftshader.*\) renders in software, and the CPU device runs the same programs many times faster\. Add \?device=webgpu/,
    );
    expect(await page.innerText('#notice')).not.toMatch(/much slower/);
    // The landing view: two sentences, three presets, the pages in order.
    expect(await page.locator('#home-intro').innerText()).toMatch(/^[^.]+\.[^.]+\.$/);
    expect(await page.locator('.preset').count()).toBe(3);
    await page.close();
    const forced = await shared.browser.open('./?device=webgpu#/home');
    expect(await forced.page.getAttribute('#device-status', 'data-type')).toBe('webgpu');
    expect(await forced.page.isHidden('#notice')).toBe(true);
    expect([...problems, ...forced.problems]).toEqual([]);
    await forced.page.close();
  }, 60_000);
}
