//! The application's tables 1–5 (seed 000 App.3 / seed 002 PR App.1 application
//! forms) and the permit's limit appendices 1–4 (seed 000 App.3 permit form).
//!
//! Tables 2–5 are filled per year ("20__ жылға"): each has `years`, a list of
//! per-year blocks. Within a block, rows are grouped as on the form: the declared
//! `total` row, then groups (industrial site / water outlet) with a declared
//! `subtotal` and their substance rows. Column groups are `normative`,
//! `requested` (the requested limit) and `actual` (the year before the application).

use super::{model_struct, Amount};

model_struct! {
    /// Table 1: one industrial site where the object's pollution sources are.
    ///
    /// Name, coordinates and area are required: they are what the table is for
    /// (both forms print the columns; an empty cell is `emissions.missing_value`).
    /// Oblast and district are free text and may be empty (a site in a city of
    /// republican significance has no oblast).
    pub struct IndustrialSite {
        /// Site number (col. 1), referenced by table 2 and permit appendix 1.
        number: u32 [required],
        /// Site name (col. 2).
        name: String [required],
        /// Oblast (col. 3).
        oblast: String,
        /// District, settlement (col. 4).
        district: String,
        /// Latitude, degrees-minutes-seconds (col. 5).
        latitude: Dms [required],
        /// Longitude, degrees-minutes-seconds (col. 6).
        longitude: Dms [required],
        /// Occupied area, hectares (col. 7), greater than zero.
        area_ha: Amount [required],
    }
}

model_struct! {
    /// An angle in degrees, minutes and seconds.
    pub struct Dms {
        /// Whole degrees.
        deg: Amount [required],
        /// Whole minutes, 0–59.
        min: Amount [required],
        /// Seconds, 0 ≤ s < 60, may have decimals.
        sec: Amount [required],
    }
}

model_struct! {
    /// A pair of air-emission values.
    pub struct AirValues {
        /// Grams per second.
        g_per_s: Amount,
        /// Tonnes per year.
        t_per_year: Amount,
    }
}

model_struct! {
    /// The three column groups of table 2.
    pub struct AirColumns {
        /// Normative volume of emissions (cols 2–3).
        normative: AirValues,
        /// Requested emission limit (cols 4–5).
        requested: AirValues,
        /// Actual emissions in the year before the application (cols 6–7).
        actual: AirValues,
    }
}

model_struct! {
    /// Table 2: air pollutant emissions, per year.
    pub struct AirEmissions {
        /// One block per year.
        years: Vec<AirYear>,
    }
}

model_struct! {
    /// Table 2, the block of one year.
    pub struct AirYear {
        /// The year ("20__ жылға").
        year: i32 [required],
        /// "Total, including by sites" row as declared.
        total: AirColumns,
        /// Per-site groups.
        sites: Vec<AirSite>,
    }
}

model_struct! {
    /// Table 2, one industrial site's group.
    pub struct AirSite {
        /// The site's number in table 1.
        site: u32 [required],
        /// The site row as declared.
        subtotal: AirColumns,
        /// "Including by ingredients": one row per substance.
        substances: Vec<AirSubstance>,
    }
}

model_struct! {
    /// Table 2, one substance row.
    pub struct AirSubstance {
        /// Pollutant code, if given (e.g. `0301`).
        code: String,
        /// Substance name (col. 1).
        name: String [required],
        /// Normative volume (cols 2–3).
        normative: AirValues,
        /// Requested limit (cols 4–5).
        requested: AirValues,
        /// Actual, year before the application (cols 6–7).
        actual: AirValues,
    }
}

model_struct! {
    /// A triple of discharge values (the 002 form has all three; the 000 form has
    /// mg/l and t/yr only, so g/h is required only under the 002 edition, A-6).
    pub struct WaterValues {
        /// Concentration, milligrams per litre (never summed).
        mg_per_l: Amount,
        /// Grams per hour.
        g_per_h: Amount,
        /// Tonnes per year.
        t_per_year: Amount,
    }
}

model_struct! {
    /// The three column groups of table 3.
    pub struct WaterColumns {
        /// Normative volume.
        normative: WaterValues,
        /// Requested limit.
        requested: WaterValues,
        /// Actual, year before the application.
        actual: WaterValues,
    }
}

