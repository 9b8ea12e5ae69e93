//! storydiff: a comparative coverage diff for news.
//!
//! Given several outlets' versions of one story, storydiff splits each into
//! claims, aligns the claims across outlets by fuzzy matching, and reports
//! which facts, figures and framings agree, differ, or are missing where.
//!
//! The pipeline is a chain of pure stages, one module each, with the types
//! they pass in [`model`] and the text primitives they share in [`text`]:
//!
//! ```text
//! load ──► segment ──► extract ──► align ──► compare ──► render
//! Story    Segments    Claims      Clusters  Report      table | json | markdown | html
//! ```
//!
//! [`Analyzer`] runs segment to compare for one configuration; [`check::run`]
//! is `storydiff check` over a corpus.
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
//!     skipped: Vec::new(),
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
pub mod text;

pub use compare::Report;
pub use config::Config;
pub use error::{ErrorKind, InputError};
pub use model::{Claim, Story, Version};

use std::sync::{Arc, OnceLock};

use extract::framing::Lexicon;
use model::{Outlet, OutletId, Skip};

/// The pipeline, set up once for a configuration: a corpus run builds the
/// lexicons once, and a bad configured word in them is an error before the
/// first story. The built-in lexicons alone cannot fail, and are built when
/// first needed: `storydiff figures` never reads framing cues.
#[derive(Debug, Clone)]
pub struct Analyzer {
    config: Config,
    lexicon: OnceLock<Arc<Lexicon>>,
}

impl Analyzer {
    /// Set the pipeline up for `config`. Fails (an [`ErrorKind::Config`]
    /// error) when the configured lexicon words cannot be matched.
    pub fn new(config: &Config) -> Result<Analyzer, InputError> {
        let lexicon = OnceLock::new();
        if config.framing != extract::framing::FramingConfig::default() {
            let built = Lexicon::shared(&config.framing).map_err(|e| {
                InputError::file("configuration", format!("bad [framing] words: {e}"))
                    .of_kind(ErrorKind::Config)
            })?;
            lexicon.get_or_init(|| built);
        }
        Ok(Analyzer {
            config: config.clone(),
            lexicon,
        })
    }

    /// The framing lexicons, built on first use when the configuration adds
    /// nothing to them (and then they cannot fail to build).
    fn lexicon(&self) -> &Lexicon {
        self.lexicon.get_or_init(|| {
            Lexicon::shared(&self.config.framing).expect("the built-in lexicons build")
        })
    }

    /// The configuration it was set up for.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Every version's claims, segmented and with their features extracted:
    /// `claims[outlet][index]`.
    pub fn claims(&self, story: &Story) -> Vec<Vec<Claim>> {
        self.claims_and_skipped(story).0
    }

    /// [`Analyzer::claims`], and per version what reaches no claim (see
    /// [`model::skip::account`]): `skipped[outlet]`, sorted by position.
    pub fn claims_and_skipped(&self, story: &Story) -> (Vec<Vec<Claim>>, Vec<Vec<Skip>>) {
        story
            .versions
            .iter()
            .enumerate()
            .map(|(o, version)| {
                let (segments, dropped) = segment::segment_reporting(version, OutletId(o));
                let claims = extract::extract(version, segments, self.lexicon());
                let skipped = model::skip::account(version, &claims, dropped);
                (claims, skipped)
            })
            .unzip()
    }

    /// Every version's claims with their figures only, no framing cues:
    /// what `storydiff figures` shows, at the cost of segmenting and
    /// reading figures. `claims[outlet][index]`, as [`Analyzer::claims`].
    pub fn figures(&self, story: &Story) -> Vec<Vec<Claim>> {
        story
            .versions
            .iter()
            .enumerate()
            .map(|(o, version)| {
                let segments = segment::segment(version, OutletId(o));
                extract::figures::claims_with_figures(version, segments)
            })
            .collect()
    }

