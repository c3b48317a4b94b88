//! The library: a card per scenario, filters by principle and level, and a Problems
//! panel listing files that failed to load while every valid scenario stays playable.

use std::collections::HashMap;

use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::{Loaded, Problem};
use boundaries_core::scenario::{Level, SettingKind};
use boundaries_core::scoring::Band;

use crate::action::UiAction;
use crate::nav::{LibraryFilter, Screen};
use crate::theme::{Palette, setting_colour};
use crate::widgets::{band_colour, chip, focus_ring, header, hex_colour, setting_icon};
use crate::{level_label, new_page, pressed};

/// The library's page, as [`new_page`] tells pages apart (plays use small numbers).
const LIBRARY_PAGE: u64 = u64::MAX - 1;

/// What the game's library holds, for the view.
pub struct Shelf<'a> {
    /// Playable scenarios, in the order to show them.
    pub scenarios: Vec<&'a Loaded>,
    /// Files that failed, and whether an earlier version is still playable.
    pub problems: Vec<(&'a Problem, bool)>,
    /// Scenario ids used by two files: (id, the file whose copy is ignored).
    pub duplicates: Vec<(&'a str, &'a str)>,
    /// Whether every file has loaded.
    pub ready: bool,
}

pub struct Card {
    pub id: String,
    pub title: String,
    pub setting: String,
    pub kind: SettingKind,
    pub level: Level,
    pub minutes: u32,
    /// Focus principles: name and colour.
    pub focus: Vec<(String, egui::Color32)>,
    pub best: Option<Band>,
}

pub struct ProblemView {
    /// One line per diagnostic: file, line, column and message.
    pub lines: Vec<String>,
    /// Whether an earlier version of the file is still playable.
    pub last_good_kept: bool,
}

pub struct View {
    pub cards: Vec<Card>,
    /// Principles to filter by: id, name, colour.
    pub principles: Vec<(String, String, egui::Color32)>,
    pub filter: LibraryFilter,
    pub problems: Vec<ProblemView>,
    pub loading: bool,
}

impl View {
    /// The cards the filter lets through, with the best band reached in each.
    pub fn new(shelf: Shelf, catalogues: &Catalogues, best: &HashMap<String, Band>, filter: &LibraryFilter) -> View {
        let cards = shelf
            .scenarios
            .into_iter()
            .map(|loaded| loaded.scenario.as_ref())
            .filter(|s| filter.level.is_none_or(|l| s.level == l))
            .filter(|s| filter.principle.as_ref().is_none_or(|p| s.focus.contains(p)))
            .map(|s| Card {
                id: s.id.clone(),
                title: s.title.clone(),
                setting: s.setting.clone(),
                kind: SettingKind::of(&s.setting),
                level: s.level,
                minutes: s.minutes,
                focus: s
                    .focus
                    .iter()
                    .map(|p| {
                        (
                            catalogues.principle_name(p).to_owned(),
                            catalogues.principle(p).map_or(egui::Color32::GRAY, |p| hex_colour(&p.colour)),
                        )
                    })
                    .collect(),
                best: best.get(&s.id).copied(),
            })
            .collect();
        let mut problems: Vec<ProblemView> = shelf
            .problems
            .into_iter()
            .map(|(problem, kept)| ProblemView {
                lines: problem.diagnostics.iter().filter(|d| d.is_error()).map(ToString::to_string).collect(),
                last_good_kept: kept,
            })
            .collect();
        problems.extend(shelf.duplicates.into_iter().map(|(id, file)| ProblemView {
            lines: vec![format!("{file}: error: scenario id \"{id}\" is already used by another file")],
            last_good_kept: false,
        }));
        View {
            cards,
            principles: catalogues
                .principles
                .iter()
                .map(|p| (p.id.clone(), p.name.clone(), hex_colour(&p.colour)))
                .collect(),
            filter: filter.clone(),
            problems,
            loading: !shelf.ready,
        }
    }
}

