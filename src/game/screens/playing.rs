//! The play and its result.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use boundaries_screens::{Screen, UiAction, play, result};

use super::{UiSet, draw};
use crate::game::Shared;
use crate::game::actions::Act;
use crate::game::navigation::Showing;
use crate::game::scenario_assets::GameLibrary;
use crate::game::session::Session;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (play_ui.run_if(in_state(Showing(Screen::Play))), result_ui.run_if(in_state(Showing(Screen::Result))))
            .in_set(UiSet),
    );
}

fn play_ui(
    mut contexts: EguiContexts,
    mut actions: MessageWriter<Act>,
    session: Res<Session>,
    shared: Res<Shared>,
) -> Result {
    let view = session
        .current
        .as_ref()
        .and_then(|c| play::View::of(&c.play, &c.phase, &shared.catalogues, c.save_error.clone()));
    let Some(view) = view else {
        actions.write(Act(UiAction::Go(Screen::Library)));
        return Ok(());
    };
    draw(&mut contexts, &mut actions, Screen::Play, |ui| play::body(ui, &view))
}

fn result_ui(
    mut contexts: EguiContexts,
    mut actions: MessageWriter<Act>,
    session: Res<Session>,
    library: Res<GameLibrary>,
    shared: Res<Shared>,
) -> Result {
    let view = session.current.as_ref().and_then(|c| {
        let recommended = library.get(&c.play.scenario().id).map_or(&[][..], |l| &l.analysis.recommended[..]);
        result::View::of(&c.play, c.feedback, recommended, &shared.catalogues)
    });
    let Some(view) = view else {
        actions.write(Act(UiAction::Go(Screen::Library)));
        return Ok(());
    };
    draw(&mut contexts, &mut actions, Screen::Result, |ui| result::body(ui, &view))
}
