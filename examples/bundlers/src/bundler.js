// The page through the `kz-eco-rules/bundler` entry: the module is initialised at
// import (top-level await, Russian loaded), so there is no init call.
import { validateApplication, loadLanguage } from 'kz-eco-rules/bundler';

const out = document.getElementById('out');
try {
  const draft = { service: 'emission_permit', applicant: { iin_bin: '081240001239' } };
  await loadLanguage('kk');
  const kk = validateApplication(draft, { lang: 'kk' });
  const ru = validateApplication(draft);
  const message = (r) => r.findings.find((f) => f.code === 'ident.checksum_mismatch')?.message;
  out.textContent = JSON.stringify({ ok: kk.ok, findings: kk.findings.length, kk: message(kk), ru: message(ru) });
} catch (e) {
  out.textContent = JSON.stringify({ error: String(e) });
}
