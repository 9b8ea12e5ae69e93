//! Figures assembled: a number read with everything around it, its kind and interval.

use super::*;

/// A number with its sign, scale and what follows, as read at token `i`.
#[derive(Debug, Clone)]
pub(super) struct Amount {
    pub(super) start: usize,
    pub(super) value: f64,
    pub(super) cardinal: Cardinal,
    pub(super) kind: FigureKind,
    pub(super) unit: Option<String>,
    pub(super) end: usize,
}

pub(super) fn amount_at(tokens: &[Token], i: usize, allow_prefix_currency: bool) -> Option<Amount> {
    let mut j = i;
    let mut unit: Option<String> = None;
    let mut factor = 1.0;
    let mut negative = false;
    if allow_prefix_currency && let Some((u, end, f)) = currency_at(tokens, j) {
        // "$ 75 million", "GBP 350", "dollar 22.5 million"
        if tokens.get(end).is_some_and(|t| {
            t.kind == TokenKind::Num || word_number(&t.lower).is_some() || t.is("-")
        }) {
            unit = Some(u.to_string());
            factor = f;
            j = end;
        }
    }
    let t = tokens.get(j)?;
    let minus_sign = (t.is("-") || t.is("−"))
        && tokens
            .get(j + 1)
            .is_some_and(|n| n.kind == TokenKind::Num && n.attached())
        && (j == 0 || t.space_before || tokens[j - 1].kind == TokenKind::Sym);
    if t.is("minus") || t.is("negative") || minus_sign {
        negative = true;
        j += 1;
    }
    let cardinal = cardinal_at(tokens, j)?;
    let mut value = cardinal.value;
    let mut end = cardinal.end;
    let mut kind = if cardinal.ordinal {
        FigureKind::Ordinal
    } else if cardinal.fraction {
        FigureKind::Fraction
    } else {
        FigureKind::Count
    };
    // "21st", "3rd": an ordinal suffix against the digits
    if let Some(s) = tokens.get(end)
        && s.attached()
        && tokens[end - 1].kind == TokenKind::Num
        && matches!(s.lower.as_str(), "st" | "nd" | "rd" | "th")
    {
        kind = FigureKind::Ordinal;
        end += 1;
    }
    if unit.is_some() {
        kind = FigureKind::Money;
    }
    if kind == FigureKind::Count || kind == FigureKind::Money {
        // "75 USD million": a scale after the currency
        if let Some(s) = suffix_at(tokens, end)
            && (kind == FigureKind::Count || s.kind == FigureKind::Money && unit.is_none())
        {
            {
                kind = s.kind;
                unit = s.unit;
                factor *= s.factor;
                end = s.end;
            }
        }
        // "£ 15 m", "$ 2 bn": after a currency sign a lone letter is a scale
        let money_scale = |t: &Token| {
            scale_of(t, false).or_else(|| {
                ATTACHED_SCALES
                    .iter()
                    .find(|(w, _)| *w == t.lower && *w != "g")
                    .map(|&(_, f)| f)
            })
        };
        if kind == FigureKind::Money
            && !cardinal.scaled
            && let Some(t) = tokens.get(end)
            && let Some(f) = money_scale(t)
            && f >= 1e3
        {
            factor *= f;
            end += 1;
        }
    }
    // "one in five", "1 out of 3", "2000 over 3": a proportion
    if kind == FigureKind::Count
        && !cardinal.scaled
        && let Some(t) = tokens.get(end)
        && (t.is("in")
            || t.is("over")
            || (t.is("out") && tokens.get(end + 1).is_some_and(|o| o.is("of"))))
    {
        let k = if t.is("out") { end + 2 } else { end + 1 };
        if let Some(den) = cardinal_at(tokens, k)
            && !den.ordinal
            && den.value > 0.0
            && (den.value > value || t.is("over"))
            && !(tokens[k].bare_digits && YEAR_RANGE.contains(&tokens[k].value))
        {
            value /= den.value;
            end = den.end;
            kind = FigureKind::Fraction;
        }
    }
    value *= factor;
    // cents after an amount: "3 dollars 50 cents", "15 dollars and 50"
    if kind == FigureKind::Money && !cardinal.scaled && factor == 1.0 {
        let k = if tokens.get(end).is_some_and(|t| t.is("and")) {
            end + 1
        } else {
            end
        };
        if let Some(c) = cardinal_at(tokens, k)
            && c.value < 100.0
            && c.value.fract() == 0.0
            && !c.ordinal
            && tokens.get(c.end).is_none_or(|t| {
                t.is("cents") || t.is("cent") || currency_at(tokens, c.end).is_none()
            })
            && (tokens[k].space_before || k > end)
            && !tokens.get(c.end).is_some_and(|t| {
                time_unit(&t.lower).is_some()
                    || t.kind == TokenKind::Word && !t.is("cents") && !t.is("cent") && !t.is("and")
            })
        {
            value += c.value / 100.0;
            end = c.end;
            if tokens
                .get(end)
                .is_some_and(|t| t.is("cents") || t.is("cent"))
            {
                end += 1;
            }
        }
    }
    if negative {
        value = -value;
    }
    Some(Amount {
        start: i,
        value,
        cardinal,
        kind,
        unit,
        end,
    })
}

