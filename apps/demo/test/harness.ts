import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

/** Debian's chromium; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const APP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = join(APP_ROOT, 'test-artifacts');

/**
 * Headless Chromium with WebGPU. --enable-unsafe-webgpu alone gives navigator.gpu an adapter on
 * SwiftShader (vendor "google", architecture "swiftshader") on a machine without a GPU; without it
 * navigator.gpu exists but requestAdapter() resolves to null. --enable-features=Vulkan,
 * --use-webgpu-adapter=swiftshader and --use-angle=swiftshader change nothing here, nor does
 * Playwright's default --enable-unsafe-swiftshader (docs/demo.md). --disable-gpu turns off GPU
 * compositing only; --no-sandbox is required as root.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The two sizes every page is checked at: a laptop, and a phone held upright. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

const viteBin = () => join(dirname(createRequire(join(APP_ROOT, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** A child's output for an error message: no colours, no stack frames, at most 60 lines. */
function readable(output: string): string {
  return output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .slice(0, 60)
    .join('\n');
}

const childEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

function run(args: string[], what: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [viteBin(), ...args], { cwd: APP_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${what} failed (exit ${code}):\n${readable(output)}`))));
  });
}

export interface Site {
  url: string;
  stop(): Promise<void>;
}

export const SITE_DIR = join(ARTIFACTS, 'site');

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain',
};

/**
 * Serves the built site as a plain static host does: files only, no COOP/COEP headers, so the page
 * is not cross-origin isolated (what `vite preview` and the dev server add, this leaves out).
 */
export function serveWithoutIsolation(dir = SITE_DIR): Promise<Site> {
  const root = resolve(dir);
  const server = createHttpServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      ok({ url: `http://127.0.0.1:${port}/`, stop: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

/** Builds the site into test-artifacts/site and serves it with `vite preview` on a free port of 127.0.0.1. */
export async function buildAndServe(): Promise<Site> {
  const outDir = SITE_DIR;
  await run(['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], 'vite build');
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [viteBin(), 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: APP_ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${readable(output)}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not answer on ${url} within 30 s:\n${readable(output)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  /** A new tab (1280×800 unless told) that records console errors, page errors and failed requests. */
  open(path: string, viewport?: ViewportName): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

/** Chromium with a fresh profile; `webgpu: false` leaves out --enable-unsafe-webgpu (no adapter: the CPU fallback). */
export async function launchBrowser(baseUrl: string, options: { webgpu?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'lightattn-demo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: options.webgpu === false ? CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu') : CHROMIUM_ARGS,
    viewport: VIEWPORTS.desktop,
    acceptDownloads: true,
  });
  return {
    context,
    async open(path, viewport = 'desktop') {
      const page = await context.newPage();
      await page.setViewportSize(VIEWPORTS[viewport]);
      const problems: string[] = [];
      page.on('console', (m: ConsoleMessage) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
      await page.goto(new URL(path, baseUrl).href);
      await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
      return { page, problems };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * How many CSS pixels the page is wider than its viewport (0 when nothing scrolls sideways). The
 * widest element is named, so a failure says what to fix.
 */
export async function horizontalOverflow(page: Page): Promise<{ px: number; widest: string }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const px = root.scrollWidth - window.innerWidth;
    let widest = '';
    let right = window.innerWidth;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 0.5) {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} (right edge ${Math.round(r.right)} px)`;
      }
    }
    return { px, widest };
  });
}

/** The text of the page's error region (empty when nothing failed). */
export async function pageErrors(page: Page): Promise<string> {
  return (await page.locator('#errors').innerText()).replace(/\s+/g, ' ').trim();
}

export const hasChromium = (): boolean => existsSync(CHROMIUM);
