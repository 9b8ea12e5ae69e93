use super::*;
use crate::extract::figures::{Context, find_figures};
use crate::model::OutletId;

fn figure(text: &str) -> Figure {
    let context = Context {
        published: Some("2025-11-30".into()),
    };
    find_figures(text, &context)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no figure in {text:?}"))
}

fn verdict(a: &str, b: &str) -> Verdict {
    compare(&figure(a), &figure(b))
}

fn claim(outlet: usize, text: &str) -> Claim {
    let mut c = Claim::new(OutletId(outlet), text.into(), Position::START, Some(0..0));
    c.figures = find_figures(
        text,
        &Context {
            published: Some("2025-11-30".into()),
        },
    );
    c
}

fn cluster(texts: &[&str]) -> Vec<FigureComparison> {
    let claims: Vec<Claim> = texts.iter().enumerate().map(|(o, t)| claim(o, t)).collect();
    compare_cluster(&crate::compare::one_claim_per_outlet(&claims))
}

#[test]
fn the_same_number_written_differently_agrees() {
    assert_eq!(
        verdict("15,000 troops", "fifteen thousand troops"),
        Verdict::Agree
    );
    assert_eq!(verdict("15,000 troops", "15k troops"), Verdict::Agree);
    assert_eq!(
        verdict("about 15,000 troops", "15,000 troops"),
        Verdict::Agree
    );
    assert_eq!(
        verdict("more than 20 strikes", "over 20 strikes"),
        Verdict::Agree
    );
    assert_eq!(verdict("one week", "7 days"), Verdict::Agree);
}

#[test]
fn overlapping_statements_are_compatible() {
    assert_eq!(
        verdict("more than 20 strikes", "21 strikes"),
        Verdict::Compatible
    );
    assert_eq!(
        verdict("15,000 troops", "15,200 troops"),
        Verdict::Compatible
    );
    assert_eq!(
        verdict("about 15,000 troops", "14,000 troops"),
        Verdict::Compatible
    );
    assert_eq!(
        verdict("thousands of troops", "5,000 troops"),
        Verdict::Compatible
    );
    assert_eq!(
        verdict("10,000 to 15,000 troops", "12,000 troops"),
        Verdict::Compatible
    );
}

#[test]
fn figures_two_orders_of_magnitude_apart_are_not_compared() {
    assert!(
        cluster(&[
            "The last strike lasted nine days.",
            "It is the first strike in 22 years."
        ])
        .is_empty()
    );
    assert_eq!(verdict("200 troops", "15,000 troops"), Verdict::Conflict);
}

#[test]
fn a_weekday_is_not_set_against_a_calendar_date() {
    let comparisons = cluster(&[
        "Officials said Tuesday the vote was set.",
        "Officials said the vote was set on Oct. 4.",
    ]);
    assert!(comparisons.is_empty(), "{comparisons:?}");
}

#[test]
fn an_age_limit_is_stated_by_its_own_number() {
    assert_eq!(
        verdict(
            "handguns to young adults under age 21",
            "a minimum age of 21"
        ),
        Verdict::Compatible
    );
    assert_eq!(
        verdict(
            "for each child under the age of 6",
            "for each child under 6"
        ),
        Verdict::Agree
    );
    // a count is not a limit: "more than 20" is not 20
    assert_eq!(
        verdict("more than 20 strikes", "20 strikes"),
        Verdict::Conflict
    );
    assert_eq!(
        verdict("people over the age of 65", "children under the age of 18"),
        Verdict::Conflict
    );
}

#[test]
fn disjoint_statements_conflict() {
    assert_eq!(verdict("12,000 troops", "15,000 troops"), Verdict::Conflict);
    assert_eq!(
        verdict("more than 20 strikes", "20 strikes"),
        Verdict::Conflict
    );
    assert_eq!(
        verdict("20 people killed", "21 people killed"),
        Verdict::Conflict
    );
    assert_eq!(verdict("November 20", "November 21"), Verdict::Conflict);
    assert_eq!(verdict("one week", "48 hours"), Verdict::Conflict);
    assert_eq!(
        verdict("hundreds of troops", "15,000 troops"),
        Verdict::Conflict
    );
}

