#!/usr/bin/env python3
"""Writes tests/vectors/deadlines.jsonl: deadline queries with the answers of an
independent implementation — this script's own counting code on top of
python-holidays' Kazakhstan calendar (vacanza/holidays, holidays/countries/
kazakhstan.py, commit c382fdec456ce76e03b841ab809d47e46be610a2), not the crate's.

Run through `bash scripts/dev.sh generate --references`, with python-holidays
importable (e.g. PYTHONPATH=<a holidays checkout at that commit>).

The counting rules are those of the crate's documentation (src/sla/mod.rs) with
the default options: registration on the region's clock, 09:00-18:00 on working
days (18:00:00 is after hours, before 09:00 the same day); working-day periods
start the day after registration; calendar-day and month periods end on the
same-numbered day (month end when none) and move off non-working days; fixes run
from remarks_sent_on, else from remarks_due. The 2012 main expertise month
(almaty_oblast_2012 GR §7.2) runs from the last day of the preliminary expertise.

The Ecological Code of 2021 (eco_code_2021) adds anchors: its permit remarks run
from the acceptance of the application (accepted_on, else the last day of the
completeness check, art. 123 p. 3), its expertise remarks likewise (the Code does
not say; the crate's default), its expertise decision from the submission of the
package (= registration by default); the declaration of impact has no term (only
the registration date, and the finding sla.no_term). Without accepted_on /
remarks_sent_on the answer names the assumed day (sla.accepted_on_assumed,
sla.remarks_sent_on_assumed).
"""
import calendar as cal_mod
import json
import sys
from datetime import date, datetime, timedelta, timezone

from holidays.countries.kazakhstan import Kazakhstan

_KZ = {}


def working(d):
    if d.year not in _KZ:
        _KZ[d.year] = Kazakhstan(years=d.year)
    return _KZ[d.year].is_working_day(d)


def next_working(d):
    d += timedelta(1)
    while not working(d):
        d += timedelta(1)
    return d


def add_working(d, n):
    for _ in range(n):
        d = next_working(d)
    return d


def roll(d):
    while not working(d):
        d += timedelta(1)
    return d


def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, cal_mod.monthrange(y, m)[1]))


# Edition → (region offset rule, {(service, action): {category: steps}}).
ALMATY = "almaty"
AKTOBE = "aktobe"
WD, CD, MO = "wd", "cd", "mo"
ALL = ("II", "III", "IV")


def same(steps):
    return {c: steps for c in ALL}


EDITIONS = {
    "almaty_oblast_2012": (ALMATY, {
        ("emission_permit", "issue"): same({"decision": (1, MO)}),
        ("emission_permit", "reissue"): same({"decision": (1, MO)}),
        # GR §7.2: the main expertise month runs from the submission of the
        # documents that passed the preliminary expertise (its last day).
        ("ecological_expertise", "first"): same({"completeness": (5, WD), "decision": (1, MO, "preliminary")}),
        ("ecological_expertise", "repeat"): same({"decision": (10, WD)}),
    }),
    "aktobe_2013": (AKTOBE, {
        ("emission_permit", "issue"): same({"decision": (1, MO)}),
        ("ecological_expertise", "first"): same({"decision": (1, MO)}),
    }),
    "karaganda_2013": (ALMATY, {
        ("emission_permit", "issue"): same({"decision": (1, MO)}),
    }),
    "almaty_city_2019": (ALMATY, {
        ("emission_permit", "issue"): {
            "II": {"completeness": (5, WD), "decision": (10, WD)},
            "III": {"completeness": (5, WD), "decision": (10, WD)},
            "IV": {"decision": (5, WD)},
        },
        ("emission_permit", "reissue"): same({"decision": (15, CD)}),
        ("ecological_expertise", "first"): {
            "II": {"completeness": (3, WD), "decision": (30, WD), "remarks": (15, WD), "fixes": (5, WD)},
            "III": {"completeness": (3, WD), "decision": (15, WD), "remarks": (7, WD), "fixes": (3, WD)},
            "IV": {"completeness": (3, WD), "decision": (15, WD), "remarks": (7, WD), "fixes": (3, WD)},
        },
    }),
    # Ecological Code of 2021: art. 123 (permit), art. 89 p. 6 (expertise III),
    # art. 108 p. 1 (re-issue), art. 110 (declaration: no term).
    "eco_code_2021": (ALMATY, {
        ("environmental_permit", "issue"): {
            "II": {"completeness": (3, WD), "decision": (30, WD), "remarks": (15, WD, "accepted"),
                   "fixes": (5, WD)},
        },
        ("environmental_permit", "reissue"): {"II": {"decision": (5, WD)}},
        ("ecological_expertise", "first"): {
            "III": {"completeness": (3, WD), "decision": (15, WD), "remarks": (7, WD, "accepted"),
                    "fixes": (3, WD)},
        },
        ("impact_declaration", "issue"): {"III": None},
    }),
}
# Editions whose answers name the assumed acceptance / remarks days.
SAYS_ASSUMED = {"eco_code_2021"}
SWITCH = datetime(2024, 2, 29, 18, 0, tzinfo=timezone.utc)


