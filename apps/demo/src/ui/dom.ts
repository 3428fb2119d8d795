/** A tiny element builder: h('button', { id: 'go', onclick }, 'Go'). */
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;
export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value as EventListener);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
}

/** A labelled form control. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control, hint ? h('small', {}, hint) : null);
}

export function select<T extends string>(id: string, options: readonly (T | { value: T; label: string })[], value: T): HTMLSelectElement {
  const el = h('select', { id });
  for (const o of options) {
    const { value: v, label } = typeof o === 'string' ? { value: o, label: o } : o;
    el.append(h('option', { value: v, selected: v === value }, label));
  }
  return el;
}

export function numberInput(id: string, value: number, attrs: { min?: number; max?: number; step?: number | 'any' } = {}): HTMLInputElement {
  return h('input', { id, type: 'number', value, min: attrs.min, max: attrs.max, step: attrs.step ?? 'any' });
}

/** The value of a number input, or an error that names the field. */
export function readNumber(input: HTMLInputElement, name: string, options: { integer?: boolean; min?: number; max?: number } = {}): number {
  const v = Number(input.value);
  const bad =
    input.value.trim() === '' ||
    !Number.isFinite(v) ||
    (options.integer && !Number.isInteger(v)) ||
    (options.min !== undefined && v < options.min) ||
    (options.max !== undefined && v > options.max);
  if (bad) {
    const range = [options.min !== undefined ? `≥ ${options.min}` : '', options.max !== undefined ? `≤ ${options.max}` : ''].filter(Boolean).join(' and ');
    throw new Error(`${name} must be ${options.integer ? 'an integer' : 'a number'}${range ? ` ${range}` : ''}, got "${input.value}"`);
  }
  return v;
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}
