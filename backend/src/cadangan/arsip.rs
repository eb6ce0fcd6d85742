//! The archive: a gzip-compressed POSIX tar (ustar) stream, readable with `tar -xzf`, written
//! and read entry by entry so nothing is held in memory. Each entry's SHA-256 is computed while
//! it is copied; the manifest, the last entry, lists them.
//!
//! Hand-written rather than a crate: ustar is a 512-byte header per entry (POSIX.1-1988,
//! "pax" in POSIX.1-2001 describes the format), and the reader must refuse damage instead of
//! skipping it, which a small reader here does plainly.

use std::io::{self, Read, Write};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

const BLOCK: usize = 512;
/// The largest size the 11 octal digits of a ustar header hold (8 GiB − 1); larger sizes use
/// the base-256 form GNU tar reads and writes.
const OCTAL_MAX: u64 = 0o77_777_777_777;

/// What the archive holds, written last: a truncated archive has none, and a changed entry no
/// longer matches its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    pub format_version: u32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub app_version: String,
    /// `sqlite` or `postgres`.
    pub database: String,
    /// The last applied migration.
    pub schema_version: String,
    /// The audit chain's last event when the database was copied.
    pub audit_head: AuditHead,
    /// Rows per table in the copied database.
    pub tables: std::collections::BTreeMap<String, i64>,
    /// Every other entry of the archive, in order.
    pub entries: Vec<Entry>,
    /// Files the database refers to that were not in the upload folder when it was copied.
    #[serde(default)]
    pub missing_files: Vec<String>,
}

pub const FORMAT: &str = "kinerja-backup";
pub const FORMAT_VERSION: u32 = 1;
pub const MANIFEST: &str = "manifest.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditHead {
    pub events: i64,
    /// `None` for an empty chain.
    pub seq: Option<i64>,
    pub hash: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// Writes a `Read` into `W` while hashing it.
fn copy_hashed(from: &mut impl Read, to: &mut impl Write) -> io::Result<(u64, String)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0_u8; 64 * 1024];
    let mut total = 0_u64;
    loop {
        let n = from.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        to.write_all(&buf[..n])?;
        total += n as u64;
    }
    Ok((total, hex(&hasher.finalize())))
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// SHA-256 of a file on disk.
///
/// # Errors
/// When it cannot be read.
pub fn sha256_file(path: &std::path::Path) -> io::Result<(u64, String)> {
    let mut file = std::fs::File::open(path)?;
    copy_hashed(&mut file, &mut io::sink())
}

/// A tar stream being written.
pub struct TarWriter<W: Write> {
    out: W,
    mtime: u64,
}

impl<W: Write> TarWriter<W> {
    pub fn new(out: W, mtime: u64) -> Self {
        Self { out, mtime }
    }

    /// Appends a regular file of exactly `size` bytes read from `data`; returns its hash.
    ///
    /// # Errors
    /// I/O failures, a name that does not fit a ustar header, or `data` not of `size` bytes
    /// (a file that changed while it was copied).
    pub fn append(&mut self, path: &str, size: u64, data: &mut impl Read) -> io::Result<Entry> {
        self.out.write_all(&header(path, size, self.mtime)?)?;
        let (written, sha256) = copy_hashed(&mut data.take(size), &mut self.out)?;
        if written != size {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("{path} changed size while it was copied"),
            ));
        }
        pad(&mut self.out, size)?;
        Ok(Entry {
            path: path.to_owned(),
            size,
            sha256,
        })
    }

    /// Writes the end-of-archive marker and returns the inner writer.
    ///
    /// # Errors
    /// I/O failures.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(&[0_u8; BLOCK * 2])?;
        self.out.flush()?;
        Ok(self.out)
    }
}

fn pad(out: &mut impl Write, size: u64) -> io::Result<()> {
    let rest = (size % BLOCK as u64) as usize;
    if rest != 0 {
        out.write_all(&vec![0_u8; BLOCK - rest])?;
    }
    Ok(())
}

fn invalid(message: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.into())
}

