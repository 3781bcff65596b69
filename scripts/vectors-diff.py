#!/usr/bin/env python3
"""A short review of changes to the parity corpus's expected outputs: for each
changed case, its name and each changed stretch of its line with some context
(the lines are long JSON reports, so a plain diff hides what changed).

Usage: python3 scripts/vectors-diff.py [MAX_CASES]   (compares with git HEAD)
"""
import difflib
import json
import os
import re
import subprocess
import sys

DIR = "tests/vectors/parity"
CONTEXT = 60
TOKEN = re.compile(r"\w+|\W")


def names_and_lines(text):
    out = {}
    for line in text.splitlines():
        if line:
            out[json.loads(line)["name"]] = line
    return out


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    shown = 0
    changed = 0
    for f in sorted(os.listdir(DIR)):
        if not f.endswith(".expected.jsonl"):
            continue
        path = f"{DIR}/{f}"
        old = subprocess.run(["git", "show", f"HEAD:{path}"], capture_output=True, text=True).stdout
        with open(path, encoding="utf-8") as fh:
            new = fh.read()
        old, new = names_and_lines(old), names_and_lines(new)
        gone = [n for n in old if n not in new]
        added = [n for n in new if n not in old]
        diff = [n for n in new if n in old and old[n] != new[n]]
        if not (gone or added or diff):
            continue
        changed += len(gone) + len(added) + len(diff)
        print(f"{f}: {len(diff)} changed, {len(added)} new, {len(gone)} removed")
        for n in added[:3]:
            print(f"  + {n}")
        for n in gone[:3]:
            print(f"  - {n}")
        for n in diff:
            if shown >= limit:
                break
            shown += 1
            print(f"  ~ {n}")
            # Word by word: a character diff of two messages is unreadable.
            a, b = TOKEN.findall(old[n]), TOKEN.findall(new[n])
            ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            for tag, i1, i2, j1, j2 in [o for o in ops if o[0] != "equal"][:3]:
                before = "".join(a[:i1])[-CONTEXT:]
                after = "".join(a[i2:])[:CONTEXT]
                print(f"      …{before}[-{''.join(a[i1:i2])}-]{{+{''.join(b[j1:j2])}+}}{after}…")
    print(f"{changed} cases changed" + (f" ({shown} shown)" if changed else ""))


if __name__ == "__main__":
    main()