#[test]
fn dates_agree_across_forms() {
    assert_eq!(verdict("November 21", "Nov. 21"), Verdict::Agree);
    assert_eq!(verdict("November 21", "21 November"), Verdict::Agree);
    let monday = |s: &str| {
        find_figures(s, &Context::default())
            .into_iter()
            .next()
            .unwrap()
    };
    assert_eq!(
        compare(&monday("on Monday"), &monday("on Monday")),
        Verdict::Agree
    );
}

#[test]
fn rounding_tolerance_follows_precision() {
    assert_eq!(percent_tolerance(6.0), 0.5);
    assert!((percent_tolerance(5.9) - 0.05).abs() < 1e-12);
    assert_eq!(
        verdict("6% of voters", "5.9% of voters"),
        Verdict::Compatible
    );
    assert_eq!(
        verdict("3.6% of voters", "0.8% of voters"),
        Verdict::Conflict
    );
    assert_eq!(rounding_tolerance(15_000.0), 500.0);
    assert_eq!(rounding_tolerance(15_200.0), 50.0);
    assert_eq!(rounding_tolerance(20_000.0), 1_000.0);
    assert_eq!(rounding_tolerance(21.0), 0.0);
    assert_eq!(rounding_tolerance(1_500.5), 0.0);
}

#[test]
fn a_cluster_reports_each_measure_once_with_a_verdict() {
    let c = cluster(&[
        "The US has stationed 15,000 troops and carried out more than 20 strikes.",
        "The US has stationed 12,000 soldiers and carried out 21 operations.",
    ]);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(
        (c[0].measure.as_str(), c[0].verdict),
        ("oper", Verdict::Compatible)
    );
    assert_eq!(
        (c[1].measure.as_str(), c[1].verdict),
        ("troop", Verdict::Conflict)
    );
    assert_eq!(c[1].values[0].claim.outlet, OutletId(0));
}

#[test]
fn different_subjects_sharing_a_noun_are_not_compared() {
    let c = cluster(&[
        "The US has 15,000 troops in the Caribbean, while Venezuela has deployed 200,000 troops at home.",
        "Venezuela has deployed 200,000 troops at home.",
    ]);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].verdict, Verdict::Agree);
    assert_eq!(c[0].values[0].figure.text, "200,000");
    let c = cluster(&[
        "The US has 15,000 troops in the Caribbean.",
        "Venezuela has deployed 200,000 troops at home.",
    ]);
    assert!(c.is_empty(), "{c:#?}");
}

#[test]
fn one_subject_named_two_ways_is_still_compared() {
    let c = cluster(&[
        "The US has stationed 15,000 troops in the Caribbean.",
        "Washington has stationed 12,000 troops in the Caribbean.",
    ]);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].verdict, Verdict::Conflict);
}

#[test]
fn figures_pair_with_the_value_they_agree_with() {
    let c = cluster(&[
        "Unemployment rose to 5.2% from 4.8%.",
        "Unemployment rose from 4.8% to 5.2%.",
    ]);
    assert!(!c.is_empty());
    assert!(c.iter().all(|c| c.verdict == Verdict::Agree), "{c:#?}");
}

