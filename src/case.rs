//! Case folding for comparing what applicants type: our own lower-casing of the
//! scripts the forms are written in, the same natively and in wasm, without core's
//! Unicode case tables (DESIGN.md, "Size of the wasm").
//!
//! ```text
//! fold('Қ') == 'қ'    fold('Σ') == 'σ'    fold('Ł') == 'ł'    fold('中') == '中'
//! fold_str("ҚАЗАҚСТАН Әуе") == "қазақстан әуе"
//! ```

/// The lower case of `c` for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
/// (with the Cyrillic supplement: Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ І), by code-point ranges —
/// `char::to_lowercase`'s first character for each of them (İ becomes i). Other
/// characters are returned as written.
pub(crate) fn fold(c: char) -> char {
    let u = u32::from(c);
    let odd = u % 2 == 1;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        // Latin Extended-A: pairs, capital first…
        0x130 => 0x69,
        0x178 => 0xFF,
        0x100..=0x137 | 0x14A..=0x177 if !odd => u + 1,
        // …from Ĺ to Ň and from Ź to Ž the capital is odd.
        0x139..=0x148 | 0x179..=0x17E if odd => u + 1,
        // Greek.
        0x370..=0x373 | 0x376 | 0x3D8..=0x3EF if !odd => u + 1,
        0x37F => 0x3F3,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 0x20,
        0x3CF => 0x3D7,
        0x3F4 => 0x3B8,
        0x3F7 | 0x3FA => u + 1,
        0x3F9 => 0x3F2,
        0x3FD..=0x3FF => u - 0x82,
        // Cyrillic.
        0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        // Cyrillic pairs, capital even…
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if !odd => u + 1,
        // …except Ӏ and Ӂ–Ӎ (capital odd).
        0x4C0 => 0x4CF,
        0x4C1..=0x4CD if odd => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// `s` with every character [`fold`]ed.
pub(crate) fn fold_str(s: &str) -> String {
    s.chars().map(fold).collect()
}

/// `s` [`fold`]ed, with runs of white space collapsed to one space and none at
/// either end: how two names typed by people are compared.
///
/// ```text
/// normalized("  Азота\tДИОКСИД ") == "азота диоксид"
/// ```
pub(crate) fn normalized(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalized_walk(s, fold, |c| out.push(c));
    out
}

/// The characters of [`normalized`] text, folded by `fold`, given to `put`
/// one by one (a plain loop: iterator adapters cost more wasm).
#[inline(always)]
pub(crate) fn normalized_walk(s: &str, fold: impl Fn(char) -> char, mut put: impl FnMut(char)) {
    let (mut pending, mut started) = (false, false);
    for c in s.chars() {
        if crate::text::is_space(c) {
            pending = started;
            continue;
        }
        if pending {
            put(' ');
            pending = false;
        }
        started = true;
        put(fold(c));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_unicode_in_the_folded_scripts_and_keeps_the_others() {
        let folded = ('\0'..='\u{17f}')
            .chain('\u{370}'..='\u{3ff}')
            .chain('\u{400}'..='\u{52f}');
        for c in folded.clone() {
            let unicode = c.to_lowercase().next().unwrap();
            assert_eq!(fold(c), unicode, "{c} U+{:04X}", u32::from(c));
        }
        // Latin Extended-B and everything beyond the folded scripts stays as written.
        for c in ('\u{180}'..='\u{36f}').chain('\u{530}'..=char::MAX) {
            assert_eq!(fold(c), c, "U+{:04X}", u32::from(c));
        }
        assert_eq!(
            fold_str("ҚАЗАҚСТАН Әуе ӘҒҚҢӨҰҮҺІ"),
            "қазақстан әуе әғқңөұүһі"
        );
        assert_eq!(fold_str("ΣΟΦΙΑ İstanbul Łódź"), "σοφια istanbul łódź");
    }
}
