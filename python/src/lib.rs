//! The `storydiff._native` extension module: the storydiff library's load,
//! analysis and JSON rendering, called from Python.
//!
//! Thin on purpose: every result is the JSON text the command line writes,
//! so that Python and the CLI cannot drift apart; the `storydiff` Python
//! package turns it into dicts. Errors become `storydiff.StorydiffError`
//! with the library's message, file and line.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use storydiff::check::{self, Baseline, Outcome};
use storydiff::compare::Severity;
use storydiff::error::ErrorKind;
use storydiff::render::{self, Format, Layout};
use storydiff::{Config, InputError, load};

/// The Python exception an [`InputError`] becomes: a value of
/// `storydiff.StorydiffError`, so that it pickles across processes.
fn error_value<'py>(py: Python<'py>, error: &InputError) -> PyResult<Bound<'py, PyAny>> {
    py.import("storydiff._error")?
        .getattr("StorydiffError")?
        .call1((
            &error.message,
            &error.source_name,
            error.line,
            kind_name(error.kind),
        ))
}

/// The name of an error's kind in Python.
fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Input => "input",
        ErrorKind::Config => "config",
        ErrorKind::Baseline => "baseline",
        ErrorKind::TooFewOutlets => "too-few-outlets",
    }
}

/// An [`InputError`] raised in Python.
fn raise(py: Python<'_>, error: &InputError) -> PyErr {
    match error_value(py, error) {
        Ok(value) => PyErr::from_value(value),
        Err(import_failed) => import_failed,
    }
}

/// One story, loaded and checked; opaque to Python.
#[pyclass(module = "storydiff._native", frozen)]
struct Story(storydiff::Story);

#[pymethods]
impl Story {
    /// The story's identifier.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// The outlets, in version order.
    #[getter]
    fn outlets(&self) -> Vec<String> {
        self.0.versions.iter().map(|v| v.outlet.clone()).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "<storydiff story {:?}, {} version(s)>",
            self.0.id,
            self.0.versions.len()
        )
    }
}

/// A story from JSON text in the `.json` story format, named `source` in
/// messages; `default_id` names a story without a `story` field.
#[pyfunction]
fn story_from_json(py: Python<'_>, text: &str, source: &str, default_id: &str) -> PyResult<Story> {
    let loaded = load::json::parse(text, source, default_id).map_err(|e| raise(py, &e))?;
    let story = storydiff::Story {
        id: loaded.story.unwrap_or_else(|| default_id.to_string()),
        versions: loaded.versions,
    };
    load::check(&story).map_err(|e| raise(py, &e))?;
    Ok(Story(story))
}

