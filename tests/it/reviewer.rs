//! The messages read as a reviewer fluent in official Kazakh and Russian reads
//! them: every catalog entry rendered in kk, ru and en with representative
//! parameters (counts 1, 2, 5, 21, 22, 25, 101), and every finding of the
//! examples and their variants (the parity corpus: other editions, actions,
//! channels, dates, missing and expired documents, bad identifiers and cells).
//! The reviewer objects to
//!
//! - Latin words in kk/ru text (internal ids, JSON keys, enum values, English),
//!   except the few legitimate ones ([`LATIN_ALLOWED`]), and Cyrillic in English;
//! - placeholders left unfilled;
//! - a word said twice: «Копия «Копия заключения…»», «…көшірмесі» көшірмесі»;
//! - a count whose noun does not agree with it: «21 строк», «1 rows», «5 жолдар».
//!
//! What the applicant typed is quoted back as is and not reviewed ([`VERBATIM`]).
//! `the_reviewer_objects_to_what_a_reader_found` proves each objection on a bad
//! string.

use kz_eco_rules::findings::plural::{category, Category};
use kz_eco_rules::findings::{catalog, Finding, Param, Params, TermKind};
use kz_eco_rules::Lang;
use wasm_bindgen_test::wasm_bindgen_test;

/// Latin words that may stand in kk/ru text: standards and formats by their
/// names (UTC, ISO 8601, JSON, UTF-8, Excel in a document's name, the HTTP
/// service's Content-Type header) and the values of the
/// programming interface a portal passes, in parentheses after their kk/ru
/// description («логическое значение (true/false)»). Roman numerals (categories
/// I–IV) are allowed too.
const LATIN_ALLOWED: &[&str] = &[
    "UTC", "ISO", "JSON", "Excel", "true", "false", "null", "NaN", "Infinity", "BigInt", "Symbol",
    "Date", "Map", "Set", "UTF", "Content", "Type",
];

/// Parameters that quote what the applicant (or another system) wrote, shown as
/// typed when they are text: a value, a character, a substance's name, a JSON
/// key, a reader's error, a media type.
const VERBATIM: &[&str] = &[
    "value",
    "char",
    "name",
    "other",
    "field",
    "detail",
    "registered",
    "reason",
    "media_type",
];

/// The counts every count parameter is rendered with.
const COUNTS: [i64; 7] = [1, 2, 5, 21, 22, 25, 101];

