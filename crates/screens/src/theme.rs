//! How the game looks: a calm light theme and a high-contrast one, text size from
//! the settings, and a colour and icon for each kind of setting.

use boundaries_core::scenario::SettingKind;
use boundaries_core::settings::Settings;

/// The window size the layout is designed for; larger windows scale everything up,
/// so a projector or a 4K screen shows the same page, bigger.
const DESIGN_SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// The colours screens draw with, for the current theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub background: egui::Color32,
    pub panel: egui::Color32,
    pub text: egui::Color32,
    pub muted: egui::Color32,
    pub accent: egui::Color32,
    pub focus: egui::Color32,
    pub good: egui::Color32,
    pub warning: egui::Color32,
    pub danger: egui::Color32,
}

pub const LIGHT: Palette = Palette {
    background: egui::Color32::from_rgb(0xf6, 0xf3, 0xee),
    panel: egui::Color32::from_rgb(0xff, 0xff, 0xff),
    text: egui::Color32::from_rgb(0x1f, 0x29, 0x33),
    muted: egui::Color32::from_rgb(0x55, 0x60, 0x6b),
    accent: egui::Color32::from_rgb(0x1f, 0x6f, 0x78),
    focus: egui::Color32::from_rgb(0xd9, 0x6c, 0x00),
    good: egui::Color32::from_rgb(0x2e, 0x7d, 0x32),
    warning: egui::Color32::from_rgb(0xb2, 0x6a, 0x00),
    danger: egui::Color32::from_rgb(0xb7, 0x1c, 0x1c),
};

pub const HIGH_CONTRAST: Palette = Palette {
    background: egui::Color32::BLACK,
    panel: egui::Color32::from_rgb(0x10, 0x10, 0x10),
    text: egui::Color32::WHITE,
    muted: egui::Color32::from_rgb(0xe0, 0xe0, 0xe0),
    accent: egui::Color32::from_rgb(0x7f, 0xdb, 0xff),
    focus: egui::Color32::YELLOW,
    good: egui::Color32::from_rgb(0x7d, 0xff, 0x8a),
    warning: egui::Color32::from_rgb(0xff, 0xd2, 0x4d),
    danger: egui::Color32::from_rgb(0xff, 0x8a, 0x80),
};

impl Palette {
    pub fn of(high_contrast: bool) -> Palette {
        if high_contrast { HIGH_CONTRAST } else { LIGHT }
    }

    /// Reads the palette back from a context's visuals (set by [`style`]).
    pub fn current(ctx: &egui::Context) -> Palette {
        Palette::of(ctx.global_style().visuals.dark_mode)
    }
}

/// The egui style for a palette: generous spacing, large text, visible focus.
pub fn style(palette: Palette) -> egui::Style {
    let mut style = egui::Style::default();
    let mut visuals =
        if palette.background == HIGH_CONTRAST.background { egui::Visuals::dark() } else { egui::Visuals::light() };
    visuals.panel_fill = palette.background;
    visuals.window_fill = palette.panel;
    visuals.extreme_bg_color = palette.panel;
    // Text takes the palette's colour through each widget state, not an override: an
    // override would also paint a selected chip's text, on the accent it sits on.
    visuals.override_text_color = None;
    for widget in [
        &mut visuals.widgets.noninteractive,
        &mut visuals.widgets.inactive,
        &mut visuals.widgets.hovered,
        &mut visuals.widgets.active,
        &mut visuals.widgets.open,
    ] {
        widget.fg_stroke.color = palette.text;
    }
    visuals.hyperlink_color = palette.accent;
    visuals.selection.bg_fill = palette.accent;
    // Selected text is drawn in the background colour on the accent, never text on it.
    visuals.selection.stroke = egui::Stroke::new(2.0, palette.background);
    for widget in [&mut visuals.widgets.inactive, &mut visuals.widgets.hovered, &mut visuals.widgets.active] {
        widget.corner_radius = egui::CornerRadius::same(8);
    }
    visuals.widgets.inactive.weak_bg_fill = palette.panel;
    visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, palette.muted);
    visuals.widgets.hovered.weak_bg_fill = palette.panel;
    visuals.widgets.hovered.bg_stroke = egui::Stroke::new(2.0, palette.accent);
    visuals.widgets.active.bg_stroke = egui::Stroke::new(3.0, palette.accent);
    style.visuals = visuals;
    style.spacing.item_spacing = egui::vec2(10.0, 10.0);
    style.spacing.button_padding = egui::vec2(14.0, 8.0);
    style.spacing.interact_size.y = 32.0;
    use egui::{FontFamily::Proportional, FontId, TextStyle};
    style.text_styles = [
        (TextStyle::Heading, FontId::new(30.0, Proportional)),
        (TextStyle::Body, FontId::new(18.0, Proportional)),
        (TextStyle::Button, FontId::new(18.0, Proportional)),
        (TextStyle::Small, FontId::new(14.0, Proportional)),
        (TextStyle::Monospace, FontId::new(15.0, egui::FontFamily::Monospace)),
    ]
    .into();
    style
}

