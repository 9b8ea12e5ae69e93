//! The summary every report opens with: what an editor reads first about a
//! story, picked from the report once, for every format to lay out.
//!
//! Per story: the outlets' headlines and leads side by side, a one-line
//! coverage count, the core facts every outlet carries, the figure
//! conflicts with each outlet's value, each outlet's distinctive claims,
//! lead facts some outlets leave out, and framing differences on shared
//! claims. Each list is capped (see the constants), and second items are
//! dropped while the summary's Markdown is over its [`budget`], so that
//! the summary of a three-outlet story stays under 300 words; the details
//! follow it.

use crate::compare::{FindingKind, Severity};
use crate::compare::{Report, Status};
use crate::extract::framing::CueKind;
use crate::model::{Claim, ClaimRef, OutletId};

use super::label::Labels;

/// Core facts shown: the first two shared claims are the story's spine;
/// more repeat what the headlines and leads already say.
pub const SHARED_FACTS: usize = 2;

/// Distinctive claims shown per outlet: two give each outlet's angle without
/// turning the summary into the article.
pub const DISTINCTIVE_PER_OUTLET: usize = 2;

/// The most words the Markdown summary of three outlets may have, counted
/// as `wc -w` counts them (table pipes and list marks included), before it
/// drops second items ([`Summary::fit`]): under the 300 words an editor
/// reads in a minute or so, with room to spare. The caps above alone let 9
/// of the 41 three-outlet BASIL summaries run over 300 (up to 332).
pub const SUMMARY_WORDS: usize = 290;

/// Words the budget grows by for each outlet beyond three: a column of the
/// headline and lead rows (about 30 words) and two distinctive claims
/// (about 28).
pub const OUTLET_WORDS: usize = 60;

/// The word budget of a summary of `outlets` outlets: [`SUMMARY_WORDS`] for
/// three or fewer, [`OUTLET_WORDS`] more for each outlet beyond.
pub fn budget(outlets: usize) -> usize {
    SUMMARY_WORDS + OUTLET_WORDS * outlets.saturating_sub(3)
}

/// Omitted lead facts shown.
pub const OMITTED_FACTS: usize = 2;

/// Framing differences shown.
pub const FRAMING_DIFFERENCES: usize = 2;

/// Figure conflicts shown; the rest are in the details.
pub const FIGURE_CONFLICTS: usize = 5;

/// A claim counts as in the lead when it is among its outlet's first this
/// many body claims: news writing puts the main facts in the first
/// paragraph or two.
pub const LEAD_CLAIMS: usize = 3;

/// Claims shorter than this many words ("He declined.") are no one's angle.
const DISTINCTIVE_MIN_WORDS: usize = 6;

/// The longest a headline, lead or shared claim is in the summary, in
/// words: enough for who did what, where and when; the full text is in the
/// details.
pub const QUOTE_WORDS: usize = 16;

/// The longest a distinctive claim is in the summary, in words: shorter than
/// a lead, since there are two per outlet.
pub const DISTINCTIVE_WORDS: usize = 12;

/// Whether `claim` is shown in the headline and lead rows of `summary`,
/// and as which: "fox's lead".
pub fn shown_as(summary: &Summary, claim: &Claim) -> Option<String> {
    let line = summary.outlets.get(claim.outlet.0)?;
    if line.headline.is_some_and(|h| std::ptr::eq(h, claim)) {
        Some(format!("{}'s headline", line.name))
    } else if line.lead.is_some_and(|l| std::ptr::eq(l, claim)) {
        Some(format!("{}'s lead", line.name))
    } else {
        None
    }
}

/// What a summary says about one story.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary<'a> {
    /// The story's identifier.
    pub story: &'a str,
    /// Per outlet, in input order: its name, headline and lead.
    pub outlets: Vec<OutletLine<'a>>,
    /// The coverage counts.
    pub coverage: Coverage,
    /// Claims every outlet carries (or most outlets, when none is carried
    /// by all), with the outlets that leave them out.
    pub shared: Vec<(&'a Claim, Vec<OutletId>)>,
    /// Figure conflicts that are errors: the measure and each outlet's value.
    pub conflicts: Vec<Conflict<'a>>,
    /// Per outlet, in input order: the claims only it carries that matter most.
    pub distinctive: Vec<Vec<&'a Claim>>,
    /// Lead facts of some outlets that others leave out, other than the
    /// shared claims above.
    pub omitted: Vec<Omitted>,
    /// Framing differences on claims two or more outlets carry.
    pub framing: Vec<Framing<'a>>,
}

