//! The editor's state and the one reducer that owns every change to it.
//!
//! Components dispatch [`Action`]s; nothing else mutates the state. The
//! reducer is pure: storage, timers and the clipboard live in effects.

use std::rc::Rc;

use social8020_core::codec::LinkError;
use social8020_core::draft::{ActivityDraft, ScenarioDraft};
use social8020_core::example;
use social8020_core::scenario::{
    ActivityKind, Invalid, Period, Scenario, SignalField, Threshold, MAX_ACTIVITIES, MAX_NAME_CHARS,
};
use social8020_core::text::visible;
use yew::Reducible;

use crate::text::{t, Key, Undone};

/// The worked example's activities in the visitor's language, in the order
/// of [`example::bakery`].
const EXAMPLE_NAMES: [Key; 8] = [
    Key::ExampleActivity1,
    Key::ExampleActivity2,
    Key::ExampleActivity3,
    Key::ExampleActivity4,
    Key::ExampleActivity5,
    Key::ExampleActivity6,
    Key::ExampleActivity7,
    Key::ExampleActivity8,
];

/// `draft` with the worked example's activities named in the visitor's
/// language, when it is the example as the core writes it: the core's
/// eight English names, in order. The core's example stays English, so
/// that its numbers, its currency and the link it makes are the same in
/// every language but for the names; a form the visitor has renamed, and
/// a name a catalog gets wrong (empty, too long), are left as they are.
fn name_example(mut draft: ScenarioDraft) -> ScenarioDraft {
    let english = example::bakery();
    let is_example = draft.activities.len() == EXAMPLE_NAMES.len()
        && draft
            .activities
            .iter()
            .zip(english.activities())
            .all(|(row, activity)| row.name == activity.name);
    if is_example {
        for (row, key) in draft.activities.iter_mut().zip(EXAMPLE_NAMES) {
            let name = visible(t(key).trim());
            if (1..=MAX_NAME_CHARS).contains(&name.chars().count()) {
                row.name = name.into_owned();
            }
        }
    }
    draft
}

/// A change the visitor asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetPeriod(Period),
    SetUnit(String),
    SetThreshold(Threshold),
    AddActivity,
    /// Removes the row at this index (0-based).
    RemoveActivity(usize),
    EditName(usize, String),
    EditHours(usize, String),
    EditResults(usize, String),
    SetKind(usize, ActivityKind),
    SetSignal(SignalField, String),
    /// Leaves one empty row; undoable.
    ClearAll,
    /// Replaces everything with the worked example; undoable.
    LoadExample,
    Undo,
    DismissUndo,
    /// Makes the shared scenario on screen the visitor's own.
    KeepShared,
    /// Replaces the shared scenario with the visitor's own form (their saved
    /// scenario, an empty form, or the example).
    BackToMine(ScenarioDraft),
    DismissLinkProblem,
    /// Shows a scenario opened from a share link, without saving it.
    OpenShared(Rc<Scenario>),
    /// A share link could not be opened: the reason is shown over the
    /// visitor's own numbers. The draft is their own form (as for
    /// [`Action::BackToMine`]): it replaces a shared scenario on screen, and
    /// is not used when their own numbers are already there.
    LinkFailed(LinkError, ScenarioDraft),
    /// Appends imported rows in place of blank ones; undoable.
    ImportRows(Vec<ActivityDraft>),
    /// Compares the scenario on screen with this earlier one (docs/spec.md
    /// §10); the form is not touched.
    Compare(Rc<Scenario>),
    /// The earlier result of a comparison link could not be opened.
    CompareFailed(LinkError),
    /// Leaves the comparison, or dismisses why it could not open.
    StopComparing,
}

/// Whose scenario is on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    /// The visitor's own: autosaved.
    #[default]
    Own,
    /// Opened from a share link: not saved until the visitor keeps it.
    Shared,
}

