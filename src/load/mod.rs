//! Load stage: files, folders and JSON Lines in, [`Story`] values out.
//!
//! One module per input format. Every loader keeps enough position
//! information in each [`Version`] that a claim can name its line and column.

pub mod text;

use std::path::{Path, PathBuf};

use crate::error::InputError;
use crate::model::{Story, Version};

/// The stories named by the command line's inputs, one at a time.
///
/// A `.jsonl` corpus yields one item per story; any other input list yields
/// a single story. A bad story is an `Err` item and the rest still come.
pub fn open(inputs: &[PathBuf]) -> Box<dyn Iterator<Item = Result<Story, InputError>>> {
    let inputs = inputs.to_vec();
    Box::new(std::iter::once(load_story(&inputs)))
}

/// Load the versions named by `inputs` (files, or one folder) as one story.
pub fn load_story(inputs: &[PathBuf]) -> Result<Story, InputError> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            files.extend(folder_files(input)?);
        } else {
            files.push(input.clone());
        }
    }
    let mut versions = Vec::new();
    for file in &files {
        versions.push(load_file(file)?);
    }
    let id = story_id(inputs);
    Ok(Story { id, versions })
}

/// The supported files in a folder, sorted by name.
fn folder_files(folder: &Path) -> Result<Vec<PathBuf>, InputError> {
    let name = folder.display().to_string();
    let entries = std::fs::read_dir(folder)
        .map_err(|e| InputError::file(&name, format!("cannot read folder: {e}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    Ok(files)
}

fn load_file(path: &Path) -> Result<Version, InputError> {
    let name = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| InputError::file(&name, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        InputError::file(
            &name,
            format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
        )
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(text::parse(&text, &name, &stem))
}

/// The story's name: the folder's name for a folder, else the first file's stem.
fn story_id(inputs: &[PathBuf]) -> String {
    inputs
        .first()
        .and_then(|p| {
            if p.is_dir() {
                p.file_name()
            } else {
                p.file_stem()
            }
        })
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "story".to_string())
}