#[must_use]
pub fn body(ui: &mut egui::Ui, view: &View) -> Option<UiAction> {
    let palette = Palette::current(ui.ctx());
    let mut action = None;
    if header(ui, "Choose a scenario") {
        action = Some(UiAction::Go(Screen::Title));
    }
    ui.label(
        egui::RichText::new("Each is a short story with a few decisions. There is feedback on every choice.")
            .color(palette.muted),
    );
    ui.add_space(6.0);

    ui.horizontal_wrapped(|ui| {
        ui.label("Principle:");
        if ui.selectable_label(view.filter.principle.is_none(), "All").clicked() {
            action = Some(UiAction::Filter(LibraryFilter { principle: None, ..view.filter.clone() }));
        }
        for (id, name, _) in &view.principles {
            let on = view.filter.principle.as_deref() == Some(id.as_str());
            let response = ui.selectable_label(on, name.as_str());
            focus_ring(ui, &response);
            if response.clicked() {
                let principle = if on { None } else { Some(id.clone()) };
                action = Some(UiAction::Filter(LibraryFilter { principle, ..view.filter.clone() }));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Level:");
        for level in [None, Some(Level::Introductory), Some(Level::Intermediate), Some(Level::Advanced)] {
            let response = ui.selectable_label(view.filter.level == level, level.map_or("All", level_label));
            focus_ring(ui, &response);
            if response.clicked() {
                action = Some(UiAction::Filter(LibraryFilter { level, ..view.filter.clone() }));
            }
        }
    });
    ui.add_space(8.0);

    if view.loading && view.cards.is_empty() {
        ui.label("Loading scenarios…");
    } else if view.cards.is_empty() {
        ui.label("No scenario matches these filters.");
    }
    let columns = if ui.available_width() > 700.0 { 2 } else { 1 };
    let spacing = ui.spacing().item_spacing.x;
    let card_width = (ui.available_width() - spacing * (columns as f32 - 1.0)) / columns as f32;
    // The library opens with the first card focused, not a dozen Tabs away past the filters.
    let fresh = new_page(ui, LIBRARY_PAGE);
    for (r, row) in view.cards.chunks(columns).enumerate() {
        ui.horizontal_top(|ui| {
            for (c, card) in row.iter().enumerate() {
                let response = card_ui(ui, card, card_width, palette);
                if fresh && r == 0 && c == 0 {
                    response.request_focus();
                }
                if response.clicked() {
                    action = Some(UiAction::Open(card.id.clone()));
                }
            }
        });
    }

    if !view.problems.is_empty() {
        ui.add_space(12.0);
        egui::CollapsingHeader::new(
            egui::RichText::new(format!("Problems ({})", view.problems.len())).color(palette.danger),
        )
        .default_open(true)
        .show(ui, |ui| {
            ui.label("These files did not load. Every other scenario is still playable.");
            for problem in &view.problems {
                for line in &problem.lines {
                    ui.label(egui::RichText::new(line).monospace().color(palette.danger));
                }
                if problem.last_good_kept {
                    ui.label(egui::RichText::new("The last good version of this file is still playable.").small());
                }
            }
        });
    }
    if pressed(ui, egui::Key::Escape) {
        action = Some(UiAction::Go(Screen::Title));
    }
    action
}

/// One scenario's card; the whole card is a button.
fn card_ui(ui: &mut egui::Ui, card: &Card, width: f32, palette: Palette) -> egui::Response {
    let colour = setting_colour(card.kind);
    let frame = egui::Frame::new()
        .fill(palette.panel)
        .stroke(egui::Stroke::new(1.0, palette.muted.gamma_multiply(0.5)))
        .corner_radius(12.0)
        .inner_margin(egui::Margin { left: 18, right: 14, top: 12, bottom: 12 });
    let inner = frame.show(ui, |ui| {
        ui.vertical(|ui| {
            ui.set_width(width - 32.0);
            ui.horizontal(|ui| {
                setting_icon(ui, card.kind, 22.0);
                ui.label(egui::RichText::new(&card.setting).color(colour).small().strong());
            });
            ui.add(egui::Label::new(egui::RichText::new(&card.title).size(22.0).strong()).wrap());
            ui.label(
                egui::RichText::new(format!("{} · about {} minutes", level_label(card.level), card.minutes))
                    .color(palette.muted),
            );
            ui.horizontal_wrapped(|ui| {
                for (name, colour) in &card.focus {
                    chip(ui, name, *colour);
                }
            });
            match card.best {
                Some(band) => ui.label(
                    egui::RichText::new(format!("Your best: {band}")).color(band_colour(band, palette)).strong(),
                ),
                None => ui.label(egui::RichText::new("Not played yet").color(palette.muted)),
            };
        });
    });
    let rect = inner.response.rect;
    ui.painter().rect_filled(egui::Rect::from_min_size(rect.min, egui::vec2(6.0, rect.height())), 3.0, colour);
    let response = ui.interact(rect, ui.id().with(("card", &card.id)), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, true, &card.title));
    if response.hovered() || response.has_focus() {
        ui.painter().rect_stroke(rect, 12.0, egui::Stroke::new(2.0, palette.accent), egui::StrokeKind::Inside);
    }
    focus_ring(ui, &response);
    response
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;
    use egui::accesskit::Role;

    fn view() -> View {
        let card = |id: &str, title: &str, level| Card {
            id: id.into(),
            title: title.into(),
            setting: "Home care visit".into(),
            kind: SettingKind::HomeCare,
            level,
            minutes: 8,
            focus: vec![("Dignity and respect".into(), egui::Color32::BLUE)],
            best: None,
        };
        View {
            cards: vec![
                card("gift", "A gift at the door", Level::Introductory),
                card("will", "Witness the will", Level::Advanced),
            ],
            principles: vec![("boundaries".into(), "Professional boundaries".into(), egui::Color32::BLUE)],
            filter: LibraryFilter::default(),
            problems: vec![ProblemView {
                lines: vec!["scenarios/broken.scenario.ron:3:5: error: Expected string".into()],
                last_good_kept: true,
            }],
            loading: false,
        }
    }

    fn harness(view: View) -> Harness<'static, Option<UiAction>> {
        crate::harness(move |ui| body(ui, &view))
    }

    #[test]
    fn a_card_opens_its_scenario() {
        let mut harness = harness(view());
        harness.get_by_role_and_label(Role::Button, "Witness the will").click();
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Open("will".into())));
    }

    #[test]
    fn filters_by_principle_and_level() {
        let mut harness = harness(view());
        harness.get_by_label("Professional boundaries").click();
        harness.run();
        assert_eq!(
            harness.state(),
            &Some(UiAction::Filter(LibraryFilter { principle: Some("boundaries".into()), level: None }))
        );
        let mut harness = self::harness(view());
        harness.get_by_label("Advanced").click();
        harness.run();
        assert_eq!(
            harness.state(),
            &Some(UiAction::Filter(LibraryFilter { principle: None, level: Some(Level::Advanced) }))
        );
    }

    #[test]
    fn problems_are_listed_with_file_line_and_column() {
        let harness = harness(view());
        harness.get_by_label("scenarios/broken.scenario.ron:3:5: error: Expected string");
        harness.get_by_label("The last good version of this file is still playable.");
        harness.get_by_role_and_label(Role::Button, "A gift at the door");
    }

    #[test]
    fn the_builder_keeps_the_cards_the_filter_lets_through_with_their_best_band() {
        let catalogues = Catalogues::shipped().unwrap();
        let library = boundaries_core::library::Library::shipped(&catalogues);
        let scenarios: Vec<&Loaded> = library.scenarios.iter().collect();
        let best = HashMap::from([("gift-at-the-door".to_owned(), Band::Sound)]);
        let all = View::new(
            Shelf { scenarios: scenarios.clone(), problems: vec![], duplicates: vec![], ready: true },
            &catalogues,
            &best,
            &LibraryFilter::default(),
        );
        assert_eq!(all.cards.len(), library.scenarios.len());
        let gift = all.cards.iter().find(|c| c.id == "gift-at-the-door").unwrap();
        assert_eq!(gift.best, Some(Band::Sound));
        let advanced = LibraryFilter { principle: None, level: Some(Level::Advanced) };
        let view = View::new(
            Shelf { scenarios, problems: vec![], duplicates: vec![("x", "x.scenario.ron")], ready: false },
            &catalogues,
            &best,
            &advanced,
        );
        assert!(!view.cards.is_empty() && view.cards.iter().all(|c| c.level == Level::Advanced));
        assert!(view.cards.len() < all.cards.len());
        assert!(view.loading);
        assert_eq!(
            view.problems[0].lines,
            ["x.scenario.ron: error: scenario id \"x\" is already used by another file"]
        );
    }

    #[test]
    fn the_library_opens_with_the_first_card_focused() {
        let mut harness = harness(view());
        harness.run();
        harness.key_press(egui::Key::Enter);
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Open("gift".into())));
    }

    #[test]
    fn escape_goes_back() {
        let mut harness = harness(view());
        harness.key_press(egui::Key::Escape);
        harness.run();
        assert_eq!(harness.state(), &Some(UiAction::Go(Screen::Title)));
    }
}
