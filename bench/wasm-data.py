#!/usr/bin/env python3
"""What the package wasm's data section is made of, besides its text: the
4-byte words that point into the data (the `&'static str` / slice pointers of
the generated tables), the lengths and small numbers next to them, zero fill
(padding, empty enum variants), runs of text, and the rest (binary tables).
Each part is gzipped alone (-9) as well, which says what it costs in the
download. Run after `bash scripts/build-pkg.sh`:

    python3 bench/wasm-data.py [pkg/kz_eco_rules_bg.wasm]
"""
import re
import struct
import sys

from wasm_sections import gz, leb, sections

WASM = sys.argv[1] if len(sys.argv) > 1 else "pkg/kz_eco_rules_bg.wasm"


def segments(w):
    """(address, bytes) of each active data segment."""
    for sid, body in sections(w):
        if sid == 11:
            count, j = leb(body, 0)
            out = []
            for _ in range(count):
                flag, j = leb(body, j)
                if flag != 0 or body[j] != 0x41:
                    raise SystemExit("unexpected data segment form")
                addr, j = leb(body, j + 1, signed=True)
                j += 1  # end
                size, j = leb(body, j)
                out.append((addr, body[j : j + size]))
                j += size
            return out
    return []


wasm = open(WASM, "rb").read()
segs = segments(wasm)
lo = min(a for a, _ in segs)
hi = max(a + len(d) for a, d in segs)
mem = bytearray(hi - lo)
for a, d in segs:
    mem[a - lo : a - lo + len(d)] = d

# Text: runs of ≥ 4 bytes of printable UTF-8 (the strings of the tables).
kind = bytearray(len(mem))  # 0 other, 1 text, 2 pointer, 3 small number, 4 zero
for m in re.finditer(rb"(?:[\x20-\x7e\n]|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}){4,}", bytes(mem)):
    kind[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
for k in range(0, len(mem) - 3, 4):
    if any(kind[k : k + 4]):
        continue
    v = struct.unpack_from("<I", mem, k)[0]
    if lo <= v < hi:
        kind[k : k + 4] = b"\x02" * 4
    elif v == 0:
        kind[k : k + 4] = b"\x04" * 4
    elif v < 1 << 16:
        kind[k : k + 4] = b"\x03" * 4
names = ["other (binary tables)", "text", "pointers into the data", "small numbers (lengths, indices)", "zero words (padding, empty variants)"]
print(f"{'data section (memory image)':44} {len(mem):8} B  gzip {gz(mem):7} B")
for n, name in enumerate(names):
    part = bytes(b for b, t in zip(mem, kind) if t == n)
    print(f"{'— ' + name:44} {len(part):8} B  gzip {gz(part):7} B")
