//! A labelled test mailbox, made from a seed: threads between us and two client accounts with
//! replies and forwards, CC chains mixing clients and colleagues, personal mail, newsletters and
//! colleague-only mail, out-of-office replies, HTML-only and quoted-printable bodies, mail in
//! German, Spanish and Japanese. Each message carries its label: the touches it must become
//! (account and who started its thread), or none.
//!
//! Every subject holds a token: `CLnnnn` for a message that must become a touch, `NCnnnn` for
//! one that must not, so a test can look for either in the database's bytes. Bodies hold a
//! `BODYnnnn` token past the snippet's reach, and attachments an `ATTACHnnnn` name: neither may
//! ever reach the file.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};

pub const US: (&str, &str) = ("Sam Rivera", "sam@rapport-consulting.example");
pub const COLLEAGUES: [(&str, &str); 2] = [
    ("Lea Schmidt", "lea.schmidt@rapport-consulting.example"),
    ("Tom Baker", "tom.baker@rapport-consulting.example"),
];
const FRIENDS: [(&str, &str); 2] = [("Mia", "mia.rivera@gmail.example"), ("Jonas", "jonas@posteo.example")];
const LISTS: [(&str, &str); 3] = [
    ("SaaS Weekly", "hello@news.example"),
    ("Kestrel News", "newsletter@kestrel.example"),
    ("Rapport All Hands", "all@rapport-consulting.example"),
];

/// A client's person: name, main address, another address they are known by.
pub struct Person {
    pub name: &'static str,
    pub email: &'static str,
    pub other: Option<&'static str>,
}

pub struct Client {
    pub account: &'static str,
    pub people: &'static [Person],
    /// de, es or ja: the language of the account's mail.
    pub lang: &'static str,
}

pub const CLIENTS: [Client; 2] = [
    Client {
        account: "Kestrel Logistics",
        lang: "de",
        people: &[
            Person {
                name: "Anna Berg",
                email: "anna.berg@kestrel.example",
                other: Some("A.Berg@Kestrel-Logistics.example"),
            },
            Person { name: "Jürgen Müller", email: "juergen.mueller@kestrel.example", other: None },
            Person { name: "佐藤 健二", email: "kenji.sato@kestrel.example", other: None },
        ],
    },
    Client {
        account: "Alcor Seguros",
        lang: "es",
        people: &[
            Person { name: "Lucía Fernández", email: "lucia.fernandez@alcor.example", other: None },
            Person {
                name: "Diego Martín",
                email: "diego.martin@alcor.example",
                other: Some("dmartin@alcor-seguros.example"),
            },
        ],
    },
];

/// A small seeded generator, so a failing run can be replayed.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Plain,
    QuotedPrintable,
    HtmlOnly,
    Alternative,
    Base64,
    WithAttachment,
}

/// One message and its label.
pub struct Message {
    pub n: usize,
    pub id: String,
    pub date: Option<DateTime<Utc>>,
    pub raw: String,
    pub token: String,
    /// The touches it must become: (account, "us" or "them").
    pub touches: Vec<(&'static str, &'static str)>,
}

type Addr = (&'static str, &'static str);

struct Spec {
    from: Addr,
    to: Vec<Addr>,
    cc: Vec<Addr>,
    subject: String,
    text: String,
    body: Body,
    parent: Option<usize>,
    headers: Vec<String>,
    date: Option<DateTime<Utc>>,
    touches: Vec<(&'static str, &'static str)>,
    forward: bool,
}

pub struct Mailbox {
    pub messages: Vec<Message>,
}

fn person(c: &'static Client, i: usize) -> Addr {
    (c.people[i].name, c.people[i].email)
}