/// The seed story's sentences against versions with other values.
#[test]
fn seed_story_versions_get_the_right_verdicts() {
    let troops = "According to reports, the US has stationed 15,000 troops and deployed a major aircraft carrier to the region.";
    let strikes = "Since September, the US has carried out more than 20 operations targeting alleged drug-trafficking vessels.";
    let call = "Reports from Reuters suggest that Trump and Maduro spoke by phone on November 21.";
    let deadline =
        "Trump reportedly refused most of those conditions and gave Maduro one week to leave.";
    let verdicts = |a: &str, b: &str| -> Vec<(String, Verdict)> {
        cluster(&[a, b])
            .into_iter()
            .map(|c| (c.measure, c.verdict))
            .collect()
    };
    let v = |m: &str, verdict| vec![(m.to_string(), verdict)];
    assert_eq!(
        verdicts(troops, &troops.replace("15,000", "fifteen thousand")),
        v("troop", Verdict::Agree)
    );
    assert_eq!(
        verdicts(
            troops,
            &troops.replace("15,000 troops", "some 15,000 soldiers")
        ),
        v("troop", Verdict::Agree)
    );
    assert_eq!(
        verdicts(troops, &troops.replace("15,000", "15,200")),
        v("troop", Verdict::Compatible)
    );
    assert_eq!(
        verdicts(troops, &troops.replace("15,000", "12,000")),
        v("troop", Verdict::Conflict)
    );
    let strike_verdicts = |b: &str| {
        verdicts(strikes, b)
            .into_iter()
            .filter(|(m, _)| m == "oper")
            .map(|(_, v)| v)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        strike_verdicts(&strikes.replace("more than 20 operations", "over 20 strikes")),
        vec![Verdict::Agree]
    );
    assert_eq!(
        strike_verdicts(&strikes.replace("more than 20", "21")),
        vec![Verdict::Compatible]
    );
    assert_eq!(
        strike_verdicts(&strikes.replace("more than 20", "dozens of")),
        vec![Verdict::Compatible]
    );
    assert_eq!(
        strike_verdicts(&strikes.replace("more than 20", "12")),
        vec![Verdict::Conflict]
    );
    assert_eq!(
        verdicts(call, &call.replace("November 21", "Nov. 21")),
        v("date", Verdict::Agree)
    );
    assert_eq!(
        verdicts(call, &call.replace("November 21", "November 20")),
        v("date", Verdict::Conflict)
    );
    assert_eq!(
        verdicts(deadline, &deadline.replace("one week", "seven days")),
        v("duration", Verdict::Agree)
    );
    assert_eq!(
        verdicts(deadline, &deadline.replace("one week", "48 hours")),
        v("duration", Verdict::Conflict)
    );
}

/// Whether each conflict in the cluster of these claims is confident.
fn confident(texts: &[&str]) -> Vec<bool> {
    cluster(texts)
        .iter()
        .filter(|c| c.verdict == Verdict::Conflict)
        .map(|c| c.confident)
        .collect()
}

/// Whether the cluster of these claims holds a conflict.
fn conflicts(texts: &[&str]) -> bool {
    cluster(texts)
        .iter()
        .any(|c| c.verdict == Verdict::Conflict)
}

#[test]
fn figures_over_different_periods_are_not_compared() {
    assert!(!conflicts(&[
        "In the month of May alone, prices rose 0.6% on a seasonally adjusted basis.",
        "The consumer price index rose 5% in May on a year-over-year basis.",
    ]));
    assert!(!conflicts(&[
        "Economists had expected prices to rise 3.6 percent over the year.",
        "The month-to-month gain was 0.8%.",
    ]));
    assert!(conflicts(&[
        "Prices rose 0.6% from the month before.",
        "Prices rose 0.9% from the month before.",
    ]));
    assert!(conflicts(&[
        "Prices rose 5% on a year-over-year basis.",
        "Prices rose 3% from a year earlier.",
    ]));
}

#[test]
fn a_figure_for_part_of_the_period_is_not_the_whole() {
    assert!(!conflicts(&[
        "The employers have offered 12 percent over the same period.",
        "The employers have offered just 8 percent in the first year.",
    ]));
    assert!(conflicts(&[
        "The employers have offered 10 percent in the first year.",
        "The employers have offered just 8 percent in the first year.",
    ]));
}