/// Significant digits kept in a figure's value: enough for any amount in
/// the news, few enough that 16.4 × 10⁶ reads 16400000, not 16399999.999999998.
pub(super) const SIGNIFICANT_DIGITS: usize = 12;

/// `v` rounded to [`SIGNIFICANT_DIGITS`].
pub(crate) fn tidy(v: f64) -> f64 {
    // A whole number of at most twelve digits is its own rounding: most
    // figures, read without writing and parsing them again.
    if v == 0.0 || !v.is_finite() || (v.fract() == 0.0 && v.abs() < 1e12) {
        return v;
    }
    // A number whose shortest exact writing has at most twelve significant
    // digits ("1.5", "0.25") is its own rounding too: it lies far closer
    // to that writing than half a unit of the twelfth digit, and reads
    // back as itself.
    let mut shortest = ryu::Buffer::new();
    if significant_digits(shortest.format_finite(v)) <= SIGNIFICANT_DIGITS {
        return v;
    }
    format!("{:.*e}", SIGNIFICANT_DIGITS - 1, v)
        .parse()
        .unwrap_or(v)
}

/// The significant digits of a number written as ryu writes it ("1.5",
/// "0.025", "1.5e-7", "-12.0"): its digits before any exponent, without
/// leading zeros and a trailing ".0".
fn significant_digits(written: &str) -> usize {
    let mantissa = written.split(['e', 'E']).next().unwrap_or(written);
    let mantissa = mantissa.strip_suffix(".0").unwrap_or(mantissa);
    let digits = mantissa.bytes().filter(u8::is_ascii_digit);
    digits.skip_while(|&d| d == b'0').count()
}

pub(super) fn number(v: f64) -> Option<Endpoint> {
    Some(Endpoint::Number(tidy(v)))
}