/// A Russian noun after a number: its forms for one, few and many in the
/// nominative use («21 строка», «2 строки», «5 строк») and after «более», «не
/// более», «из» («более 21 строки», «более 2 строк»); a fraction takes the
/// genitive singular («1,5 строки»).
struct RuNoun {
    nominative: [&'static str; 3],
    genitive: [&'static str; 3],
}

const RU_NOUNS: &[RuNoun] = &[
    RuNoun {
        nominative: ["строка", "строки", "строк"],
        genitive: ["строки", "строк", "строк"],
    },
    RuNoun {
        nominative: ["год", "года", "лет"],
        genitive: ["года", "лет", "лет"],
    },
    RuNoun {
        nominative: ["символ", "символа", "символов"],
        genitive: ["символа", "символов", "символов"],
    },
    RuNoun {
        nominative: ["знак", "знака", "знаков"],
        genitive: ["знака", "знаков", "знаков"],
    },
    RuNoun {
        nominative: ["уровень", "уровня", "уровней"],
        genitive: ["уровня", "уровней", "уровней"],
    },
    RuNoun {
        nominative: ["значение", "значения", "значений"],
        genitive: ["значения", "значений", "значений"],
    },
    RuNoun {
        nominative: ["сообщение", "сообщения", "сообщений"],
        genitive: ["сообщения", "сообщений", "сообщений"],
    },
    RuNoun {
        nominative: ["документ", "документа", "документов"],
        genitive: ["документа", "документов", "документов"],
    },
    RuNoun {
        nominative: ["байт", "байта", "байт"],
        genitive: ["байта", "байт", "байт"],
    },
    RuNoun {
        nominative: ["день", "дня", "дней"],
        genitive: ["дня", "дней", "дней"],
    },
    RuNoun {
        nominative: ["цифра", "цифры", "цифр"],
        genitive: ["цифры", "цифр", "цифр"],
    },
    RuNoun {
        nominative: ["месяц", "месяца", "месяцев"],
        genitive: ["месяца", "месяцев", "месяцев"],
    },
    RuNoun {
        nominative: ["замечание", "замечания", "замечаний"],
        genitive: ["замечания", "замечаний", "замечаний"],
    },
];

/// English nouns after a number: singular and plural.
const EN_NOUNS: &[(&str, &str)] = &[
    ("row", "rows"),
    ("year", "years"),
    ("character", "characters"),
    ("level", "levels"),
    ("value", "values"),
    ("document", "documents"),
    ("digit", "digits"),
    ("day", "days"),
    ("month", "months"),
    ("byte", "bytes"),
    ("finding", "findings"),
];

/// Kazakh plural suffixes (with a case ending after them): a noun after a
/// number stays singular («5 жол», not «5 жолдар»).
const KK_PLURAL: &[&str] = &["лар", "лер", "дар", "дер", "тар", "тер"];
const KK_CASE_ENDINGS: &[&str] = &[
    "", "ы", "і", "ға", "ге", "да", "де", "дан", "ден", "ды", "ді", "дың", "дің", "мен",
];

/// What a reviewer objects to in `text`, a message in `lang`; the parts in
/// `quoted` are what the applicant typed and are not reviewed.
pub fn objections(text: &str, lang: Lang, quoted: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    if text.contains(['{', '}', '#']) {
        out.push(format!("unfilled placeholder in {text:?}"));
    }
    let mut stripped = text.to_owned();
    for q in quoted.iter().filter(|q| !q.trim().is_empty()) {
        stripped = stripped.replace(q.as_str(), "◊");
    }
    // The `T` of an ISO 8601 date-time (`2019-10-04T17:30:00`) is no word.
    let chars: Vec<char> = stripped.chars().collect();
    let reviewed: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let digits_around = i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if c == 'T' && digits_around {
                ' '
            } else {
                c
            }
        })
        .collect();
    for w in words(&reviewed) {
        let latin = w.chars().any(|c| c.is_ascii_alphabetic());
        let cyrillic = w.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        match lang {
            Lang::Kk | Lang::Ru if latin && !LATIN_ALLOWED.contains(&w) && !roman(w) => {
                out.push(format!("Latin word {w:?} in {text:?}"));
            }
            Lang::En if cyrillic => out.push(format!("Cyrillic word {w:?} in {text:?}")),
            _ => {}
        }
    }
    // The same word twice, with only spaces and quotation marks between.
    let mut previous: Option<(&str, usize)> = None;
    for (at, w) in word_spans(&reviewed) {
        if let Some((p, end)) = previous {
            let gap = &reviewed[end..at];
            let joined = gap
                .chars()
                .all(|c| c.is_whitespace() || "«»“”\"'".contains(c));
            if joined && p.chars().count() > 1 && p.to_lowercase() == w.to_lowercase() {
                out.push(format!("doubled word {p:?} in {text:?}"));
            }
        }
        previous = Some((w, at + w.len()));
    }
    out.extend(doubled_around_quotes(&reviewed, text));
    out.extend(disagreeing_counts(&reviewed, lang, text));
    out
}

/// The words of `text` with their byte offsets.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The words of `text`: runs of letters.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect()
}

