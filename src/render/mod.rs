//! Briefs as documents others read: Markdown and self-contained HTML, rendered from the one
//! typed [`crate::engine::brief::Brief`] through one [`BriefOutline`] — which the screen shows too,
//! so that what the user reads is what they print or save. User text is always escaped for the
//! medium.

mod html;
mod markdown;
mod outline;
mod review;
mod words;

pub use html::brief_html;
pub use markdown::brief_markdown;
pub use outline::{
    BriefOutline, OutlineGroup, OutlineLine, OutlineSection, OutlineSpan, outline as brief_outline,
};
pub use review::{review_html, review_markdown, review_outline};
