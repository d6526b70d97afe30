//! Criterion's command line, as far as the peer benchmark needs to read it. Shared by the root
//! wrapper (`benches/peer.rs`) and the benchmark itself (`benches/peer/benches/peer.rs`).

/// The benchmark ids, for deciding whether a criterion filter selects this benchmark at all.
pub const IDS: [&str; 4] = [
    "peer/scenarios/arvio",
    "peer/scenarios/zen_engine",
    "peer/generated/arvio",
    "peer/generated/zen_engine",
];

/// Criterion's options that take a value; any other argument not starting with `-` is the filter.
const VALUED: [&str; 19] = [
    "-c",
    "--color",
    "-s",
    "--save-baseline",
    "-b",
    "--baseline",
    "--baseline-lenient",
    "--format",
    "--profile-time",
    "--load-baseline",
    "--sample-size",
    "--warm-up-time",
    "--measurement-time",
    "--nresamples",
    "--noise-threshold",
    "--confidence-level",
    "--significance-level",
    "--plotting-backend",
    "--output-format",
];

/// The filter and mode of a criterion command line (criterion parses it again itself).
#[derive(Debug, Default, PartialEq)]
pub struct Args {
    pub filter: Option<String>,
    /// `--bench`: run as a benchmark (`cargo bench`), not as a test (`cargo test --benches`).
    pub bench: bool,
    pub list: bool,
}

impl Args {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Self {
        let mut out = Self::default();
        let mut args = args.into_iter();
        while let Some(a) = args.next() {
            match a.as_str() {
                "--bench" => out.bench = true,
                "--list" => out.list = true,
                a if VALUED.contains(&a) => {
                    args.next();
                }
                a if !a.starts_with('-') => out.filter = Some(a.to_owned()),
                _ => {}
            }
        }
        out
    }

    /// Whether the filter may select one of [`IDS`]. Criterion reads a filter as a regular
    /// expression; one that uses its syntax is left to criterion to decide.
    pub fn may_select_peer(&self) -> bool {
        self.filter.as_deref().is_none_or(|f| {
            f.contains(|c: char| "\\^$.|?*+()[]{}".contains(c))
                || IDS.iter().any(|id| id.contains(f))
        })
    }

    /// Criterion's own `--list` answer, without building or running anything.
    pub fn print_list() {
        for id in IDS {
            println!("{id}: benchmark");
        }
    }
}
