//! Figure verdicts: figures of one measure within a cluster compared as intervals.
//!
//! Within one cluster, figures of the same kind and measure (and, for money,
//! currency) are grouped across outlets, one figure per outlet per group,
//! and only when they speak of the same subject, period, part and whole. Each group gets the worst
//! verdict over its pairs of figures: `agree`, `compatible` or `conflict`.
//! The rules and their reasons are in `docs/figures.md`.

mod identity;
mod pairing;
mod position;
mod scope;
mod verdict;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::extract::figures::{Figure, FigureKind};
use crate::model::{Claim, ClaimRef, Position};

pub use identity::{
    ANCHOR_WORDS, CLAIM_SHARED_MIN, CLAUSE_SHARED_MIN, GENERIC_CONTEXT_MIN, GENERIC_MEASURES,
    INCREMENT_WORDS, LIST_MIN, MAGNITUDE_GAP, PART_MARKERS, WEAK_NOUN_KINDS,
};
use identity::{Entry, comparable, entry, group_key, not_different, overlap, view};
pub use pairing::{CLAUSE_SHARED_SURE, Doubt, Judgement, Pairing};
pub use scope::{
    AVERAGE_WORDS, CALENDAR_PHRASES, ESTIMATE_WORDS, PART_PHRASES, PERIOD_PHRASES, SPAN_WORDS,
};
pub use verdict::{DURATION_SLACK, compare, percent_tolerance, rounding_tolerance};

/// How the figures of one measure relate across outlets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The same value within rounding.
    Agree,
    /// Different statements whose intervals overlap: "more than 20" and "21".
    Compatible,
    /// Disjoint intervals: "12,000" and "15,000".
    Conflict,
}

/// One outlet's figure for a measure.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureValue {
    /// Which claim the figure is in.
    pub claim: ClaimRef,
    /// Where the figure is in the source. `compare_cluster` sees claims
    /// only and sets the claim's position; the compare stage, which has the
    /// versions, narrows it to the figure's own line and column.
    pub at: Position,
    /// The figure.
    pub figure: Figure,
}

/// The figures of one measure in one cluster, and the verdict on them.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureComparison {
    /// The thing counted.
    pub measure: String,
    /// How the values relate.
    pub verdict: Verdict,
    /// Whether two of the figures that give the verdict state the same
    /// quantity with confidence (see [`Judgement::sure`]). A conflict is an
    /// error only when confident, a warning otherwise.
    pub confident: bool,
    /// Why the figures that give the verdict were paired, and what makes
    /// the pairing doubtful when it is not sure: the best judgement over
    /// the pairs that give the verdict.
    pub judgement: Judgement,
    /// One value per outlet that states one, in outlet order.
    pub values: Vec<FigureValue>,
}

/// Numbers at or above this, written with trailing zeros, are taken as
/// rounded: "15,000" may stand for anything that rounds to it. Below it
/// counts are usually exact ("21 killed" and "20 killed" disagree).
pub const ROUNDING_MIN: f64 = 1000.0;

/// The rounding band of a round number never exceeds this share of it:
/// "20,000" is read as 19,000–21,000, not as everything that rounds to one
/// significant digit (15,000–25,000), which would hide real disagreements.
pub const ROUNDING_MAX_SHARE: f64 = 0.05;

/// Two figures whose subjects differ ("the US" and "Venezuela") are still
/// compared when at least this share of the content words around them is
/// shared: outlets name one subject differently ("the US", "Washington").
pub const SUBJECT_OVERRIDE_OVERLAP: f64 = 0.34;

/// The most figures a claim may give (of the kinds that are compared) for
/// them to be compared with the other members of its cluster. News claims
/// give a handful; comparing figures costs up to the square of their
/// number, and a claim that lists hundreds ("Costs were $1 $2 … $300", a
/// table pasted as one sentence) would cost seconds. Its figures stay in
/// the claim and the story's figure table; the compare stage reports that
/// they were not compared (`figures-not-compared`).
pub const MAX_FIGURES_PER_CLAIM: usize = 64;

/// Figures by key: (member, figure) indexes.
type Keyed = BTreeMap<(FigureKind, String), Vec<(usize, usize)>>;

