//! Trust boundaries (docs/spec.md §11) that the core decides: which URL
//! settings a widget honours where it runs, what a host's label may hold,
//! and how many rows an import says need fixing.

use social8020_core::host::{origin_of, safe_url, HostSettings, Placement};
use social8020_core::import::parse_rows;

const EVIL: &str = "?cta-url=https://evil.example/login&cta-label=Get+your+full+report\
                    &share-url=https://evil.example/grab";

fn framed(origin: &str) -> Placement {
    Placement::Framed {
        embedder: Some(origin.to_owned()),
    }
}

/// The settings that survive, as (cta URL, share URL), and the names of the
/// settings warned about.
fn check(
    query: &str,
    placement: Placement,
    cta: Option<&str>,
    share: Option<&str>,
    warned: &[&str],
) {
    let (settings, warnings) = HostSettings::from_page(query, &placement);
    assert_eq!(
        (
            settings.cta.as_ref().map(|c| c.url.as_str()),
            settings.share_url.as_deref()
        ),
        (cta, share),
        "{query} at {placement:?}"
    );
    let names: Vec<&str> = warnings.iter().map(|w| w.setting).collect();
    assert_eq!(names, warned, "{query} at {placement:?}");
}

#[test]
fn url_settings_count_only_in_a_frame_of_the_same_site() {
    // Opened on its own: no call to action, links to itself.
    check(
        EVIL,
        Placement::Alone,
        None,
        None,
        &["cta-url", "share-url"],
    );
    check("?accent=%23c2255c", Placement::Alone, None, None, &[]);
    // In a frame of another site: its call to action, but never a share
    // page elsewhere.
    check(
        EVIL,
        framed("https://consultancy.example"),
        Some("https://evil.example/login"),
        None,
        &["share-url"],
    );
    check(
        EVIL,
        Placement::Framed { embedder: None },
        Some("https://evil.example/login"),
        None,
        &["share-url"],
    );
    // The embedding page's own origin, written any way a browser would.
    for (share, embedder) in [
        (
            "https://consultancy.example/80-20",
            "https://consultancy.example",
        ),
        (
            "HTTPS://Consultancy.Example:443/80-20?x=1",
            "https://consultancy.example",
        ),
        ("http://localhost:8401/page.html", "http://localhost:8401"),
    ] {
        let query = format!("?share-url={share}");
        let (settings, warnings) = HostSettings::from_page(&query, &framed(embedder));
        assert!(
            settings.share_url.is_some() && warnings.is_empty(),
            "{share}"
        );
    }
    // Another port or scheme is another origin.
    for (share, embedder) in [
        ("http://localhost:8402/page.html", "http://localhost:8401"),
        (
            "https://consultancy.example.evil.example/",
            "https://consultancy.example",
        ),
        (
            "https://consultancy.example:8443/",
            "https://consultancy.example",
        ),
    ] {
        let query = format!("?share-url={share}");
        check(&query, framed(embedder), None, None, &["share-url"]);
    }
}

#[test]
fn origins_are_written_as_browsers_write_them() {
    for (url, origin) in [
        ("https://Example.com/x", Some("https://example.com")),
        ("https://example.com:443", Some("https://example.com")),
        ("http://example.com:80/", Some("http://example.com")),
        ("http://127.0.0.1:8400/a?b#c", Some("http://127.0.0.1:8400")),
        ("ftp://example.com/", None),
        ("example.com", None),
    ] {
        assert_eq!(origin_of(url).as_deref(), origin, "{url}");
    }
}

#[test]
fn host_text_cannot_disguise_itself() {
    let (settings, warnings) =
        HostSettings::from_query("?cta-url=https://example.com/&cta-label=Book%E2%80%AEnow");
    assert_eq!(
        settings.cta.map(|c| c.label).as_deref(),
        Some("Book a free call")
    );
    assert_eq!(warnings[0].setting, "cta-label");
    assert_eq!(safe_url("https://exa\u{202E}mple.com/"), None);
    assert_eq!(safe_url("https://example.com/\u{200B}"), None);
}

#[test]
fn the_summary_counts_rows_not_problems() {
    // Row 2 has two bad cells and a bad type; row 3 one bad cell.
    let import = parse_rows("Posts,1,2\nAds,x,y,z\nReels,1,-\n");
    assert_eq!(import.rows.len(), 1);
    assert_eq!(import.problems.len(), 4);
    assert_eq!(import.rows_to_fix(), 2);
}
