// The page every recipe builds: the package as a portal's bundle uses it — init with
// one language, a half-filled application validated, a second language loaded on
// demand. The result goes into #out for the test (tests/js/bundlers.test.mjs).
import init, { validateApplication, loadLanguage } from 'kz-eco-rules';

const out = document.getElementById('out');
try {
  await init({ lang: 'kk' });
  const draft = { service: 'emission_permit', applicant: { iin_bin: '081240001239' } };
  const kk = validateApplication(draft, { lang: 'kk' });
  await loadLanguage('en');
  const en = validateApplication(draft, { lang: 'en' });
  const message = (r) => r.findings.find((f) => f.code === 'ident.checksum_mismatch')?.message;
  out.textContent = JSON.stringify({ ok: kk.ok, findings: kk.findings.length, kk: message(kk), en: message(en) });
} catch (e) {
  out.textContent = JSON.stringify({ error: String(e) });
}
