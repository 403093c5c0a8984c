//! Imports from other programs' files into the workspace. Each import is
//! two steps: read the file into a preview (nothing changes), then apply
//! the preview once the author has confirmed it.

pub mod attendance;
