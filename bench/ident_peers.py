"""ИИН/БИН validators from PyPI on the 10⁶ inputs of target/bench/ident-inputs.txt.

Run in the benchmark venv (bash bench/ident.sh makes it under target/bench/venv):

    target/bench/venv/bin/python bench/ident_peers.py [RUNS]

Each validator is called once per input the way its documentation shows, wrapped
to give True/False; prints a Markdown table (median of RUNS timed runs after one
warm-up; the same figures go to target/bench/ident-python.json) and how often each one's answer differs from ours (the `valid` field of
`kz-eco-rules id --jsonl`, read from target/bench/ident-verdicts.jsonl; for a
validator of ИИН only, our "valid and an ИИН"). python-stdnum 2.2 has no
Kazakhstan module (the kz/bin.py pull request was not merged), so it is not here.
"""
import json
import statistics
import sys
import time
from importlib.metadata import version

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3

with open("target/bench/ident-inputs.txt", encoding="utf-8") as f:
    INPUTS = f.read().split("\n")
if INPUTS and INPUTS[-1] == "":
    INPUTS.pop()
with open("target/bench/ident-verdicts.jsonl", encoding="utf-8") as f:
    VERDICTS = [json.loads(line) for line in f]
assert len(VERDICTS) == len(INPUTS)
# What we answer for "a valid ИИН or БИН" and for "a valid ИИН".
OURS = {"any": [v["valid"] for v in VERDICTS],
        "iin": [v["valid"] and v["kind"] == "iin" for v in VERDICTS]}


def peers():
    """(name, scope, function str -> bool) for every peer; scope "iin" when it
    checks ИИН only (compared with our "valid ИИН"), "any" when ИИН or БИН."""
    out = []

    from kz_iin_validator import validate_iin

    def kz_iin_validator(s):
        try:
            validate_iin(s)
            return True
        except Exception:
            return False

    out.append((f"kz-iin-validator {version('kz-iin-validator')} `validate_iin` (ИИН only)", "iin",
                kz_iin_validator))

    from kz.validators import IIN

    out.append((f"py-kz-validators {version('py-kz-validators')} `IIN.is_valid` (ИИН only)", "iin",
                IIN.is_valid))

    from idnumbers.nationalid.KAZ import BusinessIDNumber, IndividualIDNumber

    iin_ok, bin_ok = IndividualIDNumber.validate, BusinessIDNumber.validate
    out.append((f"idnumbers {version('idnumbers')} `KAZ.IndividualIDNumber` / `BusinessIDNumber`", "any",
                lambda s: iin_ok(s) or bin_ok(s)))

    from airlock_pii.validators import is_valid_bin, is_valid_iin

    out.append((f"airlock-pii {version('airlock-pii')} `is_valid_iin` / `is_valid_bin`", "any",
                lambda s: is_valid_iin(s) or is_valid_bin(s)))
    return out


def measure(fn):
    answers = [fn(s) for s in INPUTS]  # warm-up
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        answers = [fn(s) for s in INPUTS]
        times.append(time.perf_counter() - t0)
    return statistics.median(times), answers


print(f"Python {sys.version.split()[0]}, {len(INPUTS)} inputs, median of {RUNS} runs\n")
print("| validator | ns / input | inputs / s | valid | answers differing from ours |")
print("|---|---:|---:|---:|---:|")
rows = []
for name, scope, fn in peers():
    seconds, answers = measure(fn)
    valid = sum(answers)
    differ = sum(a != o for a, o in zip(answers, OURS[scope]))
    print(f"| {name} | {seconds * 1e9 / len(INPUTS):,.1f} | {len(INPUTS) / seconds:,.0f} | {valid:,} | {differ:,} |")
    rows.append({"name": name, "nsPerInput": seconds * 1e9 / len(INPUTS), "perSecond": len(INPUTS) / seconds,
                 "valid": valid, "differ": differ})
# For bench/record.sh.
with open("target/bench/ident-python.json", "w", encoding="utf-8") as f:
    json.dump({"python": sys.version.split()[0], "runs": RUNS, "rows": rows}, f, ensure_ascii=False, indent=1)
