import type { Chart } from 'chart.js';
import { ATTN_IMPLS, type AttnImpl } from '@lightattn/gpt2-model';
import type { AppContext, Page } from '../app-context.js';
import { parseSizeList, type BenchResult, type KernelCase } from '../engine/kernel-bench.js';
import { barChart, setBars } from '../ui/charts.js';
import { field, h, numberInput, readNumber, section } from '../ui/dom.js';
import { guarded } from '../ui/errors.js';
import { gflops } from '../ui/format.js';
import { JobStatus } from '../ui/job-status.js';

/**
 * Kernels: matmul and causal attention throughput on this GPU against the CPU device, same shapes.
 * The timing runs in a worker of its own, so Stop ends even a kernel that takes minutes.
 */
export function kernelsPage(ctx: AppContext): Page {
  const gpu = ctx.device.type === 'webgpu';
  const sizes = h('input', { id: 'kernels-sizes', type: 'text', value: '64, 128, 256', placeholder: 'none: attention only' });
  const b = numberInput('kernels-batch', 1, { min: 1, step: 1 });
  const heads = numberInput('kernels-heads', 4, { min: 1, step: 1 });
  const t = numberInput('kernels-seq', 128, { min: 1, step: 1 });
  const dh = numberInput('kernels-headdim', 32, { min: 1, step: 1 });
  const impls = ATTN_IMPLS.map((impl) => ({
    impl,
    box: h('input', { type: 'checkbox', id: `kernels-impl-${impl}`, checked: impl === 'vanilla' || impl === 'flash' }),
  }));
  const backward = h('input', { id: 'kernels-backward', type: 'checkbox' });
  const useGpu = h('input', { id: 'kernels-gpu', type: 'checkbox', checked: gpu, disabled: !gpu });
  const useCpu = h('input', { id: 'kernels-cpu', type: 'checkbox', checked: true });
  const run = h('button', { id: 'kernels-run', type: 'button' }, 'Run');
  const software = ctx.device.softwareAdapter !== null;
  const note = !gpu
    ? ctx.device.softwareAdapter
      ? `Only the CPU device is measured: the WebGPU adapter here (${ctx.device.softwareAdapter}) renders in software (add ?device=webgpu to the address to time it anyway).`
      : 'No WebGPU here: only the CPU device can be measured.'
    : software
      ? 'This WebGPU adapter renders in software on the CPU: expect it to be slower than the CPU device.'
      : '';
  const worker = ctx.jobWorker({ device: true });
  const job = new JobStatus('kernels-status', () => worker.cancel(), note);
  const canvas = h('canvas', { id: 'kernels-chart', 'aria-label': 'GFLOP/s per kernel and device' });
  const table = h('table', { id: 'kernels-table' });
  let chart: Chart<'bar'> | null = null;

  const cases = (): KernelCase[] => {
    const chosen = impls.filter((i) => i.box.checked).map((i) => i.impl as AttnImpl);
    const matmuls = sizes.value.trim() ? parseSizeList(sizes.value).map((n): KernelCase => ({ op: 'matmul', n })) : [];
    const attention = chosen.length
      ? (() => {
          const shape = {
            batch: readNumber(b, 'batch', { integer: true, min: 1, max: 16384 }),
            heads: readNumber(heads, 'heads', { integer: true, min: 1, max: 16384 }),
            seq: readNumber(t, 'sequence length', { integer: true, min: 1, max: 16384 }),
            headDim: readNumber(dh, 'head size', { integer: true, min: 1, max: 16384 }),
          };
          return chosen.map((impl): KernelCase => ({ op: 'attention', ...shape, impl, backward: backward.checked }));
        })()
      : [];
    const all = [...matmuls, ...attention];
    if (!all.length) throw new Error('nothing to time: give matmul sizes, or tick an attention implementation');
    return all;
  };

  const render = (results: BenchResult[]) => {
    const labels = [...new Set(results.map((r) => r.label))];
    const devices = [...new Set(results.map((r) => r.device))];
    const series = devices.map((d) => ({
      label: `${d} GFLOP/s`,
      values: labels.map((l) => results.find((r) => r.label === l && r.device === d)?.gflops ?? null),
    }));
    if (chart) setBars(chart, labels, series);
    else chart = barChart(canvas, { labels, series, yTitle: 'GFLOP/s (log)', logY: true, horizontal: true });
    table.replaceChildren(
      h('thead', {}, h('tr', {}, ...['kernel', 'device', 'ms per run', 'runs', 'GFLOP/s'].map((x) => h('th', {}, x)))),
      h(
        'tbody',
        {},
        ...results.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, r.label),
            h('td', {}, r.device),
            h('td', {}, r.ms.toFixed(2)),
            h('td', {}, r.runs),
            h('td', {}, gflops(r.gflops)),
          ),
        ),
      ),
    );
  };

  const measure = () =>
    guarded('Kernels', async () => {
      const devices: ('gpu' | 'cpu')[] = [...(useGpu.checked ? (['gpu'] as const) : []), ...(useCpu.checked ? (['cpu'] as const) : [])];
      let list: KernelCase[];
      try {
        if (!devices.length) throw new Error('pick at least one device');
        list = cases();
      } catch (e) {
        job.finish('failed', 'Fix the settings above to run.');
        throw e;
      }
      const total = list.length * devices.length;
      run.disabled = true;
      table.dataset.state = 'running';
      const results: BenchResult[] = [];
      job.start(`Timing ${total} kernel runs on ${devices.join(' and ')}: starting the device…`);
      try {
        await worker.run('the kernel timing', 'kernels', { cases: list, devices }, (r) => {
          results.push(r);
          render(results);
          job.progress(results.length, total, `Timed ${r.label} on ${r.device} (${results.length} of ${total})…`);
        });
        table.dataset.state = 'done';
        job.finish(
          'done',
          `Done. Each kernel ran once to warm up, once to estimate, then as many times as fit in about a second; times include waiting for the GPU queue.${software ? ' (A software GPU adapter.)' : ''}`,
        );
      } catch (e) {
        table.dataset.state = 'stopped';
        if (e instanceof Error && e.name === 'JobCancelled') job.finish('stopped', `Stopped after ${results.length} of ${total}.`);
        else job.finish('failed', 'Timing failed (see the message above).');
        throw e;
      } finally {
        run.disabled = false;
      }
    });
  run.addEventListener('click', () => void measure());

  const element = h(
    'div',
    { class: 'page', id: 'page-kernels' },
    h('h1', {}, 'Kernels'),
    h(
      'p',
      { class: 'lead' },
      'Throughput of the WGSL kernels on this GPU against the CPU device (WebAssembly SIMD on every core; the JavaScript device with ?device=cpu), for the same shapes. Attention is causal; FLOPs count the mask (2·B·H·T²·D forward, 3.5× that with the backward). Leave the matmul sizes empty to time attention alone.',
    ),
    h(
      'form',
      { class: 'controls', onsubmit: (e: Event) => e.preventDefault() },
      field('matmul sizes n (n×n·n×n)', sizes),
      field('attention batch', b),
      field('heads', heads),
      field('sequence length', t),
      field('head size', dh),
      ...impls.map((i) => field(`attention ${i.impl}`, i.box)),
      field('with backward', backward),
      field('GPU', useGpu),
      field('CPU', useCpu),
      run,
    ),
    job.element,
    section('Results', h('div', { class: 'chart' }, canvas), h('div', { class: 'table-wrap' }, table)),
  );
  const shown = (params: URLSearchParams) => {
    const s = params.get('seq');
    if (s) t.value = s;
  };
  return { element, shown };
}
