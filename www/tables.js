// Editors of tables 1–5 of the permit application (seed 000 App.3, section 2–3):
// every year block, site / outlet group and row of the application, with the
// declared totals as inputs and the library's recomputed sums (`report.summary`)
// beside them.
import { h, cell, control, msgs, button, removeButton } from './form.js';
import { get, join } from './pointer.js';

const GROUPS = ['normative', 'requested', 'actual'];
const AIR = GROUPS.flatMap((g) => ['g_per_s', 't_per_year'].map((u) => [g, u]));
const WATER = GROUPS.flatMap((g) => ['mg_per_l', 'g_per_h', 't_per_year'].map((u) => [g, u]));
const TONNES = GROUPS.map((g) => [g]);

/** The two header rows: `lead` columns, then each column group with its units. */
function head(ctx, lead, cols) {
  const units = cols.filter(([g]) => g === cols[0][0]).map(([, u]) => u ?? 't_per_year');
  const top = h(
    'tr',
    {},
    lead.map((text) => h('th', { scope: 'col', rowspan: 2, text })),
    GROUPS.map((g) => h('th', { scope: 'colgroup', colspan: units.length, text: ctx.s(g) })),
    h('th', { scope: 'col', rowspan: 2 }, h('span', { class: 'sr-only', text: ctx.s('rowActions') })),
  );
  const bottom = h('tr', {}, GROUPS.flatMap(() => units.map((u) => h('th', { scope: 'col', class: 'unit', text: ctx.s(u) }))));
  return h('thead', {}, top, bottom);
}

/** The value cells of one row at `base`; total rows show the recomputed sums. */
function values(ctx, base, cols, label, total = false) {
  return cols.map(([g, u]) => {
    if (total && u === 'mg_per_l') return h('td', { class: 'na' });
    const path = u ? join(base, g, u) : join(base, g);
    const what = u ? `${ctx.s(g)}, ${ctx.s(u)}` : `${ctx.s(g)}, ${ctx.s('t_per_year')}`;
    return cell(ctx, `${label} — ${what}`, { path, kind: 'amount', cls: 'num' }, { sum: total, column: what });
  });
}

/** A text cell of a row (`anchor`: also the row's message box). */
function text(ctx, label, column, path, cls, anchor) {
  return cell(ctx, `${label} — ${column}`, { path, cls }, { anchor, column });
}

/**
 * A table row followed by a row holding the message boxes of its cells, shown
 * when one of them has a message (so messages do not squeeze the columns).
 */
function row(attrs, ...cells) {
  const tr = h('tr', attrs, ...cells);
  const span = [...tr.children].reduce((n, c) => n + (Number(c.getAttribute('colspan')) || 1), 0);
  return [tr, h('tr', { class: 'msg-row' }, h('td', { colspan: span }, [...tr.querySelectorAll('.msgs')]))];
}

/** The array at `path` (anything else, e.g. from pasted JSON, shows as empty). */
function list(ctx, path) {
  const v = get(ctx.app, path);
  return Array.isArray(v) ? v : [];
}

/** A full-width row holding one "add" button. */
function addRow(span, target, template, label) {
  return h('tr', { class: 'add' }, h('td', { colspan: span }, button(label, 'add', target, { 'data-template': template })));
}

/**
 * One year block: the year, its buttons, the table, the buttons below it
 * (`nameFirst`: the first column, kept in view as the rows' label, is a name).
 */
function yearBlock(ctx, base, table, below, nameFirst = false) {
  const yearPath = join(base, 'year');
  const y = get(ctx.app, yearPath);
  return h(
    'div',
    { class: 'year-block', 'data-anchor': base },
    h(
      'div',
      { class: 'year-head' },
      h('label', { for: 'f' + yearPath, text: ctx.s('year') }),
      control(ctx, { path: yearPath, kind: 'int', cls: 'int' }),
      h('span', { class: 'year-title', text: Number.isInteger(y) ? ctx.s('yearBlock', { year: y }) : '' }),
      button(ctx.s('fillTotals'), 'fill', base),
      button(ctx.s('removeYear'), 'remove', base, { class: 'btn danger' }),
      msgs(yearPath),
      msgs(base),
    ),
    h('div', { class: nameFirst ? 'scroll label-name' : 'scroll' }, table),
    below,
  );
}

function yearLabel(ctx, base) {
  const y = get(ctx.app, join(base, 'year'));
  return ctx.s('yearBlock', { year: y ?? '?' });
}

/** Table 2 (air: sites) and table 3 (discharges: outlets, which also have a name). */
const GROUPED = {
  air_emissions: { cols: AIR, groups: 'sites', number: 'site', total: 'totalBySites', add: 'addSite', named: false },
  discharges: { cols: WATER, groups: 'outlets', number: 'outlet', total: 'totalByOutlets', add: 'addOutlet', named: true },
};