/// A ustar header for a regular file.
fn header(path: &str, size: u64, mtime: u64) -> io::Result<[u8; BLOCK]> {
    let mut h = [0_u8; BLOCK];
    let bytes = path.as_bytes();
    // Names longer than 100 bytes are split at a '/' into the 155-byte prefix field.
    if bytes.len() <= 100 {
        h[..bytes.len()].copy_from_slice(bytes);
    } else {
        let split = (0..bytes.len())
            .rev()
            .find(|&i| bytes[i] == b'/' && i <= 155 && bytes.len() - i - 1 <= 100)
            .ok_or_else(|| invalid(format!("path too long for the archive: {path}")))?;
        h[345..345 + split].copy_from_slice(&bytes[..split]);
        h[..bytes.len() - split - 1].copy_from_slice(&bytes[split + 1..]);
    }
    octal(&mut h[100..108], 0o644);
    octal(&mut h[108..116], 0);
    octal(&mut h[116..124], 0);
    if size <= OCTAL_MAX {
        octal(&mut h[124..136], size);
    } else {
        h[124] = 0x80;
        h[128..136].copy_from_slice(&size.to_be_bytes());
    }
    octal(&mut h[136..148], mtime);
    h[156] = b'0';
    h[257..263].copy_from_slice(b"ustar\0");
    h[263..265].copy_from_slice(b"00");
    h[148..156].fill(b' ');
    let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
    octal(&mut h[148..155], u64::from(sum));
    h[155] = b' ';
    Ok(h)
}

/// `value` in octal, zero-padded, NUL-terminated, filling `field`.
fn octal(field: &mut [u8], value: u64) {
    let digits = field.len() - 1;
    let text = format!("{value:0digits$o}");
    field[..digits].copy_from_slice(&text.as_bytes()[text.len() - digits..]);
    field[digits] = 0;
}

fn parse_octal(field: &[u8]) -> io::Result<u64> {
    if field.first().is_some_and(|b| b & 0x80 != 0) {
        // Base-256: big-endian in the remaining bytes.
        return Ok(field[1..]
            .iter()
            .fold(0_u64, |acc, &b| (acc << 8) | u64::from(b)));
    }
    let text: String = field
        .iter()
        .take_while(|&&b| b != 0 && b != b' ')
        .map(|&b| char::from(b))
        .collect();
    let text = text.trim_start();
    if text.is_empty() {
        return Ok(0);
    }
    u64::from_str_radix(text, 8).map_err(|_| invalid("a damaged entry header"))
}

/// Reads a tar stream entry by entry; every header's checksum is checked and a stream that
/// ends before the end-of-archive marker is an error, never a shorter archive.
pub struct TarReader<R: Read> {
    input: R,
    /// Bytes of the current entry not yet read, then its padding.
    remaining: u64,
    padding: u64,
    ended: bool,
}

impl<R: Read> TarReader<R> {
    pub fn new(input: R) -> Self {
        Self {
            input,
            remaining: 0,
            padding: 0,
            ended: false,
        }
    }

    /// The stream after the end-of-archive marker.
    pub fn into_inner(self) -> R {
        self.input
    }

    /// The next entry's path and size, or `None` at the end-of-archive marker.
    ///
    /// # Errors
    /// A damaged header, a type other than a regular file, or a stream that stops early.
    pub fn next_entry(&mut self) -> io::Result<Option<(String, u64)>> {
        if self.ended {
            return Ok(None);
        }
        // Skip what the caller did not read of the previous entry.
        let skip = self.remaining + self.padding;
        if skip > 0 {
            let skipped = io::copy(&mut (&mut self.input).take(skip), &mut io::sink())?;
            if skipped != skip {
                return Err(truncated());
            }
            self.remaining = 0;
            self.padding = 0;
        }
        let mut h = [0_u8; BLOCK];
        read_block(&mut self.input, &mut h)?;
        if h.iter().all(|&b| b == 0) {
            read_block(&mut self.input, &mut h)?;
            if h.iter().any(|&b| b != 0) {
                return Err(invalid("a damaged end of archive"));
            }
            self.ended = true;
            return Ok(None);
        }
        let stored = parse_octal(&h[148..156])?;
        let mut copy = h;
        copy[148..156].fill(b' ');
        let sum: u64 = copy.iter().map(|&b| u64::from(b)).sum();
        if sum != stored {
            return Err(invalid("a damaged entry header (checksum)"));
        }
        if h[156] != b'0' && h[156] != 0 {
            return Err(invalid("an entry that is not a regular file"));
        }
        let field = |range: std::ops::Range<usize>| -> String {
            let part = &h[range];
            let end = part.iter().position(|&b| b == 0).unwrap_or(part.len());
            String::from_utf8_lossy(&part[..end]).into_owned()
        };
        let name = field(0..100);
        let prefix = field(345..500);
        let path = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        let size = parse_octal(&h[124..136])?;
        self.remaining = size;
        self.padding = (BLOCK as u64 - size % BLOCK as u64) % BLOCK as u64;
        Ok(Some((path, size)))
    }
}

