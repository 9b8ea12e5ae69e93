//! Unit tests of figure extraction, one per rule, and round-trip properties.

use super::*;

fn figs(text: &str) -> Vec<Figure> {
    find_figures(text, &Context::default())
}

fn on(text: &str, published: &str) -> Vec<Figure> {
    find_figures(
        text,
        &Context {
            published: Some(published.into()),
        },
    )
}

fn one(text: &str) -> Figure {
    let f = figs(text);
    assert_eq!(f.len(), 1, "{text:?} gave {f:#?}");
    f.into_iter().next().unwrap()
}

fn n(e: &Option<Endpoint>) -> Option<f64> {
    e.as_ref().and_then(Endpoint::number)
}

fn d(e: &Option<Endpoint>) -> Option<&str> {
    match e {
        Some(Endpoint::Date(s)) => Some(s),
        _ => None,
    }
}

fn interval(text: &str) -> (Option<f64>, Option<f64>) {
    let f = one(text);
    (n(&f.low), n(&f.high))
}

fn exact(text: &str) -> f64 {
    let f = one(text);
    assert_eq!(f.qualifier, Qualifier::Exact, "{text:?}: {f:?}");
    assert_eq!(n(&f.low), n(&f.high), "{text:?}: {f:?}");
    n(&f.low).unwrap()
}

#[test]
fn digits_with_separators_and_decimals() {
    assert_eq!(exact("15,000 troops"), 15000.0);
    assert_eq!(exact("15000 troops"), 15000.0);
    assert_eq!(exact("1,674,200.5 votes"), 1_674_200.5);
    assert_eq!(exact("3.25 points"), 3.25);
    assert_eq!(exact("12,34,567.89 rupees"), 1_234_567.89);
    assert_eq!(exact("1\u{202f}234\u{202f}567 people"), 1_234_567.0);
    assert_eq!(exact("1.3e6 cells"), 1_300_000.0);
    assert_eq!(exact("1 000 000 cells"), 1_000_000.0);
    assert_eq!(exact("1.234.567 cells"), 1_234_567.0);
    assert_eq!(figs("423 0000").len(), 2);
}

#[test]
fn digit_runs_that_are_not_one_number_are_read_apart() {
    let f = figs("192.168.1.2");
    let values: Vec<f64> = f.iter().filter_map(|f| n(&f.low)).collect();
    assert_eq!(values, vec![192.0, 168.0, 1.0, 2.0]);
}

#[test]
fn number_words() {
    assert_eq!(exact("fifteen thousand troops"), 15000.0);
    assert_eq!(exact("twenty-one vessels"), 21.0);
    assert_eq!(exact("one hundred and six boats"), 106.0);
    assert_eq!(exact("two hundred and two thousand people"), 202_000.0);
    assert_eq!(
        exact("twenty-one trillion three hundred"),
        21_000_000_000_300.0
    );
}

#[test]
fn hand_read_number_words() {
    assert_eq!(exact("two dozen boats"), 24.0);
    assert_eq!(exact("a hundred boats"), 100.0);
    assert_eq!(exact("a dozen boats"), 12.0);
    assert_eq!(exact("half a million people"), 500_000.0);
    assert_eq!(exact("five and a half million people"), 5_500_000.0);
    assert_eq!(exact("one and a half hours"), 1.5);
}

#[test]
fn scales() {
    assert_eq!(exact("1.5 million people"), 1_500_000.0);
    assert_eq!(exact("15k people"), 15_000.0);
    assert_eq!(exact("3.2m people"), 3_200_000.0);
    assert_eq!(exact("4 thousand 3 hundred and 21 people"), 4321.0);
    let f = one("$2bn");
    assert_eq!((n(&f.low), f.unit.as_deref()), (Some(2e9), Some("USD")));
}

#[test]
fn a_lone_letter_is_not_a_scale() {
    // "29 m" apart from the digits is metres, not millions
    assert_eq!(exact("29 m deep"), 29.0);
}

