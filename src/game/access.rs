//! The game's accessibility tree, for screen readers. Bevy's winit adapter (the
//! `accesskit_unix` feature on Linux, AT-SPI) and bevy_egui's `accesskit` feature
//! hand each window's egui tree to the platform. Three gaps in bevy_egui 0.42 are
//! closed here, in the manner of `idle.rs`, until an upstream release closes them:
//!
//! - a context created after its window's adapter (the audience window) never had its
//!   tree turned on: every context's tree is turned on when it is created;
//! - a screen reader's action requests (press, focus, set a value) were queued by the
//!   adapter and never reached egui: they are moved into that window's egui input. The
//!   queues are taken out of bevy_winit's map as windows open, because bevy_winit drains
//!   that map in `PostUpdate` into messages that carry no window and that nothing reads:
//!   a request arriving between our `PreUpdate` and its poll was lost;
//! - an idle game draws no frames, so a screen reader that connects, or asks for
//!   something, while the game waits would get no answer until the next key or mouse
//!   movement: a small watcher thread wakes the game when that happens (and only then;
//!   it draws nothing itself).

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bevy::a11y::AccessibilityRequested;
use bevy::ecs::entity::EntityHashMap;
use bevy::prelude::*;
use bevy::window::WindowClosed;
use bevy::winit::accessibility::{WinitActionRequestHandler, WinitActionRequestHandlers};
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use bevy_egui::input::WindowToEguiContextMap;
use bevy_egui::{EguiContext, EguiContexts, EguiInput, EguiPreUpdateSet, EguiPrimaryContextPass, PrimaryEguiContext};

use super::induction::{Audience, AudiencePass};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Watched>()
        .init_resource::<Queues>()
        .add_systems(Startup, watch)
        .add_systems(
            PreUpdate,
            (enable_trees, claim_queues, forward_actions)
                .chain()
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(EguiPrimaryContextPass, name_primary)
        .add_systems(AudiencePass, name_audience);
}

/// What a screen reader calls each window.
const PRIMARY_NAME: &str = "Boundaries";
const AUDIENCE_NAME: &str = "Boundaries: audience";

fn name_tree(ctx: &bevy_egui::egui::Context, name: &str) {
    ctx.accesskit_node_builder(bevy_egui::egui::accesskit_root_id(), |node| node.set_label(name));
}

fn name_primary(mut contexts: EguiContexts) {
    if let Ok(ctx) = contexts.ctx_mut() {
        name_tree(ctx, PRIMARY_NAME);
    }
}

fn name_audience(mut audience: Query<&mut EguiContext, (With<Audience>, Without<PrimaryEguiContext>)>) {
    if let Ok(mut context) = audience.single_mut() {
        name_tree(context.get_mut(), AUDIENCE_NAME);
    }
}

/// How often the watcher looks for a screen reader's request while the game is idle.
const WATCH_EVERY: Duration = Duration::from_millis(100);

/// A window's queue of a screen reader's requests, filled by its AccessKit adapter.
type Queue = Arc<Mutex<WinitActionRequestHandler>>;

/// Each open window's queue, owned here rather than by bevy_winit (see the module's
/// notes).
#[derive(Resource, Default)]
struct Queues(EntityHashMap<Queue>);

/// Every open window's queue, shared with the watcher.
#[derive(Resource, Default, Clone)]
struct Watched(Arc<Mutex<Vec<Queue>>>);

/// Every egui context builds its accessibility tree (it is sent only while a screen
/// reader asks for it).
fn enable_trees(mut contexts: Query<&mut EguiContext, Added<EguiContext>>) {
    for mut context in &mut contexts {
        context.get_mut().enable_accesskit();
    }
}

/// Takes each new window's queue out of bevy_winit's map, and forgets closed windows'.
fn claim_queues(
    handlers: Option<ResMut<WinitActionRequestHandlers>>,
    mut closed: MessageReader<WindowClosed>,
    mut queues: ResMut<Queues>,
    watched: Res<Watched>,
) {
    let mut changed = false;
    for WindowClosed { window } in closed.read() {
        changed |= queues.0.remove(window).is_some();
    }
    if let Some(mut handlers) = handlers.filter(|h| !h.is_empty()) {
        queues.0.extend(handlers.drain());
        changed = true;
    }
    if changed {
        *watched.0.lock().unwrap_or_else(PoisonError::into_inner) = queues.0.values().cloned().collect();
    }
}

/// A screen reader's requests, from each window's queue to that window's egui.
fn forward_actions(queues: Res<Queues>, map: Res<WindowToEguiContextMap>, mut inputs: Query<&mut EguiInput>) {
    for (window, handler) in queues.0.iter() {
        let requests: Vec<_> = handler.lock().unwrap_or_else(PoisonError::into_inner).0.drain(..).collect();
        if requests.is_empty() {
            continue;
        }
        for context in map.window_to_contexts.get(window).into_iter().flatten() {
            if let Ok(mut input) = inputs.get_mut(*context) {
                input.0.events.extend(requests.iter().cloned().map(bevy_egui::egui::Event::AccessKitActionRequest));
            }
        }
    }
}

/// Starts the watcher: it wakes the game when a screen reader starts asking for the
/// tree, and when a request waits in any window's queue.
fn watch(
    watched: Res<Watched>,
    requested: Option<Res<AccessibilityRequested>>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let (Some(requested), Some(proxy)) = (requested, proxy) else { return };
    let (watched, requested, proxy) = (watched.0.clone(), requested.clone(), (**proxy).clone());
    std::thread::Builder::new()
        .name("accessibility watcher".into())
        .spawn(move || {
            let mut was = false;
            // Watches since a screen reader connected: its adapter finishes connecting a
            // moment after it first asks, and a tree sent before that is lost, so the
            // game is woken at once and again at 0.3, 1 and 2 seconds.
            let mut since: Option<u32> = None;
            loop {
                std::thread::sleep(WATCH_EVERY);
                let now = requested.get();
                if now && !was {
                    since = Some(0);
                }
                was = now;
                let settling = since.is_some_and(|n| [0, 3, 10, 20].contains(&n));
                since = since.map(|n| n + 1).filter(|&n| n <= 20);
                let waiting = watched
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .iter()
                    .any(|h| !h.lock().unwrap_or_else(PoisonError::into_inner).0.is_empty());
                if (settling || waiting) && proxy.send_event(WinitUserEvent::WakeUp).is_err() {
                    return; // the game has closed
                }
            }
        })
        .ok();
}