/** A year block of table 2 or 3: the total, then each group's row and its substances. */
function groupedYear(ctx, base, kind) {
  const { cols, groups, number, total, add, named } = GROUPED[kind];
  const yl = yearLabel(ctx, base);
  const span = 2 + cols.length + 1;
  const table = h('table', { class: 'grid' }, head(ctx, [ctx.s('code'), ctx.s('substance')], cols));
  table.append(
    h(
      'tbody',
      {},
      row(
        { class: 'total' },
        h('th', { scope: 'row', colspan: 2, text: ctx.s(total) }),
        values(ctx, join(base, 'total'), cols, `${yl} · ${ctx.s('total')}`, true),
        h('td'),
      ),
    ),
  );
  list(ctx, join(base, groups)).forEach((_, i) => {
    const gp = join(base, groups, i);
    const group = ctx.s('row.' + number, { n: i + 1 });
    const name = join(gp, 'name');
    const body = h('tbody', { class: 'group' });
    body.append(
      ...row(
        { class: 'subtotal', 'data-anchor': gp },
        h(
          'th',
          { scope: 'row', colspan: 2 },
          h(
            'div',
            { class: 'group-head' },
            h('label', { for: 'f' + join(gp, number), text: ctx.s(number) }),
            control(ctx, { path: join(gp, number), kind: 'int', cls: 'int' }),
            named ? h('label', { for: 'f' + name, class: 'sr-only', text: `${group} — ${ctx.s('outletName')}` }) : null,
            named ? control(ctx, { path: name, cls: 'name', placeholder: ctx.s('outletName') }) : null,
          ),
          msgs(join(gp, number), ctx.s(number)),
          named ? msgs(name, ctx.s('outletName')) : null,
          msgs(gp),
        ),
        values(ctx, join(gp, 'subtotal'), cols, `${yl} · ${group}`, true),
        h('td', {}, removeButton(ctx, gp, group)),
      ),
    );
    list(ctx, join(gp, 'substances')).forEach((__, j) => {
      const rp = join(gp, 'substances', j);
      const label = `${yl} · ${group} · ${ctx.s('row.substance', { n: j + 1 })}`;
      body.append(
        ...row(
          { 'data-anchor': rp },
          text(ctx, label, ctx.s('code'), join(rp, 'code'), 'code'),
          text(ctx, label, ctx.s('substance'), join(rp, 'name'), 'name', rp),
          values(ctx, rp, cols, label),
          h('td', {}, removeButton(ctx, rp, label)),
        ),
      );
    });
    body.append(addRow(span, join(gp, 'substances'), 'row', ctx.s('addSubstance')));
    table.append(body);
  });
  return yearBlock(ctx, base, table, h('div', { class: 'below' }, button(ctx.s(add), 'add', join(base, groups), { 'data-template': number })));
}

/** Tables 4 (waste: name, code, placement) and 5 (sulfur: name, placement). */
function tonnesYear(ctx, base, lead, totalLabel) {
  const yl = yearLabel(ctx, base);
  const span = lead.length + TONNES.length + 1;
  const table = h('table', { class: 'grid' }, head(ctx, lead.map(([, key]) => ctx.s(key)), TONNES));
  table.append(
    h(
      'tbody',
      {},
      row(
        { class: 'total' },
        h('th', { scope: 'row', colspan: lead.length, text: ctx.s(totalLabel) }),
        values(ctx, join(base, 'total'), TONNES, `${yl} · ${ctx.s('total')}`, true),
        h('td'),
      ),
    ),
  );
  const body = h('tbody', { class: 'group' });
  list(ctx, join(base, 'items')).forEach((_, i) => {
    const rp = join(base, 'items', i);
    const label = `${yl} · ${ctx.s('row.item', { n: i + 1 })}`;
    const cells = lead.map(([key, title], k) =>
      text(ctx, label, ctx.s(title), join(rp, key), k === 0 ? 'name' : key === 'code' ? 'wcode' : 'place', k === 0 ? rp : undefined),
    );
    body.append(...row({ 'data-anchor': rp }, cells, values(ctx, rp, TONNES, label), h('td', {}, removeButton(ctx, rp, label))));
  });
  body.append(addRow(span, join(base, 'items'), 'row', ctx.s('addRow')));
  table.append(body);
  return yearBlock(ctx, base, table, null, true);
}

