#!/usr/bin/env python3
"""Writes tests/vectors/ident.jsonl: ИИН/БИН test vectors read by tests/it/ident.rs
(natively and in wasm).

The expected answers come from this file's own small reference implementation of
the rules (written separately from the Rust code, from the rules in
src/ident/mod.rs), and are cross-checked here against the verdicts other projects
give (PEERS_DIR/peer-test-examples.jsonl: what each peer claims and a strict
oracle): every line must agree with the oracle on valid/invalid, and on the
reason wherever the reasons are comparable (the differences are listed in
REASON_DIFFERS with why). The 270 real БИН from the python-stdnum pull request
must all be valid (PEERS_DIR/real-bins-python-stdnum-pr322.txt).

Run through `IDENT_PEERS_DIR=PEERS_DIR bash scripts/dev.sh generate --references`.
"""
import calendar
import json
import os
import sys
import unicodedata

if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
    sys.exit("usage: python3 scripts/gen-ident-vectors.py PEERS_DIR")
DATA = sys.argv[1]
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "vectors", "ident.jsonl")

W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
DASHES = set("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d")
ENTITY = {4: "resident_legal_entity", 5: "non_resident_legal_entity",
          6: "joint_individual_entrepreneurship"}
ATTRIBUTE = {0: "head_office", 1: "branch", 2: "representative_office", 3: "peasant_farm",
             4: "farm_holding"}


def check(d):
    for w in (W1, W2):
        r = sum(a * b for a, b in zip(d[:11], w)) % 11
        if r != 10:
            return r
    return None


def digits(text):
    """12 digit values, or the reason code."""
    t = text.strip()
    if not t:
        return "ident.empty"
    inner = t[0] in "0123456789" and t[-1] in "0123456789"
    out, sep = [], None
    for ch in t:
        if ch in "0123456789":
            out.append(int(ch))
        elif inner and (ch.isspace() or ch in DASHES):
            sep = sep or "ident.inner_separator"
        elif unicodedata.category(ch) in ("Nd", "Nl", "No"):
            return "ident.non_ascii_digit"
        else:
            return "ident.non_digit"
    if sep:
        return sep
    return out if len(out) == 12 else "ident.wrong_length"


def checksum(d):
    c = check(d)
    if c is None:
        return "ident.uncheckable"
    return None if c == d[11] else "ident.checksum_mismatch"


