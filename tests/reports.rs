//! Reports people read first and CI that holds: formats, widths, folder
//! layouts, baselines, SARIF and annotations, output safety.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn storydiff() -> Command {
    Command::cargo_bin("storydiff").unwrap()
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn stdout(args: &[&str], input: &Path) -> String {
    let output = storydiff().args(args).arg(input).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_pipe_gets_a_table_by_default() {
    let out = stdout(&["compare"], &fixture("venezuela"));
    assert!(out.starts_with("story: venezuela\n"), "{out}");
}

#[test]
fn output_infers_the_format_from_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, start) in [
        ("r.html", "<!DOCTYPE html>"),
        ("r.md", "# storydiff: venezuela"),
        ("r.json", "{\"schema\""),
    ] {
        let path = dir.path().join(name);
        storydiff()
            .arg("compare")
            .arg(fixture("venezuela"))
            .arg("--output")
            .arg(&path)
            .assert()
            .code(0);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(start), "{name}: {}", &text[..80]);
    }
}

#[test]
fn at_width_80_no_table_line_is_longer_than_80_columns() {
    for story in ["venezuela", "wildfire", "port-strike", "ceasefire.json"] {
        let out = stdout(&["compare", "--width", "80"], &fixture(story));
        let longest = out.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(longest <= 80, "{story}: a line of {longest} columns");
    }
}

#[test]
fn the_first_screen_of_the_venezuela_table_shows_both_figure_conflicts() {
    let out = stdout(&["compare", "--width", "120"], &fixture("venezuela"));
    let screen: Vec<&str> = out.lines().take(40).collect();
    let screen = screen.join("\n");
    assert!(screen.contains("troop (c"), "{screen}");
    assert!(screen.contains("\"12,000\""), "{screen}");
    assert!(screen.contains("\"November 20\""), "{screen}");
}

#[test]
fn the_html_report_opens_with_the_summary_and_folds_the_findings() {
    let html = stdout(&["compare", "--format", "html"], &fixture("venezuela"));
    let summary = html.find("class=\"summary\"").unwrap();
    let first_warning = html.find("class=\"warning\"").unwrap();
    let fold = html.find("<details>").unwrap();
    assert!(
        summary < fold && fold < first_warning,
        "summary, then the folded findings"
    );
}

#[test]
fn a_basil_event_folder_compares_with_exit_0_and_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let body = "The Senate passed the budget bill on Friday by a vote of 60 to 40. \
                The bill funds the government through September.\n";
    write(
        dir.path(),
        "fox.txt",
        &format!("Senate passes budget\n\n{body}"),
    );
    write(
        dir.path(),
        "nyt.txt",
        &format!("Budget bill passes\n\n{body}"),
    );
    write(
        dir.path(),
        "hpo.txt",
        &format!("Budget passes Senate\n\n{body}"),
    );
    write(
        dir.path(),
        "annotations.json",
        r#"{"fox": [{"bias": "lex"}]}"#,
    );
    write(
        dir.path(),
        "README.md",
        "# Event 12\n\nAnnotated by two readers.\n",
    );
    storydiff()
        .args(["compare", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(
            predicate::str::contains("skipping")
                .and(predicate::str::contains("annotations.json"))
                .and(predicate::str::contains("README.md")),
        )
        .stdout(predicate::str::contains("\"name\":\"README\"").not());
}

#[test]
fn exclude_leaves_out_matching_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "The bridge reopened on Monday.\n");
    write(dir.path(), "b.txt", "The bridge reopened on Monday.\n");
    write(
        dir.path(),
        "c-draft.txt",
        "The bridge reopened on Sunday.\n",
    );
    let out = stdout(
        &["compare", "--format", "json", "--exclude", "*-draft.txt"],
        dir.path(),
    );
    assert!(!out.contains("c-draft"), "{out}");
}

