//! An anonymous vote from the room's phones. The trainer opens the vote at a decision
//! and closes it at the reveal; each phone, known only by a random token it was given,
//! has at most one vote per decision and may change it while the vote is open. Nothing
//! else about a phone is kept, and only the counts reach the record.

use std::collections::{HashMap, HashSet};

use rand::RngExt;

/// A phone's anonymous token: random, given by the server in a cookie, meaning nothing.
pub type Token = String;

/// Why a vote was refused. None of these is counted anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("no vote is open")]
    NotOpen,
    #[error("the vote open is for another decision")]
    OtherDecision,
    #[error("there is no such choice")]
    UnknownChoice,
}

/// The room's phones at one session: who has joined, and the vote open now.
#[derive(Debug, Default)]
pub struct Ballot {
    joined: HashSet<Token>,
    /// The decision whose vote is open (numbered from 1), and how many choices it offers.
    open: Option<(usize, usize)>,
    votes: HashMap<Token, usize>,
    /// The last decision voted on and its choices, kept after closing for the counts.
    last: Option<(usize, usize)>,
}

impl Ballot {
    pub fn new() -> Ballot {
        Ballot::default()
    }

    /// A phone has opened the page.
    pub fn join(&mut self, token: &str) {
        if !self.joined.contains(token) {
            self.joined.insert(token.to_owned());
        }
    }

    /// Opens the vote at `decision`, offering `choices`; votes from before are cleared.
    pub fn open(&mut self, decision: usize, choices: usize) {
        if self.last != Some((decision, choices)) {
            self.votes.clear();
        }
        self.open = Some((decision, choices));
        self.last = self.open;
    }

    /// Closes the vote (at the reveal); the counts stay until the next is opened.
    pub fn close(&mut self) {
        self.open = None;
    }

    /// The decision whose vote is open and how many choices it has, if one is.
    pub fn is_open(&self) -> Option<(usize, usize)> {
        self.open
    }

    /// A phone's vote for `choice` (from 0) at `decision`; a second vote replaces the first.
    pub fn vote(&mut self, token: &str, decision: usize, choice: usize) -> Result<(), Refusal> {
        let (open, choices) = self.open.ok_or(Refusal::NotOpen)?;
        if open != decision {
            return Err(Refusal::OtherDecision);
        }
        if choice >= choices {
            return Err(Refusal::UnknownChoice);
        }
        self.join(token);
        self.votes.insert(token.to_owned(), choice);
        Ok(())
    }

    /// The choice this phone voted for at the last vote opened, if it did.
    pub fn vote_of(&self, token: &str) -> Option<usize> {
        self.votes.get(token).copied()
    }

    /// Votes per choice at the last vote opened.
    pub fn counts(&self) -> Vec<u32> {
        let mut counts = vec![0; self.last.map_or(0, |(_, choices)| choices)];
        for &choice in self.votes.values() {
            if let Some(count) = counts.get_mut(choice) {
                *count += 1;
            }
        }
        counts
    }

    /// How many phones have voted at the last vote opened.
    pub fn voted(&self) -> usize {
        self.votes.len()
    }

    /// How many phones have opened the page this session.
    pub fn joined(&self) -> usize {
        self.joined.len()
    }
}

/// A random string of `len` characters from `alphabet`, from the operating system's
/// generator: for secrets, room codes and phones' tokens.
pub fn random_text(alphabet: &[u8], len: usize) -> String {
    let mut rng = rand::rng();
    (0..len).map(|_| char::from(alphabet[rng.random_range(0..alphabet.len())])).collect()
}

/// What a room code is made of: capitals and digits that cannot be misread for each
/// other when typed from a projector (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
pub const CODE_ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";

/// What a secret or a token is made of.
pub const SECRET_ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_vote_per_phone_which_it_may_change_until_the_vote_closes() {
        let mut ballot = Ballot::new();
        ballot.join("a");
        ballot.join("a");
        assert_eq!(ballot.joined(), 1);
        assert_eq!(ballot.vote("a", 1, 0), Err(Refusal::NotOpen));
        ballot.open(1, 3);
        ballot.vote("a", 1, 0).unwrap();
        ballot.vote("b", 1, 2).unwrap();
        ballot.vote("a", 1, 1).unwrap(); // changed
        assert_eq!(ballot.counts(), vec![0, 1, 1]);
        assert_eq!((ballot.voted(), ballot.joined()), (2, 2));
        assert_eq!(ballot.vote("c", 2, 0), Err(Refusal::OtherDecision));
        assert_eq!(ballot.vote("c", 1, 3), Err(Refusal::UnknownChoice));
        assert_eq!(ballot.voted(), 2, "refused votes are counted nowhere");
        ballot.close();
        assert_eq!(ballot.vote("a", 1, 2), Err(Refusal::NotOpen));
        assert_eq!(ballot.counts(), vec![0, 1, 1], "the counts stay after closing");
        assert_eq!(ballot.vote_of("a"), Some(1));
    }

    #[test]
    fn a_new_decision_starts_with_no_votes_but_reopening_the_same_keeps_them() {
        let mut ballot = Ballot::new();
        ballot.open(1, 2);
        ballot.vote("a", 1, 1).unwrap();
        ballot.close();
        ballot.open(1, 2); // the trainer went back to the vote
        assert_eq!(ballot.counts(), vec![0, 1]);
        ballot.open(2, 4);
        assert_eq!(ballot.counts(), vec![0, 0, 0, 0]);
        assert_eq!((ballot.voted(), ballot.joined()), (0, 1), "joining lasts the session");
    }

    #[test]
    fn codes_and_secrets_come_from_their_alphabets() {
        let code = random_text(CODE_ALPHABET, 6);
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        assert_ne!(random_text(SECRET_ALPHABET, 32), random_text(SECRET_ALPHABET, 32));
    }
}
