//! Voting by phone in an induction session. `P` (or the presenter's button) starts
//! the phones' page on the laptop's local network address and the room votes from
//! their phones instead of raising hands; pressing it again goes back to hands. The
//! server runs on its own threads and wakes the idle game only when a phone joins or
//! votes. It stops when the trainer turns it off or the session ends (the server is
//! dropped with the session).

use std::net::IpAddr;
use std::sync::Arc;

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use boundaries_core::play::Current;
use boundaries_core::play::group::{GroupPlay, Stage};
use boundaries_phones::{Candidate, Counts, PhoneServer, Qr, Room, Stage as PhoneStage, candidates};
use boundaries_screens::GroupAction;
use boundaries_screens::induction::PhonesView;

use super::induction::{GroupAct, Induction};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PhoneOptions>().add_systems(Update, (switch, sync).chain().after(super::induction::apply));
}

/// From the command line: the address to serve the phones' page on (otherwise the
/// likeliest of the laptop's), and whether sessions start with phone voting on.
#[derive(Resource, Debug, Clone, Default)]
pub(crate) struct PhoneOptions {
    pub(crate) address: Option<IpAddr>,
    pub(crate) at_start: bool,
}

/// The port tried first, so the address to type stays the same from session to
/// session; any free port if it is taken.
const PORT: u16 = 8787;

/// Phone voting while it is on.
pub(super) struct Phones {
    server: PhoneServer,
    qr: Qr,
    interface: String,
    /// Which of the addresses found it is on, and how many there are.
    at: usize,
    addresses: usize,
    counts: Counts,
}

impl Phones {
    pub(super) fn view(&self) -> PhonesView {
        PhonesView {
            url: self.server.url(),
            typed: self.server.typed_url(),
            code: self.server.code().to_owned(),
            interface: self.interface.clone(),
            addresses: self.addresses,
            qr_width: self.qr.width,
            qr_dark: self.qr.dark.clone(),
            joined: self.counts.joined,
            voted: self.counts.voted,
        }
    }

    /// Closes the phones' vote into the group's count, with how many phones voted.
    pub(super) fn close_into(&self, group: &mut GroupPlay) {
        let counts = self.server.counts();
        group.tally.set(&counts.split);
        group.phones = Some(u32::try_from(counts.voted).unwrap_or(u32::MAX));
    }
}

/// What the phones may see of the session now.
fn room(induction: &Induction) -> Room {
    let play = &induction.group.play;
    let (prompt, choices) = match play.current() {
        Current::Scene { scene, offered, .. } => {
            (scene.prompt().to_owned(), offered.iter().map(|c| c.text.clone()).collect())
        }
        Current::Ending { .. } => (String::new(), Vec::new()),
    };
    let stage = match induction.group.stage {
        _ if induction.finished || choices.is_empty() => PhoneStage::Ended,
        Stage::Discussing => PhoneStage::Discussing,
        Stage::Voting => PhoneStage::Voting,
        Stage::Revealed => PhoneStage::Revealed(induction.group.tally.counts().to_vec()),
    };
    Room { title: play.scenario().title.clone(), decision: play.decisions().len() + 1, prompt, choices, stage }
}

/// The addresses to offer: the one given on the command line, or the laptop's.
fn addresses(options: &PhoneOptions) -> Vec<Candidate> {
    match options.address {
        Some(IpAddr::V4(ip)) => vec![Candidate { interface: "the address given".into(), ip }],
        Some(IpAddr::V6(_)) => Vec::new(),
        None => candidates(),
    }
}

/// Starts the phones' page on the `at`-th address found, or says why it cannot.
fn start(
    options: &PhoneOptions,
    at: usize,
    induction: &Induction,
    wake: Arc<dyn Fn() + Send + Sync>,
) -> Result<Phones, String> {
    let found = addresses(options);
    let Some(candidate) = found.get(at % found.len().max(1)) else {
        return Err("No local network was found, so the room counts hands. Join this laptop to the room's Wi-Fi and press P again.".into());
    };
    let ip = IpAddr::V4(candidate.ip);
    let server = PhoneServer::start(ip, PORT, room(induction), wake.clone())
        .or_else(|_| PhoneServer::start(ip, 0, room(induction), wake))
        .map_err(|e| format!("The phones' page could not be started on {ip}: {e}. The room counts hands."))?;
    let qr = Qr::of(&server.url()).ok_or("The address is too long for a QR code.")?;
    let counts = server.counts();
    Ok(Phones {
        server,
        qr,
        interface: candidate.interface.clone(),
        at: at % found.len(),
        addresses: found.len(),
        counts,
    })
}

/// Turns phone voting on or off, or on to the next address, as the trainer asks (and
/// on at the start of a session if the command line said so).
fn switch(
    mut actions: MessageReader<GroupAct>,
    induction: Option<ResMut<Induction>>,
    options: Res<PhoneOptions>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let Some(mut induction) = induction else {
        actions.clear();
        return;
    };
    let mut wanted: Option<usize> = None;
    let mut off = false;
    if induction.is_added() && options.at_start {
        wanted = Some(0);
    }
    for GroupAct(action) in actions.read() {
        match (action, &induction.phones) {
            (GroupAction::Phones, Some(_)) => off = true,
            (GroupAction::Phones, None) => wanted = Some(0),
            (GroupAction::NextAddress, Some(phones)) => wanted = Some(phones.at + 1),
            _ => {}
        }
    }
    if off {
        induction.phones = None;
        induction.phone_note = None;
    } else if let Some(at) = wanted {
        // The old server, if any, stops before the new one starts.
        induction.phones = None;
        let wake: Arc<dyn Fn() + Send + Sync> = match proxy {
            Some(proxy) => {
                let proxy = (**proxy).clone();
                Arc::new(move || {
                    let _ = proxy.send_event(WinitUserEvent::WakeUp);
                })
            }
            None => Arc::new(|| {}),
        };
        match start(&options, at, &induction, wake) {
            Ok(phones) => {
                info!("phones vote at {} on {}", phones.server.url(), phones.interface);
                (induction.phones, induction.phone_note) = (Some(phones), None);
            }
            Err(note) => induction.phone_note = Some(note),
        }
    }
}

/// Shows the phones where the session is, and brings in the counts when they change.
fn sync(induction: Option<ResMut<Induction>>) {
    let Some(mut induction) = induction else { return };
    let Some(phones) = &induction.phones else { return };
    phones.server.show(room(&induction));
    let counts = phones.server.counts();
    if counts != phones.counts
        && let Some(phones) = &mut induction.phones
    {
        info!("phones: {} joined, {} voted", counts.joined, counts.voted);
        phones.counts = counts;
    }
}