def local(submitted_at, region):
    t = datetime.fromisoformat(submitted_at.replace("Z", "+00:00"))
    hours = 5 if region == AKTOBE or t >= SWITCH else 6
    return t.astimezone(timezone(timedelta(hours=hours)))


def end(anchor, n, unit):
    if unit == WD:
        return add_working(anchor, n)
    if unit == CD:
        return roll(anchor + timedelta(n))
    return roll(add_months(anchor, n))


def answer(q):
    """The dates of query q and the codes its anchors add."""
    region, table = EDITIONS[q["edition"]]
    steps = table[(q["service"], q["action"])][q["category"]]
    t = local(q["submitted_at"], region)
    d = t.date()
    after = (t.hour, t.minute, t.second) >= (18, 0, 0)
    reg = next_working(d) if (not working(d) or after) else d
    out = {"registered_on": reg}
    codes = []
    if steps is None:
        out.update(completeness_due=None, decision_due=None, remarks_due=None, fixes_due=None)
        return {k: (v.isoformat() if v else None) for k, v in out.items()}, ["sla.no_term"]
    says = q["edition"] in SAYS_ASSUMED
    for step in ("completeness", "decision", "remarks"):
        if step not in steps:
            out[step + "_due"] = None
            continue
        n, unit, *anchor = steps[step]
        base = reg
        if anchor == ["preliminary"]:
            base = out["completeness_due"]
        if anchor == ["accepted"]:
            given = q.get("accepted_on")
            base = date.fromisoformat(given) if given else out["completeness_due"]
            if not given and says:
                codes.append("sla.accepted_on_assumed")
        out[step + "_due"] = end(base, n, unit)
    fixes = None
    if "fixes" in steps:
        sent = q.get("remarks_sent_on")
        base = date.fromisoformat(sent) if sent else out["remarks_due"]
        fixes = end(base, *steps["fixes"])
        if not sent and says:
            codes.append("sla.remarks_sent_on_assumed")
    out["fixes_due"] = fixes
    return {k: (v.isoformat() if v else None) for k, v in out.items()}, codes


def q(edition, service, action, category, at, **extra):
    return dict(edition=edition, service=service, action=action, category=category, submitted_at=at, **extra)


CASES = []


def case(name, query, codes=()):
    CASES.append((name, query, list(codes)))


# Every edition × service × action × category on an ordinary working day.
PLAIN = {
    "almaty_oblast_2012": "2013-04-15T11:40:00+06:00",
    "aktobe_2013": "2013-09-17T10:00:00+05:00",
    "karaganda_2013": "2013-10-08T15:05:00+06:00",
    "almaty_city_2019": "2019-12-09T09:20:00+06:00",
    "eco_code_2021": "2025-11-04T10:00:00+05:00",
}
for ed, (_, table) in EDITIONS.items():
    for (service, action), cats in table.items():
        for cat in cats:
            case(f"{ed} {service} {action} {cat}", q(ed, service, action, cat, PLAIN[ed]))

# Reception hours on Friday 4 October 2019 (2019 edition, permit II).
for hm in ("08:59", "09:00", "12:59", "13:00", "17:59", "18:00", "23:30"):
    case(f"Friday 4 October 2019 at {hm}",
         q("almaty_city_2019", "emission_permit", "issue", "II", f"2019-10-04T{hm}:00+06:00"))
