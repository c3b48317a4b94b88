//! The debrief: the record browser, a replay, and progress over time.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use boundaries_screens::{Screen, UiAction, cohort, progress, records, replay};

use super::{UiSet, draw};
use crate::game::Shared;
use crate::game::actions::Act;
use crate::game::debrief::Debrief;
use crate::game::navigation::{Navigation, Showing};
use crate::game::scenario_assets::GameLibrary;
use crate::game::settings::PlayerSettings;

pub(super) fn plugin(app: &mut App) {
    let on = |screen| in_state(Showing(screen));
    app.add_systems(
        EguiPrimaryContextPass,
        (
            records_ui.run_if(on(Screen::Records)),
            replay_ui.run_if(on(Screen::Replay)),
            progress_ui.run_if(on(Screen::Progress)),
            cohort_ui.run_if(on(Screen::Cohort)),
        )
            .in_set(UiSet),
    );
}

fn records_ui(
    mut contexts: EguiContexts,
    mut actions: MessageWriter<Act>,
    debrief: Res<Debrief>,
    navigation: Res<Navigation>,
    library: Res<GameLibrary>,
    sending: Res<crate::game::sending::Sending>,
) -> Result {
    let mut view = records::View::of(&debrief.records, &navigation.records, |id| library.get(id).map(|l| &*l.scenario));
    view.sending = sending.words();
    draw(&mut contexts, &mut actions, Screen::Records, |ui| records::body(ui, &view))
}

fn replay_ui(
    mut contexts: EguiContexts,
    mut actions: MessageWriter<Act>,
    debrief: Res<Debrief>,
    shared: Res<Shared>,
) -> Result {
    let Some(open) = &debrief.open else {
        actions.write(Act(UiAction::Go(Screen::Records)));
        return Ok(());
    };
    let shown = replay::Open {
        replay: &open.replay,
        index: open.index,
        draft: &open.draft,
        notice: open.notice.as_deref(),
        exported: open.exported.as_deref(),
        layout: open.layout.as_ref(),
    };
    let view = replay::View::of(shown, &shared.catalogues);
    draw(&mut contexts, &mut actions, Screen::Replay, |ui| replay::body(ui, &view))
}

fn progress_ui(
    mut contexts: EguiContexts,
    mut actions: MessageWriter<Act>,
    debrief: Res<Debrief>,
    navigation: Res<Navigation>,
    settings: Res<PlayerSettings>,
    shared: Res<Shared>,
) -> Result {
    let records: Vec<_> = debrief.records.iter().filter_map(|(_, r)| r.as_ref().ok().cloned()).collect();
    let everyone = navigation.progress_everyone;
    let view = progress::View::of(&records, settings.settings.player(), everyone, &shared.catalogues);
    draw(&mut contexts, &mut actions, Screen::Progress, |ui| progress::body(ui, &view))
}

fn cohort_ui(
    mut contexts: EguiContexts,
    mut actions: MessageWriter<Act>,
    shown: Res<crate::game::cohort::Cohort>,
) -> Result {
    let view = shown.view();
    draw(&mut contexts, &mut actions, Screen::Cohort, |ui| cohort::body(ui, &view))
}
