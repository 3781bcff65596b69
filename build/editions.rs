//! `data/editions.json` → regions and regulation editions (`editions.rs`).
//!
//! Checked: unique ids, every edition's scope is `"national"` or a list of known
//! regions, periods are valid dates with `from < until` (no `until`: in force),
//! services/actions/categories/channels are values of the model, every action
//! belongs to its service, all names in three languages.

use std::fmt::Write as _;

use serde_json::Value;

use crate::gen::{self, lit, Problems};

const SERVICES: &[(&str, &str)] = &[
    ("emission_permit", "Service::EmissionPermit"),
    ("ecological_expertise", "Service::EcologicalExpertise"),
    ("environmental_permit", "Service::EnvironmentalPermit"),
    ("impact_declaration", "Service::ImpactDeclaration"),
];
const ACTIONS: &[(&str, &str, &str)] = &[
    ("issue", "Action::Issue", "emission_permit"),
    ("reissue", "Action::Reissue", "emission_permit"),
    ("first", "Action::First", "ecological_expertise"),
    ("repeat", "Action::Repeat", "ecological_expertise"),
    ("issue", "Action::Issue", "environmental_permit"),
    ("reissue", "Action::Reissue", "environmental_permit"),
    ("issue", "Action::Issue", "impact_declaration"),
];
const CATEGORIES: &[(&str, &str)] = &[
    ("I", "Category::I"),
    ("II", "Category::II"),
    ("III", "Category::III"),
    ("IV", "Category::IV"),
];
const CHANNELS: &[(&str, &str)] = &[
    ("portal", "Channel::Portal"),
    ("in_person", "Channel::InPerson"),
];