case("17:59:59 is in hours", q("almaty_city_2019", "emission_permit", "issue", "III", "2019-10-04T17:59:59+06:00"))
case("Saturday", q("almaty_city_2019", "emission_permit", "issue", "IV", "2019-10-05T10:00:00+06:00"))
case("Sunday night", q("almaty_city_2019", "ecological_expertise", "first", "III", "2019-10-06T23:59:00+06:00"))
# Offsets other than Almaty's.
case("UTC 11:59 is 17:59 in Almaty", q("almaty_city_2019", "emission_permit", "issue", "II", "2019-10-04T11:59:00Z"))
case("UTC 12:00 is 18:00 in Almaty", q("almaty_city_2019", "emission_permit", "issue", "II", "2019-10-04T12:00:00Z"))
case("Moscow time 14:30 is 17:30 in Almaty", q("almaty_city_2019", "emission_permit", "issue", "II", "2019-10-04T14:30:00+03:00"))
case("Aktobe clock UTC+5: 17:30+06:00 is 16:30", q("aktobe_2013", "emission_permit", "issue", "II", "2013-09-20T17:30:00+06:00"))
case("Aktobe clock UTC+5: 18:30+06:00 is 17:30", q("aktobe_2013", "ecological_expertise", "first", "IV", "2013-09-20T18:30:00+06:00"))
case("Aktobe clock UTC+5: 19:00+06:00 is 18:00", q("aktobe_2013", "ecological_expertise", "first", "IV", "2013-09-20T19:00:00+06:00"))
# Nauryz 2020 (21 Sat, 22 Sun, 23 Mon; carried to 24, 25).
case("eve of Nauryz in hours", q("almaty_city_2019", "emission_permit", "issue", "II", "2020-03-20T17:30:00+06:00"))
case("eve of Nauryz after hours", q("almaty_city_2019", "emission_permit", "issue", "II", "2020-03-20T18:30:00+06:00"))
case("during Nauryz", q("almaty_city_2019", "ecological_expertise", "first", "II", "2020-03-23T10:00:00+06:00"))
case("Nauryz carried-over day", q("almaty_city_2019", "emission_permit", "reissue", "III", "2020-03-25T12:00:00+06:00"))
case("eve of Nauryz 2013, month period", q("almaty_oblast_2012", "emission_permit", "issue", "III", "2013-03-20T17:00:00+06:00"))
case("during Nauryz 2013", q("almaty_oblast_2012", "ecological_expertise", "first", "II", "2013-03-22T10:00:00+06:00"))
# New Year.
case("31 December 2019 in hours", q("almaty_city_2019", "emission_permit", "issue", "III", "2019-12-31T17:00:00+06:00"))
case("31 December 2019 after hours → Sunday 5 January (decree)", q("almaty_city_2019", "emission_permit", "issue", "III", "2019-12-31T18:05:00+06:00"))
case("1 January 2020", q("almaty_city_2019", "ecological_expertise", "first", "IV", "2020-01-01T10:00:00+06:00"))
case("31 December 2012 (bridge day)", q("almaty_oblast_2012", "emission_permit", "reissue", "II", "2012-12-31T10:00:00+06:00"))
case("Friday 27 December 2013 after hours → Saturday 28 December (decree)", q("aktobe_2013", "emission_permit", "issue", "IV", "2013-12-27T18:10:00+05:00"))
# Transferred working Saturdays/Sundays.
case("Sunday 5 January 2020 is a working day", q("almaty_city_2019", "emission_permit", "issue", "II", "2020-01-05T10:00:00+06:00"))
case("Saturday 29 December 2012 is a working day", q("almaty_oblast_2012", "emission_permit", "issue", "II", "2012-12-29T10:00:00+06:00"))
case("Saturday 4 May 2013 is a working day", q("aktobe_2013", "emission_permit", "issue", "III", "2013-05-04T10:00:00+05:00"))
case("Saturday 12 October 2013 is a working day", q("karaganda_2013", "emission_permit", "issue", "II", "2013-10-12T10:00:00+06:00"))
case("Sunday 20 December 2020 is a working day", q("almaty_city_2019", "emission_permit", "issue", "II", "2020-12-20T10:00:00+06:00"), ["editions.outside_period"])
# Month ends and 29 February.
case("31 January → 28 February", q("almaty_oblast_2012", "emission_permit", "issue", "II", "2013-01-31T10:00:00+06:00"))
case("expertise 31 January 2014: preliminary to 7 February, main month to 7 March", q("almaty_oblast_2012", "ecological_expertise", "first", "III", "2014-01-31T10:00:00+06:00"))
case("expertise: preliminary ends 30 January 2014 → main month 28 February", q("almaty_oblast_2012", "ecological_expertise", "first", "II", "2014-01-23T10:00:00+06:00"))
case("31 October 2014 → 2 December (Sunday, First President Day)", q("almaty_oblast_2012", "emission_permit", "reissue", "IV", "2014-10-31T10:00:00+06:00"))
case("30 November 2012 → 3 January 2013", q("almaty_oblast_2012", "emission_permit", "issue", "IV", "2012-11-30T10:00:00+06:00"))
case("31 January 2012 → 29 February (leap year)", q("almaty_oblast_2012", "emission_permit", "issue", "II", "2012-01-31T10:00:00+06:00"), ["editions.outside_period"])
case("15 calendar days end on 29 February 2020 (Saturday)", q("almaty_city_2019", "emission_permit", "reissue", "II", "2020-02-14T10:00:00+06:00"))
case("submitted on 29 February 2020 (Saturday)", q("almaty_city_2019", "emission_permit", "issue", "II", "2020-02-29T10:00:00+06:00"))
case("30 January 2020, 15 calendar days", q("almaty_city_2019", "emission_permit", "reissue", "IV", "2020-01-30T10:00:00+06:00"))
# Remarks and fixes.
case("remarks sent Friday", q("almaty_city_2019", "ecological_expertise", "first", "III", "2019-12-09T09:20:00+06:00", remarks_sent_on="2019-12-20"))
case("remarks sent Saturday", q("almaty_city_2019", "ecological_expertise", "first", "IV", "2019-12-09T09:20:00+06:00", remarks_sent_on="2019-12-21"))
case("remarks sent before New Year", q("almaty_city_2019", "ecological_expertise", "first", "II", "2019-12-02T11:00:00+06:00", remarks_sent_on="2019-12-27"))
case("remarks sent late", q("almaty_city_2019", "ecological_expertise", "first", "IV", "2019-12-09T09:20:00+06:00", remarks_sent_on="2020-01-20"))
# The single UTC+5 zone from 1 March 2024 (edition used outside its period).
case("29 February 2024 12:00Z is 18:00 on UTC+6", q("almaty_city_2019", "emission_permit", "issue", "IV", "2024-02-29T12:00:00Z"), ["editions.outside_period"])
case("1 March 2024 12:59Z is 17:59 on UTC+5", q("almaty_city_2019", "emission_permit", "issue", "IV", "2024-03-01T12:59:00Z"), ["editions.outside_period"])
case("1 March 2024 13:00Z is 18:00 on UTC+5", q("almaty_city_2019", "emission_permit", "issue", "IV", "2024-03-01T13:00:00Z"), ["editions.outside_period"])
# A provisional year.
case("2027 is provisional", q("almaty_city_2019", "emission_permit", "issue", "II", "2027-03-12T17:00:00+05:00"), ["editions.outside_period", "calendar.provisional_year"])

