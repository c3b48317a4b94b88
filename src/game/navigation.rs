//! Where the player is, apart from any one screen: the screen shown (a Bevy state
//! over the screens crate's [`Screen`]), the scenario chosen, and the filters of the
//! library and the record browser. Logic and screens both use it; it imports neither.

use bevy::prelude::*;
use boundaries_screens::Screen;
use boundaries_screens::nav::{LibraryFilter, RecordFilter};

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Showing>()
        .init_resource::<Navigation>()
        .add_systems(StateTransition, log_screen.run_if(state_changed::<Showing>));
}

/// Says in the log which screen is up, for whoever is following a session there.
fn log_screen(showing: Res<State<Showing>>) {
    info!("showing the {:?} screen", showing.get().0);
}

/// The screen shown, as Bevy's state.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct Showing(pub(crate) Screen);

/// The scenario chosen and the filters, kept as the player moves between screens.
#[derive(Resource, Default, Debug)]
pub(crate) struct Navigation {
    /// The scenario chosen in the library.
    pub(crate) selected: Option<String>,
    pub(crate) library: LibraryFilter,
    pub(crate) records: RecordFilter,
    /// Progress over time shows everyone's plays rather than the player's own.
    pub(crate) progress_everyone: bool,
}
