//! Realistic article pages (`tests/pages/`, see its README): the article's
//! sentences become claims at their line in the file, and the page's
//! navigation, ads, scripts, related links, comments and copyright lines
//! do not, with and without semantic tags.

use std::path::Path;

use storydiff::load::html;
use storydiff::model::{OutletId, Position};
use storydiff::segment;

/// The page's claims: text and position.
fn claims(name: &str) -> (storydiff::Version, Vec<(String, Position)>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pages")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let version = html::parse(&text, name, name.trim_end_matches(".html"));
    let claims = segment::segment(&version, OutletId(0))
        .into_iter()
        .map(|claim| (claim.text, claim.at))
        .collect();
    (version, claims)
}

fn assert_kept_and_dropped(claims: &[(String, Position)], kept: &[&str], dropped: &[&str]) {
    let all: Vec<&str> = claims.iter().map(|(text, _)| text.as_str()).collect();
    for words in kept {
        assert!(
            all.iter().any(|c| c.contains(words)),
            "{words:?} lost: {all:#?}"
        );
    }
    for words in dropped {
        assert!(
            !all.iter().any(|c| c.contains(words)),
            "{words:?} kept: {all:#?}"
        );
    }
}

fn position_of(claims: &[(String, Position)], start: &str) -> Position {
    claims
        .iter()
        .find(|(text, _)| text.starts_with(start))
        .map(|(_, at)| *at)
        .unwrap_or_else(|| panic!("no claim starts with {start:?}"))
}

#[test]
fn a_page_with_semantic_tags_keeps_the_article_only() {
    let (version, claims) = claims("semantic.html");
    assert_eq!(version.outlet, "Coastline Daily");
    assert_eq!(
        version.title.as_deref(),
        Some("Harbor bridge closed after barge strike")
    );
    assert_eq!(
        version.title_at,
        Position {
            line: 29,
            column: 13
        }
    );
    assert_eq!(version.published.as_deref(), Some("2026-02-11T08:30:00Z"));
    assert_eq!(
        version.url.as_deref(),
        Some("https://coastline.example/news/harbor-bridge")
    );
    assert_kept_and_dropped(
        &claims,
        &[
            "the city’s transport office said",
            "crack about 2 metres long",
            "some 40,000 vehicles a day",
            "Nobody was hurt.",
            "The barge’s captain",
            "Mill Road detour",
            "56-year-old bridge",
        ],
        &[
            "cookies",
            "Home",
            "Sport",
            "Coastline Daily",
            "Ines Aldana",
            "Share on",
            "Advertisement",
            "50%",
            "1968",
            "Detours",
            "Related stories",
            "Ferry fares",
            "3 million",
            "harbourwatcher",
            "100,000",
            "42 comments",
            "All rights reserved",
            "About us",
            "dataLayer",
            "900",
        ],
    );
    assert_eq!(
        position_of(&claims, "Inspectors found"),
        Position {
            line: 36,
            column: 10
        }
    );
    assert_eq!(
        position_of(&claims, "The barge’s captain"),
        Position {
            line: 45,
            column: 27
        }
    );
}

#[test]
fn a_page_without_semantic_tags_keeps_the_article_only() {
    let (version, claims) = claims("obfuscated.html");
    assert_eq!(version.outlet, "obfuscated");
    assert_eq!(
        version.title.as_deref(),
        Some("Storm cuts power to thousands | Valley Wire")
    );
    assert_eq!(version.title_at, Position { line: 3, column: 8 });
    assert_kept_and_dropped(
        &claims,
        &[
            "about 18,000 homes",
            "11,500 homes by Monday morning",
            "reconnected by Wednesday",
            "two warming centres",
            "Schools in the northern district",
            "report downed lines",
        ],
        &[
            "Obituaries",
            "Jobs",
            "Most read",
            "4 million",
            "12 new bus stops",
            "Sponsored",
            "2,000 a year",
            "stormchaser88",
            "30 hours",
            "50,000",
            "Copyright",
            "99,999",
            "250000",
        ],
    );
    assert_eq!(
        position_of(&claims, "Crews had restored"),
        Position {
            line: 17,
            column: 21
        }
    );
}

#[test]
fn a_table_layout_page_keeps_its_loose_text() {
    let (version, claims) = claims("table-layout.html");
    assert_eq!(version.outlet, "Town Crier");
    assert_kept_and_dropped(
        &claims,
        &[
            "reopened on Monday, eight months after a flood",
            "Repairs cost 1.2 million",
            "The children's room moved",
            "9 a.m. to 8 p.m. on weekdays & 10 a.m.",
            "Donations of books",
        ],
        &[
            "Front page",
            "Classifieds",
            "Also on Town Crier",
            "Bake sale",
            "Choir",
            "(c) 2026",
            "Webmaster",
        ],
    );
    assert_eq!(
        position_of(&claims, "Repairs cost"),
        Position {
            line: 20,
            column: 1
        }
    );
}
