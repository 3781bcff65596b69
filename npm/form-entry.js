// ---- npm/form-entry.js (appended to form.js by scripts/build-pkg.sh; see form.d.ts) ----
export function needsWholeApi(report) {
  return Array.isArray(report?.findings) && report.findings.some((f) => f?.code === 'editions.not_in_module');
}
