//! Emission tables benchmark (`cargo bench --bench emissions`; figures in
//! BENCHMARKS.md, "Emission tables").
//!
//! - `full/*`: a category II application, 10 sites × 30 substances in every
//!   table (tables 2–5 and permit appendices 1–4), 5 years: JSON text → report
//!   (`validate_json`), JSON text → typed model only, and the emission checks
//!   only (`emissions::check_application` on the typed model, summary included);
//! - `air_only`: table 2 alone at that size, checks only;
//! - `rows/N`: table 2 with N substance rows (100 per site, one year), checks
//!   only — the growth curve up to 10⁵ rows.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
    use kz_eco_rules::findings::Findings;
    use kz_eco_rules::input::{FailedPaths, Limits, Value as Tree};
    use kz_eco_rules::{editions, emissions, validate_json, Application, Context, Options};
    use serde_json::{json, Value};

    const YEARS: std::ops::Range<i32> = 2020..2025;

    /// 10⁻⁴ units as text.
    fn t4(v: u64) -> String {
        format!("{}.{:04}", v / 10_000, v % 10_000)
    }

    /// Table 2 (or permit App.1 when `limit`): `sites` × `subs`, `years`, exact totals.
    fn air(sites: usize, subs: usize, years: std::ops::Range<i32>, limit: bool) -> Value {
        let blocks: Vec<Value> = years
            .map(|year| {
                let (mut tg, mut tt) = (0u64, 0u64);
                let groups: Vec<Value> = (0..sites)
                    .map(|s| {
                        let (mut sg, mut st) = (0u64, 0u64);
                        let rows: Vec<Value> = (0..subs)
                            .map(|i| {
                                let g = 1 + ((s * 31 + i * 7) % 997) as u64; // 10⁻⁴ g/s
                                let t = g * 20; // 10⁻⁴ t/yr, well within g/s × 31.536
                                sg += g;
                                st += t;
                                let v = json!({"g_per_s": t4(g), "t_per_year": t4(t)});
                                let mut row = if limit {
                                    json!({"limit": v})
                                } else {
                                    json!({"normative": v, "requested": v, "actual": v})
                                };
                                row["code"] = json!(format!("{i:04}"));
                                row["name"] = json!(format!("Вещество {i}"));
                                row
                            })
                            .collect();
                        tg += sg;
                        tt += st;
                        let v = json!({"g_per_s": t4(sg), "t_per_year": t4(st)});
                        let sub = if limit {
                            v
                        } else {
                            json!({"normative": v, "requested": v, "actual": v})
                        };
                        json!({"site": s + 1, "subtotal": sub, "substances": rows})
                    })
                    .collect();
                let v = json!({"g_per_s": t4(tg), "t_per_year": t4(tt)});
                let total = if limit {
                    v
                } else {
                    json!({"normative": v, "requested": v, "actual": v})
                };
                json!({"year": year, "total": total, "sites": groups})
            })
            .collect();
        json!({"years": blocks})
    }

    /// Table 3 (or permit App.2): 15 m³/h in every outlet, so flows agree.
    fn water(limit: bool) -> Value {
        let blocks: Vec<Value> = YEARS
            .map(|year| {
                let (mut th, mut tt) = (0u64, 0u64);
                let outlets: Vec<Value> = (0..10)
                    .map(|o| {
                        let (mut sh, mut st) = (0u64, 0u64);
                        let rows: Vec<Value> = (0..30)
                            .map(|i| {
                                let c = 1 + ((o * 13 + i * 11) % 500) as u64; // 10⁻² mg/l
                                let h = c * 15; // 10⁻² g/h
                                let t = h * 876; // 10⁻⁷ t/yr (g/h × 0.00876)
                                sh += h;
                                st += t;
                                let mg = format!("{}.{:02}", c / 100, c % 100);
                                let gh = format!("{}.{:02}", h / 100, h % 100);
                                let ty = format!("{}.{:07}", t / 10_000_000, t % 10_000_000);
                                let mut row = if limit {
                                    json!({"limit": {"mg_per_l": mg, "t_per_year": ty}})
                                } else {
                                    let v =
                                        json!({"mg_per_l": mg, "g_per_h": gh, "t_per_year": ty});
                                    json!({"normative": v, "requested": v, "actual": v})
                                };
                                row["code"] = json!(format!("{i:03}"));
                                row["name"] = json!(format!("Вещество {i}"));
                                row
                            })
                            .collect();
                        th += sh;
                        tt += st;
                        let gh = format!("{}.{:02}", sh / 100, sh % 100);
                        let ty = format!("{}.{:07}", st / 10_000_000, st % 10_000_000);
                        let sub = if limit {
                            json!({"t_per_year": ty})
                        } else {
                            let v = json!({"g_per_h": gh, "t_per_year": ty});
                            json!({"normative": v, "requested": v, "actual": v})
                        };
                        json!({"outlet": o + 1, "subtotal": sub, "substances": rows})
                    })
                    .collect();
                let gh = format!("{}.{:02}", th / 100, th % 100);
                let ty = format!("{}.{:07}", tt / 10_000_000, tt % 10_000_000);
                let total = if limit {
                    json!({"t_per_year": ty})
                } else {
                    let v = json!({"g_per_h": gh, "t_per_year": ty});
                    json!({"normative": v, "requested": v, "actual": v})
                };
                json!({"year": year, "total": total, "outlets": outlets})
            })
            .collect();
        json!({"years": blocks})
    }

    /// Table 4/5 (or permit App.3/4): 300 items a year; waste rows have a code.
    fn tonnes(limit: bool, code: bool) -> Value {
        let blocks: Vec<Value> = YEARS
            .map(|year| {
                let mut total = 0u64;
                let items: Vec<Value> = (0..300)
                    .map(|i| {
                        let v = 1 + (i as u64 * 37 % 9_999);
                        total += v;
                        let mut row = if limit {
                            json!({"tonnes": t4(v)})
                        } else {
                            json!({"normative": t4(v), "requested": t4(v), "actual": t4(v)})
                        };
                        row["name"] = json!(format!("Қалдық {i}"));
                        if code {
                            row["code"] = json!(format!("10 01 {i:03}"));
                        }
                        row
                    })
                    .collect();
                let t = if limit {
                    json!(t4(total))
                } else {
                    json!({"normative": t4(total), "requested": t4(total), "actual": t4(total)})
                };
                json!({"year": year, "total": t, "items": items})
            })
            .collect();
        json!({"years": blocks})
    }

    fn sites(n: usize) -> Value {
        let rows: Vec<Value> = (1..=n)
            .map(|i| {
                json!({"number": i, "name": format!("Алаң {i}"), "oblast": "город Алматы",
                       "latitude": {"deg": "43", "min": "21", "sec": "35.2"},
                       "longitude": {"deg": "76", "min": "57", "sec": "48.9"}, "area_ha": "4.5"})
            })
            .collect();
        json!(rows)
    }

    fn base() -> Value {
        json!({
            "applicant": {"name": "ТОО «Бенч»", "kind": "legal_entity", "iin_bin": "081240001238"},
            "service": "emission_permit", "action": "issue", "category": "II", "channel": "portal",
            "region": "almaty_city", "submitted_at": "2019-11-04T10:15:00+06:00"
        })
    }

    /// The full application: every table, 10 × 30, 5 years, and the permit.
    fn full() -> String {
        let mut v = base();
        v["industrial_sites"] = sites(10);
        v["air_emissions"] = air(10, 30, YEARS, false);
        v["discharges"] = water(false);
        v["waste"] = tonnes(false, true);
        v["sulfur"] = tonnes(false, false);
        let mut conditions = json!({});
        for (key, appendix) in [
            ("air", air(10, 30, YEARS, true)),
            ("discharges", water(true)),
            ("waste", tonnes(true, true)),
            ("sulfur", tonnes(true, false)),
        ] {
            let lines: Vec<Value> = appendix["years"]
                .as_array()
                .unwrap()
                .iter()
                .map(|y| {
                    let t = &y["total"];
                    let tonnes = t.get("t_per_year").unwrap_or(t).clone();
                    json!({"year": y["year"], "tonnes": tonnes})
                })
                .collect();
            conditions[key] = json!(lines);
            let field = match key {
                "air" => "air_limits",
                "discharges" => "discharge_limits",
                "waste" => "waste_limits",
                _ => "sulfur_limits",
            };
            v["permit"][field] = appendix;
        }
        v["permit"]["conditions"] = conditions;
        v["permit"]["valid_from_year"] = json!(2020);
        v["permit"]["valid_to_year"] = json!(2024);
        v.to_string()
    }

    fn air_only(sites_n: usize, subs: usize, years: std::ops::Range<i32>) -> String {
        let mut v = base();
        v["industrial_sites"] = sites(sites_n);
        v["air_emissions"] = air(sites_n, subs, years, false);
        v.to_string()
    }

    fn typed(text: &str) -> Application {
        let (app, findings) = Application::from_json_str(text);
        assert!(findings.is_empty(), "{:.300?}", findings.as_slice().first());
        app
    }

    /// The emission checks alone, as `validate` runs them (edition known).
    fn check_only(app: &Application, failed: &FailedPaths) -> (usize, usize) {
        let mut cx = Context::new(app, failed);
        cx.edition = editions::edition("almaty_city_2019");
        let mut findings = Findings::default();
        let summary = emissions::check_application(&cx, &mut findings);
        (findings.len(), summary.map_or(0, |s| s.totals.len()))
    }

    fn bench_full(c: &mut Criterion) {
        let text = full();
        let report = validate_json(&text, &Options::default());
        let own: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.code.starts_with("emissions."))
            .collect();
        assert!(own.is_empty(), "{:.300?}", own.first());
        eprintln!(
            "full application: {} bytes of JSON, {} summary totals",
            text.len(),
            report.summary.as_ref().map_or(0, |s| s.totals.len())
        );
        let app = typed(&text);
        let failed = FailedPaths::new();
        let mut g = c.benchmark_group("full");
        g.sample_size(20).measurement_time(Duration::from_secs(5));
        g.bench_function("validate_json", |b| {
            b.iter(|| validate_json(black_box(&text), &Options::default()))
        });
        g.bench_function("json_to_model", |b| {
            b.iter(|| {
                let tree = Tree::from_json_str(black_box(&text), &Limits::default()).unwrap();
                let mut f = Findings::default();
                Application::from_value(&tree, &mut f)
            })
        });
        g.bench_function("check_only", |b| {
            b.iter(|| check_only(black_box(&app), &failed))
        });
        g.finish();

        let air = typed(&air_only(10, 30, YEARS));
        c.bench_function("air_only/check_only", |b| {
            b.iter(|| check_only(black_box(&air), &failed))
        });
    }

    fn bench_rows(c: &mut Criterion) {
        let failed = FailedPaths::new();
        let mut g = c.benchmark_group("rows");
        g.sample_size(20).measurement_time(Duration::from_secs(4));
        for n in [100usize, 1_000, 10_000, 100_000] {
            let app = typed(&air_only(n / 100, 100, 2020..2021));
            assert_eq!(check_only(&app, &failed).0, 0);
            g.throughput(Throughput::Elements(n as u64));
            g.bench_with_input(BenchmarkId::from_parameter(n), &app, |b, app| {
                b.iter(|| check_only(black_box(app), &failed))
            });
        }
        g.finish();
    }

    criterion_group!(benches, bench_full, bench_rows);
}