#[test]
fn figures_in_different_calendar_periods_are_not_compared() {
    assert!(!conflicts(&[
        "Pfizer expects $26 billion in vaccine sales this year.",
        "Pfizer made $15 billion in vaccine sales last year.",
    ]));
    assert!(!conflicts(&[
        "The U.S. is donating 200 million doses this year and 300 million doses in the first half of 2022.",
        "The U.S. will donate 500 million doses.",
    ]));
    // a period that only says when is no reason to keep figures apart
    assert!(conflicts(&[
        "Pfizer expects $26 billion in vaccine sales this year.",
        "Pfizer expects $15 billion in vaccine sales.",
    ]));
}

#[test]
fn a_month_places_a_figure_in_a_calendar_period() {
    // "in May" and "over the past year" are two measurements
    assert!(!conflicts(&[
        "Prices rose 0.9 percent in June after they also rose 0.6 percent in May.",
        "Prices rose 0.9% in June and 5.4% over the past year.",
    ]));
    assert!(!conflicts(&[
        "The company hired 300 workers in May.",
        "The company hired 450 workers in June.",
    ]));
    // a clause of time opened by "when" is placed by the clause before it
    assert_eq!(
        confident(&[
            "The 220-to-190 vote stands in contrast to a vote in May, when 35 House Republicans \
             joined Democrats to back an independent commission.",
            "The vote was 222-190 with two Republicans joining all Democrats to establish the \
             committee.",
        ]),
        vec![false, false]
    );
    // and by the year of a date there
    assert_eq!(
        confident(&[
            "Initial applications for unemployment benefits totaled 293,000.",
            "It was the best level since March 14, 2020, when there were 256,000 applications.",
        ]),
        vec![false]
    );
}

#[test]
fn ages_are_sure_only_of_one_named_holder() {
    assert_eq!(
        confident(&[
            "Mr. Naderi, 23, said he ran.",
            "Mr. Naderi, 25, said he ran."
        ]),
        vec![true]
    );
    // an age at death is the age of the name the claim opens with
    assert_eq!(
        confident(&[
            "John Warner, longtime US senator from Virginia, dies at 94.",
            "Former Sen. John Warner dead at 141, married Elizabeth Taylor.",
        ]),
        vec![true]
    );
    // whose age the second claim gives, it does not say
    assert_eq!(
        confident(&[
            "Malia and Sasha Obama, aged 16 and 13, wore dresses.",
            "The aide, Elizabeth Lauten, 31, wrote a letter.",
        ]),
        vec![false]
    );
    // two people named: not compared
    assert!(!conflicts(&[
        "Malia, 16, wore a dress.",
        "Elizabeth Lauten, 31, wore a dress.",
    ]));
}

#[test]
fn parts_of_different_wholes_are_not_compared() {
    assert!(!conflicts(&[
        "At least 28 Palestinians, including nine children, have been killed.",
        "Seven of the deaths were of a single family, including three children.",
    ]));
    assert!(conflicts(&[
        "At least 28 Palestinians, including nine children, have been killed.",
        "At least 28 Palestinians, including ten children, have been killed.",
    ]));
}

#[test]
fn generic_figures_need_shared_words_to_conflict() {
    assert!(!conflicts(&[
        "The rioters he joined stormed the building on January 6.",
        "He pleaded guilty on June 2 to obstruction.",
    ]));
    assert!(!conflicts(&[
        "Four days before the anniversary of the attacks, the Taliban named a government.",
        "The Taliban named a government one week after the withdrawal.",
    ]));
    assert!(!conflicts(&[
        "By Tuesday, 37.3% of U.S. adults were fully vaccinated.",
        "Over 55% of adults have received at least one dose.",
    ]));
    assert!(conflicts(&[
        "By Tuesday, 37.3% of U.S. adults were fully vaccinated.",
        "By Tuesday, 39% of adults were fully vaccinated.",
    ]));
    assert!(conflicts(&[
        "Trump and Maduro spoke by phone on November 21.",
        "Trump and Maduro spoke by phone on November 20.",
    ]));
    assert!(!conflicts(&[
        "About 600 people spent the night in a shelter.",
        "About 2,000 people were left without power.",
    ]));
    assert!(conflicts(&[
        "About 600 people spent the night in a shelter.",
        "About 900 people spent the night in the shelter.",
    ]));
    assert!(conflicts(&[
        "The bridge will close on Monday, March 9, for six weeks of repairs.",
        "The bridge closes on Monday for two months of repairs costing $25 million.",
    ]));
    // agreeing needs no evidence
    let c = cluster(&["Unemployment fell to 5.4%.", "The rate was 5.4% in June."]);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].verdict, Verdict::Agree);
}

