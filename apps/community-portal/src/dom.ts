import type { GraphError } from './graph';

type Child = Node | string | null | undefined | false;

/** A tiny element builder: h('p', { class: 'x' }, 'text', child). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** Errors as a person reads them: the message, then the code to search docs/frontend.md for. */
export function errorList(errors: GraphError[]): HTMLElement | '' {
  if (errors.length === 0) return '';
  return h('ul', { class: 'errors', role: 'alert' }, ...errors.map((e) => h('li', {}, `${e.message} `, h('code', {}, e.code))));
}

export const dateTime = (iso: string): string =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;

/**
 * An async event listener the DOM can take: the DOM ignores a listener's promise, so a failure
 * would be an unhandled rejection. Each page shows its own errors; anything left is logged.
 */
export function whenDone<E extends Event>(listener: (event: E) => Promise<void>): (event: E) => void {
  return (event) => {
    listener(event).catch((err: unknown) => console.error('portal:', err));
  };
}
