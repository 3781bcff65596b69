"""Reading a wasm module's sections, for the size scripts (wasm-code.py,
wasm-data.py, wasm-text.py):

    from wasm_sections import gz, leb, sections
    code = b"".join(b for sid, b in sections(open(path, "rb").read()) if sid == 10)
"""
import gzip


def gz(b):
    """Bytes of `b` after gzip -9."""
    return len(gzip.compress(bytes(b), 9))


def leb(b, i, signed=False):
    """The LEB128 number at `b[i]` and the index after it."""
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            if signed and x & 0x40:
                r -= 1 << s
            return r, i


def sections(w):
    """(id, body) of each section of the module `w`, in order."""
    out, i = [], 8
    while i < len(w):
        sid = w[i]
        n, i = leb(w, i + 1)
        out.append((sid, w[i : i + n]))
        i += n
    return out