/// What a person of each language writes.
fn words(lang: &str, rng: &mut Lcg) -> (&'static str, &'static str) {
    const DE: [(&str, &str); 3] = [
        (
            "Verlängerung des Rahmenvertrags",
            "Hallo Sam,\n\ndanke für das Angebot. Können Sie uns bis Freitag die Preise für 50 zusätzliche Lizenzen schicken? Die Geschäftsführung möchte Ende des Monats entscheiden.\n",
        ),
        (
            "Schulung für das Lager in Köln",
            "Hallo Sam,\n\nwir möchten die Schulung für das Team in Köln planen. Wäre der Dienstag übernächste Woche möglich? Grüße aus Hamburg.\n",
        ),
        (
            "Störung bei der Anbindung",
            "Hallo Sam,\n\nseit heute Morgen schlägt die Übertragung der Aufträge fehl. Bitte melden Sie sich so bald wie möglich.\n",
        ),
    ];
    const ES: [(&str, &str); 3] = [
        (
            "Propuesta de renovación",
            "Hola Sam:\n\nGracias por la propuesta. El comité de compras se reúne el jueves; te confirmo entonces. ¿Podrías enviarme también el calendario de formación?\n",
        ),
        (
            "Reunión trimestral",
            "Hola Sam:\n\n¿Podemos mover la reunión trimestral al lunes? Diego no puede el miércoles por la mañana.\n",
        ),
        (
            "Dudas sobre la factura",
            "Hola Sam:\n\nLa factura de octubre incluye dos licencias que dimos de baja en septiembre. ¿Puedes revisarlo?\n",
        ),
    ];
    const JA: [(&str, &str); 2] = [
        (
            "見積もりの件",
            "サム様\n\nお世話になっております。来週の打ち合わせの前に、見積もりを送っていただけますでしょうか。\nよろしくお願いいたします。\n",
        ),
        (
            "東京オフィスの導入について",
            "サム様\n\n東京オフィスでの導入スケジュールについてご相談させてください。\n",
        ),
    ];
    match lang {
        "de" => DE[rng.below(DE.len())],
        "es" => ES[rng.below(ES.len())],
        _ => JA[rng.below(JA.len())],
    }
}