def as_iin(d):
    c = d[6]
    if not 1 <= c <= 6:
        return "ident.unknown_century_sex", None
    year = 1800 + 100 * ((c - 1) // 2) + d[0] * 10 + d[1]
    month, day = d[2] * 10 + d[3], d[4] * 10 + d[5]
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return "ident.impossible_birth_date", None
    bad = checksum(d)
    if bad:
        return bad, None
    return None, {"birth_date": f"{year:04}-{month:02}-{day:02}",
                  "sex": "male" if c % 2 else "female", "century": 19 + (c - 1) // 2}


def as_bin(d):
    yy = d[0] * 10 + d[1]
    year = 1900 + yy if yy >= 90 else 2000 + yy
    month = d[2] * 10 + d[3]
    if not 1 <= month <= 12:
        return "ident.impossible_registration_month", None
    if d[4] not in ENTITY:
        return "ident.unknown_entity_type", None
    if d[5] not in ATTRIBUTE:
        return "ident.unknown_attribute", None
    bad = checksum(d)
    if bad:
        return bad, None
    return None, {"registered": f"{year:04}-{month:02}",
                  "entity_type": ENTITY[d[4]], "attribute": ATTRIBUTE[d[5]]}


def kind_of(d):
    return "iin" if d[4] <= 3 else "bin" if d[4] <= 6 else None


def verdict(value):
    """What validateIdentifier / `id --jsonl` answer for a JSON value."""
    if not isinstance(value, str):
        text = {True: "true", False: "false", None: "null"}.get(value) if (
            value is None or isinstance(value, bool)) else (
            json.dumps(value) if isinstance(value, (int, float)) else
            "array" if isinstance(value, list) else "object")
        return {"input": text, "valid": False, "kind": None,
                "code": "ident.not_a_string", "fields": {}}
    d = digits(value)
    if isinstance(d, str):
        return {"input": value, "valid": False, "kind": None, "code": d, "fields": {}}
    kind = kind_of(d)
    if kind is None:
        code, fields = "ident.unknown_kind", None
    else:
        code, fields = (as_iin if kind == "iin" else as_bin)(d)
    return {"input": value, "valid": code is None, "kind": kind, "code": code,
            "fields": fields or {}}


def forced(text, want):
    """parse_iin / parse_bin: the code, or None when valid."""
    d = digits(text)
    if isinstance(d, str):
        return d
    code, _ = (as_iin if want == "iin" else as_bin)(d)
    other = "bin" if want == "iin" else "iin"
    if code and kind_of(d) == other and (as_bin if other == "bin" else as_iin)(d)[0] is None:
        return f"ident.{other}_not_{want}"
    return code


# Oracle reasons of the peer file → our codes.
REASON = {
    "non_digit": "ident.non_digit", "bad_length": "ident.wrong_length",
    "bad_checksum": "ident.checksum_mismatch", "checksum_unassignable": "ident.uncheckable",
    "empty": "ident.empty", "bad_century_digit": "ident.unknown_century_sex",
    "bad_entity_type": "ident.unknown_entity_type", "bad_attribute": "ident.unknown_attribute",
    "not_a_string": "ident.not_a_string",
}
# Where our reason differs from the oracle's (the verdict invalid agrees).
REASON_DIFFERS = {
    "            ": ("ident.empty", "surrounding whitespace is trimmed, leaving nothing"),
    "990 140 004 654": ("ident.inner_separator", "spaces between the digits are a reason of their own"),
    "140 840 008 587": ("ident.inner_separator", "spaces between the digits are a reason of their own"),
    "123456789123": ("ident.unknown_century_sex", "the century digit (7th, here 7) is checked before the date"),
    "123456789010": ("ident.unknown_century_sex", "the century digit (7th, here 7) is checked before the date"),
    "123456789012": ("ident.unknown_century_sex", "the century digit (7th, here 7) is checked before the date"),
    "123456789013": ("ident.unknown_century_sex", "the century digit (7th, here 7) is checked before the date"),
    "009900000008": ("ident.unknown_century_sex", "the century digit (7th, here 0) is checked before the date"),
    "009900030008": ("ident.unknown_century_sex", "the century digit (7th, here 0) is checked before the date"),
}

# Hand-made cases: (value, as, note). Valid numbers were built with the check digit
# of check() above.
def with_check(first11):
    d = [int(c) for c in first11]
    c = check(d)
    assert c is not None, first11
    return first11 + str(c)


HAND = [
    (with_check("00022950012"), "auto", "29 Feb 2000 (digit 5: 2000s) exists"),
    (with_check("00022930012"), "auto", "29 Feb 1900 (digit 3) does not exist"),
    (with_check("96022940012"), "auto", "29 Feb 1996 exists"),
    (with_check("97022940012"), "iin", "29 Feb 1997 does not exist (checked before the check digit)"),
    (with_check("85043130012"), "iin", "31 April does not exist"),
    (with_check("85130130012"), "iin", "month 13"),
    (with_check("85000130012"), "iin", "month 00"),
    (with_check("85010030012"), "iin", "day 00"),
    (with_check("85010100012"), "iin", "7th digit 0"),
    (with_check("85010180012"), "iin", "7th digit 8"),
    (with_check("99123160012"), "auto", "31 Dec 2099"),
    (with_check("00010110001"), "auto", "1 Jan 1800, male"),
    (with_check("24015012341"), "auto", "2024-01 non-resident legal entity head office"),
    (with_check("24016300001"), "auto", "ИП(С) peasant farm"),
    (with_check("24016300001"), "iin", "an ИП(С) БИН where an ИИН is asked"),
    (with_check("05104000891")[:11] + "0", "bin", "a БИН with a wrong check digit"),
    (with_check("89124000001"), "auto", "БИН year 89 is 2089"),
    (with_check("90014000001"), "auto", "БИН year 90 is 1990"),
    (with_check("24014400001"), "auto", "БИН attribute 4: farm holding (2023 rules)"),
    (with_check("24014500001"), "auto", "БИН attribute 5 unknown"),
    (with_check("24017000001"), "bin", "БИН type 7 (forced) unknown"),
    (with_check("24017000001"), "auto", "5th digit 7: neither"),
    (with_check("24019000001"), "auto", "5th digit 9: neither"),
    ("940140000385", "iin", "a valid БИН where an ИИН is asked"),
    ("871008401427", "bin", "a valid ИИН where a БИН is asked"),
    ("940140000380", "iin", "an invalid БИН where an ИИН is asked is read as an ИИН"),
    (" \t871008401427\u00a0\n", "auto", "surrounding whitespace (incl. NBSP) is trimmed"),
    ("8710-0840-1427", "auto", "inner dashes"),
    ("871008\u2013401427", "auto", "inner en dash"),
    ("87 10 08 40 14 27", "auto", "inner spaces"),
    ("-871008401427", "auto", "a leading dash is not a separator"),
    ("８７１００８４０１４２７", "auto", "full-width digits"),
    ("871008٤01427", "auto", "an Arabic-Indic digit"),
    ("87100840142²", "auto", "a superscript digit"),
    ("8710084O1427", "auto", "letter O for zero"),
    ("871008401427\u200b", "auto", "a zero-width space"),
    ("8710084014270", "auto", "13 digits"),
    ("", "auto", "empty"),
    ("000813159890", "auto", "both passes give 10"),
    ("830717350867", "auto", "check digit from the second pass"),
    (868795643215, "auto", "a JSON number"),
    (None, "auto", "null"),
    (True, "auto", "a boolean"),
    (["871008401427"], "auto", "an array"),
    ({"iin": "871008401427"}, "auto", "an object"),
]


def main():
    vectors, problems = [], []

    def add(value, mode, source):
        if mode == "auto":
            expect = verdict(value)
        else:
            code = forced(value, mode)
            expect = {"valid": code is None, "code": code}
        vectors.append({"value": value, "as": mode, "expect": expect, "source": source})
        return expect

    with open(os.path.join(DATA, "peer-test-examples.jsonl"), encoding="utf-8") as f:
        peers = [json.loads(line) for line in f if line.strip()]
    for p in peers:
        value, source = p["input"], f'{p["source_repo"]} {p["source_path"]}'
        if isinstance(value, str):
            got = add(value, p["kind"], source)
            if got["valid"] != p["oracle_valid"]:
                problems.append(f"{value!r} ({p['kind']}): valid {got['valid']}, oracle {p['oracle_valid']}")
            if not got["valid"]:
                want = REASON_DIFFERS.get(value, (REASON.get(p["oracle_reason"]), ""))[0]
                if p["oracle_reason"] == "bad_month":
                    want = REASON_DIFFERS.get(value, (
                        "ident.impossible_birth_date" if p["kind"] == "iin"
                        else "ident.impossible_registration_month", ""))[0]
                if got["code"] != want:
                    problems.append(f"{value!r} ({p['kind']}): {got['code']}, oracle {p['oracle_reason']}")
        got = add(value, "auto", source)
        if isinstance(value, str) and got["valid"] != p["oracle_valid"]:
            problems.append(f"{value!r} (auto): valid {got['valid']}, oracle {p['oracle_valid']}")
        if got["valid"] and "1987-10-08 female" in p["source_note"]:
            assert got["fields"] == {"birth_date": "1987-10-08", "sex": "female", "century": 20}

    with open(os.path.join(DATA, "real-bins-python-stdnum-pr322.txt"), encoding="utf-8") as f:
        for line in f:
            number = line.strip()
            compact = number.replace(" ", "")
            got = add(compact, "auto", "python-stdnum PR 322 real BIN")
            if not got["valid"] or got["kind"] != "bin":
                problems.append(f"real BIN {number}: {got}")
            if compact != number:
                add(number, "auto", "python-stdnum PR 322 real BIN, written with spaces")

    for value, mode, note in HAND:
        add(value, mode, f"hand: {note}")

    if problems:
        sys.exit("disagreements:\n  " + "\n  ".join(problems))
    with open(OUT, "w", encoding="utf-8") as f:
        for v in vectors:
            f.write(json.dumps(v, ensure_ascii=False) + "\n")
    print(f"{len(vectors)} vectors → {os.path.normpath(OUT)}")


main()
