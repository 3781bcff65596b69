// The demo portal form end to end, in real headless Chromium (Debian's, driven by
// playwright-core), served with the Content-Security-Policy a portal sends. Any
// console error or warning (CSP violations included) or uncaught exception fails a
// test. Screenshots: test-output/demo-form-findings.png (the two findings, in
// Kazakh) and test-output/demo-form.png (fixed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, close } from './browser.mjs';
import { STRINGS } from '../../www/strings.js';

/** The library's own text of a message code (data/messages/<file>.json), in `lang`. */
const catalog = (file, code, lang) =>
  JSON.parse(fs.readFileSync(`data/messages/${file}.json`, 'utf8'))[code][lang];
/** The library's name of a term (data/messages/terms.json), e.g. a channel, in `lang`. */
const term = (group, id, lang) =>
  JSON.parse(fs.readFileSync('data/messages/terms.json', 'utf8'))[group][id][lang];
/** A catalog text with its plain `{param}`s put in. */
const fill = (text, params) => text.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));

const EXAMPLES = [
  'environmental_permit_II', 'impact_declaration_III', 'expertise_2021_III',
  'permit_II', 'permit_III', 'permit_IV', 'expertise_II', 'expertise_III', 'expertise_IV',
];

let srv;
let browser;
before(async () => {
  ({ srv, browser } = await launch());
});
after(() => close({ srv, browser }));

/**
 * A page of the form in a browser of `locale`, ready, collecting console errors, CSP
 * violations and uncaught exceptions.
 */
