//! Prints, as JSON, what `make bench` needs from the codec: the share-link
//! payload length for 1, 10, 30 and 100 activities with realistic names,
//! the sizes of the largest links, and the payloads the browser benchmark
//! opens (`#s=...`) to load 10 and 100 activities without typing them,
//! and the largest link.
//! Run with `cargo run -p social8020-core --example link_lengths --release`.

#[path = "../benches/common/mod.rs"]
mod common;

use social8020_core::codec;

fn main() {
    let payload = |n: usize| codec::encode(&common::realistic(n)).expect("realistic fits");
    let lengths: Vec<String> = [1, 10, 30, 100]
        .iter()
        .map(|&n| format!("\"{n}\": {}", payload(n).len()))
        .collect();
    let ascii = common::largest_ascii().map_or("null".to_owned(), |(_, p)| p.len().to_string());
    let (any_scenario, any) = common::largest_any();
    let any_chars = any_scenario.activities()[0].name.chars().count();
    // Payloads are base64url, so they need no JSON escaping.
    println!(
        "{{\"lengths\": {{{}}}, \"largest_ascii60\": {ascii}, \"largest\": {{\"len\": {}, \"name_chars\": {any_chars}}}, \"max\": {}, \"payloads\": {{\"10\": \"{}\", \"100\": \"{}\", \"largest\": \"{any}\"}}}}",
        lengths.join(", "),
        any.len(),
        codec::MAX_PAYLOAD_LEN,
        payload(10),
        payload(100),
    );
}
