//! Standard output for the commands that stream records, and the exit status.

use super::pipeline::{End, Flow};
use super::report::Report;
use super::signals;
use std::io::{self, BufWriter, Write};

/// The exit status of a run: 130 interrupted, 1 when something failed, else 0.
pub fn finish_status(end: End, failed: bool) -> u8 {
    if end == End::Interrupted {
        eprintln!("folio: interrupted; no partial output file was left");
        signals::INTERRUPTED_STATUS
    } else {
        u8::from(failed)
    }
}

/// Buffered standard output that ends quietly when the reader goes away (`| head`).
pub struct Stdout {
    out: BufWriter<io::StdoutLock<'static>>,
    /// Set when writing failed for a reason other than a closed pipe.
    broken: bool,
}

impl Stdout {
    pub fn new() -> Stdout {
        Stdout {
            out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            broken: false,
        }
    }

    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    /// Reports a write error (a closed pipe silently) and stops the run.
    pub fn fail(&mut self, report: &mut Report, e: &io::Error) -> Flow {
        if e.kind() != io::ErrorKind::BrokenPipe {
            self.broken = true;
            report.err_line(&format!("folio: cannot write to standard output: {e}"));
        }
        Flow::Stop
    }

    /// Flushes; false if that failed for a reason other than a closed pipe.
    pub fn flush(&mut self, report: &mut Report) -> bool {
        if let Err(e) = self.out.flush() {
            let _ = self.fail(report, &e);
        }
        !self.broken
    }
}
