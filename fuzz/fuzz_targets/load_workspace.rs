//! Any bytes as a workspace file: loading never panics; a loaded workspace
//! survives save + load unchanged; an error names the file.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tertial::storage::{from_ron_bytes, from_ron_str, to_ron_string};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.ron");
    match from_ron_bytes(data, path) {
        Ok(ws) => {
            let text = to_ron_string(&ws)
                .unwrap_or_else(|e| panic!("a loaded workspace cannot be saved: {e}"));
            let back = from_ron_str(&text, path)
                .unwrap_or_else(|e| panic!("a saved workspace cannot be loaded: {e}\n{text}"));
            assert!(back == ws, "save + load changed the workspace:\n{text}");
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.is_empty(), "empty load error: {e:?}");
            assert!(
                msg.contains("fuzz.ron"),
                "load error without the file name: {msg}"
            );
        }
    }
});
