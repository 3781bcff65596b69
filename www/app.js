// The demo portal form. The application object is the form's state: every input
// is bound to a JSON Pointer into it, and after every change the library checks the
// whole object (`validateApplication`, the package's form entry: the smallest
// download), lists the documents (`requiredDocuments`), reads the ИИН/БИН
// (`validateIdentifier`) and counts the deadlines (`deadlines`) — those three from the
// whole API (web.js), imported the first time a panel needs it. The form entry
// checks under the law in force only: an application under a repealed edition
// (`needsWholeApi`) is checked again with the whole API, which has every edition.
// Findings come back with JSON Pointer paths and are shown at the inputs they name.
import init, { validateApplication, needsWholeApi, messages, version, loadLanguage } from './pkg/form.js';
import { LANGS, t } from './strings.js';
import { h, field, control, msgs, read, button } from './form.js';
import { renderTables, newItem } from './tables.js';
import { get, set, join, parent } from './pointer.js';
import { formatDate, formatDateTime, parseDateTime } from './dates.js';

const EXAMPLES = [
  'environmental_permit_II', 'impact_declaration_III', 'expertise_2021_III',
  'permit_II', 'permit_III', 'permit_IV', 'expertise_II', 'expertise_III', 'expertise_IV',
];
const SERVICES = ['environmental_permit', 'impact_declaration', 'ecological_expertise', 'emission_permit'];
const ACTIONS = {
  emission_permit: ['issue', 'reissue'],
  environmental_permit: ['issue', 'reissue'],
  impact_declaration: ['issue'],
  ecological_expertise: ['first', 'repeat'],
};
const REGIONS = [
  'almaty_oblast',
  'aktobe_oblast',
  'karaganda_oblast',
  'almaty_city',
  'astana',
  'shymkent',
  'abai_oblast',
  'akmola_oblast',
  'atyrau_oblast',
  'east_kazakhstan_oblast',
  'zhambyl_oblast',
  'zhetisu_oblast',
  'west_kazakhstan_oblast',
  'kostanay_oblast',
  'kyzylorda_oblast',
  'mangystau_oblast',
  'pavlodar_oblast',
  'north_kazakhstan_oblast',
  'turkistan_oblast',
  'ulytau_oblast',
];
const EDITIONS = ['eco_code_2021', 'almaty_oblast_2012', 'aktobe_2013', 'karaganda_2013', 'almaty_city_2019'];
const DEADLINES = ['registered_on', 'completeness_due', 'decision_due', 'remarks_due', 'fixes_due'];
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

const state = {
  lang: 'ru',
  app: {},
  report: null,
  catalog: {},
  examples: new Map(),
  /** Attached-document objects last unticked, so ticking again restores them. */
  stash: new Map(),
  checklistKey: null,
  /** JSON Pointer → the element showing it (input or anchor). */
  index: new Map(),
  /**
   * Sections of the form (ids) the user has edited or left: their findings are
   * shown; the others' wait until then, or until "validate" (`showAll`).
   */
  touched: new Set(),
  showAll: false,
  /** The form control focused last, where "back to the form" returns. */
  lastFocus: null,
  /** Whether a panel of this refresh waits for the whole API (web.js) to load. */
  waiting: false,
  /** Whether loading the whole API failed (said in the status line; not retried). */
  wholeApiFailed: false,
};

const $ = (id) => document.getElementById(id);
const s = (key, params) => t(state.lang, key, params);
const ctx = () => ({ app: state.app, lang: state.lang, s });
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// ---------------------------------------------------------------------------
// Formatting

function fmtDecimal(canonical) {
  const [int, frac] = String(canonical).split('.');
  const [group, point] = state.lang === 'en' ? [',', '.'] : ['\u00a0', ','];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return frac ? grouped + point + frac : grouped;
}

const fmtDate = (iso) => formatDate(iso, state.lang);
const quote = (text) => (state.lang === 'en' ? `“${text}”` : `«${text}»`);

/** The instant `date` on Kazakhstan's clock (UTC+5 since 1 March 2024) as ISO with offset. */
function kazakhstanIso(date) {
  return new Date(date.getTime() + 5 * 3600e3).toISOString().slice(0, 19) + '+05:00';
}

/** Now, to the minute, on Kazakhstan's clock: a submission time as the form shows it. */
const nowToTheMinute = () => kazakhstanIso(new Date(Math.floor(Date.now() / 60e3) * 60e3));

const ROMAN = { 19: 'XIX', 20: 'XX', 21: 'XXI' };

// ---------------------------------------------------------------------------
// Rendering of the form sections

/** Re-renders with `fn`, keeping the focus on the element with the same id. */
function keepFocus(fn) {
  const id = document.activeElement?.id;
  fn();
  if (id && document.activeElement?.id !== id) $(id)?.focus();
  buildIndex();
}

function buildIndex() {
  state.index.clear();
  for (const el of document.querySelectorAll('#form [data-path], #form [data-anchor]')) {
    const path = el.dataset.path ?? el.dataset.anchor;
    if (!state.index.has(path)) state.index.set(path, el);
  }
}

