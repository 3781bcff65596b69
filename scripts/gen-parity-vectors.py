#!/usr/bin/env python3
"""Writes the INPUTS of the parity corpus, tests/vectors/parity/<kind>.jsonl.

The expected outputs (<kind>.expected.jsonl) are not written here: they are what
the native library answers, written by `bash scripts/dev.sh generate --vectors`
(which runs this script first) and reviewed as a diff. tests/it/parity.rs then checks
that natively, in wasm under Node and in wasm under Chromium — through the Rust API
and through the JavaScript API — every case gives those bytes.

Deterministic: the same repository gives the same files. Cases are generated
(systematic mutations of the example applications, every combination the
editions offer) plus hand-written ones (the regulations' edge cases and the known
divergence traps between the native and the JavaScript path).

One JSON object per line:
  name     unique id of the case
  input    the value given to the function (application, query, date, identifier)
  text     instead of `input`: raw JSON text (duplicate keys, literals like -0 or
           1E400, malformed JSON) — the JS side passes the text itself; for
           identifiers the JS side passes JSON.parse of it (a lone surrogate
           stays lone) and the native side answers the text as `id --jsonl`
           does
  example  instead of `input`: an example application (examples/<name>.json) …
  patch    … edited by [op, JSON Pointer, value?] steps, op = replace|add|remove
  options  the options argument (omitted: none)
  js       [[JSON Pointer, kind], …]: on the JavaScript side only, the value there
           becomes a JavaScript-only value — NaN, Infinity, -Infinity, BigInt
           (of the digits there), undefined, Date (of the ISO text there, written
           as Date.prototype.toISOString writes it), invalid Date, function,
           Symbol, Map, Set. The native side reads the value the boundary's walker
           turns it into (src/wasm.rs), so both must answer the same bytes.
"""
import copy
import json
import os
import sys
import zlib
from datetime import date, datetime, timedelta, timezone

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
# The output directory: an argument (`dev.sh generate --check` writes elsewhere to compare).
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "vectors", "parity")
LANGS = ["kk", "ru", "en"]

EXAMPLES = {}
for n in ["permit_II", "permit_III", "permit_IV", "expertise_II", "expertise_III", "expertise_IV",
          "environmental_permit_II", "impact_declaration_III", "expertise_2021_III"]:
    with open(os.path.join(ROOT, "examples", n + ".json"), encoding="utf-8") as f:
        EXAMPLES[n] = json.load(f)
with open(os.path.join(ROOT, "data", "editions.json"), encoding="utf-8") as f:
    EDITIONS = json.load(f)["editions"]
with open(os.path.join(ROOT, "data", "documents", "definitions.json"), encoding="utf-8") as f:
    DEFINITIONS = json.load(f)
FACTS = [f["id"] for f in DEFINITIONS["facts"]]
# Facts of the 2021 Code's lists; the earlier editions' cases answer only theirs.
FACTS_2021 = [f["id"] for f in DEFINITIONS["facts"] if f["source"].startswith("eco_code_2021")]


def facts_of(edition_id):
    return FACTS if edition_id in CURRENT_CLOCK else [f for f in FACTS if f not in FACTS_2021]
DOCUMENTS = [d["id"] for d in DEFINITIONS["documents"]]


