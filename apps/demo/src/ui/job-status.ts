import { h } from './dom.js';
import { duration } from './format.js';

export type JobState = 'idle' | 'running' | 'done' | 'failed' | 'stopped';

/**
 * The status line of a long job: what it is doing, a progress bar, the time so far and the time
 * left (from the steps done so far), and a Stop button. Every outcome (done, failed, stopped)
 * replaces the running text, so nothing stale stays on screen. Tests read `data-state`.
 */
export class JobStatus {
  readonly element: HTMLElement;
  readonly text: HTMLElement;
  readonly stopButton: HTMLButtonElement;
  private readonly bar: HTMLProgressElement;
  private readonly timing: HTMLElement;
  private started = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private done = 0;
  private total = 0;

  constructor(id: string, onStop: () => void, initial = '', options: { stopId?: string; stopLabel?: string } = {}) {
    this.text = h('span', { id, class: 'status', 'data-state': 'idle', role: 'status' }, initial);
    this.bar = h('progress', { id: `${id}-progress`, max: 1, value: 0, hidden: true });
    this.timing = h('span', { id: `${id}-eta`, class: 'eta' });
    this.stopButton = h(
      'button',
      { id: options.stopId ?? `${id}-stop`, type: 'button', class: 'stop', disabled: true, onclick: onStop },
      options.stopLabel ?? 'Stop',
    );
    this.element = h('div', { class: 'job' }, this.text, h('span', { class: 'job-meter' }, this.bar, this.timing), this.stopButton);
  }

  get state(): JobState {
    return this.text.dataset.state as JobState;
  }

  start(text: string): void {
    this.set('running', text);
    this.started = performance.now();
    this.done = 0;
    this.total = 0;
    this.bar.hidden = false;
    this.bar.removeAttribute('value'); // indeterminate until the first progress
    this.stopButton.disabled = false;
    this.tick();
    if (this.timer === null) this.timer = setInterval(() => this.tick(), 500);
  }

  /** `done` of `total` steps finished; the time left is the mean time per step so far times the steps left. */
  progress(done: number, total: number, text?: string): void {
    if (this.state !== 'running') return;
    this.done = done;
    this.total = total;
    this.bar.max = Math.max(1, total);
    this.bar.value = done;
    if (text !== undefined) this.text.textContent = text;
    this.tick();
  }

  /** Updates the text of a running job without touching the progress. */
  say(text: string): void {
    if (this.state === 'running') this.text.textContent = text;
  }

  finish(state: Exclude<JobState, 'running'>, text: string): void {
    this.set(state, text);
    this.bar.hidden = state === 'idle' || state === 'failed';
    if (state === 'done') this.bar.value = this.bar.max;
    this.stopButton.disabled = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.tick();
  }

  private set(state: JobState, text: string): void {
    this.text.dataset.state = state;
    this.text.textContent = text;
  }

  private tick(): void {
    const elapsed = performance.now() - this.started;
    if (this.state !== 'running') {
      this.timing.textContent = this.state === 'done' || this.state === 'stopped' ? `after ${duration(elapsed)}` : '';
      return;
    }
    const left = this.done > 0 && this.total > this.done ? (elapsed / this.done) * (this.total - this.done) : null;
    this.timing.textContent = `${duration(elapsed)}${left !== null ? `, about ${duration(left)} left` : ''}`;
    this.timing.dataset.left = left === null ? '' : String(Math.round(left));
  }
}
