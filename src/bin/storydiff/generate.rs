//! The subcommands that print what storydiff is rather than what a story
//! says: the effective configuration, shell completions, man pages and the
//! JSON Schema of its output.

use std::io::{self, Write};

use clap::CommandFactory;

use crate::args::{self, Cli, Command};

/// Run `command`: `config`, `completions`, `man` or `schema`.
///
/// # Panics
///
/// On any other subcommand.
pub fn run(command: Command) -> anyhow::Result<u8> {
    let mut out = io::stdout().lock();
    let result = match command {
        Command::Config(args) => args::config(args.config.as_deref(), None, None)
            .and_then(|config| Ok(out.write_all(toml::to_string(&config)?.as_bytes())?)),
        Command::Completions(args) => {
            clap_complete::generate(args.shell, &mut Cli::command(), "storydiff", &mut out);
            Ok(())
        }
        Command::Man(args) => man(args.dir.as_deref(), &mut out),
        Command::Schema(args) => {
            let schema = storydiff::render::json::schema(args.of.into());
            serde_json::to_writer_pretty(&mut out, &schema)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out))
                .map_err(anyhow::Error::from)
        }
        _ => unreachable!("not a subcommand about storydiff itself"),
    };
    result.and_then(|()| Ok(out.flush()?)).map(|()| 0)
}

/// storydiff(1) on `out`; or, with `dir`, storydiff.1 and a page per
/// subcommand (storydiff-compare.1, ...) written into `dir`.
fn man(dir: Option<&std::path::Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    match dir {
        Some(dir) => clap_mangen::generate_to(Cli::command(), dir)
            .map_err(|e| anyhow::anyhow!("{}: cannot write the man pages: {e}", dir.display())),
        None => Ok(clap_mangen::Man::new(Cli::command()).render(out)?),
    }
}