/// What "Undo" would bring back, and how to describe it.
#[derive(Clone, Debug, PartialEq)]
pub struct UndoPoint {
    pub what: Undone,
    draft: ScenarioDraft,
    keys: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The form exactly as typed; validation never changes it.
    pub draft: ScenarioDraft,
    /// A stable identity for each row of `draft.activities`, for keyed
    /// rendering; kept in step with it by the reducer alone.
    pub keys: Vec<u32>,
    next_key: u32,
    /// The draft read through the scenario's constructor.
    pub checked: Result<Rc<Scenario>, Invalid>,
    /// The last scenario that was valid, shown while the form is not.
    pub last_valid: Option<Rc<Scenario>>,
    /// Shared, so that the per-keystroke copy of the state does not copy a
    /// whole second form.
    pub undo: Option<Rc<UndoPoint>>,
    pub origin: Origin,
    /// Why a share link could not be opened, for the visitor.
    pub link_problem: Option<LinkError>,
    /// The earlier result the scenario is compared with, if any.
    pub before: Option<Rc<Scenario>>,
    /// Why the earlier result of a comparison link could not be opened.
    pub before_problem: Option<LinkError>,
    /// Bumped by each action that replaces most of the form at once (clear
    /// all, the example, a shared link, back to mine, an import), so that a
    /// framed widget can ask the host page to bring its top into view.
    pub replaced: u32,
}

impl State {
    pub fn from_scenario(scenario: &Scenario) -> State {
        State::from_draft(ScenarioDraft::from_scenario(scenario))
    }

    /// The state of `draft`; the worked example comes in the visitor's
    /// language.
    pub fn from_draft(draft: ScenarioDraft) -> State {
        let draft = name_example(draft);
        let keys = (0..draft.activities.len() as u32).collect();
        let mut state = State {
            next_key: draft.activities.len() as u32,
            keys,
            draft,
            checked: Err(Invalid(Vec::new())),
            last_valid: None,
            undo: None,
            origin: Origin::Own,
            link_problem: None,
            before: None,
            before_problem: None,
            replaced: 0,
        };
        state.recheck();
        state
    }

    /// This state after `action`, for building a state before the
    /// reducer is mounted (a share link opened with the page).
    pub fn then(self, action: Action) -> State {
        Rc::unwrap_or_clone(Rc::new(self).reduce(action))
    }

    /// How many rows an import may add: blank rows are replaced, so they
    /// count as free. The reducer keeps to it, and the import view tells
    /// the parser, so rows beyond it are reported rather than lost.
    pub fn import_room(&self) -> usize {
        let used = self
            .draft
            .activities
            .iter()
            .filter(|row| !row.is_blank())
            .count();
        MAX_ACTIVITIES.saturating_sub(used)
    }

    /// True when the form has errors and the results on screen are the
    /// last valid ones rather than the current text.
    pub fn is_stale(&self) -> bool {
        self.checked.is_err() && self.last_valid.is_some()
    }

    fn recheck(&mut self) {
        self.checked = self.draft.validate().map(Rc::new);
        if let Ok(scenario) = &self.checked {
            self.last_valid = Some(Rc::clone(scenario));
        }
    }

    fn fresh_key(&mut self) -> u32 {
        let key = self.next_key;
        self.next_key = self.next_key.wrapping_add(1);
        key
    }

    fn remember(&mut self, what: Undone) {
        self.undo = Some(Rc::new(UndoPoint {
            what,
            draft: self.draft.clone(),
            keys: self.keys.clone(),
        }));
    }

    fn reset_rows(&mut self, draft: ScenarioDraft) {
        self.replaced = self.replaced.wrapping_add(1);
        self.draft = draft;
        self.keys = (0..self.draft.activities.len())
            .map(|_| self.fresh_key())
            .collect();
    }

    /// Replaces a shared scenario with the visitor's own form (the worked
    /// example in the visitor's language).
    fn show_own(&mut self, own: ScenarioDraft) {
        self.reset_rows(name_example(own));
        self.origin = Origin::Own;
        self.undo = None;
        self.last_valid = None;
    }

    fn row(&mut self, index: usize) -> Option<&mut ActivityDraft> {
        self.draft.activities.get_mut(index)
    }
}

