//! `data/editions.json` → regions and regulation editions (`editions.rs`).
//!
//! Checked: unique ids, every edition's region exists, periods are valid dates
//! with `from < until`, services/actions/channels are values of the model, every
//! action belongs to its service, all names in three languages.

use std::fmt::Write as _;

use serde_json::Value;

use crate::gen::{self, lit, Problems};

const SERVICES: &[(&str, &str)] = &[
    ("emission_permit", "Service::EmissionPermit"),
    ("ecological_expertise", "Service::EcologicalExpertise"),
];
const ACTIONS: &[(&str, &str, &str)] = &[
    ("issue", "Action::Issue", "emission_permit"),
    ("reissue", "Action::Reissue", "emission_permit"),
    ("first", "Action::First", "ecological_expertise"),
    ("repeat", "Action::Repeat", "ecological_expertise"),
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
            "    Region {{ id: {}, utc_offsets: &[{offsets}], utc_offsets_basis: {} }},",
            lit(id),
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
                "region",
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
        let region = gen::string(o, "region", &place, p);
        if !region_ids.contains(&region) {
            p.add(&place, format!("unknown region {region}"));
        }
        let seeds: Vec<&str> = o
            .get("seeds")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if seeds.is_empty() {
            p.add(&place, "seeds must list the seed files");
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
            gen::known_keys(so, &["service", "actions", "channels", "basis"], &sp, p);
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
                match ACTIONS.iter().find(|(n, _, _)| *n == a) {
                    Some((_, r, owner)) if *owner == service => actions.push(*r),
                    Some(_) => p.add(&sp, format!("action {a} does not belong to {service}")),
                    None => p.add(&sp, format!("unknown action {a}")),
                }
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
                "ServiceOffer {{ service: {}, actions: &[{}], channels: &[{}], basis: {} }}, ",
                service_path.unwrap_or("Service::EmissionPermit"),
                actions.join(", "),
                channels.join(", "),
                lit(gen::string(so, "basis", &sp, p)),
            );
        }
        let _ = writeln!(
            out,
            "    Edition {{ id: {}, region: {}, names: {}, act: {}, seeds: {}, period: {period}, services: &[{services}] }},",
            lit(id),
            lit(region),
            gen::localized(o.get("names"), &place, p),
            lit(gen::string(o, "act", &place, p)),
            gen::str_slice(seeds),
        );
    }
    out.push_str("];\n");
    out
}
