//! The BASIL same-fact gold and its scoring, as `../shared/eval-dev/README.md` defines it.

#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde::Deserialize;

/// How long a stretch of characters two texts must share to overlap when
/// neither contains the other.
const STRETCH: usize = 60;

/// One story's clusters: each a list of `(outlet, claim text)`.
pub type StoryClusters = Vec<Vec<(String, String)>>;

#[derive(Debug, Deserialize)]
struct Side {
    outlet: String,
    texts: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Pair {
    a: Side,
    b: Side,
}

#[derive(Debug, Deserialize)]
struct GoldStory {
    story: String,
    pairs: Vec<Pair>,
}

/// An annotated sentence: outlet and text.
type Sentence = (String, String);

/// The gold of one story, prepared for scoring.
struct Prepared {
    /// Every annotated sentence.
    sentences: Vec<Sentence>,
    /// Sentence pairs that a gold pair joins, `(low, high)` indices.
    joined: BTreeSet<(usize, usize)>,
    /// The units: the sentence indices of one side, and the indices of its
    /// counterparts in the other outlet.
    units: Vec<(Vec<usize>, Vec<usize>)>,
}

/// The gold of every annotated story.
pub struct Gold {
    stories: BTreeMap<String, Prepared>,
}

/// Counts that add up over stories.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    /// Stories scored.
    pub stories: usize,
    /// Gold units.
    pub units: usize,
    /// Units found.
    pub found: usize,
    /// Pairs of annotated sentences of two outlets sharing a cluster.
    pub pairs: usize,
    /// Of those, pairs a gold pair joins.
    pub right: usize,
}

impl Score {
    /// Found units over all units.
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.units.max(1) as f64
    }

    /// Right sentence pairs over all sentence pairs sharing a cluster.
    pub fn precision(&self) -> f64 {
        if self.pairs == 0 {
            return 1.0;
        }
        self.right as f64 / self.pairs as f64
    }

    /// The sum of two scores.
    pub fn add(&mut self, other: Score) {
        self.stories += other.stories;
        self.units += other.units;
        self.found += other.found;
        self.pairs += other.pairs;
        self.right += other.right;
    }
}

/// Whitespace collapsed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether two texts overlap: one contains the other, or they share a
/// stretch of [`STRETCH`] characters.
pub fn overlaps(x: &str, y: &str) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if short.is_empty() {
        return false;
    }
    if long.contains(short) {
        return true;
    }
    let starts: Vec<usize> = short.char_indices().map(|(i, _)| i).collect();
    starts.iter().enumerate().any(|(k, &from)| {
        starts
            .get(k + STRETCH)
            .copied()
            .or((k + STRETCH == starts.len()).then_some(short.len()))
            .is_some_and(|to| long.contains(&short[from..to]))
    })
}

impl Gold {
    /// Read the gold file.
    pub fn read(path: &Path) -> Gold {
        let text = std::fs::read_to_string(path).expect("gold file readable");
        let raw: Vec<GoldStory> = serde_json::from_str(&text).expect("gold file parses");
        let stories = raw
            .into_iter()
            .map(|s| (s.story.clone(), Prepared::new(&s.pairs)))
            .collect();
        Gold { stories }
    }

    /// The annotated story ids.
    #[allow(dead_code)]
    pub fn story_ids(&self) -> Vec<String> {
        self.stories.keys().cloned().collect()
    }

    /// Score the clusters of every annotated story found in `reports`.
    pub fn score(&self, reports: &BTreeMap<String, StoryClusters>, detail: bool) -> Score {
        let mut total = Score::default();
        for (id, gold) in &self.stories {
            let Some(clusters) = reports.get(id) else {
                continue;
            };
            let score = gold.score(clusters, detail.then_some(id.as_str()));
            if detail {
                println!(
                    "  {id}: units {} found {} recall {:.2}  pairs {} right {} precision {:.2}",
                    score.units,
                    score.found,
                    score.recall(),
                    score.pairs,
                    score.right,
                    score.precision()
                );
            }
            total.add(score);
        }
        total
    }

    /// Whether two claims `(outlet, text)` of a gold story state one fact:
    /// `Some(true)` when a gold pair joins sentences they overlap,
    /// `Some(false)` when both overlap annotated sentences and none is
    /// joined, `None` when either overlaps none (the gold says nothing).
    pub fn label(&self, id: &str, a: (&str, &str), b: (&str, &str)) -> Option<bool> {
        let gold = self.stories.get(id)?;
        let (x, y) = (gold.hits(a.0, a.1), gold.hits(b.0, b.1));
        if x.is_empty() || y.is_empty() {
            return None;
        }
        Some(x.iter().any(|&i| {
            y.iter()
                .any(|&j| gold.joined.contains(&(i.min(j), i.max(j))))
        }))
    }