impl Default for State {
    /// A new visitor sees the worked example.
    fn default() -> Self {
        State::from_scenario(&example::bakery())
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetPeriod(period) => next.draft.period = period,
            Action::SetUnit(text) => next.draft.unit = text,
            Action::SetThreshold(threshold) => next.draft.threshold = threshold,
            Action::AddActivity => {
                if next.draft.activities.len() >= MAX_ACTIVITIES {
                    return self;
                }
                next.draft.activities.push(ActivityDraft::default());
                let key = next.fresh_key();
                next.keys.push(key);
            }
            Action::RemoveActivity(index) => {
                let Some(row) = next.draft.activities.get(index) else {
                    return self;
                };
                next.remember(Undone::Removed {
                    number: index + 1,
                    name: row.name.trim().to_owned(),
                });
                next.draft.activities.remove(index);
                next.keys.remove(index);
                if next.draft.activities.is_empty() {
                    next.draft.activities.push(ActivityDraft::default());
                    let key = next.fresh_key();
                    next.keys.push(key);
                }
            }
            Action::EditName(index, text) => match next.row(index) {
                Some(row) => row.name = text,
                None => return self,
            },
            Action::EditHours(index, text) => match next.row(index) {
                Some(row) => row.hours = text,
                None => return self,
            },
            Action::EditResults(index, text) => match next.row(index) {
                Some(row) => row.results = text,
                None => return self,
            },
            Action::SetKind(index, kind) => match next.row(index) {
                Some(row) => row.kind = kind,
                None => return self,
            },
            Action::SetSignal(field, text) => *next.draft.signal_mut(field) = text,
            Action::ClearAll => {
                next.remember(Undone::Cleared);
                let fresh = ScenarioDraft {
                    period: next.draft.period,
                    unit: next.draft.unit.clone(),
                    ..ScenarioDraft::default()
                };
                next.reset_rows(fresh);
                next.last_valid = None;
            }
            Action::LoadExample => {
                next.remember(Undone::LoadedExample);
                next.reset_rows(name_example(ScenarioDraft::from_scenario(
                    &example::bakery(),
                )));
            }
            Action::Undo => {
                let Some(point) = next.undo.take() else {
                    return self;
                };
                let point = Rc::unwrap_or_clone(point);
                next.draft = point.draft;
                next.keys = point.keys;
            }
            Action::DismissUndo => {
                if next.undo.is_none() {
                    return self;
                }
                next.undo = None;
            }
            Action::KeepShared => next.origin = Origin::Own,
            Action::BackToMine(own) => next.show_own(own),
            Action::DismissLinkProblem => next.link_problem = None,
            Action::OpenShared(scenario) => {
                next.reset_rows(ScenarioDraft::from_scenario(&scenario));
                next.origin = Origin::Shared;
                next.undo = None;
                next.link_problem = None;
            }
            Action::LinkFailed(problem, own) => {
                // The message says the visitor sees their own numbers, so
                // a shared scenario cannot stay on screen under it.
                if next.origin == Origin::Shared {
                    next.show_own(own);
                }
                next.link_problem = Some(problem);
            }
            Action::Compare(before) => {
                next.before = Some(before);
                next.before_problem = None;
            }
            Action::CompareFailed(problem) => {
                next.before = None;
                next.before_problem = Some(problem);
            }
            Action::StopComparing => {
                next.before = None;
                next.before_problem = None;
            }
            Action::ImportRows(rows) => {
                if rows.is_empty() {
                    return self;
                }
                let room = next.import_room();
                next.remember(Undone::Imported(rows.len().min(room)));
                let (kept, kept_keys): (Vec<_>, Vec<_>) = next
                    .draft
                    .activities
                    .drain(..)
                    .zip(next.keys.drain(..))
                    .filter(|(row, _)| !row.is_blank())
                    .unzip();
                next.draft.activities = kept;
                next.keys = kept_keys;
                next.replaced = next.replaced.wrapping_add(1);
                for row in rows.into_iter().take(room) {
                    next.draft.activities.push(row);
                    let key = next.fresh_key();
                    next.keys.push(key);
                }
                if next.draft.activities.is_empty() {
                    next.draft.activities.push(ActivityDraft::default());
                    let key = next.fresh_key();
                    next.keys.push(key);
                }
            }
        }
        next.recheck();
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(actions: impl IntoIterator<Item = Action>) -> Rc<State> {
        actions
            .into_iter()
            .fold(Rc::new(State::default()), |state, action| {
                state.reduce(action)
            })
    }

