//! [`Reader`]: turns a [`Value`] tree into typed model values, reporting every
//! wrong type, missing or unknown field at its JSON Pointer path.

use crate::findings::{Finding, Findings, Param, Pointer, TermKind};
use crate::keys::{hash32, pack, sort_keys, unpack};

use super::{Entry, Value};

// The finding codes (`pub const`s and `CODES`), generated from
// `data/messages/input.json` by `build/messages.rs`.
include!(concat!(env!("OUT_DIR"), "/codes_input.rs"));

/// Every code of the `input` domain.
pub const INPUT_CODES: &[&str] = CODES;

/// Maximum items read from one array; more give [`TOO_MANY_ITEMS`].
pub const MAX_ARRAY_ITEMS: usize = 100_000;

/// Walks a [`Value`] tree, tracking the current path and collecting findings.
pub struct Reader<'a> {
    findings: &'a mut Findings,
    path: Pointer,
    failed: FailedPaths,
}

/// Paths where reading failed with an error (the value there was dropped), for
/// exact lookups in O(log n).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FailedPaths {
    paths: Vec<String>,
    /// `pack(hash32(path), index)` of every path, sorted (built by `seal`).
    keys: Vec<u64>,
}

impl FailedPaths {
    /// The empty set.
    pub fn new() -> Self {
        FailedPaths::default()
    }

    /// True when reading failed at exactly `path`.
    pub fn contains(&self, path: &str) -> bool {
        if self.keys.len() != self.paths.len() {
            // Not sealed (still being filled): a linear scan.
            return self.paths.iter().any(|p| p == path);
        }
        let hash = hash32(path);
        let start = self.keys.partition_point(|&k| k < pack(hash, 0));
        for &k in self.keys.get(start..).unwrap_or(&[]) {
            let (h, i) = unpack(k);
            if h != hash {
                return false;
            }
            if self.paths.get(i as usize).is_some_and(|p| p == path) {
                return true;
            }
        }
        false
    }

    /// Number of paths (a path may be counted twice).
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// True when reading failed nowhere.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    fn insert(&mut self, path: String) {
        self.paths.push(path);
    }

    /// Sorts the lookup keys once the set is complete.
    fn seal(&mut self) {
        let mut keys = Vec::with_capacity(self.paths.len());
        for (i, p) in self.paths.iter().enumerate() {
            keys.push(pack(hash32(p), i));
        }
        sort_keys(&mut keys);
        self.keys = keys;
    }
}

impl<'a> Reader<'a> {
    /// A reader at the root path that adds findings to `findings`.
    pub fn new(findings: &'a mut Findings) -> Self {
        Reader {
            findings,
            path: Pointer::root(),
            failed: FailedPaths::new(),
        }
    }

    /// The current JSON Pointer.
    pub fn path(&self) -> &str {
        self.path.as_str()
    }

    /// Enters object key `key` (returns a mark for [`Reader::truncate`]).
    pub fn push_key(&mut self, key: &str) -> usize {
        self.path.push_key(key)
    }

    /// Enters array index `index` (returns a mark for [`Reader::truncate`]).
    pub fn push_index(&mut self, index: usize) -> usize {
        self.path.push_index(index)
    }

    /// Goes back to a path returned by `push_*`.
    pub fn truncate(&mut self, mark: usize) {
        self.path.truncate(mark);
    }

    /// Paths where reading failed with an error (a value was dropped there), so
    /// later rules do not report the same place again as "missing".
    pub fn into_failed_paths(mut self) -> FailedPaths {
        self.failed.seal();
        self.failed
    }

    /// Adds a finding; error findings mark their path as failed.
    pub fn report(&mut self, finding: Finding) {
        if finding.severity == crate::findings::Severity::Error {
            self.failed.insert(finding.path.clone());
        }
        self.findings.push(finding);
    }

    /// Reports that the value here is not of the `expected` type.
    pub fn wrong_type(&mut self, expected: &'static str, got: &Value) {
        let f = match got {
            Value::TooLong(len) => finding::too_long(
                self.path.as_str(),
                *len,
                super::Limits::default().max_string_len,
            ),
            _ => finding::wrong_type(
                self.path.as_str(),
                Param::Term(TermKind::JsonType, expected.to_owned()),
                Param::Term(TermKind::JsonType, got.kind().to_owned()),
            ),
        };
        self.report(f);
    }

