//! Required documents, natively and in wasm (Node and Chromium) with the same
//! vectors: one table test per edition × service × action × category × channel,
//! written by hand from the seed text (002 PR §11 and GR §11, the only enumerated
//! lists), every condition toggled on and off, and the document checks of an
//! application.

use crate::common::{assert_params_match, check, edited, example, found, EXAMPLES};
use kz_eco_rules::documents::{
    self, checklist_json, document_name, required_documents, Checklist, Query, Status,
};
use kz_eco_rules::findings::Findings;
use kz_eco_rules::model::{Action, Category, Channel, Facts, Service, Venue};
use kz_eco_rules::{Lang, Options, Report, Severity};
use serde_json::json;
use wasm_bindgen_test::wasm_bindgen_test;

// ---------------------------------------------------------------------------
// The lists of seed 002 (Almaty oblast 2012), in the order of first mention,
// written from the Kazakh text.

/// 002 PR §11.1.1 / §11.2.1: permit, category II — application (App.1), copy of
/// the ГЭЭ conclusion, action plan with the public hearings protocol, production
/// environmental control programme; and, when the permit covers waste placement,
/// the waste management programme the 2007 Code adds (art. 72 p. 2 part 2).
const PR_II: &[&str] = &[
    "permit_application",
    "gee_conclusion_copy",
    "env_protection_action_plan",
    "public_hearings_protocol",
    "pec_programme",
    WASTE_PROGRAMME,
];
const WASTE_PROGRAMME: &str = "waste_management_programme";
/// 002 PR §11.1.2 / §11.2.2: category III — as II without the hearings protocol.
const PR_III: &[&str] = &[
    "permit_application",
    "gee_conclusion_copy",
    "env_protection_action_plan",
    "pec_programme",
];
/// 002 PR §11.1.3 / §11.2.3: category IV — application and the emission
/// standards set by calculation or instrumental measurement.
const PR_IV: &[&str] = &["permit_application", "emission_standards_justified"];
/// 002 PR §11.1.4 / §11.2.4: re-issue, categories II–IV.
const PR_REISSUE: &[&str] = &[
    "permit_reissue_application",
    "legal_entity_registration_certificate",
    "taxpayer_certificate",
];
/// 002 GR §11.1.1: ГЭЭ category II in person, every object and every condition.
const GR_II_IN_PERSON: &[&str] = &[
    "gee_cover_letter",
    "project_documentation_with_eia",
    "dispersion_calculation_electronic",
    "emission_volumes_justification_excel",
    "eco_consequences_statement",
    "public_opinion_results",
    "approval_land_users",
    "approval_sanitary_epidemiological",
    "approval_basin_water_inspection",
    "approval_land_resources_body",
    "approval_subsoil_body",
    "approval_forestry_wildlife_spna",
    "approval_fisheries_body",
    "regional_programme_draft_with_eia",
    "emission_standards_draft",
    "npa_drafts",
];
/// 002 GR §11.1.2: categories III and IV in person (no regional programmes, no
/// draft acts).
const GR_III_IV_IN_PERSON: &[&str] = &[
    "gee_cover_letter",
    "project_documentation_with_eia",
    "dispersion_calculation_electronic",
    "emission_volumes_justification_excel",
    "eco_consequences_statement",
    "public_opinion_results",
    "approval_land_users",
    "approval_sanitary_epidemiological",
    "approval_basin_water_inspection",
    "approval_land_resources_body",
    "approval_subsoil_body",
    "approval_forestry_wildlife_spna",
    "approval_fisheries_body",
    "emission_standards_draft",
];
/// 002 GR §11.2.1: category II on the portal (EDS-signed free-form application;
/// no dispersion calculation, no Excel justification).
const GR_II_PORTAL: &[&str] = &[
    "gee_e_application",
    "project_documentation_with_eia",
    "eco_consequences_statement",
    "public_opinion_results",
    "approval_land_users",
    "approval_sanitary_epidemiological",
    "approval_basin_water_inspection",
    "approval_land_resources_body",
    "approval_subsoil_body",
    "approval_forestry_wildlife_spna",
    "approval_fisheries_body",
    "regional_programme_draft_with_eia",
    "emission_standards_draft",
    "npa_drafts",
];
/// 002 GR §11.2.2: categories III and IV on the portal.
const GR_III_IV_PORTAL: &[&str] = &[
    "gee_e_application",
    "project_documentation_with_eia",
    "eco_consequences_statement",
    "public_opinion_results",
    "approval_land_users",
    "approval_sanitary_epidemiological",
    "approval_basin_water_inspection",
    "approval_land_resources_body",
    "approval_subsoil_body",
    "approval_forestry_wildlife_spna",
    "approval_fisheries_body",
    "emission_standards_draft",
];
/// 002 GR §11: «осы жобаны қайталама экологиялық сараптамаға ұсынған жағдайда».
const REPEAT: &str = "previous_gee_conclusions_copies";

/// Every fact "yes": every object of expertise and every condition.
const ALL_YES: &[&str] = &[
    "object_is_project_documentation",
    "object_is_regional_programme",
    "object_is_emission_standards_draft",
    "object_is_npa_draft",
    "may_negatively_impact_environment",
    "in_water_protection_zone",
    "possible_mineral_deposits_on_site",
    "uses_groundwater",
    "groundwater_pollution_sources_expected",
    "activity_on_fishery_water_body",
    "applicant_is_legal_entity",
    "permit_covers_waste_placement",
];

fn facts(yes: &[&str], no: &[&str]) -> Facts {
    let mut f = Facts::default();
    for id in yes {
        f.set(id, true);
    }
    for id in no {
        f.set(id, false);
    }
    f
}

fn list(
    edition: &str,
    service: Service,
    action: Action,
    category: Category,
    channel: Channel,
    facts: &Facts,
) -> (Option<Checklist>, Findings) {
    let mut findings = Findings::default();
    let q = Query {
        edition: Some(edition),
        region: None,
        date: None,
        service,
        action,
        category,
        channel,
        venue: None,
        facts: Some(facts),
    };
    (required_documents(&q, &mut findings), findings)
}

fn ids(c: &Checklist, status: Status) -> Vec<&'static str> {
    c.items
        .iter()
        .filter(|i| i.status == status)
        .map(|i| i.id)
        .collect()
}

/// The table test of one combination: with every fact "yes", every document of
/// the seed list is required, in the seed's order, each citing `basis`.
fn check_case(
    edition: &str,
    service: Service,
    action: Action,
    category: Category,
    channel: Channel,
    expected: &[&str],
    basis: &str,
) {
    let (c, findings) = list(
        edition,
        service,
        action,
        category,
        channel,
        &facts(ALL_YES, &[]),
    );
    let c = c.unwrap_or_else(|| panic!("no list: {:?}", findings.as_slice()));
    assert!(findings.is_empty(), "{:?}", findings.as_slice());
    assert_eq!(c.edition, edition);
    assert_eq!(c.items.iter().map(|i| i.id).collect::<Vec<_>>(), expected);
    assert!(c.items.iter().all(|i| i.status == Status::Required));
    for item in &c.items {
        // A document the Code adds to the regulation's list cites the Code.
        let want = if item.id == WASTE_PROGRAMME {
            "eco_code_2007 art. 72 p. 2 part 2"
        } else {
            basis
        };
        assert_eq!(item.basis, want, "{}", item.id);
    }
    assert_eq!(c.derived_from.is_some(), edition != "almaty_oblast_2012");
    assert_eq!(c.unverified, edition == "almaty_city_2019");
}

