//! The brief in Markdown that reads cleanly raw and renders cleanly in common viewers. User text
//! is escaped so that a `*`, `_`, `[` or `<` in a note stays a character, never formatting.

use super::outline::{BriefOutline, OutlineLine, OutlineSpan, outline};
use crate::engine::brief::Brief;

/// Escapes what Markdown would read as formatting, and folds line breaks into spaces so a note
/// can never start a new block.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn line(l: &OutlineLine) -> String {
    l.0.iter()
        .map(|s| match s {
            OutlineSpan::Text(t) | OutlineSpan::Muted(t) | OutlineSpan::Good(t) => escape(t),
            // Bold ends at the last word: "**When:** ", never "**When: **". A flag that asks for
            // attention is bold on paper, as it is coloured on screen.
            OutlineSpan::Strong(t) | OutlineSpan::Warning(t) | OutlineSpan::Alarm(t) => {
                let word = t.trim_end();
                let space = &t[word.len()..];
                let lead = word.len() - word.trim_start().len();
                format!("{}**{}**{space}", &word[..lead], escape(word.trim_start()))
            }
        })
        .collect()
}

pub fn brief_markdown(brief: &Brief, your_zone: &str) -> String {
    document(&outline(brief, your_zone))
}

/// An outline in Markdown: headings, then a list item per line.
pub(super) fn document(o: &BriefOutline) -> String {
    let mut md = format!("# {}\n\n_{}_\n", escape(&o.title), escape(&o.subtitle));
    for s in &o.sections {
        md.push_str(&format!("\n## {}\n", escape(&s.title)));
        for g in &s.groups {
            if let Some(title) = &g.title {
                md.push_str(&format!("\n### {}\n", escape(title)));
            }
            md.push('\n');
            for l in &g.lines {
                md.push_str(&format!("- {}\n", line(l)));
            }
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_control_characters_in_user_text_stay_characters() {
        assert_eq!(
            escape("*urgent* [link](x) <b> _a_ # h"),
            "\\*urgent\\* \\[link\\](x) \\<b\\> \\_a\\_ \\# h"
        );
        assert_eq!(escape("line one\nline two"), "line one line two");
    }
}