/// A JSON Lines corpus with one story whose outlets disagree on a figure.
const CONFLICT: &str = concat!(
    r#"{"story": "troops", "outlet": "a", "text": "The US has stationed 15,000 troops in the Caribbean. Talks failed."}"#,
    "\n",
    r#"{"story": "troops", "outlet": "b", "text": "The US has stationed 12,000 troops in the Caribbean. Talks failed."}"#,
    "\n",
);

#[test]
fn a_baseline_holds_after_a_story_is_inserted_at_the_top_of_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let baseline = dir.path().join("baseline.json");
    fs::write(&corpus, CONFLICT).unwrap();
    storydiff()
        .arg("check")
        .arg("--write-baseline")
        .arg(&baseline)
        .arg(&corpus)
        .assert()
        .code(1);
    let inserted = concat!(
        r#"{"story": "bridge", "outlet": "a", "text": "The bridge reopened on Monday."}"#,
        "\n",
        r#"{"story": "bridge", "outlet": "b", "text": "The bridge reopened on Monday."}"#,
        "\n",
    );
    fs::write(&corpus, format!("{inserted}{CONFLICT}")).unwrap();
    storydiff()
        .arg("check")
        .arg("--baseline")
        .arg(&baseline)
        .arg(&corpus)
        .assert()
        .code(0);
}

#[test]
fn check_writes_sarif_with_locations_and_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    fs::write(&corpus, CONFLICT).unwrap();
    let output = storydiff()
        .args(["check", "--format", "sarif"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_sarif_shape(&log);
    // The published SARIF 2.1.0 schema (OASIS), as shipped in tests/schemas/.
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("schemas/sarif-schema-2.1.0.json")).unwrap();
    // The published schema's `language` patterns have a stray bracket
    // ("…-[a-zA-Z]{2}]?$") that no regex engine here takes, and the
    // meta-schema check rejects them; they are mended in memory
    // (storydiff writes no `language`), the rest is checked as published.
    let mut schema = schema;
    for definition in ["run", "toolComponent"] {
        schema["definitions"][definition]["properties"]["language"]["pattern"] =
            "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into();
    }
    assert!(
        !serde_json::to_string(&schema).unwrap().contains("{2}]?$"),
        "every copy of the broken pattern is mended"
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken), "the schema check can fail");
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "figure-conflict");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 1);
    assert!(result["partialFingerprints"]["storydiff/v1"].is_string());
}

/// The properties SARIF 2.1.0 requires of what storydiff writes, with their
/// types and allowed values (from the OASIS schema): `version` "2.1.0",
/// `runs` with `tool.driver.name`, results with `message.text`, a `level`
/// of none/note/warning/error, `ruleIndex` into the rules, physical
/// locations with a URI and a region starting at line 1 or later.
fn assert_sarif_shape(log: &serde_json::Value) {
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    for run in log["runs"].as_array().unwrap() {
        let driver = &run["tool"]["driver"];
        assert!(driver["name"].is_string());
        let rules = driver["rules"].as_array().unwrap();
        for rule in rules {
            assert!(rule["id"].is_string());
        }
        for result in run["results"].as_array().unwrap() {
            assert!(result["message"]["text"].is_string());
            assert!(
                ["none", "note", "warning", "error"].contains(&result["level"].as_str().unwrap())
            );
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
            for location in result["locations"].as_array().unwrap() {
                let physical = &location["physicalLocation"];
                let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
                assert!(!uri.contains(' '), "{uri}");
                assert!(physical["region"]["startLine"].as_u64().unwrap() >= 1);
                assert!(physical["region"]["startColumn"].as_u64().unwrap() >= 1);
            }
            if let Some(state) = result.get("baselineState") {
                assert!(
                    ["new", "unchanged", "updated", "absent"].contains(&state.as_str().unwrap())
                );
            }
        }
    }
}

#[test]
fn check_writes_github_annotations_for_failing_findings() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    fs::write(&corpus, CONFLICT).unwrap();
    storydiff()
        .args(["check", "--format", "github"])
        .arg(&corpus)
        .assert()
        .code(1)
        .stdout(
            predicate::str::starts_with("::error file=").and(predicate::str::contains(
                "line=1,col=1,title=storydiff figure-conflict::troops: troop",
            )),
        );
}

