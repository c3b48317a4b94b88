//! What a screen reader is told beyond a widget's name and role: a choice's place in
//! its set, feedback announced as it appears, and where reading starts on a new page.

use egui::accesskit::Live;
use egui::{Response, Ui};

/// Marks `response` as item `position` (from 1) of `size`, described as e.g.
/// "choice 2 of 4", so a screen reader says where it is among the options.
pub(crate) fn in_set(ui: &Ui, response: &Response, position: usize, size: usize, what: &str) {
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_position_in_set(position);
        node.set_size_of_set(size);
        node.set_description(format!("{what} {position} of {size}"));
    });
}

/// Marks `response` as a live region: a screen reader announces it when it appears
/// or changes, without the user moving to it.
pub(crate) fn announce(ui: &Ui, response: &Response) {
    ui.ctx().accesskit_node_builder(response.id, |node| node.set_live(Live::Polite));
}

/// A label that keyboard focus can rest on, where a screen reader starts reading a
/// new page: Enter on it does nothing, so no answer is taken by accident.
pub(crate) fn reading_start(ui: &mut Ui, text: impl Into<egui::WidgetText>, focus: bool) -> Response {
    let response = ui.add(egui::Label::new(text).sense(egui::Sense::focusable_noninteractive()));
    if focus {
        response.request_focus();
    }
    response
}
