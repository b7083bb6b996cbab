//! stancer: rule-based stance labeling of news text.
//!
//! The pipeline runs in stages, each in its own module, with plain data between them:
//! [`input`] reads corpora into [`input::Document`]s, [`segment`] splits them into
//! sentence spans, [`matcher`] finds actor, cue, negator and speaker mentions with one
//! automaton pass, [`attribute`] turns mentions into [`attribute::Claim`]s, and
//! [`output`] writes them as CSV or JSON Lines. [`rules`] loads the rule pack that
//! drives matching and attribution, and [`pipeline::Pipeline`] wires the stages.
//!
//! ```
//! let pipeline = stancer::Pipeline::new(stancer::rules::RulePack::builtin().unwrap());
//! let doc = stancer::input::Document::new("d1", "Islamabad welcomed U.S. assistance.");
//! let labeled = pipeline.label(&doc);
//! assert_eq!(labeled.claims.len(), 1);
//! ```

pub mod attribute;
mod bytes;
pub mod date;
pub mod eval;
pub mod explain;
pub mod input;
pub mod matcher;
pub mod output;
pub mod pipeline;
pub mod precision;
pub mod review;
pub mod rules;
pub mod segment;
pub mod summary;
pub mod xlsx;

pub use pipeline::Pipeline;
