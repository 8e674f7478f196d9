//! The brief as one self-contained HTML page: styles inline, no scripts, no outside resources,
//! laid out to print on as few pages as possible. Every user text is escaped.

use html_escape::encode_text;

use super::outline::{BriefOutline, OutlineLine, OutlineSpan, outline};
use crate::engine::brief::Brief;

const STYLE: &str = "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#17202a;max-width:820px;margin:24px auto;padding:0 16px}\
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 6px;border-bottom:1px solid #dde2e8;padding-bottom:2px}\
h3{font-size:14px;margin:10px 0 4px}ul{margin:0;padding-left:18px}li{margin:2px 0}.sub{color:#5b6877;margin:0 0 8px}\
.muted{color:#5b6877}strong{font-weight:600}.good{color:#1e6b3a}.warning{color:#8a5300}.alarm{color:#a12622}\
@media print{body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid}li,h3{break-inside:avoid}}";

fn line(l: &OutlineLine) -> String {
    l.0.iter()
        .map(|s| match s {
            OutlineSpan::Text(t) => encode_text(t).into_owned(),
            OutlineSpan::Strong(t) => format!("<strong>{}</strong>", encode_text(t)),
            OutlineSpan::Muted(t) => format!("<span class=\"muted\">{}</span>", encode_text(t)),
            OutlineSpan::Good(t) => format!("<span class=\"good\">{}</span>", encode_text(t)),
            OutlineSpan::Warning(t) => format!("<strong class=\"warning\">{}</strong>", encode_text(t)),
            OutlineSpan::Alarm(t) => format!("<strong class=\"alarm\">{}</strong>", encode_text(t)),
        })
        .collect()
}

pub fn brief_html(brief: &Brief, your_zone: &str) -> String {
    page(&outline(brief, your_zone), STYLE)
}

/// An outline as a standalone page with the stylesheet `style`: every user text escaped, no
/// script, nothing fetched from elsewhere (its own policy says so).
pub(super) fn page(o: &BriefOutline, style: &str) -> String {
    let mut body =
        format!("<h1>{}</h1>\n<p class=\"sub\">{}</p>\n", encode_text(&o.title), encode_text(&o.subtitle));
    for s in &o.sections {
        body.push_str(&format!("<h2>{}</h2>\n", encode_text(&s.title)));
        for g in &s.groups {
            if let Some(title) = &g.title {
                body.push_str(&format!("<h3>{}</h3>\n", encode_text(title)));
            }
            body.push_str("<ul>\n");
            for l in &g.lines {
                body.push_str(&format!("<li>{}</li>\n", line(l)));
            }
            body.push_str("</ul>\n");
        }
    }
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        encode_text(&o.title)
    )
}
