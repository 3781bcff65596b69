#!/usr/bin/env python3
"""The package's wasm code by module: the function bodies of the wasm-bindgen output
after wasm-opt with scripts/wasm-opt.flags and `-g` (names kept, otherwise the
package's optimisation, scripts/build-pkg.sh), grouped by
module path, raw and gzip -9 of each group alone. Run after `bash scripts/build-pkg.sh`:

    python3 bench/wasm-code.py [TOP]     # TOP: also list the TOP largest functions
    WASM=target/pkg-build/form/kz_eco_rules_form_bg.wasm python3 bench/wasm-code.py   # the form entry
"""
import collections
import os
import re
import subprocess
import sys

from wasm_sections import gz, leb, sections

SRC = os.environ.get("WASM", "target/pkg-build/web/kz_eco_rules_bg.wasm")
NAMED = "target/pkg-build/named.wasm"
FLAGS = open("scripts/wasm-opt.flags").read().split()
subprocess.run(["node_modules/.bin/wasm-opt", *FLAGS, "-g", SRC, "-o", NAMED], check=True)
w = open(NAMED, "rb").read()


secs = sections(w)
imported = 0
for sid, b in secs:
    if sid == 2:  # function imports come first in the index space
        cnt, j = leb(b, 0)
        for _ in range(cnt):
            for _ in range(2):
                n, j = leb(b, j)
                j += n
            kind = b[j]
            j += 1
            if kind == 0:
                _, j = leb(b, j)
                imported += 1
            elif kind in (1, 2):
                j += kind == 1
                flags = b[j]
                _, j = leb(b, j + 1)
                if flags & 1:
                    _, j = leb(b, j)
            elif kind == 3:
                j += 2
names = {}
for sid, b in secs:
    if sid == 0:
        n, j = leb(b, 0)
        if b[j : j + n] != b"name":
            continue
        j += n
        while j < len(b):
            sub = b[j]
            size, j = leb(b, j + 1)
            if sub == 1:
                cnt, k = leb(b, j)
                for _ in range(cnt):
                    idx, k = leb(b, k)
                    n, k = leb(b, k)
                    names[idx] = b[k : k + n].decode("utf8", "replace")
                    k += n
            j += size
bodies = []
for sid, b in secs:
    if sid == 10:
        cnt, j = leb(b, 0)
        for f in range(cnt):
            size, j = leb(b, j)
            bodies.append((names.get(imported + f, "?"), b[j : j + size]))
            j += size

NESTED = {"wasm", "findings", "input", "emissions", "documents", "sla", "calendar", "ident", "editions"}


def group(name):
    m = re.search(r"kz_eco_rules::(\w+)(?:::(\w+))?", name)
    if m:
        return "kz_eco_rules::" + m.group(1) + ("::" + m.group(2) if m.group(1) in NESTED and m.group(2) else "")
    for c in ("core", "alloc", "std", "wasm_bindgen", "js_sys", "talc", "zmij", "serde", "compiler_builtins"):
        if name.startswith(c) or f"<{c}" in name or f" {c}[" in name:
            return c
    if "shim" in name:
        return "wasm-bindgen shims"
    return "other"


agg = collections.defaultdict(lambda: [0, b""])
for name, b in bodies:
    g = agg[group(name)]
    g[0] += len(b)
    g[1] += b
print(f"{len(bodies)} functions, {sum(len(b) for _, b in bodies)} B of code")
for raw, gzb, g in sorted(((v[0], gz(v[1]), k) for k, v in agg.items()), reverse=True):
    print(f"{raw:8} B  gzip {gzb:7} B  {g}")
if len(sys.argv) > 1:
    for size, name in sorted(((len(b), n) for n, b in bodies), reverse=True)[: int(sys.argv[1])]:
        print(f"{size:8} B  {name[:140]}")
