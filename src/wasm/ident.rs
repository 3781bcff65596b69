//! The identifier answer protocol: a verdict crosses the boundary as seven
//! numbers ([`record`]) and JavaScript builds the answer object (`identOne`), one
//! call per answer or per batch.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::type_error;
use super::walk::{is_array, to_value};
use crate::ident::{Attribute, EntityType, Fields, Kind, Sex, Verdict, CODES};
use crate::input::Limits;

/// The answers to a batch of values (`validateIdentifiers`); misuse is a
/// `TypeError` (not an array) or a `RangeError` (too long).
pub(super) fn batch(values: &JsValue) -> Result<JsValue, JsValue> {
    let misuse =
        || type_error("validateIdentifiers(values): `values` must be an array of ИИН/БИН strings");
    // Through the catch imports: `values` may be a (revoked) Proxy.
    if !is_array(values).map_err(|_| misuse())? {
        return Err(misuse());
    }
    let len = Reflect::get(values, &JsValue::from_str("length"))
        .map_err(|_| misuse())?
        .as_f64()
        .map_or(0, |n| n as u32);
    // A longer batch than one application may hold values is misuse (and an
    // array of 2³²−1 holes would exhaust the JavaScript heap below).
    let max = Limits::default().max_values;
    if len as usize > max {
        return Err(js_sys::RangeError::new(&format!(
            "validateIdentifiers(values): at most {max} values in one call"
        ))
        .into());
    }
    // The whole batch crosses the boundary once each way (one call per item made
    // the batch slower than single calls: BENCHMARKS.md, "Identifiers").
    let batch: Array = ident_batch_in(values, len)
        .map_err(|_| misuse())?
        .unchecked_into();
    let items: Array = batch.get(0).unchecked_into();
    let text = batch.get(1).as_string().unwrap_or_default();
    send_answer_names();
    let mut records = Vec::with_capacity(len as usize * 7);
    let specials = Array::new();
    let max = Limits::default().max_string_len;
    for (i, line) in (0..len).zip(text.split('\n')) {
        match line.strip_prefix('s') {
            // A string beyond the limits or with a lone surrogate (read as U+FFFD)
            // is not echoed as given: answered one by one, as in a single call.
            Some(item) if item.len() <= max && !item.contains('\u{FFFD}') => {
                records.extend(record(&Verdict::of_text(item)))
            }
            _ => {
                specials.set(i, answer(&items.get(i)));
                records.extend([3, 0, 0, 0, 0, 0, 0]);
            }
        }
    }
    Ok(ident_batch_out(&items, &records, &specials))
}

/// A verdict as the numbers `identOne` takes: `[0, kind, year, month, day, sex,
/// century]` (ИИН), `[1, kind, year, month, entity type, attribute, 0]` (БИН),
/// `[2, kind, code, 0…]` (invalid); names as indices into [`answer_names`] + 1
/// (0 is `null`). (`[3, 0…]` in a batch: not a string, answered in `specials`.)
fn record(verdict: &Verdict<'_>) -> [u32; 7] {
    /// Index + 1 of `x` in `all`, after `before` other names.
    fn at<T: PartialEq>(all: &[T], x: &T, before: usize) -> u32 {
        all.iter()
            .position(|y| y == x)
            .and_then(|i| u32::try_from(before + i + 1).ok())
            .unwrap_or(0)
    }
    let sexes = Kind::ALL.len();
    let entities = sexes + Sex::ALL.len();
    let attributes = entities + EntityType::ALL.len();
    let codes = attributes + Attribute::ALL.len();
    let kind = verdict.kind.map_or(0, |k| at(&Kind::ALL, &k, 0));
    match &verdict.fields {
        Fields::Iin(f) => {
            let d = f.birth_date;
            let year = u32::try_from(d.year()).unwrap_or(0);
            let sex = at(&Sex::ALL, &f.sex, sexes);
            [0, kind, year, d.month(), d.day(), sex, u32::from(f.century)]
        }
        Fields::Bin(f) => {
            let (year, month) = (
                u32::from(f.registered.year()),
                u32::from(f.registered.month()),
            );
            let entity = at(&EntityType::ALL, &f.entity_type, entities);
            let attribute = at(&Attribute::ALL, &f.attribute, attributes);
            [1, kind, year, month, entity, attribute, 0]
        }
        Fields::None(_) => {
            let code = verdict.code.map_or(0, |c| at(CODES, &c, codes));
            [2, kind, code, 0, 0, 0, 0]
        }
    }
}

/// Every name an identifier answer can hold, one per line, in the order of
/// [`record`]'s indices: kinds, sexes, entity types, attributes, codes.
fn answer_names() -> String {
    let names = (Kind::ALL.iter().map(|k| k.as_str()))
        .chain(Sex::ALL.iter().map(|s| s.as_str()))
        .chain(EntityType::ALL.iter().map(|e| e.as_str()))
        .chain(Attribute::ALL.iter().map(|a| a.as_str()))
        .chain(CODES.iter().copied());
    let mut text = String::new();
    for name in names {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(name);
    }
    text
}

