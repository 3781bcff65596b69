//! The disputed counting rules as options, with the defaults DESIGN.md describes
//! ("Counting rules").

use super::{AnchorOption, Step, StepAnchor};
use crate::input::Value;

/// What happens to a submission before opening time on a working day (Q3).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BeforeOpening {
    /// Registered the same day, at opening (default).
    #[default]
    SameDay,
    /// Registered the next working day.
    NextWorkingDay,
}

/// Where calendar-day and month periods start (Q5).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Anchor {
    /// The registration date (default).
    #[default]
    Registration,
    /// The local date of the submission itself ("from the moment the documents are
    /// submitted", 2012 text), also on a day off.
    Submission,
}

/// Where the fixes window starts when the remarks date is not known (Q7).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FixesAnchor {
    /// The latest day the remarks could be sent (default).
    #[default]
    RemarksDue,
    /// No fixes deadline until `remarks_sent_on` is given.
    None,
}

/// Where the 2012 main expertise month starts (Q8): GR §7.2 counts it «алдын ала
/// сараптамадан өткен қажетті құжаттарды тапсырған сәттен бастап» (from the
/// submission of the documents that passed the preliminary expertise).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MonthFrom {
    /// The registration date.
    Registration,
    /// The end of the preliminary expertise, the latest day the documents pass it
    /// (default: GR §7.2 as written; digest A-10).
    #[default]
    PreliminaryEnd,
}

/// The kind of value an `sla` option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionValue {
    /// A time of day, `"hh:mm"` or `"hh:mm:ss"`.
    Clock,
    /// `true` or `false`.
    Flag,
    /// One of these names.
    Choice(&'static [&'static str]),
}

/// Every key of the `sla` options object with the values it takes: the only
/// keys [`SlaOptions::from_value`] reads, and what `npm/functions.d.ts` declares
/// as `SlaOptions` (a test compares the two), e.g.
/// `("anchor", Choice(&["registration", "submission"]))`.
pub const OPTIONS: &[(&str, OptionValue)] = &[
    ("reception_open", OptionValue::Clock),
    ("reception_close", OptionValue::Clock),
    (
        "before_opening",
        OptionValue::Choice(&["same_day", "next_working_day"]),
    ),
    ("count_registration_day", OptionValue::Flag),
    (
        "anchor",
        OptionValue::Choice(&["registration", "submission"]),
    ),
    ("roll_forward", OptionValue::Flag),
    (
        "fixes_without_remarks",
        OptionValue::Choice(&["remarks_due", "none"]),
    ),
    (
        "expertise_month_from",
        OptionValue::Choice(&["preliminary_end", "registration"]),
    ),
    (
        "expertise_remarks_from",
        OptionValue::Choice(&["accepted_on", "registration", "submission"]),
    ),
    (
        "reissue_from",
        OptionValue::Choice(&["registration", "submission_day"]),
    ),
];

/// Options of the deadline computation. In the options object:
/// `{"sla": {"reception_open": "09:00", "reception_close": "18:30",
/// "before_opening": "same_day" | "next_working_day", "count_registration_day":
/// false, "anchor": "registration" | "submission", "roll_forward": true,
/// "fixes_without_remarks": "remarks_due" | "none", "expertise_month_from":
/// "preliminary_end" | "registration", "expertise_remarks_from": "accepted_on" |
/// "registration" | "submission", "reissue_from": "registration" |
/// "submission_day"}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaOptions {
    /// Opening time (seconds after midnight) instead of the edition's (Q1).
    pub reception_open: Option<u32>,
    /// Closing time instead of the edition's 18:00 (Q1: e.g. 18:30); a submission
    /// at exactly this second is after hours (Q2: give `18:00:01` to keep 18:00:00
    /// in hours).
    pub reception_close: Option<u32>,
    /// Q3.
    pub before_opening: BeforeOpening,
    /// Q4: count the registration day as day 1 of a working-day period (default
    /// false: the period starts the next day).
    pub count_registration_day: bool,
    /// Q5.
    pub anchor: Anchor,
    /// Q6: move a calendar-day or month period ending on a non-working day to the
    /// next working day (default true).
    pub roll_forward: bool,
    /// Q7.
    pub fixes_without_remarks: FixesAnchor,
    /// Q8.
    pub expertise_month_from: MonthFrom,
    /// Where the 2021 expertise remarks period (7 working days, art. 89 p. 6,
    /// start not stated) runs from; `None`: the data's choice, the acceptance of
    /// the application.
    pub expertise_remarks_from: Option<StepAnchor>,
    /// Where the 2021 re-issue period (5 working days, art. 108 p. 1, start not
    /// stated) runs from; `None`: the data's choice, the registration;
    /// `submission_day`: the day of the submission itself.
    pub reissue_from: Option<StepAnchor>,
}

