//! The file system under every read and write tertial does: reads bounded
//! by the bytes actually read (not the size the file system reports) that
//! refuse FIFOs, devices and folders before reading; writes that follow a
//! symlink to its target, refuse anything but a regular file, write a
//! randomly named temporary created new beside the target, keep the
//! target's permissions and replace it in one rename, or, for outputs
//! that must never replace a file, are put in place only if the name is
//! still free (checked by the rename itself, not before it).

use std::fs::{self, Metadata, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::SaveError;

/// At most this many symlinks are followed from a path to its target (as
/// Linux's own limit), so a loop of links is an error, not a hang.
const MAX_LINKS: usize = 40;

/// Temporaries are `.tertial-XXXXXX.tmp`: short, so a file whose name is
/// near the 255-byte limit still has room for its temporary.
const TMP_PREFIX: &str = ".tertial-";
const TMP_SUFFIX: &str = ".tmp";
const TMP_RANDOM: usize = 6;

/// Why a bounded read failed.
#[derive(Debug)]
pub(crate) enum ReadFault {
    Io(io::Error),
    IsDirectory,
    /// A FIFO, device or socket: reading it could block or never end.
    NotRegular(&'static str),
    /// More than the limit: the size reported, or the bytes read.
    TooLarge(u64),
}

impl ReadFault {
    /// Why the file could not be read, in Swedish, without its name: for
    /// messages that name the file their own way.
    pub(crate) fn reason(&self) -> String {
        match self {
            ReadFault::Io(e) => match e.kind() {
                io::ErrorKind::NotFound => "filen finns inte".into(),
                io::ErrorKind::PermissionDenied => "behörighet saknas".into(),
                _ => e.to_string(),
            },
            ReadFault::IsDirectory => "det är en mapp, inte en fil".into(),
            ReadFault::NotRegular(what) => {
                format!("det är {what}, inte en vanlig fil, och läses inte")
            }
            ReadFault::TooLarge(size) => {
                format!("filen är för stor ({} MB)", size.div_ceil(1024 * 1024))
            }
        }
    }
}

/// What a file that is not a regular file is, in Swedish ("en mapp"), or
/// `None` for a regular file.
pub(crate) fn special_kind(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("en mapp");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("en namngiven rörledning (FIFO)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("en enhetsfil");
        }
        if t.is_socket() {
            return Some("en socket");
        }
    }
    Some("ingen vanlig fil")
}

/// Opens `path` for reading if it is a regular file. On unix the file is
/// opened without blocking (a FIFO would otherwise wait for a writer
/// forever) and its type is checked on the open file, so a file swapped
/// after the first look is caught too.
fn open_regular(path: &Path) -> Result<(fs::File, Metadata), ReadFault> {
    // A first look by name: a folder cannot be opened on every platform,
    // and says so better this way.
    let meta = fs::metadata(path).map_err(ReadFault::Io)?;
    if meta.is_dir() {
        return Err(ReadFault::IsDirectory);
    }
    if let Some(what) = special_kind(&meta) {
        return Err(ReadFault::NotRegular(what));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(ReadFault::Io)?;
    let meta = file.metadata().map_err(ReadFault::Io)?;
    if meta.is_dir() {
        return Err(ReadFault::IsDirectory);
    }
    if let Some(what) = special_kind(&meta) {
        return Err(ReadFault::NotRegular(what));
    }
    Ok((file, meta))
}

/// The whole of the regular file at `path`, if it holds at most `limit`
/// bytes. At most `limit + 1` bytes are ever read, whatever size the file
/// system reports.
pub(crate) fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFault> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(ReadFault::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadFault::Io)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(ReadFault::TooLarge(read.max(meta.len())));
    }
    Ok(bytes)
}

/// Feeds at most `limit + 1` bytes of the regular file at `path` to
/// `consume`, in pieces; returns how many were read.
pub(crate) fn read_chunks(
    path: &Path,
    limit: u64,
    mut consume: impl FnMut(&[u8]),
) -> Result<u64, ReadFault> {
    let (file, _) = open_regular(path)?;
    let mut reader = file.take(limit.saturating_add(1));
    let mut buf = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return Ok(total),
            Ok(n) => {
                consume(&buf[..n]);
                total += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(ReadFault::Io(e)),
        }
    }
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Where writing to `path` really goes: symlinks followed, link by link,
/// to the final target. The target need not exist yet (a link to a file
/// not yet written); a loop of links is an error.
pub(crate) fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&at)?;
                at = if link.is_absolute() {
                    link
                } else {
                    at.parent().unwrap_or_else(|| Path::new("")).join(link)
                };
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other(
        "för många symboliska länkar i rad (en slinga av länkar?)",
    ))
}