    #[test]
    fn invalid_text_is_kept_and_last_results_stay() {
        let state = run([Action::EditHours(0, "lots".into())]);
        assert_eq!(state.draft.activities[0].hours, "lots");
        assert!(state.is_stale());
        assert_eq!(state.last_valid.as_deref(), Some(&example::bakery()));
    }

    #[test]
    fn clear_all_leaves_one_empty_row_and_undo_brings_everything_back() {
        let cleared = run([Action::ClearAll]);
        assert_eq!(cleared.draft.activities, vec![ActivityDraft::default()]);
        assert!(cleared.last_valid.is_none());
        let restored = cleared.reduce(Action::Undo);
        assert_eq!(
            restored.draft,
            ScenarioDraft::from_scenario(&example::bakery())
        );
        assert!(restored.undo.is_none());
        assert!(restored.checked.is_ok());
    }

    #[test]
    fn rows_keep_their_keys_when_others_are_removed() {
        let state = run([Action::AddActivity]);
        let keys = state.keys.clone();
        let state = state.reduce(Action::RemoveActivity(0));
        assert_eq!(state.keys, keys[1..]);
        assert_eq!(state.keys.len(), state.draft.activities.len());
    }

    #[test]
    fn removing_the_last_row_leaves_an_empty_one() {
        let state = run([Action::ClearAll, Action::RemoveActivity(0)]);
        assert_eq!(state.draft.activities.len(), 1);
        assert_eq!(state.keys.len(), 1);
    }

    /// A small scenario, different from the example, as a link would bring.
    fn shared_scenario() -> Rc<Scenario> {
        let draft = ScenarioDraft {
            activities: vec![ActivityDraft {
                name: "Podcast guesting".into(),
                hours: "3".into(),
                results: "900".into(),
                kind: ActivityKind::Community,
            }],
            ..ScenarioDraft::default()
        };
        Rc::new(draft.validate().expect("a valid scenario"))
    }

    #[test]
    fn a_shared_scenario_is_kept_or_replaced_by_the_visitors_own() {
        let shared = run([Action::OpenShared(shared_scenario())]);
        assert_eq!(shared.origin, Origin::Shared);
        assert_eq!(shared.undo, None);
        assert_eq!(shared.checked.as_ref().ok(), Some(&shared_scenario()));
        let kept = Rc::clone(&shared).reduce(Action::KeepShared);
        assert_eq!((kept.origin, &kept.draft), (Origin::Own, &shared.draft));
        let mine = shared.reduce(Action::BackToMine(ScenarioDraft::default()));
        assert_eq!(mine.origin, Origin::Own);
        assert_eq!(mine.draft, ScenarioDraft::default());
        assert!(mine.last_valid.is_none());
    }

    #[test]
    fn a_damaged_link_over_a_shared_scenario_brings_back_the_visitors_own() {
        let own = ScenarioDraft::from_scenario(&example::bakery());
        let state = run([
            Action::OpenShared(shared_scenario()),
            Action::LinkFailed(LinkError::Damaged, own.clone()),
        ]);
        // The banner says "You are seeing your own numbers instead": so
        // they are, and as the visitor's own they are autosaved again.
        assert_eq!(state.link_problem, Some(LinkError::Damaged));
        assert_eq!((state.origin, &state.draft), (Origin::Own, &own));
        assert_eq!(state.checked.as_deref(), Ok(&example::bakery()));
    }

    #[test]
    fn a_damaged_link_over_the_visitors_own_numbers_changes_nothing_typed() {
        let before = run([Action::EditName(0, "Mine".into())]);
        let after = Rc::clone(&before).reduce(Action::LinkFailed(
            LinkError::Damaged,
            ScenarioDraft::default(),
        ));
        assert_eq!(after.link_problem, Some(LinkError::Damaged));
        assert_eq!((after.origin, &after.draft), (Origin::Own, &before.draft));
        assert_eq!(after.undo, before.undo);
    }

