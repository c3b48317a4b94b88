//! Where a player is within a decision: choosing, saying how sure they were, or
//! reading the feedback on the choice just taken.

/// The rhythm of one decision in a solo play.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    Choosing,
    /// A choice is picked; the player is asked how sure they were first.
    Confidence {
        choice: String,
    },
    /// The choice is taken; its feedback is showing.
    Feedback,
}
