//! Placeholder until the vCard reader lands (same session).
use super::{PersonCard, Read};
pub fn read(_text: &str) -> Read<PersonCard> {
    Read::default()
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VcardVersion {
    V3,
    V4,
}
pub fn write(_cards: &[PersonCard], _version: VcardVersion) -> String {
    String::new()
}