/// A failed write as a [`SaveError`] naming the user's `path`.
/// The commonest reasons are said in Swedish; others keep the system's words.
fn io_error(path: &Path, e: io::Error) -> SaveError {
    let message = match e.kind() {
        io::ErrorKind::PermissionDenied => "behörighet saknas".into(),
        io::ErrorKind::NotFound => "sökvägen finns inte".into(),
        io::ErrorKind::NotADirectory => "en del av sökvägen är en fil, inte en mapp".into(),
        io::ErrorKind::ReadOnlyFilesystem => "enheten är skrivskyddad".into(),
        io::ErrorKind::StorageFull => "disken är full".into(),
        _ => e.to_string(),
    };
    SaveError::Io {
        path: path.to_path_buf(),
        message,
        source: Some(e.into()),
    }
}

/// How a finished temporary is put in place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Put {
    /// Replace whatever file has the name.
    Replace,
    /// Only if the name is free; refused otherwise.
    New,
}

/// Writes `bytes` to a new temporary beside `target` with the owner and
/// permissions of `old` (the file it replaces; a new file's defaults
/// without one), flushes it to disk and puts it at `target`.
fn write_via_temporary(
    target: &Path,
    bytes: &[u8],
    old: Option<&Metadata>,
    put: Put,
    shown: &Path,
) -> Result<(), SaveError> {
    let dir = folder_of(target);
    // tempfile picks the random name and retries on a taken one; the file
    // is opened here, create-new (O_EXCL: a planted link or file at the
    // name is an error, never followed or reused), so its errors are the
    // operating system's own, without the temporary's name tempfile adds.
    // A new file gets what `File::create` would give it (0666 less the
    // umask). In place of an existing file it starts owner-only and gets
    // that file's mode before any byte is written, so no one can open a
    // private file's replacement in the meantime.
    #[cfg(unix)]
    let create_mode = if old.is_some() { 0o600 } else { 0o666 };
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .suffix(TMP_SUFFIX)
        .rand_bytes(TMP_RANDOM)
        .make_in(&dir, |name| {
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(create_mode);
            }
            options.open(name)
        })
        .map_err(|e| io_error(shown, e))?;
    let written = (|| {
        if let Some(old) = old {
            #[cfg(unix)]
            {
                // The owner and group too, where allowed (a shared folder's
                // group); otherwise the file is the saver's, as any new file.
                use std::os::unix::fs::MetadataExt;
                let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(old.uid()), Some(old.gid()));
            }
            tmp.as_file().set_permissions(old.permissions())?;
        }
        tmp.as_file_mut().write_all(bytes)?;
        tmp.as_file().sync_all()
    })();
    written.map_err(|e| io_error(shown, e))?;
    // On failure the temporary is removed when the error is dropped.
    match put {
        Put::Replace => tmp.persist(target).map(drop),
        Put::New => tmp.persist_noclobber(target).map(drop),
    }
    .map_err(|e| {
        if put == Put::New && e.error.kind() == io::ErrorKind::AlreadyExists {
            SaveError::Exists {
                path: shown.to_path_buf(),
            }
        } else {
            io_error(shown, e.error)
        }
    })?;
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(&dir) {
        // Make the rename itself durable; not possible on every platform.
        let _ = d.sync_all();
    }
    Ok(())
}

/// What `path` leads to, for a write that replaces it: its target after
/// symlinks, and the target's metadata if it exists. A target that is not
/// a regular file is refused.
pub(crate) fn existing_target(path: &Path) -> Result<(PathBuf, Option<Metadata>), SaveError> {
    let target = resolve_links(path).map_err(|e| io_error(path, e))?;
    match fs::metadata(&target) {
        Ok(meta) => match special_kind(&meta) {
            Some(what) => Err(SaveError::NotRegular {
                path: path.to_path_buf(),
                what,
            }),
            None => Ok((target, Some(meta))),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok((target, None)),
        Err(e) => Err(io_error(path, e)),
    }
}

/// Replaces the file `path` leads to with `bytes` atomically: a symlink is
/// followed and stays a link, and its target gets the new content, with
/// the temporary beside the target; the file's permissions are kept. A
/// folder, FIFO or device is refused.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let (target, old) = existing_target(path)?;
    replace(&target, old.as_ref(), bytes, path)
}

/// Replaces `target` (a regular file, or none yet; see [`existing_target`])
/// with `bytes`, keeping the permissions in `old`. Errors name `shown`,
/// the path the user gave.
pub(crate) fn replace(
    target: &Path,
    old: Option<&Metadata>,
    bytes: &[u8],
    shown: &Path,
) -> Result<(), SaveError> {
    write_via_temporary(target, bytes, old, Put::Replace, shown)?;
    remove_stale_temporaries(&folder_of(target), target);
    Ok(())
}