#[test]
fn control_characters_do_not_reach_the_table_or_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J";
    let lines = [
        format!(
            r#"{{"story": "s{evil}", "outlet": "a{evil}", "text": "The bridge reopened{evil} on Monday."}}"#
        ),
        format!(
            r#"{{"story": "s{evil}", "outlet": "b", "text": "The bridge reopened on Monday."}}"#
        ),
        format!(r#"{{"story": "bad{evil}", "outlet": "a", "text": "One."}}"#),
        format!(r#"{{"story": "bad{evil}", "outlet": "a", "text": "Two."}}"#),
    ];
    let text: String = lines
        .iter()
        .map(|l| l.replace('\u{1b}', "\\u001b").replace('\u{7}', "\\u0007") + "\n")
        .collect();
    fs::write(&corpus, text).unwrap();
    let output = storydiff().arg("compare").arg(&corpus).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "the outlet twice is bad input"
    );
    for stream in [&output.stdout, &output.stderr] {
        assert!(
            !stream.contains(&0x1b) && !stream.contains(&0x07),
            "{}",
            String::from_utf8_lossy(stream)
        );
    }
    assert!(String::from_utf8_lossy(&output.stderr).contains("bad"));
}

#[test]
fn a_markdown_corpus_report_fits_a_comment_and_lists_failed_stories() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let mut text = String::new();
    for n in 0..60 {
        text.push_str(&CONFLICT.replace("\"troops\"", &format!("\"troops-{n}\"")));
    }
    text.push_str("{\"story\": \"broken\", \"outlet\": \"a\", \"text\": \"One.\"}\n");
    text.push_str("{\"story\": \"broken\", \"outlet\": \"a\", \"text\": \"Two.\"}\n");
    fs::write(&corpus, text).unwrap();
    let output = storydiff()
        .args(["compare", "--format", "markdown"])
        .arg(&corpus)
        .output()
        .unwrap();
    let md = String::from_utf8(output.stdout).unwrap();
    assert!(md.chars().count() <= 65_536);
    assert!(md.contains("| 61 | input error:"), "{}", &md[..400]);
    assert!(md.contains("61 stories, 1 unreadable"));
}

#[test]
fn html_marks_the_figures_of_paraphrases_by_verdict() {
    let html = stdout(&["compare", "--format", "html"], &fixture("venezuela"));
    assert!(
        html.contains("<mark class=\"conflict\">12,000</mark>"),
        "the conflicting figure"
    );
    assert!(html.contains("<mark class=\"cue\">"), "framing cues");
}

#[test]
fn color_always_colours_a_piped_table_and_never_does_not() {
    let always = stdout(&["compare", "--color", "always"], &fixture("venezuela"));
    assert!(always.contains('\u{1b}'), "colour codes");
    let never = stdout(&["compare", "--color", "never"], &fixture("venezuela"));
    assert!(!never.contains('\u{1b}'));
}

/// stdout of `storydiff ARGS venezuela` with `env` set (and the colour
/// variables of the test's own environment cleared).
fn colored(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = storydiff();
    for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let output = command
        .args(args)
        .arg(fixture("venezuela"))
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn colour_follows_the_flag_and_the_environment_as_anstream_reads_them() {
    let has_colour = |text: &str| text.contains('\u{1b}');
    let auto = colored(&["compare"], &[]);
    assert!(!has_colour(&auto), "a pipe is no terminal");
    assert!(has_colour(&colored(
        &["compare"],
        &[("CLICOLOR_FORCE", "1")]
    )));
    assert!(!has_colour(&colored(
        &["compare"],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    )));
    // An explicit flag beats the environment.
    assert!(has_colour(&colored(
        &["compare", "--color", "always"],
        &[("NO_COLOR", "1")]
    )));
    assert!(!has_colour(&colored(
        &["compare", "--color", "never"],
        &[("CLICOLOR_FORCE", "1")]
    )));
    // Colour adds escape sequences and nothing else: without them the
    // table is byte for byte the uncoloured one.
    let always = colored(&["compare", "--color", "always"], &[]);
    assert_eq!(strip_ansi(&always), auto);
    assert_eq!(colored(&["compare", "--color", "never"], &[]), auto);
    // Formats without colour pass through as they are, even when forced.
    let json = colored(&["compare", "--format", "json", "--color", "always"], &[]);
    assert_eq!(json, colored(&["compare", "--format", "json"], &[]));
}

/// `text` without CSI escape sequences (`ESC [ ... final byte`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.next();
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn colour_goes_into_a_file_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt");
    for (flag, expected) in [("auto", false), ("always", true)] {
        storydiff()
            .env_remove("CLICOLOR_FORCE")
            .args(["compare", "--color", flag, "--output"])
            .arg(&path)
            .arg(fixture("venezuela"))
            .assert()
            .code(0);
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text.contains('\u{1b}'), expected, "--color {flag}");
    }
}

