//! Any text as an "Earlier result file" (docs/spec.md §10): reading it as
//! a JSON report must not panic, and a report it accepts is written back as
//! a report that reads the same scenario.

#![no_main]

use libfuzzer_sys::fuzz_target;
use social8020_core::analysis::Analysis;
use social8020_core::{earlier, export};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(scenario) = earlier::from_report(&text) {
        let again = export::report_json(&Analysis::new(scenario.clone(), Default::default()), None);
        assert_eq!(earlier::from_report(&again).as_ref(), Ok(&scenario));
    }
});
