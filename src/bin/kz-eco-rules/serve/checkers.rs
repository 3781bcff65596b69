//! The threads that check: a fixed set (one per core by default) taking the
//! admitted requests' work — parse, rules, report, JSON — in the order it came.
//!
//! The connection tasks (tokio) only read heads and bodies and write answers, so
//! they stay quick to run: a request is read and counted against the
//! concurrency limit as soon as it arrives, and waits *here*, holding its
//! permit, for a checker. Checking on the tokio workers instead left requests
//! waiting unread in the runtime's queue, where the limit could not see them
//! (DESIGN.md, "HTTP service").
//!
//! ```text
//! let answer = st.checkers.run(move || validate_json(&text, &options)).await;
//! ```

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send>;

/// The checking threads and their first-in, first-out queue of work.
pub struct Checkers {
    queue: Mutex<Queue>,
    ready: Condvar,
}

/// The work waiting, and how many threads wait for it: a job is signalled only
/// to a thread that sleeps (a signal costs a system call even when none does,
/// and under load none does).
#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    sleeping: usize,
}

impl Checkers {
    /// Starts `threads` checking threads (at least one).
    pub fn start(threads: usize) -> std::io::Result<Arc<Checkers>> {
        let checkers = Arc::new(Checkers {
            queue: Mutex::default(),
            ready: Condvar::new(),
        });
        for i in 0..threads.max(1) {
            let c = checkers.clone();
            std::thread::Builder::new()
                .name(format!("kz-check-{i}"))
                .spawn(move || c.work())?;
        }
        Ok(checkers)
    }

    /// Runs `f` on a checking thread and waits for its result; `None` if it
    /// panicked (the thread goes on with the next job).
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        let (tx, rx) = oneshot::channel();
        let job: Job = Box::new(move || {
            // A request that timed out or whose client left is not checked.
            if !tx.is_closed() {
                if let Ok(value) = catch_unwind(AssertUnwindSafe(f)) {
                    let _ = tx.send(value);
                }
            }
        });
        let sleeping = {
            let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
            queue.jobs.push_back(job);
            queue.sleeping
        };
        if sleeping > 0 {
            self.ready.notify_one();
        }
        rx.await.ok()
    }

    fn work(&self) {
        loop {
            let job = {
                let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
                loop {
                    match queue.jobs.pop_front() {
                        Some(job) => break job,
                        None => {
                            queue.sleeping += 1;
                            queue = self
                                .ready
                                .wait(queue)
                                .unwrap_or_else(PoisonError::into_inner);
                            queue.sleeping -= 1;
                        }
                    }
                }
            };
            job();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_run_and_a_panic_is_an_absent_result() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let checkers = Checkers::start(1).unwrap();
        rt.block_on(async {
            assert_eq!(checkers.run(|| 2 + 2).await, Some(4));
            assert_eq!(checkers.run(|| -> u8 { panic!("a bug") }).await, None);
            // The thread survived its job's panic.
            assert_eq!(checkers.run(|| "still here").await, Some("still here"));
        });
    }
}
