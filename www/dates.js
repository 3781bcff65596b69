// Dates as the page's language writes them, whatever the browser's locale (a
// native <input type=date> follows the browser, not the page): kk and ru
// dd.mm.yyyy, en yyyy-mm-dd — as the library's messages write them. The form
// keeps ISO text in the application; an input shows it in the page's format and
// reads either format back.
//
//   formatDate('2019-11-04', 'ru')            → '04.11.2019'
//   formatDateTime('2019-11-04T10:15', 'kk')  → '04.11.2019 10:15'
//   parseDate('4.11.2019')                    → '2019-11-04'
//   parseDateTime('04.11.2019 10:15')         → '2019-11-04T10:15:00'
//   parseDate('31.02.2019')                   → null (no such day)

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` when y-m-d is a day of the calendar, else null. */
function isoDay(y, m, d) {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  if (yy < 1000 || mm < 1 || mm > 12 || dd < 1) return null;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return dd > last ? null : `${pad(yy, 4)}-${pad(mm)}-${pad(dd)}`;
}

const DAY = String.raw`(?:(\d{1,2})[./-](\d{1,2})[./-](\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`;

function day(m, at) {
  return m[at] !== undefined ? isoDay(m[at + 2], m[at + 1], m[at]) : isoDay(m[at + 3], m[at + 4], m[at + 5]);
}

/** The ISO day (`YYYY-MM-DD`) of a typed date in either format, or null. */
export function parseDate(text) {
  const m = String(text).trim().match(new RegExp(`^${DAY}$`));
  return m ? day(m, 1) : null;
}

/** The ISO local date-time (`YYYY-MM-DDTHH:MM:SS`) of a typed date and time, or null. */
export function parseDateTime(text) {
  const m = String(text).trim().match(new RegExp(`^${DAY}(?:\\s+|T)${TIME}$`));
  if (!m) return null;
  const d = day(m, 1);
  const [hh, mi, ss] = [Number(m[7]), Number(m[8]), Number(m[9] ?? 0)];
  if (!d || hh > 23 || mi > 59 || ss > 59) return null;
  return `${d}T${pad(hh)}:${pad(mi)}:${pad(ss)}`;
}

/** An ISO day in the page's format (anything else as it is). */
export function formatDate(iso, lang) {
  const m = typeof iso === 'string' ? iso.match(/^(\d{4})-(\d{2})-(\d{2})$/) : null;
  if (!m) return iso === undefined || iso === null ? '' : String(iso);
  return lang === 'en' ? iso : `${m[3]}.${m[2]}.${m[1]}`;
}

/** An ISO local date-time (`YYYY-MM-DDTHH:MM[:SS]`) in the page's format; seconds only when not zero. */
export function formatDateTime(local, lang) {
  const m = typeof local === 'string' ? local.match(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/) : null;
  if (!m) return local === undefined || local === null ? '' : String(local);
  const seconds = m[3] && m[3] !== '00' ? ':' + m[3] : '';
  return `${formatDate(m[1], lang)} ${m[2]}${seconds}`;
}
