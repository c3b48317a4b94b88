//! The table of a trainer's commands: each action with its label, its keys and its
//! hint. The presenter's buttons and its line of hints are drawn from it, the game
//! maps a window's keys through it, so a key and what it is said to do cannot drift
//! apart.

use egui::Key;

use crate::action::GroupAction;

/// One command: what it does, what a button says, the keys that send it, and how the
/// hint line describes it (empty for commands the hint line leaves out).
#[derive(Debug, Clone, PartialEq)]
pub struct Command {
    pub action: GroupAction,
    pub label: &'static str,
    pub keys: &'static [Key],
    pub hint: &'static str,
}

/// The number keys: the n-th counts a hand for the n-th choice (or picks it, after the reveal).
const NUMBERS: [&[Key]; 9] = [
    &[Key::Num1],
    &[Key::Num2],
    &[Key::Num3],
    &[Key::Num4],
    &[Key::Num5],
    &[Key::Num6],
    &[Key::Num7],
    &[Key::Num8],
    &[Key::Num9],
];

/// Every command a trainer has in induction mode. Ending a session is not on a key:
/// a remote's Escape must never end one by accident.
pub fn group_commands() -> Vec<Command> {
    let mut commands = vec![
        Command {
            action: GroupAction::Forward,
            label: "Next ›",
            keys: &[Key::PageDown, Key::ArrowRight],
            hint: "move on",
        },
        Command { action: GroupAction::Back, label: "‹ Back", keys: &[Key::PageUp, Key::ArrowLeft], hint: "go back" },
        Command { action: GroupAction::Pick(1), label: "Pick the next choice", keys: &[Key::ArrowDown], hint: "" },
        Command { action: GroupAction::Pick(-1), label: "Pick the choice before", keys: &[Key::ArrowUp], hint: "" },
        Command {
            action: GroupAction::Blank,
            label: "Blank the audience screen",
            keys: &[Key::B, Key::Period],
            hint: "blanks the audience screen",
        },
        Command { action: GroupAction::Timer, label: "Timer", keys: &[Key::F5, Key::T], hint: "starts the timer" },
        Command {
            action: GroupAction::TogglePresenter,
            label: "Presenter panel",
            keys: &[Key::N],
            hint: "shows or hides this panel on one screen",
        },
        Command { action: GroupAction::Undo, label: "Undo", keys: &[Key::Backspace, Key::Z], hint: "undoes a hand" },
        Command {
            action: GroupAction::Fullscreen,
            label: "Audience full screen",
            keys: &[Key::F11],
            hint: "puts the audience full screen",
        },
        Command {
            action: GroupAction::Phones,
            label: "Vote by phone",
            keys: &[Key::P],
            hint: "votes by phone or by hands",
        },
        Command { action: GroupAction::Present(1), label: "+", keys: &[Key::Equals, Key::Plus], hint: "" },
        Command { action: GroupAction::Present(-1), label: "−", keys: &[Key::Minus], hint: "" },
    ];
    for (i, keys) in NUMBERS.into_iter().enumerate() {
        commands.push(Command { action: GroupAction::Number(i), label: "", keys, hint: "" });
    }
    commands
}

/// The choices' letters, as the room sees them: while the vote is open, a letter
/// counts a hand for its choice as its number does.
const LETTERS: [Key; 9] = [Key::A, Key::B, Key::C, Key::D, Key::E, Key::F, Key::G, Key::H, Key::I];

/// The command a key sends, if any; `voting` while hands are being counted, when the
/// choices' letters count hands (and B counts for choice B rather than blanking).
pub fn group_action_for(key: Key, voting: bool) -> Option<GroupAction> {
    if voting && let Some(i) = LETTERS.iter().position(|&k| k == key) {
        return Some(GroupAction::Number(i));
    }
    group_commands().into_iter().find(|c| c.keys.contains(&key)).map(|c| c.action)
}

/// The command for an action, for its label and keys.
pub fn group_command(action: &GroupAction) -> Option<Command> {
    group_commands().into_iter().find(|c| &c.action == action)
}

/// The line of key hints under the presenter's controls, from the table.
pub fn group_hints() -> String {
    let mut parts: Vec<String> = group_commands()
        .iter()
        .filter(|c| !c.hint.is_empty())
        .map(|c| format!("{} {}", c.keys.iter().map(|k| key_name(*k)).collect::<Vec<_>>().join(" or "), c.hint))
        .collect();
    parts.push("while the vote is open, a choice's letter or number counts a hand".to_owned());
    parts.join(" · ")
}

/// A key as a person would name it.
pub fn key_name(key: Key) -> &'static str {
    match key {
        Key::PageDown => "Page Down",
        Key::PageUp => "Page Up",
        Key::ArrowRight => "→",
        Key::ArrowLeft => "←",
        Key::ArrowDown => "↓",
        Key::ArrowUp => "↑",
        Key::Backspace => "Backspace",
        Key::Period => ".",
        Key::Equals => "=",
        Key::Plus => "+",
        Key::Minus => "−",
        other => other.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_sends_one_command_and_every_hinted_command_has_a_key() {
        let commands = group_commands();
        let mut seen = std::collections::HashSet::new();
        for command in &commands {
            assert!(!command.keys.is_empty(), "{command:?}");
            for key in command.keys {
                assert!(seen.insert(*key), "{key:?} sends two commands");
            }
        }
        assert_eq!(group_action_for(Key::PageDown, false), Some(GroupAction::Forward));
        assert_eq!(group_action_for(Key::Num3, false), Some(GroupAction::Number(2)));
        assert_eq!(group_action_for(Key::Escape, true), None, "Escape never ends a session");
        assert_eq!(group_action_for(Key::Q, false), None);
        assert_eq!(group_action_for(Key::C, true), Some(GroupAction::Number(2)), "letters count while voting");
        assert_eq!(group_action_for(Key::B, true), Some(GroupAction::Number(1)));
        assert_eq!(group_action_for(Key::B, false), Some(GroupAction::Blank), "and B blanks otherwise");
    }

    #[test]
    fn the_hint_line_names_each_key_as_the_table_has_it() {
        let hints = group_hints();
        assert!(hints.starts_with("Page Down or → move on · Page Up or ← go back"), "{hints}");
        assert!(hints.contains("B or . blanks the audience screen"), "{hints}");
        assert!(hints.contains("F5 or T starts the timer"), "{hints}");
    }
}
