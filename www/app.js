// Demo: validates the application JSON as it is typed, in the chosen language.
import init, { validateApplication } from './pkg/web.js';

const EXAMPLES = ['permit_II', 'permit_III', 'permit_IV', 'expertise_II', 'expertise_III', 'expertise_IV'];
const UI = {
  kk: { title: 'Өтінішті тексеру', lang: 'Тіл', example: 'Мысал', app: 'Өтініш (JSON)' },
  ru: { title: 'Проверка заявления', lang: 'Язык', example: 'Пример', app: 'Заявление (JSON)' },
  en: { title: 'Application check', lang: 'Language', example: 'Example', app: 'Application (JSON)' },
};
const $ = (id) => document.getElementById(id);

function render() {
  const lang = $('lang').value;
  document.documentElement.lang = lang;
  $('title').textContent = UI[lang].title;
  $('lang-label').textContent = UI[lang].lang;
  $('example-label').textContent = UI[lang].example;
  $('app-label').textContent = UI[lang].app;
  const report = validateApplication($('app').value, { lang });
  const counts = report.counts;
  $('summary').textContent = `${report.ok ? '✔' : '✖'} ${counts.error} / ${counts.warning} / ${counts.info}`;
  $('findings').replaceChildren(...report.findings.map((f) => {
    const li = document.createElement('li');
    li.className = f.severity;
    li.dataset.code = f.code;
    const msg = document.createElement('div');
    msg.textContent = f.message;
    const where = document.createElement('div');
    where.className = 'path';
    where.textContent = `${f.path || '/'} · ${f.code}`;
    li.append(msg, where);
    if (f.basis) {
      const basis = document.createElement('div');
      basis.className = 'basis';
      basis.textContent = f.basis;
      li.append(basis);
    }
    return li;
  }));
}

async function loadExample(name) {
  const res = await fetch(`./examples/${name}.json`);
  $('app').value = await res.text();
  render();
}

await init();
$('example').replaceChildren(...EXAMPLES.map((n) => new Option(n, n)));
$('example').addEventListener('change', (e) => loadExample(e.target.value));
$('lang').addEventListener('change', render);
$('app').addEventListener('input', render);
await loadExample(EXAMPLES[0]);
document.body.dataset.ready = '1';