/// One outlet's line in the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletLine<'a> {
    /// The outlet's name.
    pub name: &'a str,
    /// Its headline, when it has one.
    pub headline: Option<&'a Claim>,
    /// Its first body claim.
    pub lead: Option<&'a Claim>,
}

impl OutletLine<'_> {
    /// Its headline (`headline`) or lead as the summary quotes it: cut to
    /// [`QUOTE_WORDS`], a lead without its dateline ("WASHINGTON —").
    pub fn quoted(&self, headline: bool) -> Option<String> {
        if headline {
            self.headline.map(|c| quote(&c.text))
        } else {
            self.lead.map(|c| quote(without_dateline(&c.text)))
        }
    }
}

/// The words a dateline may have before its dash: "LITTLE ROCK, Ark. (AP) —".
const DATELINE_WORDS: usize = 5;

/// `text` without a leading dateline: a place in capitals, maybe a state
/// and an agency, then a dash ("WASHINGTON —", "NEW YORK (Reuters) --",
/// "ATLANTA, Ga. –", "CARACAS, Dec. 1 —"). Text without one is returned as
/// it is.
pub fn without_dateline(text: &str) -> &str {
    let is_dash = |w: &str| !w.is_empty() && w.chars().all(|c| matches!(c, '-' | '–' | '—'));
    let capitals = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    let mut rest = text.trim_start();
    let mut first = true;
    for _ in 0..=DATELINE_WORDS {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        let after = rest[end..].trim_start();
        if is_dash(word) && !first {
            return if after.is_empty() { text } else { after };
        }
        // The first word is a place in capitals; later ones may be a state
        // ("Ark.", "Calif.,"), a date ("Dec. 1", "2024") or an agency in
        // brackets.
        let date = word.chars().all(|c| c.is_ascii_digit() || c == ',');
        let fits = capitals(word)
            || (!first
                && (date || word.ends_with('.') || word.ends_with(".,") || word.starts_with('(')));
        if !fits || after.is_empty() {
            return text;
        }
        rest = after;
        first = false;
    }
    text
}

/// How much of the story the outlets share, in clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// Outlets compared.
    pub outlets: usize,
    /// Clusters carried by every outlet.
    pub all: usize,
    /// Clusters carried by two or more outlets but not all.
    pub some: usize,
    /// Clusters carried by one outlet.
    pub one: usize,
    /// Findings by severity: error, warning, info.
    pub findings: [usize; 3],
}

/// A figure conflict: the measure in words, and what each outlet says.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict<'a> {
    /// The measure, in words.
    pub measure: String,
    /// The cluster it is in.
    pub cluster: &'a str,
    /// Each outlet that states a value, in outlet order, with the figure as written.
    pub values: Vec<(OutletId, &'a str)>,
}

/// A lead fact some outlets leave out.
#[derive(Debug, Clone, PartialEq)]
pub struct Omitted {
    /// The claim, as the first outlet carrying it words it.
    pub claim: ClaimRef,
    /// Who carries it.
    pub carried_by: Vec<OutletId>,
    /// Who leaves it out.
    pub missing: Vec<OutletId>,
}

/// A framing difference on a shared claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Framing<'a> {
    /// The kind of cue that differs.
    pub kind: CueKind,
    /// The outlet whose cue differs.
    pub outlet: OutletId,
    /// What it does and what the others do instead.
    pub text: &'a str,
    /// The cluster it is in.
    pub cluster: &'a str,
}

