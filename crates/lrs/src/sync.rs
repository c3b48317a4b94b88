//! Sending the outbox: in batches, each statement once. A batch the LRS refuses is
//! sent again one statement at a time, so only the statements it refuses are set
//! aside (with its reason) and the rest arrive. Anything else (the network away, a
//! wrong key, the LRS's own failure) stops the sync and leaves the outbox as it was,
//! for the next try.

use boundaries_core::xapi::Outbox;

use crate::client::{BATCH, Lrs, LrsError};

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synced {
    pub sent: usize,
    pub rejected: usize,
    /// Statements still waiting afterwards.
    pub waiting: usize,
}

/// Sends what the outbox holds; on an error that is not a refusal, returns what was
/// done before it with the error.
pub fn sync(outbox: &Outbox, lrs: &Lrs) -> Result<Synced, (Synced, LrsError)> {
    let mut done = Synced::default();
    let waiting = outbox.waiting();
    let stop = |mut done: Synced, error| {
        done.waiting = outbox.waiting().len();
        Err((done, error))
    };
    for batch in waiting.chunks(BATCH) {
        match lrs.send(batch) {
            Ok(()) => {
                let ids: Vec<String> = batch.iter().map(|s| s.id.clone()).collect();
                if let Err(e) = outbox.mark_sent(&ids) {
                    return stop(done, LrsError::Unreachable(format!("the outbox could not be updated: {e}")));
                }
                done.sent += batch.len();
            }
            Err(LrsError::Refused { .. }) => {
                for statement in batch {
                    match lrs.send(std::slice::from_ref(statement)) {
                        Ok(()) => {
                            let _ = outbox.mark_sent(std::slice::from_ref(&statement.id));
                            done.sent += 1;
                        }
                        Err(LrsError::Refused { status, reason }) => {
                            let _ = outbox.reject(statement, &format!("HTTP {status}: {reason}"));
                            done.rejected += 1;
                        }
                        Err(other) => return stop(done, other),
                    }
                }
            }
            Err(other) => return stop(done, other),
        }
    }
    done.waiting = outbox.waiting().len();
    Ok(done)
}

/// Queues the statements of every play kept that are not sent yet (a play saved while
/// no LRS was set up, or while the outbox could not be written, is queued now);
/// returns how many were new.
pub fn queue_plays(
    outbox: &Outbox,
    store: &boundaries_core::play::RecordStore,
    library: &boundaries_core::library::Library,
    catalogues: &boundaries_core::catalogues::Catalogues,
    who: &boundaries_core::xapi::Identity,
) -> usize {
    let Ok(entries) = store.list() else { return 0 };
    entries
        .into_iter()
        .filter_map(|(_, record)| record.ok())
        .map(|record| {
            let scenario = library.get(&record.scenario).map(|l| l.scenario.clone());
            let statements = boundaries_core::xapi::statements(&record, scenario.as_deref(), catalogues, who);
            outbox.queue(&statements).unwrap_or(0)
        })
        .sum()
}

/// What a trainer or player is told about sending: how many plays wait, and the last
/// error in words; none when everything has been sent.
pub fn waiting_words(plays_waiting: usize, error: Option<&LrsError>) -> Option<String> {
    let plays = if plays_waiting == 1 { "1 play is".to_owned() } else { format!("{plays_waiting} plays are") };
    match (plays_waiting, error) {
        (0, None) => None,
        (_, None) => Some(format!("{plays} waiting to send to your organisation's records.")),
        (_, Some(error)) => Some(format!("{plays} waiting to send to your organisation's records. Last try: {error}.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_waiting_line_says_how_many_plays_and_the_last_error() {
        assert_eq!(waiting_words(0, None), None);
        assert_eq!(
            waiting_words(1, None).as_deref(),
            Some("1 play is waiting to send to your organisation's records.")
        );
        let error = LrsError::Unreachable("connection refused".into());
        assert_eq!(
            waiting_words(2, Some(&error)).as_deref(),
            Some(
                "2 plays are waiting to send to your organisation's records. Last try: the learning record store cannot be reached: connection refused."
            )
        );
    }
}