class Cases:
    def __init__(self):
        self.rows = []
        self.names = set()

    def add(self, name, **case):
        """Adds a case; `options="lang"` stands for `{"lang": <a language chosen by
        the name>}` (every language is exercised, and adding a case changes no
        other case)."""
        assert name not in self.names, name
        if case.get("options") == "lang":
            case["options"] = {"lang": LANGS[zlib.crc32(name.encode()) % 3]}
        elif isinstance(case.get("options"), dict) and case["options"].get("lang") == "?":
            case["options"] = {**case["options"], "lang": LANGS[zlib.crc32(name.encode()) % 3]}
        self.names.add(name)
        row = {"name": name}
        row.update({k: v for k, v in case.items() if v is not None})
        self.rows.append(row)

    def write(self, kind):
        os.makedirs(OUT, exist_ok=True)
        path = os.path.join(OUT, kind + ".jsonl")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for row in self.rows:
                f.write(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n")
        expected = os.path.join(OUT, kind + ".expected.jsonl")
        if not os.path.exists(expected):  # include_str! needs the file
            open(expected, "w").close()
        print(f"{path}: {len(self.rows)} cases")
        return len(self.rows)


def leaves(v, path=""):
    """(pointer, value) of every scalar in `v`, in document order."""
    if isinstance(v, dict):
        for k, x in v.items():
            yield from leaves(x, path + "/" + k.replace("~", "~0").replace("/", "~1"))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from leaves(x, f"{path}/{i}")
    else:
        yield path, v


def objects(v, path=""):
    """Pointer of every object in `v`."""
    if isinstance(v, dict):
        yield path
        for k, x in v.items():
            yield from objects(x, path + "/" + k)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from objects(x, f"{path}/{i}")


def get(v, pointer):
    for part in pointer.split("/")[1:]:
        v = v[int(part)] if isinstance(v, list) else v[part]
    return v


def is_amount(s):
    """A table amount as the examples write it: digits with a '.' fraction."""
    return isinstance(s, str) and s.replace(".", "", 1).isdigit() and any(c.isdigit() for c in s)


def wrong_amount(s):
    """The same amount with its last digit changed (1 → 2, 9 → 8)."""
    d = s[-1]
    return s[:-1] + ("8" if d == "9" else str(int(d) + 1))


def iso_ms(local, offset_hours):
    """A local time as Date.prototype.toISOString writes the instant (UTC, .000Z)."""
    utc = local - timedelta(hours=offset_hours)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def with_offset(local, offset_hours):
    sign = "+" if offset_hours >= 0 else "-"
    return local.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{abs(offset_hours):02d}:00"


EDITION_CLOCK = {  # UTC offset of the edition's region in its period, and a date inside it
    "almaty_oblast_2012": (6, date(2013, 4, 16)),
    "aktobe_2013": (5, date(2013, 9, 17)),
    "karaganda_2013": (6, date(2013, 10, 8)),
    "almaty_city_2019": (6, date(2019, 11, 5)),
}
# The current (national) editions: a date inside each, and the region whose clock
# the cases use.
CURRENT_CLOCK = {"eco_code_2021": (5, date(2026, 3, 17))}
NATIONAL_REGION = "almaty_city"
REGION = {e["id"]: e["scope"][0] if isinstance(e["scope"], list) else NATIONAL_REGION
          for e in EDITIONS}


def offers(edition_id):
    ed = next(e for e in EDITIONS if e["id"] == edition_id)
    return {s["service"]: s for s in ed["services"]}


# --------------------------------------------------------------------------
# Applications
# --------------------------------------------------------------------------

def permit_block(app):
    """A permit (conditions + Appendix 1) restating the application's requested air
    emissions, so that it is consistent and each of its cells can be made wrong."""
    years = app["air_emissions"]["years"]
    limits = []
    for y in years:
        limits.append({
            "year": y["year"],
            "total": y["total"]["requested"],
            "sites": [{
                "site": s["site"],
                "subtotal": s["subtotal"]["requested"],
                "substances": [{"code": x["code"], "name": x["name"], "limit": x["requested"]}
                               for x in s["substances"]],
            } for s in y["sites"]],
        })
    return {
        "series": "KZ-P",
        "number": "00042",
        "valid_from_year": years[0]["year"],
        "valid_to_year": years[-1]["year"],
        "conditions": {"air": [{"year": y["year"], "tonnes": y["total"]["requested"]["t_per_year"]}
                               for y in years]},
        "air_limits": {"years": limits},
    }


def applications():
    c = Cases()

    def opts():
        return "lang"

    # Every example in every language: all pass, their reports must match anyway.
    for ex in EXAMPLES:
        for l in LANGS:
            c.add(f"example/{ex}/{l}", example=ex, patch=[], options={"lang": l})

    # Each document removed; each document's attributes wrong.
    for ex, app in EXAMPLES.items():
        for i, d in enumerate(app["documents"]):
            c.add(f"remove_document/{ex}/{i}:{d['id']}", example=ex,
                  patch=[["remove", f"/documents/{i}"]], options=opts())
            if "eds_signed" in d:
                c.add(f"document_unsigned/{ex}/{i}", example=ex,
                      patch=[["replace", f"/documents/{i}/eds_signed", False]], options=opts())
            if "scanned" in d:
                c.add(f"document_not_scanned/{ex}/{i}", example=ex,
                      patch=[["replace", f"/documents/{i}/scanned", False]], options=opts())
            c.add(f"document_expired/{ex}/{i}", example=ex,
                  patch=[["add", f"/documents/{i}/valid_until", "2012-01-01"]], options=opts())
        c.add(f"document_unknown_id/{ex}", example=ex,
              patch=[["add", "/documents/-", {"id": "no_such_document", "scanned": True}]], options=opts())
        c.add(f"document_twice/{ex}", example=ex,
              patch=[["add", "/documents/-", app["documents"][0]]], options=opts())
        c.add(f"documents_empty/{ex}", example=ex, patch=[["replace", "/documents", []]], options=opts())
        for fact in FACTS:
            value = app.get("facts", {}).get(fact)
            c.add(f"fact/{ex}/{fact}", example=ex,
                  patch=[["add", f"/facts/{fact}", not value if value is not None else True]],
                  options=opts())

    # Each table cell wrong: every amount of permit_IV and permit_III (and of a
    # permit block restating permit_IV), every fifth of permit_II.
    for ex, step in [("permit_IV", 1), ("permit_III", 1), ("permit_II", 5)]:
        cells = [(p, v) for p, v in leaves(EXAMPLES[ex]) if is_amount(v)]
        for i, (p, v) in enumerate(cells):
            if i % step == 0:
                c.add(f"cell/{ex}{p}", example=ex, patch=[["replace", p, wrong_amount(v)]], options=opts())
    permit = permit_block(EXAMPLES["permit_IV"])
    c.add("permit_block/permit_IV", example="permit_IV", patch=[["add", "/permit", permit]], options=opts())
    for p, v in leaves(permit, "/permit"):
        if is_amount(v):
            c.add(f"permit_cell/permit_IV{p}", example="permit_IV",
                  patch=[["add", "/permit", permit], ["replace", p, wrong_amount(v)]], options=opts())
    for p, v in [("/permit/valid_from_year", 2031), ("/permit/valid_to_year", 2009),
                 ("/permit/conditions/air/0/year", 1999), ("/permit/number", 42)]:
        c.add(f"permit_field/permit_IV{p}", example="permit_IV",
              patch=[["add", "/permit", permit], ["replace", p, v]], options=opts())

    # Every number form at one amount, one coordinate and one site area: JS numbers
    # against decimal strings, locale forms, -0, exponents, what JSON cannot say.
    cell = "/air_emissions/years/0/sites/0/substances/0/actual/g_per_s"
    numbers = [
        0.019, "0,019", "0,0190", " 0.019 ", "0.0190000000", 0.0190000000000001, 1.9e-2, "1.9e-2",
        "1,9E-02", 0, -0.0, "-0", "−0,5", "-0.019", -0.019, 12.5, "12,5", "12.5", "1 234,5",
        "1\u00a0234,5", "1\u202f234,5", "1 2345", "12 34", "1.234,5", "1,234.5", ",5", "5.", ".", "",
        " ", "007", "0x10", "+5", "١٢", "１２", "NaN", "Infinity", "1e21", 1e21, 1e-7, 5e-324,
        1.7976931348623157e308, 0.30000000000000004, 9007199254740993, 123456789.123456789,
        "999999999,999999999", "1000000000,000000001", "0.0000000001", True, None, [], {},
        ["0.019"], {"value": "0.019"},
    ]
    for i, v in enumerate(numbers):
        c.add(f"number/amount/{i}:{json.dumps(v, ensure_ascii=False)}", example="permit_IV",
              patch=[["replace", cell, v]], options=opts())
    for i, v in enumerate([2.4, "2,4", -0.0, "60", 60, "59.9999", "-1", 1e-9, "1e1", "4 8"]):
        c.add(f"number/latitude_sec/{i}:{json.dumps(v, ensure_ascii=False)}", example="permit_IV",
              patch=[["replace", "/industrial_sites/0/latitude/sec", v]], options=opts())
    for i, v in enumerate([0.42, "0,42", "0", 0, -0.0, "-0,42", 1e6, "1 000 000", "42,"]):
        c.add(f"number/area_ha/{i}:{json.dumps(v, ensure_ascii=False)}", example="permit_IV",
              patch=[["replace", "/industrial_sites/0/area_ha", v]], options=opts())
    for i, v in enumerate([2014, "2014", " 2014 ", 2014.0, 2014.5, "2014.0", -2014, 1e300, "２０１４"]):
        c.add(f"number/year/{i}:{json.dumps(v, ensure_ascii=False)}", example="permit_IV",
              patch=[["replace", "/air_emissions/years/0/year", v]], options=opts())

    # Sites against the region named (permit_II: Almaty city): both sites in Astana,
    # one of them, the region named right, and under the 2021 Code (a clause cited).
    astana = [["replace", f"/industrial_sites/{i}/{k}", v] for i in (0, 1)
              for k, v in (("latitude", {"deg": "51", "min": "10", "sec": "10"}),
                           ("longitude", {"deg": "71", "min": "26", "sec": "57"}))]
    c.add("region/sites_in_astana", example="permit_II", patch=astana, options=opts())
    c.add("region/one_site_in_astana", example="permit_II", patch=astana[:2], options=opts())
    c.add("region/named_astana", example="permit_II",
          patch=astana + [["replace", "/region", "astana"]], options=opts())
    c.add("region/eco_code_2021", example="permit_II",
          patch=astana + [["replace", "/submitted_at", "2024-05-06T10:00:00+05:00"]], options=opts())

    # Every category × channel × action × edition (and a region-selected edition).
    base = {"emission_permit": "permit_IV", "ecological_expertise": "expertise_IV",
            "environmental_permit": "permit_IV", "impact_declaration": "permit_IV"}
    actions = {"emission_permit": ["issue", "reissue", "first"],
               "ecological_expertise": ["first", "repeat", "issue"],
               "environmental_permit": ["issue", "reissue", "first"],
               "impact_declaration": ["issue", "reissue"]}
    for service, ex in base.items():
        for ed, (offset, day) in {**EDITION_CLOCK, **CURRENT_CLOCK}.items():
            at = with_offset(datetime.combine(day, datetime.min.time()) + timedelta(hours=10), offset)
            for action in actions[service]:
                for cat in ["I", "II", "III", "IV"]:
                    for channel in ["portal", "in_person"]:
                        for how in ["edition", "region"]:
                            if how == "region" and (cat != "III" or channel != "portal"):
                                continue
                            patch = [["replace", "/action", action], ["replace", "/category", cat],
                                     ["replace", "/channel", channel], ["replace", "/submitted_at", at],
                                     ["replace", "/region", REGION[ed]]]
                            if how == "edition":
                                patch += [["remove", "/region"], ["add", "/edition", ed]]
                            if EXAMPLES[ex]["service"] != service:
                                patch.insert(0, ["replace", "/service", service])
                            c.add(f"combo/{service}/{action}/{cat}/{channel}/{ed}/{how}", example=ex,
                                  patch=patch, options=opts())

    # The declaration's contents (2021 Code art. 110 p. 3), its amounts, and a
    # 2007-Code permit under the transitional provisions (art. 418 p. 8-10).
    for key in EXAMPLES["impact_declaration_III"]["declaration"]:
        c.add(f"declaration/missing/{key}", example="impact_declaration_III",
              patch=[["remove", f"/declaration/{key}"]], options=opts())
    for i, v in enumerate(["1,2e-3", "-2", "", "abc", 0, "1 000,5"]):
        c.add(f"declaration/amount/{i}:{json.dumps(v, ensure_ascii=False)}", example="impact_declaration_III",
              patch=[["replace", "/declaration/emissions/0/t_per_year", v]], options=opts())
    c.add("declaration/duplicate", example="impact_declaration_III",
          patch=[["replace", "/declaration/waste/1/code", "02 01 06"]], options=opts())
    c.add("declaration/not_planned", example="impact_declaration_III",
          patch=[["replace", "/facts/planned_activity", False],
                 ["remove", "/declaration/expertise_conclusion"]], options=opts())
    for cat in ["I", "II", "III", "IV"]:
        for until in ["2029-12-31", "2025-12-31"]:
            c.add(f"old_permit/{cat}/{until}", example="environmental_permit_II",
                  patch=[["replace", "/category", cat], ["replace", "/old_permit/valid_until", until]],
                  options=opts())

    # The category against the sanitary hazard class (2007 Code art. 71 p. 2, 2-1;
    # art. 40 p. 1, art. 47 p. 3), and no such check under the 2021 Code.
    classes = ["1", "II класс санитарной опасности", "III", "4 класс", "V", "не классифицируется", "высокий"]
    for ex in ["permit_II", "permit_III", "expertise_II", "expertise_IV", "environmental_permit_II"]:
        for i, v in enumerate(classes):
            c.add(f"hazard_class/{ex}/{i}:{v}", example=ex,
                  patch=[["add", "/object", {"name": "Объект", "hazard_class": v}]], options=opts())

    # Re-issue by an individual: the registration certificate as listed (PR §11.2.4)
    # and under the reading legal_entities_only.
    reissue = [["replace", "/action", "reissue"], ["replace", "/applicant/kind", "individual"],
               ["replace", "/applicant/iin_bin", "871008401427"],
               ["replace", "/documents", [{"id": "permit_reissue_application", "eds_signed": True},
                                          {"id": "taxpayer_certificate", "scanned": True}]]]
    for lang in ["kk", "ru", "en"]:
        c.add(f"reading/reissue_individual/literal/{lang}", example="permit_II", patch=reissue,
              options={"lang": lang})
        c.add(f"reading/reissue_individual/legal_entities_only/{lang}", example="permit_II", patch=reissue,
              options={"lang": lang, "documents": {"readings": ["legal_entities_only"]}})

    # Venues: the office or a ЦОН where the edition names them; none on the portal.
    for ex in ["expertise_IV", "permit_III", "permit_IV"]:
        for v in ["provider_office", "con"]:
            c.add(f"venue/{ex}/{v}", example=ex, patch=[["add", "/venue", v]], options=opts())

    # The signer's EDS certificate on the portal (004 PR §9.7; 001 GR §6.7).
    cert = {"subject_iin": "871008401427", "subject_bin": "081240001238",
            "valid_from": "2019-01-10T09:00:00+06:00", "valid_until": "2020-01-10", "revoked": False}
    eds_cases = [("ok", {}), ("not_yet", {"valid_from": "2019-11-04T10:16:00+06:00"}),
                 ("expired", {"valid_until": "2019-11-03"}), ("revoked", {"revoked": True}),
                 ("foreign_bin", {"subject_bin": "940140000385"}), ("bad_date", {"valid_from": "10.01.2019"})]
    for name, change in eds_cases:
        c.add(f"eds/permit_II/{name}", example="permit_II", patch=[["add", "/eds", {**cert, **change}]], options=opts())
    c.add("eds/expertise_IV/portal_other_bin", example="expertise_IV",
          patch=[["replace", "/channel", "portal"],
                 ["add", "/eds", {**cert, "valid_from": "2013-01-01", "valid_until": "2014-01-01"}]], options=opts())

    # The application blank's fields (000 App.3, 002 PR App.1) and the РНН.
    for i, v in enumerate(["600900114104", "6009 0011 4104", "60090011410", "РНН"]):
        c.add(f"rnn/permit_IV/{i}:{v}", example="permit_IV", patch=[["add", "/applicant/rnn", v]], options=opts())
    c.add("form/permit_III/no_signatory", example="permit_III", patch=[["remove", "/signatory"]], options=opts())
    c.add("form/permit_III/empty_phone", example="permit_III", patch=[["replace", "/applicant/phone", " "]], options=opts())

    # Each field missing; each value of a wrong type; an unknown field in each object.
    wrong = [123, "x", True, [], {}, None, 12.5, -0.0, "", [1, "2"], {"a": {"b": []}}]
    k = 0
    for ex in ["permit_IV", "expertise_IV", "expertise_II"]:
        app = EXAMPLES[ex]
        for p, v in leaves(app):
            c.add(f"missing/{ex}{p}", example=ex, patch=[["remove", p]], options=opts())
            w = wrong[k % len(wrong)]
            k += 1
            if w == v:
                w = "?"
            c.add(f"wrong_type/{ex}{p}", example=ex, patch=[["replace", p, w]], options=opts())
        for p in objects(app):
            c.add(f"unknown_field/{ex}{p or '/'}", example=ex,
                  patch=[["add", p + "/x_unknown", {"nested": [1, 2]}]], options=opts())
        for key in app:
            c.add(f"missing_top/{ex}/{key}", example=ex, patch=[["remove", "/" + key]], options=opts())
    # Keys that are array indices: a JavaScript object lists them first, ascending
    # (JSON.parse does too), whatever their place in the text.
    for where in ["", "/applicant", "/facts", "/documents/0"]:
        c.add(f"unknown_field/index_keys{where or '/'}", example="permit_IV", options=opts(),
              patch=[["add", f"{where}/{k}", 1] for k in ["b", "10", "2", "01", "4294967295", "4294967294", "a"]])

    # submitted_at: every form, on and off the edition boundaries (seed 004: the 2019
    # Almaty city regulations apply from 1 October 2019, local time).
    for i, v in enumerate([
        "2013-10-08T15:05:00+06:00", "2013-10-08T09:05:00Z", "2013-10-08T09:05:00.000Z",
        "2013-10-08T15:05:00", "2013-10-08", "08.10.2013", "2013-10-08 15:05:00+06:00",
        "2013-10-08t15:05:00z", "2013-02-29T10:00:00+06:00", "2013-10-08T24:00:00+06:00",
        "2013-10-08T23:59:60+06:00", "2013-10-08T15:05:00.123456789+06:00", "2013-10-08T15:05:00+14:00",
        "2013-10-08T15:05:00-12:00", "2013-10-08T15:05:00+0600", "2013-10-08T15:05+06:00",
        "+002013-10-08T15:05:00+06:00", "2013-10-08T15:05:00+06:00 ", "1e3", 20131008,
        "2014-09-07T23:59:59+06:00", "2014-09-07T18:00:00Z", "2013-07-22T23:59:59+06:00",
        "2013-07-22T18:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
    ]):
        c.add(f"submitted_at/{i}:{json.dumps(v, ensure_ascii=False)}", example="permit_IV",
              patch=[["replace", "/submitted_at", v]], options=opts())
    for at in ["2019-09-30T18:30:00Z", "2019-09-30T17:30:00Z", "2019-10-01T00:00:00+06:00",
               "2019-09-30T23:59:59+06:00", "2020-10-01T23:59:59+06:00", "2020-10-02T00:00:00+06:00"]:
        c.add(f"edition_boundary/almaty_city/{at}", example="expertise_II",
              patch=[["replace", "/submitted_at", at]], options=opts())
    for i, v in enumerate(["2013-10-08", "2013-02-30", "2013-10-08T00:00:00Z", 20131008, "08.10.2013",
                           "2031-01-01", "1999-12-31", ""]):
        c.add(f"issued_on/{i}:{json.dumps(v)}", example="permit_IV",
              patch=[["replace", "/documents/0/issued_on", v]], options=opts())

    # ИИН / БИН of the applicant.
    for i, v in enumerate(["780305301126", "780305301127", "78030530112", "7803053011260",
                           "7803 0530 1126", " 780305301126 ", "78O305301126", "081240001238",
                           "990140000385", "000000000000", 780305301126, "７８０３０５３０１１２６"]):
        c.add(f"iin_bin/{i}:{json.dumps(v, ensure_ascii=False)}", example="permit_IV",
              patch=[["replace", "/applicant/iin_bin", v]], options=opts())
    c.add("iin_bin/legal_entity_with_iin", example="permit_IV",
          patch=[["replace", "/applicant/kind", "legal_entity"]], options=opts())

    # Expertise progress (seed 004 GR §5.3, §8.3: remarks and the window for fixes).
    for i, prog in enumerate([
        {"remarks_sent_on": "2019-12-16"}, {"remarks_sent_on": "2019-12-16", "fixes_submitted_on": "2019-12-20"},
        {"remarks_sent_on": "2019-12-16", "fixes_submitted_on": "2020-02-20"},
        {"fixes_submitted_on": "2019-12-10"}, {"remarks_sent_on": "2019-12-01"},
        {"remarks_sent_on": "16.12.2019"}, {"remarks_sent_on": None, "fixes_submitted_on": None},
    ]):
        c.add(f"expertise_progress/{i}", example="expertise_II", patch=[["add", "/expertise", prog]], options=opts())

    # JavaScript-only values (the `js` field): what the walker makes of them must
    # give the same report as the value it stands for natively.
    js_cases = [
        ("date_submitted_at", "permit_IV", [["replace", "/submitted_at", "2013-10-08T09:05:00.000Z"]],
         [["/submitted_at", "Date"]]),
        ("date_submitted_at_after_hours", "expertise_II",
         [["replace", "/submitted_at", "2019-12-09T12:30:00.000Z"]], [["/submitted_at", "Date"]]),
        ("date_issued_on", "permit_IV", [["replace", "/documents/0/issued_on", "2013-10-08T00:00:00.000Z"]],
         [["/documents/0/issued_on", "Date"]]),
        ("invalid_date", "permit_IV", [], [["/submitted_at", "invalid Date"]]),
        ("nan_amount", "permit_IV", [], [[cell, "NaN"]]),
        ("infinity_amount", "permit_IV", [], [[cell, "Infinity"]]),
        ("minus_infinity_area", "permit_IV", [], [["/industrial_sites/0/area_ha", "-Infinity"]]),
        ("nan_year", "permit_IV", [], [["/air_emissions/years/0/year", "NaN"]]),
        ("bigint_site_number", "permit_IV", [], [["/industrial_sites/0/number", "BigInt"]]),
        ("bigint_iin", "permit_IV", [], [["/applicant/iin_bin", "BigInt"]]),
        ("undefined_required", "permit_IV", [], [["/category", "undefined"]]),
        ("undefined_optional", "permit_IV", [], [["/documents/0/eds_signed", "undefined"]]),
        ("undefined_unknown", "permit_IV", [["add", "/x_unknown", None]], [["/x_unknown", "undefined"]]),
        ("undefined_array_item", "permit_IV", [["add", "/documents/-", None]], [["/documents/2", "undefined"]]),
        ("function_value", "permit_IV", [], [["/eds_signed", "function"]]),
        ("symbol_value", "permit_IV", [], [["/object/name", "Symbol"]]),
        ("map_value", "permit_IV", [], [["/facts", "Map"]]),
        ("set_value", "permit_IV", [], [["/documents", "Set"]]),
        ("everything_at_once", "permit_III", [["add", "/x", None]],
         [["/x", "undefined"], ["/applicant/iin_bin", "BigInt"], ["/industrial_sites/0/area_ha", "NaN"],
          ["/submitted_at", "invalid Date"], ["/eds_signed", "Symbol"]]),
    ]
    for name, ex, patch, js in js_cases:
        c.add(f"js/{name}", example=ex, patch=patch, js=js, options=opts())
    c.add("js/root_undefined_is_null", input=None, options=opts())
    c.add("js/root_bigint", input="1", js=[["", "BigInt"]], options=opts())
    c.add("js/root_nan", input=0, js=[["", "NaN"]], options=opts())
    c.add("js/root_date", input="2013-10-08T09:05:00.000Z", js=[["", "Date"]], options=opts())

    # Raw JSON text: what only text can say, and what JSON.parse would change.
    p4 = json.dumps(EXAMPLES["permit_IV"], ensure_ascii=False)
    texts = {
        "duplicate_key_root": p4[:-1] + ', "category": "II", "category": "IV"}',
        "duplicate_key_nested": p4.replace('"kind": "individual"', '"kind": "legal_entity", "kind": "individual"'),
        "duplicate_key_in_row": p4.replace('"code": "0337"', '"code": "0301", "code": "0337"', 1),
        "escaped_key": p4.replace('"category"', '"\\u0063ategory"'),
        "escaped_value": p4.replace('"emission_permit"', '"emission\\u005fpermit"'),
        "lone_surrogate": p4.replace('"Наубайхана"', '"\\ud800Наубайхана"', 1),
        "surrogate_pair": p4.replace('"Наубайхана"', '"\\ud83d\\ude00Наубайхана"', 1),
        "nul_in_string": p4.replace('"Наубайхана"', '"Нау\\u0000байхана"', 1),
        "minus_zero_literal": p4.replace('"number": 1', '"number": -0', 1),
        "minus_zero_amount": p4.replace('"0.0190"', '-0.0', 1),
        "exponent_literal": p4.replace('"0.0190"', '1.9E-2', 1),
        "huge_literal": p4.replace('"0.0190"', '1E400', 1),
        "tiny_literal": p4.replace('"0.0190"', '1e-400', 1),
        "long_literal": p4.replace('"0.0190"', '0.01900000000000000000000000000000000001', 1),
        "big_integer_literal": p4.replace('"number": 1', '"number": 9007199254740993', 1),
        "whitespace_everywhere": " \t\r\n" + p4.replace(": ", " \n:\t ") + "\n\t ",
        "key_order_reversed": json.dumps(dict(reversed(list(EXAMPLES["permit_IV"].items()))), ensure_ascii=False),
        "empty_object": "{}",
        "array_root": "[]",
        "string_root": '"application"',
        "number_root": "-0",
        "null_root": "null",
        "nesting_32": "[" * 32 + "]" * 32,
        "nesting_33": "[" * 33 + "]" * 33,
        "nesting_33_objects": '{"a":' * 33 + "null" + "}" * 33,
        "malformed_trailing_comma": p4[:-1] + ",}",
        "malformed_single_quotes": "{'service': 'emission_permit'}",
        "malformed_comment": "{/* c */}",
        "malformed_unterminated": '{"service": "emission_permit',
        "malformed_nan": '{"category": NaN}',
        "malformed_leading_zero": '{"category": 01}',
        "malformed_plus": '{"category": +1}',
        "malformed_dot": '{"category": .5}',
        "malformed_control_char": '{"category": "I\tI"}',
        "malformed_escape": '{"category": "\\x41"}',
        "malformed_surrogate_escape": '{"category": "\\ud8"}',
        "malformed_bom": "\ufeff{}",
        "malformed_empty": "",
        "malformed_only_space": "   ",
        "malformed_two_values": "{} {}",
        "malformed_key": "{1: 2}",
        "malformed_colon": '{"a" 1}',
        "malformed_missing_comma": '{"a": 1 "b": 2}',
        "malformed_truncated": p4[: len(p4) // 2],
        "malformed_multiline": '{\n  "service": "emission_permit",\n  "category": II\n}',
        "malformed_unicode_column": '{"name": "Қарағанды", x}',
    }
    # A repeated fact: warned about, the last answer counts (as in the object
    # JSON.parse makes of the text), whichever of the two is of the wrong type.
    x2 = EXAMPLES["expertise_II"]
    fact, answer = next(iter(x2["facts"].items()))
    rest = json.dumps(x2["facts"], ensure_ascii=False)[1:]
    for name, facts in [("bad_then_good", f'{{"{fact}": [], ' + rest),
                        ("good_then_bad", f'{{"{fact}": {json.dumps(not answer)}, ' + rest[:-1] + f', "{fact}": "yes"}}'),
                        ("null_then_answer", f'{{"{fact}": null, ' + rest),
                        ("three_times", f'{{"{fact}": 1, "{fact}": {json.dumps(not answer)}, ' + rest)]:
        texts[f"duplicate_fact/{name}"] = json.dumps({**x2, "facts": "FACTS"}, ensure_ascii=False).replace(
            '"FACTS"', facts)
    for name, text in texts.items():
        c.add(f"text/{name}", text=text, options=opts())

    # Valid JSON beyond the reader's limits, as an object and as text: the limit's
    # finding on both paths (a key is checked where the text reader meets it).
    deep = None
    for _ in range(40):
        deep = [deep]
    for name, patch in [("too_deep", [["add", "/x_unknown", deep]]),
                        ("too_deep_in_facts", [["add", "/facts/x_unknown", deep]]),
                        ("long_key", [["add", "/" + "k" * 65_537, 1]]),
                        ("long_key_in_facts", [["add", "/facts/" + "k" * 65_537, True]]),
                        ("long_string", [["replace", "/object/name", "x" * 65_537]])]:
        c.add(f"limits/{name}", example="permit_IV", patch=patch, options=opts())

    # Options: languages, severity changes; bad options are a TypeError in JavaScript.
    c.add("options/none", example="permit_IV", patch=[["remove", "/category"]])
    c.add("options/null", example="permit_IV", patch=[["remove", "/category"]], options=None)
    for i, o in enumerate([
        {"lang": "kk", "severity": {"input.unknown_field": "error"}},
        {"lang": "en", "severity": {"input.missing_field": "info", "editions.not_offered": "warning"}},
        {"lang": None}, {"severity": {}}, {"lang": "ru", "calendar": {"days_off": ["2013-10-09"]}},
        {"sla": {"reception_close": "18:30"}},
        {"lang": "de"}, {"lang": 1}, {"severity": {"x": "fatal"}}, {"severity": []}, {"colour": "red"},
        {"calendar": {"days_off": ["09.10.2013"]}}, {"sla": {"anchor": "x"}}, [], "kk", 1, True,
    ]):
        c.add(f"options/{i}:{json.dumps(o, ensure_ascii=False)}", example="permit_IV",
              patch=[["add", "/x_unknown", 1], ["remove", "/category"]], options=o)

    # Deadlines of the 2021 Code in an application: late fixes and what they lead to
    # (refusal, negative conclusion), an acceptance after the completeness check, a
    # re-issue filed more than 10 working days after the change of operator.
    a21 = {"applicant": {"name": "ТОО «Алатау Цемент»", "kind": "legal_entity", "iin_bin": "081240001238"},
           "service": "environmental_permit", "action": "issue", "category": "II", "channel": "portal",
           "edition": "eco_code_2021", "submitted_at": "2025-11-04T10:00:00+05:00", "eds_signed": True}
    x21 = {**a21, "service": "ecological_expertise", "action": "first", "category": "III",
           "submitted_at": "2026-04-07T09:00:00+05:00"}
    r21 = {**a21, "action": "reissue", "submitted_at": "2026-01-21T10:00:00+05:00",
           "operator_changed_on": "2026-01-05"}
    for name, app in [
        ("permit_fixes_late", {**a21, "expertise": {"accepted_on": "2025-11-05", "remarks_sent_on": "2025-11-20",
                                                    "fixes_submitted_on": "2025-11-28"}}),
        ("expertise_fixes_late", {**x21, "expertise": {"remarks_sent_on": "2026-04-15",
                                                       "fixes_submitted_on": "2026-04-21"}}),
        ("expertise_accepted_late", {**x21, "expertise": {"accepted_on": "2026-04-13"}}),
        ("reissue_operator_change_late", r21),
        ("reissue_operator_change_in_time", {**r21, "submitted_at": "2026-01-20T17:00:00+05:00"}),
    ]:
        c.add(f"sla_2021/{name}", text=json.dumps(app, ensure_ascii=False), options=opts())
    return c


# --------------------------------------------------------------------------
# Required documents
# --------------------------------------------------------------------------

def documents():
    c = Cases()
    for e in EDITIONS:
        ed = e["id"]
        offered = offers(ed)
        for service in ["emission_permit", "ecological_expertise", "environmental_permit",
                        "impact_declaration"]:
            for action in ["issue", "reissue", "first", "repeat"]:
                for cat in ["I", "II", "III", "IV"]:
                    for channel in ["portal", "in_person"]:
                        q = {"edition": ed, "service": service, "action": action, "category": cat,
                             "channel": channel}
                        o = offered.get(service)
                        ok = o and action in o["actions"] and channel in o["channels"]
                        name = f"{ed}/{service}/{action}/{cat}/{channel}"
                        c.add(f"{name}/no_facts", input=q, options="lang")
                        if not ok:
                            continue
                        c.add(f"{name}/all_yes", input={**q, "facts": {f: True for f in facts_of(ed)}},
                              options="lang")
                        c.add(f"{name}/all_no", input={**q, "facts": {f: False for f in facts_of(ed)}},
                              options="lang")
    # Selection by region and date, at the edges of the editions' periods.
    for e in EDITIONS:
        for d in [e["period"]["from"], e["period"].get("until")]:
            if d is None:  # in force
                continue
            day = date.fromisoformat(d)
            for dd in [day - timedelta(1), day, day + timedelta(1)]:
                c.add(f"by_region/{REGION[e['id']]}/{dd}", input={
                    "region": REGION[e["id"]], "date": dd.isoformat(), "service": "emission_permit",
                    "action": "issue", "category": "III", "channel": "portal"}, options="lang")
    base = {"edition": "almaty_oblast_2012", "service": "ecological_expertise", "action": "first",
            "category": "II", "channel": "in_person"}
    for fact in FACTS:
        for v in [True, False]:
            c.add(f"one_fact/{fact}/{v}", input={**base, "facts": {fact: v}}, options="lang")
    for i, (k, v) in enumerate([
        ("edition", "nope"), ("edition", 2012), ("region", "mars"), ("date", "2013-02-30"), ("date", 20130101),
        ("service", "permit"), ("action", None), ("category", "V"), ("category", 2), ("channel", "mail"),
        ("facts", {"uses_groundwater": "yes"}), ("facts", {"no_such_fact": True}), ("facts", []),
        ("x_unknown", 1), ("edition", ""), ("category", "ii"), ("category", " II"),
    ]):
        c.add(f"bad/{i}:{k}={json.dumps(v, ensure_ascii=False)}", input={**base, k: v},
              options="lang")
    for k in base:
        q = dict(base)
        del q[k]
        c.add(f"missing/{k}", input=q, options="lang")
    c.add("root/null", input=None)
    c.add("root/array", input=[base])
    c.add("root/string_not_json", text="edition=almaty_oblast_2012")
    c.add("root/duplicate_key", text=json.dumps(base)[:-1] + ', "category": "IV", "category": "II"}')
    c.add("root/bigint_category", input=base, js=[["/category", "BigInt"]])
    c.add("root/date_date", input={**base, "edition": None, "region": "almaty_oblast",
                                   "date": "2013-04-15T00:00:00.000Z"}, js=[["/date", "Date"]])
    c.add("options/bad", input=base, options={"lang": "xx"})
    fact = FACTS[0]
    c.add("facts/duplicate_bad_then_good",
          text=json.dumps({**base, "facts": "F"})[:-1].replace('"F"', f'{{"{fact}": "yes", "{fact}": true}}') + "}")
    c.add("facts/duplicate_good_then_bad",
          text=json.dumps({**base, "facts": "F"})[:-1].replace('"F"', f'{{"{fact}": true, "{fact}": 1}}') + "}")
    c.add("limits/long_fact", input={**base, "facts": {"f" * 65_537: True}})
    c.add("limits/deep_fact", input={**base, "facts": {fact: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}})
    return c


# --------------------------------------------------------------------------
# Deadlines and days
# --------------------------------------------------------------------------

def deadlines():
    c = Cases()
    times = [  # (label, days after the reference Tuesday, local time)
        ("tue_10_00", 0, "10:00:00"), ("tue_08_30", 0, "08:30:00"), ("tue_18_00", 0, "18:00:00"),
        ("tue_17_59_59", 0, "17:59:59"), ("fri_19_00", 3, "19:00:00"), ("sat_11_00", 4, "11:00:00"),
        ("sun_23_59", 5, "23:59:00"), ("mon_00_00", 6, "00:00:00"),
    ]
    for ed, (offset, ref) in EDITION_CLOCK.items():
        tue = ref + timedelta((1 - ref.weekday()) % 7)
        for service, o in offers(ed).items():
            for action in o["actions"]:
                for cat in ["II", "III", "IV"]:
                    for label, plus, hms in times:
                        local = datetime.fromisoformat(f"{tue + timedelta(plus)}T{hms}")
                        q = {"edition": ed, "service": service, "action": action, "category": cat,
                             "submitted_at": with_offset(local, offset)}
                        c.add(f"{ed}/{service}/{action}/{cat}/{label}", input=q, options="lang")
                    if service == "ecological_expertise":
                        local = datetime.fromisoformat(f"{tue}T10:00:00")
                        for r in [tue + timedelta(7), tue + timedelta(40), tue - timedelta(1)]:
                            q = {"edition": ed, "service": service, "action": action, "category": cat,
                                 "submitted_at": with_offset(local, offset), "remarks_sent_on": r.isoformat()}
                            c.add(f"{ed}/{service}/{action}/{cat}/remarks_{r}", input=q,
                                  options="lang")
    # Holidays and year ends (seeds: the working-day calendar of the Labour Code).
    for at in ["2013-03-20T17:00:00+06:00", "2013-03-21T10:00:00+06:00", "2013-12-13T17:30:00+06:00",
               "2013-12-31T16:00:00+06:00", "2014-01-02T10:00:00+06:00", "2013-05-04T10:00:00+06:00",
               "2013-05-10T10:00:00+06:00", "2014-05-06T10:00:00+06:00", "2013-04-30T18:00:00+06:00"]:
        for service, action in [("emission_permit", "issue"), ("ecological_expertise", "first")]:
            c.add(f"holiday/almaty_oblast_2012/{service}/{at}", input={
                "edition": "almaty_oblast_2012", "service": service, "action": action, "category": "II",
                "submitted_at": at}, options="lang")
    for at in ["2019-12-13T17:00:00+06:00", "2019-12-31T17:59:00+06:00", "2020-03-06T12:00:00+06:00",
               "2020-03-20T10:00:00+06:00", "2020-05-08T10:00:00+06:00", "2020-09-30T18:00:00Z",
               "2019-09-30T18:30:00Z", "2019-11-04T03:59:59Z", "2019-11-04T04:00:00Z"]:
        c.add(f"holiday/almaty_city_2019/{at}", input={
            "region": "almaty_city", "service": "ecological_expertise", "action": "first", "category": "IV",
            "submitted_at": at}, options="lang")
    # Counting options and calendar overrides (the SLA options).
    q12 = {"edition": "almaty_oblast_2012", "service": "ecological_expertise", "action": "first",
           "category": "II", "submitted_at": "2013-04-15T08:00:00+06:00"}
    q19 = {"edition": "almaty_city_2019", "service": "ecological_expertise", "action": "first",
           "category": "III", "submitted_at": "2019-12-06T18:10:00+06:00"}
    for i, sla in enumerate([
        {"reception_open": "08:00"}, {"reception_close": "18:30"}, {"reception_close": "18:00:01"},
        {"before_opening": "next_working_day"}, {"count_registration_day": True}, {"anchor": "submission"},
        {"roll_forward": False}, {"fixes_without_remarks": "none"}, {"expertise_month_from": "registration"},
        {"reception_open": "10:00", "reception_close": "09:00"}, {"reception_close": "25:00"}, {"anchor": 1},
        {"x": True},
    ]):
        for qn, q in [("2012", q12), ("2019", q19)]:
            c.add(f"sla/{qn}/{i}:{json.dumps(sla)}", input=q, options={"lang": "?", "sla": sla})
    for i, cal in enumerate([
        {"days_off": ["2013-04-16", "2013-04-17"]}, {"working_days": ["2013-04-20"]},
        {"days_off": ["2019-12-09"], "confirmed_years": [2019]}, {"confirmed_years": [2027]},
        {"days_off": ["2013-02-30"]}, {"days_off": "2013-04-16"}, {"x": []},
    ]):
        for qn, q in [("2012", q12), ("2019", q19)]:
            c.add(f"calendar/{qn}/{i}:{json.dumps(cal)}", input=q, options={"lang": "?", "calendar": cal})
    # Bad queries.
    for i, (k, v) in enumerate([
        ("edition", "nope"), ("region", "mars"), ("service", 1), ("action", "issue"), ("category", "I"),
        ("channel", "in_person"), ("channel", "mail"), ("submitted_at", "2019-12-06"),
        ("submitted_at", "2019-12-06T18:10:00"), ("submitted_at", "2019-02-30T10:00:00+06:00"),
        ("submitted_at", 1575634200000), ("remarks_sent_on", "2019-12-32"), ("remarks_sent_on", True),
        ("x_unknown", [1]), ("submitted_at", "2031-01-01T10:00:00+06:00"),
    ]):
        c.add(f"bad/{i}:{k}={json.dumps(v)}", input={**q19, k: v}, options="lang")
    for k in q19:
        q = dict(q19)
        del q[k]
        c.add(f"missing/{k}", input=q, options="lang")
    c.add("root/array", input=[q19])
    c.add("root/number", input=1)
    c.add("root/not_json", text="submitted_at=2019")
    c.add("root/duplicate_key", text=json.dumps(q19)[:-1] + ', "category": "II", "category": "III"}')
    c.add("root/options_not_object", input=q19, options="en")
    c.add("root/null", input=None)
    deep = None
    for _ in range(40):
        deep = [deep]
    c.add("limits/too_deep", input={**q19, "x_unknown": deep})
    c.add("limits/long_key", input={**q19, "k" * 65_537: 1})
    c.add("limits/long_string", input={**q19, "edition": "x" * 65_537})
    c.add("limits/too_deep_text", text="[" * 34 + "]" * 34)
    # A JavaScript Date for submitted_at: an instant, whatever the engine's time zone.
    for at in ["2019-12-06T12:10:00.000Z", "2019-12-06T18:10:00.000Z", "2013-04-15T02:00:00.000Z",
               "2013-12-31T17:59:59.999Z"]:
        c.add(f"js/date/{at}", input={**q19, "edition": None, "region": "almaty_city", "submitted_at": at},
              js=[["/submitted_at", "Date"]], options="lang")
    c.add("js/invalid_date", input=q19, js=[["/submitted_at", "invalid Date"]])
    c.add("js/bigint_category", input=q19, js=[["/category", "BigInt"]])
    c.add("js/undefined_remarks", input={**q19, "remarks_sent_on": None}, js=[["/remarks_sent_on", "undefined"]])
    # The Ecological Code of 2021: periods from the acceptance and from the remarks,
    # the days assumed without them, the options for what the Code leaves open, the
    # declaration without a term, and the edition chosen by region and date.
    p21 = {"edition": "eco_code_2021", "service": "environmental_permit", "action": "issue",
           "category": "II", "submitted_at": "2025-11-04T10:00:00+05:00"}
    x21 = {"edition": "eco_code_2021", "service": "ecological_expertise", "action": "first",
           "category": "III", "submitted_at": "2026-04-07T09:00:00+05:00"}
    for name, q in [
        ("permit/plain", p21),
        ("permit/accepted", {**p21, "accepted_on": "2025-11-05"}),
        ("permit/accepted_remarks", {**p21, "accepted_on": "2025-11-05", "remarks_sent_on": "2025-11-20"}),
        ("permit/remarks_only", {**p21, "remarks_sent_on": "2025-11-14"}),
        ("permit/accepted_late", {**p21, "accepted_on": "2025-11-10"}),
        ("permit/accepted_before_registration", {**p21, "accepted_on": "2025-11-03"}),
        ("permit/accepted_invalid", {**p21, "accepted_on": "2025-11-31"}),
        ("permit/remarks_late", {**p21, "accepted_on": "2025-11-05", "remarks_sent_on": "2025-12-01"}),
        ("permit/friday_evening", {**p21, "submitted_at": "2026-03-13T18:30:00+05:00"}),
        ("permit/first_day", {**p21, "submitted_at": "2021-07-01T11:00:00+06:00"}),
        ("permit/reissue_sunday", {**p21, "action": "reissue", "submitted_at": "2026-02-01T12:00:00+05:00"}),
        ("expertise/plain", x21),
        ("expertise/accepted_remarks", {**x21, "accepted_on": "2026-04-08", "remarks_sent_on": "2026-04-15"}),
        ("expertise/sunday", {**x21, "submitted_at": "2026-04-05T12:00:00+05:00"}),
        ("permit/category_III", {**p21, "category": "III"}),
        ("expertise/category_II", {**x21, "category": "II"}),
        ("declaration/saturday", {"edition": "eco_code_2021", "service": "impact_declaration", "action": "issue",
                                  "category": "III", "submitted_at": "2026-06-06T10:00:00+05:00"}),
        ("region/almaty_city_2026", {**p21, "edition": None, "region": "almaty_city",
                                     "submitted_at": "2026-05-12T11:00:00+05:00"}),
        ("accepted_on/2019", {**q19, "accepted_on": "2019-12-09"}),
    ]:
        c.add(f"eco_code_2021/{name}", input=q, options="lang")
    for i, sla in enumerate([
        {"expertise_remarks_from": "registration"}, {"expertise_remarks_from": "submission"},
        {"anchor": "submission"}, {"reissue_from": "submission_day"}, {"reception_close": "18:30"},
        {"expertise_remarks_from": "remarks_sent_on"}, {"reissue_from": "accepted_on"},
    ]):
        for qn, q in [("expertise", {**x21, "submitted_at": "2026-04-05T12:00:00+05:00"}),
                      ("reissue", {**p21, "action": "reissue", "submitted_at": "2026-02-01T12:00:00+05:00"})]:
            c.add(f"eco_code_2021/sla/{qn}/{i}:{json.dumps(sla)}", input=q, options={"lang": "?", "sla": sla})
    c.add("eco_code_2021/js/undefined_accepted", input={**p21, "accepted_on": None},
          js=[["/accepted_on", "undefined"]])
    return c


def days():
    c = Cases()
    for year, months in [(2013, [1, 3, 5, 12]), (2019, [12]), (2020, [1, 3, 5]), (2024, [2, 3]),
                         (2027, [3, 5]), (2012, [1]), (2031, [1])]:
        for m in months:
            d = date(year, m, 1)
            while d.month == m:
                c.add(f"day/{d}", input=d.isoformat(), options="lang")
                d += timedelta(1)
    for at in ["2025-03-23T19:00:00Z", "2025-03-23T18:59:59Z", "2024-02-29T18:00:00Z", "2024-02-29T17:59:59Z",
               "2024-02-29T19:30:00+00:00", "2013-12-15T18:00:00Z", "2013-12-16T10:00:00",
               "2013-12-16T10:00:00-12:00", "2013-12-16T10:00:00+14:00"]:
        c.add(f"instant/{at}", input=at, options="lang")
    for at in ["2025-03-23T19:00:00.000Z", "2024-02-29T18:00:00.000Z", "2013-12-15T18:00:00.000Z",
               "2020-12-31T18:00:00.000Z"]:
        c.add(f"js/date/{at}", input=at, js=[["", "Date"]], options="lang")
    c.add("js/invalid_date", input="x", js=[["", "invalid Date"]])
    c.add("js/bigint", input="20130101", js=[["", "BigInt"]])
    c.add("js/nan", input=0, js=[["", "NaN"]])
    c.add("js/undefined", input=None, js=[["", "undefined"]])
    for i, v in enumerate(["2013-02-29", "2013-13-01", "20130101", "2013-1-1", " 2013-01-01", "", "today",
                           "2013-01-01T25:00:00Z", "０２０１３-01-01"]):
        c.add(f"bad_text/{i}:{json.dumps(v, ensure_ascii=False)}", input=v, options="lang")
    for i, v in enumerate([None, 20130101, True, [], {}, ["2013-01-01"], {"date": "2013-01-01"}]):
        c.add(f"not_a_string/{i}:{json.dumps(v)}", input=v)
    for i, cal in enumerate([{"days_off": ["2013-05-06"]}, {"working_days": ["2013-05-04", "2013-05-05"]},
                             {"confirmed_years": [2027]}, {"days_off": ["x"]}]):
        for d in ["2013-05-04", "2013-05-05", "2013-05-06", "2027-05-17"]:
            c.add(f"calendar/{i}/{d}", input=d, options={"lang": "?", "calendar": cal})
    c.add("options/bad", input="2013-05-06", options={"lang": "xx"})
    return c


# --------------------------------------------------------------------------
# Identifiers
# --------------------------------------------------------------------------

def identifiers():
    c = Cases()
    seen = set()
    with open(os.path.join(ROOT, "tests", "vectors", "ident.jsonl"), encoding="utf-8") as f:
        for line in f:
            v = json.loads(line)["value"]
            key = json.dumps(v, ensure_ascii=False)
            if key in seen:
                continue
            seen.add(key)
            c.add(f"vector/{len(seen)}:{key}", input=v)
    hostile = ["", " ", "\u00a0871008401427", "871008401427\n", "８７１００８４０１４２７", "871008401427" * 2,
               "87100840142７", "\u0000" * 12, "x" * 5_000, "٨٧١٠٠٨٤٠١٤٢٧", "871-008-401-427",
               "871008401427\u200b", 871008401427, 8.71008401427e11, -871008401427, 0, -0.0, 1e300, 5e-324,
               True, False, None, [], {}, [[[]]], {"__proto__": "871008401427"}]
    for i, v in enumerate(hostile):
        c.add(f"hostile/{i}:{json.dumps(v, ensure_ascii=False)[:40]}", input=v)
    # As JSON text: a lone surrogate (U+FFFD, as the reader reads it everywhere),
    # strings at and beyond the length limit (checked before the characters), and
    # values beyond the reader's limits (a value that is not a string, by its type).
    for name, text in [("lone_surrogate", '"\\ud800"'), ("lone_low_surrogate", '"8710084\\udc0001427"'),
                       ("surrogate_pair", '"\\ud83d\\ude00"'),
                       ("at_length_limit", '"' + "1" * 65_536 + '"'),
                       ("beyond_length_limit", '"' + "1" * 65_537 + '"'),
                       ("beyond_length_limit_by_surrogate", '"' + "1" * 65_535 + '\\ud800"'),
                       ("nesting_33", "[" * 33 + "]" * 33), ("nesting_34", "[" * 34 + "]" * 34),
                       ("nesting_34_objects", '{"a":' * 34 + "1" + "}" * 34),
                       ("long_key", '{"' + "k" * 65_537 + '": 1}')]:
        c.add(f"text/{name}", text=text)
    for i, kind in enumerate(["BigInt", "NaN", "Infinity", "-Infinity", "Date", "invalid Date",
                              "function", "Symbol", "Map", "Set"]):
        v = "2013-10-08T09:05:00.000Z" if kind == "Date" else "871008401427"
        c.add(f"js/{kind}", input=v, js=[["", kind]])
    return c


def main():
    total = 0
    for kind, make in [("applications", applications), ("documents", documents),
                       ("deadlines", deadlines), ("days", days), ("identifiers", identifiers)]:
        total += make().write(kind)
    print(f"{total} cases in all")
    assert total >= 1000


if __name__ == "__main__":
    sys.exit(main())