/// Which of `members`' figures may be compared, by key: those of members
/// with at most [`MAX_FIGURES_PER_CLAIM`] keyed figures, of keys that two
/// or more outlets give, as (member, figure) indexes into `ordered`. And
/// the members over the limit, with their count.
fn keyed(ordered: &[&(ClaimRef, &Claim)]) -> (Keyed, Vec<(usize, usize)>) {
    let mut keys = Keyed::new();
    let mut crowded = Vec::new();
    for (m, (_, claim)) in ordered.iter().enumerate() {
        let mine: Vec<_> = claim
            .figures
            .iter()
            .enumerate()
            .filter_map(|(n, figure)| Some((group_key(figure)?, n)))
            .collect();
        if mine.len() > MAX_FIGURES_PER_CLAIM {
            crowded.push((m, mine.len()));
            continue;
        }
        for (k, n) in mine {
            keys.entry(k).or_default().push((m, n));
        }
    }
    // A key that one outlet alone gives has nothing to be compared with:
    // its figures get no entry (an entry reads its figure's clause).
    keys.retain(|_, figures| {
        let outlet = |&(m, _): &(usize, usize)| ordered[m].0.outlet;
        figures.iter().any(|f| outlet(f) != outlet(&figures[0]))
    });
    (keys, crowded)
}

/// The members of a cluster whose figures are not compared because their
/// claim gives more than [`MAX_FIGURES_PER_CLAIM`] of them, with how many,
/// when a member of another outlet gives a figure that could have been
/// compared with them.
pub fn crowded(members: &[(ClaimRef, &Claim)]) -> Vec<(ClaimRef, usize)> {
    if members.len() < 2 {
        return Vec::new();
    }
    let mut ordered: Vec<&(ClaimRef, &Claim)> = members.iter().collect();
    ordered.sort_by_key(|(r, _)| *r);
    let (_, crowded) = keyed(&ordered);
    crowded
        .into_iter()
        .filter(|&(m, _)| {
            let (me, _) = ordered[m];
            ordered.iter().any(|(other, claim)| {
                other.outlet != me.outlet && claim.figures.iter().any(|f| group_key(f).is_some())
            })
        })
        .map(|(m, count)| (ordered[m].0, count))
        .collect()
}

/// The group a figure fits best: among the groups without its outlet whose
/// figures it may be compared with (see [`comparable`]) and whose first
/// figure it relates to no worse than `worst`, the one it agrees with best,
/// then the one whose words it shares most, then the first ("to 5.2% from
/// 4.8%" and "from 4.8% to 5.2%" pair 5.2 with 5.2). Empty groups (left
/// by figures that moved) are passed over.
fn best_group(groups: &[Vec<Entry>], e: &Entry, worst: Verdict) -> Option<usize> {
    groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            #[cfg(test)]
            crate::model::cost::step();
            !g.is_empty()
        })
        .filter(|(_, g)| g.iter().all(|m| m.claim.outlet != e.claim.outlet))
        // one member it may be compared with, and none it surely differs
        // from: in a cluster of three, the third outlet's figure may be
        // anchored to one of the two others only
        .filter(|(_, g)| {
            g.iter().any(|m| comparable(m, e)) && g.iter().all(|m| not_different(m, e))
        })
        .map(|(n, g)| {
            let verdict = compare(g[0].figure, e.figure);
            (n, verdict, overlap(&g[0].context, &e.context))
        })
        .filter(|&(_, verdict, _)| verdict <= worst)
        .fold(
            None,
            |best: Option<(usize, Verdict, f64)>, (n, v, score)| match best {
                Some((_, bv, bs)) if (bv, -bs) <= (v, -score) => best,
                _ => Some((n, v, score)),
            },
        )
        .map(|(n, _, _)| n)
}

/// How far apart two figures' values are, as the distance of their
/// logarithms; zero when either has no single value (dates, ranges).
fn distance(a: &Figure, b: &Figure) -> f64 {
    let value = |f: &Figure| f.value.or_else(|| f.low.as_ref().and_then(|e| e.number()));
    match (value(a), value(b)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => (x / y).ln().abs(),
        _ => 0.0,
    }
}