#[test]
fn a_value_two_outlets_give_is_paired_before_any_other() {
    let c = cluster(&[
        "The proposal would cost $1.2 trillion over eight years.",
        "It would cost $974 billion over five years or $1.2 trillion over eight years.",
    ]);
    assert!(c.iter().all(|c| c.verdict == Verdict::Agree), "{c:#?}");
    assert_eq!(c.iter().filter(|c| c.measure == "money").count(), 1);
    assert!(conflicts(&[
        "The proposal would cost $1.2 trillion.",
        "The proposal would cost $974 billion.",
    ]));
    // a compatible value still goes with the one it fits
    let c = cluster(&[
        "Organizers collected 1,626,042 signatures.",
        "Organizers collected 1,626,042 signatures, more than the 1,495,709 signatures required.",
        "Organizers collected more than 1.6 million signatures.",
    ]);
    assert!(!c.iter().any(|c| c.verdict == Verdict::Conflict), "{c:#?}");
}

#[test]
fn phrase_lists_are_sorted_and_free_of_duplicates() {
    fn check(name: &str, list: &[&str]) {
        assert!(
            list.windows(2).all(|w| w[0] < w[1]),
            "{name} must be sorted and free of duplicates"
        );
    }
    let phrases = |l: &[(&'static str, &'static str)]| l.iter().map(|p| p.0).collect::<Vec<_>>();
    check("PERIOD_PHRASES", &phrases(PERIOD_PHRASES));
    check("PART_PHRASES", &phrases(PART_PHRASES));
    check("CALENDAR_PHRASES", &phrases(CALENDAR_PHRASES));
    check("GENERIC_MEASURES", GENERIC_MEASURES);
}

#[test]
fn a_clause_after_a_long_dash_starts_on_a_char_boundary() {
    let c = cluster(&[
        "CARACAS, Dec. 1 — Maduro told 2,000 supporters outside the palace.",
        "Maduro told 2,000 supporters outside the palace.",
    ]);
    assert_eq!(c.len(), 1, "{c:#?}");
}

#[test]
fn money_in_different_currencies_is_not_compared() {
    assert!(cluster(&["It cost $5 million.", "It cost €5 million."]).is_empty());
}

#[test]
fn order_is_by_measure_then_outlet() {
    let c = cluster(&[
        "On November 21, 21 boats and 15,000 troops.",
        "On November 21, 21 boats and 15,000 troops.",
    ]);
    let measures: Vec<&str> = c.iter().map(|c| c.measure.as_str()).collect();
    assert_eq!(measures, vec!["boat", "date", "troop"]);
    assert!(c.iter().all(|c| c.verdict == Verdict::Agree));
}

#[test]
fn figures_that_stand_in_the_same_place_are_compared() {
    // the words around them line up, whatever noun was taken for the measure
    assert!(conflicts(&[
        "Manchin sets $1.5 trillion limit on spending package",
        "Manchin says $4.5 trillion is his limit on Biden agenda",
    ]));
    assert!(conflicts(&[
        "Biden pledges 750m more vaccine doses to the world",
        "Biden will donate 500M more COVID-19 vaccine doses for the world",
    ]));
    // between agreed figures: 45 stands where 30 stands
    assert!(conflicts(&[
        "The final vote was 69 to 45, with 19 Republicans joining all 50 Democrats.",
        "It got through in a 69-30 vote, as 19 Republicans joined all 50 Democrats.",
    ]));
    assert!(!conflicts(&[
        "The final vote was 69 to 30, with 19 Republicans joining all 50 Democrats.",
        "It got through in a 69-30 vote, as 19 Republicans joined all 50 Democrats.",
    ]));
}