function options(keys, prefix, empty = s('choose')) {
  return [['', empty], ...keys.map((k) => [k, s(`${prefix}.${k}`)])];
}

function submittedField(c) {
  const v = get(state.app, '/submitted_at');
  const m = typeof v === 'string' ? v.match(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/) : null;
  const offset = m ? (m[2] === 'Z' ? '+00:00' : m[2]) : '+05:00';
  // Text in the page's format, not a native datetime-local (which follows the
  // browser's locale); text that is no date and time is kept as typed.
  const local = h('input', {
    type: 'text',
    id: 'f/submitted_at',
    class: 'date',
    'data-path': '/submitted_at',
    'data-kind': 'datetime',
    'aria-describedby': 'm/submitted_at',
    placeholder: s('dateTimePattern'),
    autocomplete: 'off',
    spellcheck: 'false',
  });
  local.value = m ? formatDateTime(m[1], state.lang) : typeof v === 'string' ? v : '';
  const zone = h('select', { id: 'f-offset', 'data-kind': 'datetime', 'aria-describedby': 'm/submitted_at' });
  const zones = ['+05:00', '+06:00'];
  if (!zones.includes(offset)) zones.push(offset);
  zone.append(...zones.map((z) => new Option(`UTC${z}`, z)));
  zone.value = offset;
  return h(
    'div',
    { class: 'field wide' },
    h('label', { for: local.id, text: s('submittedAt') }),
    h(
      'div',
      { class: 'inline' },
      local,
      h('label', { for: zone.id, class: 'sr-only', text: s('utcOffset') }),
      zone,
      button(s('now'), 'now', '/submitted_at', { 'aria-label': s('nowLabel') }),
    ),
    msgs('/submitted_at'),
  );
}

function renderCase() {
  const c = ctx();
  const service = state.app.service;
  const actions = ACTIONS[service] ?? ['issue', 'reissue', 'first', 'repeat'];
  $('case').replaceChildren(
    field(c, s('service'), { path: '/service', kind: 'select', options: options(SERVICES, 'service'), wide: true }),
    field(c, s('action'), { path: '/action', kind: 'select', options: options(actions, 'action') }),
    field(c, s('category'), { path: '/category', kind: 'select', options: options(['I', 'II', 'III', 'IV'], 'category') }),
    field(c, s('channel'), { path: '/channel', kind: 'select', options: options(['portal', 'in_person'], 'channel'), wide: true }),
    field(c, s('region'), { path: '/region', kind: 'select', options: options(REGIONS, 'region') }),
    field(c, s('edition'), { path: '/edition', kind: 'select', options: options(EDITIONS, 'edition', s('editionAuto')) }),
    submittedField(c),
    field(c, s('edsSigned'), { path: '/eds_signed', kind: 'bool' }),
  );
  const permit =
    service === 'emission_permit' || service === 'environmental_permit' || ['industrial_sites', 'air_emissions', 'discharges', 'waste', 'sulfur'].some((k) => k in state.app);
  $('sec-tables').hidden = !permit;
  $('sec-declaration').hidden = service !== 'impact_declaration' && !('declaration' in state.app);
  // The review's progress (acceptance, remarks, fixes): of an expertise, or of a
  // permit under the 2021 Code (art. 123); its days count the application's deadlines.
  const review = service === 'environmental_permit';
  $('sec-expertise').hidden = service !== 'ecological_expertise' && !review && !('expertise' in state.app);
  $('h-expertise').textContent = s(review ? 'secReview' : 'secExpertise');
}

function renderApplicant() {
  const c = ctx();
  $('applicant').replaceChildren(
    field(c, s('applicantKind'), { path: '/applicant/kind', kind: 'select', options: options(['legal_entity', 'individual'], 'kind') }),
    field(c, s('applicantName'), { path: '/applicant/name', wide: true, autocomplete: 'organization' }),
    field(
      c,
      s('iinBin'),
      { path: '/applicant/iin_bin', cls: 'iin', placeholder: s('iinBinHint'), wide: true },
      h('div', { id: 'ident', class: 'ident', 'aria-live': 'polite' }),
    ),
    field(c, s('phone'), { path: '/applicant/phone', autocomplete: 'tel' }),
    field(c, s('address'), { path: '/applicant/address', wide: true, autocomplete: 'street-address' }),
    field(c, s('objectName'), { path: '/object/name', wide: true }),
    field(c, s('hazardClass'), { path: '/object/hazard_class' }),
    field(c, s('accountNumber'), { path: '/object/account_number' }),
  );
}

function renderExpertise() {
  const c = ctx();
  $('expertise').replaceChildren(
    field(c, s('acceptedOn'), { path: '/expertise/accepted_on', kind: 'date' }),
    field(c, s('remarksSentOn'), { path: '/expertise/remarks_sent_on', kind: 'date' }),
    field(c, s('fixesSubmittedOn'), { path: '/expertise/fixes_submitted_on', kind: 'date' }),
  );
}