/// Read a quantity at token `i`: qualifier, amount, range or bound after it.
pub(super) fn quantity_at(tokens: &[Token], i: usize, text: &str) -> Option<(Figure, usize)> {
    // qualifier phrases before the number; at most two ("from about")
    let mut j = i;
    // kept on the stack: this runs at every token that may start a figure
    let mut phrases = [(Before::Approx, 0); 2];
    let mut found_phrases = 0;
    // "under the age of 6": a bound, then words that make its number an age
    let mut age_phrase = false;
    for _ in 0..2 {
        let found = before_index().longest_at(tokens, j);
        match found {
            Some((b, e)) => {
                phrases[found_phrases] = (b, j);
                found_phrases += 1;
                j = e;
                if let Some(after) = AGE_PHRASES
                    .iter()
                    .find_map(|p| phrase_at(tokens, j, p))
                    .filter(|&a| tokens.get(a).is_some_and(|t| t.kind == TokenKind::Num))
                {
                    j = after;
                    age_phrase = true;
                    break;
                }
                // "the tenth": an article between the phrase and an ordinal
                if tokens.get(j).is_some_and(|t| t.is("the"))
                    && tokens
                        .get(j + 1)
                        .is_some_and(|t| word_number(&t.lower).is_some_and(|(_, o)| o))
                {
                    j += 1;
                }
            }
            None => break,
        }
    }
    let mut before = &phrases[..found_phrases];
    // "16:00", "3:2": clock times and scores are no figures
    let colon = |k: usize| tokens.get(k).is_some_and(|t| t.is(":") && t.attached());
    if tokens.get(j).is_some_and(|t| t.kind == TokenKind::Num)
        && (colon(j + 1) && tokens.get(j + 2).is_some_and(Token::attached)
            || j > 0 && colon(j - 1) && tokens[j].attached())
    {
        return None;
    }
    // "that one", "the one you mentioned": a pronoun, not a number
    if tokens.get(j).is_some_and(|t| t.is("one"))
        && j > 0
        && PRONOUN_ONE_BEFORE.contains(&tokens[j - 1].lower.as_str())
    {
        return None;
    }
    // "G7", "J6", "COVID19": digits against the letters of a name
    if j >= 1
        && tokens[j - 1].kind == TokenKind::Word
        && tokens
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Num && t.attached())
    {
        return None;
    }
    // "1 a.m.", "12:00 p.m.", "9pm": the time of day, not a count
    if tokens.get(j).is_some_and(|t| t.kind == TokenKind::Num) && clock_after(tokens, j + 1) {
        return None;
    }
    // "Covid-19", "F-16": a number that ends a name
    if j >= 2
        && tokens[j - 1].is("-")
        && tokens[j - 1].attached()
        && tokens.get(j).is_some_and(Token::attached)
        && tokens[j - 2].kind == TokenKind::Word
    {
        return None;
    }
    let mut amount = amount_at(tokens, j, true)?;
    if amount.start != j {
        return None;
    }
    // "$974 billion over five years", "3% over two years": "over" right
    // after a figure gives the time it is spread over, and bounds nothing
    let spread = |&(b, at): &(Before, usize)| {
        b == Before::Above && tokens[at].is("over") && after_a_figure(tokens, at)
    };
    if amount.kind == FigureKind::Duration && before.first().is_some_and(spread) {
        before = &[];
    }
    let i = before.first().map_or(j, |&(_, at)| at);
    // "fell by 36,000 to 293,000" is a change and a result, not a range
    let after_change = j
        .checked_sub(1)
        .and_then(|b| tokens.get(b))
        .is_some_and(|p| CHANGE_WORDS.contains(&p.lower.as_str()));
    let mut changed_from = false;
    let mut start = i;
    let mut qualifier = Qualifier::Exact;
    let mut low = amount.value;
    let mut high = amount.value;
    let mut low_open = false;
    let mut high_open = false;
    let mut low_excl = false;
    let mut high_excl = false;
    let mut end = amount.end;
    let mut range_word = None;
    let mut bound: Option<Before> = None;
    for &(b, at) in before {
        match b {
            // "rose from 4.8% to 5.2%": a change from one value to another
            Before::From
                if at
                    .checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|p| CHANGE_VERBS.contains(&p.lower.as_str())) =>
            {
                range_word = None;
                changed_from = true;
            }
            Before::Between | Before::From => range_word = Some(b),
            other => bound = Some(other),
        }
    }
    // a range: "10,000 to 15,000", "between 10 and 20", "10-20 billion"
    let connector_end = |k: usize| -> Option<usize> {
        let t = tokens.get(k)?;
        let ok = match range_word {
            Some(Before::Between) => t.is("and"),
            _ => {
                (t.is("to") && !(after_change && range_word.is_none()) && !changed_from)
                    || t.is("through")
                    || t.is("thru")
                    || t.is("~")
                    || t.is("–")
                    || t.is("—")
                    || (t.is("-") && !tokens.get(k + 1).is_some_and(|n| n.is("-")))
                    || (t.is("or") && amount.value < 100.0 && range_word.is_none())
                    || (t.is("and") && range_word == Some(Before::From))
            }
        };
        if !ok {
            return None;
        }
        let mut k = k + 1;
        if tokens.get(k).is_some_and(|t| t.is("the")) {
            k += 1;
        }
        Some(k)
    };
    let mut ranged = false;
    // "some 40 to 50", "about 10 to 15 percent": an approximate range
    let approximate = matches!(bound, Some(Before::Approx));
    if (bound.is_none() || approximate)
        && let Some(k) = connector_end(end)
        && let Some(second) = amount_at(tokens, k, true)
        && second.cardinal.ordinal == amount.cardinal.ordinal
        && !(amount.kind == FigureKind::Count
            && amount.cardinal.bare_digits
            && YEAR_RANGE.contains(&amount.value)
            && second.cardinal.bare_digits
            && YEAR_RANGE.contains(&second.value))
    {
        let mut first_value = amount.value;
        // carry the scale over: "10 to 20 billion"
        if !amount.cardinal.scaled
            && second.cardinal.scaled
            && amount.value * second.cardinal.scale <= second.value
        {
            first_value *= second.cardinal.scale;
        }
        // carry the currency or percent over: "$10 to 20 million", "5 to 10%"
        let kind = if second.kind != FigureKind::Count {
            second.kind
        } else {
            amount.kind
        };
        let unit = second.unit.clone().or(amount.unit.clone());
        let is_dash = tokens[end].is("-");
        let valid = first_value <= second.value
            && (kind == amount.kind || amount.kind == FigureKind::Count)
            && (!is_dash || tokens[end].attached() || tokens[end].space_before);
        if valid && (range_word.is_some() || !is_dash || first_value < second.value) {
            low = first_value;
            high = second.value;
            if approximate {
                low -= low.abs() * APPROX_BAND;
                high += high.abs() * APPROX_BAND;
            }
            amount.kind = kind;
            amount.unit = unit;
            end = second.end;
            qualifier = Qualifier::Range;
            ranged = true;
        }
    }
    if !ranged {
        // "between" / "from" without a second number: not part of the figure
        if let Some(&(b, _)) = before.first()
            && matches!(b, Before::Between | Before::From)
        {
            start = before.get(1).map_or(j, |&(_, s)| s);
        }
        match bound {
            Some(Before::Approx) => {
                qualifier = Qualifier::Approx;
                low = amount.value - amount.value.abs() * APPROX_BAND;
                high = amount.value + amount.value.abs() * APPROX_BAND;
            }
            Some(Before::Nearly) => {
                qualifier = Qualifier::Approx;
                low = amount.value - amount.value.abs() * NEARLY_BAND;
            }
            Some(Before::JustOver) => {
                qualifier = Qualifier::Approx;
                high = amount.value + amount.value.abs() * JUST_OVER_BAND;
                low_excl = true;
            }
            Some(Before::Above) => {
                qualifier = Qualifier::LowerBound;
                low_excl = true;
                high_open = true;
            }
            Some(Before::AtLeast) => {
                qualifier = Qualifier::LowerBound;
                high_open = true;
            }
            Some(Before::Below) => {
                qualifier = Qualifier::UpperBound;
                high_excl = true;
                low = 0.0;
                low_open = amount.value <= 0.0;
            }
            Some(Before::AtMost) => {
                qualifier = Qualifier::UpperBound;
                low = 0.0;
                low_open = amount.value <= 0.0;
            }
            _ => {}
        }
        // after the number: "20+", "500 or more", "5000 or less", "or equal"
        if bound.is_none() || matches!(bound, Some(Before::Below | Before::Above | Before::Approx))
        {
            let approx = bound == Some(Before::Approx);
            if approx {
                bound = None;
            }
            let loose = loose_suffix(tokens, end).filter(|_| bound.is_none());
            let plus = tokens.get(end).is_some_and(|t| t.is("+") && t.attached());
            static MORE: OnceLock<PhraseIndex<()>> = OnceLock::new();
            static LESS: OnceLock<PhraseIndex<()>> = OnceLock::new();
            let or_more = MORE.get_or_init(|| PhraseIndex::new(OR_MORE.iter().map(|p| (p, ()))));
            let or_less = LESS.get_or_init(|| PhraseIndex::new(OR_LESS.iter().map(|p| (p, ()))));
            let more = or_more
                .first_at(tokens, end)
                .map(|(_, e)| e)
                .filter(|&e| !tokens.get(e).is_some_and(|t| t.is("than")));
            let less = or_less.first_at(tokens, end).map(|(_, e)| e);
            let or_equal = ["or equal to", "or equal"]
                .iter()
                .find_map(|p| phrase_at(tokens, end, p));
            if let Some((loose, e)) = loose {
                let value = amount.value;
                match loose {
                    Loose::Past => {
                        qualifier = Qualifier::Approx;
                        low = value;
                        low_excl = true;
                        high = value + loose_step(value);
                        high_excl = true;
                    }
                    Loose::Plus => {
                        qualifier = Qualifier::LowerBound;
                        low = value;
                        low_excl = true;
                        high_open = true;
                    }
                    Loose::About => {
                        qualifier = Qualifier::Approx;
                        low = value - value.abs() * APPROX_BAND;
                        high = value + value.abs() * APPROX_BAND;
                    }
                }
                end = e;
                // "20-odd years", "60-some percent": the unit after the
                // loose word
                if amount.kind == FigureKind::Count
                    && amount.unit.is_none()
                    && let Some(s) = suffix_at(tokens, end)
                        .filter(|s| matches!(s.kind, FigureKind::Duration | FigureKind::Percent))
                {
                    amount.kind = s.kind;
                    amount.unit = s.unit;
                    end = s.end;
                }
            } else if bound.is_none() && plus {
                qualifier = Qualifier::LowerBound;
                low = amount.value;
                low_excl = true;
                high_open = true;
                end += 1;
            } else if bound.is_none()
                && let Some(e) = more
            {
                qualifier = Qualifier::LowerBound;
                low = amount.value;
                high_open = true;
                end = e;
            } else if bound.is_none()
                && let Some(e) = less
            {
                qualifier = Qualifier::UpperBound;
                low = 0.0;
                high = amount.value;
                low_open = amount.value <= 0.0;
                end = e;
            } else if let Some(e) = or_equal
                && bound.is_some()
            {
                low_excl = false;
                high_excl = false;
                end = e;
            }
        }
    }
    let kind = classify(tokens, &amount, qualifier, start, end);
    let measure = match kind {
        FigureKind::Year => Some("year".to_string()),
        FigureKind::Count if age_phrase || is_an_age(tokens, start, end) => {
            Some(AGE_MEASURE.to_string())
        }
        FigureKind::Duration if states_an_age(tokens, end) => Some(AGE_MEASURE.to_string()),
        FigureKind::Duration => Some("duration".to_string()),
        FigureKind::Percent | FigureKind::PercentagePoints => {
            measure_after(tokens, start, end).or(Some("percent".to_string()))
        }
        FigureKind::Money => measure_after(tokens, start, end).or(Some("money".to_string())),
        FigureKind::Count => {
            measure_after(tokens, start, end).or_else(|| measure_before(tokens, start))
        }
        _ => measure_after(tokens, start, end),
    };
    let mut f = figure(
        text,
        tokens,
        start,
        end,
        kind,
        qualifier,
        (!low_open).then_some(low).and_then(number),
        (!high_open).then_some(high).and_then(number),
        amount.unit.clone(),
        measure,
    );
    f.low_exclusive = low_excl && !low_open;
    f.value = (qualifier != Qualifier::Range).then_some(tidy(amount.value));
    f.high_exclusive = high_excl && !high_open;
    Some((f, end))
}

