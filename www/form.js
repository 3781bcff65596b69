// Building blocks of the form. Every input is bound to a JSON Pointer into the
// application (`data-path`), has the id `f<pointer>` and a <label>, and is
// described by its message box `m<pointer>`, where the findings at that pointer
// are shown. Containers whose pointer has no input of its own (a table row, a
// site group, a question) carry `data-anchor` and a message box of their own.
import { get } from './pointer.js';
import { formatDate, parseDate } from './dates.js';

/** Creates an element: `attrs` are attributes (`text` sets the text content). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** The message box of `path` (`label` names it where it is shown apart from its input). */
export function msgs(path, label) {
  return h('div', { class: 'msgs', id: 'm' + path, 'data-label': label });
}

function shown(v) {
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * An input bound to `path`. `kind`: `text` and `amount` (kept as typed), `int` (a
 * number when it is one, else the text, which the library reports), `select`
 * (`options`: [[value, label]]), `bool` (checkbox), `date` (text in the page's date
 * format, kept as an ISO day).
 */
export function control(ctx, { path, kind = 'text', options = [], cls, placeholder, autocomplete }) {
  const v = get(ctx.app, path);
  const common = {
    id: 'f' + path,
    'data-path': path,
    'data-kind': kind,
    'aria-describedby': 'm' + path,
    class: cls,
  };
  if (kind === 'select') {
    const el = h('select', common);
    const opts = [...options];
    if (v !== undefined && v !== null && !opts.some(([o]) => o === String(v))) opts.push([String(v), String(v)]);
    el.append(...opts.map(([value, label]) => new Option(label, value)));
    el.value = shown(v);
    return el;
  }
  if (kind === 'bool') {
    const el = h('input', { ...common, type: 'checkbox' });
    el.checked = v === true;
    return el;
  }
  // A date is a text input in the page's format (a native date input would follow
  // the browser's locale, not the page's language).
  const el = h('input', {
    ...common,
    type: 'text',
    inputmode: kind === 'amount' ? 'decimal' : kind === 'int' ? 'numeric' : undefined,
    spellcheck: kind === 'text' ? undefined : 'false',
    autocomplete: autocomplete ?? 'off',
    placeholder: kind === 'date' ? ctx.s('datePattern') : placeholder,
    class: kind === 'date' ? `date ${cls ?? ''}` : cls,
  });
  el.value = kind === 'date' ? formatDate(v, ctx.lang) : shown(v);
  return el;
}

/** The value an input stands for (`undefined`: remove the key). */
export function read(el) {
  switch (el.dataset.kind) {
    case 'bool':
      return el.checked;
    case 'date': {
      // The ISO day of what was typed; text that is no date is kept as typed (the
      // library reports it, the form names the expected format).
      const text = el.value.trim();
      return text === '' ? undefined : (parseDate(text) ?? text);
    }
    case 'int': {
      const text = el.value.trim();
      if (text === '') return undefined;
      return /^-?\d{1,15}$/.test(text) ? Number(text) : el.value;
    }
    default:
      return el.value === '' ? undefined : el.value;
  }
}

/** A labelled field: label, input, hint, message box. */
export function field(ctx, label, spec, ...extra) {
  const input = control(ctx, spec);
  const lab = h('label', { for: input.id, text: label });
  if (spec.kind === 'bool') {
    return h('div', { class: 'field check' }, input, lab, ...extra, msgs(spec.path));
  }
  return h('div', { class: `field ${spec.wide ? 'wide' : ''}` }, lab, input, ...extra, msgs(spec.path));
}

/**
 * A table cell with an input, its (visually hidden) label and message box; a
 * total cell also shows the recomputed sum `s<pointer>`; `anchor` adds the message
 * box of the row.
 */
export function cell(ctx, label, spec, { sum = false, anchor, column } = {}) {
  const input = control(ctx, spec);
  return h(
    'td',
    {},
    h('label', { for: input.id, class: 'sr-only', text: label }),
    input,
    sum ? h('output', { class: 'sum', id: 's' + spec.path, for: input.id }) : null,
    msgs(spec.path, column),
    anchor === undefined ? null : msgs(anchor),
  );
}

/**
 * A button acting on the pointer `target` (handled by the form's click handler);
 * its id survives a re-render, so it keeps the focus.
 */
export function button(text, action, target, attrs = {}) {
  return h('button', { type: 'button', class: 'btn', id: `b:${action}:${target}`, 'data-action': action, 'data-target': target, text, ...attrs });
}

/** A small "remove" button for the item at `target`, announced as `what`. */
export function removeButton(ctx, target, what) {
  const label = ctx.s('removeRow', { row: what });
  return button('×', 'remove', target, { class: 'btn icon', 'aria-label': label, title: label });
}
