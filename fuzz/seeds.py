#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets into fuzz/seeds/<target>/ (not
committed): the repository's examples and test vectors plus hand-written edge
cases. `cargo fuzz cmin` then keeps the ones that add coverage in
fuzz/corpus/<target>/ (committed). Run from the repository root:

    python3 fuzz/seeds.py && for t in application_json identifier decimal deadlines; do
        mkdir -p fuzz/corpus/$t && cp -n fuzz/seeds/$t/* fuzz/corpus/$t/
        cargo +nightly fuzz cmin $t
    done

After a long run the application_json corpus was minimised on edge coverage
only (hit-count buckets kept it at 5.4 MB; this gives 1 MB, same 5 197 edges):

    mkdir /tmp/min && cargo +nightly fuzz run application_json /tmp/min \
        fuzz/corpus/application_json -- -merge=1 -use_counters=0

Inputs of fixed bugs live in fuzz/regressions/<target>/, where cmin does not
rename or drop them; `bash scripts/dev.sh fuzz` runs them too.
"""
import glob
import hashlib
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "seeds")


def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    name = "seed-" + hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def jsonl(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# application_json: the examples, trimmed variants, and malformed/hostile JSON.
for path in sorted(glob.glob(os.path.join(ROOT, "examples", "*.json"))):
    text = open(path, encoding="utf-8").read()
    put("application_json", text)
    app = json.loads(text)
    put("application_json", json.dumps(app, ensure_ascii=False, separators=(",", ":")))
    for key in list(app):
        put("application_json", json.dumps({k: v for k, v in app.items() if k != key}, ensure_ascii=False))
for text in [
    "", " ", "null", "true", "0", "-0", "1e400", '"x"', "[]", "{}", "[" * 40 + "]" * 40,
    '{"a":' * 40 + "1" + "}" * 40, '{"service": "emission_permit"}', '{"service": 1}',
    '{"__proto__": {}, "service": "expertise", "service": "emission_permit"}',
    '{"applicant": {"bin": "940140000385"}}', '{"applicant": {"iin": "８71008401427"}}',
    '{"submitted_at": "2019-10-04T17:30:00+06:00", "region": "almaty_city"}',
    '{"submitted_at": "9999-12-31T23:59:59-23:59"}', '"\\ud800"', '{"a": "\\u0000"}',
    '{"air_emissions": {"years": [{"year": 2024, "sites": [{"substances": [{"requested": {"t_per_year": "1e5"}}]}]}]}}',
    "{,}", "[1,]", '{"a" 1}', "\ufeff{}", "nul", "1.", ".5", "01", "\"\\x\"",
]:
    put("application_json", text)

# identifier: every string of the identifier vectors and the peer data.
for case in jsonl("tests/vectors/ident.jsonl"):
    if isinstance(case.get("value"), str):
        put("identifier", case["value"])
with open("/work/shared/data/ident/real-bins-python-stdnum-pr322.txt") if os.path.exists(
    "/work/shared/data/ident/real-bins-python-stdnum-pr322.txt"
) else open(os.devnull) as f:
    for line in f:
        if line.strip():
            put("identifier", line.strip())
for text in [
    "", " ", "871008401427", " 871008401427\t", "871 008 401 427", "871008-401427",
    "８71008401427", "87100840142", "8710084014270", "000000000000", "999999999999",
    "000229500000", "991231699999", "940140000385", "950341000052", "001300000000",
    "\u00a0871008401427\u00a0", "87100840142٧", "abc", "\U0001F600" * 12,
]:
    put("identifier", text)

# decimal: the number texts of the JS-number vectors and the documented forms.
for case in jsonl("tests/vectors/numbers.jsonl"):
    if len(case["text"]) <= 80:
        put("decimal", case["text"])
for text in [
    "0", "-0", "12.5", "12,5", " 1 234,5 ", "1\u00a0234\u00a0567,25", "1\u202f234", "0,0000021",
    ",5", "12.", "007", "1.5000000000000", "0.000000001", "1000000000", "1 000 000 000,000",
    "1000000000.000000001", "1000000001", "99999999999999999999999", "-0,5", "\u22122",
    "1e5", "1,25E+2", "-2.5e-3", "12.5e1", "1e-99", "1e9999", "9" * 64 + "e-40", "0.30000000000000004",
    "1.234,5", "1 23", "12 34", "1234 567", "NaN", "Infinity", "+5", ".", ",", "١٢", "1" * 65,
]:
    put("decimal", text)

# deadlines: the query vectors, as queries and as {"query", "options"} calls.
options = [
    {"sla": {"anchor": "submission", "roll_forward": False}},
    {"sla": {"reception_open": "00:00", "reception_close": "23:59", "count_registration_day": True,
             "before_opening": "next_working_day"}},
    {"sla": {"fixes_without_remarks": "none", "expertise_month_from": "preliminary_end"}},
    {"calendar": {"days_off": ["2019-10-07"], "working_days": ["2019-10-05"], "confirmed_years": [2030]}},
    {"lang": "kk", "severity": {"sla.remarks_late": "info"}},
]
for i, case in enumerate(jsonl("tests/vectors/deadlines.jsonl")):
    q = case["query"]
    put("deadlines", json.dumps(q, ensure_ascii=False))
    call = {"query": q}
    if "options" in case:
        call["options"] = case["options"]
    else:
        call["options"] = options[i % len(options)]
    put("deadlines", json.dumps(call, ensure_ascii=False))
for text in [
    "", "{}", "null", '{"query": null}', '{"query": {}, "options": {"sla": {"anchor": 1}}}',
    '{"region": "almaty_city", "service": "expertise", "action": "first", "category": "II", "submitted_at": "2099-12-31T23:59:59+06:00"}',
    '{"edition": "almaty_city_2019", "service": "expertise", "action": "first", "category": "II", "submitted_at": "0001-01-01T00:00:00Z", "remarks_sent_on": "9999-12-31"}',
    '{"edition": "almaty_city_2019", "service": "emission_permit", "action": "issue", "category": "IV", "submitted_at": "2019-10-04T17:30:00"}',
    '{"edition": "eco_code_2021", "service": "environmental_permit", "action": "issue", "category": "II", "submitted_at": "2025-11-04T10:00:00+05:00", "accepted_on": "0001-01-01", "remarks_sent_on": "9999-12-31"}',
    '{"query": {"edition": "eco_code_2021", "service": "ecological_expertise", "action": "first", "category": "III", "submitted_at": "2026-04-05T12:00:00+05:00"}, "options": {"sla": {"expertise_remarks_from": "submission", "anchor": "submission", "reissue_from": "submission_day"}}}',
]:
    put("deadlines", text)
