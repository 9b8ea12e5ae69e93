//! storydiff: a comparative coverage diff for news.
//!
//! Given several outlets' versions of one story, storydiff splits each into
//! claims, aligns the claims across outlets by fuzzy matching, and reports
//! which facts, figures and framings agree, differ, or are missing where.
//!
//! The pipeline is a chain of pure stages, one module each:
//!
//! ```text
//! load ──► segment ──► extract ──► align ──► compare ──► render
//! Story    Claims      Features    Clusters  Report      table | json
//! ```
//!
//! ```
//! use storydiff::model::{Layout, Position, Story, Version};
//!
//! let version = |outlet: &str, body: &str| Version {
//!     outlet: outlet.into(),
//!     source: format!("{outlet}.txt"),
//!     title: None,
//!     published: None,
//!     url: None,
//!     body: body.into(),
//!     title_at: Position::START,
//!     body_at: Position::START,
//!     layout: Layout::Verbatim,
//! };
//! let story = Story {
//!     id: "venezuela".into(),
//!     versions: vec![
//!         version("a", "The US has stationed 15,000 troops in the Caribbean. Maduro held a rally."),
//!         version("b", "The US has stationed 12,000 troops in the Caribbean."),
//!     ],
//! };
//! let report = storydiff::analyze(&story, &storydiff::Config::default()).unwrap();
//! assert_eq!(report.outlets[0].claims, 2);
//! assert_eq!(report.outlets[1].unique_claims, 0);
//! ```

pub mod align;
pub mod check;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod segment;

pub use compare::Report;
pub use config::Config;
pub use error::InputError;
pub use model::{Claim, Story, Version};

use model::OutletId;

/// Every version's claims, segmented and with their features extracted:
/// `claims[outlet][index]`.
pub fn claims(story: &Story, config: &Config) -> Vec<Vec<Claim>> {
    let lexicon = extract::framing::Lexicon::shared(&config.framing);
    story
        .versions
        .iter()
        .enumerate()
        .map(|(o, version)| {
            let mut claims = segment::segment(version, OutletId(o));
            extract::extract(version, &mut claims, &lexicon);
            claims
        })
        .collect()
}

/// Run the whole pipeline on one story.
///
/// A story needs two or more outlets to be compared; with fewer it is an
/// [`InputError`].
pub fn analyze(story: &Story, config: &Config) -> Result<Report, InputError> {
    if story.versions.len() < 2 {
        let source = story
            .versions
            .first()
            .map_or(story.id.as_str(), |v| v.source.as_str());
        return Err(InputError::file(
            source,
            format!(
                "story \"{}\" has {} outlet version(s); comparing needs at least two",
                story.id,
                story.versions.len()
            ),
        ));
    }
    let claims = claims(story, config);
    let clusters = align::align(&claims, &config.align);
    Ok(compare::compare(story, claims, clusters, &config.compare()))
}