function sitesTable(ctx) {
  const base = '/industrial_sites';
  const table = h(
    'table',
    { class: 'grid sites' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['siteNumber', 'siteName', 'oblast', 'district'].map((k) => h('th', { scope: 'col', rowspan: 2, text: ctx.s(k) })),
        h('th', { scope: 'colgroup', colspan: 3, text: ctx.s('latitude') }),
        h('th', { scope: 'colgroup', colspan: 3, text: ctx.s('longitude') }),
        h('th', { scope: 'col', rowspan: 2, text: ctx.s('area') }),
        h('th', { scope: 'col', rowspan: 2 }, h('span', { class: 'sr-only', text: ctx.s('rowActions') })),
      ),
      h('tr', {}, [1, 2].flatMap(() => ['deg', 'min', 'sec'].map((u) => h('th', { scope: 'col', class: 'unit', text: ctx.s(u) })))),
    ),
  );
  const body = h('tbody', { class: 'group' });
  list(ctx, base).forEach((_, i) => {
    const rp = join(base, i);
    const label = ctx.s('row.site', { n: i + 1 });
    const dms = (axis) =>
      ['deg', 'min', 'sec'].map((u) => {
        const column = `${ctx.s(axis)}, ${ctx.s(u)}`;
        return cell(ctx, `${label} — ${column}`, { path: join(rp, axis, u), kind: 'amount', cls: 'dms' }, { column });
      });
    body.append(
      ...row(
        { 'data-anchor': rp },
        cell(ctx, `${label} — ${ctx.s('siteNumber')}`, { path: join(rp, 'number'), kind: 'int', cls: 'int' }, { column: ctx.s('siteNumber') }),
        text(ctx, label, ctx.s('siteName'), join(rp, 'name'), 'name', rp),
        text(ctx, label, ctx.s('oblast'), join(rp, 'oblast'), 'place'),
        text(ctx, label, ctx.s('district'), join(rp, 'district'), 'place'),
        dms('latitude'),
        dms('longitude'),
        cell(ctx, `${label} — ${ctx.s('area')}`, { path: join(rp, 'area_ha'), kind: 'amount', cls: 'num area' }, { column: ctx.s('area') }),
        h('td', {}, removeButton(ctx, rp, label)),
      ),
    );
  });
  body.append(addRow(12, base, 'site1', ctx.s('addRow')));
  table.append(body);
  return h('div', { class: 'scroll' }, table);
}

/** Table `n` (2–5): its year blocks and an "add a year" button. */
function yearTable(ctx, key, render) {
  const years = join('/' + key, 'years');
  const blocks = list(ctx, years).map((_, y) => render(join(years, y)));
  return [
    blocks.length ? blocks : h('p', { class: 'hint', text: ctx.s('noYears') }),
    h('div', { class: 'below' }, button(ctx.s('addYear'), 'add', years, { 'data-template': 'year-' + key })),
  ];
}

/** The section of tables 1–5. */
export function renderTables(ctx) {
  const table = (n, path, ...content) =>
    h('section', { class: 'table', 'data-anchor': path, 'aria-labelledby': `t${n}-title` }, h('h3', { id: `t${n}-title`, text: ctx.s('t' + n) }), msgs(path), content);
  return [
    h('p', { class: 'hint', text: ctx.s('tablesHint') }),
    table(1, '/industrial_sites', sitesTable(ctx)),
    table(2, '/air_emissions', yearTable(ctx, 'air_emissions', (b) => groupedYear(ctx, b, 'air_emissions'))),
    table(3, '/discharges', yearTable(ctx, 'discharges', (b) => groupedYear(ctx, b, 'discharges'))),
    table(4, '/waste', yearTable(ctx, 'waste', (b) => tonnesYear(ctx, b, [['name', 'wasteName'], ['code', 'wasteCode'], ['placement_site', 'placementSite']], 'totalByTypes'))),
    table(5, '/sulfur', yearTable(ctx, 'sulfur', (b) => tonnesYear(ctx, b, [['name', 'sulfurName'], ['placement_site', 'placementSite']], 'total'))),
  ];
}

/** A new item for an "add" button's `template`, given the array it goes into. */
export function newItem(app, template, list, firstYear) {
  const next = (key) => Math.max(0, ...list.map((x) => (Number.isInteger(x?.[key]) ? x[key] : 0))) + 1;
  switch (template) {
    case 'site1':
      return { number: next('number') };
    case 'site': {
      const used = new Set(list.map((x) => x?.site));
      const free = (Array.isArray(app.industrial_sites) ? app.industrial_sites : []).map((s) => s?.number).find((n) => Number.isInteger(n) && !used.has(n));
      return { site: free ?? next('site'), substances: [{}] };
    }
    case 'outlet':
      return { outlet: next('outlet'), substances: [{}] };
    default:
      if (template.startsWith('year-')) {
        const last = list.at(-1);
        if (last) return { ...structuredClone(last), year: Number.isInteger(last.year) ? last.year + 1 : firstYear };
        const key = template.slice(5);
        if (key === 'air_emissions') return { year: firstYear, sites: [newItem(app, 'site', [], firstYear)] };
        if (key === 'discharges') return { year: firstYear, outlets: [{ outlet: 1, substances: [{}] }] };
        return { year: firstYear, items: [{}] };
      }
      return {};
  }
}
