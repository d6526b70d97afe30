//! Work off the caller's thread: a [`Job`] runs a closure (a guidance load, the scenarios, an
//! analysis, a diff, the log and its statistics) on a thread of its own, and the caller polls
//! for the result without ever blocking, so that a folder on a hung network share, or a FIFO
//! in it, stops the job but never the screen that waits for it.
//!
//! ```
//! let mut job = arvio::worker::Job::spawn("sum", || (1..=10).sum::<u32>());
//! let result = loop {
//!     match job.poll() {
//!         arvio::worker::Poll::Pending => std::thread::yield_now(),
//!         arvio::worker::Poll::Done(n) => break n,
//!         arvio::worker::Poll::Failed(e) => panic!("{e}"),
//!     }
//! };
//! assert_eq!(result, 55);
//! ```
//!
//! A job nobody waits for any more is dropped: its thread ends when its closure returns, and
//! its result is thrown away (a thread stuck in a read cannot be stopped, only forgotten).

use std::sync::mpsc::{self, Receiver, TryRecvError};

/// A closure running on its own thread.
pub struct Job<T> {
    rx: Option<Receiver<T>>,
}

/// What [`Job::poll`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Poll<T> {
    /// Still running.
    Pending,
    /// Finished with this result (given once; polling again gives [`Poll::Failed`]).
    Done(T),
    /// The job panicked, or its result was taken already, or its thread could not be started.
    Failed(String),
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread named `arvio-<name>`.
    pub fn spawn(name: &str, work: impl FnOnce() -> T + Send + 'static) -> Job<T> {
        let (tx, rx) = mpsc::channel();
        let started = std::thread::Builder::new()
            .name(format!("arvio-{name}"))
            .spawn(move || {
                // The receiver may be gone (nobody waits any more): nothing to do then.
                let _ = tx.send(work());
            });
        Job {
            rx: started.ok().map(|_| rx),
        }
    }

    /// The result if the job has finished, without waiting.
    pub fn poll(&mut self) -> Poll<T> {
        let Some(rx) = &self.rx else {
            return Poll::Failed("the job has no result (taken, or never started)".into());
        };
        match rx.try_recv() {
            Ok(result) => {
                self.rx = None;
                Poll::Done(result)
            }
            Err(TryRecvError::Empty) => Poll::Pending,
            Err(TryRecvError::Disconnected) => {
                self.rx = None;
                Poll::Failed("the job stopped without a result (it panicked)".into())
            }
        }
    }

    /// Waits at most `limit` for the result (for tests and the command line, never the UI).
    pub fn wait_for(&mut self, limit: std::time::Duration) -> Poll<T> {
        let Some(rx) = &self.rx else {
            return self.poll();
        };
        match rx.recv_timeout(limit) {
            Ok(result) => {
                self.rx = None;
                Poll::Done(result)
            }
            Err(mpsc::RecvTimeoutError::Timeout) => Poll::Pending,
            Err(mpsc::RecvTimeoutError::Disconnected) => self.poll(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn a_result_is_given_once() {
        let mut job = Job::spawn("t", || 7);
        assert_eq!(job.wait_for(Duration::from_secs(5)), Poll::Done(7));
        assert!(matches!(job.poll(), Poll::Failed(_)));
    }

    #[test]
    fn a_panicking_job_fails_without_taking_the_caller_down() {
        let mut job: Job<u8> = Job::spawn("t", || panic!("boom"));
        let polled = job.wait_for(Duration::from_secs(5));
        assert!(matches!(polled, Poll::Failed(_)), "{polled:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_job_stuck_on_a_fifo_never_blocks_the_poller() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("hung-share.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo is needed");
        // A plain blocking read, as of a file on a hung network share.
        let path = fifo.clone();
        let mut job = Job::spawn("stuck", move || std::fs::read(&path).map(|b| b.len()));
        let start = Instant::now();
        for _ in 0..100 {
            assert!(matches!(job.poll(), Poll::Pending));
        }
        assert!(start.elapsed() < Duration::from_millis(100), "polls block");
        // The share comes back: a writer opens and closes the FIFO, the read ends.
        drop(std::fs::OpenOptions::new().write(true).open(&fifo).unwrap());
        let polled = job.wait_for(Duration::from_secs(5));
        assert!(matches!(polled, Poll::Done(Ok(0))), "{polled:?}");
    }
}