/// `I`, `II`, `III`, `IV` …
fn roman(w: &str) -> bool {
    w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Two words of one stem (the same first six letters, lengths within two): «Копия
/// «Копия …»», «редакции «…, редакция 2019 г.»».
fn same_stem(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (la, lb) = (a.chars().count(), b.chars().count());
    la >= 5 && lb >= 5 && la.abs_diff(lb) <= 2 && a.chars().take(6).eq(b.chars().take(6))
}

/// A word before a «quote» said again at the start of it, or a word after it said
/// again at its end: «Копия «Копия заключения…»», ««…көшірмесі» көшірмесі».
fn doubled_around_quotes(reviewed: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, _) in reviewed.match_indices('«') {
        let inside_start = open + '«'.len_utf8();
        let mut depth = 1;
        let mut close = None;
        for (i, c) in reviewed[inside_start..].char_indices() {
            match c {
                '«' => depth += 1,
                '»' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(inside_start + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { continue };
        let inside = words(&reviewed[inside_start..close]);
        let before = words(&reviewed[..open]).last().copied();
        let after = words(&reviewed[close..]).first().copied();
        // The word just before or after the quote said again inside it; the same
        // word right next to itself is the doubled word of `objections`.
        let (first, last) = (inside.first().copied(), inside.last().copied());
        for (outer, next) in [(before, first), (after, last)] {
            let Some(outer) = outer else { continue };
            let repeated = inside.iter().any(|inner| {
                let adjacent = Some(*inner) == next;
                let same = inner.to_lowercase() == outer.to_lowercase();
                // Inside a short quote (a name such as an edition's) also a word
                // of the same form further in: «редакции «…, редакция 2019 г.»».
                let same_form = inside.len() <= 5 && inner.chars().count() == outer.chars().count();
                same_stem(outer, inner) && (adjacent || same_form) && !(adjacent && same)
            });
            if repeated {
                out.push(format!("doubled word {outer:?} around a quote in {text:?}"));
            }
        }
    }
    out
}

/// Russian words after which a count takes the genitive: «более 2 уровней».
const RU_GENITIVE_AFTER: &[&str] = &[
    "более",
    "менее",
    "больше",
    "меньше",
    "длиннее",
    "короче",
    "свыше",
    "около",
    "до",
    "от",
    "из",
];

/// Each number of `text` followed by a word: `(word before, number as digits,
/// word)`. Years (1900–2100) are skipped: they are dates, not counts.
fn counted(text: &str, lang: Lang) -> Vec<(String, String, String)> {
    let (group, decimal) = match lang {
        Lang::En => (',', '.'),
        Lang::Kk | Lang::Ru => ('\u{a0}', ','),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '-'));
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        let mut j = i;
        while j < chars.len() {
            let c = chars[j];
            let next_digit = chars.get(j + 1).is_some_and(|d| d.is_ascii_digit());
            if c.is_ascii_digit() {
                digits.push(c);
            } else if c == group && next_digit {
            } else if c == decimal && next_digit && !digits.contains('.') {
                digits.push('.');
            } else {
                break;
            }
            j += 1;
        }
        i = j;
        if chars.get(j) != Some(&' ') {
            continue;
        }
        let word: String = chars[j + 1..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let year = digits.len() == 4
            && digits
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y));
        if !word.is_empty() && !year {
            let before: String = chars[..start]
                .iter()
                .rev()
                .skip_while(|c| !c.is_alphabetic())
                .take_while(|c| c.is_alphabetic())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            out.push((before, digits, word));
        }
    }
    out
}

/// Counts whose noun does not agree with the number.
fn disagreeing_counts(reviewed: &str, lang: Lang, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (before, number, word) in counted(reviewed, lang) {
        let c = category(lang, &number);
        let genitive = RU_GENITIVE_AFTER.contains(&before.to_lowercase().as_str());
        let agrees = match lang {
            Lang::Ru => RU_NOUNS
                .iter()
                .filter(|n| {
                    n.nominative.contains(&word.as_str()) || n.genitive.contains(&word.as_str())
                })
                .all(|n| {
                    let forms = if genitive { &n.genitive } else { &n.nominative };
                    match c {
                        Category::One => word == forms[0],
                        Category::Few => word == forms[1],
                        Category::Many => word == forms[2],
                        Category::Other => word == n.genitive[0],
                    }
                }),
            Lang::En => EN_NOUNS
                .iter()
                .filter(|(one, other)| word == *one || word == *other)
                .all(|(one, other)| word == if c == Category::One { *one } else { *other }),
            Lang::Kk => !KK_PLURAL.iter().any(|suffix| {
                KK_CASE_ENDINGS.iter().any(|ending| {
                    let tail = format!("{suffix}{ending}");
                    word.ends_with(&tail) && word.chars().count() > tail.chars().count() + 1
                })
            }),
        };
        if !agrees {
            out.push(format!("{number} {word:?} does not agree in {text:?}"));
        }
    }
    out
}