/// The `(outlet, against)` of every word diff of the venezuela report, and
/// the members of its cluster.
fn diffs(args: &[&str], dir: &Path) -> Vec<(Vec<String>, String, String)> {
    let mut command = storydiff();
    command
        .current_dir(dir)
        .args(["compare", "--format", "json"]);
    let output = command
        .args(args)
        .arg(fixture("venezuela"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = |v: &serde_json::Value| v.as_str().unwrap().to_string();
    let mut found = Vec::new();
    for cluster in report["clusters"].as_array().unwrap() {
        let members: Vec<String> = cluster["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| text(&m["outlet"]))
            .collect();
        for diff in cluster["diff"].as_array().unwrap() {
            found.push((
                members.clone(),
                text(&diff["outlet"]),
                text(&diff["against"]),
            ));
        }
    }
    found
}

#[test]
fn reference_sets_the_outlet_word_diffs_are_against() {
    let dir = tempfile::tempdir().unwrap();
    let default = diffs(&[], dir.path());
    assert!(
        default
            .iter()
            .all(|(members, _, against)| *against == members[0])
    );
    let chosen = diffs(&["--reference", "Northwire"], dir.path());
    assert!(chosen.iter().any(|(_, _, against)| against == "Northwire"));
    for (members, outlet, against) in &chosen {
        assert_ne!(outlet, against);
        let expected = if members.iter().any(|m| m == "Northwire") {
            "Northwire"
        } else {
            members[0].as_str()
        };
        assert_eq!(against, expected, "{members:?}");
    }
    // Case aside, the name is the outlet's; the configuration file says the same.
    assert_eq!(diffs(&["--reference", "northwire"], dir.path()), chosen);
    write(
        dir.path(),
        "storydiff.toml",
        "[compare]\nreference = \"Northwire\"\n",
    );
    assert_eq!(diffs(&[], dir.path()), chosen);
}

#[test]
fn an_unknown_reference_outlet_is_bad_input_naming_the_outlets() {
    storydiff()
        .args(["compare", "--reference", "Daily Planet"])
        .arg(fixture("venezuela"))
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "the reference outlet \"Daily Planet\" is not an outlet of story \"venezuela\"",
        ))
        .stderr(predicate::str::contains("Northwire"));
}

#[test]
fn the_figures_table_names_measures_in_words_not_stems() {
    let table = stdout(&["figures"], &fixture("venezuela"));
    assert!(table.contains("people kill"), "{table}");
    assert!(!table.contains("peopl "), "a stem: {table}");
    assert!(!table.contains("airlin "), "a stem: {table}");
    // The JSON keeps the measure's key, which matches across outlets.
    let json = stdout(&["figures", "--format", "json"], &fixture("venezuela"));
    assert!(json.contains("\"measure\":\"peopl kill\""), "{json}");
}

#[test]
fn check_counts_one_story_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("one.jsonl");
    fs::write(
        &corpus,
        "{\"story\": \"s\", \"outlet\": \"a\", \"text\": \"The port reopened on Monday.\"}\n\
         {\"story\": \"s\", \"outlet\": \"b\", \"text\": \"The port reopened on Monday.\"}\n",
    )
    .unwrap();
    storydiff()
        .arg("check")
        .arg(&corpus)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("storydiff check: 1 story, "));
}