/// How well figure `e` fits `group`, for ordering candidate pairings:
/// whether it shares a member's measure, how strongly it is anchored to a
/// member (see [`identity::anchored`]), and how many words it shares with
/// the group's first figure.
fn fit(group: &[Entry], e: &Entry) -> (bool, identity::Anchor, f64) {
    let same = group
        .iter()
        .any(|m| m.figure.measure.is_some() && m.figure.measure == e.figure.measure);
    let anchor = group
        .iter()
        .map(|m| identity::anchored(m, e))
        .max()
        .unwrap_or(identity::Anchor::None);
    (same, anchor, overlap(&group[0].context, &e.context))
}

/// Whether figure `e` may join `group`: no figure of its outlet there, one
/// member it may be compared with (see [`comparable`]) and none it surely
/// differs from (in a cluster of three, the third outlet's figure may be
/// anchored to one of the two others only), and a relation to the group's
/// first figure no worse than `worst`.
fn may_join(group: &[Entry], e: &Entry, worst: Verdict) -> bool {
    group.iter().all(|m| m.claim.outlet != e.claim.outlet)
        && group.iter().any(|m| comparable(m, e))
        && group.iter().all(|m| not_different(m, e))
        && compare(group[0].figure, e.figure) <= worst
}

/// Move figures that stand alone in their group into the group they fit
/// best, relating to its first figure no worse than `worst`. The best
/// pairings over all lone figures go first (better verdict, then a shared
/// measure, a stronger anchor, the nearer value, more shared words), so
/// that of two figures that could pair with one, the one that fits it best
/// does: "with 25 Republicans joining" rather than "the 60-vote hurdle"
/// goes with "17 Republicans joining", and "150 detainees will be released
/// in exchange" with "exchange 200 prisoners", not with "the two sides".
///
/// `states(claim, figure)` tells whether `claim` gives a figure of the same
/// kind and value as `figure` anywhere, under any measure. A lone figure
/// is not set against a group in conflict when its own claim also gives
/// the group's value, or a member's claim gives its value: the two outlets
/// state the same number, read under different measures ("six arrests
/// Wednesday, compared to 47 the previous night" against "made 47 arrests
/// overnight"), and the lone figure is about something else.
fn place_singletons(
    groups: &mut Vec<Vec<Entry>>,
    worst: Verdict,
    states: &dyn Fn(ClaimRef, &Figure) -> bool,
) {
    type Key = (
        Verdict,
        std::cmp::Reverse<(bool, identity::Anchor)>,
        f64,
        f64,
    );
    let mut candidates: Vec<(Key, usize, usize)> = Vec::new();
    for (s, single) in groups.iter().enumerate().filter(|(_, g)| g.len() == 1) {
        let e = &single[0];
        for (g, group) in groups.iter().enumerate() {
            #[cfg(test)]
            crate::model::cost::step();
            let stated_elsewhere = || {
                worst == Verdict::Conflict
                    && (states(e.claim, group[0].figure)
                        || group.iter().any(|m| states(m.claim, e.figure)))
            };
            if g != s && may_join(group, e, worst) && !stated_elsewhere() {
                let (same, anchor, shared) = fit(group, e);
                let verdict = compare(group[0].figure, e.figure);
                let apart = distance(group[0].figure, e.figure);
                let key = (verdict, std::cmp::Reverse((same, anchor)), apart, -shared);
                candidates.push((key, s, g));
            }
        }
    }
    candidates.sort_by(|a, b| {
        (a.0.0, a.0.1)
            .cmp(&(b.0.0, b.0.1))
            .then(a.0.2.total_cmp(&b.0.2))
            .then(a.0.3.total_cmp(&b.0.3))
            .then((a.1, a.2).cmp(&(b.1, b.2)))
    });
    // a lone figure that moved is no target; one that took a figure in
    // stays where it is
    let mut moved = vec![false; groups.len()];
    let mut grown = vec![false; groups.len()];
    for (_, s, g) in candidates {
        if moved[s] || grown[s] || moved[g] || groups[s].len() != 1 {
            continue;
        }
        if !may_join(&groups[g], &groups[s][0], worst) {
            continue;
        }
        let e = groups[s].pop().expect("a group of one");
        groups[g].push(e);
        groups[g].sort_by_key(|e| (e.claim, e.figure.span.start));
        moved[s] = true;
        grown[g] = true;
    }
    groups.retain(|g| !g.is_empty());
}

