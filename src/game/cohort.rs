//! The cohort screen's data: read from the organisation's learning record store on a
//! thread of its own each time the screen is opened, the game woken when it is in.
//! The game never waits on the network.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use boundaries_core::catalogues::Catalogues;
use boundaries_core::files::data_dir;
use boundaries_core::library::Library;
use boundaries_core::xapi::{by_scenario, cohort, present};
use boundaries_lrs::{Config, Lrs};
use boundaries_screens::Screen;
use boundaries_screens::cohort::View;

use super::navigation::Showing;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Cohort>().add_systems(OnEnter(Showing(Screen::Cohort)), fetch);
}

/// What the cohort screen shows.
#[derive(Resource, Default, Clone)]
pub(crate) struct Cohort(pub(crate) Arc<Mutex<View>>);

impl Cohort {
    pub(crate) fn view(&self) -> View {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

fn fetch(cohort: Res<Cohort>, shared: Res<super::Shared>, proxy: Option<Res<EventLoopProxyWrapper>>) {
    let (shown, catalogues) = (cohort.0.clone(), shared.catalogues.clone());
    let wake = proxy.map(|p| (**p).clone());
    *shown.lock().unwrap_or_else(PoisonError::into_inner) = View::Loading;
    std::thread::Builder::new()
        .name("reading the cohort".into())
        .spawn(move || {
            let view = read(&catalogues);
            *shown.lock().unwrap_or_else(PoisonError::into_inner) = view;
            if let Some(wake) = wake {
                let _ = wake.send_event(WinitUserEvent::WakeUp);
            }
        })
        .ok();
}

fn read(catalogues: &Catalogues) -> View {
    let config = match data_dir().map_err(|e| e.to_string()).and_then(|dir| Config::load(&dir)) {
        Ok(Some(config)) => config,
        Ok(None) => return View::NotSetUp,
        Err(e) => return View::Failed(e),
    };
    let lrs =
        match Lrs::connect(&config.settings.endpoint, &config.settings.key, &config.secret, Duration::from_secs(20)) {
            Ok(lrs) => lrs,
            Err(e) => return View::Failed(format!("{e}.")),
        };
    let library = Library::shipped(catalogues);
    let mut groups = match lrs.all_statements() {
        Ok(all) => by_scenario(all),
        Err(e) => return View::Failed(format!("{e}.")),
    };
    let scenarios = library
        .scenarios
        .iter()
        .filter_map(|loaded| {
            let found = groups.remove(&loaded.scenario.id)?;
            Some((loaded.scenario.title.clone(), present(&loaded.scenario, catalogues, &cohort(&found))))
        })
        .collect();
    View::Ready(scenarios)
}