impl<'a> Summary<'a> {
    /// Pick the summary of `report`.
    pub fn new(report: &'a Report) -> Summary<'a> {
        let labels = Labels::new(report);
        let n = report.outlets.len();
        // How early a claim sits in its outlet's article, 0 (headline or
        // first claim) to 1 (last), so that outlets of different lengths compare.
        let rank = |r: ClaimRef| -> f64 {
            let len = report.claims[r.outlet.0].len().max(1);
            r.index as f64 / len as f64
        };
        let outlets = (0..n)
            .map(|o| OutletLine {
                name: &report.outlets[o].name,
                headline: report.claims[o].iter().find(|c| c.headline),
                lead: report.claims[o].iter().find(|c| !c.headline),
            })
            .collect::<Vec<_>>();
        let carried = |c: &crate::compare::ClusterReport| c.members.len();
        let mut coverage = Coverage {
            outlets: n,
            all: 0,
            some: 0,
            one: 0,
            findings: [
                report.count(Severity::Error),
                report.count(Severity::Warning),
                report.count(Severity::Info),
            ],
        };
        for c in &report.clusters {
            match carried(c) {
                1 => coverage.one += 1,
                k if k == n => coverage.all += 1,
                _ => coverage.some += 1,
            }
        }
        let shown_leads: Vec<ClaimRef> = report
            .clusters
            .iter()
            .flat_map(|c| &c.members)
            .map(|m| m.claim)
            .filter(|r| {
                let claim = report.claim(*r);
                outlets[r.outlet.0]
                    .headline
                    .is_some_and(|h| std::ptr::eq(h, claim))
                    || outlets[r.outlet.0]
                        .lead
                        .is_some_and(|l| std::ptr::eq(l, claim))
            })
            .collect();
        let is_headline_or_lead = |c: &crate::compare::ClusterReport| {
            c.members.iter().any(|m| shown_leads.contains(&m.claim))
        };

        // Shared core facts: carried by the most outlets, earliest first,
        // leaving out those the headlines and leads already show.
        let most = report
            .clusters
            .iter()
            .map(carried)
            .filter(|&k| k >= 2)
            .max()
            .unwrap_or(0);
        let mut shared: Vec<(f64, &crate::compare::ClusterReport)> = report
            .clusters
            .iter()
            .filter(|c| most >= 2 && carried(c) == most && !is_headline_or_lead(c))
            .map(|c| (mean_rank(c, &rank), c))
            .collect();
        shared.sort_by(|a, b| a.0.total_cmp(&b.0));
        let shared: Vec<&crate::compare::ClusterReport> = shared
            .into_iter()
            .take(SHARED_FACTS)
            .map(|(_, c)| c)
            .collect();

        let error_clusters: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.kind == FindingKind::FigureConflict)
            .map(|f| f.cluster.as_str())
            .collect();
        let conflicts = report
            .clusters
            .iter()
            .filter(|c| error_clusters.contains(&c.id.as_str()))
            .flat_map(|c| {
                c.figures
                    .iter()
                    .filter(|f| f.verdict == crate::compare::figures::Verdict::Conflict)
                    .map(move |f| (c, f))
            })
            .take(FIGURE_CONFLICTS)
            .map(|(c, f)| Conflict {
                measure: labels.measure(&f.measure),
                cluster: &c.id,
                values: f
                    .values
                    .iter()
                    .map(|v| (v.claim.outlet, v.figure.text.as_str()))
                    .collect(),
            })
            .collect();

        let mut distinctive: Vec<Vec<(f64, &Claim)>> = vec![Vec::new(); n];
        for c in report
            .clusters
            .iter()
            .filter(|c| c.status == Status::Unique)
        {
            let r = c.members[0].claim;
            let claim = report.claim(r);
            if claim.headline
                || shown_leads.contains(&r)
                || claim.text.split_whitespace().count() < DISTINCTIVE_MIN_WORDS
            {
                continue;
            }
            distinctive[r.outlet.0].push((weight(claim) - rank(r), claim));
        }
        let distinctive = distinctive
            .into_iter()
            .map(|mut claims| {
                // Highest weight first; ties keep article order (stable sort).
                claims.sort_by(|a, b| b.0.total_cmp(&a.0));
                claims
                    .into_iter()
                    .take(DISTINCTIVE_PER_OUTLET)
                    .map(|(_, c)| c)
                    .collect()
            })
            .collect();

        let omitted = report
            .clusters
            .iter()
            .filter(|c| c.members.len() >= 2 && !c.missing.is_empty())
            .filter(|c| !shared.iter().any(|s| std::ptr::eq(*s, *c)))
            .filter(|c| {
                c.members.iter().any(|m| {
                    let claim = report.claim(m.claim);
                    !claim.headline && body_index(report, m.claim) < LEAD_CLAIMS
                })
            })
            .take(OMITTED_FACTS)
            .map(|c| Omitted {
                claim: c.members[0].claim,
                carried_by: c.members.iter().map(|m| m.claim.outlet).collect(),
                missing: c.missing.clone(),
            })
            .collect();

        let mut framing: Vec<Framing> = report
            .clusters
            .iter()
            .filter(|c| c.members.len() >= 2)
            .flat_map(|c| {
                c.framing.iter().map(move |d| Framing {
                    kind: d.kind,
                    outlet: d.claim.outlet,
                    text: &d.text,
                    cluster: &c.id,
                })
            })
            .collect();
        // Word choice first: a loaded term or scare quotes change what the
        // claim says more than a different verb of attribution does.
        framing.sort_by_key(|f| framing_order(f.kind));
        framing.truncate(FRAMING_DIFFERENCES);

        let shared = shared
            .into_iter()
            .map(|c| (report.claim(c.members[0].claim), c.missing.clone()))
            .collect();
        let mut summary = Summary {
            story: &report.story,
            outlets,
            coverage,
            shared,
            conflicts,
            distinctive,
            omitted,
            framing,
        };
        summary.fit(report, budget(n));
        summary
    }