    /// Score one story's clusters; `None` when the story has no gold.
    #[allow(dead_code)]
    pub fn score_story(&self, id: &str, clusters: &StoryClusters) -> Option<Score> {
        self.stories.get(id).map(|g| g.score(clusters, None))
    }
}

impl Prepared {
    fn new(pairs: &[Pair]) -> Prepared {
        let mut index: HashMap<Sentence, usize> = HashMap::new();
        let mut sentences: Vec<Sentence> = Vec::new();
        let mut id = |outlet: &str, text: &str| {
            let key = (outlet.to_string(), collapse(text));
            *index.entry(key.clone()).or_insert_with(|| {
                sentences.push(key);
                sentences.len() - 1
            })
        };
        let mut joined = BTreeSet::new();
        let mut units: BTreeMap<(Vec<usize>, String), BTreeSet<usize>> = BTreeMap::new();
        for pair in pairs {
            let a: Vec<usize> = pair.a.texts.iter().map(|t| id(&pair.a.outlet, t)).collect();
            let b: Vec<usize> = pair.b.texts.iter().map(|t| id(&pair.b.outlet, t)).collect();
            for &x in &a {
                for &y in &b {
                    joined.insert((x.min(y), x.max(y)));
                }
            }
            for (side, other, outlet) in [(&a, &b, &pair.b.outlet), (&b, &a, &pair.a.outlet)] {
                let mut key = side.clone();
                key.sort_unstable();
                units
                    .entry((key, outlet.clone()))
                    .or_default()
                    .extend(other.iter().copied());
            }
        }
        Prepared {
            sentences,
            joined,
            units: units
                .into_iter()
                .map(|((side, _), other)| (side, other.into_iter().collect()))
                .collect(),
        }
    }

    /// The annotated sentences of `outlet` that `text` overlaps.
    fn hits(&self, outlet: &str, text: &str) -> Vec<usize> {
        let text = collapse(text);
        self.sentences
            .iter()
            .enumerate()
            .filter(|(_, (o, s))| o == outlet && overlaps(s, &text))
            .map(|(i, _)| i)
            .collect()
    }

    fn score(&self, clusters: &StoryClusters, detail: Option<&str>) -> Score {
        // For every cluster member, the annotated sentences it overlaps.
        let mut cache: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        let mut hits: Vec<Vec<Vec<usize>>> = Vec::with_capacity(clusters.len());
        for cluster in clusters {
            let mut per_member = Vec::with_capacity(cluster.len());
            for (outlet, text) in cluster {
                let found = cache
                    .entry((outlet.as_str(), text.as_str()))
                    .or_insert_with(|| self.hits(outlet, text));
                per_member.push(found.clone());
            }
            hits.push(per_member);
        }
        let mut together: BTreeSet<(usize, usize)> = BTreeSet::new();
        for (cluster, per_member) in clusters.iter().zip(&hits) {
            for (i, (oi, _)) in cluster.iter().enumerate() {
                for (j, (oj, _)) in cluster.iter().enumerate().skip(i + 1) {
                    if oi == oj {
                        continue;
                    }
                    for &x in &per_member[i] {
                        for &y in &per_member[j] {
                            together.insert((x.min(y), x.max(y)));
                        }
                    }
                }
            }
        }
        let right = together.iter().filter(|p| self.joined.contains(p)).count();
        if let Some(id) = detail {
            for (x, y) in together.iter().filter(|p| !self.joined.contains(p)) {
                let (sx, sy) = (&self.sentences[*x], &self.sentences[*y]);
                println!(
                    "    wrong [{id}] {}: {}\n        ~ {}: {}",
                    sx.0, sx.1, sy.0, sy.1
                );
            }
        }
        let found = self
            .units
            .iter()
            .filter(|(side, other)| {
                let ok = hits.iter().any(|per_member| {
                    let holds = |set: &[usize]| {
                        per_member.iter().any(|h| h.iter().any(|s| set.contains(s)))
                    };
                    holds(side) && holds(other)
                });
                if !ok && let Some(id) = detail {
                    let text =
                        |s: &usize| format!("{}: {}", self.sentences[*s].0, self.sentences[*s].1);
                    println!(
                        "    missed [{id}] {}\n        ~ {}",
                        side.iter().map(text).collect::<Vec<_>>().join(" | "),
                        other.iter().map(text).collect::<Vec<_>>().join(" | ")
                    );
                }
                ok
            })
            .count();
        Score {
            stories: 1,
            units: self.units.len(),
            found,
            pairs: together.len(),
            right,
        }
    }
}
