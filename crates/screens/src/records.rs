//! The record browser: every saved play, newest first, to replay and reflect on.
//! A record that cannot be read is listed with the reason; a record whose scenario
//! has changed since is marked.

use std::path::PathBuf;

use boundaries_core::play::Record;
use boundaries_core::play::progress::is_players;
use boundaries_core::scenario::Scenario;
use boundaries_core::scoring::Band;

use crate::action::UiAction;
use crate::nav::{RecordFilter, Screen};
use crate::pressed;
use crate::theme::Palette;
use crate::widgets::{band_colour, button, focus_ring};

pub enum Row {
    Play {
        path: PathBuf,
        date: String,
        title: String,
        player: String,
        band: Option<Band>,
        finished: bool,
        changed: bool,
        /// Whether the player has written a reflection on it.
        reflected: bool,
    },
    Unreadable {
        file: String,
        reason: String,
    },
}

pub struct View {
    pub rows: Vec<Row>,
    /// Scenarios that have records: (id, title).
    pub scenarios: Vec<(String, String)>,
    pub filter: RecordFilter,
    /// About sending plays to the organisation's records: how many wait, and the last
    /// error; none when there is nothing to say.
    pub sending: Option<String>,
}

impl View {
    /// The records the filter lets through, newest first as given, each marked if its
    /// scenario (found with `scenario`) has changed since or is gone.
    pub fn of<'a>(
        records: &[(PathBuf, Result<Record, String>)],
        filter: &RecordFilter,
        scenario: impl Fn(&str) -> Option<&'a Scenario>,
    ) -> View {
        let mut scenarios: Vec<(String, String)> = Vec::new();
        let mut rows = Vec::new();
        for (path, record) in records {
            let record = match record {
                Ok(record) => record,
                Err(reason) => {
                    let file = path.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned());
                    rows.push(Row::Unreadable { file, reason: reason.clone() });
                    continue;
                }
            };
            if !scenarios.iter().any(|(id, _)| *id == record.scenario) {
                scenarios.push((record.scenario.clone(), record.scenario_title.clone()));
            }
            let wanted = filter.scenario.as_ref().is_none_or(|id| *id == record.scenario)
                && is_players(record, Some(&filter.player));
            if wanted {
                rows.push(Row::Play {
                    path: path.clone(),
                    date: record
                        .started
                        .to_zoned_datetime(jiff::tz::TimeZone::system())
                        .strftime("%-d %b %Y, %H:%M")
                        .to_string(),
                    title: record.scenario_title.clone(),
                    player: record.who().unwrap_or_default(),
                    band: record.result.as_ref().map(|r| r.band),
                    finished: record.is_finished(),
                    changed: scenario(&record.scenario).is_none_or(|s| record.changed_since(s).is_some()),
                    reflected: record.reflection.as_ref().is_some_and(|r| !r.is_empty()),
                });
            }
        }
        View { rows, scenarios, filter: filter.clone(), sending: None }
    }
}

#[must_use]
pub fn body(ui: &mut egui::Ui, view: &View) -> Option<UiAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    ui.horizontal(|ui| {
        if button(ui, "‹ Back").clicked() {
            action = Some(UiAction::Go(Screen::Title));
        }
        ui.heading("Your plays");
        if button(ui, "Progress over time").clicked() {
            action = Some(UiAction::Go(Screen::Progress));
        }
        if button(ui, "Your organisation's plays").clicked() {
            action = Some(UiAction::Go(Screen::Cohort));
        }
    });
    ui.label(
        egui::RichText::new("Every play is kept, finished or not. Choose one to replay it, with the roads not taken.")
            .color(palette.muted),
    );
    if let Some(sending) = &view.sending {
        ui.label(egui::RichText::new(sending).color(palette.warning));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Scenario:");
        let mut filter = view.filter.clone();
        let chosen = filter
            .scenario
            .as_ref()
            .and_then(|id| view.scenarios.iter().find(|(s, _)| s == id))
            .map_or("All", |(_, t)| t.as_str());
        egui::ComboBox::from_id_salt("scenario-filter").selected_text(chosen).show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.scenario, None, "All");
            for (id, title) in &view.scenarios {
                ui.selectable_value(&mut filter.scenario, Some(id.clone()), title.as_str());
            }
        });
        ui.label("Player:");
        let response = ui.add(egui::TextEdit::singleline(&mut filter.player).desired_width(180.0).hint_text("anyone"));
        focus_ring(ui, &response);
        if filter != view.filter {
            action = Some(UiAction::FilterRecords(filter));
        }
    });
    ui.add_space(6.0);
    if view.rows.is_empty() {
        ui.label("No plays yet. Play a scenario and it will appear here.");
    }
    for row in &view.rows {
        match row {
            Row::Play { path, date, title, player, band, finished, changed, reflected } => {
                let who = if player.is_empty() { String::new() } else { format!(" · {player}") };
                let status = match (finished, band) {
                    (true, Some(band)) => band.to_string(),
                    _ => "Stopped part-way".to_owned(),
                };
                let changed_note = if *changed { " · scenario changed since" } else { "" };
                let reflection = if *reflected { " · reflection written" } else { "" };
                let label = format!("{date} · {title}{who} · {status}{reflection}{changed_note}");
                let response = ui.add(
                    egui::Button::new(
                        egui::RichText::new(&label).color(band.map_or(palette.muted, |b| band_colour(b, palette))),
                    )
                    .wrap(),
                );
                focus_ring(ui, &response);
                if response.clicked() {
                    action = Some(UiAction::Replay(path.clone()));
                }
            }
            Row::Unreadable { file, reason } => {
                ui.label(egui::RichText::new(format!("{file}: cannot be read: {reason}")).color(palette.danger));
            }
        }
    }
    if pressed(ui, egui::Key::Escape) {
        action = Some(UiAction::Go(Screen::Title));
    }
    action
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;

    /// As the game words it (the screens crate does not know the LRS crate).
    fn boundaries_lrs_words() -> String {
        "2 plays are waiting to send to your organisation's records. Last try: the learning record store cannot be reached: connection refused.".into()
    }

    #[test]
    fn lists_plays_and_unreadable_records_and_opens_a_replay() {
        let view = View {
            rows: vec![
                Row::Play {
                    path: "a.record.ron".into(),
                    date: "20 Nov 2026, 09:30".into(),
                    title: "A gift at the door".into(),
                    player: "Alex".into(),
                    band: Some(Band::Sound),
                    finished: true,
                    changed: true,
                    reflected: true,
                },
                Row::Unreadable { file: "b.record.ron".into(), reason: "1:5: Expected colon".into() },
            ],
            scenarios: vec![("gift".into(), "A gift at the door".into())],
            filter: RecordFilter::default(),
            sending: Some(boundaries_lrs_words()),
        };
        let mut harness = crate::harness(|ui| body(ui, &view));
        harness.get_by_label(&boundaries_lrs_words());
        harness.get_by_label("b.record.ron: cannot be read: 1:5: Expected colon");
        harness
            .get_by_label(
                "20 Nov 2026, 09:30 · A gift at the door · Alex · Sound · reflection written · scenario changed since",
            )
            .click();
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Replay("a.record.ron".into())));
    }
}