impl Default for SlaOptions {
    fn default() -> Self {
        SlaOptions {
            reception_open: None,
            reception_close: None,
            before_opening: BeforeOpening::default(),
            count_registration_day: false,
            anchor: Anchor::default(),
            roll_forward: true,
            fixes_without_remarks: FixesAnchor::default(),
            expertise_month_from: MonthFrom::default(),
            expertise_remarks_from: None,
            reissue_from: None,
        }
    }
}

impl SlaOptions {
    /// The event `step` runs from: the data's anchor, unless the step names an
    /// option that is set.
    pub fn anchor_of(&self, step: &Step) -> StepAnchor {
        let chosen = match step.anchor_option {
            Some(AnchorOption::ExpertiseRemarksFrom) => self.expertise_remarks_from,
            Some(AnchorOption::ReissueFrom) => self.reissue_from,
            None => None,
        };
        chosen.unwrap_or(step.anchor)
    }

    /// Reads the `sla` options object; a caller mistake is an `Err` naming it.
    ///
    /// ```
    /// use kz_eco_rules::input::{Limits, Value};
    /// use kz_eco_rules::sla::{Anchor, SlaOptions};
    /// let v = Value::from_json_str(r#"{"reception_close": "18:30", "anchor": "submission"}"#, &Limits::default()).unwrap();
    /// let o = SlaOptions::from_value(&v).unwrap();
    /// assert_eq!(o.reception_close, Some(18 * 3600 + 30 * 60));
    /// assert_eq!(o.anchor, Anchor::Submission);
    /// assert!(SlaOptions::from_value(&Value::from_json_str(r#"{"anchor": "x"}"#, &Limits::default()).unwrap()).is_err());
    /// ```
    pub fn from_value(value: &Value) -> Result<SlaOptions, String> {
        let mut o = SlaOptions::default();
        let entries = match value {
            Value::Null => return Ok(o),
            Value::Object(entries) => entries,
            _ => return Err(crate::calendar::bad_option("sla", "")),
        };
        for (key, v) in crate::input::last_wins(entries) {
            if matches!(v, Value::Null) {
                continue;
            }
            let text = text(v).unwrap_or("");
            let flag = match v {
                Value::Bool(b) => Some(*b),
                _ => None,
            };
            // The names of `key`'s choices, in the order of its values below.
            let names = match OPTIONS.iter().find(|(k, _)| *k == key) {
                Some((_, OptionValue::Choice(names))) => *names,
                Some(_) => &[],
                None => return Err(crate::calendar::bad_option("sla", key)),
            };
            let ok = match key {
                "reception_open" => clock(text).map(|t| o.reception_open = Some(t)),
                "reception_close" => clock(text).map(|t| o.reception_close = Some(t)),
                "count_registration_day" => flag.map(|b| o.count_registration_day = b),
                "roll_forward" => flag.map(|b| o.roll_forward = b),
                "before_opening" => choice(
                    names,
                    text,
                    &[BeforeOpening::SameDay, BeforeOpening::NextWorkingDay],
                )
                .map(|x| o.before_opening = x),
                "anchor" => choice(names, text, &[Anchor::Registration, Anchor::Submission])
                    .map(|x| o.anchor = x),
                "fixes_without_remarks" => {
                    choice(names, text, &[FixesAnchor::RemarksDue, FixesAnchor::None])
                        .map(|x| o.fixes_without_remarks = x)
                }
                "expertise_month_from" => choice(
                    names,
                    text,
                    &[MonthFrom::PreliminaryEnd, MonthFrom::Registration],
                )
                .map(|x| o.expertise_month_from = x),
                "expertise_remarks_from" => choice(
                    names,
                    text,
                    &[
                        StepAnchor::AcceptedOn,
                        StepAnchor::Registration,
                        StepAnchor::Submission,
                    ],
                )
                .map(|x| o.expertise_remarks_from = Some(x)),
                "reissue_from" => choice(
                    names,
                    text,
                    &[StepAnchor::Registration, StepAnchor::SubmissionDay],
                )
                .map(|x| o.reissue_from = Some(x)),
                _ => None,
            };
            if ok.is_none() {
                return Err(crate::calendar::bad_option("sla", key));
            }
        }
        if let (Some(open), Some(close)) = (o.reception_open, o.reception_close) {
            if open >= close {
                return Err(crate::calendar::bad_option("sla", "reception_open"));
            }
        }
        Ok(o)
    }
}