/// Whether the token before `at` ends a figure: digits, a scale word, a
/// percent sign or word, or a currency ("$974 billion over", "3% over").
fn after_a_figure(tokens: &[Token], at: usize) -> bool {
    at.checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| {
            t.kind == TokenKind::Num
                || scale_of(t, true).is_some()
                || t.is("%")
                || percent_at(tokens, at - 1).is_some()
                || currency_at(tokens, at - 1).is_some_and(|(_, end, _)| end == at)
        })
}

/// The measure of a duration that states an age: "16 years of age", "16
/// years old" are how old someone is, not how long something lasted, and
/// are compared only with ages.
pub const AGE_MEASURE: &str = "age";

/// Whether a figure states an age (measure [`AGE_MEASURE`]).
pub fn is_age(figure: &Figure) -> bool {
    figure.measure.as_deref() == Some(AGE_MEASURE)
}

/// Whether the tokens from `k` on say the time of day: "a.m.", "p.m.",
/// "am"/"pm" against the number.
pub(super) fn clock_after(tokens: &[Token], k: usize) -> bool {
    let Some(t) = tokens.get(k) else {
        return false;
    };
    let dotted = (t.is("a") || t.is("p"))
        && tokens.get(k + 1).is_some_and(|d| d.is(".") && d.attached())
        && tokens.get(k + 2).is_some_and(|m| m.is("m") && m.attached());
    dotted || (t.is("am") || t.is("pm")) && t.attached()
}

