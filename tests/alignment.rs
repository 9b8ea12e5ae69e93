//! End-to-end alignment on the fixture stories: claims that report the same
//! fact in different outlets land in one cluster, different facts do not, and
//! the figure conflicts the venezuela story was written for are reported.
//! Claims that differ in a figure align: that is what lets the conflict show.

use assert_cmd::Command;
use serde_json::Value;

/// The JSON report of `storydiff compare fixtures/<story>`.
fn report(story: &str) -> Value {
    let out = Command::cargo_bin("storydiff")
        .unwrap()
        .args(["compare", &format!("fixtures/{story}"), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "compare {story} failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The id of the cluster holding the one claim that starts with `start`.
fn cluster_of<'a>(report: &'a Value, start: &str) -> &'a str {
    let found: Vec<&str> = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            c["claims"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["text"].as_str().unwrap().starts_with(start))
        })
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(found.len(), 1, "one claim starting {start:?}");
    found[0]
}

fn assert_together(story: &str, pairs: &[(&str, &str)]) {
    let report = report(story);
    for (a, b) in pairs {
        assert_eq!(
            cluster_of(&report, a),
            cluster_of(&report, b),
            "{story}: {a:?} and {b:?} report the same fact"
        );
    }
}

fn assert_apart(story: &str, pairs: &[(&str, &str)]) {
    let report = report(story);
    for (a, b) in pairs {
        assert_ne!(
            cluster_of(&report, a),
            cluster_of(&report, b),
            "{story}: {a:?} and {b:?} are different facts"
        );
    }
}

#[test]
fn venezuela_same_claims_align() {
    assert_together(
        "venezuela",
        &[
            (
                "According to reports, the US has stationed 15,000 troops",
                "The U.S. has sent 12,000 troops",
            ),
            (
                "The United States has deployed fifteen thousand troops",
                "The U.S. has sent 12,000 troops",
            ),
            (
                "Reports from Reuters suggest that Trump and Maduro spoke by phone",
                "Trump and Maduro spoke by phone on November 20",
            ),
            (
                "Trump reportedly refused most of those conditions",
                "Trump rejected most of those demands",
            ),
            (
                "Rumors had circulated that Maduro had left Venezuela",
                "Rumors had spread that Maduro had fled the country",
            ),
        ],
    );
}

#[test]
fn wildfire_same_claims_align() {
    assert_together(
        "wildfire",
        &[
            (
                "About 1,200 firefighters are on the lines.",
                "About 1,200 firefighters are working the fire",
            ),
            (
                "Two people have died in the fire",
                "The Cedar Hollow Fire has already killed two people",
            ),
            (
                "Fire Chief Elena Ruiz said the fire was moving faster",
                "\"This fire is moving faster than anything",
            ),
            (
                "Evacuation orders cover Pinecrest",
                "Evacuation orders remain in place for Pinecrest",
            ),
            ("Three deaths have been confirmed", "Two Deaths Confirmed"),
        ],
    );
}

#[test]
fn port_strike_same_claims_align() {
    assert_together(
        "port-strike",
        &[
            (
                "Thirty-eight ships were waiting",
                "By Wednesday, dozens of ships were waiting",
            ),
            (
                "The strike is the first at the port in 22 years.",
                "It is the first strike at the port in more than two decades.",
            ),
            (
                "Cargo worth an estimated $1.5 billion",
                "Cargo worth about $2 billion",
            ),
            (
                "The union is seeking a 19 percent raise",
                "The Harbour and Dock Workers' Union is asking for a 19 per cent increase",
            ),
        ],
    );
}

#[test]
fn different_claims_stay_apart() {
    assert_apart(
        "venezuela",
        &[(
            "Defense Minister Vladimir Padrino López said about 200,000 troops",
            "The U.S. has sent 12,000 troops",
        )],
    );
    assert_apart(
        "wildfire",
        &[
            (
                "About 2,000 residents who did not have to evacuate",
                "Nearly 8,000 residents of Pinecrest",
            ),
            (
                "About 600 people spent Thursday night at a shelter",
                "A monster blaze roared through Marlow County",
            ),
        ],
    );
    assert_apart(
        "port-strike",
        &[(
            "Union president Maria Okafor said the strike would go on",
            "Governor Daniel Reyes said he was",
        )],
    );
}

