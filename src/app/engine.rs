//! The engine in the app: the page side ([`client`]), the messages ([`protocol`]), the reactor that
//! runs in each web worker ([`worker`]), and the same runs computed on the page where workers cannot
//! start ([`inline`]).

pub mod client;
mod inline;
pub mod protocol;
pub mod worker;

pub use client::{run, use_engine, Engine};