/// Words after a number that make it an age: "14-year-old", "14 years
/// old", "six-month-old".
pub(super) static AGE_AFTER: WordList =
    WordList::new(include_str!("../../../lexicons/figures-age-after.txt"));

/// Whether the number before token `end` states an age: "a 14-year-old
/// girl", "aged 38", "at the age of 84", "age 84". An age is measured as
/// [`AGE_MEASURE`], so that it is never set against a count of the people
/// it describes ("a 14-year-old girl" against "four teenage girls").
pub(super) fn is_an_age(tokens: &[Token], start: usize, end: usize) -> bool {
    let mut k = end;
    if tokens.get(k).is_some_and(|t| t.is("-") && t.attached()) {
        k += 1;
    }
    let after = tokens.get(k).is_some_and(|t| {
        AGE_AFTER.contains(&t.lower.as_str())
            || time_unit(&t.lower).is_some() && tokens.get(k + 1).is_some_and(|o| o.is("old"))
    });
    let word_before = |n: usize| start.checked_sub(n).and_then(|b| tokens.get(b));
    let before = word_before(1).is_some_and(|t| {
        t.is("aged") || t.is("age") || t.is("of") && word_before(2).is_some_and(|a| a.is("age"))
    });
    // "dies at 94", "dead at 84"
    let death = word_before(1).is_some_and(|t| t.is("at"))
        && word_before(2).is_some_and(|t| DEATH_WORDS.contains(&t.lower.as_str()));
    after
        || before
        || death && measure_after(tokens, start, end).is_none()
        || apposed(tokens, start, end)
}

