//! The audience's face of a session: what the projector shows, in large type. It
//! never has trainer-only text: notes and questions are not drawn here at all.

use crate::theme::Palette;
use crate::widgets::{avatar, change_chips};
use boundaries_core::play::group::Stage;

use super::{PhonesView, View, letter};

pub fn audience(ui: &mut egui::Ui, view: &View) {
    let palette = Palette::current(ui.ctx());
    // At this size every line counts: no room kept for buttons, which the audience has none of.
    ui.spacing_mut().interact_size.y = 12.0;
    ui.spacing_mut().item_spacing.y = 6.0;
    if view.blank {
        ui.painter().rect_filled(ui.ctx().content_rect(), 0.0, egui::Color32::BLACK);
        return;
    }
    if let Some((ending, decisions)) = &view.finished {
        ui.label(egui::RichText::new(&view.title).strong());
        ui.label(ending);
        for (i, decision) in decisions.iter().enumerate() {
            ui.label(egui::RichText::new(format!("{}. {}", i + 1, decision.prompt)).strong());
            for (j, (text, votes, taken, recommended)) in decision.choices.iter().enumerate() {
                let marks = [(*taken, "the room's choice"), (*recommended, "recommended")]
                    .iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, m)| *m)
                    .collect::<Vec<_>>()
                    .join(", ");
                let marks = if marks.is_empty() { String::new() } else { format!(" ({marks})") };
                ui.label(format!(
                    "{} · {votes} votes · {}{marks}",
                    letter(j),
                    boundaries_core::text::shorten(text, 60)
                ));
            }
        }
        return;
    }
    let Some(scene) = &view.scene else { return };
    if let Some(left) = view.timer_left {
        ui.label(egui::RichText::new(format!("{}:{:02}", left / 60, left % 60)).strong().color(palette.accent));
    }
    match view.stage {
        Stage::Discussing => {
            if let Some((name, role, place)) = &scene.speaker {
                ui.horizontal(|ui| {
                    avatar(ui, name, *place, 40.0);
                    ui.label(egui::RichText::new(format!("{name}, {role}")).strong());
                });
            }
            // The dilemma alone: at this size the choices get a page of their own.
            ui.label(&scene.text);
            ui.label(egui::RichText::new(&scene.prompt).strong().color(palette.accent));
            if let Some(phones) = &view.phones {
                ui.label(egui::RichText::new(format!("You will vote on your phone: {}", phones.typed)).small());
            }
        }
        Stage::Voting => {
            let how = if view.phones.is_some() { "Vote on your phone." } else { "Show of hands." };
            ui.label(egui::RichText::new(format!("{} {how}", scene.prompt)).strong().color(palette.accent));
            for (i, choice) in scene.choices.iter().enumerate() {
                ui.label(format!("{}  {}", letter(i), choice.text));
            }
            if let Some(phones) = &view.phones {
                join_by_phone(ui, phones);
            }
        }
        Stage::Revealed => {
            let most = scene.choices.iter().map(|c| c.votes).max().unwrap_or(0).max(1);
            for (i, choice) in scene.choices.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(letter(i).to_string()).strong());
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(160.0, 12.0), egui::Sense::hover());
                    let share = choice.votes as f32 / most as f32;
                    ui.painter().rect_filled(rect, 3.0, palette.muted.gamma_multiply(0.2));
                    let filled = egui::Rect::from_min_size(rect.min, egui::vec2(rect.width() * share, rect.height()));
                    ui.painter().rect_filled(filled, 3.0, palette.accent);
                    let votes = format!("{} vote{}", choice.votes, if choice.votes == 1 { "" } else { "s" });
                    ui.label(egui::RichText::new(votes).strong());
                });
            }
            if let Some((i, choice)) = view.picked.and_then(|i| scene.choices.get(i).map(|c| (i, c))) {
                ui.separator();
                ui.label(egui::RichText::new(format!("{}  {}", letter(i), choice.text)).strong());
                change_chips(ui, &choice.changes);
                if let Some(line) = &choice.red_flag {
                    ui.label(egui::RichText::new(format!("Red flag: {line}")).color(palette.danger).strong());
                }
                if let Some(feedback) = &choice.feedback {
                    ui.label(feedback);
                }
            }
        }
    }
}

/// The QR code with the address and room code beside it, for the room to join.
fn join_by_phone(ui: &mut egui::Ui, phones: &PhonesView) {
    ui.horizontal(|ui| {
        // As large as five lines of the room's text, so the back of the room can scan it.
        let size = ui.text_style_height(&egui::TextStyle::Body) * 5.0;
        qr_code(ui, phones, size);
        ui.vertical(|ui| {
            ui.label(egui::RichText::new("Scan the code, or open").strong());
            ui.label(egui::RichText::new(&phones.typed).strong());
            ui.label(format!("Room code {}", phones.code));
            ui.label(egui::RichText::new("Phones must be on the same Wi-Fi as this laptop.").small());
            let plural = if phones.voted == 1 { "" } else { "s" };
            ui.label(format!("{} vote{plural} in", phones.voted));
        });
    });
}

/// The QR code of the page's address, `size` points square, dark on white whatever
/// the theme (with the quiet margin a reader needs), labelled for a screen reader.
fn qr_code(ui: &mut egui::Ui, phones: &PhonesView, size: f32) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::WidgetType::Image, true, format!("QR code for {}", phones.url))
    });
    let painter = ui.painter();
    let modules = phones.qr_width + 8;
    // Whole pixels per module, from a whole pixel, so no edge is blurred for a reader.
    let ppp = ui.ctx().pixels_per_point();
    let cell = ((size * ppp / modules as f32).floor().max(1.0)) / ppp;
    let margin = ((size - cell * modules as f32) / 2.0 * ppp).floor() / ppp;
    let rect = egui::Rect::from_min_size((rect.min.to_vec2() * ppp).round().to_pos2() / ppp, rect.size());
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    let rect = rect.shrink(margin);
    for y in 0..phones.qr_width {
        for x in 0..phones.qr_width {
            if phones.qr_dark.get(y * phones.qr_width + x).copied().unwrap_or(false) {
                let min = rect.min + egui::vec2((x + 4) as f32 * cell, (y + 4) as f32 * cell);
                painter.rect_filled(egui::Rect::from_min_size(min, egui::vec2(cell, cell)), 0.0, egui::Color32::BLACK);
            }
        }
    }
}
