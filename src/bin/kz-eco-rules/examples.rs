//! The example applications of `examples/`, embedded so `check` runs without a file;
//! the integration tests include this file too (native and wasm).

/// Each example's name and JSON text.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "permit_II",
        include_str!("../../../examples/permit_II.json"),
    ),
    (
        "permit_III",
        include_str!("../../../examples/permit_III.json"),
    ),
    (
        "permit_IV",
        include_str!("../../../examples/permit_IV.json"),
    ),
    (
        "expertise_II",
        include_str!("../../../examples/expertise_II.json"),
    ),
    (
        "expertise_III",
        include_str!("../../../examples/expertise_III.json"),
    ),
    (
        "expertise_IV",
        include_str!("../../../examples/expertise_IV.json"),
    ),
    (
        "environmental_permit_II",
        include_str!("../../../examples/environmental_permit_II.json"),
    ),
    (
        "impact_declaration_III",
        include_str!("../../../examples/impact_declaration_III.json"),
    ),
    (
        "expertise_2021_III",
        include_str!("../../../examples/expertise_2021_III.json"),
    ),
];