/// Forms of "die" before "at" and an age: "dies at 94".
pub const DEATH_WORDS: &[&str] = &["dead", "died", "dies", "dying"];

/// The oldest age read from a number set off by commas after a name.
const OLDEST_AGE: f64 = 120.0;

/// Whether the number at `start..end` is set off by commas right after a
/// capitalized word that is no sentence adverb, as news gives a person's
/// age: "Mr. Naderi, 23, said";
/// "Sgt. Johanny Rosario Pichardo, 25, of Lawrence". Only a whole number
/// of at most [`OLDEST_AGE`] with no noun after it.
fn apposed(tokens: &[Token], start: usize, end: usize) -> bool {
    let comma = |t: Option<&Token>| t.is_some_and(|t| t.kind == TokenKind::Sym && t.is(","));
    let number = &tokens[start];
    end == start + 1
        && number.kind == TokenKind::Num
        && number.bare_digits
        && (1.0..=OLDEST_AGE).contains(&number.value)
        && start >= 2
        && comma(tokens.get(start - 1))
        && tokens[start - 2].kind == TokenKind::Word
        && tokens[start - 2].upper
        && comma(tokens.get(end))
        && !opening_adverb(&tokens[start - 2])
}

/// Sentence adverbs that a comma sets off at the start of a sentence like
/// a name ("Overall, 15, or 30%, of them left"), besides those in "-ly".
const OPENING_ADVERBS: &[&str] = &[
    "altogether",
    "also",
    "however",
    "instead",
    "meanwhile",
    "otherwise",
    "overall",
    "still",
    "together",
    "yet",
];

/// Whether a capitalized word reads as an adverb that opens a sentence,
/// not a name.
fn opening_adverb(t: &Token) -> bool {
    t.lower.ends_with("ly") || OPENING_ADVERBS.contains(&t.lower.as_str())
}

/// Whether the words at token `j`, after a duration, make it an age: "old",
/// "older", "of age".
pub(super) fn states_an_age(tokens: &[Token], j: usize) -> bool {
    tokens.get(j).is_some_and(|t| t.is("old") || t.is("older"))
        || phrase_at(tokens, j, "of age").is_some()
}

/// Years and counts: a bare 4-digit number in the year range, with a year cue
/// before it or no noun after it, is a year.
pub(super) fn classify(
    tokens: &[Token],
    amount: &Amount,
    qualifier: Qualifier,
    start: usize,
    end: usize,
) -> FigureKind {
    if amount.kind != FigureKind::Count
        || !amount.cardinal.bare_digits
        || qualifier != Qualifier::Exact
    {
        return amount.kind;
    }
    let t = &tokens[amount.cardinal.end - 1];
    if t.lower.len() != 4 || !YEAR_RANGE.contains(&amount.value) || start != amount.start {
        return amount.kind;
    }
    // "in 2019", and "the 2020 election", "Biden's 2024 campaign"
    let cue = start
        .checked_sub(1)
        .and_then(|b| tokens.get(b))
        .is_some_and(|p| {
            YEAR_CUES.contains(&p.lower.as_str())
                || matches!(
                    p.lower.as_str(),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their"
                )
                || p.lower.ends_with("'s")
                || p.lower.ends_with("’s")
        });
    let noun_after = tokens
        .get(end)
        .is_some_and(|n| n.kind == TokenKind::Word && !MEASURE_STOP.contains(&n.lower.as_str()));
    if cue || !noun_after {
        FigureKind::Year
    } else {
        amount.kind
    }
}

