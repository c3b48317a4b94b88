//! Anonymous votes from the room's phones, with nothing leaving the room. While the
//! trainer has phone voting on, a small web page is served on the laptop's local
//! network address: a plain HTML form (no script, no account, no name) showing the
//! scenario's title, the prompt and the lettered choices, and, after the reveal, the
//! split. The game publishes what the phones may see ([`Room`]); the vote rules are
//! the core's [`Ballot`]. See `docs/phones.md` for the threat model.
//!
//! The server runs on its own threads and calls the `wake` function it was given when
//! a phone joins or votes, so the idle game draws a frame only then.

mod net;
mod page;
mod qr;
mod serve;

use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use boundaries_core::play::ballot::{Ballot, CODE_ALPHABET, SECRET_ALPHABET, random_text};

pub use net::{Candidate, candidates};
pub use qr::Qr;

/// How many threads answer the phones: a phone that sends its request slowly holds
/// only one of them.
const WORKERS: usize = 4;

/// What the phones may see now. Never anything for the trainer alone: no notes, no
/// scores, no feedback; the split only once revealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Room {
    pub title: String,
    /// The decision, numbered from 1.
    pub decision: usize,
    pub prompt: String,
    /// The choices' texts in the order shown (lettered A, B, C on the page).
    pub choices: Vec<String>,
    pub stage: Stage,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// The room is discussing; the vote is not open yet.
    Discussing,
    /// The vote is open.
    Voting,
    /// The vote is closed and the split is shown: votes per choice.
    Revealed(Vec<u32>),
    /// The session has ended.
    Ended,
}

/// The counts the trainer sees: how many phones have opened the page, how many voted
/// at the vote open (or last closed), and the split (for the reveal only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    pub joined: usize,
    pub voted: usize,
    pub split: Vec<u32>,
}

/// The keys to the room: the secret in the QR code's address, and the short code a
/// phone can type instead.
#[derive(Debug, Clone)]
pub(crate) struct Keys {
    pub(crate) secret: String,
    pub(crate) code: String,
}

/// Everything the server's threads share.
pub(crate) struct Shared {
    pub(crate) room: Room,
    pub(crate) ballot: Ballot,
    pub(crate) limits: serve::Limits,
}

/// The running server; dropping it stops it.
pub struct PhoneServer {
    address: SocketAddr,
    keys: Keys,
    shared: Arc<Mutex<Shared>>,
    stop: Arc<AtomicBool>,
    /// Taken when the server stops.
    server: Option<Arc<tiny_http::Server>>,
    workers: Vec<JoinHandle<()>>,
}

impl PhoneServer {
    /// Serves `room` on `ip` (port 0 for any free port), calling `wake` when a phone
    /// joins or votes.
    pub fn start(ip: IpAddr, port: u16, room: Room, wake: Arc<dyn Fn() + Send + Sync>) -> std::io::Result<PhoneServer> {
        let server = tiny_http::Server::http(SocketAddr::new(ip, port)).map_err(std::io::Error::other)?;
        let address = server.server_addr().to_ip().ok_or_else(|| std::io::Error::other("not an IP address"))?;
        let keys = Keys { secret: random_text(SECRET_ALPHABET, 32), code: random_text(CODE_ALPHABET, 6) };
        let mut ballot = Ballot::new();
        if room.stage == Stage::Voting {
            ballot.open(room.decision, room.choices.len());
        }
        let shared = Arc::new(Mutex::new(Shared { room, ballot, limits: serve::Limits::default() }));
        let (server, stop) = (Arc::new(server), Arc::new(AtomicBool::new(false)));
        let workers = (0..WORKERS)
            .map(|_| {
                let (server, stop, shared, keys, wake) =
                    (server.clone(), stop.clone(), shared.clone(), keys.clone(), wake.clone());
                std::thread::spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        match server.recv_timeout(Duration::from_millis(250)) {
                            Ok(Some(request)) => serve::answer(request, &shared, &keys, &*wake),
                            Ok(None) => {}
                            Err(_) => break,
                        }
                    }
                })
            })
            .collect();
        Ok(PhoneServer { address, keys, shared, stop, server: Some(server), workers })
    }

    /// The address and port the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The address in the QR code: the page, with the session's secret.
    pub fn url(&self) -> String {
        format!("http://{}/{}/", self.address, self.keys.secret)
    }

    /// The address to type, with the room code as its path.
    pub fn typed_url(&self) -> String {
        format!("http://{}/{}", self.address, self.keys.code)
    }

    /// The short room code.
    pub fn code(&self) -> &str {
        &self.keys.code
    }

    /// Shows the phones `room`: opening the vote at [`Stage::Voting`], closing it at
    /// any other stage.
    pub fn show(&self, room: Room) {
        let mut shared = self.lock();
        if shared.room == room {
            return;
        }
        match room.stage {
            Stage::Voting => shared.ballot.open(room.decision, room.choices.len()),
            _ => shared.ballot.close(),
        }
        shared.room = room;
    }

    pub fn counts(&self) -> Counts {
        let shared = self.lock();
        Counts { joined: shared.ballot.joined(), voted: shared.ballot.voted(), split: shared.ballot.counts() }
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for PhoneServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(server) = &self.server {
            for _ in 0..WORKERS {
                server.unblock();
            }
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        // tiny_http closes its socket on a thread of its own once the last handle goes,
        // a moment after this returns.
        drop(self.server.take());
    }
}
