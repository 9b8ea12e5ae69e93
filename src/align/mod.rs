//! Align stage: claims that say the same thing across outlets become clusters.
//!
//! See `docs/alignment.md` for the method. In short: every claim becomes a
//! set of normalised content tokens ([`tokens`]) weighted by rarity in the
//! story and in English at large; candidate pairs come from an inverted index
//! of those tokens; each candidate gets a calibrated score from 0 to 1, the
//! chance that the two are the same claim ([`calibrate`]); clusters grow
//! greedily from the strongest pairs, one claim per outlet at most.

pub mod calibrate;
mod cluster;
mod cover;
mod index;
pub mod link;
mod similarity;
pub mod tokens;

use serde::{Deserialize, Serialize};

use crate::model::{Claim, ClaimRef, OutletId};
use cluster::{Chances, Kind, Link};
use index::SCORE_SCALE;
use link::{LINK_FEATURES, LINK_MODEL, LinkModel};

use similarity::Prepared;

/// The score at or above which two claims of different outlets are taken
/// to be the same claim.
///
/// The score is a calibrated chance (`calibrate.rs`), so one half means
/// "more likely the same claim than not". On the MSRP training pairs (news
/// sentences of one story from different outlets, labelled same claim or
/// not; see docs/accuracy.md) accuracy is flat from 0.45 to 0.55 and falls
/// off on both sides, so one half needs no tuning of its own.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// The knobs of story-level linking, fitted on full-article gold by
/// `cargo bench --bench story_align -- --fit` with whole stories held out
/// (`docs/alignment.md`). Not a user setting: [`Tuning::DEFAULT`] is what
/// [`align`] uses; the benchmark varies it.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// The containment (share of the lighter claim the other covers) from
    /// which two claims link whatever their calibrated score.
    pub containment: f64,
    /// The least content tokens the lighter claim needs for containment to
    /// count: a claim of two words is covered by any claim naming them.
    pub min_tokens: usize,
    /// Containment links only claims of unequal length: the lighter claim's
    /// token weight at most this share of the heavier one's. Between claims
    /// of one length the calibrated score already weighs what each lacks.
    pub balance: f64,
    /// The story link model (`link.rs`).
    pub model: LinkModel,
    /// The least chance of the story link model that two members of one
    /// cluster may have: a merge, or an `also`, is refused when a member
    /// pair the model scored falls below it, so that clusters do not chain.
    pub tight: f64,
}

impl Tuning {
    /// The fitted values.
    pub const DEFAULT: Tuning = Tuning {
        containment: 0.5,
        min_tokens: 3,
        balance: 0.67,
        model: LINK_MODEL,
        tight: 0.3,
    };
}

/// How claims are matched.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AlignConfig {
    /// Minimum score (the calibrated chance of being the same claim) for
    /// two claims to share a cluster.
    pub threshold: f64,
}

