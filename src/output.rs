//! Report files that a failed run never destroys.
//!
//! `--output FILE` and `--write-baseline FILE` write through [`OutputFile`]:
//! the bytes go to a temporary file in the target's folder, and only
//! [`OutputFile::commit`] renames it over the target, in one step. A run
//! that stops early (bad arguments, unreadable input, a full disk) leaves
//! the previous file as it was and no temporary file behind. An output path
//! that is also one of the run's inputs is refused before anything is read
//! ([`refuse_input_as_output`]).

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anstream::{AutoStream, ColorChoice};

use crate::error::InputError;

/// Where a run's report goes: standard output, or a file that replaces its
/// target only when [`Output::finish`] is told to keep it.
#[derive(Debug)]
pub enum Output {
    /// Standard output, buffered, through anstream ([`Output::open`]).
    Stdout(BufWriter<AutoStream<io::StdoutLock<'static>>>),
    /// `--output FILE`.
    File(OutputFile),
}

impl Output {
    /// Standard output, or the file at `path` after checking that it is
    /// none of `inputs`. Standard output goes through anstream's
    /// `AutoStream` with `color`: `Always` passes colour on to the terminal
    /// (translated for a Windows console that reads no escape sequences),
    /// `Never` strips escape sequences, `AlwaysAnsi` passes every byte as
    /// it is. A file gets the bytes as written.
    pub fn open(
        path: Option<&Path>,
        inputs: &[PathBuf],
        color: ColorChoice,
    ) -> Result<Output, InputError> {
        let Some(path) = path else {
            let stdout = AutoStream::new(io::stdout().lock(), color);
            return Ok(Output::Stdout(BufWriter::new(stdout)));
        };
        let name = path.display().to_string();
        refuse_input_as_output(path, inputs).map_err(|e| InputError::file(&name, e))?;
        OutputFile::create(path)
            .map(Output::File)
            .map_err(|e| InputError::file(&name, format!("cannot write: {e}")))
    }

    /// Flush everything; a file replaces its target when `keep`, and is
    /// dropped (the target left as it was) otherwise. An error writing a
    /// file names it; an error on standard output (a closed pipe) is as is.
    pub fn finish(self, keep: bool) -> io::Result<()> {
        match self {
            Output::Stdout(mut out) => out.flush(),
            Output::File(file) if keep => {
                let name = file.target.display().to_string();
                file.commit()
                    .map_err(|e| io::Error::new(e.kind(), format!("{name}: cannot write: {e}")))
            }
            Output::File(_) => Ok(()),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File(file) => file.flush(),
        }
    }
}

/// A file being written: invisible at its path until committed.
#[derive(Debug)]
pub struct OutputFile {
    target: PathBuf,
    temp: BufWriter<tempfile::NamedTempFile>,
}

impl OutputFile {
    /// Start writing `target`: a temporary file beside it, so that the
    /// final rename stays on one file system.
    pub fn create(target: &Path) -> io::Result<OutputFile> {
        let folder = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(folder)?;
        Ok(OutputFile {
            target: target.to_path_buf(),
            temp: BufWriter::new(temp),
        })
    }

    /// Flush, and put the written file in the target's place.
    pub fn commit(self) -> io::Result<()> {
        let temp = self
            .temp
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        temp.as_file().sync_all()?;
        temp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

/// An error when `output` is one of `inputs` (the same file, by any path),
/// so that a report never replaces an article it reads.
pub fn refuse_input_as_output(output: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    let Ok(target) = output.canonicalize() else {
        // A file that does not exist yet is no input.
        return Ok(());
    };
    if target.is_dir() {
        return Err("is a folder, not a file".to_string());
    }
    let clash = inputs
        .iter()
        .find(|input| input.canonicalize().is_ok_and(|input| input == target));
    match clash {
        Some(input) => Err(format!(
            "is also an input ({}); refusing to overwrite it",
            input.display()
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn the_target_changes_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.json");
        fs::write(&target, "previous").unwrap();
        let mut out = OutputFile::create(&target).unwrap();
        out.write_all(b"new report").unwrap();
        out.flush().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "previous");
        out.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new report");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_dropped_file_leaves_the_previous_one_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.json");
        fs::write(&target, "previous").unwrap();
        let mut out = OutputFile::create(&target).unwrap();
        out.write_all(b"half a rep").unwrap();
        drop(out);
        assert_eq!(fs::read_to_string(&target).unwrap(), "previous");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_output_that_is_an_input_is_refused_by_any_path() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("b.txt");
        fs::write(&input, "Text.").unwrap();
        let other_path = dir.path().join(".").join("b.txt");
        let error = refuse_input_as_output(&other_path, std::slice::from_ref(&input)).unwrap_err();
        assert!(error.contains("also an input"), "{error}");
        assert!(
            refuse_input_as_output(&dir.path().join("new.json"), std::slice::from_ref(&input))
                .is_ok()
        );
        let error = refuse_input_as_output(dir.path(), &[input]).unwrap_err();
        assert!(error.contains("folder"), "{error}");
    }
}