impl Mailbox {
    /// About 200 messages from `seed`, in the order they arrived.
    pub fn generate(seed: u64) -> Mailbox {
        let mut rng = Lcg(seed);
        let start: DateTime<Utc> = "2026-08-03T07:00:00Z".parse().unwrap();
        let mut specs: Vec<Spec> = Vec::new();
        let at = |rng: &mut Lcg, day: i64| {
            Some(start + Duration::days(day) + Duration::minutes(rng.below(600) as i64))
        };
        // Threads with a client: who starts, replies both ways, colleagues and other clients copied.
        for t in 0..34 {
            let client = &CLIENTS[t % 2];
            let lead =
                if t % 7 == 6 { 2.min(client.people.len() - 1) } else { rng.below(client.people.len()) };
            let lead = person(client, lead);
            let lang = if lead.1.starts_with("kenji") { "ja" } else { client.lang };
            let (topic, text) = words(lang, &mut rng);
            let day = (t as i64 * 3) % 100;
            let theirs = rng.chance(50);
            let initiator = if theirs { "them" } else { "us" };
            let replies = 1 + rng.below(4);
            let mut parent = None;
            for r in 0..=replies {
                let from_them = theirs == (r % 2 == 0);
                let (from, to) = if from_them { (lead, vec![US]) } else { (US, vec![lead]) };
                let mut cc = Vec::new();
                let mut touches = vec![(client.account, initiator)];
                if rng.chance(30) {
                    cc.push(COLLEAGUES[rng.below(2)]);
                }
                if client.people.len() > 1 && rng.chance(25) {
                    let other = person(client, rng.below(client.people.len()));
                    if other != lead {
                        cc.push(other);
                    }
                }
                // A CC chain that mixes clients: the other account is copied in later (so for it,
                // we started the thread).
                if r > 0 && rng.chance(12) {
                    let other = &CLIENTS[(t + 1) % 2];
                    cc.push(person(other, 0));
                    touches.push((other.account, "us"));
                }
                let body = [
                    Body::Plain,
                    Body::QuotedPrintable,
                    Body::HtmlOnly,
                    Body::Alternative,
                    Body::WithAttachment,
                ][rng.below(5)];
                let body = if lang == "ja" { Body::Base64 } else { body };
                let subject = if r == 0 { topic.to_string() } else { format!("Re: {topic}") };
                let text = if from_them {
                    text.to_string()
                } else {
                    "Hi,\n\nthanks, I will come back to you with the details tomorrow.\n".to_string()
                };
                specs.push(Spec {
                    from,
                    to,
                    cc,
                    subject,
                    text,
                    body,
                    parent,
                    headers: vec![],
                    date: at(&mut rng, day + r as i64),
                    touches,
                    forward: false,
                });
                parent = Some(specs.len() - 1);
                // Sam forwards a client's message to a colleague alone: not a touch.
                if from_them && rng.chance(25) {
                    let c = COLLEAGUES[rng.below(2)];
                    specs.push(Spec {
                        from: US,
                        to: vec![c],
                        cc: vec![],
                        subject: format!("Fwd: {topic} (intern)"),
                        text: "Lea, kannst du dir das ansehen?\n".into(),
                        body: Body::Plain,
                        parent,
                        headers: vec![],
                        date: at(&mut rng, day + r as i64),
                        touches: vec![],
                        forward: true,
                    });
                }
            }
            // Out of office, in answer to our message.
            if rng.chance(35) {
                let subject = if lang == "es" {
                    format!("Respuesta automática: {topic}")
                } else {
                    format!("Abwesenheitsnotiz: {topic}")
                };
                specs.push(Spec {
                    from: lead,
                    to: vec![US],
                    cc: vec![],
                    subject,
                    text: "Ich bin bis zum 20. nicht im Büro.\n".into(),
                    body: Body::Plain,
                    parent,
                    headers: vec!["Auto-Submitted: auto-replied".into()],
                    date: at(&mut rng, day + 1),
                    touches: vec![],
                    forward: false,
                });
            }
        }
        // A forward of an internal note to a client: a touch we started.
        for f in 0..4 {
            let client = &CLIENTS[f % 2];
            specs.push(Spec {
                from: US, to: vec![person(client, 0)], cc: vec![COLLEAGUES[0]], subject: "Fwd: Release notes 4.2".into(),
                text: "FYI, the notes for the next release.\n\n---------- Forwarded message ---------\nFrom: Lea\n".into(),
                body: Body::Plain, parent: None, headers: vec![], date: at(&mut rng, 20 + f as i64 * 9),
                touches: vec![(client.account, "us")], forward: true,
            });
        }
        // Never kept: colleagues only, personal mail, newsletters (one from a client's own
        // address, to a list), and a client's message without a date.
        for n in 0..22 {
            let (a, b) = (COLLEAGUES[n % 2], COLLEAGUES[(n + 1) % 2]);
            let (from, to) = if n % 3 == 0 { (US, a) } else { (a, US) };
            let _ = b;
            specs.push(Spec {
                from,
                to: vec![to],
                cc: if n % 4 == 0 { vec![b] } else { vec![] },
                subject: "Staffing for Q4".into(),
                text: "Can we talk about who covers Kestrel in December?\n".into(),
                body: Body::Plain,
                parent: None,
                headers: vec![],
                date: at(&mut rng, n as i64 * 4),
                touches: vec![],
                forward: false,
            });
        }
        for n in 0..16 {
            let friend = FRIENDS[n % 2];
            specs.push(Spec {
                from: friend,
                to: vec![US],
                cc: vec![],
                subject: "Wochenende in Lissabon?".into(),
                text: "Hast du Lust? Flüge sind gerade günstig.\n".into(),
                body: Body::QuotedPrintable,
                parent: None,
                headers: vec![],
                date: at(&mut rng, n as i64 * 6),
                touches: vec![],
                forward: false,
            });
        }
        for n in 0..24 {
            let list = LISTS[n % 3];
            let from = if n % 8 == 7 { person(&CLIENTS[0], 0) } else { list };
            specs.push(Spec {
                from,
                to: vec![US],
                cc: vec![],
                subject: "This week in customer success".into(),
                text: "<h1>Top stories</h1><p>Ten ways to delight your customers.</p>".into(),
                body: Body::HtmlOnly,
                parent: None,
                headers: vec![
                    format!("List-Unsubscribe: <mailto:leave@{}>", list.1.split('@').nth(1).unwrap()),
                    "Precedence: bulk".into(),
                ],
                date: at(&mut rng, n as i64 * 4),
                touches: vec![],
                forward: false,
            });
        }
        for n in 0..4 {
            specs.push(Spec {
                from: person(&CLIENTS[n % 2], 0),
                to: vec![US],
                cc: vec![],
                subject: "Kurze Frage".into(),
                text: "Eine Frage ohne Datum.\n".into(),
                body: Body::Plain,
                parent: None,
                headers: vec![],
                date: None,
                touches: vec![],
                forward: false,
            });
        }
        let mut order: Vec<usize> = (0..specs.len()).collect();
        order.sort_by_key(|&i| (specs[i].date, i));
        let ids: Vec<String> = (0..specs.len())
            .map(|i| {
                let host = if specs[i].from.1.ends_with("rapport-consulting.example") {
                    "mail.rapport-consulting.example"
                } else {
                    "mx.example"
                };
                format!("{:08x}.{i}@{host}", seed.wrapping_mul(31).wrapping_add(i as u64) as u32)
            })
            .collect();
        let messages = order
            .into_iter()
            .map(|i| {
                let s = &specs[i];
                let token = if s.touches.is_empty() { format!("NC{i:04}") } else { format!("CL{i:04}") };
                let mut references = Vec::new();
                let mut up = s.parent;
                while let Some(p) = up {
                    references.insert(0, ids[p].clone());
                    up = specs[p].parent;
                }
                Message {
                    n: i,
                    id: ids[i].clone(),
                    date: s.date,
                    raw: render(s, &ids[i], &references, &token, i),
                    token,
                    touches: s.touches.clone(),
                }
            })
            .collect();
        Mailbox { messages }
    }