pub fn generate(p: &mut Problems) -> String {
    let path = "data/editions.json";
    let json = gen::read_json(path);
    let mut out = String::new();
    let Some(root) = gen::object(&json, path, p) else {
        return out;
    };
    gen::known_keys(root, &["regions", "editions"], path, p);

    let mut region_ids = Vec::new();
    out.push_str("/// Regions with editions.\npub(crate) static REGIONS: &[Region] = &[\n");
    for (i, r) in root
        .get("regions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let place = format!("{path}: regions[{i}]");
        let Some(o) = gen::object(r, &place, p) else {
            continue;
        };
        gen::known_keys(
            o,
            &["id", "names", "utc_offsets", "utc_offsets_basis"],
            &place,
            p,
        );
        let id = gen::string(o, "id", &place, p);
        if region_ids.contains(&id) {
            p.add(&place, format!("region {id} defined twice"));
        }
        region_ids.push(id);
        let mut offsets = String::new();
        let list = o
            .get("utc_offsets")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if list.is_empty() {
            p.add(&place, "utc_offsets must list at least one offset");
        }
        for (j, off) in list.iter().enumerate() {
            let place = format!("{place}.utc_offsets[{j}]");
            let Some(oo) = gen::object(off, &place, p) else {
                continue;
            };
            gen::known_keys(oo, &["until_utc", "minutes"], &place, p);
            let minutes = oo
                .get("minutes")
                .and_then(Value::as_i64)
                .unwrap_or_else(|| {
                    p.add(&place, "minutes must be an integer");
                    0
                });
            let until = match gen::opt_string(oo, "until_utc", &place, p) {
                None => "None".to_owned(),
                Some(t) => match t.strip_suffix('Z').and_then(|t| t.split_once('T')) {
                    Some((d, hms)) => {
                        let parts: Vec<i64> =
                            hms.split(':').filter_map(|x| x.parse().ok()).collect();
                        match (gen::parse_date(d), parts.as_slice()) {
                            (Some((y, m, dd)), [h, mi, s]) => format!(
                                "Some({})",
                                gen::days_from_civil(y, m, dd) * 86_400 + h * 3600 + mi * 60 + s
                            ),
                            _ => {
                                p.add(&place, "until_utc must be YYYY-MM-DDThh:mm:ssZ");
                                "None".into()
                            }
                        }
                    }
                    None => {
                        p.add(&place, "until_utc must be YYYY-MM-DDThh:mm:ssZ");
                        "None".into()
                    }
                },
            };
            let _ = write!(
                offsets,
                "OffsetPeriod {{ until_unix: {until}, minutes: {minutes} }}, "
            );
        }
        let _ = writeln!(
            out,
            "    Region {{ id: {}, names: {}, utc_offsets: &[{offsets}], utc_offsets_basis: {} }},",
            lit(id),
            gen::localized(o.get("names"), &place, p),
            lit(gen::string(o, "utc_offsets_basis", &place, p)),
        );
    }
    out.push_str("];\n\n/// Regulation editions.\npub(crate) static EDITIONS: &[Edition] = &[\n");

    let mut edition_ids = Vec::new();
    for (i, e) in root
        .get("editions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let place = format!("{path}: editions[{i}]");
        let Some(o) = gen::object(e, &place, p) else {
            continue;
        };
        gen::known_keys(
            o,
            &[
                "id",
                "scope",
                "names",
                "short_names",
                "act",
                "seeds",
                "period",
                "services",
            ],
            &place,
            p,
        );
        let id = gen::string(o, "id", &place, p);
        if edition_ids.contains(&id) {
            p.add(&place, format!("edition {id} defined twice"));
        }
        edition_ids.push(id);
        let scope = match o.get("scope") {
            Some(Value::String(s)) if s == "national" => "Scope::National".to_owned(),
            Some(Value::Array(list)) if !list.is_empty() => {
                let regions: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
                for r in &regions {
                    if !region_ids.contains(r) {
                        p.add(&place, format!("unknown region {r}"));
                    }
                }
                if regions.len() != list.len() {
                    p.add(&place, "scope must list region ids");
                }
                format!("Scope::Regions({})", gen::str_slice(regions))
            }
            _ => {
                p.add(&place, "scope must be \"national\" or a list of region ids");
                "Scope::National".to_owned()
            }
        };
        let seeds: Vec<&str> = o
            .get("seeds")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if o.contains_key("seeds") && seeds.is_empty() {
            p.add(&place, "seeds, when given, must list the seed files");
        }
        let period = match o.get("period").and_then(Value::as_object) {
            Some(po) => {
                let pp = format!("{place}.period");
                gen::known_keys(po, &["from", "until", "approximate", "note"], &pp, p);
                let from = gen::string(po, "from", &pp, p);
                let until = gen::opt_string(po, "until", &pp, p);
                if let (Some(f), Some(u)) = (gen::parse_date(from), until.and_then(gen::parse_date))
                {
                    if f >= u {
                        p.add(&pp, "from must be before until");
                    }
                }
                let approximate = po
                    .get("approximate")
                    .and_then(Value::as_bool)
                    .unwrap_or_else(|| {
                        p.add(&pp, "approximate must be true or false");
                        false
                    });
                format!(
                    "Period {{ from: {}, until: {}, approximate: {approximate}, note: {} }}",
                    gen::date(from, &pp, p),
                    until.map_or("None".into(), |u| format!("Some({})", gen::date(u, &pp, p))),
                    lit(gen::string(po, "note", &pp, p)),
                )
            }
            None => {
                p.add(&place, "period must be an object");
                String::new()
            }
        };
        let mut services = String::new();
        for (j, s) in o
            .get("services")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let sp = format!("{place}.services[{j}]");
            let Some(so) = gen::object(s, &sp, p) else {
                continue;
            };
            gen::known_keys(
                so,
                &["service", "actions", "categories", "channels", "basis"],
                &sp,
                p,
            );
            let service = gen::string(so, "service", &sp, p);
            let service_path = SERVICES
                .iter()
                .find(|(n, _)| *n == service)
                .map(|(_, r)| *r);
            if service_path.is_none() {
                p.add(&sp, format!("unknown service {service}"));
            }
            let mut actions = Vec::new();
            for a in so
                .get("actions")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let a = a.as_str().unwrap_or("");
                let known = ACTIONS.iter().any(|(n, _, _)| *n == a);
                match ACTIONS
                    .iter()
                    .find(|(n, _, owner)| *n == a && *owner == service)
                {
                    Some((_, r, _)) => actions.push(*r),
                    None if known => p.add(&sp, format!("action {a} does not belong to {service}")),
                    None => p.add(&sp, format!("unknown action {a}")),
                }
            }
            let mut categories = Vec::new();
            for c in so
                .get("categories")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let c = c.as_str().unwrap_or("");
                match CATEGORIES.iter().find(|(n, _)| *n == c) {
                    Some((_, r)) if !categories.contains(r) => categories.push(*r),
                    Some(_) => p.add(&sp, format!("category {c} twice")),
                    None => p.add(&sp, format!("unknown category {c}")),
                }
            }
            if categories.is_empty() {
                p.add(&sp, "categories must list at least one category");
            }
            let mut channels = Vec::new();
            for c in so
                .get("channels")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let c = c.as_str().unwrap_or("");
                match CHANNELS.iter().find(|(n, _)| *n == c) {
                    Some((_, r)) => channels.push(*r),
                    None => p.add(&sp, format!("unknown channel {c}")),
                }
            }
            let _ = write!(
                services,
                "ServiceOffer {{ service: {}, actions: &[{}], categories: &[{}], channels: &[{}], basis: {} }}, ",
                service_path.unwrap_or("Service::EmissionPermit"),
                actions.join(", "),
                categories.join(", "),
                channels.join(", "),
                lit(gen::string(so, "basis", &sp, p)),
            );
        }
        let _ = writeln!(
            out,
            "    Edition {{ id: {}, scope: {scope}, names: {}, short_names: {}, act: {}, seeds: {}, period: {period}, services: &[{services}] }},",
            lit(id),
            gen::localized(o.get("names"), &place, p),
            gen::localized(o.get("short_names"), &place, p),
            lit(gen::string(o, "act", &place, p)),
            gen::str_slice(seeds),
        );
    }
    out.push_str("];\n");
    out
}