impl<R: Read> Read for TarReader<R> {
    /// Reads the current entry's content.
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.remaining == 0 {
            return Ok(0);
        }
        let max = buf
            .len()
            .min(usize::try_from(self.remaining).unwrap_or(usize::MAX));
        let n = self.input.read(&mut buf[..max])?;
        if n == 0 {
            return Err(truncated());
        }
        self.remaining -= n as u64;
        Ok(n)
    }
}

fn truncated() -> io::Error {
    io::Error::new(io::ErrorKind::UnexpectedEof, "the archive ends too early")
}

fn read_block(input: &mut impl Read, block: &mut [u8; BLOCK]) -> io::Result<()> {
    input.read_exact(block).map_err(|e| {
        if e.kind() == io::ErrorKind::UnexpectedEof {
            truncated()
        } else {
            e
        }
    })
}

/// Copies the current entry into `to`, returning its size and SHA-256.
///
/// # Errors
/// I/O failures or a stream that stops early.
pub fn copy_entry<R: Read>(
    reader: &mut TarReader<R>,
    to: &mut impl Write,
) -> io::Result<(u64, String)> {
    copy_hashed(reader, to)
}

/// Whether an archive path is safe to join under a folder: relative, normal components only.
pub fn safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != ".." && !c.contains('\0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = TarWriter::new(Vec::new(), 1_700_000_000);
        for (path, data) in entries {
            w.append(path, data.len() as u64, &mut &data[..]).unwrap();
        }
        w.finish().unwrap()
    }

    #[test]
    fn entries_round_trip_with_their_hashes() {
        let long = format!("files/{}/bukti.pdf", "a".repeat(120));
        let bytes = archive(&[("a.txt", b"halo"), (&long, &[7_u8; 1500]), ("empty", b"")]);
        assert_eq!(bytes.len() % BLOCK, 0);
        let mut r = TarReader::new(&bytes[..]);
        let mut seen = Vec::new();
        while let Some((path, size)) = r.next_entry().unwrap() {
            let (n, hash) = copy_entry(&mut r, &mut io::sink()).unwrap();
            assert_eq!(n, size);
            seen.push((path, hash));
        }
        assert_eq!(seen[0].0, "a.txt");
        assert_eq!(seen[0].1, hex(&Sha256::digest(b"halo")));
        assert_eq!(seen[1].0, long);
        assert_eq!(seen[2].0, "empty");
    }

    #[test]
    fn a_truncated_stream_is_an_error_not_a_shorter_archive() {
        let bytes = archive(&[("a", &[1_u8; 3000]), ("b", b"x")]);
        for cut in [100, 600, 2000, bytes.len() - 600, bytes.len() - 1] {
            let mut r = TarReader::new(&bytes[..cut]);
            let result = (|| -> io::Result<()> {
                while r.next_entry()?.is_some() {
                    copy_entry(&mut r, &mut io::sink())?;
                }
                Ok(())
            })();
            assert!(result.is_err(), "cut at {cut} was accepted");
        }
    }

    #[test]
    fn a_changed_header_is_refused() {
        let mut bytes = archive(&[("a", b"halo")]);
        bytes[0] = b'b';
        assert!(TarReader::new(&bytes[..]).next_entry().is_err());
    }

    #[test]
    fn sizes_beyond_eight_gib_use_base_256() {
        let h = header("big", OCTAL_MAX + 1, 0).unwrap();
        assert_eq!(parse_octal(&h[124..136]).unwrap(), OCTAL_MAX + 1);
        let h = header("small", 12345, 0).unwrap();
        assert_eq!(parse_octal(&h[124..136]).unwrap(), 12345);
    }

    #[test]
    fn only_plain_relative_paths_are_safe() {
        assert!(safe_relative("files/keberatan/2026/a.pdf"));
        for bad in ["", "/etc/passwd", "files/../x", "./a", "a//b", "a\\b"] {
            assert!(!safe_relative(bad), "{bad}");
        }
    }
}
