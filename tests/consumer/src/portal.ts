// A portal front end's use of the package (ESM), written against its types:
// every value below is typed by the package, and the `@ts-expect-error` lines
// prove the types are real (an `any` would make them unused directives, which
// fail the compile).
import init, {
  applicationSchema,
  languageLoaded,
  loadLanguage,
  deadlines,
  isWorkingDay,
  messages,
  requiredDocuments,
  validateApplication,
  validateIdentifier,
  validateIdentifiers,
  version,
} from 'kz-eco-rules';
import type {
  Application,
  ApplicationDraft,
  ChecklistQuery,
  ChecklistReport,
  DayReport,
  DeadlinesReport,
  Finding,
  IdentifierVerdict,
  Lang,
  Options,
  Report,
  Severity,
  TotalCell,
} from 'kz-eco-rules';

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`consumer check failed: ${what}`);
}

await init({ lang: 'ru' }); // the web build loads the module and the Russian texts here; in Node a no-op
await loadLanguage('kk'); // another language, when the user switches (Node: all three are loaded)
check(languageLoaded('kk'), 'Kazakh is loaded');

const app: Application = {
  applicant: { name: 'ТОО «Алатау Цемент»', kind: 'legal_entity', iin_bin: '081240001238' },
  service: 'emission_permit',
  action: 'issue',
  category: 'IV',
  channel: 'portal',
  region: 'almaty_city',
  submitted_at: '2019-11-04T10:15:00+06:00',
  eds_signed: true,
  documents: [
    { id: 'permit_application', eds_signed: true },
    { id: 'emission_standards_justified', scanned: true },
  ],
};

const options: Options = { lang: 'ru' };
const report: Report = validateApplication(app, options);
check(report.ok && report.findings.length === 0, 'the application passes');

// Findings as a form renders them, like ajv/zod issues: grouped by JSON Pointer.
const bad: Application = { ...app, applicant: { ...app.applicant, iin_bin: '081240001239' } };
const badReport = validateApplication(JSON.stringify(bad), { lang: 'kk' });
const byPath = new Map<string, Finding[]>();
for (const f of badReport.findings) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
const iin = byPath.get('/applicant/iin_bin') ?? [];
const severity: Severity | undefined = iin[0]?.severity;
check(iin[0]?.code === 'ident.checksum_mismatch' && severity === 'error', 'a bad БИН is reported at its input');
check(iin[0]?.params['expected'] === 8 && iin[0]?.params['actual'] === 9, 'the finding carries its params');
check(/Бақылау цифры/.test(iin[0]?.message ?? ''), 'the message is in Kazakh');
const totals: TotalCell[] = badReport.summary?.totals ?? [];
check(totals.length === 0, 'no tables, no totals');

// A half-filled form, as the user types: a draft type-checks and validates, and
// what is missing is a finding at its path, not an exception.
const draft: ApplicationDraft = {
  service: 'emission_permit',
  applicant: { iin_bin: '0812' },
  air_emissions: { years: [{ year: 2020, sites: [{ substances: [{ requested: { t_per_year: '1,5' } }] }] }] },
};
const draftReport: Report = validateApplication(draft, { lang: 'en' });
const missing = draftReport.findings.filter((f) => f.code === 'input.missing_field').map((f) => f.path);
check(!draftReport.ok && missing.includes('/category') && missing.includes('/applicant/name'), 'a draft reports its missing fields');
// @ts-expect-error: a draft still has the application's types (a category is "I" … "IV")
const wrongDraft: ApplicationDraft = { category: 'V' };

