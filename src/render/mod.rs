//! Briefs as documents others read: Markdown and self-contained HTML, rendered from the one
//! typed [`crate::engine::brief::Brief`]. User text is always escaped for the medium.

mod html;
mod markdown;
mod outline;
mod words;

pub use html::brief_html;
pub use markdown::brief_markdown;
