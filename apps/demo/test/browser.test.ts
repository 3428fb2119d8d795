import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { buildAndServe, CHROMIUM, hasChromium, launchBrowser, type Browser, type Site } from './harness.js';
import { bundleSuite } from './suites/bundle.js';
import { cpuDeviceSuite } from './suites/cpu-device.js';
import { generateSuite } from './suites/generate.js';
import { kernelsSuite } from './suites/kernels.js';
import { layoutSuite } from './suites/layout.js';
import { memorySuite } from './suites/memory.js';
import { trainSuite } from './suites/train.js';

/**
 * The demo in a real browser: Debian's Chromium, headless, WebGPU on SwiftShader. Builds the site
 * once, serves it with `vite preview`, and drives every page (one suite per page in suites/).
 * Screenshots go to apps/demo/test-artifacts/.
 */

const available = hasChromium();
const ci = process.env.CI === 'true';
const missing = `${CHROMIUM} is missing: install Debian's chromium package (these tests never download a browser)`;

/** What the suites share: the served site and one browser (filled in by beforeAll). */
export interface Shared {
  site: Site;
  browser: Browser;
}
const shared = {} as Shared;

beforeAll(async () => {
  shared.site = await buildAndServe();
  if (available) shared.browser = await launchBrowser(shared.site.url);
}, 90_000);

// A failed test leaves its tabs open, and their jobs would slow every later test: close them.
afterEach(async () => {
  for (const page of shared.browser?.context.pages() ?? []) await page.close().catch(() => undefined);
});

afterAll(async () => {
  await shared.browser?.close();
  await shared.site?.stop();
});

describe('the built site', () => bundleSuite(shared));

if (!available && ci) {
  describe('demo in headless Chromium', () => {
    it('needs Chromium in CI', () => {
      throw new Error(missing);
    });
  });
} else if (!available) {
  // The suites below are skipped; say why where the run is read.
  console.warn(`[demo] skipping the browser tests: ${missing}; with CI=true they fail instead`);
}

describe.runIf(available)('demo in headless Chromium', () => {
  describe('every page, at 1280×800 and 390×844', () => layoutSuite(shared));
  describe('memory explorer', () => memorySuite(shared));
  describe('the CPU fallback: the WebAssembly device', () => cpuDeviceSuite(shared));
  describe('train', () => trainSuite(shared));
  describe('generate', () => generateSuite(shared));
  describe('kernels', () => kernelsSuite(shared));
});
