//! Framing end to end: three outlets' versions of the Venezuela story, one
//! that attributes and hedges, one that states the same things as fact, one
//! with loaded terms; every kind of difference and quote fidelity reported.

use storydiff::compare::FindingKind;
use storydiff::model::{Layout, Position, Story, Version};
use storydiff::render::json::ReportView;
use storydiff::{Config, analyze};

const ATTRIBUTING: &str = "\
Venezuelan officials, however, argue that the buildup is intended to pressure or remove Maduro’s government. \
According to reports, the US has stationed 15,000 troops and deployed a major aircraft carrier to the region. \
US officials have labeled the Cartel de los Soles a “terrorist” organization. \
According to unnamed sources, Trump allegedly offered Maduro safe passage out of Venezuela. \
“We will not accept a slave’s peace, not today and not ever,” Maduro told the crowd in Caracas.";

const PLAIN: &str = "\
Venezuelan officials argue that the buildup is intended to pressure or remove the Maduro government. \
The US has stationed 15,000 troops and deployed a major aircraft carrier to the region. \
US officials have labeled the Cartel de los Soles a terrorist organization. \
Trump offered Maduro safe passage out of Venezuela. \
Maduro told the crowd in Caracas that he would never accept a slave’s peace.";

const LOADED: &str = "\
Venezuelan officials argue that the buildup is intended to pressure or remove the Maduro regime. \
The US has amassed 15,000 troops and a major aircraft carrier in the region. \
US officials have labeled the Cartel de los Soles a so-called terrorist organization. \
Trump reportedly offered Maduro safe passage out of Venezuela, officials said. \
“We will not accept the peace of a slave, not today and not ever,” Maduro told the crowd in Caracas.";

fn version(outlet: &str, body: &str) -> Version {
    Version {
        outlet: outlet.into(),
        source: format!("{outlet}.txt"),
        title: None,
        published: None,
        url: None,
        body: body.into(),
        title_at: Position::START,
        body_at: Position::START,
        layout: Layout::Verbatim,
        skipped: Vec::new(),
    }
}

fn story() -> Story {
    Story {
        id: "venezuela".into(),
        versions: vec![
            version("attributing", ATTRIBUTING),
            version("plain", PLAIN),
            version("loaded", LOADED),
        ],
    }
}

fn messages(kind: FindingKind, config: &Config) -> Vec<String> {
    let report = analyze(&story(), config).unwrap();
    report
        .findings
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn seed_story_differences_are_reported() {
    let framing = messages(FindingKind::Framing, &Config::default()).join("\n");
    for expected in [
        "attributing puts \"terrorist\" in scare quotes",
        "attributing attributes it to \"unnamed sources\" (unnamed, according to)",
        "loaded writes \"regime\" where the others write \"government\"",
        "loaded writes \"amassed\" where the others write \"deployed\"",
        "attributing hedges with \"allegedly\"",
        "plain writes \"terrorist\" plainly",
    ] {
        assert!(
            framing.contains(expected),
            "missing {expected:?} in:\n{framing}"
        );
    }
}

#[test]
fn quote_fidelity_shows_a_character_diff() {
    let fidelity = messages(FindingKind::QuoteFidelity, &Config::default());
    assert_eq!(fidelity.len(), 1, "{fidelity:?}");
    assert!(
        fidelity[0].contains(
            "we will not accept [-a slav-]{+th+}e[-'s-] peace {+of a slave +}not today and not ever"
        ),
        "{}",
        fidelity[0]
    );
}

#[test]
fn framing_severity_comes_from_the_config() {
    let config: Config = toml::from_str("[framing]\nseverity = \"info\"\n").unwrap();
    let report = analyze(&story(), &config).unwrap();
    assert!(
        report
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Framing)
            .all(|f| f.severity == storydiff::compare::Severity::Info)
    );
}

#[test]
fn framing_in_the_json_report() {
    let report = analyze(&story(), &Config::default()).unwrap();
    let json = serde_json::to_value(ReportView::from(&report)).unwrap();
    let framing: Vec<&serde_json::Value> = json["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["framing"].as_array().unwrap())
        .collect();
    let outlets: Vec<serde_json::Value> = json["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            serde_json::json!({
                "name": o["name"],
                "attributed_share": o["attributed_share"],
                "hedged_share": o["hedged_share"],
                "named_sources": o["named_sources"],
                "unnamed_sources": o["unnamed_sources"],
                "quotes": o["quotes"],
                "scare_quotes": o["scare_quotes"],
                "loaded_terms": o["loaded_terms"],
                "attribution_verbs": o["attribution_verbs"],
            })
        })
        .collect();
    insta::assert_json_snapshot!("framing", framing);
    insta::assert_json_snapshot!("outlet_profiles", outlets);
}
