// ---- Functions (written by hand; they use the generated types above) ----

/** Options of {@link validateApplication}. */
export interface Options {
  /** Language of the messages (default "ru"). */
  lang?: Lang;
  /** Per-code severity changes, e.g. `{ "editions.outside_period": "error" }`. */
  severity?: Record<string, Severity>;
  /**
   * Your own wording of findings in `lang`, code → template with the code's
   * `{placeholders}` (as in `messages(lang)[code]`), e.g.
   * `{ "emissions.sum_mismatch": "Итог не сходится: {expected}" }`.
   */
  messages?: Record<string, string>;
  /** Calendar overrides for years not yet decreed. */
  calendar?: CalendarOverrides;
  /** How deadlines are counted where the regulations are open to reading. */
  sla?: SlaOptions;
  /** Readings of the document lists other than their literal wording. */
  documents?: DocumentOptions;
}

/** Readings of the document lists; by default every list is read as written. */
export interface DocumentOptions {
  /**
   * `"legal_entities_only"`: the re-issue registration certificate of a legal entity,
   * listed for every applicant, is required from legal entities only (an individual
   * gets the info `documents.only_from_legal_entities` instead of `documents.missing`).
   */
  readings?: "legal_entities_only"[];
}

/** Extra days off / working days (`"YYYY-MM-DD"`), and years the caller vouches for. */
export interface CalendarOverrides {
  days_off?: string[];
  working_days?: string[];
  /** Years whose calendar is taken as complete (no "provisional" finding). */
  confirmed_years?: number[];
}

/** Deadline counting options; each default follows the research notes (see README). */
export interface SlaOptions {
  /** Reception opening time `"hh:mm"` instead of the edition's. */
  reception_open?: string;
  /** Reception closing time `"hh:mm"` (a submission at this minute is after hours). */
  reception_close?: string;
  /** A working-day submission before opening: registered that day (default) or the next working day. */
  before_opening?: "same_day" | "next_working_day";
  /** Count the registration day as day 1 of a working-day period (default false). */
  count_registration_day?: boolean;
  /** Month and calendar-day periods run from registration (default) or from submission. */
  anchor?: "registration" | "submission";
  /** Move a calendar-day or month period ending on a non-working day to the next working day (default true). */
  roll_forward?: boolean;
  /** Fixes window when no remarks date is given: from the latest permissible remarks date (default) or none. */
  fixes_without_remarks?: "remarks_due" | "none";
  /** 2012 main expertise month from the end of the preliminary expertise (default, GR §7.2) or from registration. */
  expertise_month_from?: "preliminary_end" | "registration";
  /**
   * 2021 expertise remarks period (7 working days, art. 89 p. 6, its start not stated): from the
   * acceptance of the application (default), the registration, or the submission.
   */
  expertise_remarks_from?: "accepted_on" | "registration" | "submission";
  /**
   * 2021 re-issue period (5 working days, art. 108 p. 1, its start not stated): from the
   * registration (default) or from the day of the submission itself.
   */
  reissue_from?: "registration" | "submission_day";
}

/**
 * `T` as a form holds it while the user types: every property optional (and
 * `undefined` allowed) at every depth, array items included. Amounts stay
 * `string | number` ({@link Amount}): what the user typed, or a number.
 */
export type Draft<T> = T extends readonly (infer U)[]
  ? Draft<U>[]
  : T extends object
    ? { [K in keyof T]?: Draft<T[K]> | undefined }
    : T;

/**
 * A half-filled application, e.g. `{ service: "emission_permit", applicant: { iin_bin:
 * "0812" } }`: what a form validates on every keystroke. A complete {@link Application}
 * is a draft too; what is missing or wrong in a draft is reported as findings
 * (`input.missing_field`, …), never thrown.
 */
export type ApplicationDraft = Draft<Application>;

/**
 * Checks an application — complete or a draft, as a plain object or as its JSON
 * text. Bad data never throws: it gives findings. Throws a `TypeError` only for
 * misuse (no argument, bad options).
 */