#[test]
fn approximations_have_a_band() {
    for word in [
        "about",
        "around",
        "some",
        "roughly",
        "approximately",
        "an estimated",
        "~",
    ] {
        let f = one(&format!("{word} 15,000 troops"));
        assert_eq!(f.qualifier, Qualifier::Approx, "{word}");
        assert_eq!(n(&f.low), Some(15000.0 * (1.0 - APPROX_BAND)), "{word}");
        assert_eq!(n(&f.high), Some(15000.0 * (1.0 + APPROX_BAND)), "{word}");
        assert_eq!(f.value, Some(15000.0));
        assert_eq!(f.measure.as_deref(), Some("troop"));
    }
    for word in ["nearly", "almost", "close to", "just under"] {
        let f = one(&format!("{word} 15,000 troops"));
        assert_eq!(f.qualifier, Qualifier::Approx, "{word}");
        assert_eq!(n(&f.low), Some(15000.0 * (1.0 - NEARLY_BAND)), "{word}");
        assert_eq!(n(&f.high), Some(15000.0), "{word}");
    }
}

#[test]
fn lower_bounds() {
    for text in [
        "more than 20 operations",
        "over 20 operations",
        "upwards of 20 operations",
        "20+ operations",
    ] {
        let f = one(text);
        assert_eq!(f.qualifier, Qualifier::LowerBound, "{text}");
        assert_eq!((n(&f.low), n(&f.high)), (Some(20.0), None), "{text}");
        assert!(f.low_exclusive, "{text}");
        assert_eq!(f.measure.as_deref(), Some("oper"), "{text}");
    }
    let f = one("at least 21 operations");
    assert_eq!(
        (n(&f.low), n(&f.high), f.low_exclusive),
        (Some(21.0), None, false)
    );
    let f = one("500 or more boats");
    assert_eq!(
        (n(&f.low), n(&f.high), f.low_exclusive),
        (Some(500.0), None, false)
    );
}

#[test]
fn upper_bounds() {
    for text in [
        "fewer than 50 boats",
        "less than 50 boats",
        "under 50 boats",
    ] {
        let f = one(text);
        assert_eq!(f.qualifier, Qualifier::UpperBound, "{text}");
        assert_eq!((n(&f.low), n(&f.high)), (Some(0.0), Some(50.0)), "{text}");
        assert!(f.high_exclusive, "{text}");
    }
    for text in [
        "up to 50 boats",
        "no more than 50 boats",
        "at most 50 boats",
    ] {
        let f = one(text);
        assert_eq!((n(&f.low), n(&f.high)), (Some(0.0), Some(50.0)), "{text}");
        assert!(!f.high_exclusive, "{text}");
    }
}

#[test]
fn ranges() {
    for text in [
        "10,000 to 15,000 troops",
        "10,000-15,000 troops",
        "between 10,000 and 15,000 troops",
        "from 10,000 to 15,000 troops",
        "10 to 15 thousand troops",
    ] {
        let f = one(text);
        assert_eq!(f.qualifier, Qualifier::Range, "{text}");
        assert_eq!(interval(text), (Some(10000.0), Some(15000.0)), "{text}");
        assert_eq!(f.measure.as_deref(), Some("troop"), "{text}");
    }
    assert_eq!(
        interval("10 to 20 billion dollars"),
        (Some(1e10), Some(2e10))
    );
    assert_eq!(interval("$10-20 million"), (Some(1e7), Some(2e7)));
}

#[test]
fn an_approximate_range_is_one_range_widened_by_the_approximation_band() {
    let text = "some 40 to 50 soldiers died";
    let f = one(text);
    assert_eq!(f.qualifier, Qualifier::Range, "{text}");
    assert_eq!(f.text, "some 40 to 50");
    let (low, high) = interval(text);
    assert!((low.unwrap() - 36.0).abs() < 1e-9 && (high.unwrap() - 55.0).abs() < 1e-9);
    assert_eq!(f.measure.as_deref(), Some("troop die"));
}

#[test]
fn bounds_joined_into_a_range() {
    let f = one("more than 100 and less than 300 boats");
    assert_eq!((n(&f.low), n(&f.high)), (Some(100.0), Some(300.0)));
    assert!(f.low_exclusive && f.high_exclusive);
    // impossible together: kept apart
    assert_eq!(figs("more than 40 and less than 10").len(), 2);
}

