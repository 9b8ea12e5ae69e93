//! Words for people where the engine keeps keys: a measure's stems
//! ("peopl kill") become words from the story ("people killed"), and a
//! figure's unit agrees with its number ("1 week", "2 weeks").

use rustc_hash::FxHashMap;

use crate::compare::Report;
use crate::extract::figures::{Figure, MEASURES, TIME_UNITS, stem, with_stem};
use crate::model::Claim;

/// Stem → the word a reader knows it by, for one report.
#[derive(Debug, Default)]
pub struct Labels {
    words: FxHashMap<String, String>,
}

impl Labels {
    /// The words of `report`: each measure group's canonical word first, then
    /// the first word of the story's claims with each stem, lowercased.
    pub fn new(report: &Report) -> Labels {
        Labels::of_claims(report.claims.iter().flatten())
    }

    /// The words of `claims` (a story's, for `storydiff figures`), as
    /// [`Labels::new`] takes them from a report's.
    pub fn of_claims<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> Labels {
        let mut words: FxHashMap<String, String> = FxHashMap::default();
        for line in MEASURES.lines() {
            let line = line.trim();
            if line.starts_with('#') {
                continue;
            }
            if let Some((canonical, _)) = line.split_once(':') {
                let canonical = canonical.trim();
                words
                    .entry(stem(canonical))
                    .or_insert_with(|| canonical.to_string());
            }
        }
        for claim in claims {
            for word in claim
                .text
                .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
                .filter(|w| w.chars().any(char::is_alphabetic))
            {
                let word = word.trim_matches(|c| c == '-' || c == '\'');
                if word.is_empty() {
                    continue;
                }
                // The first spelling of each stem is kept; a stem already
                // seen is looked up without a copy.
                with_stem(word, |stem, lower| {
                    if !words.contains_key(stem) {
                        words.insert(stem.to_owned(), lower.to_owned());
                    }
                });
            }
        }
        Labels { words }
    }

    /// A measure's label: each stem replaced by its word ("peopl kill" →
    /// "people killed"); a stem the story never spells out stays as it is.
    pub fn measure(&self, measure: &str) -> String {
        measure
            .split(' ')
            .map(|s| self.words.get(s).map_or(s, String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A figure's interval with its unit in the number's form: "1 week",
/// "2 weeks", "[1, 2] weeks".
pub fn interval(figure: &Figure) -> String {
    let text = figure.interval();
    match text.strip_suffix(figure.unit.as_deref().unwrap_or("\u{0}")) {
        Some(number) if number.trim() == "1" => {
            let unit = figure.unit.as_deref().unwrap_or_default();
            let one = TIME_UNITS
                .iter()
                .find(|(_, many, _)| *many == unit)
                .map_or(unit, |(one, _, _)| one);
            format!("1 {one}")
        }
        _ => text,
    }
}

/// `n` and a noun in the number's form: "1 story", "2 stories".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_units_agree_with_their_number() {
        assert_eq!(plural(1, "week", "weeks"), "1 week");
        assert_eq!(plural(3, "story", "stories"), "3 stories");
    }
}
