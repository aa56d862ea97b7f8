//! The words of the score (docs/spec.md §3): signal and band names, the
//! advice for a lever, and the "How is this calculated?" panel's measures
//! and sources. The core says which signal, which band and which target;
//! the numbers are formatted by the page's [`Formatter`].

use social8020_core::score::{Advice, Band, Signal};

use super::{fill, t, Key};
use crate::browser::format::Formatter;

/// The repeat purchase rate typical of consumable goods, which the loyalty
/// source cites.
const TYPICAL_REPEAT_RATE: f64 = 0.4;

/// Points a month by which the time advice asks to raise the share of
/// hours given to community.
const TIME_POINTS_A_MONTH: f64 = 10.0;

/// The texts of one signal.
struct SignalKeys {
    name: Key,
    measure: Key,
    /// "Not counted: enter …", when its inputs are missing.
    missing: Key,
    /// Where the measure comes from.
    source: Key,
    headline: Key,
    gap: Key,
    this_week: Key,
    watch: Key,
}

fn keys(signal: Signal) -> SignalKeys {
    match signal {
        Signal::TimeOnCommunity => SignalKeys {
            name: Key::ScoreSignalTime,
            measure: Key::ScoreMeasureTime,
            missing: Key::ScoreMissingTime,
            source: Key::ScoreSourceTime,
            headline: Key::ScoreAdviceTimeHeadline,
            gap: Key::ScoreAdviceTimeGap,
            this_week: Key::ScoreAdviceTimeThisWeek,
            watch: Key::ScoreAdviceTimeWatch,
        },
        Signal::ResultsFromCommunity => SignalKeys {
            name: Key::ScoreSignalResults,
            measure: Key::ScoreMeasureResults,
            missing: Key::ScoreMissingResults,
            source: Key::ScoreSourceResults,
            headline: Key::ScoreAdviceResultsHeadline,
            gap: Key::ScoreAdviceResultsGap,
            this_week: Key::ScoreAdviceResultsThisWeek,
            watch: Key::ScoreAdviceResultsWatch,
        },
        Signal::Conversation => SignalKeys {
            name: Key::ScoreSignalConversation,
            measure: Key::ScoreMeasureConversation,
            missing: Key::ScoreMissingConversation,
            source: Key::ScoreSourceConversation,
            headline: Key::ScoreAdviceConversationHeadline,
            gap: Key::ScoreAdviceConversationGap,
            this_week: Key::ScoreAdviceConversationThisWeek,
            watch: Key::ScoreAdviceConversationWatch,
        },
        Signal::Loyalty => SignalKeys {
            name: Key::ScoreSignalLoyalty,
            measure: Key::ScoreMeasureLoyalty,
            missing: Key::ScoreMissingLoyalty,
            source: Key::ScoreSourceLoyalty,
            headline: Key::ScoreAdviceLoyaltyHeadline,
            gap: Key::ScoreAdviceLoyaltyGap,
            this_week: Key::ScoreAdviceLoyaltyThisWeek,
            watch: Key::ScoreAdviceLoyaltyWatch,
        },
        Signal::Advocacy => SignalKeys {
            name: Key::ScoreSignalAdvocacy,
            measure: Key::ScoreMeasureAdvocacy,
            missing: Key::ScoreMissingAdvocacy,
            source: Key::ScoreSourceAdvocacy,
            headline: Key::ScoreAdviceAdvocacyHeadline,
            gap: Key::ScoreAdviceAdvocacyGap,
            this_week: Key::ScoreAdviceAdvocacyThisWeek,
            watch: Key::ScoreAdviceAdvocacyWatch,
        },
    }
}

/// "Time on community".
pub fn signal_name(signal: Signal) -> &'static str {
    t(keys(signal).name)
}

/// "Growing community".
pub fn band_name(band: Band) -> &'static str {
    t(match band {
        Band::Following => Key::ScoreBandFollowing,
        Band::GrowingCommunity => Key::ScoreBandGrowingCommunity,
        Band::Community => Key::ScoreBandCommunity,
    })
}

