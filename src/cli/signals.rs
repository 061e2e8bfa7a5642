//! Ctrl-C (SIGINT, and SIGTERM/SIGHUP) without half-written files. Every output file
//! is written under a temporary name in its own folder and renamed into place when
//! complete ([`AtomicFile`]). The first signal sets a flag: the run stops taking
//! files, work in progress is dropped (its temporary files with it) and `folio` exits
//! with status 130. A second signal removes whatever temporary files remain and exits
//! at once.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// Temporary files being written, for the second signal to remove.
static PENDING: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

/// The exit status after an interrupt (128 + SIGINT), as shells report it.
pub const INTERRUPTED_STATUS: u8 = 130;

/// Installs the handler (once, at start-up).
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            remove_pending_and_exit();
        }
    });
}

/// Whether a stop signal arrived.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

fn pending() -> std::sync::MutexGuard<'static, Option<HashSet<PathBuf>>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Removes the temporary files and exits, holding the list to the end: a file is
/// listed as it is made, under the same lock, so none is made after the removal.
fn remove_pending_and_exit() -> ! {
    let pending = pending();
    for p in pending.iter().flatten() {
        let _ = std::fs::remove_file(p);
    }
    std::process::exit(i32::from(INTERRUPTED_STATUS))
}

/// A file written under a temporary name beside its destination, which appears
/// only by [`AtomicFile::commit`]. Dropped uncommitted (an error, an interrupt), it
/// is removed.
pub struct AtomicFile {
    temp: Option<tempfile::NamedTempFile>,
    dest: PathBuf,
}

impl AtomicFile {
    /// Starts writing `dest`, creating its folders.
    pub fn create(dest: &Path) -> io::Result<AtomicFile> {
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir)?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(".folio-").suffix(".tmp");
        // Readable by others like any file the user writes (the umask still applies),
        // not tempfile's private 0600: pages and archives are made to be shared.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
        // Made and listed under one lock, so that a second signal either finds it
        // listed or has already ended the process.
        let mut pending = pending();
        let temp = builder.tempfile_in(dir)?;
        pending
            .get_or_insert_with(HashSet::new)
            .insert(temp.path().to_path_buf());
        drop(pending);
        Ok(AtomicFile {
            temp: Some(temp),
            dest: dest.to_path_buf(),
        })
    }

    /// The open file, to write to.
    pub fn file(&mut self) -> &mut std::fs::File {
        self.temp
            .as_mut()
            .expect("an AtomicFile is only used before commit")
            .as_file_mut()
    }

    /// Renames the file into place, unless a stop signal arrived (then it is removed).
    pub fn commit(mut self) -> io::Result<()> {
        let temp = self.temp.take().expect("an AtomicFile is committed once");
        let temp_path = temp.path().to_path_buf();
        let result = if interrupted() {
            Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"))
        } else {
            temp.persist(&self.dest).map(|_| ()).map_err(|e| e.error)
        };
        forget(&temp_path);
        result
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file().write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file().flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(temp) = self.temp.take() {
            let path = temp.path().to_path_buf();
            drop(temp); // NamedTempFile removes itself.
            forget(&path);
        }
    }
}

fn forget(temp: &Path) {
    if let Some(set) = pending().as_mut() {
        set.remove(temp);
    }
}