/// Join groups of two or more figures that relate no worse than `worst`:
/// outlets split on a number ("200 homes" in two outlets, "300 homes" in
/// two others; a wire story that three of twenty outlets corrected) are one
/// comparison, in conflict, and not two agreements. A group joins another
/// when the two have no outlet in common and each of its figures may join
/// the other (see [`may_join`]) and is not stated elsewhere under another
/// measure (see [`place_singletons`]). Groups of one were placed before; in
/// a cluster of three outlets or fewer no two groups of two or more are
/// without a common outlet, so this never applies there.
fn merge_groups(
    groups: &mut Vec<Vec<Entry>>,
    worst: Verdict,
    states: &dyn Fn(ClaimRef, &Figure) -> bool,
) {
    for target in 0..groups.len() {
        for from in target + 1..groups.len() {
            let (head, tail) = groups.split_at_mut(from);
            let (into, group) = (&head[target], &tail[0]);
            if into.len() < 2 || group.len() < 2 {
                continue;
            }
            let joins = group.iter().all(|e| {
                may_join(into, e, worst)
                    && !(worst == Verdict::Conflict
                        && (states(e.claim, into[0].figure)
                            || into.iter().any(|m| states(m.claim, e.figure))))
            });
            if joins {
                let moved = std::mem::take(&mut tail[0]);
                head[target].extend(moved);
                head[target].sort_by_key(|e| (e.claim, e.figure.span.start));
            }
        }
    }
    groups.retain(|g| !g.is_empty());
}

/// The measure a group of figures is reported under: the first that says
/// what is counted (see [`GENERIC_MEASURES`]), else the first.
fn measure_of(group: &[Entry]) -> String {
    let measures = || group.iter().filter_map(|e| e.figure.measure.as_deref());
    measures()
        .find(|m| !GENERIC_MEASURES.contains(m))
        .or_else(|| measures().next())
        .map_or_else(|| kind_name(group[0].figure.kind), str::to_string)
}

