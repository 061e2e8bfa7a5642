//! The tiers of the WebAssembly build: the light tier (no optional feature) reads
//! UTF-8/UTF-16 files with YAML or JSON front matter and Markdown bodies; a file
//! that needs more needs a heavier tier ([`Tier`]), each a cargo feature. A step
//! whose tier is not compiled in notes it ([`missing`]) and gives an empty result,
//! and [`crate::render`] then fails with `not-ready` naming the tier, instead of an
//! Article that lacks the step. [`crate::needs`] tells beforehand. This module
//! imports no stage: every stage may note a missing tier.

use std::cell::Cell;

/// A part of the pipeline that the light tier leaves to a heavier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tier {
    /// HTML bodies, raw HTML in Markdown and whole documents (ammonia, html5ever).
    Html,
    /// Legacy encodings and their detection (encoding_rs, chardetng).
    Legacy,
    /// TOML front matter (`+++`, `---toml`, a `toml` code fence).
    Toml,
}

impl Tier {
    /// The tier's stable name: its cargo feature, the `tier` param of `not-ready`
    /// and the name the browser loader fetches it by.
    pub fn name(self) -> &'static str {
        match self {
            Tier::Html => "html",
            Tier::Legacy => "legacy",
            Tier::Toml => "toml",
        }
    }

    /// Whether this build holds the tier.
    pub fn is_built_in(self) -> bool {
        match self {
            Tier::Html => cfg!(feature = "html"),
            Tier::Legacy => cfg!(feature = "legacy"),
            Tier::Toml => cfg!(feature = "toml"),
        }
    }
}

thread_local! {
    /// The first tier a step of the current render needed and did not have.
    static MISSING: Cell<Option<Tier>> = const { Cell::new(None) };
}

/// Notes that a step of the current render needs `tier`, which this build lacks.
#[cfg_attr(feature = "full", allow(dead_code))]
pub(crate) fn missing(tier: Tier) {
    MISSING.with(|m| {
        if m.get().is_none() {
            m.set(Some(tier));
        }
    });
}

/// The tier the render that just ran lacked, if any (and forgets it).
pub(crate) fn take_missing() -> Option<Tier> {
    MISSING.with(Cell::take)
}
