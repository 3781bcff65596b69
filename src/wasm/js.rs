//! The JavaScript built-ins the form's exports call, imported here rather than
//! through `js-sys`: its futures support (JSPI) leaves a waker table, its
//! closures and their panic locations in any module that links the crate, and
//! the form entry needs eight functions of it. The whole API's identifier
//! protocol (`ident.rs`) still uses `js-sys`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A JavaScript `Error`.
    #[wasm_bindgen(js_name = Error)]
    pub(super) type Error;
    /// `new Error(message)`.
    #[wasm_bindgen(constructor, js_class = Error)]
    pub(super) fn new(message: &str) -> Error;
    /// `error.message`.
    #[wasm_bindgen(method, getter, structural)]
    pub(super) fn message(this: &Error) -> JsValue;

    /// A JavaScript `TypeError`.
    #[wasm_bindgen(js_name = TypeError)]
    pub(super) type TypeError;
    /// `new TypeError(message)`.
    #[wasm_bindgen(constructor, js_class = TypeError)]
    pub(super) fn new(message: &str) -> TypeError;

    /// `JSON.parse(text)`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    pub(super) fn json_parse(text: &str) -> Result<JsValue, JsValue>;
    /// `parseFloat(text)`.
    #[wasm_bindgen(js_name = parseFloat)]
    pub(super) fn parse_float(text: &str) -> f64;
    /// `Reflect.get(target, key)`.
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    pub(super) fn get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    /// `Reflect.get(target, index)`.
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    pub(super) fn get_index(target: &JsValue, index: u32) -> Result<JsValue, JsValue>;

    /// An array of the engine's own making (`Object.keys`).
    pub(super) type KeyList;
    /// `keys.length`.
    #[wasm_bindgen(method, getter, structural)]
    pub(super) fn length(this: &KeyList) -> u32;
    /// `keys[index]`.
    #[wasm_bindgen(method, structural, indexing_getter)]
    pub(super) fn at(this: &KeyList, index: u32) -> JsValue;
}
