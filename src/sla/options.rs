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

/// Where the 2012 main expertise month starts (Q8).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MonthFrom {
    /// The registration date (default).
    #[default]
    Registration,
    /// The end of the preliminary expertise (digest A-10).
    PreliminaryEnd,
}

/// Options of the deadline computation. In the options object:
/// `{"sla": {"reception_open": "09:00", "reception_close": "18:30",
/// "before_opening": "same_day" | "next_working_day", "count_registration_day":
/// false, "anchor": "registration" | "submission", "roll_forward": true,
/// "fixes_without_remarks": "remarks_due" | "none", "expertise_month_from":
/// "registration" | "preliminary_end", "expertise_remarks_from": "accepted_on" |
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
            let ok = match key {
                "reception_open" => clock(text).map(|t| o.reception_open = Some(t)),
                "reception_close" => clock(text).map(|t| o.reception_close = Some(t)),
                "count_registration_day" => flag.map(|b| o.count_registration_day = b),
                "roll_forward" => flag.map(|b| o.roll_forward = b),
                "before_opening" => choice(
                    text,
                    &[
                        ("same_day", BeforeOpening::SameDay),
                        ("next_working_day", BeforeOpening::NextWorkingDay),
                    ],
                )
                .map(|x| o.before_opening = x),
                "anchor" => choice(
                    text,
                    &[
                        ("registration", Anchor::Registration),
                        ("submission", Anchor::Submission),
                    ],
                )
                .map(|x| o.anchor = x),
                "fixes_without_remarks" => choice(
                    text,
                    &[
                        ("remarks_due", FixesAnchor::RemarksDue),
                        ("none", FixesAnchor::None),
                    ],
                )
                .map(|x| o.fixes_without_remarks = x),
                "expertise_month_from" => choice(
                    text,
                    &[
                        ("registration", MonthFrom::Registration),
                        ("preliminary_end", MonthFrom::PreliminaryEnd),
                    ],
                )
                .map(|x| o.expertise_month_from = x),
                "expertise_remarks_from" => choice(
                    text,
                    &[
                        ("accepted_on", StepAnchor::AcceptedOn),
                        ("registration", StepAnchor::Registration),
                        ("submission", StepAnchor::Submission),
                    ],
                )
                .map(|x| o.expertise_remarks_from = Some(x)),
                "reissue_from" => choice(
                    text,
                    &[
                        ("registration", StepAnchor::Registration),
                        ("submission_day", StepAnchor::SubmissionDay),
                    ],
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

fn text(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s.as_str()),
        _ => None,
    }
}

/// The value named `text` among `choices`.
fn choice<T: Copy>(text: &str, choices: &[(&str, T)]) -> Option<T> {
    choices
        .iter()
        .find(|(name, _)| *name == text)
        .map(|(_, v)| *v)
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