    /// The touches the mailbox must become: (account, Message-ID, who started the thread).
    pub fn expected(&self) -> std::collections::BTreeSet<(String, String, String)> {
        self.messages
            .iter()
            .flat_map(|m| m.touches.iter().map(|(a, by)| (a.to_string(), m.id.clone(), by.to_string())))
            .collect()
    }

    /// Writes messages `from..to` as an mbox (appending when the file exists).
    pub fn write_mbox(&self, path: &Path, range: std::ops::Range<usize>) {
        let mut out = String::new();
        for m in &self.messages[range] {
            let when = m.date.unwrap_or_else(|| "2026-09-01T00:00:00Z".parse().unwrap());
            writeln!(out, "From sender@example {}", when.format("%a %b %e %H:%M:%S %Y")).unwrap();
            for line in m.raw.lines() {
                if line.trim_start_matches('>').starts_with("From ") {
                    out.push('>');
                }
                out.push_str(line);
                out.push('\n');
            }
            out.push('\n');
        }
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(path).unwrap();
        file.write_all(out.as_bytes()).unwrap();
    }

    /// Writes every message as a Maildir, read ones in `cur/` with flags, the rest in `new/`.
    pub fn write_maildir(&self, dir: &Path) {
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        for (k, m) in self.messages.iter().enumerate() {
            let name = format!("{}.M{k}P1.host", 1_780_000_000 + k);
            let path = if k % 5 == 0 {
                dir.join("new").join(name)
            } else {
                dir.join("cur").join(format!("{name}:2,S"))
            };
            std::fs::write(path, &m.raw).unwrap();
        }
    }
}

fn header_words(text: &str) -> String {
    if text.is_ascii() { text.to_string() } else { format!("=?UTF-8?B?{}?=", base64(text.as_bytes())) }
}