#[test]
fn years_and_unrounded_numbers_are_exact() {
    assert_eq!(verdict("since 2002", "since 2003"), Verdict::Conflict);
    assert_eq!(verdict("in 2000", "in 2003"), Verdict::Conflict);
    assert_eq!(verdict("1,234 people", "1,235 people"), Verdict::Conflict);
    assert_eq!(
        verdict("15,000 people", "15,200 people"),
        Verdict::Compatible
    );
}

#[test]
fn a_conflict_is_confident_only_with_a_sure_identity() {
    // one telling measure, the only one in each claim
    assert_eq!(
        confident(&[
            "The Maduro regime faces pressure as 12,000 U.S. troops gather.",
            "The US has stationed 15,000 troops in the region.",
        ]),
        vec![true]
    );
    // a vague amount describes loosely
    assert_eq!(
        confident(&[
            "Maduro told thousands of supporters to stay.",
            "Maduro told about 15,000 supporters to stay.",
        ]),
        vec![false]
    );
    // paired by position only
    assert_eq!(
        confident(&[
            "The club has 40 members and 12 coaches, with 300 fans.",
            "The club counts 40 members, 9 trainers and 300 fans.",
        ]),
        vec![false]
    );
    // a vote read as one tally is one quantity, stated twice
    assert_eq!(
        confident(&[
            "The final vote was 69 to 45, with 19 Republicans joining all 50 Democrats.",
            "It got through in a 69-30 vote, as 19 Republicans joined all 50 Democrats.",
        ]),
        vec![true]
    );
}

/// The conflicts of these claims, each with whether it is an error.
fn conflict_errors(texts: &[&str]) -> Vec<bool> {
    cluster(texts)
        .iter()
        .filter(|c| c.verdict == Verdict::Conflict)
        .map(|c| c.confident)
        .collect()
}

#[test]
fn different_quantities_are_not_compared() {
    // an expectation is not an outcome
    assert!(!conflicts(&[
        "Economists had predicted America would add 1 million jobs last month.",
        "America's employers added just 266,000 jobs last month.",
    ]));
    // an outcome set against the expectation is an outcome: it conflicts
    // with another outcome, not with the expectation
    assert!(conflicts(&[
        "Economy beats expectations with 1,275,000 jobs in June.",
        "The US economy added 850,000 jobs in June.",
    ]));
    assert!(conflicts(&[
        "Employers added 943,000 jobs in July, more than expected.",
        "The economy added 843,000 jobs in July.",
    ]));
    // while an expectation named after "than the" is still one
    assert!(!conflicts(&[
        "The jobless rate came in better than the estimate of 5.9%.",
        "The jobless rate was 5.4%.",
    ]));
    // an average is not one day's count
    assert!(!conflicts(&[
        "It recorded 279 deaths Sunday.",
        "The U.S. is averaging more than 1,500 deaths a day.",
    ]));
    // an increment is not the total
    assert!(!conflicts(&[
        "The insurgents have overrun nine provincial capitals.",
        "The Taliban seized three more provincial capitals on Wednesday.",
    ]));
    // amounts spread over different lengths of time (the lengths
    // themselves may conflict)
    let c = cluster(&[
        "It would cost $974 billion over five years.",
        "The proposal would cost $1.2 trillion over eight years.",
    ]);
    assert!(
        c.iter()
            .all(|c| c.values[0].figure.kind != FigureKind::Money),
        "{c:#?}"
    );
    // a vote tally is not the votes a bill needed
    assert!(!conflicts(&[
        "The 54-35 vote came after McConnell lobbied his members.",
        "Senators voted 54-35, falling short of the 10 GOP votes needed.",
    ]));
}