/// A percentage written before its number: "percent of 10", "per cent of
/// twenty-two".
pub(super) fn percent_of_at(tokens: &[Token], i: usize, text: &str) -> Option<(Figure, usize)> {
    let (kind, after) = percent_at(tokens, i)?;
    if kind != FigureKind::Percent {
        return None;
    }
    let j = phrase_at(tokens, after, "of")?;
    let c = cardinal_at(tokens, j)?;
    if c.ordinal {
        return None;
    }
    let mut f = figure(
        text,
        tokens,
        i,
        c.end,
        FigureKind::Percent,
        Qualifier::Exact,
        number(c.value),
        number(c.value),
        Some("%".into()),
        Some("percent".into()),
    );
    f.value = Some(c.value);
    f.measure = measure_after(tokens, i, c.end).or(f.measure);
    Some((f, c.end))
}

/// A duration written as one hyphenated word: "one-week", "two-day".
pub(super) fn hyphen_duration_at(
    tokens: &[Token],
    i: usize,
    text: &str,
) -> Option<(Figure, usize)> {
    let t = tokens.get(i)?;
    let (count, unit) = t.lower.rsplit_once('-')?;
    let (unit, _) = time_unit(unit)?;
    let (value, ordinal) = word_number(count)?;
    if ordinal {
        return None;
    }
    let mut f = figure(
        text,
        tokens,
        i,
        i + 1,
        FigureKind::Duration,
        Qualifier::Exact,
        number(value),
        number(value),
        Some(unit.to_string()),
        Some("duration".into()),
    );
    f.value = Some(value);
    Some((f, i + 1))
}

/// Join a lower and an upper bound written together into one range:
/// "more than 100 and less than 300", "at most 100 and at least 20".
pub(super) fn join_bounds(figures: &mut Vec<Figure>, text: &str) {
    let mut k = 0;
    while k + 1 < figures.len() {
        let (a, b) = (&figures[k], &figures[k + 1]);
        let between = text[a.span.end..b.span.start].trim().to_lowercase();
        let joined = matches!(between.as_str(), "and" | "but" | "," | ", and" | "and also");
        let pair = match (a.qualifier, b.qualifier) {
            (Qualifier::LowerBound, Qualifier::UpperBound) => Some((a, b)),
            (Qualifier::UpperBound, Qualifier::LowerBound) => Some((b, a)),
            _ => None,
        };
        if let Some((lower, upper)) = pair
            && joined
            && a.kind == b.kind
            && let (Some(lo), Some(hi)) = (
                lower.low.as_ref().and_then(Endpoint::number),
                upper.high.as_ref().and_then(Endpoint::number),
            )
            && lo <= hi
        {
            let span = a.span.start..b.span.end;
            let merged = Figure {
                text: text[span.clone()].to_string(),
                kind: a.kind,
                low: number(lo),
                high: number(hi),
                low_exclusive: lower.low_exclusive,
                high_exclusive: upper.high_exclusive,
                qualifier: Qualifier::Range,
                value: None,
                unit: a.unit.clone().or(b.unit.clone()),
                measure: b.measure.clone().or(a.measure.clone()),
                span,
            };
            figures[k] = merged;
            figures.remove(k + 1);
        }
        k += 1;
    }
}

/// Whether "of" and a month name follow at token `j`: an ordinal written out
/// before them ("the Fourth of July", "the Fifth of November") names a day,
/// usually a holiday, and is no figure. ("4th of July" is read as a date.)
pub(super) fn names_a_day(tokens: &[Token], j: usize, text: &str) -> bool {
    tokens.get(j).is_some_and(|t| t.is("of")) && dates::month_at(tokens, j + 1, text).is_some()
}