/// Sets a window's theme, and scales its text to the settings and the window's
/// size (in logical points), so a projector shows the same page, bigger.
pub fn apply(ctx: &egui::Context, settings: &Settings, size: egui::Vec2) {
    let room = (size.x / DESIGN_SIZE.x).min(size.y / DESIGN_SIZE.y).max(1.0);
    let theme = if settings.high_contrast { egui::Theme::Dark } else { egui::Theme::Light };
    ctx.set_theme(theme);
    ctx.set_style_of(theme, style(Palette::of(settings.high_contrast)));
    ctx.set_zoom_factor(settings.text_scale * room);
}

/// A colour for each kind of setting, so scenes are easy to tell apart.
pub fn setting_colour(kind: SettingKind) -> egui::Color32 {
    match kind {
        SettingKind::HomeCare => egui::Color32::from_rgb(0xc0, 0x6a, 0x3a),
        SettingKind::Residential => egui::Color32::from_rgb(0x6a, 0x5a, 0xb5),
        SettingKind::SupportedLiving => egui::Color32::from_rgb(0x2e, 0x8b, 0x57),
        SettingKind::Hospital => egui::Color32::from_rgb(0x1e, 0x78, 0xb4),
        SettingKind::Community => egui::Color32::from_rgb(0xa8, 0x7b, 0x0b),
    }
}

/// The contrast ratio of two colours, as WCAG 2 defines it: from 1 (the same) to 21
/// (black on white). Text needs 4.5, and 7 in the high-contrast theme.
pub fn contrast(a: egui::Color32, b: egui::Color32) -> f32 {
    let luminance = |c: egui::Color32| {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair of colours text is drawn in, measured: 4.5:1 in the light theme and
    /// 7:1 in the high-contrast one, including a selected chip's text on its fill.
    #[test]
    fn every_text_colour_meets_its_contrast_ratio() {
        for (palette, needed) in [(LIGHT, 4.5), (HIGH_CONTRAST, 7.0)] {
            let style = style(palette);
            let selection = style.visuals.selection;
            assert_eq!(style.visuals.override_text_color, None, "an override would paint selected text too");
            let pairs = [
                ("text", palette.text, palette.background),
                ("text on a panel", palette.text, palette.panel),
                ("muted text", palette.muted, palette.background),
                ("muted text on a panel", palette.muted, palette.panel),
                ("a selected chip", selection.stroke.color, selection.bg_fill),
                ("danger", palette.danger, palette.background),
                ("accent", palette.accent, palette.background),
            ];
            for (what, fore, back) in pairs {
                let ratio = contrast(fore, back);
                assert!(ratio >= needed, "{what} in {palette:?}: {ratio:.1}:1, needs {needed}:1");
            }
        }
        assert!((contrast(egui::Color32::BLACK, egui::Color32::WHITE) - 21.0).abs() < 0.01);
    }
}
