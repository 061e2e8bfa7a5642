//! The ordered parallel map every command runs on: a producer walks the inputs, a
//! rayon pool does the work, and the calling thread receives the results in input
//! order. At most `window` items are between the producer and the caller at any
//! time (queued, in work, or waiting for an earlier one), so memory stays flat
//! however many files there are, and one slow file holds up the output but never
//! fills memory.

use super::signals;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// What the caller tells the pipeline after each result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// Stop reading input (standard output was closed, say); work in progress ends.
    Stop,
}

/// How the run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Every input was done and handed to the caller.
    Done,
    /// The caller asked to stop.
    Stopped,
    /// Ctrl-C (or SIGTERM, SIGHUP) arrived: no further result was handed over.
    Interrupted,
}

/// Runs `work` over `items` on `pool`, handing each item and its result to `emit`
/// in input order. `work` also sees the stop flag, to give up early on big jobs.
pub fn run<I, T, R, W, E>(pool: &rayon::ThreadPool, items: I, work: W, mut emit: E) -> End
where
    I: Iterator<Item = T> + Send,
    T: Send,
    R: Send,
    W: Fn(&T) -> R + Sync,
    E: FnMut(T, R) -> Flow,
{
    let window = (pool.current_num_threads() * 8).max(32);
    let stop = AtomicBool::new(false);
    let stopped = || stop.load(Ordering::Relaxed) || signals::interrupted();

    // Credits: the producer takes one per item, the caller gives it back once the
    // item is handed over. A bounded semaphore built from a channel.
    let (credit_tx, credit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        let _ = credit_tx.send(());
    }
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, T)>(window);
    let (done_tx, done_rx) = mpsc::channel::<(usize, T, Option<R>)>();

    std::thread::scope(|s| {
        s.spawn(move || {
            for (seq, item) in items.enumerate() {
                if credit_rx.recv().is_err() || stopped() || job_tx.send((seq, item)).is_err() {
                    break;
                }
            }
        });
        let work = &work;
        let stopped = &stopped;
        s.spawn(move || {
            use rayon::iter::{ParallelBridge, ParallelIterator};
            pool.install(|| {
                job_rx
                    .into_iter()
                    .par_bridge()
                    .for_each_with(done_tx, |tx, (seq, item)| {
                        let result = (!stopped()).then(|| work(&item));
                        let _ = tx.send((seq, item, result));
                    });
            });
        });

        let credit_tx = credit_tx;
        let mut next = 0usize;
        let mut waiting: BTreeMap<usize, (T, Option<R>)> = BTreeMap::new();
        let end = loop {
            if signals::interrupted() {
                break End::Interrupted;
            }
            match done_rx.recv_timeout(Duration::from_millis(50)) {
                Ok((seq, item, result)) => {
                    waiting.insert(seq, (item, result));
                }
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => break End::Done,
            }
            let mut flow = Flow::Continue;
            while let Some((item, result)) = waiting.remove(&next) {
                next += 1;
                let _ = credit_tx.send(());
                match result {
                    // Only skipped once stopping began; nothing more is handed over.
                    None => flow = Flow::Stop,
                    Some(r) if flow == Flow::Continue => flow = emit(item, r),
                    Some(_) => {}
                }
            }
            if flow == Flow::Stop {
                break if signals::interrupted() {
                    End::Interrupted
                } else {
                    End::Stopped
                };
            }
        };
        // Let the producer and the workers wind down: no new items, in-flight ones skip.
        stop.store(true, Ordering::Relaxed);
        drop(credit_tx);
        drop(done_rx);
        end
    })
}