#[test]
fn venezuela_reports_the_troops_and_call_date_conflicts() {
    let report = report("venezuela");
    let conflicts: Vec<&Value> = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["figures"].as_array().unwrap())
        .filter(|f| f["verdict"] == "conflict")
        .collect();
    let has = |texts: [&str; 2]| {
        conflicts.iter().any(|f| {
            let values: Vec<&str> = f["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v["text"].as_str().unwrap())
                .collect();
            texts.iter().all(|t| values.contains(t))
        })
    };
    assert!(has(["12,000", "15,000"]), "troops: 12,000 vs 15,000");
    assert!(has(["November 20", "November 21"]), "call date");
    let findings = report["findings"].as_array().unwrap();
    let figure_conflicts = findings
        .iter()
        .filter(|f| f["kind"] == "figure-conflict")
        .count();
    assert!(figure_conflicts >= 2);
}

/// The figure comparisons of every cluster: verdict, whether confident,
/// and the values' texts.
fn comparisons(report: &Value) -> Vec<(String, bool, Vec<String>)> {
    report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["figures"].as_array().unwrap())
        .map(|f| {
            let texts = f["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v["text"].as_str().unwrap().to_string())
                .collect();
            (
                f["verdict"].as_str().unwrap().to_string(),
                f["confident"].as_bool().unwrap(),
                texts,
            )
        })
        .collect()
}

#[test]
fn venezuela_keeps_its_non_conflicts() {
    let report = report("venezuela");
    let groups = comparisons(&report);
    // the US troops in the Caribbean are never set against the 200,000
    // troops Venezuela deployed at home
    let us = ["15,000", "12,000", "fifteen thousand"];
    for (_, _, texts) in &groups {
        let venezuelan = texts.iter().any(|t| t.contains("200,000"));
        let american = texts.iter().any(|t| us.contains(&t.as_str()));
        assert!(!(venezuelan && american), "{texts:?}");
    }
    // "more than 20" operations, "at least 20" strikes and "21" operations
    // are compatible, not a conflict
    let operations = groups
        .iter()
        .find(|(_, _, texts)| texts.iter().any(|t| t == "more than 20"))
        .expect("the operations are compared");
    assert_eq!(operations.0, "compatible", "{operations:?}");
    assert!(operations.2.iter().any(|t| t == "21"), "{operations:?}");
    // the troops and the call date stay conflicts, and errors
    let errors: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "figure-conflict" && f["severity"] == "error")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        errors.iter().any(|m| m.contains("\"12,000\"")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|m| m.contains("\"November 20\"")),
        "{errors:?}"
    );
    // and each says why its figures were paired
    assert!(
        errors.iter().all(|m| m.contains(" — paired: ")),
        "{errors:?}"
    );
}

#[test]
fn more_than_20_and_at_least_21_are_no_conflict() {
    let report = analyze(&[
        (
            "a",
            None,
            "Since September, the US has carried out more than 20 operations against drug boats.",
        ),
        (
            "b",
            None,
            "Since September, the US has carried out at least 21 operations against drug boats.",
        ),
    ]);
    let compared: Vec<_> = report
        .clusters
        .iter()
        .flat_map(|c| &c.figures)
        .filter(|f| f.values.iter().any(|v| v.figure.text == "more than 20"))
        .collect();
    assert_eq!(compared.len(), 1, "{compared:?}");
    assert_eq!(
        compared[0].verdict,
        storydiff::compare::figures::Verdict::Compatible
    );
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.kind == storydiff::model::finding::FindingKind::FigureConflict)
    );
}

#[test]
fn roughly_15000_troops_agrees_with_15000() {
    let report = analyze(&[
        (
            "a",
            None,
            "The US has stationed 15,000 troops in the Caribbean.",
        ),
        (
            "b",
            None,
            "The US has stationed roughly 15,000 troops in the Caribbean.",
        ),
    ]);
    let troops: Vec<_> = report
        .clusters
        .iter()
        .flat_map(|c| &c.figures)
        .filter(|f| f.measure == "troop")
        .collect();
    assert_eq!(troops.len(), 1, "{troops:?}");
    assert_eq!(
        troops[0].verdict,
        storydiff::compare::figures::Verdict::Agree
    );
}

/// A story of inline versions, analysed through the library.
fn analyze(versions: &[(&str, Option<&str>, &str)]) -> storydiff::Report {
    use storydiff::model::{Layout, Position, Story, Version};
    let story = Story {
        id: "inline".into(),
        versions: versions
            .iter()
            .map(|(outlet, title, body)| Version {
                outlet: (*outlet).into(),
                source: format!("{outlet}.txt"),
                title: title.map(Into::into),
                published: None,
                url: None,
                body: (*body).into(),
                title_at: Position::START,
                body_at: Position::START,
                layout: Layout::Verbatim,
                skipped: Vec::new(),
            })
            .collect(),
    };
    storydiff::analyze(&story, &storydiff::Config::default()).unwrap()
}

