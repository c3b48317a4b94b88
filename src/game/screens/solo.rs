//! The screens around a play: title, library, briefing and settings.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use boundaries_screens::{Screen, UiAction, briefing, library, settings, title};

use super::{UiSet, draw};
use crate::game::Shared;
use crate::game::actions::Act;
use crate::game::best_bands::BestBands;
use crate::game::navigation::{Navigation, Showing};
use crate::game::scenario_assets::GameLibrary;
use crate::game::settings::PlayerSettings;

pub(super) fn plugin(app: &mut App) {
    let on = |screen| in_state(Showing(screen));
    app.add_systems(
        EguiPrimaryContextPass,
        (
            title_ui.run_if(on(Screen::Title)),
            library_ui.run_if(on(Screen::Library)),
            briefing_ui.run_if(on(Screen::Briefing)),
            settings_ui.run_if(on(Screen::Settings)),
        )
            .in_set(UiSet),
    );
}

fn title_ui(mut contexts: EguiContexts, mut actions: MessageWriter<Act>) -> Result {
    draw(&mut contexts, &mut actions, Screen::Title, title::body)
}

fn library_ui(
    mut contexts: EguiContexts,
    mut actions: MessageWriter<Act>,
    library: Res<GameLibrary>,
    shared: Res<Shared>,
    best: Res<BestBands>,
    navigation: Res<Navigation>,
) -> Result {
    let view = library::View::new(library.shelf(), &shared.catalogues, &best.0, &navigation.library);
    draw(&mut contexts, &mut actions, Screen::Library, |ui| library::body(ui, &view))
}

fn briefing_ui(
    mut contexts: EguiContexts,
    mut actions: MessageWriter<Act>,
    navigation: Res<Navigation>,
    library: Res<GameLibrary>,
) -> Result {
    let Some(loaded) = navigation.selected.as_deref().and_then(|id| library.get(id)) else {
        actions.write(Act(UiAction::Go(Screen::Library)));
        return Ok(());
    };
    let view = briefing::View::of(&loaded.scenario);
    draw(&mut contexts, &mut actions, Screen::Briefing, |ui| briefing::body(ui, &view))
}

fn settings_ui(mut contexts: EguiContexts, mut actions: MessageWriter<Act>, settings: Res<PlayerSettings>) -> Result {
    let view = settings::View { settings: settings.settings.clone(), warning: settings.warning.clone() };
    draw(&mut contexts, &mut actions, Screen::Settings, |ui| settings::body(ui, &view))
}
