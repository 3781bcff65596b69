//! Sortable `u64` keys and the crate's one sort.
//!
//! Wherever something must be sorted or checked for duplicates, it is turned into
//! `u64` keys — two 32-bit numbers in one ([`pack`]), e.g. a value and its index —
//! and sorted by [`sort_keys`], a small heapsort (O(n log n), no allocation). Why
//! not the standard library's sorts or hash sets: DESIGN.md, "Size of the wasm".

/// Two 32-bit numbers in one sortable key (indices beyond `u32` saturate; tables
/// are far smaller).
pub(crate) fn pack(hi: u32, lo: usize) -> u64 {
    u64::from(hi) << 32 | u64::from(u32::try_from(lo).unwrap_or(u32::MAX))
}

/// The halves of a [`pack`]ed key.
pub(crate) fn unpack(k: u64) -> (u32, u32) {
    ((k >> 32) as u32, k as u32)
}

/// Swaps two keys; no panic path (`slice::swap` links core's bounds-check message).
fn swap(keys: &mut [u64], i: usize, j: usize) {
    let (Some(&a), Some(&b)) = (keys.get(i), keys.get(j)) else {
        return;
    };
    if let Some(k) = keys.get_mut(i) {
        *k = b;
    }
    if let Some(k) = keys.get_mut(j) {
        *k = a;
    }
}

/// The runs of consecutive `keys` with the same `k >> shift`, as
/// `chunk_by(|a, b| a >> shift == b >> shift)` without its panicking split.
pub(crate) fn runs(keys: &[u64], shift: u32) -> impl Iterator<Item = &[u64]> {
    let mut rest = keys;
    std::iter::from_fn(move || {
        let first = *rest.first()? >> shift;
        let len = rest.iter().take_while(|&&k| k >> shift == first).count();
        let (run, tail) = rest.split_at_checked(len)?;
        rest = tail;
        Some(run)
    })
}

/// Sorts `keys` ascending (heapsort).
pub(crate) fn sort_keys(keys: &mut [u64]) {
    fn sift_down(keys: &mut [u64], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            let at = |i: usize| keys.get(i).copied().unwrap_or(0);
            if child + 1 < end && at(child) < at(child + 1) {
                child += 1;
            }
            if at(root) >= at(child) {
                return;
            }
            swap(keys, root, child);
            root = child;
        }
    }
    let n = keys.len();
    for root in (0..n / 2).rev() {
        sift_down(keys, root, n);
    }
    for end in (1..n).rev() {
        swap(keys, 0, end);
        sift_down(keys, 0, end);
    }
}

/// Given `pack(value, index)` keys, the `(index, value)` of every entry whose
/// value an entry with a smaller index already has, ordered by index.
pub(crate) fn later_duplicates(mut keys: Vec<u64>) -> Vec<(usize, u32)> {
    sort_keys(&mut keys);
    // Plain loops: each iterator adapter is one more copy in the wasm.
    let mut dups: Vec<u64> = Vec::new();
    for w in keys.windows(2) {
        if let [a, b] = w {
            if a >> 32 == b >> 32 {
                dups.push(u64::from(unpack(*b).1) << 32 | b >> 32);
            }
        }
    }
    sort_keys(&mut dups);
    let mut out = Vec::with_capacity(dups.len());
    for k in dups {
        let (index, value) = unpack(k);
        out.push((index as usize, value));
    }
    out
}

/// FNV-1a hash of a text, to sort texts by (equal texts have equal hashes; equal
/// hashes are compared as texts).
pub(crate) fn hash32(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn the_heapsort_sorts() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for n in [0usize, 1, 2, 3, 10, 100, 1000] {
            let mut v: Vec<u64> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x % 50
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_keys(&mut v);
            assert_eq!(v, want);
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn later_duplicates_name_each_repeat_once() {
        let keys = [7u32, 3, 7, 7, 3, 1]
            .iter()
            .enumerate()
            .map(|(i, v)| pack(*v, i))
            .collect();
        assert_eq!(later_duplicates(keys), [(2, 7), (3, 7), (4, 3)]);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn fnv1a_reference_values() {
        assert_eq!(hash32(""), 0x811c_9dc5);
        assert_eq!(hash32("a"), 0xe40c_292c);
        assert_eq!(hash32("foobar"), 0xbf9c_f968);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn runs_are_those_of_chunk_by() {
        let keys = [
            0u64,
            1,
            1 << 32,
            (1 << 32) + 5,
            3 << 32,
            7 << 40,
            (7 << 40) + 1,
        ];
        for shift in [0, 23, 32, 40] {
            for n in 0..=keys.len() {
                let k = &keys[..n];
                let want: Vec<&[u64]> = k.chunk_by(|a, b| a >> shift == b >> shift).collect();
                assert_eq!(runs(k, shift).collect::<Vec<_>>(), want, "{shift} {n}");
            }
        }
    }
}
