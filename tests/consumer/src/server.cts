// The same package from CommonJS (`require`), as a Node back end would use it.
import kz = require('kz-eco-rules');
import type { Application, Report } from 'kz-eco-rules';

const app: Application = {
  applicant: { name: 'ИП Иванова', kind: 'individual', iin_bin: '871008401427' },
  service: 'emission_permit',
  action: 'issue',
  category: 'IV',
  channel: 'portal',
  region: 'almaty_city',
  submitted_at: '2019-11-04T10:15:00+06:00',
  eds_signed: true,
  documents: [{ id: 'permit_application' }],
};

const report: Report = kz.validateApplication(app, { lang: 'en' });
const missing = report.findings.filter((f) => f.code === 'documents.missing');
if (report.ok || missing.length !== 1 || missing[0]?.params['document'] !== 'emission_standards_justified') {
  throw new Error(`consumer check failed: ${JSON.stringify(report.findings)}`);
}
console.log(`CJS ok: kz-eco-rules ${kz.version()}; ${missing[0]?.message}`);
