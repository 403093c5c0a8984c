//! Saves survive being killed. A child process saves a large workspace in
//! a loop, alternating between two versions; the parent kills it
//! (SIGKILL on Unix, TerminateProcess on Windows) at a random moment, then
//! checks that the file is exactly one of the two versions (and loads as
//! it), never a mix, a truncated file or nothing. Likewise the `.bak`.
//!
//! Own `main` (harness = false): the same binary is the parent and, with
//! `TERTIAL_KILL_CHILD` set, the child.
//!
//! `TERTIAL_KILLS` sets the number of kills (default 1000).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tertial::domain::{FreeText, Workspace};
use tertial::storage;

const CHILD_ENV: &str = "TERTIAL_KILL_CHILD";

/// Two versions of a large workspace: the 2020 sample with long texts
/// added, differing in every text so a mix would show.
fn versions() -> (Workspace, Workspace) {
    let base = tertial::samples::built_in().expect("built-in sample");
    let make = |tag: &str| {
        let mut ws = base.clone();
        ws.report.title = format!("Version {tag}");
        for i in 0..120 {
            ws.texts.push(FreeText {
                title: format!("Avsnitt {i} ({tag})"),
                body: format!("Version {tag}, stycke {i}. ")
                    .repeat(80)
                    .replace("stycke", "stycke åäö"),
                bullets: vec![format!("punkt {i} {tag}"); 5],
                ..FreeText::default()
            });
        }
        ws
    };
    (make("A"), make("B"))
}

fn main() {
    if let Some(path) = std::env::var_os(CHILD_ENV) {
        child(Path::new(&path));
        return;
    }
    parent();
}

/// Save A and B in turn until killed. Says "ready" once, before the first
/// save, so the parent's clock starts when saving starts.
fn child(path: &Path) {
    let (a, b) = versions();
    println!("ready");
    let mut turn = false;
    loop {
        let ws = if turn { &a } else { &b };
        if let Err(e) = storage::save(ws, path) {
            eprintln!("save failed: {e}");
            std::process::exit(2);
        }
        turn = !turn;
    }
}

/// xorshift64*: enough randomness for kill moments, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn parent() {
    let kills: u32 = std::env::var("TERTIAL_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("rapport.ron");
    let (a, b) = versions();
    let text_a = storage::to_ron_string(&a).expect("A");
    let text_b = storage::to_ron_string(&b).expect("B");
    assert_ne!(text_a, text_b);
    storage::save(&a, &path).expect("first save");

    // How long one save takes here, to spread the kills over several.
    let t = Instant::now();
    for _ in 0..5 {
        storage::save(&b, &path).expect("timing save");
        storage::save(&a, &path).expect("timing save");
    }
    let save_time = t.elapsed() / 10;
    let window = (save_time * 3).max(Duration::from_millis(2));

    let exe = std::env::current_exe().expect("own path");
    let started = Instant::now();
    let mut seen = [0u32; 2];
    for i in 0..kills {
        let mut child = Command::new(&exe)
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start child");
        let mut line = String::new();
        if let Some(out) = child.stdout.take() {
            BufReader::new(out)
                .read_line(&mut line)
                .expect("child says ready");
        }
        assert_eq!(line.trim(), "ready", "child did not start");
        let wait = Duration::from_micros(rng.next() % window.as_micros().max(1) as u64);
        std::thread::sleep(wait);
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the child stopped by itself ({status}) at kill {i}");
        }
        child.kill().expect("kill");
        child.wait().expect("reap");

        for (what, file) in [
            ("file", path.clone()),
            (".bak", storage::backup_path(&path)),
        ] {
            if what == ".bak" && !file.exists() {
                continue;
            }
            let bytes = std::fs::read(&file)
                .unwrap_or_else(|e| panic!("kill {i} (seed {seed}): {what} unreadable: {e}"));
            let which = if bytes == text_a.as_bytes() {
                0
            } else if bytes == text_b.as_bytes() {
                1
            } else {
                panic!(
                    "kill {i} (seed {seed}): the {what} is neither version ({} bytes)",
                    bytes.len()
                );
            };
            if what == "file" {
                seen[which] += 1;
            }
            // Loading every time would make the test slow; equal bytes
            // load equally, so load in full now and then.
            if i % 100 == 0 {
                let ws = storage::load(&file).expect("loads");
                assert_eq!(&ws, if which == 0 { &a } else { &b });
            }
        }
    }
    let leftovers = std::fs::read_dir(dir.path())
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(
        storage::load(&path).map(|ws| ws == a || ws == b),
        Ok(true),
        "final load"
    );
    println!(
        "kill test: {kills} kills in {:.1} s ({} kB file, one save ≈ {:.1} ms, kills spread over \
         {:.1} ms); the file was version A/B {}/{} times, never anything else; {leftovers} \
         temporary files left by killed saves (the next save removes those older than a minute); seed {seed}",
        started.elapsed().as_secs_f64(),
        text_a.len() / 1024,
        save_time.as_secs_f64() * 1e3,
        window.as_secs_f64() * 1e3,
        seen[0],
        seen[1],
    );
}