    /// Reports a string that is not one of `allowed`, which are named by the
    /// terms of `kind` (or shown as they are: `I`, `II`).
    pub fn unknown_value(&mut self, value: &str, allowed: &[&str], kind: Option<TermKind>) {
        let ids = crate::text::owned(allowed, |s| s);
        let f = finding::unknown_value(
            self.path.as_str(),
            truncate_for_message(value),
            match kind {
                Some(kind) => Param::Terms(kind, ids),
                None => Param::List(ids),
            },
        );
        self.report(f);
    }

    /// Reads a string that must be one of `names` (spaces around it ignored) and
    /// returns its index, else reports it as [`Reader::unknown_value`] or a
    /// wrong type: the non-generic part of reading a `model_enum!`.
    #[inline(never)]
    pub fn one_of(
        &mut self,
        value: &Value,
        names: &[&str],
        kind: Option<TermKind>,
    ) -> Option<usize> {
        let Value::String(s) = value else {
            self.wrong_type("string", value);
            return None;
        };
        let found = names.iter().position(|n| *n == crate::text::trim(s));
        if found.is_none() {
            self.unknown_value(s, names, kind);
        }
        found
    }

    /// Reads `value` as `T` here.
    pub fn read<T: FromValue>(&mut self, value: &Value) -> Option<T> {
        T::from_value(value, self)
    }

    /// Expects an object whose keys are among `known`: warns about unknown and
    /// duplicate keys, and returns the entries.
    pub fn object<'v>(&mut self, value: &'v Value<'v>, known: &[&str]) -> Option<&'v [Entry<'v>]> {
        let Value::Object(entries) = value else {
            self.wrong_type("object", value);
            return None;
        };
        if known_once(entries, known) {
            return Some(entries);
        }
        // The usual object has a few distinct keys: then nothing is counted.
        let counts = (!few_distinct_keys(entries)).then(|| earlier_counts(entries));
        for (i, (key, _)) in entries.iter().enumerate() {
            // How many entries before this one have the same key (0, 1 or 2 = more).
            let earlier = counts.as_ref().and_then(|c| c.get(i).copied()).unwrap_or(0);
            if earlier == 1 {
                let path = self.path.key(key);
                self.report(finding::duplicate_key(path, truncate_for_message(key)));
            }
            if earlier == 0 && !known.contains(&&**key) {
                let path = self.path.key(key);
                self.report(finding::unknown_field(path, truncate_for_message(key)));
            }
        }
        Some(entries)
    }

    /// Warns about every repeated key of a map-like object (one whose keys are
    /// data, like `facts`), as [`Reader::object`] does for a model object; read
    /// its entries with [`last_wins`].
    pub fn duplicate_keys(&mut self, entries: &[Entry<'_>]) {
        let counts = earlier_counts(entries);
        for ((key, _), earlier) in entries.iter().zip(counts) {
            if earlier == 1 {
                let path = self.path.key(key);
                self.report(finding::duplicate_key(path, truncate_for_message(key)));
            }
        }
    }

    /// Reads field `name` of an object's `entries` (the last one if duplicated).
    /// Absent or `null` gives `None`, with [`MISSING_FIELD`] when `required`;
    /// `owner` is the model struct, which names the field's label
    /// ([`Param::field`]); `name` is a Rust identifier, entered into the path
    /// as it is (it has nothing to escape).
    pub fn field<T: FromValue>(
        &mut self,
        entries: &[Entry<'_>],
        owner: &'static str,
        name: &'static str,
        required: bool,
    ) -> Option<T> {
        let (value, mark) = self.enter_field(entries, owner, name, required);
        let out = value.and_then(|v| T::from_value(v, self));
        self.path.truncate(mark);
        out
    }

    /// The non-generic part of [`Reader::field`] (one copy instead of one per
    /// field type): finds the value, enters its path, reports it missing.
    #[inline(never)]
    fn enter_field<'v>(
        &mut self,
        entries: &'v [Entry<'v>],
        owner: &'static str,
        name: &'static str,
        required: bool,
    ) -> (Option<&'v Value<'v>>, usize) {
        let value = entries
            .iter()
            .rev()
            .find(|(k, _)| same_key(k, name))
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Value::Null));
        let mark = self.path.push_name(name);
        if value.is_none() && required {
            let f = finding::missing_field(self.path.as_str(), Param::field(owner, name));
            self.report(f);
        }
        (value, mark)
    }
}