fn different_stories(report: &storydiff::Report) -> bool {
    report
        .findings
        .iter()
        .any(|f| f.kind == storydiff::model::finding::FindingKind::DifferentStories)
}

#[test]
fn two_unrelated_articles_get_the_different_stories_warning() {
    let report = analyze(&[
        (
            "a",
            Some("Storm floods coastal towns"),
            "Heavy rain flooded three coastal towns on Monday. Hundreds of residents were \
             moved to shelters. The river rose two metres overnight. Schools stayed closed.",
        ),
        (
            "b",
            Some("Central bank holds rates"),
            "The central bank kept its main rate at 4 percent on Monday. Inflation slowed \
             for a third month. Analysts expect a cut next year. The currency barely moved.",
        ),
    ]);
    assert!(different_stories(&report), "{:#?}", report.findings);
    let same = analyze(&[
        (
            "a",
            None,
            "Heavy rain flooded three coastal towns on Monday. Hundreds of residents were \
             moved to shelters.",
        ),
        (
            "b",
            None,
            "Heavy rain flooded three towns on the coast on Monday. Hundreds of residents \
             were moved to emergency shelters.",
        ),
    ]);
    assert!(!different_stories(&same), "{:#?}", same.findings);
}

/// Whether the report holds the claims starting with `a` and `b` in one
/// cluster, as members or as a claim stating the fact too (`also`).
fn linked(report: &storydiff::Report, a: &str, b: &str) -> bool {
    report.clusters.iter().any(|c| {
        let texts: Vec<&str> = c
            .members
            .iter()
            .chain(&c.also)
            .map(|m| report.claim(m.claim).text.as_str())
            .collect();
        texts.iter().any(|t| t.starts_with(a)) && texts.iter().any(|t| t.starts_with(b))
    })
}

#[test]
fn a_headline_links_to_the_lead_that_says_it_at_length() {
    let report = analyze(&[
        (
            "a",
            Some("Pelosi appointed to an eighth term as Democratic leader"),
            "Lawmakers met behind closed doors on Wednesday. The vote was 134 to 63.",
        ),
        (
            "b",
            None,
            "House Democrats voted on Wednesday, re-electing Nancy Pelosi as their leader \
             to an eighth term despite a revolt by younger members. Her critics had \
             lobbied for weeks.",
        ),
    ]);
    assert!(
        linked(&report, "Pelosi appointed", "House Democrats voted"),
        "{:#?}",
        report.clusters
    );
}

#[test]
fn one_shared_name_is_no_link() {
    let report = analyze(&[
        (
            "a",
            None,
            "Harry Reid said all options should be on the table. The Senate adjourned early. \
             Lobbyists filled the hallways.",
        ),
        (
            "b",
            None,
            "Reid is a longtime supporter of gun rights. The governor signed the budget. \
             Rain delayed the parade.",
        ),
    ]);
    assert!(!linked(&report, "Harry Reid said", "Reid is a longtime"));
}

/// Wire copy carried by many outlets, one of which changed a figure: the
/// conflict is found while a cluster is small enough to compare, and past
/// `MAX_COMPARED_MEMBERS` the cluster says its figures were not compared
/// instead of costing the square of its members.
#[test]
fn wire_copy_figures_are_compared_up_to_the_member_limit() {
    use storydiff::compare::MAX_COMPARED_MEMBERS;
    use storydiff::model::finding::FindingKind;
    let kinds = |outlets: usize| {
        let names: Vec<String> = (0..outlets).map(|o| format!("outlet{o}")).collect();
        let bodies: Vec<String> = (0..outlets)
            .map(|o| {
                let homes = if o == 0 { 300 } else { 200 };
                format!(
                    "The fire burned {homes} homes in the valley on Monday, officials said. \
                     The cause is under investigation.\n"
                )
            })
            .collect();
        let versions: Vec<(&str, Option<&str>, &str)> = names
            .iter()
            .zip(&bodies)
            .map(|(n, b)| (n.as_str(), None, b.as_str()))
            .collect();
        let report = analyze(&versions);
        let count = |kind: FindingKind| report.findings.iter().filter(|f| f.kind == kind).count();
        (
            report.clusters.len(),
            count(FindingKind::FigureConflict),
            count(FindingKind::FiguresNotCompared),
        )
    };
    assert_eq!(kinds(20), (2, 1, 0));
    assert_eq!(kinds(MAX_COMPARED_MEMBERS), (2, 1, 0));
    assert_eq!(kinds(MAX_COMPARED_MEMBERS + 1), (2, 0, 2));
}