/// A story from files and folders, as `storydiff compare PATH...` reads it.
#[pyfunction]
fn story_from_paths(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Story> {
    let story = py.detach(|| load::load_story(&paths));
    story.map(Story).map_err(|e| raise(py, &e))
}

/// Each item of a corpus: a [`Story`], or the `StorydiffError` in its place.
fn items(
    py: Python<'_>,
    stories: impl Iterator<Item = Result<storydiff::Story, InputError>>,
) -> PyResult<Vec<Py<PyAny>>> {
    stories
        .map(|item| match item {
            Ok(story) => Ok(Py::new(py, Story(story))?.into_any()),
            Err(error) => Ok(error_value(py, &error)?.unbind()),
        })
        .collect()
}

/// The stories of a JSON Lines corpus file, read as the CLI reads it,
/// one at a time: each item a [`Story`] or a `StorydiffError`.
#[pyclass(module = "storydiff._native", unsendable)]
struct Corpus(Box<dyn Iterator<Item = Result<storydiff::Story, InputError>>>);

#[pymethods]
impl Corpus {
    #[new]
    fn new(path: PathBuf) -> Corpus {
        Corpus(load::jsonl::open_file(&path))
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        match self.0.next() {
            None => Ok(None),
            Some(item) => Ok(items(py, std::iter::once(item))?.pop()),
        }
    }
}

/// The stories of some records of corpus `source`, each `(line, bytes)`:
/// a [`Story`] or a `StorydiffError` per item, as reading the whole corpus
/// gives for them.
#[pyfunction]
fn stories_from_records(
    py: Python<'_>,
    source: &str,
    records: Vec<(usize, Bound<'_, PyBytes>)>,
) -> PyResult<Vec<Py<PyAny>>> {
    let records: Vec<(usize, &[u8])> = records
        .iter()
        .map(|(line, bytes)| (*line, bytes.as_bytes()))
        .collect();
    let stories = load::jsonl::records(source, records);
    items(py, stories.into_iter())
}

/// The `story` of one corpus record (line `line` of `source`), `None` for a
/// blank line; a bad record raises.
#[pyfunction]
fn story_key(py: Python<'_>, record: &[u8], source: &str, line: usize) -> PyResult<Option<String>> {
    load::jsonl::story_of(record, source, line).map_err(|e| raise(py, &e))
}

/// A configuration and a `check` policy, applied to stories.
#[pyclass(module = "storydiff._native", frozen)]
struct Analyzer {
    analyzer: storydiff::Analyzer,
    baseline: Baseline,
}

/// Render into a string; writing to memory cannot fail.
fn rendered(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut buffer = Vec::new();
    write(&mut buffer).expect("writing to memory cannot fail");
    String::from_utf8(buffer).expect("JSON output is UTF-8")
}

#[pymethods]
impl Analyzer {
    /// `config`: a `storydiff.toml` (else the defaults); `fail_on`: a
    /// severity name overriding its `[check] fail_on`; `baseline`: a file
    /// written by `storydiff check --write-baseline`.
    #[new]
    #[pyo3(signature = (config=None, fail_on=None, baseline=None))]
    fn new(
        py: Python<'_>,
        config: Option<PathBuf>,
        fail_on: Option<&str>,
        baseline: Option<PathBuf>,
    ) -> PyResult<Analyzer> {
        let mut config = match config {
            Some(path) => Config::from_file(&path).map_err(|e| raise(py, &e))?,
            None => Config::default(),
        };
        if let Some(name) = fail_on {
            config.check.fail_on =
                serde_json::from_value::<Severity>(name.into()).map_err(|_| {
                    pyo3::exceptions::PyValueError::new_err(format!(
                        "fail_on should be \"info\", \"warning\" or \"error\", got {name:?}"
                    ))
                })?;
        }
        let baseline = match baseline {
            Some(path) => Baseline::from_file(&path).map_err(|e| raise(py, &e))?,
            None => Baseline::default(),
        };
        let analyzer = storydiff::Analyzer::new(&config).map_err(|e| raise(py, &e))?;
        Ok(Analyzer { analyzer, baseline })
    }

    /// The report, as the line `compare --format json` writes.
    fn compare(&self, py: Python<'_>, story: &Story) -> PyResult<String> {
        let report = py.detach(|| self.analyzer.analyze(&story.0));
        let report = report.map_err(|e| raise(py, &e))?;
        Ok(rendered(|out| {
            render::report(out, &report, Format::Json, Layout::default())
        }))
    }

    /// Every version's claims, as the lines `claims --format json` writes.
    fn claims(&self, py: Python<'_>, story: &Story) -> String {
        py.detach(|| {
            let claims = self.analyzer.claims(&story.0);
            rendered(|out| render::claims(out, &story.0, &claims, Format::Json, Layout::default()))
        })
    }

    /// Every version's figures, as the lines `figures --format json` writes.
    fn figures(&self, py: Python<'_>, story: &Story) -> String {
        py.detach(|| {
            let claims = self.analyzer.claims(&story.0);
            rendered(|out| render::figures(out, &story.0, &claims, Format::Json, Layout::default()))
        })
    }

    /// The story's outcome under the policy, as the line `check --format
    /// json` writes.
    fn check(&self, py: Python<'_>, story: &Story) -> PyResult<String> {
        let outcome: Result<Outcome, InputError> = py.detach(|| {
            let report = self.analyzer.analyze(&story.0)?;
            Ok(check::judge(
                &report,
                &self.analyzer.config().check,
                &self.baseline,
            ))
        });
        let outcome = outcome.map_err(|e| raise(py, &e))?;
        Ok(rendered(|out| {
            check::write_outcome(out, &outcome, Format::Json)
        }))
    }

    /// The report and the outcome of one analysis: what [`Analyzer::compare`]
    /// and [`Analyzer::check`] give, for the cost of one.
    fn compare_and_check(&self, py: Python<'_>, story: &Story) -> PyResult<(String, String)> {
        let report = py.detach(|| self.analyzer.analyze(&story.0));
        let report = report.map_err(|e| raise(py, &e))?;
        let outcome = check::judge(&report, &self.analyzer.config().check, &self.baseline);
        Ok((
            rendered(|out| render::report(out, &report, Format::Json, Layout::default())),
            rendered(|out| check::write_outcome(out, &outcome, Format::Json)),
        ))
    }

    /// The severity name that fails a check.
    #[getter]
    fn fail_on(&self) -> String {
        render::name(&self.analyzer.config().check.fail_on)
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Story>()?;
    m.add_class::<Corpus>()?;
    m.add_class::<Analyzer>()?;
    m.add_function(wrap_pyfunction!(story_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(story_from_paths, m)?)?;
    m.add_function(wrap_pyfunction!(stories_from_records, m)?)?;
    m.add_function(wrap_pyfunction!(story_key, m)?)?;
    Ok(())
}
