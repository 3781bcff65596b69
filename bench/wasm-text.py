#!/usr/bin/env python3
"""Where the bytes of the package's wasm are: code and data sections (raw, gzip -9
alone) and, in the data section, the localized text per language.

The text is every `kk:`/`ru:`/`en:` literal of the build's generated tables (the
OUT_DIR of the wasm-release build) that is present in the data section. Run after
`bash scripts/build-pkg.sh`:

    python3 bench/wasm-text.py [pkg/kz_eco_rules_bg.wasm]
"""
import glob
import os
import re
import sys

from wasm_sections import gz, sections

WASM = sys.argv[1] if len(sys.argv) > 1 else "pkg/kz_eco_rules_bg.wasm"
outs = glob.glob("target/wasm32-unknown-unknown/wasm-release/build/kz-eco-rules-*/out")
OUT = max(outs, key=os.path.getmtime)


def unescape(s):
    s = re.sub(r"\\u\{([0-9a-f]+)\}", lambda m: chr(int(m.group(1), 16)), s)
    return s.replace('\\"', '"').replace("\\'", "'").replace("\\n", "\n").replace("\\\\", "\\")


wasm = open(WASM, "rb").read()
secs = sections(wasm)
code, data = (b"".join(b for sid, b in secs if sid == k) for k in (10, 11))
print(f"{'whole wasm':48} {len(wasm):8} B  gzip {gz(wasm):7} B")
print(f"{'code section':48} {len(code):8} B  gzip {gz(code):7} B")
print(f"{'data section':48} {len(data):8} B  gzip {gz(data):7} B")
lit = r'"((?:[^"\\]|\\.)*)"'
pat = re.compile(r"kk: " + lit + r", ru: " + lit + r", en: " + lit)
text = {"kk": set(), "ru": set(), "en": set()}
for f in sorted(glob.glob(OUT + "/*.rs")):
    for m in pat.finditer(open(f, encoding="utf8").read()):
        kk, ru, en = (unescape(x) for x in m.groups())
        if ru.encode() in data:
            text["kk"].add(kk)
            text["ru"].add(ru)
            text["en"].add(en)
together = b""
for lang, strings in text.items():
    b = "\n".join(sorted(strings)).encode()
    together += b
    print(f"{'— localized text, ' + lang + f' ({len(strings)} strings)':48} {len(b):8} B  gzip {gz(b):7} B")
print(f"{'— the three languages together':48} {len(together):8} B  gzip {gz(together):7} B")
rest = data
for strings in text.values():
    for s in sorted(strings, key=len, reverse=True):
        rest = rest.replace(s.encode(), b"")
print(f"{'— data section without the localized text':48} {len(rest):8} B  gzip {gz(rest):7} B")
schema = os.path.join(OUT, "application.schema.json")
if os.path.exists(schema):
    s = open(schema, "rb").read()
    if s in data:
        print(f"{'— of which the embedded JSON Schema':48} {len(s):8} B  gzip {gz(s):7} B")
