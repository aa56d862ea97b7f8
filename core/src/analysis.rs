//! Everything worked out from one scenario: its breakdown and its score.
//!
//! The screen, the exports and the host page's events all read the same
//! [`Analysis`], so a file never disagrees with the page. Both parts keep
//! their reason when they are missing; nothing is flattened to an `Option`.
//!
//! ```
//! use social8020_core::analysis::Analysis;
//! use social8020_core::score::ScoreConfig;
//! use social8020_core::example;
//!
//! let analysis = Analysis::new(example::bakery(), ScoreConfig::standard());
//! assert_eq!(analysis.breakdown().map(|b| b.vital_count()), Ok(3));
//! assert_eq!(analysis.score().map(|s| s.value), Ok(54));
//! ```

use std::rc::Rc;

use crate::pareto::{self, Breakdown, NoBreakdown};
use crate::scenario::Scenario;
use crate::score::{self, NoScore, Score, ScoreConfig};

/// A scenario with its breakdown and score, under the score settings in
/// force. Made only by [`Analysis::new`], so the parts always belong
/// together.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    scenario: Rc<Scenario>,
    config: ScoreConfig,
    /// Shared, so that the components that show it need no copy.
    breakdown: Result<Rc<Breakdown>, NoBreakdown>,
    score: Result<Score, NoScore>,
}

impl Analysis {
    pub fn new(scenario: impl Into<Rc<Scenario>>, config: ScoreConfig) -> Analysis {
        let scenario = scenario.into();
        Analysis {
            breakdown: pareto::breakdown(Rc::clone(&scenario)).map(Rc::new),
            score: score::score(&scenario, &config),
            scenario,
            config,
        }
    }

    pub fn scenario(&self) -> &Rc<Scenario> {
        &self.scenario
    }

    /// The score settings the score was worked out with.
    pub fn config(&self) -> &ScoreConfig {
        &self.config
    }

    pub fn breakdown(&self) -> Result<&Rc<Breakdown>, NoBreakdown> {
        self.breakdown.as_ref().map_err(|e| *e)
    }

    pub fn score(&self) -> Result<&Score, NoScore> {
        self.score.as_ref().map_err(|e| *e)
    }
}
