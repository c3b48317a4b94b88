//! Bevy's keys as egui names them, so keys read through Bevy (which reach the game
//! whichever window has focus) go through the screens crate's table of commands.

use bevy::input::keyboard::KeyCode;
use bevy_egui::egui::Key;

/// The egui key for a Bevy key code, for the keys the tables of commands use.
pub(super) fn egui_key(code: KeyCode) -> Option<Key> {
    use KeyCode::*;
    Some(match code {
        PageDown => Key::PageDown,
        PageUp => Key::PageUp,
        ArrowRight => Key::ArrowRight,
        ArrowLeft => Key::ArrowLeft,
        ArrowDown => Key::ArrowDown,
        ArrowUp => Key::ArrowUp,
        Backspace => Key::Backspace,
        Period => Key::Period,
        Equal => Key::Equals,
        NumpadAdd => Key::Plus,
        Minus | NumpadSubtract => Key::Minus,
        F5 => Key::F5,
        F11 => Key::F11,
        KeyA => Key::A,
        KeyB => Key::B,
        KeyC => Key::C,
        KeyD => Key::D,
        KeyE => Key::E,
        KeyF => Key::F,
        KeyG => Key::G,
        KeyH => Key::H,
        KeyI => Key::I,
        KeyN => Key::N,
        KeyP => Key::P,
        KeyT => Key::T,
        KeyZ => Key::Z,
        Digit1 | Numpad1 => Key::Num1,
        Digit2 | Numpad2 => Key::Num2,
        Digit3 | Numpad3 => Key::Num3,
        Digit4 | Numpad4 => Key::Num4,
        Digit5 | Numpad5 => Key::Num5,
        Digit6 | Numpad6 => Key::Num6,
        Digit7 | Numpad7 => Key::Num7,
        Digit8 | Numpad8 => Key::Num8,
        Digit9 | Numpad9 => Key::Num9,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use boundaries_screens::commands::group_commands;

    use super::*;

    /// Every key in the trainer's table can be pressed through Bevy.
    #[test]
    fn every_key_in_the_table_has_a_bevy_key() {
        let reachable: Vec<Key> = [
            KeyCode::PageDown,
            KeyCode::PageUp,
            KeyCode::ArrowRight,
            KeyCode::ArrowLeft,
            KeyCode::ArrowDown,
            KeyCode::ArrowUp,
            KeyCode::Backspace,
            KeyCode::Period,
            KeyCode::Equal,
            KeyCode::NumpadAdd,
            KeyCode::Minus,
            KeyCode::F5,
            KeyCode::F11,
            KeyCode::KeyB,
            KeyCode::KeyN,
            KeyCode::KeyP,
            KeyCode::KeyT,
            KeyCode::KeyZ,
            KeyCode::Digit1,
            KeyCode::Digit2,
            KeyCode::Digit3,
            KeyCode::Digit4,
            KeyCode::Digit5,
            KeyCode::Digit6,
            KeyCode::Digit7,
            KeyCode::Digit8,
            KeyCode::Digit9,
        ]
        .into_iter()
        .filter_map(egui_key)
        .collect();
        for command in group_commands() {
            for key in command.keys {
                assert!(reachable.contains(key), "{key:?} ({:?}) has no Bevy key", command.action);
            }
        }
    }
}