/// Writes `bytes` as the file kept beside `target`, named `backup` (its
/// `.bak`), with the owner and permissions of `old`. A symlink at the
/// backup's name is replaced, never followed: the copy of the old file
/// lands where the user expects it, and a planted link cannot send it
/// elsewhere.
pub(crate) fn write_backup(
    backup: &Path,
    bytes: &[u8],
    old: Option<&Metadata>,
) -> Result<(), SaveError> {
    match fs::symlink_metadata(backup) {
        Ok(meta) if !meta.file_type().is_symlink() => {
            if let Some(what) = special_kind(&meta) {
                return Err(SaveError::NotRegular {
                    path: backup.to_path_buf(),
                    what,
                });
            }
        }
        _ => {}
    }
    write_via_temporary(backup, bytes, old, Put::Replace, backup)
}

/// Writes `bytes` at `path` only if nothing has that name: the temporary
/// is put there by a rename (or link) that fails on an existing name, so
/// of two programs writing the same new file at once exactly one succeeds
/// and the other gets [`SaveError::Exists`]. A symlink at `path` counts as
/// existing and is not followed.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(SaveError::Exists {
            path: path.to_path_buf(),
        });
    }
    write_via_temporary(path, bytes, None, Put::New, path)?;
    remove_stale_temporaries(&folder_of(path), path);
    Ok(())
}

/// Whether `file_name` is a temporary of this tertial
/// (`.tertial-XXXXXX.tmp`) or of an older one (`.NAME.PID.tmp`, where NAME
/// is the file it was saving).
fn is_our_temporary(file_name: &str, saving: &str) -> bool {
    if let Some(middle) = file_name
        .strip_prefix(TMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TMP_SUFFIX))
    {
        return middle.len() == TMP_RANDOM && middle.bytes().all(|b| b.is_ascii_alphanumeric());
    }
    let legacy = format!(".{saving}.");
    file_name
        .strip_prefix(&legacy)
        .and_then(|rest| rest.strip_suffix(TMP_SUFFIX))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// A save that is killed mid-write leaves its temporary beside the file,
/// which it never touched. The next save in that folder removes the
/// temporaries (regular files only) that are older than a minute, so a
/// save in progress in another program is never disturbed.
fn remove_stale_temporaries(dir: &Path, saved: &Path) {
    const STALE: std::time::Duration = std::time::Duration::from_secs(60);
    let saving = saved
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        if !is_our_temporary(&file_name.to_string_lossy(), &saving) {
            continue;
        }
        // `DirEntry::metadata` does not follow a link: only files go.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if meta.is_file() && old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_are_told_apart_from_other_files() {
        assert!(is_our_temporary(".tertial-aB3xY9.tmp", "r.ron"));
        assert!(is_our_temporary(".r.ron.4242.tmp", "r.ron"));
        assert!(!is_our_temporary(".tertial-aB3xY9x.tmp", "r.ron"));
        assert!(!is_our_temporary(".tertial-a-3xY9.tmp", "r.ron"));
        assert!(!is_our_temporary(".annan.ron.4242.tmp", "r.ron"));
        assert!(!is_our_temporary(".r.ron..tmp", "r.ron"));
        assert!(!is_our_temporary("r.ron", "r.ron"));
    }

    #[test]
    fn links_are_followed_to_a_target_that_may_not_exist_yet() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("ny.ron");
        let link = dir.path().join("länk.ron");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("ny.ron", &link).expect("symlink");
            assert_eq!(resolve_links(&link).expect("resolve"), target);
            let a = dir.path().join("a");
            let b = dir.path().join("b");
            std::os::unix::fs::symlink(&b, &a).expect("a");
            std::os::unix::fs::symlink(&a, &b).expect("b");
            assert!(resolve_links(&a).is_err(), "a loop of links");
        }
        assert_eq!(resolve_links(&target).expect("plain"), target);
    }

    #[test]
    fn bounded_reads_stop_at_the_limit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f");
        fs::write(&path, b"0123456789").expect("write");
        assert_eq!(read_bounded(&path, 10).expect("fits"), b"0123456789");
        assert!(matches!(
            read_bounded(&path, 9),
            Err(ReadFault::TooLarge(10))
        ));
        assert!(matches!(
            read_bounded(dir.path(), 9),
            Err(ReadFault::IsDirectory)
        ));
        let mut seen = Vec::new();
        let n = read_chunks(&path, 3, |c| seen.extend_from_slice(c)).expect("chunks");
        assert_eq!((n, seen.as_slice()), (4, &b"0123"[..]));
    }
}
