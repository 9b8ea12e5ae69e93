//! The HTML report in a real browser: headless Chromium loads it in a
//! 1280-pixel frame and a probe page reads its DOM. Needs `chromium` on the
//! PATH (`.ci/run` installs it); without it the test says so and passes,
//! except under CI (`CI` set), where a missing browser fails it.

// The one line a skipped check prints.
#![allow(clippy::print_stderr)]

use std::path::Path;
use std::process::Command;

/// The browser to run, if any.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// The tags storydiff's HTML writes; any other element came from input.
const RENDERER_TAGS: &[&str] = &[
    "A", "BODY", "DEL", "DETAILS", "DIV", "H1", "H2", "H3", "HEAD", "HTML", "INS", "LI", "MARK",
    "META", "NAV", "OL", "P", "SECTION", "SPAN", "STYLE", "SUMMARY", "TABLE", "TBODY", "TD", "TH",
    "TITLE", "TR", "UL",
];

/// A page that loads `report.html` in a 1280-pixel frame and writes what it
/// measures into its own DOM, for `--dump-dom` to print.
const PROBE: &str = r#"<!DOCTYPE html><html><body>
<iframe id="r" src="report.html" style="width:1280px;height:900px;border:0"></iframe>
<pre id="out"></pre>
<script>
document.getElementById('r').onload = function () {
  var d = this.contentDocument;
  var first = d.querySelector('h1 + *');
  var tags = {};
  d.querySelectorAll('*').forEach(function (e) { tags[e.tagName] = 1; });
  var r = { overflow: d.documentElement.scrollWidth - d.documentElement.clientWidth,
            first: first ? first.className : '', tags: Object.keys(tags).sort(),
            text: d.body.textContent.indexOf('<img src=x onerror=alert(1)>') >= 0 };
  document.getElementById('out').textContent = 'PROBE' + JSON.stringify(r) + 'END';
};
</script></body></html>"#;

#[test]
fn the_html_report_renders_summary_first_without_input_elements_or_overflow() {
    let Some(browser) = chromium() else {
        assert!(std::env::var_os("CI").is_none(), "CI must have chromium");
        eprintln!("chromium not found: the browser check is skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story");
    std::fs::create_dir(&story).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/venezuela");
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, story.join(path.file_name().unwrap())).unwrap();
    }
    // Markup in article text must stay text.
    std::fs::write(
        story.join("zz-hostile.txt"),
        "Headline <b>bold</b>\n\nThe US has stationed 15,000 troops. <img src=x onerror=alert(1)> \
         <script>document.title='x'</script><div style=\"width:5000px\">wide</div>\n",
    )
    .unwrap();
    let report = dir.path().join("report.html");
    assert_cmd::Command::cargo_bin("storydiff")
        .unwrap()
        .arg("compare")
        .arg(&story)
        .arg("--output")
        .arg(&report)
        .assert()
        .success();
    let probe = dir.path().join("probe.html");
    std::fs::write(&probe, PROBE).unwrap();
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("file://{}", probe.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&output.stdout);
    let start = dom.find("PROBE{").expect("the probe ran") + "PROBE".len();
    let end = start + dom[start..].find("END").unwrap();
    let probe: serde_json::Value =
        serde_json::from_str(&dom[start..end].replace("&quot;", "\"")).unwrap();
    assert!(probe["tags"].as_array().unwrap().len() > 10, "{probe}");
    assert_eq!(probe["first"], "summary", "the summary comes first");
    assert_eq!(probe["overflow"], 0, "no horizontal overflow at 1280 px");
    assert_eq!(probe["text"], true, "markup in article text stays text");
    for tag in probe["tags"].as_array().unwrap() {
        let tag = tag.as_str().unwrap();
        assert!(RENDERER_TAGS.contains(&tag), "an element from input: {tag}");
    }
}
