//! The lexicon loader: word lists in `lexicons/*.txt`, embedded at build
//! time. A lexicon is one entry a line; lines starting with `#` are
//! comments; an entry may be a pair, `left = right` or `left<TAB>right`.

use std::sync::OnceLock;

/// The entries of a lexicon file: its lines without comments, trimmed.
pub fn entries(lexicon: &str) -> impl Iterator<Item = &str> {
    lexicon
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// A `left = right` (or `left<TAB>right`) entry split in two; a bare entry
/// has no right side.
pub fn pair(entry: &str) -> (&str, Option<&str>) {
    match entry.split_once(['=', '\t']) {
        Some((left, right)) => {
            let right = right.trim();
            (left.trim(), (!right.is_empty()).then_some(right))
        }
        None => (entry.trim(), None),
    }
}

/// The entries of an embedded lexicon as a list, parsed once into `cell`.
/// The file is kept sorted (tests/lexicons.rs checks every lexicon), so the
/// list can be binary-searched.
pub fn sorted(
    cell: &'static OnceLock<Vec<&'static str>>,
    lexicon: &'static str,
) -> &'static [&'static str] {
    cell.get_or_init(|| entries(lexicon).collect())
}