export function validateApplication(app: ApplicationDraft | string, options?: Options): Report;

/**
 * The required-document checklist of one case: each document with its names in
 * kk/ru/en, whether it is required, conditional (with the fact that decides) or not
 * applicable, its attributes and the clause it comes from. `findings` say what
 * could not be decided (unknown edition, unanswered facts…).
 */
export function requiredDocuments(query: ChecklistQuery | string, options?: Options): ChecklistReport;

/**
 * The registration date and every deadline of one application on the Kazakhstan
 * working-day calendar, each with its edition and clause; dates are `"YYYY-MM-DD"`
 * or `null` where the edition has no such step. `submitted_at` may be an ISO string
 * or a `Date` (an instant: answers do not depend on the browser's time zone).
 */
export function deadlines(query: DeadlineQuery | (Omit<DeadlineQuery, "submitted_at"> & { submitted_at: IsoDateTime | Date }) | string, options?: Options): DeadlinesReport;

/**
 * Whether a day is a working day in Kazakhstan, and why. A `"YYYY-MM-DD"` string is
 * that civil day; a `Date` or ISO date-time is the civil day in Kazakhstan at that
 * instant. A year without decreed transfers gives `status: "provisional"` and a finding.
 */
export function isWorkingDay(date: string | Date, options?: Options): DayReport;

/**
 * Checks one ИИН/БИН and says what it is: the same object `kz-eco-rules id --jsonl`
 * prints. `kind` comes from the 5th digit (given even for an invalid number),
 * `fields` only for a valid one, `code` names the reason (`messages(lang)[code]`).
 * A value that is not a string gives `code: "ident.not_a_string"`; only a missing
 * argument throws.
 */
export function validateIdentifier(value: string): IdentifierVerdict;

/** {@link validateIdentifier} for every item of an array, in one call. */
export function validateIdentifiers(values: string[]): IdentifierVerdict[];

/** The whole message catalog in `lang`: `{ code: template }`, placeholders `{name}`. */
export function messages(lang: Lang): Record<string, string>;

/**
 * The JSON Schema (draft 2020-12) of the application payload, generated from the
 * library's Rust types — for ajv or a form generator. Node entries only; in a
 * browser import the file `kz-eco-rules/application.schema.json` (the same object).
 */
export function applicationSchema(): { [keyword: string]: unknown };

/** The library version. */
export function version(): string;

/** What `init` can load the module from (web build). */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Options of {@link init}. */
export interface InitOptions {
  /** Where the wasm is (default: `kz_eco_rules_bg.wasm` next to the module). */
  module_or_path?: InitInput | Promise<InitInput>;
  /** The languages to load with the module: one or a list (default `"ru"`). */
  lang?: Lang | Lang[];
}

/**
 * Web build: loads and instantiates the WebAssembly module and the texts of
 * `options.lang` (default Russian); call once before anything else. In Node the module
 * and all three languages are ready at import and this is a no-op.
 */
export default function init(options?: InitOptions | InitInput | Promise<InitInput>): Promise<unknown>;

/**
 * Loads the messages and localized names in `lang`, once: the web build fetches the
 * pack `kz_eco_rules.<lang>.pack` next to the module, or `source`. A call in a
 * language not loaded throws a `TypeError`. In Node every language is loaded at import.
 */
export function loadLanguage(lang: Lang, source?: RequestInfo | URL | Response): Promise<void>;

/** Whether the messages and names in `lang` are loaded. */
export function languageLoaded(lang: Lang): boolean;

/**
 * Installs a language from the bytes of its pack (`kz_eco_rules.<lang>.pack`) and
 * returns the language — for code that fetches the pack itself (e.g. after
 * {@link initSync}: `loadLanguagePack(new Uint8Array(await response.arrayBuffer()))`).
 * A pack of another build, or bytes that are not a pack, throw.
 */
export function loadLanguagePack(pack: Uint8Array): Lang;

/** Synchronous `init` from already fetched bytes or a compiled module. */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;