#[test]
fn vague_amounts_are_documented_intervals() {
    for (text, low, high) in [
        ("dozens of boats", 24.0, 199.0),
        ("scores of boats", 40.0, 199.0),
        ("hundreds of boats", 200.0, 999.0),
        ("thousands of supporters", 2000.0, 9999.0),
        ("tens of thousands of supporters", 20_000.0, 99_999.0),
        ("several boats", 3.0, 9.0),
        ("a handful of boats", 2.0, 6.0),
    ] {
        let f = one(text);
        assert_eq!(f.qualifier, Qualifier::Vague, "{text}");
        assert_eq!((n(&f.low), n(&f.high)), (Some(low), Some(high)), "{text}");
    }
    assert_eq!(
        one("thousands of supporters").measure.as_deref(),
        Some("support")
    );
}

#[test]
fn percentages_and_points() {
    let f = one("40% of voters");
    assert_eq!(
        (f.kind, n(&f.low), f.unit.as_deref()),
        (FigureKind::Percent, Some(40.0), Some("%"))
    );
    assert_eq!(f.measure.as_deref(), Some("voter"));
    assert_eq!(one("40 percent").kind, FigureKind::Percent);
    assert_eq!(one("40 per cent").kind, FigureKind::Percent);
    let f = one("3 percentage points");
    assert_eq!(
        (f.kind, n(&f.low)),
        (FigureKind::PercentagePoints, Some(3.0))
    );
    assert_eq!(interval("5 to 10%"), (Some(5.0), Some(10.0)));
}

#[test]
fn money_with_currency() {
    for (text, value, unit) in [
        ("$2bn", 2e9, "USD"),
        ("$ 75 million", 75e6, "USD"),
        ("€5 million", 5e6, "EUR"),
        ("£15 million", 15e6, "GBP"),
        ("323 million euros", 323e6, "EUR"),
        ("five million yen", 5e6, "JPY"),
        ("GBP 350", 350.0, "GBP"),
        ("C$ 16.4 million", 16.4e6, "CAD"),
        ("30 MUSD", 30e6, "USD"),
        ("3 dollars 50 cents", 3.5, "USD"),
    ] {
        let f = one(text);
        assert_eq!(f.kind, FigureKind::Money, "{text}");
        assert_eq!(n(&f.low), Some(value), "{text}");
        assert_eq!(f.unit.as_deref(), Some(unit), "{text}");
    }
}

#[test]
fn ordinals_and_years_are_kept_apart_from_counts() {
    let f = one("the third strike");
    assert_eq!((f.kind, n(&f.low)), (FigureKind::Ordinal, Some(3.0)));
    assert_eq!(one("the 21st strike").kind, FigureKind::Ordinal);
    let f = one("in 2019 the war began");
    assert_eq!((f.kind, n(&f.low)), (FigureKind::Year, Some(2019.0)));
    assert_eq!(one("since 2019.").kind, FigureKind::Year);
    assert_eq!(one("2000 troops").kind, FigureKind::Count);
}