/// A kind's name as in the JSON output: what a figure without a measure
/// is reported under.
fn kind_name(kind: FigureKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Compare the figures of the members of one cluster, measure by measure.
pub fn compare_cluster(members: &[(ClaimRef, &Claim)]) -> Vec<FigureComparison> {
    // One claim has no other outlet's figures to be compared with.
    if members.len() < 2 {
        return Vec::new();
    }
    let mut ordered: Vec<&(ClaimRef, &Claim)> = members.iter().collect();
    ordered.sort_by_key(|(r, _)| *r);
    let (keys, _) = keyed(&ordered);
    let mut needed = vec![false; ordered.len()];
    for &(m, _) in keys.values().flatten() {
        needed[m] = true;
    }
    let views: Vec<_> = ordered
        .iter()
        .zip(needed)
        .map(|((_, claim), needed)| needed.then(|| view(claim)))
        .collect();
    let by_key: BTreeMap<(FigureKind, String), Vec<Entry>> = keys
        .into_iter()
        .map(|(k, figures)| {
            let entries = figures
                .into_iter()
                .filter_map(|(m, n)| Some(entry(ordered[m].0, views[m].as_ref()?, n)))
                .collect();
            (k, entries)
        })
        .collect();
    // First every figure joins a group it agrees with, or starts one; then
    // figures left alone are paired by where they stand between agreed
    // figures; then each figure still alone joins a group it is compatible
    // with; then one it conflicts with. Pairing agreement first keeps a
    // second value of one outlet from being set against a value another
    // outlet also gives ("$974 billion over five years or $1.2 trillion over
    // eight years" against "$1.2 trillion over eight years").
    let mut keyed: Vec<Vec<Vec<Entry>>> = by_key
        .into_values()
        .map(|entries| {
            let mut groups: Vec<Vec<Entry>> = Vec::new();
            for e in entries {
                match best_group(&groups, &e, Verdict::Agree) {
                    Some(n) => groups[n].push(e),
                    None => groups.push(vec![e]),
                }
            }
            groups
        })
        .collect();
    position::pair_by_position(&mut keyed);
    let states = |claim: ClaimRef, figure: &Figure| {
        ordered.iter().any(|(r, c)| {
            *r == claim
                && c.figures
                    .iter()
                    .any(|f| f.kind == figure.kind && compare(f, figure) == Verdict::Agree)
        })
    };
    let mut comparisons = Vec::new();
    for mut groups in keyed {
        for worst in [Verdict::Compatible, Verdict::Conflict] {
            place_singletons(&mut groups, worst, &states);
            merge_groups(&mut groups, worst, &states);
        }
        for group in groups.into_iter().filter(|g| g.len() >= 2) {
            // the group's verdict is its worst pair's; its judgement the best
            // over the pairs that give that verdict
            let mut verdict = Verdict::Agree;
            let mut best: Option<Judgement> = None;
            for (n, a) in group.iter().enumerate() {
                for b in &group[n + 1..] {
                    let pair = compare(a.figure, b.figure);
                    let judgement = pairing::judge(a, b);
                    let better = |old: &Judgement| {
                        (
                            judgement.doubt.is_none(),
                            std::cmp::Reverse(judgement.pairing),
                        ) > (old.doubt.is_none(), std::cmp::Reverse(old.pairing))
                    };
                    if pair > verdict || best.is_none() {
                        verdict = verdict.max(pair);
                        best = Some(judgement);
                    } else if pair == verdict && best.as_ref().is_some_and(better) {
                        best = Some(judgement);
                    }
                }
            }
            let judgement = best.expect("a group of two or more has a pair");
            comparisons.push(FigureComparison {
                measure: measure_of(&group),
                verdict,
                confident: judgement.sure(),
                judgement,
                values: group
                    .into_iter()
                    .map(|e| FigureValue {
                        claim: e.claim,
                        at: e.at,
                        figure: e.figure.clone(),
                    })
                    .collect(),
            });
        }
    }
    comparisons.sort_by(|a, b| {
        let first = |c: &FigureComparison| c.values.first().map(|v| (v.claim, v.figure.span.start));
        a.measure.cmp(&b.measure).then(first(a).cmp(&first(b)))
    });
    comparisons
}

/// One row of the story-level figure table: what each outlet says about one
/// measure anywhere in its version.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureRow {
    /// The thing counted.
    pub measure: String,
    /// Per outlet (indexed by `OutletId`), the figures as written, in
    /// order of appearance, each once.
    pub by_outlet: Vec<Vec<String>>,
    /// How many cluster comparisons of this measure agree, are compatible,
    /// or conflict.
    pub verdicts: [usize; 3],
}

/// The story-level figure table: every measure that two or more outlets give
/// a figure for, sorted by measure. Dates and durations are rows too, under
/// their measure.
pub fn measure_table(claims: &[Vec<Claim>], comparisons: &[&FigureComparison]) -> Vec<MeasureRow> {
    let mut rows: std::collections::BTreeMap<&str, Vec<Vec<String>>> =
        std::collections::BTreeMap::new();
    // Each outlet's figures of a measure, each once: the texts seen, so
    // that 3,000 figures of one measure cost 3,000 lookups, not 3,000².
    let mut seen: std::collections::HashSet<(usize, &str, &str)> = std::collections::HashSet::new();
    for (outlet, list) in claims.iter().enumerate() {
        for figure in list.iter().flat_map(|c| &c.figures) {
            let Some(measure) = figure.measure.as_deref() else {
                continue;
            };
            let row = rows
                .entry(measure)
                .or_insert_with(|| vec![Vec::new(); claims.len()]);
            if seen.insert((outlet, measure, figure.text.as_str())) {
                row[outlet].push(figure.text.clone());
            }
        }
    }
    let mut counts: std::collections::HashMap<&str, [usize; 3]> = std::collections::HashMap::new();
    for c in comparisons {
        counts.entry(c.measure.as_str()).or_default()[c.verdict as usize] += 1;
    }
    rows.into_iter()
        .filter(|(_, by_outlet)| by_outlet.iter().filter(|v| !v.is_empty()).count() >= 2)
        .map(|(measure, by_outlet)| {
            let verdicts = counts.get(measure).copied().unwrap_or([0; 3]);
            MeasureRow {
                measure: measure.to_string(),
                by_outlet,
                verdicts,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