    #[test]
    fn imported_rows_replace_blank_ones_and_can_be_undone() {
        let row = |name: &str| ActivityDraft {
            name: name.into(),
            hours: "1".into(),
            results: "2".into(),
            ..ActivityDraft::default()
        };
        let state = run([
            Action::AddActivity,
            Action::ImportRows(vec![row("a"), row("b")]),
        ]);
        assert_eq!(state.draft.activities.len(), 10);
        assert_eq!(state.keys.len(), 10);
        assert_eq!(state.draft.activities[9].name, "b");
        assert_eq!(
            state.undo.as_ref().map(|u| &u.what),
            Some(&Undone::Imported(2))
        );
        let undone = state.reduce(Action::Undo);
        assert_eq!(undone.draft.activities.len(), 9);
        let full = run([Action::ImportRows(vec![row("x"); 150])]);
        assert_eq!(full.draft.activities.len(), MAX_ACTIVITIES);
    }

    #[test]
    fn out_of_range_rows_are_ignored() {
        let before = Rc::new(State::default());
        let after = Rc::clone(&before).reduce(Action::EditName(99, "x".into()));
        assert!(Rc::ptr_eq(&before, &after));
    }

    #[test]
    fn only_actions_that_replace_the_form_count_as_replacing_it() {
        let shared = Rc::new(example::bakery());
        let row = ActivityDraft {
            name: "Webinars".into(),
            hours: "2".into(),
            results: "100".into(),
            ..ActivityDraft::default()
        };
        let cases = [
            (Action::ClearAll, true),
            (Action::LoadExample, true),
            (Action::OpenShared(shared), true),
            (Action::BackToMine(ScenarioDraft::default()), true),
            (Action::ImportRows(vec![row]), true),
            (Action::ImportRows(Vec::new()), false),
            (Action::AddActivity, false),
            (Action::RemoveActivity(0), false),
            (Action::EditHours(0, "7".into()), false),
            (Action::SetUnit("EUR".into()), false),
            (Action::Undo, false),
        ];
        for (action, replaces) in cases {
            let after = run([action.clone()]);
            assert_eq!(after.replaced == 1, replaces, "{action:?}");
        }
    }

    #[test]
    fn only_the_core_example_is_renamed() {
        let example = ScenarioDraft::from_scenario(&example::bakery());
        assert_eq!(name_example(example.clone()), example);
        let mut renamed = example.clone();
        renamed.activities[7].name = "Market stall".into();
        assert_eq!(name_example(renamed.clone()), renamed);
    }

    /// Every catalog names the eight activities of the example with names
    /// a scenario takes, all different.
    #[test]
    fn every_catalog_names_the_example() {
        let catalogs = [
            include_str!("../i18n/en.txt"),
            include_str!("../i18n/de.txt"),
            include_str!("../i18n/es.txt"),
            include_str!("../i18n/fr.txt"),
            include_str!("../i18n/pt-BR.txt"),
        ];
        for catalog in catalogs {
            let mut names: Vec<&str> = catalog
                .lines()
                .filter_map(|line| line.strip_prefix("example.activity."))
                .filter_map(|line| line.split_once(" = ").map(|(_, name)| name))
                .collect();
            assert_eq!(names.len(), EXAMPLE_NAMES.len(), "{names:?}");
            for name in &names {
                assert_eq!(visible(name), *name);
                assert!(
                    (1..=MAX_NAME_CHARS).contains(&name.chars().count()),
                    "{name}"
                );
            }
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), EXAMPLE_NAMES.len());
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod any_sequence {
        use super::*;
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            prop_oneof![Just(String::new()), "[0-9.,-]{0,8}", ".{0,12}"]
        }

        /// A form as "Back to mine" or a failed link would bring back: the
        /// example, an empty form, or one row of any text.
        fn own_form() -> impl Strategy<Value = ScenarioDraft> {
            prop_oneof![
                Just(ScenarioDraft::from_scenario(&example::bakery())),
                Just(ScenarioDraft::default()),
                (text(), text(), text()).prop_map(|(name, hours, results)| ScenarioDraft {
                    activities: vec![ActivityDraft {
                        name,
                        hours,
                        results,
                        ..ActivityDraft::default()
                    }],
                    ..ScenarioDraft::default()
                }),
            ]
        }

