//! The components. They render what the core computed and dispatch
//! [`crate::state::Action`]s; DOM events are turned into typed values at
//! the edge, inside the input components.

pub mod activities;
pub mod app;
pub mod breakdown;
pub mod chart;
pub mod compare;
pub mod exports;
pub mod field;
pub mod headline;
pub mod hooks;
pub mod import;
pub mod problem;
pub mod saved;
pub mod score;
pub mod settings;
pub mod share;
pub mod signals;