model_struct! {
    /// Table 3: discharges of pollutants with waste water, per year.
    pub struct Discharges {
        /// One block per year.
        years: Vec<DischargeYear>,
    }
}

model_struct! {
    /// Table 3, the block of one year.
    pub struct DischargeYear {
        /// The year.
        year: i32 [required],
        /// "Total, including by outlets" row as declared.
        total: WaterColumns,
        /// Per-outlet groups.
        outlets: Vec<Outlet>,
    }
}

model_struct! {
    /// Table 3, one water outlet's group.
    pub struct Outlet {
        /// Outlet number (1, 2, …), numbered on its own: outlets are not sites of
        /// table 1.
        outlet: u32 [required],
        /// Outlet name or description.
        name: String,
        /// The outlet row as declared.
        subtotal: WaterColumns,
        /// "Including by ingredients": one row per substance.
        substances: Vec<DischargeSubstance>,
    }
}

model_struct! {
    /// Table 3, one substance row.
    pub struct DischargeSubstance {
        /// Pollutant code, if given.
        code: String,
        /// Substance name.
        name: String [required],
        /// Normative volume.
        normative: WaterValues,
        /// Requested limit.
        requested: WaterValues,
        /// Actual, year before the application.
        actual: WaterValues,
    }
}

model_struct! {
    /// Three tonnes-per-year values: normative, requested, actual.
    pub struct TonnesColumns {
        /// Normative volume, t/yr.
        normative: Amount,
        /// Requested limit, t/yr.
        requested: Amount,
        /// Actual, year before the application, t/yr.
        actual: Amount,
    }
}

model_struct! {
    /// Table 4: placement of production and consumption waste, per year.
    pub struct Waste {
        /// One block per year.
        years: Vec<WasteYear>,
    }
}

model_struct! {
    /// Table 4, the block of one year.
    pub struct WasteYear {
        /// The year.
        year: i32 [required],
        /// "Total, including by types" row as declared.
        total: TonnesColumns,
        /// One row per waste type.
        items: Vec<WasteItem>,
    }
}

model_struct! {
    /// Table 4, one waste type.
    pub struct WasteItem {
        /// Waste name (col. 1).
        name: String [required],
        /// Waste code (col. 2).
        code: String,
        /// Placement site (col. 3).
        placement_site: String,
        /// Normative volume, t/yr (col. 4).
        normative: Amount,
        /// Requested limit, t/yr (col. 5).
        requested: Amount,
        /// Actual, year before the application, t/yr (col. 6).
        actual: Amount,
    }
}

model_struct! {
    /// Table 5: sulfur placement, per year.
    pub struct Sulfur {
        /// One block per year.
        years: Vec<SulfurYear>,
    }
}

model_struct! {
    /// Table 5, the block of one year.
    pub struct SulfurYear {
        /// The year.
        year: i32 [required],
        /// "Total" row as declared.
        total: TonnesColumns,
        /// One row per kind of sulfur placed.
        items: Vec<SulfurItem>,
    }
}

model_struct! {
    /// Table 5, one row.
    pub struct SulfurItem {
        /// Name (col. 1).
        name: String [required],
        /// Placement site (col. 2).
        placement_site: String,
        /// Normative volume, t/yr (col. 3).
        normative: Amount,
        /// Requested volume, t/yr (col. 4).
        requested: Amount,
        /// Actual, year before the application, t/yr (col. 5).
        actual: Amount,
    }
}

model_struct! {
    /// A permit for emissions (seed 000 App.3, permit form): conditions 1–4 and
    /// limit appendices 1–4, each for up to five consecutive years.
    pub struct Permit {
        /// Series (e.g. "А-W").
        series: String,
        /// Number (five digits on the blank).
        number: String,
        /// First year of validity.
        valid_from_year: i32,
        /// Last year of validity.
        valid_to_year: i32,
        /// Conditions 1–4: tonnes per year for air, discharges, waste, sulfur.
        conditions: PermitConditions,
        /// Appendix 1: air emission limits.
        air_limits: AirLimits,
        /// Appendix 2: discharge limits.
        discharge_limits: DischargeLimits,
        /// Appendix 3: waste placement limits.
        waste_limits: TonnesLimits,
        /// Appendix 4: sulfur placement limits.
        sulfur_limits: TonnesLimits,
    }
}