/// The summary part of a Markdown report: everything before the details.
fn summary_part(markdown: &str) -> &str {
    markdown.split("<details>").next().unwrap()
}

/// Words as `wc -w` counts them: table pipes and list dashes count.
fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[test]
fn the_markdown_summary_of_a_three_outlet_story_stays_under_300_words() {
    let markdown = stdout(
        &["compare", "--format", "markdown"],
        &fixture("ceasefire.json"),
    );
    let summary = summary_part(&markdown);
    assert!(
        words(summary) <= 300,
        "{} words:\n{summary}",
        words(summary)
    );
    // It keeps its parts: coverage, headlines and leads side by side, each
    // outlet's distinctive claims, framing (and omitted lead facts, below:
    // the three outlets of this story share their leads).
    for part in [
        "3 outlets;",
        "| headline |",
        "| lead |",
        "**Only in one outlet**",
        "**Framing of shared claims**",
    ] {
        assert!(summary.contains(part), "no {part}:\n{summary}");
    }
    for outlet in [
        "Global Dispatch",
        "The Kestrian Observer",
        "Frontline Review",
    ] {
        let distinctive = summary.matches(&format!("\n- {outlet}: ")).count();
        assert!(distinctive >= 1, "{outlet} has its angle:\n{summary}");
    }
    // Each three-outlet story of the corpus too, in its fold of the corpus report.
    let corpus = stdout(
        &["compare", "--format", "markdown"],
        &fixture("corpus.jsonl"),
    );
    let folds: Vec<&str> = corpus.split("<details><summary>").skip(1).collect();
    assert_eq!(folds.len(), 3);
    assert!(
        folds.iter().any(|f| f.contains("**Lead facts left out**")),
        "{corpus}"
    );
    for fold in folds {
        let summary = fold.split("</details>").next().unwrap();
        assert!(summary.contains("3 outlets;"), "{summary}");
        assert!(
            words(summary) <= 300,
            "{} words:\n{summary}",
            words(summary)
        );
    }
}

/// Three outlets with long headlines and leads, long shared paragraphs
/// and long claims of their own: more than a summary can quote.
fn wordy_story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let own = [
        [
            "Marta Quill of the harbour authority said 48 ferries had been moved to the sheltered eastern basin before the first waves arrived on Tuesday evening.",
            "Fishermen in the old quarter told reporters that 30 boats sank at their moorings and that insurers had refused to cover vessels older than twenty years.",
            "The harbour museum, which holds a collection of 19th-century maritime charts, lost its ground floor archive when seawater broke through a cellar window.",
        ],
        [
            "Tomas Reyes, who manages the regional airport, said 62 flights were cancelled and 4,000 passengers spent the night in terminals sleeping on folding cots.",
            "Cargo airlines diverted freight to an inland airfield, where mechanics checked eleven aircraft for hail damage to wings, engines and landing gear.",
            "Travel agencies reported that tourists from abroad demanded refunds for package holidays booked at beach resorts along the southern coast this month.",
        ],
        [
            "Ines Duarte, spokeswoman for the national railway, said 17 carriages derailed near the viaduct when a landslide buried 300 metres of track overnight.",
            "Commuters from the valley towns faced journeys of up to five hours as replacement buses crawled along mountain roads blocked by mud and rocks.",
            "Engineers warned that the nineteenth-century stone viaduct showed cracks in two of its arches and would stay closed until divers inspect its foundations.",
        ],
    ];
    let outlets = [
        "the northern evening chronicle",
        "coastal radio news desk",
        "province daily morning herald",
    ];
    for (n, (outlet, claims)) in outlets.iter().zip(own).enumerate() {
        let mut text = format!(
            "Storm closes the coastal towns as regional officials warn of further damage across the northern province this week ({outlet})\n\n"
        );
        text.push_str(&format!(
            "The northern province shut schools, offices and ports on Tuesday after a storm with winds of {} kilometres an hour flooded the lower town and cut power to thousands of homes. ",
            120 + n * 10
        ));
        text.push_str(
            "Emergency crews from three neighbouring regions worked through the night to clear fallen trees from the main coastal road and restore power to the hospital. ",
        );
        text.push_str(
            "The regional governor said that the damage would take several weeks to repair and that the province would ask the national government for emergency funds. ",
        );
        text.push_str(&claims.join(" "));
        fs::write(dir.path().join(format!("{outlet}.txt")), text).unwrap();
    }
    dir
}