fn text<'v>(v: &'v Value<'_>) -> Option<&'v str> {
    match v {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// The value of `values` named `text`, the names being [`OPTIONS`]' `names` in
/// the same order.
fn choice<T: Copy>(names: &[&str], text: &str, values: &[T]) -> Option<T> {
    debug_assert_eq!(names.len(), values.len(), "{names:?}");
    let at = names.iter().position(|n| *n == text)?;
    values.get(at).copied()
}

/// `HH:MM` or `HH:MM:SS` (up to `24:00`) as seconds after midnight.
fn clock(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    let two = |at: usize| -> Option<u32> {
        let d = b.get(at..at + 2)?;
        d.iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (h, m) = (two(0)?, two(3)?);
    let sec = match b.len() {
        5 => 0,
        8 if b.get(5) == Some(&b':') => two(6)?,
        _ => return None,
    };
    let total = h * 3600 + m * 60 + sec;
    (b.get(2) == Some(&b':') && m < 60 && sec < 60 && total <= 24 * 3600).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Limits;
    use crate::model::{Action, Category, Service};
    use crate::sla::{StepKind, Unit};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn step(anchor: StepAnchor, anchor_option: Option<AnchorOption>) -> Step {
        Step {
            service: Service::EcologicalExpertise,
            actions: &[Action::First],
            categories: &[Category::III],
            kind: StepKind::Remarks,
            n: 7,
            unit: Unit::WorkingDays,
            anchor,
            anchor_option,
            late: None,
            clause: "art. 89 p. 6",
        }
    }

    fn read(json: &str) -> Result<SlaOptions, String> {
        SlaOptions::from_value(&Value::from_json_str(json, &Limits::default()).unwrap())
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn an_option_moves_only_the_periods_that_name_it() {
        let o =
            read(r#"{"expertise_remarks_from": "registration", "reissue_from": "submission_day"}"#)
                .unwrap();
        let remarks = step(
            StepAnchor::AcceptedOn,
            Some(AnchorOption::ExpertiseRemarksFrom),
        );
        assert_eq!(o.anchor_of(&remarks), StepAnchor::Registration);
        let reissue = step(StepAnchor::Registration, Some(AnchorOption::ReissueFrom));
        assert_eq!(o.anchor_of(&reissue), StepAnchor::SubmissionDay);
        // A period whose start the act fixes keeps it.
        let fixed = step(StepAnchor::AcceptedOn, None);
        assert_eq!(o.anchor_of(&fixed), StepAnchor::AcceptedOn);
        // Unset: the data's anchor.
        assert_eq!(
            SlaOptions::default().anchor_of(&remarks),
            StepAnchor::AcceptedOn
        );
    }

    /// The properties of `interface SlaOptions` in `npm/functions.d.ts`: name,
    /// type text, and whether a doc comment precedes it.
    fn declared() -> Vec<(String, String, bool)> {
        let ts = include_str!("../../npm/functions.d.ts");
        let start = ts
            .find("export interface SlaOptions {")
            .expect("SlaOptions declared");
        let body = &ts[start..];
        let body = &body[body.find('{').unwrap() + 1..body.find("\n}").unwrap()];
        let mut out = Vec::new();
        let mut documented = false;
        for line in body.lines().map(str::trim) {
            if line.starts_with("/**") || line.starts_with('*') {
                documented |= line.ends_with("*/");
                continue;
            }
            if let Some((name, ty)) = line.split_once("?: ") {
                out.push((
                    name.to_owned(),
                    ty.trim_end_matches(';').to_owned(),
                    documented,
                ));
            }
            documented = false;
        }
        out
    }

    /// The TypeScript type of an option's value.
    fn ts(value: OptionValue) -> String {
        match value {
            OptionValue::Clock => "string".to_owned(),
            OptionValue::Flag => "boolean".to_owned(),
            OptionValue::Choice(names) => names
                .iter()
                .map(|n| format!("{n:?}"))
                .collect::<Vec<_>>()
                .join(" | "),
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_typescript_declaration_has_every_option_and_its_values() {
        let expected: Vec<(String, String, bool)> = OPTIONS
            .iter()
            .map(|(k, v)| ((*k).to_owned(), ts(*v), true))
            .collect();
        assert_eq!(
            declared(),
            expected,
            "npm/functions.d.ts SlaOptions differs from sla::OPTIONS (or lacks a doc comment)"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_listed_value_is_read_and_only_listed_keys_are() {
        for (key, value) in OPTIONS {
            let values: Vec<String> = match value {
                OptionValue::Clock => vec!["\"08:30\"".to_owned()],
                OptionValue::Flag => vec!["true".to_owned(), "false".to_owned()],
                OptionValue::Choice(names) => names.iter().map(|n| format!("{n:?}")).collect(),
            };
            for v in values {
                let json = format!("{{\"{key}\": {v}}}");
                assert!(read(&json).is_ok(), "{json}");
            }
            let json = format!("{{\"{key}\": \"no_such_value\"}}");
            assert!(read(&json).is_err(), "{json}");
        }
        assert!(read(r#"{"no_such_option": true}"#).is_err());
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn anchor_options_take_only_their_values() {
        for ok in [
            r#"{"expertise_remarks_from": "accepted_on"}"#,
            r#"{"expertise_remarks_from": "submission"}"#,
            r#"{"reissue_from": "registration"}"#,
        ] {
            assert!(read(ok).is_ok(), "{ok}");
        }
        for bad in [
            r#"{"expertise_remarks_from": "remarks_sent_on"}"#,
            r#"{"reissue_from": "accepted_on"}"#,
            r#"{"reissue_from": "submission"}"#,
            r#"{"reissue_from": true}"#,
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