        /// A scenario as a share link would bring.
        fn shared() -> impl Strategy<Value = Rc<Scenario>> {
            prop_oneof![Just(Rc::new(example::bakery())), Just(shared_scenario()),]
        }

        fn action() -> impl Strategy<Value = Action> {
            let index = 0usize..12;
            let signal = prop::sample::select(SignalField::ALL.to_vec());
            let kind = prop::sample::select(ActivityKind::ALL.to_vec());
            let threshold =
                (10u8..=19).prop_map(|step| Threshold::new(step * 5).expect("50 to 95"));
            prop_oneof![
                prop::sample::select(Period::ALL.to_vec()).prop_map(Action::SetPeriod),
                threshold.prop_map(Action::SetThreshold),
                (index.clone(), kind).prop_map(|(i, k)| Action::SetKind(i, k)),
                (signal, text()).prop_map(|(f, t)| Action::SetSignal(f, t)),
                Just(Action::DismissUndo),
                Just(Action::DismissLinkProblem),
                shared().prop_map(Action::OpenShared),
                own_form().prop_map(|own| Action::LinkFailed(LinkError::Damaged, own)),
                own_form().prop_map(Action::BackToMine),
                Just(Action::AddActivity),
                index.clone().prop_map(Action::RemoveActivity),
                (index.clone(), text()).prop_map(|(i, t)| Action::EditName(i, t)),
                (index.clone(), text()).prop_map(|(i, t)| Action::EditHours(i, t)),
                (index, text()).prop_map(|(i, t)| Action::EditResults(i, t)),
                text().prop_map(Action::SetUnit),
                Just(Action::ClearAll),
                Just(Action::LoadExample),
                Just(Action::Undo),
                Just(Action::KeepShared),
                shared().prop_map(Action::Compare),
                Just(Action::CompareFailed(LinkError::NewerVersion)),
                Just(Action::StopComparing),
                prop::collection::vec(text(), 0..4).prop_map(|names| Action::ImportRows(
                    names
                        .into_iter()
                        .map(|name| ActivityDraft {
                            name,
                            hours: "1".into(),
                            results: "2".into(),
                            ..ActivityDraft::default()
                        })
                        .collect()
                )),
            ]
        }

        proptest! {
            /// Whatever the visitor does, in any order: no panic, one key per
            /// row, at least one row, at most the limit, the scenario on
            /// screen is the last valid one, and a link problem (which says
            /// "You are seeing your own numbers instead") never stands over a
            /// shared scenario; comparing never touches the form, and a
            /// comparison and the reason one could not open never show
            /// together.
            #[test]
            fn keeps_its_invariants(actions in prop::collection::vec(action(), 0..40)) {
                let mut state = Rc::new(State::default());
                for action in actions {
                    let opens = matches!(action, Action::OpenShared(_));
                    let compares = matches!(
                        action,
                        Action::Compare(_) | Action::CompareFailed(_) | Action::StopComparing
                    );
                    let form = state.draft.clone();
                    state = state.reduce(action);
                    if compares {
                        prop_assert_eq!(&state.draft, &form);
                    }
                    prop_assert!(state.before.is_none() || state.before_problem.is_none());
                    if opens {
                        prop_assert_eq!(state.origin, Origin::Shared);
                    }
                    prop_assert!(state.link_problem.is_none() || state.origin == Origin::Own);
                    prop_assert_eq!(state.keys.len(), state.draft.activities.len());
                    prop_assert!(!state.draft.activities.is_empty());
                    prop_assert!(state.draft.activities.len() <= MAX_ACTIVITIES);
                    if let Ok(scenario) = &state.checked {
                        prop_assert_eq!(state.last_valid.as_ref(), Some(scenario));
                    }
                    let mut keys = state.keys.clone();
                    keys.sort_unstable();
                    keys.dedup();
                    prop_assert_eq!(keys.len(), state.keys.len());
                }
            }
        }
    }
}