/** The declaration's contents (2021 Code art. 110 p. 3); its emission and waste rows are edited as JSON. */
function renderDeclaration() {
  const c = ctx();
  $('declaration').replaceChildren(
    field(c, s('legalForm'), { path: '/declaration/legal_form', wide: true }),
    field(c, s('objectDescription'), { path: '/declaration/object_description', wide: true }),
    field(c, s('mainActivity'), { path: '/declaration/main_activity', wide: true }),
    field(c, s('products'), { path: '/declaration/products', wide: true }),
    field(c, s('conclusionNumber'), { path: '/declaration/expertise_conclusion/number' }),
    field(c, s('conclusionDate'), { path: '/declaration/expertise_conclusion/issued_on', kind: 'date' }),
    h('p', { class: 'hint', 'data-anchor': '/declaration/emissions', text: s('declaredRows') }),
    msgs('/declaration/emissions'),
    msgs('/declaration/waste'),
  );
}

function renderTablesSection() {
  $('tables').replaceChildren(...renderTables(ctx()));
}

function renderStatic() {
  document.documentElement.lang = state.lang;
  document.title = s('title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = s(el.dataset.i18n);
  $('version').textContent = s('version', { v: version() });
  const example = $('example');
  const chosen = example.value;
  example.replaceChildren(
    new Option(s('exampleBlank'), ''),
    ...EXAMPLES.filter((n) => state.examples.has(n)).map((n) => {
      const a = state.examples.get(n);
      return new Option(`${s('serviceShort.' + a.service)}, ${s('category.' + a.category)} — ${s('region.' + a.region)}`, n);
    }),
  );
  example.value = chosen;
}

function renderAll() {
  keepFocus(() => {
    renderStatic();
    renderCase();
    renderApplicant();
    renderExpertise();
    renderDeclaration();
    renderTablesSection();
    state.checklistKey = null;
  });
}

// ---------------------------------------------------------------------------
// Required documents and the conditional questions

function checklistQuery() {
  const a = state.app;
  const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
  // The checklist of the edition in force at the submission time.
  const when = str(a.submitted_at);
  const facts = isObject(a.facts) ? { ...a.facts } : {};
  const kind = a.applicant?.kind;
  if (kind === 'legal_entity' || kind === 'individual') facts.applicant_is_legal_entity = kind === 'legal_entity';
  return {
    edition: str(a.edition),
    region: str(a.region),
    date: when && /^\d{4}-\d{2}-\d{2}/.test(when) ? when.slice(0, 10) : undefined,
    service: str(a.service),
    action: str(a.action),
    category: str(a.category),
    channel: str(a.channel),
    facts,
  };
}

/**
 * Why there is no checklist, from the library's findings on the query: the fields
 * not chosen yet (by the form's labels), then every other reason in its words (a
 * date out of the library's editions, a channel the edition does not offer, a
 * category that needs nothing…). Each reason is a button to its field.
 */
function checklistReasons(r) {
  const a = state.app;
  const fieldOf = (path) => (path === '/date' ? '/submitted_at' : path);
  const unset = (key) => typeof a[key] !== 'string' || a[key] === '';
  const fields = [['service', 'service'], ['action', 'action'], ['category', 'category'], ['channel', 'channel'], ['region', 'region'], ['submitted_at', 'submittedAt']];
  // A region is not needed when an edition is chosen.
  const missing = fields.filter(([key]) => unset(key) && !(key === 'region' && !unset('edition')));
  // Already said by the list of fields not chosen.
  const said = new Set(['input.missing_field', 'editions.not_selected', ...(unset('submitted_at') ? ['editions.no_date'] : [])]);
  const reason = (path, text, cls = '') =>
    h('li', { class: cls }, h('button', { type: 'button', class: 'link', 'data-action': 'goto', 'data-target': fieldOf(path), text }));
  const out = [];
  if (missing.length) {
    out.push(reason('/' + missing[0][0], s('checklistMissing', { fields: missing.map(([, label]) => quote(s(label))).join(', ') })));
  }
  for (const f of r.findings) if (!said.has(f.code)) out.push(reason(f.path, f.message, f.severity));
  return out;
}

/** The questions to show: facts deciding a document now, and answered facts that would. */
function questions(query, list) {
  const found = new Map();
  list.items.forEach((item, i) => {
    if (item.fact && !found.has(item.fact)) found.set(item.fact, { order: i, question: item.question });
  });
  for (const [id, answer] of Object.entries(state.app.facts ?? {})) {
    if (found.has(id) || typeof answer !== 'boolean') continue;
    const probe = whole().requiredDocuments({ ...query, facts: { ...query.facts, [id]: null } }, { lang: state.lang });
    const i = probe.checklist?.items.findIndex((item) => item.fact === id) ?? -1;
    if (i >= 0) found.set(id, { order: i, question: probe.checklist.items[i].question });
  }
  return [...found].sort((a, b) => a[1].order - b[1].order);
}

function questionFieldset(id, question, objects) {
  const path = join('/facts', id);
  const answer = get(state.app, path);
  const radio = (value, label, checked) => {
    const input = h('input', {
      type: 'radio',
      name: 'q-' + id,
      value,
      id: value === 'yes' ? 'f' + path : `f${path}#${value}`,
      'data-path': path,
      'data-kind': 'fact',
      'aria-describedby': 'm' + path,
    });
    input.checked = checked;
    return h('span', { class: 'radio' }, input, h('label', { for: input.id, text: label }));
  };
  return h(
    'fieldset',
    { class: `question ${objects.includes(id) ? 'object' : ''}`, 'data-anchor': path },
    h('legend', { text: question?.[state.lang] ?? id }),
    h(
      'div',
      { class: 'radios' },
      radio('yes', s('yes'), answer === true),
      radio('no', s('no'), answer === false),
      radio('none', s('unanswered'), typeof answer !== 'boolean'),
    ),
    msgs(path),
  );
}

function documentItem(item, attachedIndex) {
  const id = item.id;
  const box = h('input', { type: 'checkbox', id: 'doc:' + id, 'data-kind': 'doc', 'data-doc': id, 'aria-describedby': 'mdoc:' + id });
  box.checked = attachedIndex >= 0;
  const anchor = attachedIndex >= 0 ? join('/documents', attachedIndex) : undefined;
  const meta = [];
  if (item.status) meta.push(h('span', { class: `badge ${item.status}`, text: s('status.' + item.status) }));
  for (const a of item.attributes ?? []) meta.push(h('span', { class: 'attr', text: s('attr.' + a) }));
  let validity = null;
  if (anchor) {
    const c = ctx();
    const path = join(anchor, 'valid_until');
    validity = h('div', { class: 'validity' }, h('label', { for: 'f' + path, text: s('validUntil') }), control(c, { path, kind: 'date' }), msgs(path));
  }
  return h(
    'li',
    { class: `doc ${item.status ?? 'extra'}`, 'data-doc': id, 'data-anchor': anchor },
    h('div', { class: 'doc-head' }, box, h('label', { for: box.id, text: item.names?.[state.lang] ?? id }), validity),
    h('div', { class: 'doc-meta' }, meta, item.basis ? h('span', { class: 'basis', title: item.basis, text: s('basis', { basis: item.basis_text ?? item.basis }) }) : null),
    h('div', { class: 'msgs', id: 'mdoc:' + id }),
    anchor ? msgs(anchor) : null,
  );
}

/**
 * The whole API (web.js: checklist, identifiers, deadlines) in the page's language,
 * or null while it loads: the first call imports it, and the page is refreshed once
 * it is there. The form itself validates with the form entry alone.
 */
let wholeApi = null;
let wholeApiLoading = null;
function whole() {
  if (wholeApi?.languageLoaded(state.lang)) return wholeApi;
  state.waiting = true;
  if (!wholeApiLoading && !state.wholeApiFailed) {
    wholeApiLoading = (async () => {
      const m = wholeApi ?? (await import('./pkg/web.js'));
      if (wholeApi) await m.loadLanguage(state.lang);
      else await m.default({ lang: state.lang });
      wholeApi = m;
    })()
      .catch((e) => {
        state.wholeApiFailed = true;
        $('status').className = 'status bad';
        $('status').textContent = `kz-eco-rules: ${e.message}`;
      })
      .finally(() => {
        wholeApiLoading = null;
        schedule();
      });
  }
  return null;
}

/** A panel's placeholder while the whole API loads. */
const loadingHint = () => h('p', { class: 'hint', text: s('loadingRules') });

function renderChecklist() {
  const api = whole();
  if (!api) {
    state.checklistKey = null;
    $('documents').replaceChildren(loadingHint());
    return;
  }
  const query = checklistQuery();
  const attached = (Array.isArray(state.app.documents) ? state.app.documents : []).map((d) => (isObject(d) ? d.id : undefined));
  const key = JSON.stringify([state.lang, query, attached]);
  if (key === state.checklistKey) return;
  state.checklistKey = key;
  const r = api.requiredDocuments(query, { lang: state.lang });
  const list = r.checklist;
  keepFocus(() => {
    const out = [];
    if (!list) {
      out.push(h('p', { class: 'hint', text: s('checklistWhy') }), h('ul', { class: 'why' }, checklistReasons(r)));
    } else {
      const meta = [s('checklistEdition', { edition: s('edition.' + list.edition) })];
      if (list.derived_from) meta.push(s('derivedFrom', { source: list.derived_from_text ?? list.derived_from }));
      out.push(h('p', { class: 'list-meta', text: meta.join('; ') }));
      if (list.unverified) out.push(h('p', { class: 'note', text: s(list.derived_from ? 'unverified' : 'unverifiedLaw') }));
      if (list.venues.length) out.push(h('p', { class: 'hint', text: s('venues', { venues: list.venues.map((v) => s('venue.' + v)).join(', ') }) }));
      const qs = questions(query, list);
      if (qs.length) {
        out.push(
          h(
            'div',
            { class: 'questions', 'data-anchor': '/facts' },
            h('h3', { text: s('questions') }),
            h('p', { class: 'hint', text: s('questionsHint') }),
            list.at_least_one_of.length ? h('p', { class: 'hint', text: s('atLeastOne') }) : null,
            msgs('/facts'),
            qs.map(([id, { question }]) => questionFieldset(id, question, list.at_least_one_of)),
          ),
        );
      }
      out.push(h('h3', { text: s('attachedDocs') }));
      out.push(h('ul', { class: 'checklist' }, list.items.map((item) => documentItem(item, attached.indexOf(item.id)))));
    }
    const known = new Set(list?.items.map((i) => i.id) ?? []);
    const extra = attached.map((id, i) => [id, i]).filter(([id]) => typeof id === 'string' && !known.has(id));
    if (extra.length) {
      out.push(h('h3', { text: s('otherDocs') }));
      out.push(h('ul', { class: 'checklist' }, extra.map(([id, i]) => documentItem({ id }, i))));
    }
    $('documents').replaceChildren(h('div', { 'data-anchor': '/documents' }, msgs('/documents'), out));
  });
}

// ---------------------------------------------------------------------------
// Findings, totals, the identifier, deadlines

/** The element a finding belongs to and its message box. */
function target(f) {
  if (f.path === '/documents' && typeof f.params?.document === 'string') {
    const el = $('doc:' + f.params.document)?.closest('li');
    if (el) return { el, box: $('mdoc:' + f.params.document) };
  }
  for (let p = f.path; p !== null; p = parent(p)) {
    const el = state.index.get(p);
    if (el && el.isConnected && !el.closest('[hidden]')) return { el, box: $('m' + p) };
  }
  return null;
}

function focusTarget(tgt) {
  const el = tgt.el.matches('input, select, textarea, button') ? tgt.el : tgt.el.querySelector('input, select, textarea, button');
  (el ?? tgt.el).focus();
  (el ?? tgt.el).scrollIntoView({ block: 'center' });
}

/**
 * Whether a finding is shown yet: those of a section wait until the user has
 * edited or left a control in it, or pressed "validate"; those of no section
 * (the application as a whole) once anything is touched.
 */
function shownYet(tgt) {
  if (state.showAll) return true;
  const section = tgt?.el.closest('#form > section')?.id;
  return section ? state.touched.has(section) : state.touched.size > 0;
}

/** Date codes the library words with ISO patterns; at a date input the form names its own format. */
const DATE_CODES = new Set(['application.invalid_datetime', 'documents.invalid_date', 'sla.invalid_date']);

/** The message of `f` as shown: the library's, or at a date input the form's format hint. */
function message(f, tgt) {
  const el = tgt?.el;
  if (!DATE_CODES.has(f.code) || !el?.matches('input[data-kind="date"], input[data-kind="datetime"]')) return f.message;
  const pattern = s(el.dataset.kind === 'date' ? 'datePattern' : 'dateTimePattern');
  return s('dateUnreadable', { value: String(f.params?.value ?? el.value), pattern });
}

function showFindings(report) {
  for (const box of document.querySelectorAll('#form .msgs')) box.replaceChildren();
  for (const el of document.querySelectorAll('#form .invalid, #form .warn')) el.classList.remove('invalid', 'warn');
  for (const el of document.querySelectorAll('#form [aria-invalid]')) el.removeAttribute('aria-invalid');

  const shown = [];
  let waiting = 0;
  for (const f of report.findings) {
    const tgt = target(f);
    if (shownYet(tgt)) shown.push([f, tgt]);
    else waiting += 1;
  }
  const items = shown.map(([f, tgt], i) => {
    const text = message(f, tgt);
    if (tgt) {
      tgt.box?.append(h('div', { class: `msg ${f.severity}`, text }));
      if (f.severity !== 'info') tgt.el.classList.add(f.severity === 'error' ? 'invalid' : 'warn');
      if (f.severity === 'error' && tgt.el.matches('input, select')) tgt.el.setAttribute('aria-invalid', 'true');
    }
    const body = [
      h('span', { class: `sev ${f.severity}`, text: state.catalog['report.severity_' + f.severity] ?? f.severity }),
      h('span', { class: 'text', text }),
      f.basis_text ? h('span', { class: 'basis', title: f.basis, text: s('basis', { basis: f.basis_text }) }) : null,
      h('span', { class: 'where', text: `${f.code} · ${f.path || '/'}` }),
    ];
    const li = h('li', { class: f.severity, 'data-code': f.code, 'data-path': f.path, 'data-severity': f.severity });
    if (tgt) {
      const b = h('button', { type: 'button', class: 'finding', id: `finding:${i}:${f.code}:${f.path}` }, body);
      b.addEventListener('click', () => focusTarget(target(f) ?? tgt));
      li.append(b);
    } else {
      li.append(h('div', { class: 'finding' }, body));
    }
    return [SEVERITY_ORDER[f.severity] ?? 3, li];
  });
  const focused = document.activeElement?.id;
  $('findings').replaceChildren(...items.sort((a, b) => a[0] - b[0]).map(([, li]) => li));
  if (focused?.startsWith('finding:') && document.activeElement?.id !== focused) $(focused)?.focus();

  const c = report.counts;
  $('status').className = `status ${report.ok ? 'ok' : 'bad'}`;
  $('status').textContent = `${report.ok ? '✔' : '✖'} ${
    report.ok && c.warning + c.info === 0
      ? state.catalog['report.ok']
      : state.catalog['report.summary'].replace('{errors}', c.error).replace('{warnings}', c.warning).replace('{infos}', c.info)
  }`;
  $('bar-status').className = $('status').className;
  $('bar-status').textContent = $('status').textContent;
  $('pending').textContent = waiting ? s('pendingFindings', { n: waiting, validate: s('validate') }) : '';
  $('edition').textContent = report.edition ? s('editionUsed', { edition: s('edition.' + report.edition) }) : s('noEdition');
}

function showTotals(report) {
  for (const out of document.querySelectorAll('#form output.sum')) {
    out.textContent = '';
    out.classList.remove('partial');
  }
  for (const total of report.summary?.totals ?? []) {
    const out = $('s' + total.path);
    if (!out) continue;
    out.textContent = `Σ ${total.complete ? '=' : '≥'} ${fmtDecimal(total.value)}`;
    out.classList.toggle('partial', !total.complete);
  }
}

function showIdent() {
  const panel = $('ident');
  if (!panel) return;
  const value = get(state.app, '/applicant/iin_bin');
  if (typeof value !== 'string' || value.trim() === '') {
    panel.className = 'ident';
    panel.replaceChildren(h('span', { class: 'hint', text: s('identWaiting') }));
    return;
  }
  const api = whole();
  if (!api) {
    panel.className = 'ident';
    panel.replaceChildren(loadingHint());
    return;
  }
  const v = api.validateIdentifier(value);
  const rows = [];
  if (v.kind) rows.push([s('identKind'), s('identKind.' + v.kind)]);
  const f = v.fields;
  const cat = state.catalog;
  if ('birth_date' in f) {
    rows.push([s('birthDate'), fmtDate(f.birth_date)], [s('sex'), cat['ident.sex.' + f.sex]], [s('century'), ROMAN[f.century] ?? String(f.century)]);
  }
  if ('registered' in f) {
    const [y, m] = f.registered.split('-');
    rows.push(
      [s('registered'), state.lang === 'en' ? f.registered : `${m}.${y}`],
      [s('entityType'), cat['ident.entity_type.' + f.entity_type]],
      [s('attribute'), cat['ident.attribute.' + f.attribute]],
    );
  }
  panel.className = `ident ${v.valid ? 'valid' : 'invalid'}`;
  panel.replaceChildren(
    h('span', { class: 'ident-verdict', text: v.valid ? `✔ ${s('identValid')}` : `✖ ${s('identInvalid')}` }),
    ...(rows.length ? [h('dl', {}, rows.flatMap(([k, val]) => [h('dt', { text: k }), h('dd', { text: val })]))] : []),
  );
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A deadlines answer as rows of dates with their clauses, and its findings. */
function deadlineList(d) {
  const rows = DEADLINES.filter((k) => d[k]).flatMap((k) => [
    h('dt', { text: s(k) }),
    h('dd', {}, h('strong', { text: fmtDate(d[k]) }), d.basis[k] ? h('span', { class: 'basis', title: d.basis[k], text: d.basis_text?.[k] ?? d.basis[k] }) : null),
  ]);
  return [
    rows.length ? h('dl', { class: 'deadlines' }, rows) : null,
    d.findings.length ? h('ul', { class: 'mini' }, d.findings.map((f) => h('li', { class: f.severity, text: f.message }))) : null,
  ];
}

/**
 * The application's own deadlines: from its submission time, and the acceptance
 * and remarks days it records.
 */
function ownDeadlines(base) {
  const a = state.app;
  const at = typeof a.submitted_at === 'string' ? a.submitted_at.match(ISO_INSTANT) : null;
  if (!at) return h('p', { class: 'hint', id: 'deadlines-own', text: s('deadlinesNoDate') });
  const progress = isObject(a.expertise) ? a.expertise : {};
  const day = (v) => (typeof v === 'string' && ISO_DAY.test(v) ? v : undefined);
  const d = whole().deadlines(
    { ...base, submitted_at: a.submitted_at, accepted_on: day(progress.accepted_on), remarks_sent_on: day(progress.remarks_sent_on) },
    { lang: state.lang },
  );
  const zone = at[3] === 'Z' ? 'UTC' : `UTC${at[3]}`;
  return h('div', { id: 'deadlines-own' }, h('h3', { text: s('deadlinesOwn', { time: `${fmtDate(at[1])} ${at[2]} (${zone})` }) }), deadlineList(d));
}

/** Deadlines if the application were submitted now (today's edition first). */
function nowDeadlines(base) {
  const a = state.app;
  const now = new Date();
  const query = { ...base, submitted_at: now };
  let d = whole().deadlines(query, { lang: state.lang });
  let note = null;
  // Today's edition first. An application of another edition (an example of
  // 2019) that today's edition does not serve: its own edition's terms, said so.
  const uncovered = d.findings.find((f) => f.code === 'editions.not_covered' || f.code === 'editions.not_in_library');
  const own = a.edition || state.report?.edition;
  const fallback = own || uncovered?.params?.closest?.[0];
  if ((uncovered || (!d.decision_due && own && own !== d.edition)) && fallback) {
    d = whole().deadlines({ ...query, edition: fallback }, { lang: state.lang });
    note = s('deadlinesByEdition', { edition: s('edition.' + fallback) });
  }
  const [date, time] = kazakhstanIso(now).split('T');
  return h(
    'div',
    { id: 'deadlines-now' },
    h('h3', { text: s('deadlinesTitle') }),
    h('p', { class: 'hint', text: s('nowAt', { time: `${fmtDate(date)} ${time.slice(0, 5)} (UTC+5)` }) }),
    note ? h('p', { class: 'note', text: note }) : null,
    deadlineList(d),
  );
}

function showDeadlines() {
  const a = state.app;
  const panel = $('deadlines');
  const base = {
    service: a.service,
    action: a.action,
    category: a.category,
    channel: a.channel || undefined,
    region: a.region || undefined,
    edition: a.edition || undefined,
  };
  if (!base.service || !base.action || !base.category || !(a.region || a.edition)) {
    panel.replaceChildren(h('p', { class: 'hint', text: s('deadlinesNeed') }));
    return;
  }
  if (!whole()) {
    panel.replaceChildren(loadingHint());
    return;
  }
  panel.replaceChildren(ownDeadlines(base), nowDeadlines(base));
}

function showJson() {
  const area = $('json');
  if (!$('json-panel').open || document.activeElement === area) return;
  area.value = JSON.stringify(state.app, null, 2);
  $('json-status').textContent = '';
}

function refresh() {
  state.waiting = false;
  state.report = validateApplication(state.app, { lang: state.lang });
  // A repealed edition: the whole API checks it (until it has loaded, the form
  // entry's one finding says why there is no check yet).
  if (needsWholeApi(state.report)) {
    const api = whole();
    if (api) state.report = api.validateApplication(state.app, { lang: state.lang });
  }
  renderChecklist();
  showFindings(state.report);
  showTotals(state.report);
  showIdent();
  showDeadlines();
  showJson();
  // Ready once every panel is drawn (none waits for the whole API).
  if (!state.waiting) document.body.dataset.ready = '1';
}

let pending = false;
function schedule() {
  if (pending) return;
  pending = true;
  queueMicrotask(() => {
    pending = false;
    refresh();
  });
}

// ---------------------------------------------------------------------------
// Events

function submittedAt() {
  const text = $('f/submitted_at').value.trim();
  if (!text) return undefined;
  const local = parseDateTime(text);
  return local ? local + $('f-offset').value : text;
}

function toggleDocument(id, on) {
  const docs = Array.isArray(state.app.documents) ? state.app.documents : (state.app.documents = []);
  if (on) {
    if (!docs.some((d) => d?.id === id)) docs.push(state.stash.get(id) ?? { id });
  } else {
    const i = docs.findIndex((d) => d?.id === id);
    if (i >= 0) state.stash.set(id, docs.splice(i, 1)[0]);
  }
}

/** What an edited input stands for: [pointer, value] (`undefined` removes the key). */
function edited(el) {
  switch (el.dataset.kind) {
    case 'fact':
      return [el.dataset.path, el.value === 'none' ? undefined : el.value === 'yes'];
    case 'datetime':
      return ['/submitted_at', submittedAt()];
    default:
      return [el.dataset.path, read(el)];
  }
}

/** Marks the section of `el` touched; true when it was not yet. */
function touch(el) {
  const section = el.closest?.('#form > section');
  if (!section || state.touched.has(section.id)) return false;
  state.touched.add(section.id);
  return true;
}

function onEdit(e) {
  const el = e.target;
  const kind = el.dataset.kind;
  if (!kind) return;
  touch(el);
  let changed = true;
  if (kind === 'doc') {
    toggleDocument(el.dataset.doc, el.checked);
  } else {
    const [path, value] = edited(el);
    // A `change` after the `input` events has nothing new to write.
    changed = get(state.app, path) !== value;
    if (changed) set(state.app, path, value);
  }
  if (e.type === 'change' && el.dataset.path === '/service') {
    const fits = ACTIONS[state.app.service];
    if (fits && !fits.includes(state.app.action)) state.app.action = fits[0];
    keepFocus(renderCase);
    changed = true;
  }
  if (e.type === 'change' && /^\/(air_emissions|discharges|waste|sulfur)\/years\/\d+\/year$/.test(el.dataset.path ?? '')) {
    // The year is part of every cell's label. A `change` fires as the focus leaves:
    // re-render once it has landed, so it stays where it went.
    setTimeout(() => {
      keepFocus(renderTablesSection);
      refresh();
    });
  }
  if (changed) schedule();
}

function firstYear() {
  const y = Number(String(state.app.submitted_at ?? '').slice(0, 4));
  return (Number.isInteger(y) && y > 1999 ? y : new Date().getFullYear()) + 1;
}

function onClick(e) {
  const b = e.target.closest('button[data-action]');
  if (!b) return;
  const { action, target: path, template } = b.dataset;
  if (action === 'goto') {
    const el = $('f' + path) ?? state.index.get(path);
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
    return;
  }
  let focus = null;
  if (action === 'now') {
    state.app.submitted_at = nowToTheMinute();
    keepFocus(renderCase);
  } else if (action === 'add') {
    const list = Array.isArray(get(state.app, path)) ? get(state.app, path) : [];
    set(state.app, path, [...list, newItem(state.app, template, list, firstYear())]);
    const added = join(path, list.length);
    focus = () => [...document.querySelectorAll('#tables [data-path]')].find((x) => x.dataset.path.startsWith(added + '/'));
  } else if (action === 'remove') {
    set(state.app, path, undefined);
    focus = () => $(`b:add:${parent(path)}`) ?? $('h-tables');
  } else if (action === 'fill') {
    for (const total of state.report?.summary?.totals ?? []) {
      if (total.path.startsWith(path + '/')) set(state.app, total.path, total.value);
    }
  }
  if (action !== 'now') {
    keepFocus(renderTablesSection);
    focus?.()?.focus();
  }
  schedule();
}

function loadExample(name) {
  // A field still focused commits its edit (its `change`) to the application it
  // was typed into, not to the one loaded now.
  if ($('form').contains(document.activeElement)) document.activeElement.blur();
  // A blank form is filed now: its edition is the one in force today. Its
  // findings wait for the user; an example's are shown at once.
  state.app = name && state.examples.has(name) ? structuredClone(state.examples.get(name)) : { submitted_at: nowToTheMinute() };
  state.stash.clear();
  state.touched.clear();
  state.showAll = Boolean(name);
  renderAll();
  refresh();
}

async function setLang(lang) {
  // The language's pack, once (kz_eco_rules.<lang>.pack), in each module loaded.
  await Promise.all([loadLanguage(lang), wholeApi?.loadLanguage(lang)]);
  state.lang = lang;
  state.catalog = messages(lang);
  renderAll();
  refresh();
}

async function main() {
  await init();
  const form = $('form');
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);
  form.addEventListener('click', onClick);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('lang').addEventListener('change', (e) => setLang(e.target.value));
  $('example').addEventListener('change', (e) => loadExample(e.target.value));
  // A section is touched when a control in it is edited (onEdit) or left.
  form.addEventListener('focusout', (e) => {
    if (touch(e.target)) schedule();
  });
  form.addEventListener('focusin', (e) => {
    if (!e.target.id) return;
    state.lastFocus = e.target.id;
    $('back').hidden = false;
  });
  $('validate').addEventListener('click', () => {
    state.showAll = true;
    refresh();
    $('summary').focus();
  });
  // The summary is one jump away (the skip link, the bar at the foot of a narrow
  // screen), and "back" returns to the control the user was on.
  for (const link of [document.querySelector('.skip'), $('bar-link')]) {
    link.addEventListener('click', (e) => {
      e.preventDefault();
      $('summary').focus({ preventScroll: true });
      $('summary').scrollIntoView({ block: 'start' });
    });
  }
  $('back').addEventListener('click', () => {
    const el = state.lastFocus && $(state.lastFocus);
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center' });
  });
  $('json-panel').addEventListener('toggle', showJson);
  $('json').addEventListener('input', (e) => {
    try {
      const app = JSON.parse(e.target.value);
      if (!isObject(app)) throw new TypeError('not an object');
      state.app = app;
      state.showAll = true;
      renderAll();
      refresh();
    } catch {
      $('json-status').textContent = s('jsonInvalid');
    }
  });
  const loaded = await Promise.all(EXAMPLES.map((n) => fetch(`./examples/${n}.json`).then((r) => (r.ok ? r.json() : null))));
  EXAMPLES.forEach((n, i) => loaded[i] && state.examples.set(n, loaded[i]));
  state.lang = LANGS.includes($('lang').value) ? $('lang').value : 'ru';
  await loadLanguage(state.lang);
  state.catalog = messages(state.lang);
  renderStatic();
  $('example').value = 'environmental_permit_II';
  loadExample('environmental_permit_II');
  setInterval(showDeadlines, 30000);
}

main().catch((e) => {
  $('status').className = 'status bad';
  $('status').textContent = `kz-eco-rules: ${e.message}`;
  throw e;
});
