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