# The Ecological Code of 2021 (from 1 July 2021, national).
E21 = "eco_code_2021"
PERMIT, EXPERTISE, DECLARATION = "environmental_permit", "ecological_expertise", "impact_declaration"
case("2021 permit: accepted and remarks sent",
     q(E21, PERMIT, "issue", "II", "2025-11-04T10:00:00+05:00", accepted_on="2025-11-05",
       remarks_sent_on="2025-11-20"))
case("2021 permit: accepted, remarks not yet sent",
     q(E21, PERMIT, "issue", "II", "2025-11-04T10:00:00+05:00", accepted_on="2025-11-06"))
case("2021 permit: remarks sent, acceptance unknown",
     q(E21, PERMIT, "issue", "II", "2025-11-04T10:00:00+05:00", remarks_sent_on="2025-11-14"))
case("2021 permit: remarks sent on a Saturday",
     q(E21, PERMIT, "issue", "II", "2025-11-04T10:00:00+05:00", accepted_on="2025-11-05",
       remarks_sent_on="2025-11-15"))
case("2021 permit: Friday evening, Nauryz ahead",
     q(E21, PERMIT, "issue", "II", "2026-03-13T18:30:00+05:00"))
case("2021 permit: on the first day of the Code",
     q(E21, PERMIT, "issue", "II", "2021-07-01T11:00:00+06:00"))
case("2021 permit re-issue on a Sunday", q(E21, PERMIT, "reissue", "II", "2026-02-01T12:00:00+05:00"))
case("2021 expertise: accepted and remarks sent",
     q(E21, EXPERTISE, "first", "III", "2026-04-07T09:00:00+05:00", accepted_on="2026-04-08",
       remarks_sent_on="2026-04-15"))
case("2021 expertise: before the May holidays",
     q(E21, EXPERTISE, "first", "III", "2026-04-29T17:59:00+05:00"))
case("2021 expertise: after hours on New Year's Eve",
     q(E21, EXPERTISE, "first", "III", "2025-12-31T18:00:00+05:00"))
case("2021 expertise: remarks sent late",
     q(E21, EXPERTISE, "first", "III", "2026-04-07T09:00:00+05:00", accepted_on="2026-04-08",
       remarks_sent_on="2026-04-30"))
case("2021 declaration on a Saturday", q(E21, DECLARATION, "issue", "III", "2026-06-06T10:00:00+05:00"))

with open("tests/vectors/deadlines.jsonl", "w", encoding="utf-8") as f:
    for name, query, codes in CASES:
        query = {k: v for k, v in query.items() if v is not None}
        expect, more = answer(query)
        codes = codes + more
        sent = query.get("remarks_sent_on")
        if sent and expect["remarks_due"] and sent > expect["remarks_due"]:
            codes = codes + ["sla.remarks_late"]
        expect["codes"] = codes
        f.write(json.dumps({"name": name, "query": query, "expect": expect}, ensure_ascii=False) + "\n")
print(f"{len(CASES)} vectors", file=sys.stderr)