/// The parts of a finding's message that quote what the applicant typed: the
/// verbatim text parameters, and ids that are no known term (an unknown region
/// the applicant gave is shown as given).
fn quoted(params: &Params, lang: Lang) -> Vec<String> {
    params
        .0
        .iter()
        .filter_map(|(name, value)| match value {
            Param::Text(t) if VERBATIM.contains(name) => Some(t.clone()),
            Param::Term(kind, id) if catalog::term_name(*kind, id, lang).is_none() => {
                Some(id.clone())
            }
            Param::Terms(kind, ids) => Some(
                ids.iter()
                    .filter(|id| catalog::term_name(*kind, id, lang).is_none())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("◊"),
            ),
            _ => None,
        })
        .flat_map(|s| s.split('◊').map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

/// What a reviewer objects to in a rendered finding.
pub fn finding_objections(f: &Finding, lang: Lang) -> Vec<String> {
    objections(&f.message, lang, &quoted(&f.params, lang))
        .into_iter()
        .map(|o| format!("{} ({lang:?}): {o}", f.code))
        .collect()
}

/// A representative value of parameter `name` of `code`, with `n` for counts.
fn sample(code: &str, name: &str, n: i64) -> Param {
    let term = |kind, id: &str| Param::Term(kind, id.to_owned());
    let terms =
        |kind, ids: &[&str]| Param::Terms(kind, ids.iter().map(|s| (*s).to_owned()).collect());
    let date = || Param::Date("2019-10-21".into());
    let decimal = || Param::Decimal(format!("{n}.5"));
    let text = |s: &str| Param::Text(s.to_owned());
    match (code, name) {
        ("input.wrong_type", "expected") => term(TermKind::JsonType, "string"),
        ("input.wrong_type", "actual") | ("ident.not_a_string", "type") => {
            term(TermKind::JsonType, "number")
        }
        ("input.malformed_json", "detail") => term(TermKind::JsonError, "unexpected_character"),
        ("input.missing_field", "field") => Param::field("Applicant", "iin_bin"),
        ("editions.unknown_edition", "allowed") | (_, "editions" | "closest") => terms(
            TermKind::Edition,
            &["almaty_oblast_2012", "almaty_city_2019", "eco_code_2021"],
        ),
        ("editions.unknown_region", "allowed") => terms(
            TermKind::Region,
            &["almaty_oblast", "almaty_city", "astana"],
        ),
        ("editions.channel_not_offered", "allowed") => terms(TermKind::Channel, &["portal"]),
        ("input.unknown_value", "allowed") => terms(TermKind::Channel, &["portal", "in_person"]),
        ("editions.category_not_offered", "allowed") => {
            Param::List(vec!["II".into(), "III".into()])
        }
        (_, "allowed") => terms(TermKind::Action, &["issue", "reissue"]),
        (_, "action") => term(TermKind::Action, "reissue"),
        (_, "service") => term(TermKind::Service, "emission_permit"),
        (_, "instead") => term(TermKind::Service, "impact_declaration"),
        (_, "channel") => term(TermKind::Channel, "in_person"),
        (_, "edition") => term(TermKind::Edition, "almaty_city_2019"),
        (_, "regime") => term(TermKind::Edition, "eco_code_2007_standards"),
        (_, "region" | "edition_region") => term(TermKind::Region, "almaty_oblast"),
        (_, "document") => term(TermKind::Document, "gee_conclusion_copy"),
        (_, "fact") => term(TermKind::Fact, "original_presented_for_verification"),
        (_, "category") => text("III"),
        (
            _,
            "date" | "due" | "fixes_on" | "remarks_on" | "registered_on" | "accepted_on"
            | "remarks_due" | "remarks_sent_on" | "fixes_due" | "valid_until" | "decision_due"
            | "changed_on" | "filed_on" | "until" | "birth_date",
        ) => date(),
        ("editions.outside_period" | "editions.not_yet_in_force", "from") => date(),
        ("ident.born_after_submission" | "ident.registered_after_submission", "submitted") => {
            date()
        }
        (_, "year" | "previous" | "from" | "to" | "submitted" | "first" | "last")
            if !code.starts_with("declaration") && !code.contains("duplicate_substance") =>
        {
            Param::Int(2019 + n % 7)
        }
        (
            "emissions.outside_kazakhstan" | "emissions.coordinate_out_of_range",
            "min" | "max" | "limit",
        ) => decimal(),
        (
            _,
            "declared" | "expected" | "requested" | "normative" | "actual" | "flow" | "other_flow"
            | "plain",
        ) if code.starts_with("emissions") => decimal(),
        ("emissions.too_large", "max") => decimal(),
        (_, "sex" | "entity_type" | "attribute") => text("—"),
        (_, "refusal") => Param::Cite("almaty_oblast_2012 PR §16.1".into()),
        (_, "century") => Param::Int(20),
        (_, v) if VERBATIM.contains(&v) => text("abc ЖСН"),
        _ => Param::Int(n),
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn the_reviewer_objects_to_what_a_reader_found() {
    let ru = |t: &str| objections(t, Lang::Ru, &[]);
    let kk = |t: &str| objections(t, Lang::Kk, &[]);
    let en = |t: &str| objections(t, Lang::En, &[]);
    // Internal ids, enum values, English.
    assert_eq!(ru("Не заполнено обязательное поле «applicant».").len(), 1);
    assert_eq!(
        kk("Регламентте осы қызмет бойынша көзделгені: issue.").len(),
        1
    );
    assert_eq!(ru("Основание: karaganda_2013 App.3 T2").len(), 3);
    assert_eq!(en("Signed with the EDS (ЭЦП).").len(), 1);
    // What the applicant typed is quoted back.
    assert!(ru("Недопустимое значение «mail».")
        .iter()
        .any(|o| o.contains("mail")));
    assert!(objections("Недопустимое значение «mail».", Lang::Ru, &["mail".into()]).is_empty());
    // Unfilled placeholders.
    for unfilled in [
        "Слишком много строк: {count}.",
        "ещё {n, plural, one {# строка}}",
    ] {
        assert!(ru(unfilled)[0].starts_with("unfilled"), "{unfilled}");
    }
    // Doubled words.
    assert_eq!(
        ru("Копия «Копия заключения экспертизы» не заверена.").len(),
        1
    );
    assert_eq!(
        kk("«Қорытындының көшірмесі» көшірмесі нотариат куәландырмаған.").len(),
        1
    );
    assert_eq!(
        ru("сроки рассчитаны по редакции «город Алматы, редакция 2019 г.»").len(),
        1
    );
    assert_eq!(kk("«…редакциясы» редакциясы").len(), 1);
    assert_eq!(en("the the rows").len(), 1);
    // Counts that do not agree.
    for bad in [
        "Имя поля длиннее 21 символов.",
        "более 2 уровня",
        "ещё 5 строки",
        "1,5 строк",
    ] {
        assert_eq!(ru(bad).len(), 1, "{bad}");
    }
    assert_eq!(en("The text is too long (1 characters).").len(), 1);
    assert_eq!(en("more than 2 level").len(), 1);
    assert_eq!(kk("Кестеде 5 жолдар бар.").len(), 1);
    // And passes what agrees.
    for good in [
        "Имя поля длиннее 21 символа.",
        "более 2 уровней",
        "ещё 5 строк, 22 строки, 101 строка",
        "1,5 строки, 12\u{a0}345 строк",
        "Лимиты на 2019 год (II и III категории, ISO 8601, UTC)",
    ] {
        assert!(ru(good).is_empty(), "{good}: {:?}", ru(good));
    }
    assert!(kk("Кестеде 5 жол, 10 тармақ бар; 2–5-кестелердің бірі.").is_empty());
    assert!(
        en("1 row, 2 rows, 1.5 rows, 1,234 rows").is_empty(),
        "{:?}",
        en("1 row, 2 rows, 1.5 rows, 1,234 rows")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn every_message_reads_well_with_representative_parameters() {
    let mut problems = Vec::new();
    let entries = catalog::entries().iter();
    // The HTTP service's texts, which only the native build has.
    #[cfg(not(target_arch = "wasm32"))]
    let entries = entries.chain(catalog::native_entries());
    for entry in entries {
        for n in COUNTS {
            let params = Params(
                entry
                    .params
                    .iter()
                    .map(|name| (*name, sample(entry.code, name, n)))
                    .collect(),
            );
            for lang in Lang::ALL {
                let message = catalog::render_template(entry.text.get(lang), &params, lang);
                for o in objections(&message, lang, &quoted(&params, lang)) {
                    problems.push(format!("{} ({lang:?}, n = {n}): {o}", entry.code));
                }
            }
        }
    }
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[wasm_bindgen_test(unsupported = test)]
fn every_finding_of_the_examples_and_their_variants_reads_well() {
    let mut problems = Vec::new();
    let mut reviewed = 0usize;
    crate::parity::each_answer(|case, lang, findings| {
        for f in findings {
            reviewed += 1;
            for o in finding_objections(f, lang) {
                problems.push(format!("{case}: {o}"));
            }
        }
    });
    problems.sort();
    problems.dedup();
    assert!(reviewed > 5_000, "{reviewed}");
    assert!(
        problems.is_empty(),
        "{}\n{}",
        problems.len(),
        problems.join("\n")
    );
}