    /// Drop second items, least telling first, while its Markdown is over
    /// `budget` words ([`super::markdown::summary_words`]): the second
    /// framing difference, the second omitted lead fact, the second shared
    /// fact, then outlets' second distinctive claims, last outlet first.
    /// Every part keeps its first item, so a summary may stay over the
    /// budget when even that is too much.
    fn fit(&mut self, report: &Report, budget: usize) {
        while super::markdown::summary_words(report, self) > budget {
            if self.framing.len() > 1 {
                self.framing.pop();
            } else if self.omitted.len() > 1 {
                self.omitted.pop();
            } else if self.shared.len() > 1 {
                self.shared.pop();
            } else if let Some(claims) = self.distinctive.iter_mut().rev().find(|d| d.len() > 1) {
                claims.pop();
            } else {
                return;
            }
        }
    }

    /// The coverage line: "3 outlets; claims shared by all 5, by some 4,
    /// by one 40; 1 error, 6 warnings".
    pub fn coverage_line(&self) -> String {
        use super::label::plural;
        let c = &self.coverage;
        let mut line = format!(
            "{}; claims shared by all {}, by some {}, by one {}; {}, {}",
            plural(c.outlets, "outlet", "outlets"),
            c.all,
            c.some,
            c.one,
            plural(c.findings[0], "error", "errors"),
            plural(c.findings[1], "warning", "warnings"),
        );
        if c.findings[2] > 0 {
            line.push_str(&format!(", {} info", c.findings[2]));
        }
        line
    }
}

/// Which framing differences the summary shows first.
fn framing_order(kind: CueKind) -> u8 {
    match kind {
        CueKind::LoadedTerm => 0,
        CueKind::ScareQuote => 1,
        CueKind::Hedge => 2,
        CueKind::Quote => 3,
        CueKind::Attribution => 4,
    }
}

/// The mean rank of a cluster's members.
fn mean_rank(c: &crate::compare::ClusterReport, rank: &impl Fn(ClaimRef) -> f64) -> f64 {
    c.members.iter().map(|m| rank(m.claim)).sum::<f64>() / c.members.len().max(1) as f64
}

/// How much a distinctive claim matters, before its position counts: a
/// figure is a checkable fact (1), a named source or a quote is reporting
/// of one's own (0.5). Position then takes up to 1 off.
fn weight(claim: &Claim) -> f64 {
    let figures = if claim.figures.is_empty() { 0.0 } else { 1.0 };
    let sourced = claim.cues.iter().any(|c| {
        c.kind == CueKind::Quote || (c.kind == CueKind::Attribution && c.named == Some(true))
    });
    figures + if sourced { 0.5 } else { 0.0 }
}

/// A claim's index among its outlet's body claims (headline left out).
fn body_index(report: &Report, r: ClaimRef) -> usize {
    report.claims[r.outlet.0][..r.index]
        .iter()
        .filter(|c| !c.headline)
        .count()
}

/// `text` cut to [`QUOTE_WORDS`] words, with an ellipsis when cut.
pub fn quote(text: &str) -> String {
    quote_words(text, QUOTE_WORDS)
}

/// `text` cut to `limit` words, with an ellipsis when cut.
pub fn quote_words(text: &str, limit: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= limit {
        return text.to_string();
    }
    format!("{} …", words[..limit].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_loses_its_dateline_and_nothing_else() {
        assert_eq!(
            without_dateline("WASHINGTON — The Treasury said."),
            "The Treasury said."
        );
        assert_eq!(
            without_dateline("LITTLE ROCK, Ark. (AP) -- Voters went."),
            "Voters went."
        );
        assert_eq!(without_dateline("ATLANTA, Ga. – Rain fell."), "Rain fell.");
        assert_eq!(
            without_dateline("CARACAS, Dec. 1 — Venezuelan President Nicolás Maduro"),
            "Venezuelan President Nicolás Maduro"
        );
        assert_eq!(
            without_dateline("WASHINGTON –- The Treasury"),
            "The Treasury"
        );
        for kept in [
            "The US - and its allies - agreed.",
            "WASHINGTON",
            "Washington — a city.",
            "FBI agents said on Monday that the A B C D E F — was",
        ] {
            assert_eq!(without_dateline(kept), kept);
        }
    }
}