/// True when every key of `entries` is one of `known` (at most 64) and none is
/// repeated: the usual model object, which has nothing to report. One search
/// of `known` per key, repeats found in a bit set.
fn known_once(entries: &[Entry<'_>], known: &[&str]) -> bool {
    if known.len() > 64 {
        return false;
    }
    let mut seen = 0u64;
    entries.iter().all(|(key, _)| {
        let Some(bit) = known
            .iter()
            .position(|k| same_key(k, key))
            .map(|i| 1u64 << i)
        else {
            return false;
        };
        let first = seen & bit == 0;
        seen |= bit;
        first
    })
}

/// `key == name`: natively without a `memcmp` call for the 4 to 16 bytes of
/// nearly every model field's name (two words, or two halves, that may overlap).
#[inline(always)]
fn same_key(key: &str, name: &str) -> bool {
    let (a, b) = (key.as_bytes(), name.as_bytes());
    #[cfg(not(target_arch = "wasm32"))]
    if a.len() == b.len() {
        if a.len() >= 8 && a.len() <= 16 {
            return a.first_chunk::<8>() == b.first_chunk::<8>()
                && a.last_chunk::<8>() == b.last_chunk::<8>();
        }
        if a.len() >= 4 && a.len() < 8 {
            return a.first_chunk::<4>() == b.first_chunk::<4>()
                && a.last_chunk::<4>() == b.last_chunk::<4>();
        }
    }
    a == b
}

/// True when `entries` are a few (at most 16) with no key repeated: checked
/// pairwise, without the allocations of [`earlier_counts`].
fn few_distinct_keys(entries: &[Entry<'_>]) -> bool {
    entries.len() <= 16
        && (entries.iter().enumerate())
            .all(|(i, (k, _))| !entries.iter().take(i).any(|(e, _)| e == k))
}

/// For each entry of an object, how many earlier entries have the same key (0, 1,
/// or 2 for two or more).
fn earlier_counts(entries: &[Entry<'_>]) -> Vec<u8> {
    let first = first_of_key(entries);
    let mut seen = vec![0u8; entries.len()];
    let mut counts = Vec::with_capacity(first.len());
    for &f in &first {
        counts.push(match seen.get_mut(f as usize) {
            Some(n) => {
                let earlier = *n;
                *n = n.saturating_add(1).min(2);
                earlier
            }
            None => 0,
        });
    }
    counts
}

/// For each entry of an object, the index of the first entry with the same key
/// (its own index when it is the first). Model objects have a handful of keys and
/// are compared pairwise; only hostile ones have many, and those are done in
/// O(n log n): keys sorted by hash, equal hashes compared as text. Within one
/// hash, a key is compared with at most eight distinct earlier keys, so crafted
/// collisions cannot make this quadratic (they can only hide a duplicate).
fn first_of_key(entries: &[Entry<'_>]) -> Vec<u32> {
    let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    if entries.len() <= 32 {
        let mut first = Vec::with_capacity(entries.len());
        for (i, (k, _)) in entries.iter().enumerate() {
            first.push(index(entries.iter().position(|(e, _)| e == k).unwrap_or(i)));
        }
        return first;
    }
    let mut keys: Vec<u64> = Vec::with_capacity(entries.len());
    let mut first: Vec<u32> = Vec::with_capacity(entries.len());
    for (i, (k, _)) in entries.iter().enumerate() {
        keys.push(pack(hash32(k), i));
        first.push(index(i));
    }
    sort_keys(&mut keys);
    let key = |i: u32| entries.get(i as usize).map_or("", |(k, _)| &**k);
    for run in crate::keys::runs(&keys, 32) {
        // The first index of each distinct key of the run (indices ascend in a run).
        let mut reps: Vec<u32> = Vec::new();
        for (_, i) in run.iter().map(|&k| unpack(k)) {
            if let Some(&rep) = reps.iter().find(|&&rep| key(rep) == key(i)) {
                if let Some(slot) = first.get_mut(i as usize) {
                    *slot = rep;
                }
            } else if reps.len() < 8 {
                reps.push(i);
            }
        }
    }
    first
}

/// The entries of an object as `JSON.parse` keeps them: each key once, in the
/// place of its first occurrence, with its last value — so a map read from JSON
/// text with a repeated key means what the JavaScript object does.
///
/// ```
/// use kz_eco_rules::input::{last_wins, Limits, Value};
/// let v = Value::from_json_str(r#"{"a": 1, "b": 2, "a": 3}"#, &Limits::default()).unwrap();
/// let Value::Object(entries) = &v else { panic!() };
/// let kept: Vec<(&str, &Value)> = last_wins(entries);
/// assert_eq!(kept, [("a", &Value::Number(3.0)), ("b", &Value::Number(2.0))]);
/// ```
pub fn last_wins<'v>(entries: &'v [Entry<'v>]) -> Vec<(&'v str, &'v Value<'v>)> {
    // Plain loops: each iterator adapter is one more copy in the wasm.
    let first = first_of_key(entries);
    let mut last: Vec<usize> = Vec::with_capacity(entries.len());
    for i in 0..entries.len() {
        last.push(i);
    }
    for (i, &f) in first.iter().enumerate() {
        if let Some(slot) = last.get_mut(f as usize) {
            *slot = i;
        }
    }
    let mut kept = Vec::new();
    for (i, (k, _)) in entries.iter().enumerate() {
        if first.get(i).is_some_and(|&f| f as usize == i) {
            let l = last.get(i).copied().unwrap_or(i);
            if let Some((_, v)) = entries.get(l) {
                kept.push((&**k, v));
            }
        }
    }
    kept
}

/// Keeps messages short when echoing user input.
fn truncate_for_message(s: &str) -> String {
    crate::text::shortened(s, 80)
}

/// A type the [`Reader`] can read from a [`Value`].
pub trait FromValue: Sized {
    /// Reads `value` at the reader's current path; reports what does not fit and
    /// returns `None` when nothing usable is left.
    fn from_value(value: &Value, r: &mut Reader<'_>) -> Option<Self>;

    /// Reads `value`, or gives `Self::default()` when nothing usable is left: a
    /// list's item (the list keeps the input's indices) or the application.
    /// `model_struct!` reads straight into the struct or its default, without
    /// the `Option`.
    fn item_from_value(value: &Value, r: &mut Reader<'_>) -> Self
    where
        Self: Default,
    {
        Self::from_value(value, r).unwrap_or_default()
    }
}

impl FromValue for String {
    fn from_value(value: &Value, r: &mut Reader<'_>) -> Option<Self> {
        match value {
            Value::String(s) => Some(s.to_string()),
            other => {
                r.wrong_type("string", other);
                None
            }
        }
    }
}

impl FromValue for bool {
    fn from_value(value: &Value, r: &mut Reader<'_>) -> Option<Self> {
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                r.wrong_type("boolean", other);
                None
            }
        }
    }
}

/// Reads an integer: a JSON number without a fraction, or a string of ASCII
/// digits (what a form field gives) — the non-generic part of the integer readers.
#[inline(never)]
fn read_integer(value: &Value) -> Option<i64> {
    match value {
        // Exact below 2^53; beyond, saturating `as` then the range check rejects it.
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.0e15 => {
            Some(*n as i64)
        }
        Value::String(s) => {
            let t = crate::text::trim(s);
            let digits = t.strip_prefix('-').unwrap_or(t);
            if !digits.is_empty()
                && digits.len() <= 15
                && digits.bytes().all(|b| b.is_ascii_digit())
            {
                crate::text::signed_digits_value(t)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Integers are read by [`read_integer`] and must fit the type's range.
macro_rules! int_from_value {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(value: &Value, r: &mut Reader<'_>) -> Option<Self> {
                let parsed = read_integer(value).and_then(|n| <$t>::try_from(n).ok());
                if parsed.is_none() {
                    r.wrong_type("integer", value);
                }
                parsed
            }
        }
    )*};
}
int_from_value!(u8, u16, u32, i32, i64);

impl Reader<'_> {
    /// The items of an array to read (at most [`MAX_ARRAY_ITEMS`]; more are
    /// reported) — the non-generic part of reading a `Vec`.
    #[inline(never)]
    fn items<'v>(&mut self, value: &'v Value<'v>) -> Option<&'v [Value<'v>]> {
        let Value::Array(items) = value else {
            self.wrong_type("array", value);
            return None;
        };
        if items.len() > MAX_ARRAY_ITEMS {
            let f = finding::too_many_items(self.path(), items.len(), MAX_ARRAY_ITEMS);
            self.report(f);
        }
        items.get(..MAX_ARRAY_ITEMS).or(Some(items))
    }
}

impl<T: FromValue + Default> FromValue for Vec<T> {
    /// Items that cannot be read are kept as `T::default()` so that indices — and
    /// therefore the paths of later findings — stay those of the input.
    fn from_value(value: &Value, r: &mut Reader<'_>) -> Option<Self> {
        let items = r.items(value)?;
        // Natively allocated once at the list's length; the wasm keeps the
        // smaller code of growing it.
        #[cfg(not(target_arch = "wasm32"))]
        let mut out = Vec::with_capacity(items.len());
        #[cfg(target_arch = "wasm32")]
        let mut out = Vec::new();
        for (i, v) in items.iter().enumerate() {
            let mark = r.path.push_index(i);
            out.push(T::item_from_value(v, r));
            r.path.truncate(mark);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Limits;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn parse(json: &str) -> Value<'_> {
        Value::from_json_str(json, &Limits::default()).unwrap()
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn keys_compare_as_bytes() {
        let names = [
            "", "a", "abc", "abcd", "abce", "abcdefg", "abcdefgh", "abcdefgi",
        ];
        let long = [
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "xbcdefghijklmnop",
            "abcdefghijklmnopq",
        ];
        for a in names.iter().chain(&long) {
            for b in names.iter().chain(&long) {
                assert_eq!(same_key(a, b), a == b, "{a:?} {b:?}");
            }
        }
        // The middle bytes of a 12-byte name, which both halves cover.
        assert!(!same_key("abcdefghijkl", "abcdeXghijkl"));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn fields_report_missing_wrong_unknown_and_duplicates() {
        let v = parse(r#"{"a": 1, "b": "x", "zz": true, "a": "2"}"#);
        let mut f = Findings::default();
        let mut r = Reader::new(&mut f);
        let entries = r.object(&v, &["a", "b", "c"]).unwrap();
        let a: Option<u32> = r.field(entries, "T", "a", true);
        let b: Option<u32> = r.field(entries, "T", "b", false);
        let c: Option<String> = r.field(entries, "T", "c", true);
        assert_eq!((a, b, c), (Some(2), None, None));
        let failed = r.into_failed_paths();
        let got: Vec<(&str, &str)> = f
            .as_slice()
            .iter()
            .map(|x| (x.code, x.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (UNKNOWN_FIELD, "/zz"),
                (DUPLICATE_KEY, "/a"),
                (WRONG_TYPE, "/b"),
                (MISSING_FIELD, "/c"),
            ]
        );
        assert!(failed.contains("/b") && failed.contains("/c"));
    }

    /// The sorted path for objects of more than 32 keys reports exactly what the
    /// linear one reports.
    #[wasm_bindgen_test(unsupported = test)]
    fn large_objects_report_duplicates_like_small_ones() {
        let report = |keys: &[String]| {
            let entries: Vec<Entry> = keys.iter().map(|k| (k.into(), Value::Null)).collect();
            let mut f = Findings::default();
            Reader::new(&mut f).object(&Value::Object(entries), &["a", "k1"]);
            let got: Vec<(&str, String)> = f
                .as_slice()
                .iter()
                .map(|x| (x.code, x.path.clone()))
                .collect();
            got
        };
        let mut keys: Vec<String> = ["a", "b", "a", "c", "a", "b", "k1", "k1", "k1"]
            .map(String::from)
            .to_vec();
        let small = report(&keys);
        assert_eq!(
            small,
            [
                (UNKNOWN_FIELD, "/b".to_owned()),
                (DUPLICATE_KEY, "/a".to_owned()),
                (UNKNOWN_FIELD, "/c".to_owned()),
                (DUPLICATE_KEY, "/b".to_owned()),
                (DUPLICATE_KEY, "/k1".to_owned()),
            ]
        );
        // Padding with 40 distinct unknown keys switches to the sorted path.
        let padding: Vec<String> = (0..40).map(|i| format!("p{i}")).collect();
        keys.extend(padding.iter().cloned());
        let large = report(&keys);
        let mut want = small;
        want.extend(padding.iter().map(|p| (UNKNOWN_FIELD, format!("/{p}"))));
        assert_eq!(large, want);
    }

    /// `last_wins` keeps each key once, in its first place, with its last value —
    /// on the pairwise path and on the sorted one (more than 32 keys) alike.
    #[wasm_bindgen_test(unsupported = test)]
    fn last_wins_is_what_json_parse_keeps() {
        for padding in [0, 40] {
            let mut entries: Vec<Entry> = [("a", 1.0), ("b", 2.0), ("a", 3.0)]
                .map(|(k, n)| (k.into(), Value::Number(n)))
                .to_vec();
            entries.extend((0..padding).map(|i| (format!("p{i}").into(), Value::Null)));
            entries.push(("b".into(), Value::Number(4.0)));
            entries.push(("a".into(), Value::Number(5.0)));
            let kept = last_wins(&entries);
            assert_eq!(kept.len(), 2 + padding, "{padding}");
            assert_eq!(kept[0], ("a", &Value::Number(5.0)));
            assert_eq!(kept[1], ("b", &Value::Number(4.0)));
            let mut f = Findings::default();
            Reader::new(&mut f).duplicate_keys(&entries);
            let got: Vec<(&str, &str)> = f
                .as_slice()
                .iter()
                .map(|x| (x.code, x.path.as_str()))
                .collect();
            assert_eq!(got, [(DUPLICATE_KEY, "/a"), (DUPLICATE_KEY, "/b")]);
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn echoed_values_are_cut_at_80_characters() {
        for n in [0, 1, 79, 80, 81, 200] {
            let s: String = "aж€".chars().cycle().take(n).collect();
            let want = if n <= 80 {
                s.clone()
            } else {
                s.chars().take(80).chain(['…']).collect()
            };
            assert_eq!(truncate_for_message(&s), want, "{n}");
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn failed_paths_are_exact() {
        let mut f = Findings::default();
        let mut r = Reader::new(&mut f);
        for i in 0..1000 {
            r.report(Finding::error(WRONG_TYPE, format!("/x/{i}")));
        }
        r.report(Finding::warning(UNKNOWN_FIELD, "/warned"));
        let failed = r.into_failed_paths();
        assert_eq!(failed.len(), 1000);
        assert!((0..1000).all(|i| failed.contains(&format!("/x/{i}"))));
        for absent in ["/x/1000", "/x", "", "/warned", "/x/01"] {
            assert!(!failed.contains(absent), "{absent}");
        }
        assert!(!FailedPaths::new().contains(""));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn arrays_keep_indices_of_bad_items() {
        let v = parse(r#"[1, "x", 3]"#);
        let mut f = Findings::default();
        let mut r = Reader::new(&mut f);
        let items: Vec<u32> = r.read(&v).unwrap();
        assert_eq!(items, [1, 0, 3]);
        assert_eq!(f.as_slice()[0].path, "/1");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn integers_accept_digit_strings_and_reject_fractions() {
        let mut f = Findings::default();
        let mut r = Reader::new(&mut f);
        assert_eq!(r.read::<i32>(&parse(r#"" 2025 ""#)), Some(2025));
        assert_eq!(r.read::<i32>(&parse("2025.5")), None);
        assert_eq!(r.read::<u8>(&parse("300")), None);
        assert_eq!(r.read::<u32>(&parse(r#""-1""#)), None);
        assert_eq!(f.len(), 3);
    }
}