model_struct! {
    /// Conditions 1–4 of a permit: "year ____ — ____ tonnes" lines.
    pub struct PermitConditions {
        /// Condition 1: air emissions (Appendix 1).
        air: Vec<YearTonnes>,
        /// Condition 2: discharges (Appendix 2; the kk text says "emissions", A-5).
        discharges: Vec<YearTonnes>,
        /// Condition 3: waste placement (Appendix 3).
        waste: Vec<YearTonnes>,
        /// Condition 4: sulfur placement (Appendix 4).
        sulfur: Vec<YearTonnes>,
    }
}

model_struct! {
    /// One "year ____ — ____ tonnes" line.
    pub struct YearTonnes {
        /// The year.
        year: i32 [required],
        /// Tonnes in that year.
        tonnes: Amount [required],
    }
}

model_struct! {
    /// Permit Appendix 1: air emission limits per year.
    pub struct AirLimits {
        /// One block per year (at most five).
        years: Vec<AirLimitYear>,
    }
}

model_struct! {
    /// Appendix 1, one year.
    pub struct AirLimitYear {
        /// The year.
        year: i32 [required],
        /// "Total, including by sites" row.
        total: AirValues,
        /// Per-site groups.
        sites: Vec<AirLimitSite>,
    }
}

model_struct! {
    /// Appendix 1, one site's group.
    pub struct AirLimitSite {
        /// Site number.
        site: u32 [required],
        /// The site row.
        subtotal: AirValues,
        /// One row per substance.
        substances: Vec<AirLimitSubstance>,
    }
}

model_struct! {
    /// Appendix 1, one substance's limit.
    pub struct AirLimitSubstance {
        /// Pollutant code, if given.
        code: String,
        /// Substance name.
        name: String [required],
        /// The limit, g/s and t/yr.
        limit: AirValues,
    }
}

model_struct! {
    /// Mg/l and t/yr of a discharge limit (Appendix 2 has no g/h).
    pub struct WaterLimitValues {
        /// Concentration, mg/l (never summed).
        mg_per_l: Amount,
        /// Tonnes per year.
        t_per_year: Amount,
    }
}

model_struct! {
    /// Permit Appendix 2: discharge limits per year.
    pub struct DischargeLimits {
        /// One block per year (at most five).
        years: Vec<DischargeLimitYear>,
    }
}

model_struct! {
    /// Appendix 2, one year.
    pub struct DischargeLimitYear {
        /// The year.
        year: i32 [required],
        /// "Total, including by outlets" row.
        total: WaterLimitValues,
        /// Per-outlet groups.
        outlets: Vec<DischargeLimitOutlet>,
    }
}

model_struct! {
    /// Appendix 2, one outlet's group.
    pub struct DischargeLimitOutlet {
        /// Outlet number.
        outlet: u32 [required],
        /// The outlet row.
        subtotal: WaterLimitValues,
        /// One row per substance.
        substances: Vec<DischargeLimitSubstance>,
    }
}

model_struct! {
    /// Appendix 2, one substance's limit.
    pub struct DischargeLimitSubstance {
        /// Pollutant code, if given.
        code: String,
        /// Substance name.
        name: String [required],
        /// The limit, mg/l and t/yr.
        limit: WaterLimitValues,
    }
}

model_struct! {
    /// Permit Appendix 3 (waste) or 4 (sulfur): tonnes per year.
    pub struct TonnesLimits {
        /// One block per year (at most five).
        years: Vec<TonnesLimitYear>,
    }
}

model_struct! {
    /// Appendix 3/4, one year.
    pub struct TonnesLimitYear {
        /// The year.
        year: i32 [required],
        /// "Total, including by types" row, tonnes.
        total: Amount,
        /// One row per type.
        items: Vec<TonnesLimitItem>,
    }
}

model_struct! {
    /// Appendix 3/4, one row.
    pub struct TonnesLimitItem {
        /// Name of the waste / sulfur.
        name: String [required],
        /// Placement site.
        placement_site: String,
        /// Waste code (Appendix 3 only).
        code: String,
        /// Tonnes in that year.
        tonnes: Amount,
    }
}