    /// Run the whole pipeline on one story.
    ///
    /// A story needs two or more outlets to be compared; with fewer it is an
    /// [`ErrorKind::TooFewOutlets`] error. A reference outlet
    /// (`[compare] reference`) the story does not have is an
    /// [`ErrorKind::Config`] error.
    pub fn analyze(&self, story: &Story) -> Result<Report, InputError> {
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
            )
            .of_kind(ErrorKind::TooFewOutlets));
        }
        let config = self.config.compare(story)?;
        let (claims, skipped) = self.claims_and_skipped(story);
        let clusters = align::align(&claims, &self.config.align);
        // compare sees the story only as its id and outlets, not its text.
        let outlets: Vec<Outlet> = story.versions.iter().map(Outlet::of).collect();
        let mut report = compare::compare(&story.id, &outlets, claims, clusters, &config);
        for (outlet, skipped) in report.outlets.iter_mut().zip(skipped) {
            outlet.skipped = skipped;
        }
        Ok(report)
    }
}

/// Every version's claims, segmented and with their features extracted:
/// `claims[outlet][index]`. See [`Analyzer::claims`].
pub fn claims(story: &Story, config: &Config) -> Result<Vec<Vec<Claim>>, InputError> {
    Ok(Analyzer::new(config)?.claims(story))
}

/// Run the whole pipeline on one story. See [`Analyzer::analyze`].
pub fn analyze(story: &Story, config: &Config) -> Result<Report, InputError> {
    Analyzer::new(config)?.analyze(story)
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Layout, Position};

    fn story(texts: &[String]) -> Story {
        let versions = texts
            .iter()
            .enumerate()
            .map(|(o, text)| load::text::parse(text, &format!("{o}.txt"), &format!("o{o}")))
            .collect();
        Story {
            id: "s".into(),
            versions,
        }
    }

    /// "Costs were $1 $2 … $n."
    fn costs(from: usize, n: usize) -> String {
        let figures: Vec<String> = (from..from + n).map(|k| format!("${k}")).collect();
        format!("Costs\n\nCosts were {}.\n", figures.join(" "))
    }

    /// The work (in `model::cost` steps) of comparing `story`.
    fn work(story: &Story) -> (u64, Report) {
        let analyzer = Analyzer::new(&Config::default()).unwrap();
        model::cost::take();
        let report = analyzer.analyze(story).unwrap();
        (model::cost::take(), report)
    }

    /// "Costs were $1 $2 … $300." against "Costs rose sharply." took
    /// seconds: each figure's position was counted from its claim's start,
    /// and each figure's clause and group searched among all the others.
    /// Ten times the figures must now cost about ten times the work, not a
    /// hundred; so must a claim of that many figures in each outlet, whose
    /// figures are too many to compare, which the report says.
    #[test]
    fn a_claim_of_300_figures_costs_work_in_proportion_to_its_length() {
        let against_none = |n| story(&[costs(1, n), "Costs\n\nCosts rose sharply.\n".into()]);
        let (small, _) = work(&against_none(300));
        let (large, _) = work(&against_none(3_000));
        assert!(small > 0);
        assert!(
            large <= 15 * small,
            "300 figures: {small} steps, 3,000: {large}"
        );
        let in_each = |n| story(&[costs(1, n), costs(1, n)]);
        let (small, report) = work(&in_each(300));
        let (large, _) = work(&in_each(3_000));
        assert!(
            large <= 15 * small,
            "300 figures: {small} steps, 3,000: {large}"
        );
        let not_compared: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.kind == model::FindingKind::FiguresNotCompared)
            .collect();
        assert_eq!(not_compared.len(), 2, "{:?}", report.findings);
        assert!(not_compared[0].message.contains("300 figures"));
    }

    #[test]
    fn a_story_of_one_outlet_is_a_too_few_outlets_error() {
        let story = Story {
            id: "s".into(),
            versions: vec![Version {
                outlet: "a".into(),
                source: "a.txt".into(),
                title: None,
                published: None,
                url: None,
                body: "One claim.".into(),
                title_at: Position::START,
                body_at: Position::START,
                layout: Layout::Verbatim,
                skipped: Vec::new(),
            }],
        };
        let error = analyze(&story, &Config::default()).unwrap_err();
        assert_eq!(error.kind, ErrorKind::TooFewOutlets);
        assert_eq!(error.source_name, "a.txt");
    }
}
