//! The induction session's two faces: the presenter's (the primary window) and the
//! audience's (its own window, or beside the presenter panel on one screen). Views
//! and bodies come from the screens crate; trainer-only text is never in the
//! audience's body.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContext, EguiContexts, EguiPrimaryContextPass, PrimaryEguiContext};
use boundaries_screens::Screen;
use boundaries_screens::induction::{self, Room, View};

use super::UiSet;
use crate::game::Shared;
use crate::game::induction::{Audience, AudiencePass, GroupAct, Induction, keep_parts};
use crate::game::navigation::Showing;
use crate::game::phones::Phones;
use crate::game::settings::PlayerSettings;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, presenter_ui.in_set(UiSet).run_if(in_state(Showing(Screen::Induction))))
        .add_systems(AudiencePass, audience_ui.run_if(resource_exists::<Induction>));
}

fn view(induction: &Induction, shared: &Shared) -> View {
    let room = Room {
        group: &induction.group,
        picked: induction.picked,
        timer_left: induction.timer_left(),
        blank: induction.blank,
        fullscreen: induction.fullscreen,
        finished: induction.finished,
        save_error: induction.save_error.as_deref(),
        part: induction.part,
        parts: induction.parts,
        phones: induction.phones.as_ref().map(Phones::view),
        phone_note: induction.phone_note.as_deref(),
    };
    View::of(room, &shared.catalogues)
}

fn presenter_ui(
    mut contexts: EguiContexts,
    mut actions: MessageWriter<GroupAct>,
    induction: Option<ResMut<Induction>>,
    shared: Res<Shared>,
) -> Result {
    let Some(mut induction) = induction else { return Ok(()) };
    let view = view(&induction, &shared);
    let ctx = contexts.ctx_mut()?;
    if induction.timer.is_some() {
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
    }
    let action = if induction.two_windows {
        induction::presenter_window(ctx, &view)
    } else {
        let (action, parts) = induction::one_screen(ctx, &view, induction.presenter_panel);
        keep_parts(&mut induction, parts);
        action
    };
    if let Some(action) = action {
        actions.write(GroupAct(action));
    }
    Ok(())
}

fn audience_ui(
    mut audience: Query<&mut EguiContext, (With<Audience>, Without<PrimaryEguiContext>)>,
    windows: Query<&Window, (With<Audience>, Without<PrimaryWindow>)>,
    mut induction: ResMut<Induction>,
    shared: Res<Shared>,
    settings: Res<PlayerSettings>,
) {
    let (Ok(mut context), Ok(window)) = (audience.single_mut(), windows.single()) else { return };
    let ctx = context.get_mut();
    if induction.timer.is_some() {
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
    }
    let parts = induction::audience_window(ctx, &view(&induction, &shared), &settings.settings, window.height());
    keep_parts(&mut induction, parts);
}