#[test]
fn a_summary_over_its_budget_drops_second_items_and_keeps_every_part() {
    use storydiff::render::markdown::summary_words;
    use storydiff::render::summary::{SUMMARY_WORDS, Summary};
    let dir = wordy_story();
    let story = storydiff::load::open(&[dir.path().to_path_buf()])
        .next()
        .unwrap()
        .unwrap();
    let report = storydiff::analyze(&story, &storydiff::Config::default()).unwrap();
    let summary = Summary::new(&report);
    assert!(
        summary_words(&report, &summary) <= SUMMARY_WORDS,
        "{summary:#?}"
    );
    assert!(
        summary.distinctive.iter().all(|claims| !claims.is_empty()),
        "every outlet keeps its angle: {:?}",
        summary.distinctive
    );
    // With no framing difference or omitted fact to drop, the second
    // shared fact goes first.
    assert!(summary.framing.is_empty() && summary.omitted.is_empty());
    assert_eq!(summary.shared.len(), 1, "{:?}", summary.shared);
    let kept: Vec<usize> = summary.distinctive.iter().map(Vec::len).collect();
    assert!(
        kept[0] >= kept[2],
        "the last outlet's second claim goes first: {kept:?}"
    );
    let markdown = stdout(&["compare", "--format", "markdown"], dir.path());
    let part = summary_part(&markdown);
    assert!(words(part) <= 300, "{} words:\n{part}", words(part));
}

/// Wire copy carried by twelve outlets, three of which give another figure:
/// too many outlets for a column each, so the headlines and the clusters
/// are listed, the outlets that say the same named together.
#[test]
fn many_outlets_are_listed_with_the_outlets_that_agree_named_together() {
    let dir = tempfile::tempdir().unwrap();
    for o in 0..12 {
        let homes = if [4, 9, 11].contains(&o) { 300 } else { 200 };
        write(
            dir.path(),
            &format!("outlet{o:02}.txt"),
            &format!(
                "The fire burned {homes} homes in the valley on Monday, officials said. \
                 The cause is under investigation.\n"
            ),
        );
    }
    let out = stdout(&["compare"], dir.path());
    let longest = out.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest <= 100, "a line of {longest} columns:\n{out}");
    assert!(
        out.contains("clusters that differ or are partial:"),
        "{out}"
    );
    assert!(
        out.contains("\"300\" outlet04, outlet09, outlet11"),
        "{out}"
    );
    assert!(out.contains("headlines and leads:"), "{out}");
    // Markdown and HTML name the outlets of each value together too.
    let markdown = stdout(&["compare", "--format", "markdown"], dir.path());
    assert!(
        markdown.contains("; “300” outlet04, outlet09, outlet11"),
        "{markdown}"
    );
    let html = stdout(&["compare", "--format", "html"], dir.path());
    assert!(
        html.contains("“300”</span> outlet04, outlet09, outlet11"),
        "{html}"
    );
    // Six outlets still fit side by side.
    let six = tempfile::tempdir().unwrap();
    for o in 0..6 {
        let homes = if o == 4 { 300 } else { 200 };
        write(
            six.path(),
            &format!("outlet{o:02}.txt"),
            &format!("The fire burned {homes} homes in the valley on Monday.\n"),
        );
    }
    let out = stdout(&["compare"], six.path());
    assert!(
        !out.contains("clusters that differ or are partial:"),
        "{out}"
    );
}
