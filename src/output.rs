//! Report files that a failed run never destroys.
//!
//! `--output FILE` and `--write-baseline FILE` write through [`OutputFile`]:
//! the bytes go to a temporary file in the target's folder, and only
//! [`OutputFile::commit`] renames it over the target, in one step. A run
//! that stops early (bad arguments, unreadable input, a full disk) leaves
//! the previous file as it was and no temporary file behind. A file that is
//! replaced keeps its permission bits; a new one gets those of any new file
//! (read and write for all, less the umask). An output path that the run
//! reads, an input file or a file in an input folder, is refused before
//! anything is read ([`refuse_input_as_output`]).

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
    /// final rename stays on one file system. When `target` exists, the
    /// temporary file takes its permission bits, so that the report it
    /// replaces keeps them.
    pub fn create(target: &Path) -> io::Result<OutputFile> {
        let folder = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut builder = tempfile::Builder::new();
        let prefix = format!(".{name}.");
        builder.prefix(&prefix).suffix(".tmp");
        let existing = std::fs::metadata(target).ok().filter(|m| m.is_file());
        if existing.is_none() {
            ask_new_file_mode(&mut builder);
        }
        let temp = builder.tempfile_in(folder)?;
        if let Some(existing) = existing {
            temp.as_file().set_permissions(existing.permissions())?;
        }
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

/// Mode bits a new file is asked for, before the umask: read and write for
/// everyone, as any program's new files (the temporary file alone would be
/// private to its owner).
#[cfg(unix)]
const NEW_FILE_MODE: u32 = 0o666;

#[cfg(unix)]
fn ask_new_file_mode(builder: &mut tempfile::Builder) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(std::fs::Permissions::from_mode(NEW_FILE_MODE));
}

#[cfg(not(unix))]
fn ask_new_file_mode(_: &mut tempfile::Builder) {}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

/// An error when the run would read `output`: when it is one of `inputs`,
/// or sits in an input folder (whose files are the story's outlets, and
/// would be next time), by any path. Paths are compared canonical, so
/// `./b.txt`, `dir/../b.txt` and a symbolic link name one file.
pub fn refuse_input_as_output(output: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    if output.is_dir() {
        return Err("is a folder, not a file".to_string());
    }
    let Some(target) = canonical(output) else {
        // Neither the file nor its folder exists: no input is there.
        return Ok(());
    };
    for input in inputs {
        let Ok(read) = input.canonicalize() else {
            continue;
        };
        if read == target {
            return Err(format!(
                "is also an input ({}); refusing to overwrite it",
                input.display()
            ));
        }
        if read.is_dir() && target.parent() == Some(read.as_path()) {
            return Err(format!(
                "is inside the input folder {}, whose files are read as outlets; refusing to write there",
                input.display()
            ));
        }
    }
    Ok(())
}

/// The canonical form of `path`; for a file that does not exist yet, its
/// folder's canonical form joined with its name.
fn canonical(path: &Path) -> Option<PathBuf> {
    if let Ok(path) = path.canonicalize() {
        return Some(path);
    }
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    folder.canonicalize().ok().map(|folder| folder.join(name))
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
        let error = refuse_input_as_output(dir.path(), std::slice::from_ref(&input)).unwrap_err();
        assert!(error.contains("folder"), "{error}");
        let folder = [dir.path().to_path_buf()];
        for inside in [input.clone(), dir.path().join("not-yet.md")] {
            let error = refuse_input_as_output(&inside, &folder).unwrap_err();
            assert!(error.contains("input folder"), "{error}");
        }
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        assert!(refuse_input_as_output(&sub.join("r.json"), &folder).is_ok());
    }
}