#[test]
fn fractions_and_proportions() {
    assert!((n(&one("two thirds of voters").low).unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(one("two thirds of voters").kind, FigureKind::Fraction);
    assert_eq!(n(&one("one in five adults").low), Some(0.2));
    assert_eq!(n(&one("3/4 of the boats").low), Some(0.75));
}

#[test]
fn dates_without_publication_leave_the_year_open() {
    for text in [
        "November 21",
        "Nov. 21",
        "21 November",
        "Nov 21st",
        "the 21st of November",
    ] {
        let f = figs(text);
        let f = f
            .iter()
            .find(|f| f.kind == FigureKind::Date)
            .unwrap_or_else(|| panic!("{text}"));
        assert_eq!(d(&f.low), Some("--11-21"), "{text}");
        assert_eq!(d(&f.high), Some("--11-21"), "{text}");
        assert_eq!(f.measure.as_deref(), Some(dates::DATE_MEASURE));
    }
}

#[test]
fn dates_take_the_year_nearest_publication() {
    let f = &on("They spoke on November 21.", "2025-11-30")[0];
    assert_eq!(d(&f.low), Some("2025-11-21"));
    let f = &on("They spoke on December 30.", "2026-01-02")[0];
    assert_eq!(d(&f.low), Some("2025-12-30"));
    let f = &on("They spoke on November 21, 2024.", "2025-11-30")[0];
    assert_eq!(d(&f.low), Some("2024-11-21"));
}

#[test]
fn weekdays_are_the_last_such_day_on_or_before_publication() {
    // 2025-11-26 is a Wednesday
    let f = &on("The rally took place on Monday.", "2025-11-26")[0];
    assert_eq!((f.kind, d(&f.low)), (FigureKind::Date, Some("2025-11-24")));
    let f = &on("The rally took place on Wednesday.", "2025-11-26")[0];
    assert_eq!(d(&f.low), Some("2025-11-26"));
    // unknown publication: a date with open ends
    let f = one("The rally took place on Monday.");
    assert_eq!((f.kind, f.low.clone()), (FigureKind::Date, None));
}

#[test]
fn since_a_month_is_a_lower_bound() {
    let f = &on("Since September, the US has struck boats.", "2025-11-26")[0];
    assert_eq!(f.qualifier, Qualifier::LowerBound);
    assert_eq!((d(&f.low), f.high.clone()), (Some("2025-09-01"), None));
    let f = &on("Since December, prices rose.", "2025-11-26")[0];
    assert_eq!(d(&f.low), Some("2024-12-01"));
    let f = one("Since September, the US has struck boats.");
    assert_eq!(d(&f.low), Some("--09"));
}

#[test]
fn may_the_verb_is_no_month() {
    assert!(
        figs("He may 21 times")
            .iter()
            .all(|f| f.kind != FigureKind::Date)
    );
}

#[test]
fn durations_keep_their_unit() {
    let f = one("gave Maduro one week to leave");
    assert_eq!(
        (f.kind, n(&f.low), f.unit.as_deref()),
        (FigureKind::Duration, Some(1.0), Some("weeks"))
    );
    let f = one("a 48-hour deadline");
    assert_eq!(
        (f.kind, n(&f.low), f.unit.as_deref()),
        (FigureKind::Duration, Some(48.0), Some("hours"))
    );
    assert_eq!(one("48 hours").unit.as_deref(), Some("hours"));
    let f = one("a one-week deadline");
    assert_eq!(
        (f.kind, n(&f.low), f.unit.as_deref()),
        (FigureKind::Duration, Some(1.0), Some("weeks"))
    );
}

#[test]
fn measures_are_stemmed_head_nouns() {
    assert_eq!(one("15,000 U.S. troops").measure.as_deref(), Some("troop"));
    assert_eq!(one("15,000 soldiers").measure.as_deref(), Some("troop"));
    assert_eq!(one("20 strikes").measure.as_deref(), Some("oper"));
    assert_eq!(
        one("20 drug-trafficking vessels").measure.as_deref(),
        Some("boat")
    );
    assert_eq!(
        one("20 people killed").measure.as_deref(),
        Some("peopl kill")
    );
    assert_eq!(
        one("killing 20 people").measure.as_deref(),
        Some("peopl kill")
    );
    assert_eq!(
        one("15,000 troops and a carrier").measure.as_deref(),
        Some("troop")
    );
    assert_eq!(
        one("the strike killed 20.").measure.as_deref(),
        Some("peopl kill")
    );
    assert_eq!(one("20 killed").measure.as_deref(), Some("peopl kill"));
    assert_eq!(
        one("at least 20 dead").measure.as_deref(),
        Some("peopl dead")
    );
}

#[test]
fn endpoints_serialize_whole_numbers_without_decimals() {
    let json = serde_json::to_string(&one("more than 20 operations")).unwrap();
    assert!(json.contains("\"low\":20,"), "{json}");
    assert!(json.contains("\"high\":null"), "{json}");
    let json = serde_json::to_string(&one("1.5 percent")).unwrap();
    assert!(json.contains("\"low\":1.5"), "{json}");
}

#[test]
fn measure_lexicon_is_sorted_and_without_duplicates() {
    let groups = measure_groups();
    let heads: Vec<&String> = groups.iter().map(|(h, _)| h).collect();
    let mut sorted = heads.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(heads, sorted, "groups sorted by canonical word");
    let mut seen = std::collections::BTreeSet::new();
    for (head, words) in &groups {
        let mut w = words.clone();
        w.sort();
        assert_eq!(&w, words, "words of {head} sorted");
        for word in words {
            assert!(seen.insert(stem(word)), "{word} in two groups");
        }
    }
}

// ---------------------------------------------------------------------------
// Properties: a number written the usual ways reads back as itself.

fn with_commas(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn in_words(v: u64) -> String {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(v: u64) -> String {
        let mut parts = Vec::new();
        if v >= 100 {
            parts.push(format!("{} hundred", UNITS[(v / 100) as usize]));
        }
        let rest = v % 100;
        if rest > 0 {
            if v >= 100 {
                parts.push("and".into());
            }
            if rest < 20 {
                parts.push(UNITS[rest as usize].into());
            } else if rest.is_multiple_of(10) {
                parts.push(TENS[(rest / 10) as usize].into());
            } else {
                parts.push(format!(
                    "{}-{}",
                    TENS[(rest / 10) as usize],
                    UNITS[(rest % 10) as usize]
                ));
            }
        }
        parts.join(" ")
    }
    if v == 0 {
        return "zero".into();
    }
    let mut parts = Vec::new();
    for (scale, name) in [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ] {
        if !(v / scale).is_multiple_of(1000) {
            parts.push(format!("{} {name}", below_thousand(v / scale % 1000)));
        }
    }
    if !v.is_multiple_of(1000) {
        parts.push(below_thousand(v % 1000));
    }
    parts.join(" ")
}

/// A spread of values: small, round, and irregular, without a random crate.
fn sample_values() -> Vec<u64> {
    let mut values: Vec<u64> = (1..=120).collect();
    let mut x: u64 = 0x2545_f491;
    for _ in 0..400 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        values.push(x % 2_000_000_000);
    }
    for round in [1_000, 15_000, 200_000, 1_000_000, 2_500_000, 40_000_000] {
        values.push(round);
    }
    values
}

#[test]
fn property_digits_and_commas_read_back() {
    for v in sample_values() {
        for text in [format!("{v} boats"), format!("{} boats", with_commas(v))] {
            let f = figs(&text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(n(&f[0].low), Some(v as f64), "{text}");
        }
    }
}

#[test]
fn property_words_read_back() {
    for v in sample_values() {
        let text = format!("{} boats", in_words(v));
        let f = figs(&text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(n(&f[0].low), Some(v as f64), "{text}");
    }
}

#[test]
fn property_scaled_forms_read_back() {
    for v in sample_values() {
        if v % 1000 != 0 || v == 0 {
            continue;
        }
        let thousands = v / 1000;
        let mut forms = vec![
            format!("{thousands}k boats"),
            format!("{thousands} thousand boats"),
            format!("{} thousand boats", with_commas(thousands)),
        ];
        if v % 1_000_000 == 0 {
            forms.push(format!("{} million boats", v / 1_000_000));
        } else if v % 100_000 == 0 && v > 1_000_000 {
            forms.push(format!("{} million boats", v as f64 / 1e6));
            forms.push(format!("{}m boats", v as f64 / 1e6));
        }
        for text in forms {
            let f = figs(&text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(n(&f[0].low), Some(v as f64), "{text}");
        }
    }
}

#[test]
fn property_fifteen_thousand_every_way() {
    for text in [
        "15000",
        "15,000",
        "15k",
        "fifteen thousand",
        "15 thousand",
        "15K",
    ] {
        let f = figs(&format!("{text} troops"));
        assert_eq!(f.len(), 1, "{text}");
        assert_eq!(
            (n(&f[0].low), n(&f[0].high)),
            (Some(15000.0), Some(15000.0)),
            "{text}"
        );
        assert_eq!(f[0].measure.as_deref(), Some("troop"), "{text}");
    }
}

/// The seed story's sentences with figures (published 2025-11-30).
#[test]
fn seed_story_figures() {
    let published = "2025-11-30";
    let f = on(
        "According to reports, the US has stationed 15,000 troops and deployed a major aircraft carrier to the region.",
        published,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (n(&f[0].low), n(&f[0].high), f[0].qualifier),
        (Some(15000.0), Some(15000.0), Qualifier::Exact)
    );
    assert_eq!(f[0].measure.as_deref(), Some("troop"));

    let f = on(
        "Since September, the US has carried out more than 20 operations targeting alleged drug-trafficking vessels.",
        published,
    );
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(
        (d(&f[0].low), f[0].qualifier),
        (Some("2025-09-01"), Qualifier::LowerBound)
    );
    assert_eq!(
        (n(&f[1].low), n(&f[1].high), f[1].low_exclusive),
        (Some(20.0), None, true)
    );
    assert_eq!(
        (f[1].qualifier, f[1].measure.as_deref()),
        (Qualifier::LowerBound, Some("oper"))
    );

    let f = on(
        "Reports from Reuters suggest that Trump and Maduro spoke by phone on November 21.",
        published,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (d(&f[0].low), d(&f[0].high)),
        (Some("2025-11-21"), Some("2025-11-21"))
    );

    let f = on(
        "Trump reportedly refused most of those conditions and gave Maduro one week to leave.",
        published,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].kind, n(&f[0].low), f[0].unit.as_deref()),
        (FigureKind::Duration, Some(1.0), Some("weeks"))
    );

    let f = on(
        "Venezuelan President Nicolás Maduro reaffirmed his government’s stance during a massive rally in Caracas, telling thousands of supporters that the country seeks peace.",
        published,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].qualifier, n(&f[0].low)),
        (Qualifier::Vague, Some(2000.0))
    );
}

#[test]
fn numbers_inside_names_times_and_idioms_are_no_figures() {
    assert!(figs("died of Covid-19 complications").is_empty());
    assert!(figs("an F-16 jet").is_empty());
    assert!(figs("at 16:00 GMT").is_empty());
    assert!(figs("That one is really good").is_empty());
    assert!(figs("The one you mentioned is invalid").is_empty());
    assert!(
        figs("24/7 service")
            .iter()
            .all(|f| f.kind != FigureKind::Fraction)
    );
}

#[test]
fn a_change_and_its_result_are_not_a_range() {
    let f = figs("claims fell by 36,000 to 293,000 last week");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(n(&f[1].low), Some(293_000.0));
}

#[test]
fn years_used_as_adjectives_are_years() {
    assert_eq!(one("the 2020 election").kind, FigureKind::Year);
    assert_eq!(one("more than 2000 boats").kind, FigureKind::Count);
}

#[test]
fn sentence_ends_stop_the_measure() {
    let f = figs("He was 84. Powell served three presidents.");
    assert_eq!(f[0].measure, None);
}

#[test]
fn comparison_phrases_in_every_order() {
    for text in [
        "greater than or equal to 30",
        "equal to or more than 30",
        "bigger or equal than 30",
        "larger or equal to 30",
        "30 or higher",
    ] {
        let f = one(text);
        assert_eq!(
            (f.qualifier, n(&f.low), f.low_exclusive),
            (Qualifier::LowerBound, Some(30.0), false),
            "{text}"
        );
    }
    for text in [
        "less than or equal to 30",
        "equal to or less than 30",
        "smaller or equal to 30",
        "30 and under",
    ] {
        let f = one(text);
        assert_eq!(
            (f.qualifier, n(&f.high), f.high_exclusive),
            (Qualifier::UpperBound, Some(30.0), false),
            "{text}"
        );
    }
}

#[test]
fn hyphenated_fractions_and_spoken_decimals() {
    assert!((n(&one("two-thirds of voters").low).unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(n(&one("one-half of the boats").low), Some(0.5));
    assert_eq!(exact("half a dozen boats"), 6.0);
    assert_eq!(exact("one point five million people"), 1_500_000.0);
    assert_eq!(exact("a .5 share"), 0.5);
}

#[test]
fn more_currencies() {
    for (text, unit) in [
        ("5 bucks", "USD"),
        ("100 SEK", "SEK"),
        ("20 rand", "ZAR"),
        ("S$ 10", "SGD"),
    ] {
        let f = one(text);
        assert_eq!(
            (f.kind, f.unit.as_deref()),
            (FigureKind::Money, Some(unit)),
            "{text}"
        );
    }
}

#[test]
fn intervals_read_in_mathematical_notation() {
    assert_eq!(one("15,000 troops").interval(), "15000");
    assert_eq!(one("more than 20 strikes").interval(), "(20, ∞)");
    assert_eq!(one("fewer than 50 boats").interval(), "[0, 50)");
    assert_eq!(one("10,000 to 15,000 troops").interval(), "[10000, 15000]");
    assert_eq!(one("November 21").interval(), "--11-21");
    assert_eq!(one("on Monday").interval(), "?");
    assert_eq!(one("$2bn").interval(), "2000000000 USD");
}

#[test]
fn a_tilde_between_numbers_is_a_range() {
    assert_eq!(interval("20~30 boats"), (Some(20.0), Some(30.0)));
    assert_eq!(one("~30 boats").qualifier, Qualifier::Approx);
}

#[test]
fn a_plural_without_s_ends_the_measure() {
    assert_eq!(
        one("Twelve hundred people came.").measure.as_deref(),
        Some("peopl")
    );
    assert_eq!(
        one("About 300 children went home.").measure.as_deref(),
        Some("children")
    );
}

#[test]
fn a_vague_amount_before_a_scale_word_is_multiplied() {
    for (text, low, high) in [
        ("a few hundred boats came", 200.0, 500.0),
        ("several thousand people marched", 3000.0, 9000.0),
        ("tens of millions of dollars were lost", 20e6, 99e6),
    ] {
        let f = one(text);
        assert_eq!(f.qualifier, Qualifier::Vague, "{text}");
        assert_eq!(interval(text), (Some(low), Some(high)), "{text}");
    }
}

#[test]
fn a_plural_noun_ends_the_measure_before_a_verb() {
    assert_eq!(one("Some 20 boats came.").measure.as_deref(), Some("boat"));
    assert_eq!(
        one("15,000 troops remain.").measure.as_deref(),
        Some("troop")
    );
}

#[test]
fn an_ordinal_before_of_and_a_month_names_a_day() {
    assert!(figs("over the Fourth of July holiday weekend").is_empty());
    assert!(figs("A bloody Fourth of July weekend ended.").is_empty());
    // still figures: an ordinal without a month, a date written with digits
    assert_eq!(one("the fourth time").kind, FigureKind::Ordinal);
    assert_eq!(one("the 4th of July").kind, FigureKind::Date);
}

#[test]
fn a_casualty_verb_in_the_passive_joins_the_measure() {
    assert_eq!(
        one("Dozens of demonstrators were arrested.")
            .measure
            .as_deref(),
        Some("protest arrest")
    );
    assert_eq!(
        one("150 people were killed.").measure,
        one("150 people killed.").measure
    );
    assert_eq!(
        one("Ten people have been injured.").measure.as_deref(),
        Some("peopl injur")
    );
    assert_eq!(
        one("Dozens were arrested.").measure.as_deref(),
        Some("peopl arrest")
    );
    // other verbs after "were" do not
    assert_eq!(one("20 boats were seen.").measure.as_deref(), Some("boat"));
}

#[test]
fn a_duration_that_states_an_age_has_measure_age() {
    let f = one("individuals 16 years of age or older");
    assert_eq!(
        (f.kind, f.measure.as_deref()),
        (FigureKind::Duration, Some(AGE_MEASURE))
    );
    assert_eq!(
        one("a man 40 years old").measure.as_deref(),
        Some(AGE_MEASURE)
    );
    assert_eq!(
        one("the strike lasted 16 years").measure.as_deref(),
        Some("duration")
    );
}

#[test]
fn numbers_in_names_times_and_ages_count_nothing() {
    for text in [
        "Reid breaks with Obama over the Ground Zero mosque.",
        "Reid Breaks With Obama Over Proposed Ground Zero Mosque",
        "He flew aboard Air Force One.",
        "G7 leaders met.",
        "The Justice for J6 rally drew a crowd.",
        "the 9/11 hijackers",
        "Some will start working 24/7 to address the backlogs.",
        "He voted at 1 a.m. and left at 9pm.",
        "Colorado voters approved Amendment 64, legalizing marijuana.",
        "The fate of Senate Bill 7 is unclear.",
    ] {
        assert!(figs(text).is_empty(), "{text:?} gave {:#?}", figs(text));
    }
    assert_eq!(one("Two mosques are nearby.").value, Some(2.0));
    assert_eq!(
        one("Biden Vetoes Two Republican Appointees").value,
        Some(2.0)
    );
    for text in [
        "a 14-year-old girl",
        "Hodgkins, aged 38, spoke.",
        "died at the age of 84",
        "John Warner dies at 94",
        "Colin Powell dead at 84 from COVID-19 complications",
        "Mr. Naderi, 23, said it was far.",
    ] {
        assert_eq!(one(text).measure.as_deref(), Some(AGE_MEASURE), "{text}");
    }
}

#[test]
fn verbs_of_passing_a_number_make_a_lower_bound() {
    for text in [
        "it surpassed 165",
        "Death toll tops 165",
        "claims exceeded 165",
    ] {
        let f = one(text);
        assert_eq!(f.qualifier, Qualifier::LowerBound, "{text}");
        assert_eq!(n(&f.low), Some(165.0));
        assert!(f.low_exclusive, "{text}");
    }
    // a bill passes; its amount is no bound
    assert_eq!(
        one("Senate passes $1 trillion bill").qualifier,
        Qualifier::Exact
    );
    let f = one("people 65 and older");
    assert_eq!(
        (f.qualifier, n(&f.low), f.low_exclusive),
        (Qualifier::LowerBound, Some(65.0), false)
    );
}

#[test]
fn abbreviated_scales_multiply() {
    for (text, value) in [
        ("$10 bln", 1e10),
        ("10 tln", 1e13),
        ("2mil", 2e6),
        ("2 mil people", 2e6),
        ("3 trln", 3e12),
    ] {
        assert_eq!(n(&one(text).low), Some(value), "{text}");
    }
}

#[test]
fn a_spaced_dash_joins_tens_and_units() {
    assert_eq!(one("fifty - two people").value, Some(52.0));
    assert_eq!(one("fifty-two people").value, Some(52.0));
}

/// Whole numbers, and numbers whose shortest writing has at most twelve
/// significant digits, skip the written rounding in `tidy`: the shortcuts
/// give what writing to twelve significant digits and reading back gives,
/// on seeded whole numbers up to the bound, decimals of 1 to 17 digits
/// and fractions beside.
#[test]
fn numbers_needing_no_rounding_round_to_themselves() {
    let written = |v: f64| -> f64 {
        format!("{:.*e}", assemble::SIGNIFICANT_DIGITS - 1, v)
            .parse()
            .unwrap()
    };
    let mut seed: u64 = 0x0123_4567_89AB_CDEF;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let whole = (seed % 1_000_000_000_000) as f64;
        let digits = 10f64.powi((seed >> 50) as i32 % 12);
        let beyond = whole * 1e4 + 7.0;
        for v in [
            whole,
            -whole,
            (whole / digits).trunc(),
            whole / 1e3,
            beyond,
            999_999_999_999.0,
            seed as f64 / 10f64.powi((seed >> 40) as i32 % 24),
            (seed % 10u64.pow((seed >> 20) as u32 % 18)) as f64
                / 10f64.powi((seed >> 8) as i32 % 20),
            1.0 / (1 + seed % 97) as f64,
            -(whole / 7.0),
            whole * 1e9 + 0.5,
        ] {
            assert_eq!(assemble::tidy(v).to_bits(), written(v).to_bits(), "{v}");
        }
    }
}