/// Gives the answer builders their names, once per module instance.
fn send_answer_names() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static SENT: AtomicBool = AtomicBool::new(false);
    if !SENT.swap(true, Ordering::Relaxed) {
        ident_names(&answer_names());
    }
}

// The answer objects are built by these JavaScript functions from the fields of
// the `Verdict` as numbers (`record`; the names are sent once), one call per
// answer or per batch, not through serde-wasm-bindgen or Reflect.set: one
// boundary call per field made those 4–5 times slower (BENCHMARKS.md,
// "Identifiers"). scripts/build-pkg.sh ships the snippet (and a
// CommonJS copy for node.cjs).
// `tests/js_ident.rs` checks that every answer equals, byte for byte in
// JSON.stringify, the Verdict serialized by serde_json (what the CLI prints).
#[wasm_bindgen(inline_js = r#"
const two = (n) => (n < 10 ? '0' : '') + n;
let names = [null];
export function identNames(text) {
  names = [null, ...text.split('\n')];
}
export function identOne(input, tag, kind, a, b, c, d, e) {
  kind = names[kind];
  return tag === 0
    ? { input, valid: true, kind, code: null,
        fields: { birth_date: a + '-' + two(b) + '-' + two(c), sex: names[d], century: e } }
    : tag === 1
    ? { input, valid: true, kind, code: null,
        fields: { registered: a + '-' + two(b), entity_type: names[c], attribute: names[d] } }
    : { input, valid: false, kind, code: names[a], fields: {} };
}
export function identBatchIn(values, len) {
  const items = new Array(len), lines = new Array(len);
  for (let i = 0; i < len; i++) {
    const v = (items[i] = values[i]);
    lines[i] = typeof v === 'string' && !v.includes('\n') ? 's' + v : 'x';
  }
  return [items, lines.join('\n')];
}
export function identBatchOut(items, rec, specials) {
  const n = items.length, out = new Array(n);
  for (let i = 0, r = 0; i < n; i++, r += 7) {
    out[i] = rec[r] === 3 ? specials[i]
      : identOne(items[i], rec[r], rec[r + 1], rec[r + 2], rec[r + 3], rec[r + 4], rec[r + 5], rec[r + 6]);
  }
  return out;
}
"#)]
extern "C" {
    /// Sets the names `identOne` looks up ([`answer_names`]).
    #[wasm_bindgen(js_name = identNames)]
    fn ident_names(names: &str);
    /// The answer object for `input` from its [`record`].
    #[wasm_bindgen(js_name = identOne)]
    #[allow(clippy::too_many_arguments)]
    fn ident_one(
        input: &JsValue,
        tag: u32,
        kind: u32,
        a: u32,
        b: u32,
        c: u32,
        d: u32,
        e: u32,
    ) -> JsValue;
    /// A batch in, as `[items, text]`: the items as read (each index once, in
    /// order) and one line per item — `s` and the string, or `x` for a value that
    /// is not a string or holds a line break (answered one by one). A lone
    /// surrogate stays lone next to the line break, as in a single call.
    #[wasm_bindgen(js_name = identBatchIn, catch)]
    fn ident_batch_in(values: &JsValue, len: u32) -> Result<JsValue, JsValue>;
    /// A batch out: `identOne` for every seven numbers of `records` (`specials`
    /// holds the answers of the values that are not strings).
    #[wasm_bindgen(js_name = identBatchOut)]
    fn ident_batch_out(items: &Array, records: &[u32], specials: &Array) -> JsValue;
}

/// The answer object for one JS value (`validateIdentifier`).
pub(super) fn answer(value: &JsValue) -> JsValue {
    send_answer_names();
    let limits = Limits::default();
    let (input, record) = match value.as_string() {
        Some(text) => {
            let verdict = Verdict::of_string(text.as_str(), &limits);
            // The echo is the string as read: a lone surrogate is U+FFFD (as in JSON
            // text and on the command line), a string beyond the limits is not kept.
            // Otherwise the caller's own string is handed back, not a copy.
            let input = if verdict.input.len() == text.len() && !text.contains('\u{FFFD}') {
                value.clone()
            } else {
                JsValue::from_str(&verdict.input)
            };
            (input, record(&verdict))
        }
        None => {
            let verdict = match to_value(value, &limits) {
                Ok(tree) => Verdict::of_value(&tree).into_owned(),
                // Beyond the limits (or unreadable): what JSON text of it gets.
                Err(_) if is_array(value).unwrap_or(false) => Verdict::beyond_limits("array"),
                Err(_) => Verdict::beyond_limits("object"),
            };
            (JsValue::from_str(&verdict.input), record(&verdict))
        }
    };
    let [tag, kind, a, b, c, d, e] = record;
    ident_one(&input, tag, kind, a, b, c, d, e)
}
