//! What a trainer would say about how sure a player was: a confident answer that was
//! the weakest on offer is worth a closer look; an unsure answer that was the
//! strongest deserves to be trusted. Said only where there is something to say.

use crate::scenario::Choice;

/// A word on the player's confidence in `chosen`, among the choices `offered`, if
/// there is one worth saying. Confidence runs from 1 (guessing) to 5 (certain).
pub fn remark(confidence: Option<u8>, offered: &[&Choice], chosen: &Choice) -> Option<&'static str> {
    let confidence = confidence?;
    let totals = offered.iter().map(|c| c.total());
    let (best, worst) = (totals.clone().max()?, totals.min()?);
    if best == worst {
        return None;
    }
    let sure = confidence >= 4;
    let unsure = confidence <= 2;
    match chosen.total() {
        t if t == best && sure => Some("You were sure, and with good reason: this was the strongest choice here."),
        t if t == best && unsure => Some(
            "You weren't sure, but this was the strongest choice here. The reasons you chose it are worth trusting next time.",
        ),
        t if t == worst && sure => Some(
            "You were sure of this one, and it was the weakest choice here. That is worth a closer look: the instincts we are surest of are the ones we check least.",
        ),
        t if t == worst && unsure => Some(
            "You weren't sure, and your doubt was right: this was the weakest choice here. Noticing that doubt, and asking someone, is part of the job.",
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(total: i64) -> Choice {
        let text = format!("(text: \"c\", goto: \"x\", scores: {{\"dignity\": {total}}})");
        crate::diagnostic::ron::ron_options().from_str(&text).unwrap()
    }

    #[test]
    fn a_confident_weakest_answer_and_an_unsure_strongest_one_are_remarked_on() {
        let (good, middling, poor) = (choice(2), choice(0), choice(-2));
        let offered = [&good, &middling, &poor];
        assert!(remark(Some(5), &offered, &poor).unwrap().starts_with("You were sure of this one"));
        assert!(remark(Some(1), &offered, &good).unwrap().starts_with("You weren't sure, but"));
        assert!(remark(Some(4), &offered, &good).unwrap().starts_with("You were sure, and with good reason"));
        assert!(remark(Some(2), &offered, &poor).unwrap().contains("your doubt was right"));
        assert_eq!(remark(Some(3), &offered, &poor), None, "fairly sure says nothing either way");
        assert_eq!(remark(Some(5), &offered, &middling), None);
        assert_eq!(remark(None, &offered, &poor), None, "not asked");
        assert_eq!(remark(Some(5), &[&good, &good], &good), None, "nothing to tell apart");
    }
}
