// ---- Functions (written by hand; they use the generated types above) ----

/** Options of {@link validateApplication}. */
export interface Options {
  /** Language of the messages (default "ru"). */
  lang?: Lang;
  /** Per-code severity changes, e.g. `{ "editions.outside_period": "error" }`. */
  severity?: Record<string, Severity>;
}

/**
 * Checks an application given as a plain object or as its JSON text. Bad data never
 * throws: it gives findings. Throws a `TypeError` only for misuse (no argument, bad
 * options).
 */
export function validateApplication(app: Application | string, options?: Options): Report;

/**
 * The required-document checklist of one case: each document with its names in
 * kk/ru/en, whether it is required, conditional (with the fact that decides) or not
 * applicable, its attributes and the clause it comes from. `findings` say what
 * could not be decided (unknown edition, unanswered facts…).
 */
export function requiredDocuments(query: ChecklistQuery | string, options?: Options): ChecklistReport;

/** The whole message catalog in `lang`: `{ code: template }`, placeholders `{name}`. */
export function messages(lang: Lang): Record<string, string>;

/** The library version. */
export function version(): string;

/** What `init` can load the module from (web build). */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Web build: loads and instantiates the WebAssembly module; call once before anything
 * else. In Node (and the bundler build) the module is ready at import and this is a
 * no-op.
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/** Synchronous `init` from already fetched bytes or a compiled module. */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;