/// How the measure is worked out, with the target that scores full marks
/// where the signal has one: "repeat customers / customers; full marks at
/// 40 %".
pub fn measure(signal: Signal, target: Option<f64>, format: &Formatter) -> String {
    let measure = t(keys(signal).measure);
    match target {
        Some(target) => fill(
            Key::ScoreMeasureWithTarget,
            &[
                ("measure", measure),
                ("target", &format.percent_precise(target)),
            ],
        ),
        None => measure.to_owned(),
    }
}

/// "Not counted: enter hours for your activities.": what the visitor has
/// to enter for the signal to count.
pub fn not_counted(signal: Signal) -> &'static str {
    t(keys(signal).missing)
}

/// Where the signal and its constant come from, with the target in force.
pub fn source(signal: Signal, target: Option<f64>, format: &Formatter) -> String {
    let target = target.map_or_else(String::new, |t| format.percent_precise(t));
    fill(
        keys(signal).source,
        &[
            ("target", &target),
            ("typical", &format.percent_precise(TYPICAL_REPEAT_RATE)),
        ],
    )
}

/// The advice for a lever, written for a small-business owner.
pub struct AdviceWords {
    /// One line that names the move.
    pub headline: &'static str,
    /// Which gap in the business social media can close.
    pub gap: &'static str,
    /// Which tools, training and resources close it, this week.
    pub this_week: &'static str,
    /// Which metric to watch, with the target to aim for.
    pub watch: String,
}

/// The one line that names the move for a signal.
pub fn headline(signal: Signal) -> &'static str {
    t(keys(signal).headline)
}

pub fn advice(advice: Advice, format: &Formatter) -> AdviceWords {
    let keys = keys(advice.signal);
    let aim = advice
        .aim
        .map_or_else(String::new, |aim| format.percent_precise(aim));
    AdviceWords {
        headline: t(keys.headline),
        gap: t(keys.gap),
        this_week: t(keys.this_week),
        watch: fill(
            keys.watch,
            &[
                ("target", &aim),
                ("points", &format.number(TIME_POINTS_A_MONTH)),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use social8020_core::scenario::ResultUnit;
    use social8020_core::score::ScoreConfig;

    #[test]
    fn every_signal_has_its_own_words() {
        let format = Formatter::plain(&ResultUnit::default());
        let config = ScoreConfig::standard();
        let mut seen: Vec<String> = Vec::new();
        for signal in Signal::ALL {
            let target = config.targets().get(signal);
            let advice = advice(signal.advice(&config), &format);
            let parts = [
                signal_name(signal).to_owned(),
                measure(signal, target, &format),
                not_counted(signal).to_owned(),
                source(signal, target, &format),
                advice.headline.to_owned(),
                advice.gap.to_owned(),
                advice.this_week.to_owned(),
                advice.watch,
            ];
            for part in parts {
                assert!(part.len() > 6 && !part.contains('{'), "{signal:?}: {part}");
                // Written for that signal: no text is shared with another.
                assert!(!seen.contains(&part), "{signal:?}: {part}");
                seen.push(part);
            }
            assert_eq!(headline(signal), advice.headline);
        }
    }

    #[test]
    fn numbers_are_the_targets_in_force() {
        let format = Formatter::plain(&ResultUnit::default());
        let config = ScoreConfig::standard();
        let advocacy = advice(Signal::Advocacy.advice(&config), &format);
        assert!(
            advocacy.watch.ends_with("Aim for 50 %."),
            "{}",
            advocacy.watch
        );
        let time = advice(Signal::TimeOnCommunity.advice(&config), &format);
        assert!(time.watch.ends_with("raise it by 10 points this month."));
        assert_eq!(
            measure(Signal::Conversation, Some(0.375), &format),
            "(comments + shares) / (likes + comments + shares) per post; full marks at 37.5 %"
        );
        assert_eq!(
            measure(Signal::TimeOnCommunity, None, &format),
            "community hours / all hours"
        );
        let loyalty = source(Signal::Loyalty, Some(0.6), &format);
        assert!(
            loyalty
                .ends_with("40 % is typical of consumable goods. Reaching 60 % scores full marks."),
            "{loyalty}"
        );
        assert!(source(Signal::Conversation, Some(0.4), &format).contains("Avinash Kaushik"));
        assert_eq!(band_name(Band::GrowingCommunity), "Growing community");
    }
}