const query: ChecklistQuery = {
  region: 'almaty_city',
  date: '2019-11-04',
  service: 'emission_permit',
  action: 'issue',
  category: 'II',
  channel: 'portal',
};
const list: ChecklistReport = requiredDocuments(query, { lang: 'en' });
const required = list.checklist?.items.filter((i) => i.status === 'required').map((i) => `${i.names.en} (${i.basis})`) ?? [];
check(required.length === 5, 'five documents for a category II permit');
const atCon: ChecklistQuery = {
  edition: 'aktobe_2013',
  service: 'ecological_expertise',
  action: 'first',
  category: 'III',
  channel: 'in_person',
  venue: 'con',
};
const venueReport: ChecklistReport = requiredDocuments(atCon);
check(
  !venueReport.ok && venueReport.findings.some((f) => f.code === 'documents.venue_not_offered' && f.path === '/venue'),
  'the Aktobe expertise is filed at the office, not a ЦОН',
);
// @ts-expect-error: a venue is provider_office or con
const wrongVenue: ChecklistQuery = { ...query, venue: 'post_office' };

const verdict: IdentifierVerdict = validateIdentifier('871008401427');
if ('birth_date' in verdict.fields) {
  check(verdict.fields.birth_date === '1987-10-08' && verdict.fields.sex === 'female', 'decoded ИИН');
} else {
  check(false, 'an ИИН decodes to a birth date');
}
const many: IdentifierVerdict[] = validateIdentifiers(['940140000385', '8710 0840 1427']);
check(many[0]?.kind === 'bin' && many[1]?.code === 'ident.inner_separator', 'a batch of numbers');

const due: DeadlinesReport = deadlines({
  edition: 'almaty_city_2019',
  service: 'emission_permit',
  action: 'issue',
  category: 'II',
  submitted_at: new Date('2019-10-04T17:30:00+06:00'),
});
check(due.registered_on === '2019-10-04' && due.decision_due === '2019-10-18', 'deadlines from a Date');
// The 2021 counting options: the re-issue period from the day of the submission itself
// (an evening submission is registered the next day).
const counting: Options = { sla: { expertise_remarks_from: 'registration', reissue_from: 'submission_day' } };
const reissue = {
  edition: 'eco_code_2021',
  service: 'environmental_permit',
  action: 'reissue',
  category: 'II',
  submitted_at: '2022-03-01T19:30:00+06:00',
} as const;
check(
  deadlines(reissue).decision_due === '2022-03-10' && deadlines(reissue, counting).decision_due === '2022-03-09',
  'a 2021 counting option moves the re-issue deadline',
);
// @ts-expect-error: the re-issue period runs from "registration" or "submission_day"
const wrongAnchor: Options = { sla: { reissue_from: 'submission' } };

const day: DayReport = isWorkingDay('2025-03-24', { lang: 'en' });
check(day.working === false && day.holiday === 'nauryz', 'a carried-over day off');

const lang: Lang = 'kk';
const catalog: Record<string, string> = messages(lang);
check(typeof catalog['emissions.sum_mismatch'] === 'string', 'the message catalog');

const schema = applicationSchema();
check(schema['title'] === 'Application', 'the JSON Schema of the payload');

// Type errors the package's types must catch.
// A portal's own wording of a code, in the call's language.
const worded: Options = { lang: 'ru', messages: { 'ident.checksum_mismatch': 'Проверьте БИН: {actual} ≠ {expected}' } };
check(validateApplication(bad, worded).findings[0]?.message === 'Проверьте БИН: 9 ≠ 8', 'our wording of a code');
// @ts-expect-error: a category is "II" | "III" | "IV"
const wrongCategory: Application['category'] = 'V';
// @ts-expect-error: a language is "kk" | "ru" | "en"
const wrongLang: Options = { lang: 'de' };
// @ts-expect-error: a finding has `message`, not `msg`
const wrongField: unknown = report.findings.map((f) => f.msg);
// @ts-expect-error: a checklist item's status is a closed set
const wrongStatus: boolean = list.checklist?.items[0]?.status === 'optional';
void [wrongCategory, wrongLang, wrongField, wrongStatus, wrongDraft];

console.log(`ESM ok: kz-eco-rules ${version()}; ${required.length} documents; ${badReport.findings.map((f) => f.code).join(', ')}`);
console.log(`draft: ${missing.length} missing fields`);
