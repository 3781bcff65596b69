//! Editions registered at run time from JSON (native only): the same format and
//! the same checks as `data/editions.json` ([`super::spec`]), turned into the
//! same values the build script embeds. Used to prove that an edition is data
//! only — a test loads one from a fixture file and the library answers for it.

use std::sync::Mutex;

use super::spec::{parse_date, EditionsFile, Names, ScopeSpec};
use super::{Edition, Instead, Period, PermitTerm, Scope, ServiceOffer, Tables};
use crate::calendar::Date;
use crate::findings::catalog::Localized;
use crate::findings::Severity;
use crate::model::{Action, Category, Channel, Service};

/// The registered editions (append-only; each registration leaks its values,
/// which live as long as the process, like the embedded ones).
static EXTRA: Mutex<&'static [&'static Edition]> = Mutex::new(&[]);

/// The editions registered so far.
pub(super) fn extra() -> &'static [&'static Edition] {
    EXTRA.lock().map(|g| *g).unwrap_or(&[])
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

fn localized(n: &Names) -> Localized {
    Localized::new(leak(&n.kk), leak(&n.ru), leak(&n.en))
}

fn date(s: &str) -> Option<Date> {
    let (y, m, d) = parse_date(s)?;
    Date::new(y, m, d)
}

fn all<T: Copy>(ids: &[String], parse: fn(&str) -> Option<T>) -> Option<&'static [T]> {
    let v: Option<Vec<T>> = ids.iter().map(|s| parse(s)).collect();
    Some(Box::leak(v?.into_boxed_slice()))
}

/// Registers the editions of a JSON text in the format of `data/editions.json`
/// (regions must be embedded ones; the catalog must hold every code used) and
/// returns their ids, or every problem found. An id already known is refused.
///
/// ```
/// let bad = r#"{"editions": [{"id": "x", "scope": "nowhere"}]}"#;
/// assert!(kz_eco_rules::editions::load(bad).is_err());
/// ```
pub fn load(json: &str) -> Result<Vec<&'static str>, Vec<String>> {
    let file: EditionsFile = serde_json::from_str(json).map_err(|e| vec![e.to_string()])?;
    let regions: Vec<&str> = super::REGIONS.iter().map(|r| r.id).collect();
    let codes: Vec<&str> = crate::findings::catalog::entries()
        .iter()
        .map(|e| e.code)
        .collect();
    let mut problems = file.problems(&regions, &codes);
    if !file.regions.is_empty() || !file.unlisted.is_empty() {
        problems.push("only editions can be registered at run time".to_owned());
    }
    for e in &file.editions {
        if super::edition(&e.id).is_some() {
            problems.push(format!("edition {} is already known", e.id));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut built = Vec::new();
    for e in &file.editions {
        let bad = || vec![format!("edition {}: a value the model does not know", e.id)];
        let scope = match &e.scope {
            ScopeSpec::National(_) => Scope::National,
            ScopeSpec::Regions(list) => {
                let ids: Vec<&'static str> = list
                    .iter()
                    .filter_map(|r| regions.iter().find(|x| **x == r.as_str()).copied())
                    .collect();
                Scope::Regions(Box::leak(ids.into_boxed_slice()))
            }
        };
        let mut services = Vec::new();
        for s in &e.services {
            services.push(ServiceOffer {
                service: Service::parse(&s.service).ok_or_else(bad)?,
                actions: all(&s.actions, Action::parse).ok_or_else(bad)?,
                categories: all(&s.categories, Category::parse).ok_or_else(bad)?,
                channels: all(&s.channels, Channel::parse).ok_or_else(bad)?,
                basis: leak(&s.basis),
            });
        }
        let mut instead = Vec::new();
        for x in &e.instead {
            instead.push(Instead {
                service: x.service.as_deref().and_then(Service::parse),
                category: x.category.as_deref().and_then(Category::parse),
                code: crate::findings::catalog::entry(&x.code)
                    .map(|c| c.code)
                    .ok_or_else(bad)?,
                severity: Severity::parse(&x.severity).ok_or_else(bad)?,
                path: leak(&x.path),
                instead: x.instead.as_deref().and_then(Service::parse),
                basis: leak(&x.basis),
            });
        }
        let permit_term = match &e.permit_term {
            None => None,
            Some(t) => {
                let mut unlimited = Vec::new();
                for u in &t.unlimited {
                    let c = Category::parse(&u.category).ok_or_else(bad)?;
                    unlimited.push((c, date(&u.from).ok_or_else(bad)?));
                }
                Some(PermitTerm {
                    max_years: t.max_years,
                    source: leak(&t.source),
                    clause: leak(&t.clause),
                    unlimited: Box::leak(unlimited.into_boxed_slice()),
                })
            }
        };
        let until = match e.period.until.as_deref() {
            None => None,
            Some(u) => Some(date(u).ok_or_else(bad)?),
        };
        built.push(Edition {
            id: leak(&e.id),
            scope,
            names: localized(&e.names),
            act: leak(&e.act),
            seeds: Box::leak(
                e.seeds
                    .iter()
                    .map(|s| leak(s))
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            ),
            period: Period {
                from: date(&e.period.from).ok_or_else(bad)?,
                until,
                approximate: e.period.approximate,
                note: leak(&e.period.note),
            },
            services: Box::leak(services.into_boxed_slice()),
            instead: Box::leak(instead.into_boxed_slice()),
            permit_term,
            tables: Tables {
                form_checks: e.tables.form_checks,
                basis: e.tables.basis.as_deref().map(leak),
                refusal: e.tables.refusal.as_deref().map(leak),
                note: leak(&e.tables.note),
            },
        });
    }
    let mut guard = EXTRA
        .lock()
        .map_err(|_| vec!["the registry is poisoned".to_owned()])?;
    let mut all_editions: Vec<&'static Edition> = guard.to_vec();
    let ids = built.iter().map(|e| e.id).collect();
    // Their short names join the terms table (messages name editions from it).
    for (e, spec) in built.iter().zip(&file.editions) {
        crate::terms::register(crate::terms::EDITION, e.id, localized(&spec.short_names));
    }
    for e in built {
        all_editions.push(Box::leak(Box::new(e)));
    }
    *guard = Box::leak(all_editions.into_boxed_slice());
    Ok(ids)
}