impl Default for AlignConfig {
    fn default() -> AlignConfig {
        AlignConfig {
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

/// One claim in a cluster with its score against the rest of the cluster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Member {
    /// The claim.
    pub claim: ClaimRef,
    /// Score against the rest of the cluster, 0 to 1: the mean calibrated
    /// chance of being the same claim as the other members.
    pub score: f64,
}

/// Claims of different outlets that say the same thing: at most one per outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The members, in outlet order.
    pub members: Vec<Member>,
    /// For a cluster of one: the best candidate from another outlet.
    pub nearest: Option<Member>,
    /// Claims of outlets that are no member which state the fact too,
    /// inside a claim that is a member of another cluster (a lead that sums
    /// up, a sentence that carries two facts), at most one per outlet, in
    /// claim order; `score` is the link's strength (the calibrated score or
    /// the containment, whichever is higher). Such an outlet does not leave
    /// the fact out.
    pub also: Vec<Member>,
    /// How sure the cluster is that its members state one fact, 0 to 1: the
    /// weakest of the members' strongest links inside it (1 for a claim
    /// alone). Below [`CONFIDENT`] the compare stage reports no omission
    /// or framing difference for it.
    pub confidence: f64,
    /// [`Cluster::confidence`] with the story link model's chance and the
    /// pair's score with clashing figure values set aside counted as a
    /// link's strength too (the highest of them). Below
    /// [`CONFIDENT`] the compare stage reports no figure conflict for the
    /// cluster; it is never below `confidence`.
    pub linked_confidence: f64,
}

/// The least chance of the story link model from which a claim of an absent
/// outlet is listed in a cluster's `also`, below the threshold: not enough
/// to set the two claims side by side as members, enough to doubt that the
/// outlet leaves the fact out, which is what an omission finding says. On
/// the BASIL dev stories it took omission findings from 134 to 123 and
/// the `also` measure from recall 0.681 at precision 0.789 to 0.704 at
/// 0.760 (`docs/accuracy.md`). Scales with the threshold.
pub const ALSO_FLOOR: f64 = 0.4;

/// The confidence from which a cluster's members are taken to state one
/// fact: every member is linked to another by a link that the threshold or
/// the containment rule accepts on its own, not only on the story's
/// evidence (a mutual best match at a moderate score).
pub const CONFIDENT: f64 = DEFAULT_THRESHOLD;

/// Group the claims of all outlets (`claims[outlet][index]`) into clusters.
///
/// Every claim is in exactly one cluster. Clusters come in order of their
/// first member (outlet, then position); members in outlet order. The same
/// input always gives the same clusters.
pub fn align(claims: &[Vec<Claim>], config: &AlignConfig) -> Vec<Cluster> {
    align_tuned(claims, config, &Tuning::DEFAULT)
}

/// [`align`] with other [`Tuning`]: for fitting it.
#[doc(hidden)]
pub fn align_tuned(claims: &[Vec<Claim>], config: &AlignConfig, tuning: &Tuning) -> Vec<Cluster> {
    let (refs, prep) = prepare(claims);
    let (pairs, best) = index::candidates(&prep, &refs);
    let threshold = if config.threshold.is_nan() {
        DEFAULT_THRESHOLD
    } else {
        config.threshold.clamp(0.0, 1.0)
    };
    // A stricter threshold makes containment stricter too, in proportion.
    let tuning = &Tuning {
        containment: tuning.containment * threshold / DEFAULT_THRESHOLD,
        ..*tuning
    };
    let scaled = |v: f64| (v * SCORE_SCALE).round() as u32;
    let (per_outlet, headline) = story_shape(claims, &refs);
    let shape = link::Shape {
        refs: &refs,
        per_outlet: &per_outlet,
        headline: &headline,
    };
    // A story link needs evidence of its own, whatever the story around it
    // says: more than one shared name, and some overlap or containment; or
    // the two claims are the same word for word ("And I pray for them.").
    let evident = |p: &index::Pair| {
        (p.supported && p.claim.max(p.contained) >= scaled(link::PAIR_EVIDENCE_FLOOR))
            || p.score >= scaled(1.0)
    };
    let mut chances = Chances::default();
    let mut links = Vec::new();
    for (p, x) in pairs.iter().zip(link::features(&pairs, &prep, &shape)) {
        let link = match x {
            Some(x) => {
                let chance = scaled(tuning.model.chance(&x));
                chances.insert((p.a, p.b), chance);
                Link {
                    a: p.a,
                    b: p.b,
                    strength: chance,
                    kind: Kind::Story,
                }
            }
            None => Link {
                a: p.a,
                b: p.b,
                strength: cover::strength(p, tuning),
                kind: if p.score >= scaled(threshold) {
                    Kind::Score
                } else {
                    Kind::Contained
                },
            },
        };
        // A link that rests on one shared name alone is no link, whatever
        // the story around it says.
        if link.strength >= scaled(threshold) && (evident(p) || link.kind != Kind::Story) {
            links.push(link);
        }
    }
    let tight = scaled(tuning.tight);
    let groups = cluster::greedy(&refs, &links, &chances, tight);
    let mut by_outlet: Vec<Vec<usize>> = vec![Vec::new(); claims.len()];
    for (i, r) in refs.iter().enumerate() {
        by_outlet[r.outlet.0].push(i);
    }
    let also_floor = scaled(ALSO_FLOOR * threshold / DEFAULT_THRESHOLD);
    let mut also_links = links.clone();
    also_links.extend(pairs.iter().filter_map(|p| {
        let &chance = chances.get(&(p.a, p.b))?;
        (chance >= also_floor && chance < scaled(threshold) && evident(p)).then_some(Link {
            a: p.a,
            b: p.b,
            strength: chance,
            kind: Kind::Story,
        })
    }));
    let also = cover::also(
        &prep,
        &refs,
        &groups,
        &also_links,
        &chances,
        &by_outlet,
        tuning,
        tight,
    );
    let mut clusters: Vec<Cluster> = groups
        .into_iter()
        .zip(also)
        .map(|(group, also)| {
            let sampled = cover::sampled_pairs(&prep, &group);
            let members = group
                .iter()
                .zip(&sampled)
                .map(|(&i, pairs)| Member {
                    claim: refs[i],
                    score: member_score(pairs),
                })
                .collect();
            let nearest = match group.as_slice() {
                [only] => best[*only].map(|(score, other)| Member {
                    claim: refs[other],
                    score: f64::from(score) / SCORE_SCALE,
                }),
                _ => None,
            };
            let (confidence, linked_confidence) = cover::confidences(&sampled, &chances, tuning);
            let also = also
                .into_iter()
                .map(|(i, score)| Member {
                    claim: refs[i],
                    score,
                })
                .collect();
            Cluster {
                members,
                nearest,
                also,
                confidence,
                linked_confidence,
            }
        })
        .collect();
    clusters.sort_by_key(|c| c.members[0].claim);
    clusters
}

/// What the story link model reads of a story's shape besides the claims:
/// how many claims each outlet has, and which of `refs` are headlines.
fn story_shape(claims: &[Vec<Claim>], refs: &[ClaimRef]) -> (Vec<usize>, Vec<bool>) {
    let per_outlet = claims.iter().map(Vec::len).collect();
    let headline = refs
        .iter()
        .map(|r| claims[r.outlet.0][r.index].headline)
        .collect();
    (per_outlet, headline)
}

/// Every candidate pair of a story that the link model scores and that
/// shares more than one name (no other can link), with its features: for
/// fitting [`link::LINK_MODEL`].
#[doc(hidden)]
pub fn link_rows(claims: &[Vec<Claim>]) -> Vec<(ClaimRef, ClaimRef, [f64; LINK_FEATURES])> {
    let (refs, prep) = prepare(claims);
    let (pairs, _) = index::candidates(&prep, &refs);
    let (per_outlet, headline) = story_shape(claims, &refs);
    let shape = link::Shape {
        refs: &refs,
        per_outlet: &per_outlet,
        headline: &headline,
    };
    pairs
        .iter()
        .zip(link::features(&pairs, &prep, &shape))
        .filter(|(p, _)| p.supported)
        .filter_map(|(p, x)| Some((refs[p.a], refs[p.b], x?)))
        .collect()
}

/// Every claim's address in claim order, and the claims prepared for
/// comparison.
fn prepare(claims: &[Vec<Claim>]) -> (Vec<ClaimRef>, Prepared) {
    let refs: Vec<ClaimRef> = claims
        .iter()
        .enumerate()
        .flat_map(|(o, list)| {
            (0..list.len()).map(move |index| ClaimRef {
                outlet: OutletId(o),
                index,
            })
        })
        .collect();
    let texts: Vec<&str> = refs
        .iter()
        .map(|r| claims[r.outlet.0][r.index].text.as_str())
        .collect();
    let prep = Prepared::new(
        &texts,
        refs.iter()
            .map(|r| tokens::normalize(&claims[r.outlet.0][r.index]))
            .collect(),
    );
    (refs, prep)
}

/// What the calibrated score of two claims of one story weighs, with the
/// story made of just these two: for fitting [`calibrate::MODEL`].
pub fn pair_features(a: &Claim, b: &Claim) -> calibrate::Features {
    let prep = Prepared::new(
        &[a.text.as_str(), b.text.as_str()],
        vec![tokens::normalize(a), tokens::normalize(b)],
    );
    prep.features(0, 1)
}

/// A member's score: its mean score against an even sample of the other
/// members (its [`cover::sampled_pairs`]), so that a cluster carried by
/// hundreds of outlets costs no more than a few comparisons per member; 1
/// for a cluster of one.
fn member_score(pairs: &[index::Pair]) -> f64 {
    if pairs.is_empty() {
        return 1.0;
    }
    let sum: u64 = pairs.iter().map(|p| u64::from(p.score)).sum();
    (sum as f64 / pairs.len() as f64).round() / SCORE_SCALE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Position;

    fn story(outlets: &[&[&str]]) -> Vec<Vec<Claim>> {
        outlets
            .iter()
            .enumerate()
            .map(|(o, texts)| {
                texts
                    .iter()
                    .map(|t| Claim::new(OutletId(o), (*t).into(), Position::START, Some(0..0)))
                    .collect()
            })
            .collect()
    }

    fn together(clusters: &[Cluster], a: (usize, usize), b: (usize, usize)) -> bool {
        let is = |m: &Member, (o, i): (usize, usize)| {
            m.claim.outlet == OutletId(o) && m.claim.index == i
        };
        clusters
            .iter()
            .any(|c| c.members.iter().any(|m| is(m, a)) && c.members.iter().any(|m| is(m, b)))
    }

    /// Wire copy: one story carried word for word by many outlets. Each of
    /// its words is then in a quarter of all claims, which once made every
    /// token too common to find a candidate with, and from 13 outlets on
    /// not one claim was aligned.
    #[test]
    fn wire_copy_carried_by_many_outlets_aligns() {
        let article: &[&str] = &[
            "The fire burned 100 homes in the valley on Monday, officials said.",
            "About 1,000 people fled as crews from 3 counties fought the flames.",
            "\"We lost everything,\" one resident told reporters.",
            "The cause is under investigation.",
        ];
        for outlets in [2, 13, 40] {
            let claims = story(&vec![article; outlets]);
            let clusters = align(&claims, &AlignConfig::default());
            assert_eq!(clusters.len(), article.len(), "{outlets} outlets");
            for (k, cluster) in clusters.iter().enumerate() {
                assert_eq!(cluster.members.len(), outlets, "{outlets} outlets");
                assert!(together(&clusters, (0, k), (outlets - 1, k)));
            }
        }
    }

    /// A claim that states a fact in one content word ("And I pray for
    /// them.") shares no second name with anything, and a story link asks
    /// for more than one shared name. Word for word the same in three
    /// outlets, it is one claim all the same.
    #[test]
    fn a_short_claim_word_for_word_the_same_aligns() {
        let article: &[&str] = &[
            "The senator spoke at the memorial service in Tucson on Sunday.",
            "He said the victims' families deserve answers from the sheriff.",
            "And I pray for them.",
            "The service drew more than 2,000 people to the university arena.",
        ];
        let claims = story(&[article, article, &article[1..]]);
        let clusters = align(&claims, &AlignConfig::default());
        assert!(together(&clusters, (0, 2), (1, 2)));
        assert!(together(&clusters, (0, 2), (2, 1)));
    }

    /// Two texts each carried twice word for word: a member's twin says
    /// nothing about whether the other text states its fact, so the
    /// cluster's confidence is that of the two texts, as with one copy each.
    #[test]
    fn copies_of_a_text_do_not_vouch_for_a_cluster() {
        let rally = "Maduro held a rally in Caracas on Sunday.";
        let oil = "Maduro said oil exports rose in Caracas.";
        let claims = story(&[&[rally], &[rally], &[oil], &[oil]]);
        let (_, prep) = prepare(&claims);
        let chances = cluster::Chances::default();
        let once = cover::confidences(
            &cover::sampled_pairs(&prep, &[0, 2]),
            &chances,
            &Tuning::DEFAULT,
        );
        let twice = cover::confidences(
            &cover::sampled_pairs(&prep, &[0, 1, 2, 3]),
            &chances,
            &Tuning::DEFAULT,
        );
        assert!(once.0 < 0.5, "{once:?}");
        assert_eq!(twice, once);
        // Copies alone are one text: nothing to doubt.
        assert_eq!(
            cover::confidences(
                &cover::sampled_pairs(&prep, &[0, 1]),
                &chances,
                &Tuning::DEFAULT
            ),
            (1.0, 1.0)
        );
    }

    /// A quantity both claims give counts as a shared name even when the
    /// values clash: "a 396-9 vote" and "voted 594-9" share one word
    /// besides it, and an edited tally once left the two claims apart, the
    /// conflict unreported. Two years that differ do not count: many
    /// claims of a story about different events give one.
    #[test]
    fn a_clashing_quantity_is_shared_evidence_and_a_clashing_year_is_not() {
        let with_figures = |outlets: &[&[&str]]| {
            let mut claims = story(outlets);
            for claim in claims.iter_mut().flatten() {
                claim.figures = crate::extract::figures::find_figures(
                    &claim.text,
                    &crate::extract::figures::Context::default(),
                );
            }
            claims
        };
        let supported = |a: &str, b: &str| {
            let (_, prep) = prepare(&with_figures(&[&[a], &[b]]));
            index::pair(&prep, 0, 1).supported
        };
        let passed = "It passed in a 396-9 vote.";
        assert!(supported(
            passed,
            "On Wednesday, the House voted 396-9 on the bill."
        ));
        assert!(supported(
            passed,
            "On Wednesday, the House voted 594-9 on the bill."
        ));
        assert!(!supported(
            passed,
            "On Wednesday, the House voted on the bill."
        ));
        assert!(!supported(
            "His second term as governor ends in 2019.",
            "His years in office began in 2010, marked by controversy."
        ));
    }

    /// The story link model's shared figure counts a quantity both claims
    /// give in clashing values, as the shared names do: an outlet that
    /// changes a number keeps the evidence the number gave. Two years
    /// that differ do not count.
    #[test]
    fn the_link_model_shares_a_clashing_quantity_but_not_a_clashing_year() {
        let shared = link::LINK_FEATURE_NAMES
            .iter()
            .position(|n| *n == "shared_figure")
            .unwrap();
        let rows = |first: &str| {
            let mut claims = story(&[
                &[
                    first,
                    "The bill now goes to the Senate for a final vote.",
                    "Leaders of both parties praised the outcome.",
                ],
                &[
                    "On Wednesday, the House voted 396-9 on the bill, which ends in 2019.",
                    "The Senate is expected to take up the bill next week.",
                    "Leaders of both parties welcomed the vote.",
                ],
            ]);
            for claim in claims.iter_mut().flatten() {
                claim.figures = crate::extract::figures::find_figures(
                    &claim.text,
                    &crate::extract::figures::Context::default(),
                );
            }
            link_rows(&claims)
        };
        let first_pair = |first: &str| {
            rows(first)
                .into_iter()
                .find(|(a, b, _)| a.index == 0 && b.index == 0)
                .map(|(_, _, x)| x[shared])
        };
        assert_eq!(
            first_pair("It passed the House in a 396-9 vote."),
            Some(1.0)
        );
        assert_eq!(
            first_pair("It passed the House in a 594-9 vote."),
            Some(1.0)
        );
        assert_eq!(
            first_pair("It passed the House in a vote on the bill, which began in 2010."),
            Some(0.0)
        );
    }

    #[test]
    fn claims_that_differ_only_in_a_figure_align() {
        let claims = story(&[
            &[
                "The US has stationed 15,000 troops in the Caribbean.",
                "Maduro held a rally in Caracas.",
            ],
            &[
                "The US has stationed 12,000 troops in the Caribbean.",
                "Oil prices rose on Monday.",
            ],
        ]);
        let clusters = align(&claims, &AlignConfig::default());
        assert!(together(&clusters, (0, 0), (1, 0)));
        assert!(!together(&clusters, (0, 1), (1, 1)));
        let pair = clusters.iter().find(|c| c.members.len() == 2).unwrap();
        assert!(
            pair.members
                .iter()
                .all(|m| m.score > DEFAULT_THRESHOLD && m.score < 1.0)
        );
    }

    #[test]
    fn a_short_claim_the_longer_one_covers_aligns_below_the_threshold() {
        let firefighters = "About 1,200 firefighters are on the lines.";
        let longer = "About 1,200 firefighters are working the fire, supported by 14 helicopters and air tankers.";
        // The longer claim covers the shorter one's figure and words: they
        // align by containment even alone, at a score below the threshold.
        let alone = story(&[&[firefighters], &[longer]]);
        let clusters = align(&alone, &AlignConfig::default());
        assert!(together(&clusters, (0, 0), (1, 0)));
        assert!(
            clusters[0]
                .members
                .iter()
                .all(|m| m.score < DEFAULT_THRESHOLD)
        );
        // Stricter, the threshold asks more containment too.
        let strict = AlignConfig { threshold: 0.9 };
        assert!(!together(&align(&alone, &strict), (0, 0), (1, 0)));
        let told = story(&[
            &[
                "The governor declared a state of emergency on Thursday.",
                firefighters,
                "Schools in the valley will stay closed until Monday.",
            ],
            &[
                "Evacuation orders cover three towns.",
                longer,
                "The utility said it was cooperating with the inquiry.",
            ],
        ]);
        let clusters = align(&told, &AlignConfig::default());
        assert!(together(&clusters, (0, 1), (1, 1)));
        assert!(!together(&clusters, (0, 0), (1, 0)));
        let pair = clusters.iter().find(|c| c.members.len() == 2).unwrap();
        assert!(pair.members.iter().all(|m| m.score < DEFAULT_THRESHOLD));
    }

    #[test]
    fn claims_of_one_outlet_never_share_a_cluster() {
        let claims = story(&[
            &[
                "Troops crossed the border at dawn.",
                "Troops crossed the border at dawn on Friday.",
            ],
            &["Troops crossed the border at dawn."],
            &["Troops crossed the border at dawn, officials said."],
        ]);
        for cluster in align(&claims, &AlignConfig::default()) {
            let mut outlets: Vec<OutletId> =
                cluster.members.iter().map(|m| m.claim.outlet).collect();
            outlets.dedup();
            assert_eq!(outlets.len(), cluster.members.len());
        }
    }

    #[test]
    fn the_same_input_gives_the_same_clusters() {
        let claims = story(&[
            &[
                "A storm hit the coast.",
                "Power was cut to 40,000 homes.",
                "Schools closed.",
            ],
            &[
                "The storm hit the coast overnight.",
                "About 38,000 homes lost power.",
            ],
            &[
                "Power was cut to 40,000 homes, the utility said.",
                "A storm struck the coast.",
            ],
        ]);
        let first = align(&claims, &AlignConfig::default());
        for _ in 0..5 {
            assert_eq!(align(&claims, &AlignConfig::default()), first);
        }
    }

    #[test]
    fn a_cluster_of_one_names_its_nearest_candidate() {
        let claims = story(&[
            &["The minister resigned after the vote."],
            &["Lawmakers held a vote on the budget.", "Rain is expected."],
        ]);
        let clusters = align(&claims, &AlignConfig::default());
        let minister = clusters
            .iter()
            .find(|c| c.members[0].claim.outlet == OutletId(0))
            .unwrap();
        assert_eq!(minister.members.len(), 1);
        let nearest = minister.nearest.expect("shares \"vote\"");
        assert_eq!(
            nearest.claim,
            ClaimRef {
                outlet: OutletId(1),
                index: 0
            }
        );
        assert!(nearest.score > 0.0 && nearest.score < DEFAULT_THRESHOLD);
        let rain = clusters
            .iter()
            .find(|c| c.members[0].claim.index == 1)
            .unwrap();
        assert_eq!(rain.nearest, None);
    }

    #[test]
    fn the_threshold_decides_what_aligns() {
        let claims = story(&[
            &["Rebels seized the main airport."],
            &["Rebels seized the city airport at dawn."],
        ]);
        let with = |threshold| AlignConfig { threshold };
        assert_eq!(align(&claims, &with(0.3)).len(), 1);
        assert_eq!(align(&claims, &with(0.95)).len(), 2);
        assert_eq!(
            align(&claims, &with(f64::NAN)),
            align(&claims, &AlignConfig::default())
        );
    }

    #[test]
    fn empty_and_stop_word_claims_stay_alone() {
        let claims = story(&[&["...", "It was there."], &["And so it is."]]);
        let clusters = align(&claims, &AlignConfig::default());
        assert_eq!(clusters.len(), 3);
        assert!(
            clusters
                .iter()
                .all(|c| c.nearest.is_none() && c.members[0].score == 1.0)
        );
    }

    #[test]
    fn every_claim_is_in_exactly_one_cluster_in_claim_order() {
        let claims = story(&[&["One claim here.", "Another claim."], &["A third claim."]]);
        let clusters = align(&claims, &AlignConfig::default());
        let mut seen: Vec<ClaimRef> = clusters
            .iter()
            .flat_map(|c| c.members.iter().map(|m| m.claim))
            .collect();
        assert_eq!(seen.len(), 3);
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 3);
        assert!(
            clusters
                .windows(2)
                .all(|w| w[0].members[0].claim < w[1].members[0].claim)
        );
    }
}