fn with_repeat(list: &[&'static str]) -> Vec<&'static str> {
    let mut v = list.to_vec();
    v.push(REPEAT);
    v
}

macro_rules! case {
    ($name:ident: $ed:literal $svc:ident $act:ident $cat:ident $ch:ident => $list:expr, $basis:literal) => {
        #[wasm_bindgen_test(unsupported = test)]
        fn $name() {
            check_case(
                $ed,
                Service::$svc,
                Action::$act,
                Category::$cat,
                Channel::$ch,
                &$list,
                $basis,
            );
        }
    };
}

// almaty_oblast_2012 — seed 002, permit.
case!(alo2012_pr_11_1_1_permit_issue_ii_in_person: "almaty_oblast_2012" EmissionPermit Issue II InPerson => PR_II, "almaty_oblast_2012 PR §11.1.1");
case!(alo2012_pr_11_1_2_permit_issue_iii_in_person: "almaty_oblast_2012" EmissionPermit Issue III InPerson => PR_III, "almaty_oblast_2012 PR §11.1.2");
case!(alo2012_pr_11_1_3_permit_issue_iv_in_person: "almaty_oblast_2012" EmissionPermit Issue IV InPerson => PR_IV, "almaty_oblast_2012 PR §11.1.3");
case!(alo2012_pr_11_1_4_permit_reissue_ii_in_person: "almaty_oblast_2012" EmissionPermit Reissue II InPerson => PR_REISSUE, "almaty_oblast_2012 PR §11.1.4");
case!(alo2012_pr_11_1_4_permit_reissue_iii_in_person: "almaty_oblast_2012" EmissionPermit Reissue III InPerson => PR_REISSUE, "almaty_oblast_2012 PR §11.1.4");
case!(alo2012_pr_11_1_4_permit_reissue_iv_in_person: "almaty_oblast_2012" EmissionPermit Reissue IV InPerson => PR_REISSUE, "almaty_oblast_2012 PR §11.1.4");
case!(alo2012_pr_11_2_1_permit_issue_ii_portal: "almaty_oblast_2012" EmissionPermit Issue II Portal => PR_II, "almaty_oblast_2012 PR §11.2.1");
case!(alo2012_pr_11_2_2_permit_issue_iii_portal: "almaty_oblast_2012" EmissionPermit Issue III Portal => PR_III, "almaty_oblast_2012 PR §11.2.2");
case!(alo2012_pr_11_2_3_permit_issue_iv_portal: "almaty_oblast_2012" EmissionPermit Issue IV Portal => PR_IV, "almaty_oblast_2012 PR §11.2.3");
case!(alo2012_pr_11_2_4_permit_reissue_ii_portal: "almaty_oblast_2012" EmissionPermit Reissue II Portal => PR_REISSUE, "almaty_oblast_2012 PR §11.2.4");
case!(alo2012_pr_11_2_4_permit_reissue_iii_portal: "almaty_oblast_2012" EmissionPermit Reissue III Portal => PR_REISSUE, "almaty_oblast_2012 PR §11.2.4");
case!(alo2012_pr_11_2_4_permit_reissue_iv_portal: "almaty_oblast_2012" EmissionPermit Reissue IV Portal => PR_REISSUE, "almaty_oblast_2012 PR §11.2.4");
// almaty_oblast_2012 — seed 002, ГЭЭ.
case!(alo2012_gr_11_1_1_expertise_first_ii_in_person: "almaty_oblast_2012" EcologicalExpertise First II InPerson => GR_II_IN_PERSON, "almaty_oblast_2012 GR §11.1.1");
case!(alo2012_gr_11_1_2_expertise_first_iii_in_person: "almaty_oblast_2012" EcologicalExpertise First III InPerson => GR_III_IV_IN_PERSON, "almaty_oblast_2012 GR §11.1.2");
case!(alo2012_gr_11_1_2_expertise_first_iv_in_person: "almaty_oblast_2012" EcologicalExpertise First IV InPerson => GR_III_IV_IN_PERSON, "almaty_oblast_2012 GR §11.1.2");
case!(alo2012_gr_11_2_1_expertise_first_ii_portal: "almaty_oblast_2012" EcologicalExpertise First II Portal => GR_II_PORTAL, "almaty_oblast_2012 GR §11.2.1");
case!(alo2012_gr_11_2_2_expertise_first_iii_portal: "almaty_oblast_2012" EcologicalExpertise First III Portal => GR_III_IV_PORTAL, "almaty_oblast_2012 GR §11.2.2");
case!(alo2012_gr_11_2_2_expertise_first_iv_portal: "almaty_oblast_2012" EcologicalExpertise First IV Portal => GR_III_IV_PORTAL, "almaty_oblast_2012 GR §11.2.2");
case!(alo2012_gr_11_1_1_expertise_repeat_ii_in_person: "almaty_oblast_2012" EcologicalExpertise Repeat II InPerson => with_repeat(GR_II_IN_PERSON), "almaty_oblast_2012 GR §11.1.1");
case!(alo2012_gr_11_1_2_expertise_repeat_iii_in_person: "almaty_oblast_2012" EcologicalExpertise Repeat III InPerson => with_repeat(GR_III_IV_IN_PERSON), "almaty_oblast_2012 GR §11.1.2");
case!(alo2012_gr_11_1_2_expertise_repeat_iv_in_person: "almaty_oblast_2012" EcologicalExpertise Repeat IV InPerson => with_repeat(GR_III_IV_IN_PERSON), "almaty_oblast_2012 GR §11.1.2");
case!(alo2012_gr_11_2_1_expertise_repeat_ii_portal: "almaty_oblast_2012" EcologicalExpertise Repeat II Portal => with_repeat(GR_II_PORTAL), "almaty_oblast_2012 GR §11.2.1");
case!(alo2012_gr_11_2_2_expertise_repeat_iii_portal: "almaty_oblast_2012" EcologicalExpertise Repeat III Portal => with_repeat(GR_III_IV_PORTAL), "almaty_oblast_2012 GR §11.2.2");
case!(alo2012_gr_11_2_2_expertise_repeat_iv_portal: "almaty_oblast_2012" EcologicalExpertise Repeat IV Portal => with_repeat(GR_III_IV_PORTAL), "almaty_oblast_2012 GR §11.2.2");
// aktobe_2013 — seeds 001/003 refer to "the necessary documents": 2012 lists.
case!(akt2013_pr_6_5_permit_issue_ii_portal: "aktobe_2013" EmissionPermit Issue II Portal => PR_II, "aktobe_2013 PR §6.5 → almaty_oblast_2012 PR §11.2.1");
case!(akt2013_pr_6_5_permit_issue_iii_portal: "aktobe_2013" EmissionPermit Issue III Portal => PR_III, "aktobe_2013 PR §6.5 → almaty_oblast_2012 PR §11.2.2");
case!(akt2013_pr_6_5_permit_issue_iv_portal: "aktobe_2013" EmissionPermit Issue IV Portal => PR_IV, "aktobe_2013 PR §6.5 → almaty_oblast_2012 PR §11.2.3");
case!(akt2013_pr_7_8_permit_issue_ii_in_person: "aktobe_2013" EmissionPermit Issue II InPerson => PR_II, "aktobe_2013 PR §7.8, §8.6 → almaty_oblast_2012 PR §11.1.1");
case!(akt2013_pr_7_8_permit_issue_iii_in_person: "aktobe_2013" EmissionPermit Issue III InPerson => PR_III, "aktobe_2013 PR §7.8, §8.6 → almaty_oblast_2012 PR §11.1.2");
case!(akt2013_pr_7_8_permit_issue_iv_in_person: "aktobe_2013" EmissionPermit Issue IV InPerson => PR_IV, "aktobe_2013 PR §7.8, §8.6 → almaty_oblast_2012 PR §11.1.3");
case!(akt2013_gr_6_5_expertise_first_ii_portal: "aktobe_2013" EcologicalExpertise First II Portal => GR_II_PORTAL, "aktobe_2013 GR §6.5 → almaty_oblast_2012 GR §11.2.1");
case!(akt2013_gr_6_5_expertise_first_iii_portal: "aktobe_2013" EcologicalExpertise First III Portal => GR_III_IV_PORTAL, "aktobe_2013 GR §6.5 → almaty_oblast_2012 GR §11.2.2");
case!(akt2013_gr_6_5_expertise_first_iv_portal: "aktobe_2013" EcologicalExpertise First IV Portal => GR_III_IV_PORTAL, "aktobe_2013 GR §6.5 → almaty_oblast_2012 GR §11.2.2");
case!(akt2013_gr_7_8_expertise_first_ii_in_person: "aktobe_2013" EcologicalExpertise First II InPerson => GR_II_IN_PERSON, "aktobe_2013 GR §7.8 → almaty_oblast_2012 GR §11.1.1");
case!(akt2013_gr_7_8_expertise_first_iii_in_person: "aktobe_2013" EcologicalExpertise First III InPerson => GR_III_IV_IN_PERSON, "aktobe_2013 GR §7.8 → almaty_oblast_2012 GR §11.1.2");
case!(akt2013_gr_7_8_expertise_first_iv_in_person: "aktobe_2013" EcologicalExpertise First IV InPerson => GR_III_IV_IN_PERSON, "aktobe_2013 GR §7.8 → almaty_oblast_2012 GR §11.1.2");
// karaganda_2013 — seed 000 refers to "the necessary documents": 2012 lists.
case!(krg2013_6_5_permit_issue_ii_portal: "karaganda_2013" EmissionPermit Issue II Portal => PR_II, "karaganda_2013 §6.5 → almaty_oblast_2012 PR §11.2.1");
case!(krg2013_6_5_permit_issue_iii_portal: "karaganda_2013" EmissionPermit Issue III Portal => PR_III, "karaganda_2013 §6.5 → almaty_oblast_2012 PR §11.2.2");
case!(krg2013_6_5_permit_issue_iv_portal: "karaganda_2013" EmissionPermit Issue IV Portal => PR_IV, "karaganda_2013 §6.5 → almaty_oblast_2012 PR §11.2.3");
case!(krg2013_7_8_permit_issue_ii_in_person: "karaganda_2013" EmissionPermit Issue II InPerson => PR_II, "karaganda_2013 §7.8, §8.6 → almaty_oblast_2012 PR §11.1.1");
case!(krg2013_7_8_permit_issue_iii_in_person: "karaganda_2013" EmissionPermit Issue III InPerson => PR_III, "karaganda_2013 §7.8, §8.6 → almaty_oblast_2012 PR §11.1.2");
case!(krg2013_7_8_permit_issue_iv_in_person: "karaganda_2013" EmissionPermit Issue IV InPerson => PR_IV, "karaganda_2013 §7.8, §8.6 → almaty_oblast_2012 PR §11.1.3");
// almaty_city_2019 — seed 004 refers to Order 301 point 9: 2012 portal lists.
case!(ala2019_pr_4_permit_issue_ii_portal: "almaty_city_2019" EmissionPermit Issue II Portal => PR_II, "almaty_city_2019 PR §4, §9.5 → almaty_oblast_2012 PR §11.2.1");
case!(ala2019_pr_4_permit_issue_iii_portal: "almaty_city_2019" EmissionPermit Issue III Portal => PR_III, "almaty_city_2019 PR §4, §9.5 → almaty_oblast_2012 PR §11.2.2");
case!(ala2019_pr_4_permit_issue_iv_portal: "almaty_city_2019" EmissionPermit Issue IV Portal => PR_IV, "almaty_city_2019 PR §4, §9.5 → almaty_oblast_2012 PR §11.2.3");
case!(ala2019_pr_4_permit_reissue_ii_portal: "almaty_city_2019" EmissionPermit Reissue II Portal => PR_REISSUE, "almaty_city_2019 PR §4, §9.5 → almaty_oblast_2012 PR §11.2.4");
case!(ala2019_pr_4_permit_reissue_iii_portal: "almaty_city_2019" EmissionPermit Reissue III Portal => PR_REISSUE, "almaty_city_2019 PR §4, §9.5 → almaty_oblast_2012 PR §11.2.4");
case!(ala2019_pr_4_permit_reissue_iv_portal: "almaty_city_2019" EmissionPermit Reissue IV Portal => PR_REISSUE, "almaty_city_2019 PR §4, §9.5 → almaty_oblast_2012 PR §11.2.4");
case!(ala2019_gr_4_expertise_first_ii_portal: "almaty_city_2019" EcologicalExpertise First II Portal => GR_II_PORTAL, "almaty_city_2019 GR §4, §9.5 → almaty_oblast_2012 GR §11.2.1");
case!(ala2019_gr_4_expertise_first_iii_portal: "almaty_city_2019" EcologicalExpertise First III Portal => GR_III_IV_PORTAL, "almaty_city_2019 GR §4, §9.5 → almaty_oblast_2012 GR §11.2.2");
case!(ala2019_gr_4_expertise_first_iv_portal: "almaty_city_2019" EcologicalExpertise First IV Portal => GR_III_IV_PORTAL, "almaty_city_2019 GR §4, §9.5 → almaty_oblast_2012 GR §11.2.2");

#[wasm_bindgen_test(unsupported = test)]
fn combinations_an_edition_does_not_provide_have_no_list() {
    let none = Facts::default();
    for (edition, service, action, channel, code) in [
        (
            "aktobe_2013",
            Service::EmissionPermit,
            Action::Reissue,
            Channel::Portal,
            "editions.action_not_offered",
        ),
        (
            "aktobe_2013",
            Service::EcologicalExpertise,
            Action::Repeat,
            Channel::Portal,
            "editions.action_not_offered",
        ),
        (
            "karaganda_2013",
            Service::EmissionPermit,
            Action::Reissue,
            Channel::InPerson,
            "editions.action_not_offered",
        ),
        (
            "karaganda_2013",
            Service::EcologicalExpertise,
            Action::First,
            Channel::Portal,
            "editions.service_not_offered",
        ),
        (
            "almaty_city_2019",
            Service::EmissionPermit,
            Action::Issue,
            Channel::InPerson,
            "editions.channel_not_offered",
        ),
        (
            "almaty_city_2019",
            Service::EcologicalExpertise,
            Action::Repeat,
            Channel::Portal,
            "editions.action_not_offered",
        ),
    ] {
        let (c, f) = list(edition, service, action, Category::III, channel, &none);
        assert!(c.is_none(), "{edition} {service} {action} {channel}");
        assert_eq!(
            f.as_slice()[0].code,
            code,
            "{edition} {service} {action} {channel}"
        );
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn attributes_follow_the_seed_wording() {
    let all = facts(ALL_YES, &[]);
    let attrs = |c: &Checklist, id: &str| -> Vec<&'static str> {
        c.items
            .iter()
            .find(|i| i.id == id)
            .unwrap()
            .attributes
            .names()
            .collect()
    };
    // PR §11.1.1: «салыстырып тексеру үшін түпнұсқасы ұсынылмаған жағдайда нотариалды куәландырылған көшірмесі».
    let (c, _) = list(
        "almaty_oblast_2012",
        Service::EmissionPermit,
        Action::Issue,
        Category::II,
        Channel::InPerson,
        &all,
    );
    let c = c.unwrap();
    assert_eq!(
        attrs(&c, "gee_conclusion_copy"),
        ["notarised_unless_original_shown"]
    );
    assert!(attrs(&c, "permit_application").is_empty());
    // PR §11.2.2: EDS-signed application, scanned copies (A-14: the programme too).
    let (c, _) = list(
        "almaty_oblast_2012",
        Service::EmissionPermit,
        Action::Issue,
        Category::III,
        Channel::Portal,
        &all,
    );
    let c = c.unwrap();
    assert_eq!(attrs(&c, "permit_application"), ["eds_signed"]);
    for id in [
        "gee_conclusion_copy",
        "env_protection_action_plan",
        "pec_programme",
    ] {
        assert_eq!(attrs(&c, id), ["scanned_copy"], "{id}");
    }
    // GR §11.2.1: draft standards and draft acts signed with the applicant's EDS;
    // the project documentation is an electronic attachment, not a scan.
    let (c, _) = list(
        "almaty_oblast_2012",
        Service::EcologicalExpertise,
        Action::First,
        Category::II,
        Channel::Portal,
        &all,
    );
    let c = c.unwrap();
    for id in [
        "gee_e_application",
        "emission_standards_draft",
        "npa_drafts",
    ] {
        assert_eq!(attrs(&c, id), ["eds_signed"], "{id}");
    }
    assert!(attrs(&c, "project_documentation_with_eia").is_empty());
    assert_eq!(attrs(&c, "approval_fisheries_body"), ["scanned_copy"]);
    // 004 PR §5.3: every document valid on the submission date.
    let (c, _) = list(
        "almaty_city_2019",
        Service::EmissionPermit,
        Action::Issue,
        Category::II,
        Channel::Portal,
        &all,
    );
    let c = c.unwrap();
    assert_eq!(
        attrs(&c, "permit_application"),
        ["eds_signed", "valid_on_submission"]
    );
    assert_eq!(
        attrs(&c, "pec_programme"),
        ["scanned_copy", "valid_on_submission"]
    );
}

// ---------------------------------------------------------------------------
// Conditions toggled on and off.

fn gee(category: Category, channel: Channel, action: Action, f: &Facts) -> Checklist {
    list(
        "almaty_oblast_2012",
        Service::EcologicalExpertise,
        action,
        category,
        channel,
        f,
    )
    .0
    .unwrap()
}

const OBJECTS: [&str; 4] = [
    "object_is_project_documentation",
    "object_is_regional_programme",
    "object_is_emission_standards_draft",
    "object_is_npa_draft",
];
const CONDITIONS: [&str; 5] = [
    "in_water_protection_zone",
    "possible_mineral_deposits_on_site",
    "uses_groundwater",
    "groundwater_pollution_sources_expected",
    "activity_on_fishery_water_body",
];

/// Facts with only `yes` answered "yes" among the objects and conditions.
fn only(yes: &[&str]) -> Facts {
    let no: Vec<&str> = OBJECTS
        .iter()
        .chain(CONDITIONS.iter())
        .copied()
        .filter(|f| !yes.contains(f))
        .collect();
    facts(yes, &no)
}

#[wasm_bindgen_test(unsupported = test)]
fn each_object_of_expertise_brings_its_own_components() {
    // GR §11.1.1: project documentation → its four components and the
    // unconditional approvals (DIGEST §2.5: a typical case has 10 documents).
    let c = gee(
        Category::II,
        Channel::InPerson,
        Action::First,
        &only(&[OBJECTS[0]]),
    );
    assert_eq!(
        ids(&c, Status::Required),
        [
            "gee_cover_letter",
            "project_documentation_with_eia",
            "dispersion_calculation_electronic",
            "emission_volumes_justification_excel",
            "eco_consequences_statement",
            "public_opinion_results",
            "approval_land_users",
            "approval_sanitary_epidemiological",
            "approval_land_resources_body",
            "approval_forestry_wildlife_spna",
        ]
    );
    assert!(ids(&c, Status::Conditional).is_empty());
    // Regional programme: the same components.
    let c = gee(
        Category::II,
        Channel::InPerson,
        Action::First,
        &only(&[OBJECTS[1]]),
    );
    assert_eq!(
        ids(&c, Status::Required),
        [
            "gee_cover_letter",
            "dispersion_calculation_electronic",
            "emission_volumes_justification_excel",
            "eco_consequences_statement",
            "public_opinion_results",
            "approval_land_users",
            "approval_sanitary_epidemiological",
            "approval_land_resources_body",
            "approval_forestry_wildlife_spna",
            "regional_programme_draft_with_eia",
        ]
    );
    // Draft emission standards: dispersion, Excel, sanitary approval.
    let c = gee(
        Category::II,
        Channel::InPerson,
        Action::First,
        &only(&[OBJECTS[2]]),
    );
    assert_eq!(
        ids(&c, Status::Required),
        [
            "gee_cover_letter",
            "dispersion_calculation_electronic",
            "emission_volumes_justification_excel",
            "approval_sanitary_epidemiological",
            "emission_standards_draft",
        ]
    );
    // Draft acts: no components.
    let c = gee(
        Category::II,
        Channel::InPerson,
        Action::First,
        &only(&[OBJECTS[3]]),
    );
    assert_eq!(
        ids(&c, Status::Required),
        ["gee_cover_letter", "npa_drafts"]
    );
    // Portal GR §11.2.2: draft standards → only the sanitary approval.
    let c = gee(
        Category::IV,
        Channel::Portal,
        Action::First,
        &only(&[OBJECTS[2]]),
    );
    assert_eq!(
        ids(&c, Status::Required),
        [
            "gee_e_application",
            "approval_sanitary_epidemiological",
            "emission_standards_draft"
        ]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn unanswered_objects_are_conditional_on_their_own_question() {
    let c = gee(
        Category::III,
        Channel::Portal,
        Action::First,
        &Facts::default(),
    );
    assert_eq!(ids(&c, Status::Required), ["gee_e_application"]);
    let decided_by = |id: &str| c.items.iter().find(|i| i.id == id).unwrap().fact;
    assert_eq!(
        decided_by("project_documentation_with_eia"),
        Some(OBJECTS[0])
    );
    assert_eq!(decided_by("approval_land_users"), Some(OBJECTS[0]));
    // Either object brings the sanitary approval; the first open one is asked.
    assert_eq!(
        decided_by("approval_sanitary_epidemiological"),
        Some(OBJECTS[2])
    );
    assert_eq!(decided_by("emission_standards_draft"), Some(OBJECTS[2]));
    assert_eq!(
        decided_by("approval_basin_water_inspection"),
        Some(OBJECTS[0])
    );
    // Once the object is submitted, the condition's own fact is asked.
    let c = gee(
        Category::III,
        Channel::Portal,
        Action::First,
        &facts(&[OBJECTS[0]], &[]),
    );
    let item = c
        .items
        .iter()
        .find(|i| i.id == "approval_basin_water_inspection")
        .unwrap();
    assert_eq!(
        (item.status, item.fact),
        (Status::Conditional, Some("in_water_protection_zone"))
    );
    // The item carries the question, so a form can ask it.
    assert_eq!(
        item.question.map(|q| q.get(Lang::Ru)),
        documents::fact_question("in_water_protection_zone", Lang::Ru)
    );
    assert!(c
        .items
        .iter()
        .all(|i| i.question.is_some() == (i.status == Status::Conditional)));
}

#[wasm_bindgen_test(unsupported = test)]
fn adverse_impact_gates_the_approvals_block_but_not_the_standards_approval() {
    // A-15: "yes" unless answered; "no" drops the whole approvals block.
    let proj = [OBJECTS[0]];
    let mut f = only(&CONDITIONS);
    f.set(OBJECTS[0], true);
    let c = gee(Category::III, Channel::InPerson, Action::First, &f);
    assert_eq!(
        ids(&c, Status::Required).len(),
        13,
        "every approval of GR §11.1.2"
    );
    f.set("may_negatively_impact_environment", false);
    let c = gee(Category::III, Channel::InPerson, Action::First, &f);
    assert_eq!(
        ids(&c, Status::Required),
        [
            "gee_cover_letter",
            "project_documentation_with_eia",
            "dispersion_calculation_electronic",
            "emission_volumes_justification_excel",
            "eco_consequences_statement",
            "public_opinion_results",
        ]
    );
    assert!(ids(&c, Status::NotApplicable).contains(&"approval_sanitary_epidemiological"));
    // The draft emission standards need the sanitary approval regardless (GR §11.1.2).
    f.set(OBJECTS[2], true);
    let c = gee(Category::III, Channel::InPerson, Action::First, &f);
    assert!(ids(&c, Status::Required).contains(&"approval_sanitary_epidemiological"));
    let _ = proj;
}

/// The status of `id` in a category II in-person list with the project
/// documentation submitted and `yes`/`no` among the conditions.
fn approval(id: &str, yes: &[&str], no: &[&str]) -> (Status, Option<&'static str>) {
    let mut f = facts(yes, no);
    f.set(OBJECTS[0], true);
    let c = gee(Category::II, Channel::InPerson, Action::First, &f);
    let item = c.items.iter().find(|i| i.id == id).unwrap();
    (item.status, item.fact)
}

#[wasm_bindgen_test(unsupported = test)]
fn water_protection_zone_decides_the_basin_inspection() {
    let id = "approval_basin_water_inspection";
    let zone = "in_water_protection_zone";
    assert_eq!(approval(id, &[zone], &[]), (Status::Required, None));
    assert_eq!(approval(id, &[], &[zone]), (Status::NotApplicable, None));
    assert_eq!(approval(id, &[], &[]), (Status::Conditional, Some(zone)));
}

#[wasm_bindgen_test(unsupported = test)]
fn any_of_three_triggers_requires_the_subsoil_body() {
    // A-16: minerals, groundwater use, presumed pollution sources — each alone.
    let id = "approval_subsoil_body";
    let [_, m, g, s, _] = CONDITIONS;
    for trigger in [m, g, s] {
        let others: Vec<&str> = [m, g, s].into_iter().filter(|x| *x != trigger).collect();
        assert_eq!(
            approval(id, &[trigger], &others),
            (Status::Required, None),
            "{trigger}"
        );
        assert_eq!(
            approval(id, &[], &others),
            (Status::Conditional, Some(trigger)),
            "{trigger}"
        );
    }
    assert_eq!(approval(id, &[], &[m, g, s]), (Status::NotApplicable, None));
}

#[wasm_bindgen_test(unsupported = test)]
fn fishery_water_bodies_decide_the_fisheries_body() {
    let id = "approval_fisheries_body";
    let fishery = "activity_on_fishery_water_body";
    assert_eq!(approval(id, &[fishery], &[]), (Status::Required, None));
    assert_eq!(approval(id, &[], &[fishery]), (Status::NotApplicable, None));
    assert_eq!(approval(id, &[], &[]), (Status::Conditional, Some(fishery)));
    // A-17: the forestry/wildlife approval has no condition of its own.
    assert_eq!(
        approval("approval_forestry_wildlife_spna", &[], &CONDITIONS),
        (Status::Required, None)
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn repeat_expertise_adds_the_earlier_conclusions() {
    let f = only(&[OBJECTS[0]]);
    for channel in [Channel::InPerson, Channel::Portal] {
        let first = gee(Category::IV, channel, Action::First, &f);
        let repeat = gee(Category::IV, channel, Action::Repeat, &f);
        assert!(!first.items.iter().any(|i| i.id == REPEAT));
        let mut expected = ids(&first, Status::Required);
        expected.push(REPEAT);
        assert_eq!(ids(&repeat, Status::Required), expected);
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn registration_certificate_as_listed_and_from_legal_entities_only_as_a_reading() {
    // PR §11.1.4 / §11.2.4 name it for every applicant: required by default.
    let status = |f: &Facts| {
        let (c, _) = list(
            "almaty_oblast_2012",
            Service::EmissionPermit,
            Action::Reissue,
            Category::II,
            Channel::Portal,
            f,
        );
        let c = c.unwrap();
        let i = c
            .items
            .iter()
            .find(|i| i.id == "legal_entity_registration_certificate")
            .unwrap();
        (i.status, i.fact)
    };
    let legal = "applicant_is_legal_entity";
    for f in [facts(&[legal], &[]), facts(&[], &[legal]), Facts::default()] {
        assert_eq!(status(&f), (Status::Required, None));
    }
    // A-18 as the reading legal_entities_only: the question decides, and an
    // individual is told why the certificate is not required.
    let read = |f: serde_json::Value| {
        let q = json!({"edition": "almaty_oblast_2012", "service": "emission_permit",
                       "action": "reissue", "category": "II", "channel": "portal", "facts": f});
        let options = kz_eco_rules::input::Value::from_json_str(
            r#"{"lang": "ru", "documents": {"readings": ["legal_entities_only"]}}"#,
            &Default::default(),
        )
        .unwrap();
        checklist_json(&q.to_string(), &Options::from_value(&options).unwrap())
    };
    let item = |r: &documents::ChecklistReport| {
        let c = r.checklist.as_ref().unwrap();
        let i = c
            .items
            .iter()
            .find(|i| i.id == "legal_entity_registration_certificate")
            .unwrap();
        (i.status, i.fact)
    };
    assert_eq!(item(&read(json!({legal: true}))), (Status::Required, None));
    assert_eq!(item(&read(json!({}))), (Status::Conditional, Some(legal)));
    let individual = read(json!({legal: false}));
    assert_eq!(item(&individual), (Status::NotApplicable, None));
    let f = &individual.findings[0];
    assert_eq!(
        (f.code, f.path.as_str(), f.severity),
        (
            documents::ONLY_FROM_LEGAL_ENTITIES,
            "/documents",
            Severity::Info
        )
    );
    assert_eq!(
        f.message,
        "Документ «Свидетельство о государственной регистрации (перерегистрации) юридического лица» не требуется: перечень (п. 11.2.4 Регламента государственной услуги «Выдача разрешений на эмиссии в окружающую среду для объектов II, III и IV категорий», утв. постановлением акимата Алматинской области от 11.10.2012 № 304) называет его без оговорок, но по выбранному прочтению его представляют только юридические лица, а заявитель — физическое лицо."
    );
    // The reading must be a known one.
    let bad = kz_eco_rules::input::Value::from_json_str(
        r#"{"documents": {"readings": ["legal_entity"]}}"#,
        &Default::default(),
    )
    .unwrap();
    let error = Options::from_value(&bad).unwrap_err();
    assert!(
        error.contains("options.documents.readings takes legal_entities_only"),
        "{error}"
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn waste_programme_when_the_permit_covers_waste_placement() {
    // 2007 Code art. 72 p. 2 part 2: categories I–II; not for III (p. 3) or IV (p. 4).
    let fact = "permit_covers_waste_placement";
    let status = |category: Category, f: &Facts| {
        let (c, _) = list(
            "aktobe_2013",
            Service::EmissionPermit,
            Action::Issue,
            category,
            Channel::Portal,
            f,
        );
        c.unwrap()
            .items
            .iter()
            .find(|i| i.id == WASTE_PROGRAMME)
            .map(|i| (i.status, i.fact))
    };
    assert_eq!(
        status(Category::II, &facts(&[fact], &[])),
        Some((Status::Required, None))
    );
    assert_eq!(
        status(Category::II, &facts(&[], &[fact])),
        Some((Status::NotApplicable, None))
    );
    assert_eq!(
        status(Category::II, &Facts::default()),
        Some((Status::Conditional, Some(fact)))
    );
    assert_eq!(status(Category::III, &facts(&[fact], &[])), None);

    // In an application table 4 answers the question: permit_II fills it.
    let without = edited("permit_II", |a| {
        let docs = a["documents"].as_array_mut().unwrap();
        docs.retain(|d| d["id"] != WASTE_PROGRAMME);
    });
    let r = check(&without, Lang::Ru);
    let missing: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.code == documents::MISSING)
        .collect();
    assert_eq!(missing.len(), 1, "{:?}", crate::common::codes(&r));
    assert_eq!(
        missing[0].params.get("document"),
        Some(&kz_eco_rules::findings::Param::Term(
            kz_eco_rules::findings::TermKind::Document,
            WASTE_PROGRAMME.into()
        ))
    );
    assert_eq!(
        missing[0].basis.as_ref().unwrap().to_string(),
        "eco_code_2007 art. 72 p. 2 part 2"
    );
    // Without table 4 the permit covers no waste placement: nothing is missing,
    // and the programme, if attached anyway, is a note.
    let no_table = edited("permit_II", |a| {
        a.as_object_mut().unwrap().remove("waste");
    });
    let r = check(&no_table, Lang::Ru);
    assert!(r.ok, "{:?}", crate::common::codes(&r));
    assert_eq!(
        found(&r, "documents."),
        [(documents::NOT_REQUIRED, "/documents/5/id".to_owned())]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn no_object_of_expertise_is_an_error() {
    let (c, f) = list(
        "aktobe_2013",
        Service::EcologicalExpertise,
        Action::First,
        Category::II,
        Channel::Portal,
        &facts(&[], &OBJECTS),
    );
    assert_eq!(
        c.unwrap().required().collect::<Vec<_>>(),
        ["gee_e_application"]
    );
    let e = &f.as_slice()[0];
    assert_eq!(
        (e.code, e.path.as_str()),
        (documents::NO_OBJECT_OF_EXPERTISE, "/facts")
    );
    assert_eq!(
        e.basis.as_ref().unwrap().to_string(),
        "aktobe_2013 GR §6.5 → almaty_oblast_2012 GR §11.2.1"
    );
}

// ---------------------------------------------------------------------------
// Queries as JSON (the CLI and JavaScript shape).

fn query(v: serde_json::Value, lang: Lang) -> documents::ChecklistReport {
    checklist_json(&v.to_string(), &Options::with_lang(lang))
}

#[wasm_bindgen_test(unsupported = test)]
fn region_and_date_select_the_edition() {
    let r = query(
        json!({"region": "almaty_city", "date": "2019-11-04", "service": "emission_permit",
               "action": "issue", "category": "IV", "channel": "portal"}),
        Lang::En,
    );
    let c = r.checklist.unwrap();
    assert_eq!(c.edition, "almaty_city_2019");
    assert_eq!(
        c.derived_from.as_deref(),
        Some("almaty_oblast_2012 PR §11.2.3")
    );
    assert_eq!(r.edition.as_deref(), Some("almaty_city_2019"));
    assert!(r.ok && r.findings.is_empty());

    let r = query(
        json!({"region": "almaty_city", "date": "2019-01-01", "service": "emission_permit",
               "action": "issue", "category": "IV", "channel": "portal"}),
        Lang::En,
    );
    assert!(r.checklist.is_none() && !r.ok);
    let f = &r.findings[0];
    assert_eq!(
        (f.code, f.path.as_str()),
        ("editions.not_in_library", "/date")
    );
    assert!(f.message.contains("City of Almaty, 2019"), "{}", f.message);
    assert!(
        f.message.contains("Ecological Code of 2007"),
        "{}",
        f.message
    );

    // From 1 July 2021 the Ecological Code of 2021 applies in every region.
    let r = query(
        json!({"region": "almaty_city", "date": "2026-12-07", "service": "environmental_permit",
               "action": "issue", "category": "II", "channel": "portal"}),
        Lang::En,
    );
    assert_eq!(r.edition.as_deref(), Some("eco_code_2021"));
    assert_eq!(r.checklist.map(|c| c.items.len()), Some(9));
}

#[wasm_bindgen_test(unsupported = test)]
fn bad_queries_give_findings_at_their_paths() {
    let r = query(
        json!({"region": "almaty_city", "date": "4.11.2019", "service": "permit",
               "category": "IV", "channel": "portal", "facts": {"uses_groundwater": "yes"}}),
        Lang::Ru,
    );
    assert!(r.checklist.is_none());
    let got: Vec<(&str, &str)> = r
        .findings
        .iter()
        .map(|f| (f.code, f.path.as_str()))
        .collect();
    for want in [
        ("input.unknown_value", "/service"),
        ("input.missing_field", "/action"),
        ("input.wrong_type", "/facts/uses_groundwater"),
        (documents::INVALID_DATE, "/date"),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    // A mistyped answer is reported by the reader only, not asked again.
    let r = query(
        json!({"edition": "almaty_oblast_2012", "service": "ecological_expertise", "action": "first",
               "category": "IV", "channel": "portal", "facts": {"object_is_project_documentation": true,
               "object_is_emission_standards_draft": false, "in_water_protection_zone": "no",
               "possible_mineral_deposits_on_site": false, "uses_groundwater": false,
               "groundwater_pollution_sources_expected": false, "activity_on_fishery_water_body": false}}),
        Lang::En,
    );
    let got: Vec<(&str, &str)> = r
        .findings
        .iter()
        .map(|f| (f.code, f.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [("input.wrong_type", "/facts/in_water_protection_zone")]
    );
    assert!(r.checklist.is_some());
    let r = checklist_json("{\"service\": ", &Options::default());
    assert_eq!(r.findings[0].code, "input.malformed_json");
}

#[wasm_bindgen_test(unsupported = test)]
fn open_questions_are_warnings_at_the_fact() {
    let r = query(
        json!({"edition": "almaty_oblast_2012", "service": "ecological_expertise",
               "action": "first", "category": "II", "channel": "in_person",
               "facts": {"object_is_project_documentation": true, "object_is_regional_programme": false,
                         "object_is_emission_standards_draft": false, "object_is_npa_draft": false,
                         "possible_mineral_deposits_on_site": false, "uses_groundwater": false}}),
        Lang::Kk,
    );
    assert!(r.ok);
    let asked: Vec<(&str, &str)> = r
        .findings
        .iter()
        .map(|f| (f.path.as_str(), f.message.as_str()))
        .collect();
    let paths: Vec<&str> = asked.iter().map(|(p, _)| *p).collect();
    assert_eq!(
        paths,
        [
            "/facts/in_water_protection_zone",
            "/facts/groundwater_pollution_sources_expected",
            "/facts/activity_on_fishery_water_body",
        ]
    );
    assert!(
        asked[0]
            .1
            .contains("Объект су қорғау аймағында орналастырыла ма"),
        "{}",
        asked[0].1
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn checklist_json_has_the_documented_shape() {
    let r = query(
        json!({"edition": "aktobe_2013", "service": "emission_permit", "action": "issue",
               "category": "III", "channel": "in_person"}),
        Lang::Ru,
    );
    let v = serde_json::to_value(&r).unwrap();
    for key in ["ok", "lang", "edition", "counts", "findings", "checklist"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    let c = &v["checklist"];
    assert_eq!(c["edition"], "aktobe_2013");
    // The case itself is not echoed: the caller has it.
    for key in ["service", "action", "category", "channel"] {
        assert!(c.get(key).is_none(), "{key}");
    }
    assert_eq!(c["derived_from"], "almaty_oblast_2012 PR §11.1.2");
    assert_eq!(c["unverified"], false);
    assert_eq!(c["venues"], json!(["provider_office", "con"]));
    assert_eq!(c["at_least_one_of"], json!([]));
    let item = &c["items"][1];
    assert_eq!(item["id"], "gee_conclusion_copy");
    assert_eq!(item["status"], "required");
    assert_eq!(
        item["attributes"],
        json!(["notarised_unless_original_shown"])
    );
    assert_eq!(
        item["names"]["ru"],
        "Копия заключения государственной экологической экспертизы на проекты, содержащие нормативы эмиссий"
    );
    assert_eq!(
        item["basis"],
        "aktobe_2013 PR §7.8, §8.6 → almaty_oblast_2012 PR §11.1.2"
    );
    assert!(item.get("fact").is_none());
    assert!(item.get("question").is_none());
    // The list's source and each item's basis are cited in the report's language.
    let source = "п. 11.1.2 Регламента государственной услуги «Выдача разрешений на эмиссии \
                  в окружающую среду для объектов II, III и IV категорий», утв. постановлением \
                  акимата Алматинской области от 11.10.2012 № 304";
    assert_eq!(c["derived_from_text"], source);
    let cited = item["basis_text"].as_str().unwrap();
    assert!(
        cited.starts_with("пп. 7.8, 8.6 Регламента электронной государственной услуги")
            && cited.ends_with(&format!("(перечень документов — {source})")),
        "{cited}"
    );
    let kk = query(
        json!({"edition": "aktobe_2013", "service": "emission_permit", "action": "issue",
               "category": "III", "channel": "in_person"}),
        Lang::Kk,
    );
    let kk = kk.checklist.unwrap();
    assert!(
        kk.derived_from_text
            .as_deref()
            .is_some_and(|t| t.ends_with("регламентінің 11.1.2-тармағы")),
        "{:?}",
        kk.derived_from_text
    );
    // A list of the edition's own has no source to cite.
    let own = query(
        json!({"edition": "almaty_oblast_2012", "service": "emission_permit", "action": "issue",
               "category": "III", "channel": "in_person"}),
        Lang::Ru,
    );
    let own = serde_json::to_value(&own).unwrap();
    assert_eq!(
        own["checklist"]["derived_from_text"],
        serde_json::Value::Null
    );
}

// ---------------------------------------------------------------------------
// The document checks of an application.

/// `(code, path)` of the `documents.*` findings.
fn document_findings(r: &Report) -> Vec<(&'static str, String)> {
    found(r, "documents.")
}

#[wasm_bindgen_test(unsupported = test)]
fn examples_attach_exactly_their_required_documents() {
    for (name, text) in EXAMPLES {
        let r = check(text, Lang::Ru);
        assert!(document_findings(&r).is_empty(), "{name}: {:?}", r.findings);
        let app: serde_json::Value = serde_json::from_str(text).unwrap();
        // Table 4 answers whether the permit covers waste placement.
        let mut facts = app["facts"].clone();
        facts["permit_covers_waste_placement"] = json!(app.get("waste").is_some());
        let q = json!({"edition": r.edition, "service": app["service"], "action": app["action"],
                       "category": app["category"], "channel": app["channel"], "facts": facts});
        let mut required: Vec<&str> = query(q, Lang::Ru).checklist.unwrap().required().collect();
        if app["applicant"]["kind"] == "individual" {
            required.retain(|id| *id != "legal_entity_registration_certificate");
        }
        let attached: Vec<&str> = app["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap())
            .collect();
        assert_eq!(attached, required, "{name}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn removing_any_required_document_gives_exactly_one_error_naming_it() {
    for (name, text) in EXAMPLES {
        let app: serde_json::Value = serde_json::from_str(text).unwrap();
        let count = app["documents"].as_array().unwrap().len();
        for i in 0..count {
            let id = app["documents"][i]["id"].as_str().unwrap().to_owned();
            let without = edited(name, |v| {
                v["documents"].as_array_mut().unwrap().remove(i);
            });
            for lang in Lang::ALL {
                let r = check(&without, lang);
                let errors: Vec<_> = r
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .collect();
                assert_eq!(errors.len(), 1, "{name} without {id}: {:?}", r.findings);
                let e = errors[0];
                assert_eq!(
                    (e.code, e.path.as_str()),
                    (documents::MISSING, "/documents")
                );
                let doc = document_name(&id, lang).unwrap();
                assert!(e.message.contains(doc), "{name} {lang:?}: {}", e.message);
                assert!(e.basis.is_some());
                assert_params_match(&r, "documents.");
            }
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn missing_document_cites_its_clause_and_the_refusal_ground() {
    let text = edited("permit_III", |v| {
        v["documents"].as_array_mut().unwrap().remove(3);
    });
    let r = check(&text, Lang::En);
    let e = &r.findings[0];
    assert_eq!(
        e.basis.as_ref().unwrap().to_string(),
        "almaty_oblast_2012 PR §11.1.2"
    );
    assert_eq!(
        e.message,
        "The required document “Production environmental control programme” is not attached. \
         An incomplete set of documents is a ground for refusal (para. 16.1 of the regulation of \
         the state service “Issue of permits for emissions into the environment for category II, \
         III and IV objects” approved by Almaty Region akimat resolution No. 304 of 11.10.2012)."
    );
    assert_eq!(
        e.basis_text.as_deref(),
        Some(
            "para. 11.1.2 of the regulation of the state service “Issue of permits for emissions \
             into the environment for category II, III and IV objects” approved by Almaty Region \
             akimat resolution No. 304 of 11.10.2012"
        )
    );
    let text = edited("expertise_II", |v| {
        v["documents"].as_array_mut().unwrap().remove(1);
    });
    let r = check(&text, Lang::Ru);
    let e = &r.findings[0];
    assert!(
        e.message.ends_with(
            "(п. 5.3 Регламента государственной услуги «Выдача заключений государственной \
             экологической экспертизы для объектов II, III и IV категорий», утв. постановлением \
             акимата города Алматы от 15.02.2016 № 1/51 (в редакции постановления от 17.09.2019 \
             № 3/541))."
        ),
        "{}",
        e.message
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn expired_documents_are_errors_from_the_day_after_their_last_day() {
    let with_until = |until: &str| {
        edited("permit_II", |v| {
            v["documents"][1]["valid_until"] = json!(until)
        })
    };
    let r = check(&with_until("2019-11-04"), Lang::Ru);
    assert!(document_findings(&r).is_empty(), "valid on its last day");
    let r = check(&with_until("2019-11-03"), Lang::Ru);
    assert_eq!(
        document_findings(&r),
        [(documents::EXPIRED, "/documents/1/valid_until".to_owned())]
    );
    let e = &r
        .findings
        .iter()
        .find(|f| f.code == documents::EXPIRED)
        .unwrap();
    assert_eq!(
        e.basis.as_ref().unwrap().to_string(),
        "almaty_city_2019 PR §5.3"
    );
    assert!(
        e.message.contains("до 03.11.2019") && e.message.contains("04.11.2019"),
        "{}",
        e.message
    );
    assert_params_match(&r, "documents.");
    let r = check(&with_until("3.11.2019"), Lang::En);
    assert_eq!(
        document_findings(&r),
        [(
            documents::INVALID_DATE,
            "/documents/1/valid_until".to_owned()
        )]
    );
    // Other editions: no clause names expired documents, a warning without a
    // basis, from the same day.
    let text = edited("permit_III", |v| {
        v["documents"][1]["valid_until"] = json!("2013-01-01")
    });
    let r = check(&text, Lang::En);
    let e = r
        .findings
        .iter()
        .find(|f| f.path == "/documents/1/valid_until")
        .unwrap();
    assert_eq!(
        (e.code, e.severity, e.basis.is_none()),
        (documents::EXPIRED_NO_GROUND, Severity::Warning, true)
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn portal_application_must_be_eds_signed() {
    for value in [json!(false), serde_json::Value::Null] {
        let text = edited("permit_IV", |v| v["eds_signed"] = value.clone());
        let r = check(&text, Lang::Kk);
        assert_eq!(
            document_findings(&r),
            [(documents::APPLICATION_NOT_SIGNED, "/eds_signed".to_owned())]
        );
        let e = r.findings.iter().find(|f| f.path == "/eds_signed").unwrap();
        assert_eq!(e.basis.as_ref().unwrap().to_string(), "karaganda_2013 §6.9");
        assert!(e.message.contains("ЭЦҚ"), "{}", e.message);
    }
    // In person nobody signs with an EDS.
    let r = check(example("permit_III"), Lang::Kk);
    assert!(document_findings(&r).is_empty());
    // A document that must be an EDS-signed e-document, marked as not signed.
    let text = edited("permit_II", |v| {
        v["documents"][0]["eds_signed"] = json!(false)
    });
    let r = check(&text, Lang::Ru);
    assert_eq!(
        document_findings(&r),
        [(
            documents::NOT_EDS_SIGNED,
            "/documents/0/eds_signed".to_owned()
        )]
    );
    assert_params_match(&r, "documents.");
}

#[wasm_bindgen_test(unsupported = test)]
fn where_the_act_names_no_eds_the_eds_findings_are_warnings() {
    // The 2021 Code's permit (art. 122 p. 1) and expertise (art. 89 p. 2) ask
    // for electronic filing only.
    for name in ["environmental_permit_II", "expertise_2021_III"] {
        let text = edited(name, |v| {
            v["eds_signed"] = json!(false);
            v["documents"][0]["eds_signed"] = json!(false);
        });
        let r = check(&text, Lang::Ru);
        let got: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.code.starts_with("documents."))
            .map(|f| (f.code, f.severity, f.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    documents::NOT_EDS_SIGNED_NO_GROUND,
                    Severity::Warning,
                    "/documents/0/eds_signed"
                ),
                (
                    documents::APPLICATION_NOT_SIGNED_NO_GROUND,
                    Severity::Warning,
                    "/eds_signed"
                ),
            ],
            "{name}"
        );
        assert!(r.ok, "{name}");
        assert_params_match(&r, "documents.");
    }
    // The declaration: art. 110 p. 2 names the EDS.
    let text = edited("impact_declaration_III", |v| v["eds_signed"] = json!(false));
    let r = check(&text, Lang::Ru);
    let f = r.findings.iter().find(|f| f.path == "/eds_signed").unwrap();
    assert_eq!(
        (f.code, f.basis.as_ref().map(|b| b.to_string())),
        (
            documents::APPLICATION_NOT_SIGNED,
            Some("eco_code_2021 art. 110 p. 2".to_owned())
        )
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn in_person_copy_is_notarised_unless_the_original_is_shown() {
    // A-20, 002 PR §11.1.2.
    let variant = |original: Option<bool>| {
        edited("permit_III", |v| {
            v["documents"][1]["notarised"] = json!(false);
            match original {
                Some(b) => v["facts"]["original_presented_for_verification"] = json!(b),
                None => {
                    v["facts"]
                        .as_object_mut()
                        .unwrap()
                        .remove("original_presented_for_verification");
                }
            }
        })
    };
    let r = check(&variant(Some(true)), Lang::Ru);
    assert!(document_findings(&r).is_empty());
    let r = check(&variant(Some(false)), Lang::Ru);
    assert_eq!(
        document_findings(&r),
        [(
            documents::COPY_NOT_NOTARISED,
            "/documents/1/notarised".to_owned()
        )]
    );
    let r = check(&variant(None), Lang::En);
    assert_eq!(
        document_findings(&r),
        [(
            documents::ORIGINAL_OR_NOTARISED,
            "/facts/original_presented_for_verification".to_owned()
        )]
    );
    assert!(r.ok, "a question, not an error");
    assert_params_match(&r, "documents.");
}

#[wasm_bindgen_test(unsupported = test)]
fn extra_documents_are_notes() {
    let text = edited("permit_II", |v| {
        let docs = v["documents"].as_array_mut().unwrap();
        docs.push(json!({"id": "taxpayer_certificate"}));
        docs.push(json!({"id": "passport_copy"}));
    });
    let r = check(&text, Lang::En);
    assert!(r.ok);
    assert_eq!(
        document_findings(&r),
        [
            (documents::NOT_IN_LIST, "/documents/6/id".to_owned()),
            (documents::NOT_IN_LIST, "/documents/7/id".to_owned()),
        ]
    );
    assert!(r.findings.iter().all(|f| f.severity == Severity::Info));
    assert!(r.findings[1].message.contains("“passport_copy”"));
    // Listed, but not required under the answers given.
    let text = edited("expertise_II", |v| {
        v["documents"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "approval_basin_water_inspection", "scanned": true}));
    });
    let r = check(&text, Lang::Ru);
    assert_eq!(
        document_findings(&r),
        [(documents::NOT_REQUIRED, "/documents/8/id".to_owned())]
    );
    assert_params_match(&r, "documents.");
}

#[wasm_bindgen_test(unsupported = test)]
fn unanswered_question_is_asked_unless_the_document_is_attached() {
    let text = edited("expertise_II", |v| {
        v["facts"]
            .as_object_mut()
            .unwrap()
            .remove("in_water_protection_zone");
    });
    let r = check(&text, Lang::Ru);
    assert!(r.ok);
    assert_eq!(
        document_findings(&r),
        [(
            documents::FACT_UNANSWERED,
            "/facts/in_water_protection_zone".to_owned()
        )]
    );
    assert!(
        r.findings[0].message.contains("водоохранной зоне"),
        "{}",
        r.findings[0].message
    );
    assert_params_match(&r, "documents.");
    let text = edited("expertise_II", |v| {
        v["facts"]
            .as_object_mut()
            .unwrap()
            .remove("in_water_protection_zone");
        v["documents"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "approval_basin_water_inspection", "scanned": true}));
    });
    assert!(document_findings(&check(&text, Lang::Ru)).is_empty());
    // A wrong type is reported by the reader only.
    let text = edited("expertise_II", |v| {
        v["facts"]["in_water_protection_zone"] = json!("no")
    });
    let r = check(&text, Lang::Ru);
    let at: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.path == "/facts/in_water_protection_zone")
        .map(|f| f.code)
        .collect();
    assert_eq!(at, ["input.wrong_type"]);
}

#[wasm_bindgen_test(unsupported = test)]
fn reissue_needs_the_registration_certificate_as_listed() {
    let reissue = |kind: &str| {
        edited("permit_II", |v| {
            v["action"] = json!("reissue");
            v["applicant"]["kind"] = json!(kind);
            v["documents"] = json!([
                {"id": "permit_reissue_application", "eds_signed": true},
                {"id": "taxpayer_certificate", "scanned": true}
            ]);
        })
    };
    // The literal list (PR §11.2.4) names it for every applicant.
    let r = check(&reissue("individual"), Lang::Ru);
    assert_eq!(
        document_findings(&r),
        [(documents::MISSING, "/documents".to_owned())]
    );
    // The reading legal_entities_only (A-18) spares an individual, and says so.
    let options = kz_eco_rules::input::Value::from_json_str(
        r#"{"documents": {"readings": ["legal_entities_only"]}}"#,
        &Default::default(),
    )
    .unwrap();
    let r = kz_eco_rules::validate_json(
        &reissue("individual"),
        &Options::from_value(&options).unwrap(),
    );
    assert_eq!(
        document_findings(&r),
        [(documents::ONLY_FROM_LEGAL_ENTITIES, "/documents".to_owned())]
    );
    assert_params_match(&r, "documents.");
    let r = check(&reissue("legal_entity"), Lang::En);
    let missing: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.code == documents::MISSING)
        .collect();
    assert_eq!(missing.len(), 1);
    assert!(missing[0]
        .message
        .contains("Certificate of registration (re-registration) of the legal entity"));
    assert_eq!(
        missing[0].basis.as_ref().unwrap().to_string(),
        "almaty_city_2019 PR §4, §9.5 → almaty_oblast_2012 PR §11.2.4"
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn unreadable_document_entries_suppress_missing_errors() {
    let text = edited("permit_II", |v| v["documents"][0] = json!(42));
    let r = check(&text, Lang::Ru);
    assert!(r.findings.iter().any(|f| f.path == "/documents/0"));
    assert!(!r.findings.iter().any(|f| f.code == documents::MISSING));
    let text = edited("permit_II", |v| v["documents"] = json!("all of them"));
    let r = check(&text, Lang::Ru);
    assert!(!r.findings.iter().any(|f| f.code == documents::MISSING));
}

#[wasm_bindgen_test(unsupported = test)]
fn an_expired_document_is_an_error_only_where_a_clause_makes_it_a_refusal_ground() {
    let expired = |name: &str, f: &dyn Fn(&mut serde_json::Value)| {
        let text = edited(name, |v| {
            v["documents"][1]["valid_until"] = json!("2000-01-01");
            f(v);
        });
        let r = check(&text, Lang::Ru);
        let f = r
            .findings
            .iter()
            .find(|f| f.path == "/documents/1/valid_until")
            .cloned()
            .unwrap();
        (f.code, f.basis.map(|b| b.to_string()))
    };
    // Almaty city 2019, PR §5.3: the issue of categories II and III.
    let got = expired("permit_II", &|_| {});
    assert_eq!(
        got,
        (
            documents::EXPIRED,
            Some("almaty_city_2019 PR §5.3".to_owned())
        )
    );
    // Its re-issue and category IV: §5.3 does not say it.
    let got = expired("permit_II", &|v| v["action"] = json!("reissue"));
    assert_eq!(got, (documents::EXPIRED_NO_GROUND, None));
    let got = expired("permit_II", &|v| v["category"] = json!("IV"));
    assert_eq!(got, (documents::EXPIRED_NO_GROUND, None));
    // A 2012 permit: the refusal ground for incomplete or incorrect materials
    // (002 PR §16.1) says nothing of expiry.
    let got = expired("permit_III", &|_| {});
    assert_eq!(got, (documents::EXPIRED_NO_GROUND, None));
    // Nor do Karaganda's (which takes §16.1) and the 2021 Code's permit
    // (art. 123 p. 1 part 2: an incomplete package) and declaration (art. 110
    // p. 7: false information).
    let karaganda = expired("permit_III", &|v| {
        v["region"] = json!("karaganda_oblast");
        v["submitted_at"] = json!("2014-04-15T11:40:00+06:00");
    });
    assert_eq!(karaganda, (documents::EXPIRED_NO_GROUND, None));
    let in_force = expired("environmental_permit_II", &|_| {});
    assert_eq!(in_force, (documents::EXPIRED_NO_GROUND, None));
    let text = edited("impact_declaration_III", |v| {
        v["documents"][0]["valid_until"] = json!("2000-01-01")
    });
    let r = check(&text, Lang::Ru);
    let f = r
        .findings
        .iter()
        .find(|f| f.path == "/documents/0/valid_until")
        .unwrap();
    assert_eq!(
        (f.code, f.basis.is_none()),
        (documents::EXPIRED_NO_GROUND, true)
    );
    // An Aktobe expertise: its refusal ground is an incomplete package only.
    let got = expired("expertise_IV", &|_| {});
    assert_eq!(got, (documents::EXPIRED_NO_GROUND, None));
}

#[wasm_bindgen_test(unsupported = test)]
fn the_checklist_query_checks_its_venue() {
    let query = |venue: &str, channel: &str, service: &str| {
        let text = format!(
            r#"{{"edition": "aktobe_2013", "service": "{service}", "action": "{}", "category": "III", "channel": "{channel}", "venue": "{venue}"}}"#,
            if service == "emission_permit" {
                "issue"
            } else {
                "first"
            }
        );
        checklist_json(&text, &Options::with_lang(Lang::Ru))
    };
    let codes = |r: &documents::ChecklistReport| -> Vec<(String, String)> {
        r.findings
            .iter()
            .filter(|f| f.code.starts_with("documents.venue"))
            .map(|f| (f.code.to_owned(), f.path.clone()))
            .collect()
    };
    // The Aktobe expertise: the provider's office only (GR §7), no ЦОН.
    let r = query("con", "in_person", "ecological_expertise");
    assert_eq!(
        codes(&r),
        [(documents::VENUE_NOT_OFFERED.to_owned(), "/venue".to_owned())]
    );
    assert!(!r.ok);
    let f = &r.findings[0];
    assert_eq!(f.basis.as_ref().unwrap().to_string(), "aktobe_2013 GR §7.8");
    // The checklist is still given: the venue does not change the list.
    let office = query("provider_office", "in_person", "ecological_expertise");
    assert_eq!(codes(&office), []);
    assert!(office.ok);
    assert_eq!(r.checklist, office.checklist);
    // The Aktobe permit may be filed at a ЦОН (PR §8); on the portal there is no venue.
    assert_eq!(codes(&query("con", "in_person", "emission_permit")), []);
    assert_eq!(
        codes(&query("con", "portal", "emission_permit")),
        [(documents::VENUE_ON_PORTAL.to_owned(), "/venue".to_owned())]
    );
    // An unknown venue is an input error at /venue.
    let r = query("post_office", "in_person", "emission_permit");
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "input.unknown_value" && f.path == "/venue"));
    // The Rust query gives the same.
    let mut findings = Findings::default();
    let q = Query {
        edition: Some("aktobe_2013"),
        region: None,
        date: None,
        service: Service::EcologicalExpertise,
        action: Action::First,
        category: Category::III,
        channel: Channel::InPerson,
        venue: Some(Venue::Con),
        facts: None,
    };
    assert!(required_documents(&q, &mut findings).is_some());
    let (items, _) = findings.into_parts();
    let venue: Vec<&str> = (items.iter().map(|f| f.code))
        .filter(|c| c.starts_with("documents.venue"))
        .collect();
    assert_eq!(venue, [documents::VENUE_NOT_OFFERED]);
}

#[wasm_bindgen_test(unsupported = test)]
fn the_venue_must_be_one_the_edition_names() {
    let venue = |name: &str, v: &str| {
        let text = edited(name, |a| a["venue"] = json!(v));
        check(&text, Lang::Ru)
    };
    // Aktobe 2013: expertise at the provider's office only (GR §1, §6–§7 name no ЦОН).
    let r = venue("expertise_IV", "con");
    assert_eq!(
        found(&r, "documents.venue"),
        [(documents::VENUE_NOT_OFFERED, "/venue".to_owned())]
    );
    assert!(!r.ok);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == documents::VENUE_NOT_OFFERED)
        .unwrap();
    assert_eq!(f.basis.as_ref().unwrap().to_string(), "aktobe_2013 GR §7.8");
    assert!(
        f.message
            .contains("обращение в центр обслуживания населения (ЦОН)"),
        "{}",
        f.message
    );
    assert_params_match(&r, "documents.");
    assert_eq!(
        found(&venue("expertise_IV", "provider_office"), "documents.venue"),
        []
    );
    // The Aktobe permit may be filed at a ЦОН as well (PR §8).
    let permit = edited("expertise_IV", |a| {
        a["service"] = json!("emission_permit");
        a["action"] = json!("issue");
        a["venue"] = json!("con");
    });
    assert_eq!(found(&check(&permit, Lang::Ru), "documents.venue"), []);
    // Almaty oblast 2012 names the office only (PR §13: office 301), and the
    // finding cites that point, not the list's.
    let r = venue("permit_III", "con");
    assert_eq!(
        found(&r, "documents.venue"),
        [(documents::VENUE_NOT_OFFERED, "/venue".to_owned())]
    );
    let f = r.findings.iter().find(|f| f.path == "/venue").unwrap();
    assert_eq!(
        f.basis.as_ref().unwrap().to_string(),
        "almaty_oblast_2012 PR §13"
    );
    let text = edited("expertise_II", |a| {
        a["channel"] = json!("in_person");
        a["region"] = json!("almaty_oblast");
        a["submitted_at"] = json!("2013-04-15T11:40:00+06:00");
        a["venue"] = json!("con");
    });
    let r = check(&text, Lang::Ru);
    let f = r.findings.iter().find(|f| f.path == "/venue");
    assert_eq!(
        f.and_then(|f| f.basis.as_ref()).map(|b| b.to_string()),
        Some("almaty_oblast_2012 GR §13".to_owned())
    );
    // On the portal there is no venue.
    assert_eq!(
        found(&venue("permit_IV", "con"), "documents.venue"),
        [(documents::VENUE_ON_PORTAL, "/venue".to_owned())]
    );
}