fn addresses(list: &[Addr]) -> String {
    list.iter()
        .map(|(name, email)| format!("{} <{email}>", header_words(name)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn render(s: &Spec, id: &str, references: &[String], token: &str, n: usize) -> String {
    let mut h = String::new();
    writeln!(h, "From: {}", addresses(&[s.from])).unwrap();
    writeln!(h, "To: {}", addresses(&s.to)).unwrap();
    if !s.cc.is_empty() {
        writeln!(h, "Cc: {}", addresses(&s.cc)).unwrap();
    }
    if let Some(date) = s.date {
        writeln!(h, "Date: {}", date.to_rfc2822()).unwrap();
    }
    writeln!(h, "Message-ID: <{id}>").unwrap();
    if let Some(parent) = references.last() {
        writeln!(h, "In-Reply-To: <{parent}>").unwrap();
        writeln!(
            h,
            "References: {}",
            references.iter().map(|r| format!("<{r}>")).collect::<Vec<_>>().join(" ")
        )
        .unwrap();
    }
    writeln!(h, "Subject: {}", header_words(&format!("{} {token}", s.subject))).unwrap();
    for extra in &s.headers {
        writeln!(h, "{extra}").unwrap();
    }
    h.push_str("MIME-Version: 1.0\n");
    let quote = if s.parent.is_some() && !s.forward {
        "\nOn Monday Sam wrote:\n> an earlier message\n> From the archive\n"
    } else {
        ""
    };
    let text = format!(
        "{}{}\nP.S. {} and some more words so the marker sits well past the snippet's two hundred characters, which \
         are all Rapport keeps of what anyone wrote. We will follow up on everything else next week, as agreed with \
         the whole team. BODY{n:04}\n\n-- \n{}\n",
        s.text, quote, "Regards", s.from.0
    );
    match s.body {
        Body::Plain => write!(h, "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{text}").unwrap(),
        Body::QuotedPrintable => write!(
            h,
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{}",
            quoted_printable(&text)
        )
        .unwrap(),
        Body::HtmlOnly => write!(
            h,
            "Content-Type: text/html; charset=utf-8\n\n<html><body><p>{}</p></body></html>\n",
            text.replace('\n', "<br>\n")
        )
        .unwrap(),
        Body::Base64 => write!(
            h,
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{}\n",
            base64_lines(text.as_bytes())
        )
        .unwrap(),
        Body::Alternative => write!(
            h,
            "Content-Type: multipart/alternative; boundary=\"alt{n}\"\n\n--alt{n}\nContent-Type: text/plain; charset=utf-8\n\
             Content-Transfer-Encoding: quoted-printable\n\n{}\n--alt{n}\nContent-Type: text/html; charset=utf-8\n\n\
             <html><body>{}</body></html>\n--alt{n}--\n",
            quoted_printable(&text),
            text.replace('\n', "<br>")
        )
        .unwrap(),
        Body::WithAttachment => write!(
            h,
            "Content-Type: multipart/mixed; boundary=\"mix{n}\"\n\n--mix{n}\nContent-Type: text/plain; charset=utf-8\n\n{text}\n\
             --mix{n}\nContent-Type: application/pdf; name=\"ATTACH{n:04}.pdf\"\nContent-Disposition: attachment; \
             filename=\"ATTACH{n:04}.pdf\"\nContent-Transfer-Encoding: base64\n\n{}\n--mix{n}--\n",
            base64_lines(format!("%PDF-1.4 secret ATTACHBODY{n:04}").repeat(40).as_bytes())
        )
        .unwrap(),
    }
    h
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(v >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_lines(bytes: &[u8]) -> String {
    let text = base64(bytes);
    text.as_bytes().chunks(76).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join("\n")
}

fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        let mut width = 0;
        for b in line.bytes() {
            let piece = if b == b'=' || !(32..127).contains(&b) {
                format!("={b:02X}")
            } else {
                (b as char).to_string()
            };
            if width + piece.len() > 73 {
                out.push_str("=\n");
                width = 0;
            }
            width += piece.len();
            out.push_str(&piece);
        }
        out.push('\n');
    }
    out
}
