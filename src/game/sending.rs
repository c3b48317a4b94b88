//! Sending plays to the organisation's learning record store, in the background. A
//! thread of its own queues and sends what is waiting, with backoff when the network
//! or the LRS is away, and tells the game (waking it) only when what there is to say
//! changes: how many plays are waiting and the last error, in words. The game never
//! waits on the network. Nothing happens unless an LRS is set up.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use boundaries_core::catalogues::Catalogues;
use boundaries_core::files::data_dir;
use boundaries_core::library::Library;
use boundaries_core::play::RecordStore;
use boundaries_core::xapi::Outbox;
use boundaries_lrs::{Config, Lrs, queue_plays, sync, waiting_words};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Sending>().add_systems(Startup, start);
}

/// What to tell the player about sending; none when there is nothing to say.
#[derive(Resource, Default, Clone)]
pub(crate) struct Sending(pub(crate) Arc<Mutex<Option<String>>>);

impl Sending {
    pub(crate) fn words(&self) -> Option<String> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

/// How long the sender rests between tries, and at most after failures.
const REST: Duration = Duration::from_secs(20);
const LONGEST_REST: Duration = Duration::from_secs(600);

fn start(sending: Res<Sending>, shared: Res<super::Shared>, proxy: Option<Res<EventLoopProxyWrapper>>) {
    let Ok(dir) = data_dir() else { return };
    let (said, catalogues) = (sending.0.clone(), shared.catalogues.clone());
    let wake = proxy.map(|p| (**p).clone());
    std::thread::Builder::new()
        .name("sending plays".into())
        .spawn(move || {
            let mut rest = REST;
            loop {
                let words = match Config::load(&dir) {
                    Ok(Some(config)) => {
                        let (words, ok) = send(&dir, &config, &catalogues);
                        rest = if ok { REST } else { (rest * 2).min(LONGEST_REST) };
                        words
                    }
                    Ok(None) => None,
                    Err(e) => Some(format!("The learning record store's settings cannot be used: {e}")),
                };
                let mut current = said.lock().unwrap_or_else(PoisonError::into_inner);
                if *current != words {
                    *current = words;
                    if let Some(wake) = &wake {
                        let _ = wake.send_event(WinitUserEvent::WakeUp);
                    }
                }
                drop(current);
                std::thread::sleep(rest);
            }
        })
        .ok();
}

/// One try: queue what the plays kept have not sent, send it; what to say, and
/// whether it went through.
fn send(dir: &std::path::Path, config: &Config, catalogues: &Catalogues) -> (Option<String>, bool) {
    let outbox = Outbox::at(dir.join("outbox"));
    let library = Library::shipped(catalogues);
    queue_plays(&outbox, &RecordStore::at(dir.join("records")), &library, catalogues, &config.identity());
    let result = Lrs::connect(&config.settings.endpoint, &config.settings.key, &config.secret, Duration::from_secs(20))
        .and_then(|lrs| sync(&outbox, &lrs).map_err(|(_, e)| e));
    let error = result.err();
    (waiting_words(outbox.plays_waiting(), error.as_ref()), error.is_none())
}