async function open(locale = 'ru-RU') {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`); });
  await page.goto(srv.url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  return { page, errors };
}

/** The input bound to a JSON Pointer. */
const input = (page, pointer) => page.locator(`[id="f${pointer}"]`);

/** The findings listed in the summary: [code, path, severity, message]. */
const findings = (page) =>
  page.locator('#findings li').evaluateAll((items) =>
    items.map((li) => [li.dataset.code, li.dataset.path, li.dataset.severity, li.querySelector('.text').textContent]));

/** The messages shown next to the input of `pointer`. */
const cellMessages = (page, pointer) => page.locator(`[id="m${pointer}"] .msg`).allTextContents();

const TOTAL = '/air_emissions/years/0/total/requested/t_per_year';
const IIN = '/applicant/iin_bin';

test('a category II permit application typed into the form: exactly its two errors, in ru and kk, then fixed', async () => {
  const { page, errors } = await open();
  await page.selectOption('#example', '');
  assert.deepEqual(await findings(page), [], 'a blank form shows no finding yet');
  await page.click('#validate');
  assert.ok((await findings(page)).some(([code]) => code === 'input.missing_field'), 'a blank form is incomplete');

  // 1. The service.
  await input(page, '/service').selectOption('emission_permit');
  assert.equal(await input(page, '/action').inputValue(), 'issue');
  await input(page, '/category').selectOption('II');
  await input(page, '/channel').selectOption('portal');
  await input(page, '/region').selectOption('almaty_city');
  await input(page, '/submitted_at').fill('04.11.2019 10:15');
  await page.selectOption('#f-offset', '+06:00');
  await input(page, '/eds_signed').check();

  // 2. The applicant, with a ИИН/БИН whose check digit is wrong (…38 is right).
  await input(page, '/applicant/kind').selectOption('legal_entity');
  await input(page, '/applicant/name').fill('ТОО «Алатау Цемент»');
  await input(page, IIN).fill('081240001239');
  assert.match(await page.locator('#ident').textContent(), /Номер неверен/);

  // 3. Documents: the checklist of the case, every required one ticked.
  const required = page.locator('li.doc.required input[type=checkbox]');
  assert.equal(await required.count(), 5);
  // Each basis and the list's source cited in the page's language, not in the machine form.
  assert.match(await page.locator('#documents').textContent(), /Основание: пп\. 4, 9\.5 Регламента государственной услуги .*\(перечень документов — п\. 11\.2\.1 Регламента/);
  assert.match(await page.locator('#documents .list-meta').textContent(), /Источник перечня: п\. 11\.2\.1 Регламента государственной услуги «Выдача разрешений на эмиссии/);
  assert.doesNotMatch(await page.locator('#documents').textContent(), /almaty_/);
  for (let i = 0; i < 5; i += 1) await required.nth(i).check();

  // 4. Table 1: one site.
  await page.click('button[data-action="add"][data-target="/industrial_sites"]');
  assert.equal(await input(page, '/industrial_sites/0/number').inputValue(), '1');
  await input(page, '/industrial_sites/0/name').fill('Основная промышленная площадка');
  for (const [axis, dms] of [['latitude', ['43', '21', '35,2']], ['longitude', ['76', '57', '48,9']]]) {
    for (const [i, unit] of ['deg', 'min', 'sec'].entries()) await input(page, `/industrial_sites/0/${axis}/${unit}`).fill(dms[i]);
  }
  await input(page, '/industrial_sites/0/area_ha').fill('42,5');

  // 5. Table 2, one year: site 1 with two substances, its row and the year's total,
  //    one total mistyped (76,47 for 76,74).
  await page.click('button[data-action="add"][data-target="/air_emissions/years"]');
  assert.equal(await input(page, '/air_emissions/years/0/year').inputValue(), '2020');
  const site = '/air_emissions/years/0/sites/0';
  assert.equal(await input(page, `${site}/site`).inputValue(), '1');
  await page.click(`button[data-action="add"][data-target="${site}/substances"]`);
  const rows = [['0301', 'Азота диоксид', '1,25', '28,41'], ['0337', 'Углерод оксид', '2,13', '48,33']];
  for (const [i, [code, name, gs, ty]] of rows.entries()) {
    const r = `${site}/substances/${i}`;
    await input(page, `${r}/code`).fill(code);
    await input(page, `${r}/name`).fill(name);
    for (const g of ['normative', 'requested']) {
      await input(page, `${r}/${g}/g_per_s`).fill(gs);
      await input(page, `${r}/${g}/t_per_year`).fill(ty);
    }
  }
  // The recomputed sums appear beside the total cells as the rows are typed.
  assert.equal(await page.locator(`[id="s${site}/subtotal/requested/t_per_year"]`).textContent(), 'Σ = 76,74');
  for (const row of [`${site}/subtotal`, '/air_emissions/years/0/total']) {
    for (const g of ['normative', 'requested']) {
      await input(page, `${row}/${g}/g_per_s`).fill('3,38');
      await input(page, `${row}/${g}/t_per_year`).fill('76,74');
    }
  }
  await input(page, TOTAL).fill('76,47');

  // Exactly those two findings, in Russian, at the inputs they name.
  // Their texts are the catalog's, numbers written the page language's way.
  const sum = (lang) => fill(catalog('emissions', 'emissions.sum_mismatch', lang), { declared: '76,47', expected: '76,74' });
  const check = (lang) => fill(catalog('ident', 'ident.checksum_mismatch', lang), { expected: 8, actual: 9 });
  const [sumRu, checkRu, sumKk, checkKk] = [sum('ru'), check('ru'), sum('kk'), check('kk')];
  const ru = await findings(page);
  assert.deepEqual(ru.map(([code, p, sev]) => [code, p, sev]).sort(), [
    ['emissions.sum_mismatch', TOTAL, 'error'],
    ['ident.checksum_mismatch', IIN, 'error'],
  ]);
  const byCode = (list, code) => list.find(([c]) => c === code)[3];
  assert.equal(byCode(ru, 'emissions.sum_mismatch'), sumRu);
  assert.equal(byCode(ru, 'ident.checksum_mismatch'), checkRu);
  assert.deepEqual(await cellMessages(page, TOTAL), [sumRu]);
  assert.deepEqual(await cellMessages(page, IIN), [checkRu]);
  assert.equal(await input(page, TOTAL).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator(`[id="s${TOTAL}"]`).textContent(), 'Σ = 76,74');
  assert.equal(await page.locator('#status').textContent(),
    `✖ ${fill(catalog('report', 'report.summary', 'ru'), { errors: 2, warnings: 0, infos: 0 })}`);

  // The same findings in Kazakh, and the form's own labels too.
  await page.selectOption('#lang', 'kk');
  // The Kazakh texts are fetched on the first switch (kz_eco_rules.kk.pack).
  await page.waitForFunction(() => document.documentElement.lang === 'kk');
  const kk = await findings(page);
  assert.deepEqual(kk.map(([code, p]) => [code, p]).sort(), ru.map(([code, p]) => [code, p]).sort());
  assert.equal(byCode(kk, 'emissions.sum_mismatch'), sumKk);
  assert.equal(byCode(kk, 'ident.checksum_mismatch'), checkKk);
  assert.deepEqual(await cellMessages(page, TOTAL), [sumKk]);
  assert.equal(await page.getAttribute('html', 'lang'), 'kk');
  assert.equal(await page.textContent('#summary'), 'Тексеру нәтижесі');
  assert.equal(await page.textContent('#h-case'), '1. Қызмет');
  assert.equal(await page.textContent(`label[for="f${IIN}"]`), 'ЖСН / БСН');
  assert.equal(await input(page, '/air_emissions/years/0/total/requested/t_per_year').inputValue(), '76,47', 'switching language keeps the data');

  fs.mkdirSync('test-output', { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-output/demo-form-findings.png', fullPage: true });

  // A finding in the summary takes the keyboard focus to its input.
  await page.locator('#findings li[data-code="emissions.sum_mismatch"] button').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), `f${TOTAL}`);

  // Fixed: no finding at all.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('76,74');
  await input(page, IIN).fill('081240001238');
  assert.deepEqual(await findings(page), []);
  assert.equal(await page.textContent('#status'), '✔ Қателер табылған жоқ.');
  assert.match(await page.locator('#ident').textContent(), /Нөмір дұрыс.*БСН.*12\.2008.*резидент заңды тұлға.*бас бөлімше/);
  assert.equal(await input(page, TOTAL).getAttribute('aria-invalid'), null);
  assert.deepEqual(await cellMessages(page, TOTAL), []);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-output/demo-form.png', fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('every example loads into the form unchanged and passes; every input has a label; pasted JSON of any shape is reported, not fatal', async () => {
  const { page, errors } = await open();
  await page.locator('#json-panel summary').click();
  for (const name of EXAMPLES) {
    await page.selectOption('#example', name);
    const shown = JSON.parse(await page.inputValue('#json'));
    assert.deepEqual(shown, JSON.parse(fs.readFileSync(`examples/${name}.json`, 'utf8')), name);
    const errorsFound = (await findings(page)).filter(([, , sev]) => sev === 'error');
    assert.deepEqual(errorsFound, [], name);
    assert.match(await page.textContent('#status'), /^✔/, name);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => !el.closest('[hidden]') && el.labels.length === 0)
        .map((el) => el.id || el.outerHTML));
    assert.deepEqual(unlabelled, [], name);
  }
  // Pasted JSON of the wrong shape: the library reports it, the form does not break.
  const odd = {
    service: 'emission_permit', category: 5, applicant: 'ТОО', facts: [true], documents: 'all',
    industrial_sites: { number: 1 }, air_emissions: { years: { year: 2020 } }, waste: { years: [{ year: '20x', items: 'none' }] },
  };
  await page.fill('#json', JSON.stringify(odd));
  const wrong = (await findings(page)).filter(([code]) => code === 'input.wrong_type').map(([, p]) => p).sort();
  assert.deepEqual(wrong, ['/air_emissions/years', '/applicant', '/category', '/documents', '/facts', '/industrial_sites', '/waste/years/0/items', '/waste/years/0/year']);
  assert.equal(await page.locator('[id="m/category"] .msg.error').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('conditional questions feed the facts and the checklist; deadlines for "now"', async () => {
  const { page, errors } = await open();
  await page.selectOption('#example', 'expertise_II');
  const zone = '/facts/in_water_protection_zone';
  const legend = await page.locator(`fieldset[data-anchor="${zone}"] legend`).textContent();
  assert.equal(legend, 'Размещается ли объект или осуществляется ли деятельность в водоохранной зоне?');
  assert.equal(await page.isChecked(`[id="f${zone}#no"]`), true);

  // "Yes": the basin inspection's approval becomes required, and is missing.
  await page.check(`[id="f${zone}"]`);
  const missing = page.locator('#findings li[data-code="documents.missing"]');
  assert.equal(await missing.count(), 1);
  assert.match(await missing.textContent(), /бассейнов/);
  const box = page.locator('[id="doc:approval_basin_water_inspection"]');
  assert.equal(await page.locator('li[data-doc="approval_basin_water_inspection"] .badge').textContent(), STRINGS.ru['status.required']);
  assert.match(await page.locator('[id="mdoc:approval_basin_water_inspection"]').textContent(), /Не приложен обязательный документ/);
  // No answer: the question is asked (a warning at it) and the document depends on it.
  await page.check(`[id="f${zone}#none"]`);
  assert.equal(await page.locator(`#findings li[data-code="documents.fact_unanswered"][data-path="${zone}"]`).count(), 1);
  assert.equal(await page.locator(`[id="m${zone}"] .msg.warning`).count(), 1);
  assert.equal(await page.locator('li[data-doc="approval_basin_water_inspection"] .badge').textContent(), STRINGS.ru['status.conditional']);
  // "Yes" again, and ticking the document attaches it: no error left.
  await page.check(`[id="f${zone}"]`);
  await box.check();
  assert.equal(await missing.count(), 0);
  assert.deepEqual((await findings(page)).filter(([, , sev]) => sev === 'error'), []);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'doc:approval_basin_water_inspection');

  // Deadlines if submitted now: registration and decision, each with its clause.
  const panel = await page.locator('#deadlines').textContent();
  assert.match(panel, /Регистрация\d{2}\.\d{2}\.\d{4}пп\. 5\.1, 8\.1 Регламента государственной услуги/);
  assert.match(panel, /Результат услуги/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard: skip link, tab order, visible focus, a finding opened with Enter', async () => {
  const { page, errors } = await open();
  const active = () => page.evaluate(() => document.activeElement.id || document.activeElement.className);
  const outline = () => page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  await page.keyboard.press('Tab');
  assert.equal(await active(), 'skip');
  for (const id of ['lang', 'example', 'f/service', 'f/action', 'f/category']) {
    await page.keyboard.press('Tab');
    assert.equal(await active(), id);
    assert.equal(await outline(), 'solid', `${id} shows its focus`);
  }
  // Rows are added and removed from the keyboard; the focus follows.
  const subs = '/air_emissions/years/0/sites/0/substances';
  await page.locator(`[id="b:add:${subs}"]`).focus();
  await page.keyboard.press('Enter');
  assert.equal(await active(), `f${subs}/5/code`);
  assert.equal(await page.locator(`[id="f${subs}/5/name"]`).count(), 1);
  await page.locator(`[id="b:remove:${subs}/5"]`).focus();
  await page.keyboard.press('Enter');
  assert.equal(await active(), `b:add:${subs}`);
  assert.equal(await page.locator(`[id="f${subs}/5/name"]`).count(), 0);
  // Changing a year re-labels its block once the focus has moved on.
  await input(page, '/air_emissions/years/1/year').fill('2022');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelectorAll('.year-title')[1]?.textContent === 'На 2022 год');
  assert.equal(await active(), 'b:fill:/air_emissions/years/1');

  await input(page, IIN).fill('081240001239');
  await page.locator('#findings li[data-code="ident.checksum_mismatch"] button').focus();
  await page.keyboard.press('Enter');
  assert.equal(await active(), `f${IIN}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('filled today: the Ecological Code of 2021, its checklist (art. 122 p. 2) and deadlines (art. 123)', async () => {
  const { page, errors } = await open();
  await page.selectOption('#example', '');
  assert.match(await input(page, '/submitted_at').inputValue(), /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/, 'a blank form is filed now');
  await input(page, '/service').selectOption('environmental_permit');
  assert.equal(await input(page, '/action').inputValue(), 'issue');
  await input(page, '/category').selectOption('II');
  await input(page, '/channel').selectOption('portal');
  await input(page, '/region').selectOption('almaty_city');
  await page.click('button[data-action="now"]');

  assert.match(await page.locator('#documents .list-meta').textContent(), /Экологический кодекс Республики Казахстан 2021 г\./);
  assert.equal(await page.locator('li.doc.required').count(), 5);
  assert.equal(await page.locator('li.doc.conditional').count(), 4);
  assert.match(await page.locator('#documents').textContent(), /подп\. 8\) п\. 2 ст\. 122 Экологического кодекса РК/);
  const panel = await page.locator('#deadlines').textContent();
  assert.match(panel, /п\. 2 ст\. 123 Экологического кодекса РК/);
  assert.ok(!(await findings(page)).some(([code]) => code.startsWith('editions.')), 'no edition finding today');

  await input(page, '/channel').selectOption('in_person');
  assert.ok((await findings(page)).some(([code, p]) => code === 'editions.channel_not_offered' && p === '/channel'));
  await input(page, '/channel').selectOption('portal');
  await input(page, '/category').selectOption('IV');
  const info = (await findings(page)).find(([code]) => code === 'editions.nothing_required');
  assert.equal(info?.[2], 'info');
  assert.deepEqual(errors, []);
  await page.close();
});

/** Horizontal overflow of the page, and the summary heading's place in the viewport. */
const layout = (page) =>
  page.evaluate(() => {
    const box = document.getElementById('summary').getBoundingClientRect();
    return {
      scrollWidth: document.scrollingElement.scrollWidth,
      innerWidth,
      summaryInView: box.top >= 0 && box.bottom <= innerHeight,
    };
  });

test('phones and desktops: no sideways page scroll in kk, ru and en; the summary one jump away and back; tables scroll in their box', async () => {
  const { page, errors } = await open();
  fs.mkdirSync('test-output', { recursive: true });
  // Both examples with tables (the 2021 one also with dated documents), in every
  // language at both sizes: each language switch keeps one, then the other is loaded.
  let example = 'environmental_permit_II';
  for (const [width, height] of [[390, 844], [1280, 900]]) {
    await page.setViewportSize({ width, height });
    for (const lang of ['kk', 'ru', 'en']) {
      const where = `${width} px, ${lang}`;
      await page.selectOption('#lang', lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang); // its pack is fetched on the first switch
      for (const step of ['kept', 'loaded']) {
        if (step === 'loaded') {
          example = example === 'permit_II' ? 'environmental_permit_II' : 'permit_II';
          await page.selectOption('#example', example);
        }
        const { scrollWidth, innerWidth } = await layout(page);
        assert.ok(scrollWidth <= innerWidth, `${where}, ${example}: the page is ${scrollWidth} px wide in a ${innerWidth} px window`);
        if (step === 'loaded') continue;
        // The summary is reachable from the middle of the form, and the way back too.
        await input(page, TOTAL).focus();
        assert.equal((await layout(page)).summaryInView, width > 1200, `${where}: the summary is in view beside the form on a wide screen only`);
        if (width < 1200 || lang === 'ru') await page.screenshot({ path: `test-output/demo-form-${width}-${lang}.png` });
        if (width < 1200) {
          const bar = await page.locator('#bar-link').boundingBox();
          assert.ok(bar && bar.y >= 0 && bar.y + bar.height <= height, `${where}: the bar is in view`);
          assert.match(await page.locator('#bar-status').textContent(), /^✔/);
          const cut = await page.locator('#bar-status').evaluate((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight);
          assert.equal(cut, false, `${where}: the bar's status is shown whole`);
          await page.click('#bar-link');
        } else {
          assert.equal(await page.locator('#bar-link').isVisible(), false);
          await page.locator('.skip').focus();
          await page.keyboard.press('Enter');
        }
        assert.equal(await page.evaluate(() => document.activeElement.id), 'summary');
        assert.ok((await layout(page)).summaryInView, `${where}: the jump shows the summary`);
        await page.click('#back');
        assert.equal(await page.evaluate(() => document.activeElement.id), `f${TOTAL}`, 'back to the field');
      }
    }
  }

  // A table scrolled to its far end inside its own box: the row's label column stays in view.
  await page.setViewportSize({ width: 390, height: 844 });
  const label = await page.evaluate((pointer) => {
    const first = document.getElementById('f' + pointer);
    const box = first.closest('.scroll');
    first.scrollIntoView({ block: 'center' });
    box.scrollLeft = box.scrollWidth;
    const r = first.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { scrolled: box.scrollLeft > 0, inBox: r.left >= box.getBoundingClientRect().left, hit: hit === first };
  }, '/air_emissions/years/0/sites/0/substances/0/code');
  assert.deepEqual(label, { scrolled: true, inBox: true, hit: true });

  // Every control shows its focus and is not hidden under a sticky column or the bar when focused.
  await page.keyboard.press('Tab');
  const hidden = await page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll('input, select, textarea, button, a[href], summary')) {
      if (el.closest('[hidden], details:not([open]) > :not(summary)') || el.getClientRects().length === 0) continue;
      el.focus();
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const seen = hit === el || el.contains(hit) || (hit && [...(el.labels ?? [])].includes(hit));
      if (document.activeElement !== el || !el.matches(':focus-visible') || getComputedStyle(el).outlineStyle === 'none' || !seen) {
        bad.push(el.id || el.className || el.outerHTML.slice(0, 60));
      }
    }
    return bad;
  });
  assert.deepEqual(hidden, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a form that guides: findings wait for their section, the checklist says why it is empty, dates in the page language, the application’s own deadlines', async () => {
  // An English browser: the Russian page's dates are still written the Russian way.
  const { page, errors } = await open('en-US');
  await page.selectOption('#example', '');
  // Nothing touched: no finding shown, but the summary says how many wait.
  assert.deepEqual(await findings(page), []);
  assert.match(await page.locator('#pending').textContent(), /пока не показаны \(\d+\); чтобы увидеть все, нажмите «Проверить»/);
  const why = () => page.locator('#documents .why li').allTextContents();
  assert.deepEqual(await why(), ['Не выбрано: «Услуга», «Действие», «Категория объекта», «Способ подачи», «Регион».']);

  // The service section touched: its findings show, the applicant's still wait.
  await input(page, '/service').selectOption('environmental_permit');
  await input(page, '/category').selectOption('II');
  await input(page, '/region').selectOption('almaty_city');
  assert.deepEqual(await why(), ['Не выбрано: «Способ подачи».']);
  assert.ok((await findings(page)).some(([code, p]) => code === 'input.missing_field' && p === '/channel'));
  assert.ok(!(await findings(page)).some(([, p]) => p.startsWith('/applicant')));
  // The real reason the list is empty, in the library's words (channels by their
  // names, not their ids), one click from its field.
  await input(page, '/channel').selectOption('in_person');
  assert.deepEqual(await why(), [
    fill(catalog('editions', 'editions.channel_not_offered', 'ru'), {
      edition: 'Экологический кодекс Республики Казахстан 2021 г.',
      channel: term('channel', 'in_person', 'ru'),
      allowed: term('channel', 'portal', 'ru'),
    }),
  ]);
  await page.click('#documents .why button');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f/channel');
  await input(page, '/channel').selectOption('portal');
  assert.equal(await page.locator('#documents .why').count(), 0);
  assert.equal(await page.locator('li.doc.required').count(), 5);
  // A date of no edition in the library: the checklist says so.
  await input(page, '/submitted_at').fill('04.11.2015 10:15');
  assert.match((await why()).join(' '), /На дату 04\.11\.2015 в регионе «город Алматы» применялись/);

  // Leaving a field of the applicant section shows its findings; "validate" shows all.
  await input(page, '/applicant/name').focus();
  await page.keyboard.press('Tab');
  assert.ok((await findings(page)).some(([, p]) => p.startsWith('/applicant')));
  await page.click('#validate');
  assert.equal(await page.locator('#pending').textContent(), '');

  // Dates typed and shown in the page's language; a date that is none is named in its format.
  await input(page, '/submitted_at').fill('31.02.2025 10:00');
  assert.equal((await cellMessages(page, '/submitted_at'))[0], 'Дата «31.02.2025 10:00» не распознана: укажите её в формате ДД.ММ.ГГГГ чч:мм.');
  assert.equal(await input(page, '/submitted_at').getAttribute('placeholder'), 'ДД.ММ.ГГГГ чч:мм');
  await input(page, '/submitted_at').fill('05.03.2025 17:45');
  assert.deepEqual(await cellMessages(page, '/submitted_at'), []);
  await page.selectOption('#lang', 'en');
  await page.waitForFunction((l) => document.documentElement.lang === l, 'en'); // its pack is fetched on the first switch
  assert.equal(await input(page, '/submitted_at').inputValue(), '2025-03-05 17:45');
  await page.selectOption('#lang', 'kk');
  await page.waitForFunction((l) => document.documentElement.lang === l, 'kk'); // its pack is fetched on the first switch
  assert.equal(await input(page, '/submitted_at').inputValue(), '05.03.2025 17:45');
  assert.equal(await input(page, '/submitted_at').getAttribute('placeholder'), 'КК.АА.ЖЖЖЖ сс:мм');
  await page.selectOption('#lang', 'ru');
  await page.waitForFunction((l) => document.documentElement.lang === l, 'ru'); // its pack is fetched on the first switch

  // The deadlines of the application itself, apart from "if I submit now".
  assert.match(await page.locator('#deadlines-own').textContent(), /^По этому заявлению \(подано 05\.03\.2025 17:45 \(UTC\+05:00\)\)Регистрация05\.03\.2025/);
  assert.match(await page.locator('#deadlines-now').textContent(), /^Сроки, если подать сейчас/);
  // A permit of the 2021 Code: its review's days count too (art. 123).
  await page.selectOption('#example', 'environmental_permit_II');
  assert.equal(await page.textContent('#h-expertise'), '5. Ход рассмотрения заявления');
  assert.match(await page.locator('#deadlines-own').textContent(), /подано 17\.03\.2026 10:15.*Замечания экспертизы — не позднее15\.04\.2026/);
  await input(page, '/expertise/accepted_on').fill('18.03.2026');
  assert.match(await page.locator('#deadlines-own').textContent(), /Замечания экспертизы — не позднее13\.04\.2026/, 'from the acceptance day');
  await page.selectOption('#example', 'expertise_2021_III');
  const own = () => page.locator('#deadlines-own').textContent();
  assert.match(await own(), /подано 10\.02\.2026 09:30.*Замечания экспертизы — не позднее24\.02\.2026/);
  await input(page, '/expertise/accepted_on').fill('11.02.2026');
  assert.match(await own(), /Замечания экспертизы — не позднее20\.02\.2026/, 'the remarks period runs from the acceptance day');
  assert.deepEqual(errors, []);
  await page.close();
});

test('ИИН/БИН panel: a number that cannot be read says so, never "null"', async () => {
  const { page, errors } = await open();
  for (const value of ['0812 4000 1238', '08124000123', '０８１２４０００１２３８', 'abc']) {
    await input(page, IIN).fill(value);
    const text = await page.locator('#ident').textContent();
    assert.match(text, /^✖ Номер неверен/, value);
    assert.ok(!text.includes('null'), `${value}: ${text}`);
  }
  await input(page, IIN).fill('081240001238');
  assert.match(await page.locator('#ident').textContent(), /^✔ Номер верен/);
  assert.deepEqual(errors, []);
  await page.close();
});