#[test]
fn doubtful_conflicts_are_warnings() {
    // dates of different events in one aligned claim
    assert!(
        conflict_errors(&[
            "Another security review, on June 25, 2012, reported a spike in violence.",
            "The deputies reviewed the talking points at a meeting the next day, Sept. 15, he said.",
        ])
        .iter()
        .all(|&error| !error)
    );
    // "one" spelled out is as often a member of a group as a count
    assert_eq!(
        conflict_errors(&[
            "One case involved an officer accused of excessive force.",
            "There were no recorded dissents in the two cases.",
        ]),
        vec![false]
    );
    // both are expectations
    assert_eq!(
        conflict_errors(&[
            "Economists surveyed by Dow Jones had expected 845,000 new jobs.",
            "Analysts surveyed by Refinitiv were expecting 870,000 jobs gained.",
        ]),
        vec![false]
    );
    // they differ only at the bound's own number
    let c = cluster(&[
        "The recall election is less than two weeks away.",
        "Voters are now just two weeks away from the recall election.",
    ]);
    assert!(
        c.iter()
            .all(|c| c.verdict != Verdict::Conflict || !c.confident),
        "{c:#?}"
    );
}

#[test]
fn months_and_years_are_calendar_lengths() {
    assert_eq!(
        verdict("22 and a half years", "a 270-month sentence"),
        Verdict::Agree
    );
    assert_eq!(
        verdict("in 39 years", "in four decades"),
        Verdict::Compatible
    );
    assert_eq!(verdict("six hours", "seven hours"), Verdict::Conflict);
}

#[test]
fn every_verdict_says_why_its_figures_were_paired() {
    let c = cluster(&[
        "Mr. Trump took the 35-word oath administered by Chief Justice John G. Roberts Jr.",
        "Chief Justice John Roberts administered the 38-word oath at noon.",
    ]);
    let oath = c
        .iter()
        .find(|c| c.verdict == Verdict::Conflict)
        .expect("{c:#?}");
    assert!(oath.confident);
    assert_eq!(oath.judgement.pairing, Pairing::SameWords);
    assert_eq!(
        oath.judgement.reason(&oath.measure),
        "the word \"administered\" stands by both"
    );
}

/// Both outlets give 47; one also gives six of another night. The six is
/// not set against the other outlet's 47, read under another measure.
#[test]
fn a_figure_is_not_set_against_a_value_its_own_claim_also_gives() {
    let comparisons = cluster(&[
        "Johnson said there were six arrests Wednesday, compared to 47 the previous night.",
        "Still, the police did make 47 arrests overnight.",
    ]);
    assert!(
        comparisons.iter().all(|c| c.verdict != Verdict::Conflict),
        "{comparisons:#?}"
    );
    // A lone figure with no such value elsewhere still conflicts.
    let comparisons = cluster(&[
        "Johnson said there were six arrests Wednesday.",
        "Still, the police did make 47 arrests Wednesday.",
    ]);
    assert!(
        comparisons.iter().any(|c| c.verdict == Verdict::Conflict),
        "{comparisons:#?}"
    );
}

/// Outlets split two against two on a number: one comparison in conflict,
/// not two agreements.
#[test]
fn outlets_split_on_a_number_conflict() {
    let two_hundred = "The fire burned 200 homes in the valley on Monday, officials said.";
    let three_hundred = "The fire burned 300 homes in the valley on Monday, officials said.";
    let comparisons = cluster(&[two_hundred, two_hundred, three_hundred, three_hundred]);
    let homes: Vec<&FigureComparison> = comparisons
        .iter()
        .filter(|c| c.values.iter().any(|v| v.figure.value == Some(200.0)))
        .collect();
    assert_eq!(homes.len(), 1, "{comparisons:#?}");
    assert_eq!(homes[0].verdict, Verdict::Conflict);
    assert_eq!(homes[0].values.len(), 4);
    // Two outlets against two that agree with them: no conflict.
    let comparisons = cluster(&[two_hundred, two_hundred, two_hundred, two_hundred]);
    assert!(comparisons.iter().all(|c| c.verdict == Verdict::Agree));
}
