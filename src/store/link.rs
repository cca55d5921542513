//! Share links: the whole scenario in the URL fragment, as `s1.<base64url of raw deflate of compact JSON>`.
//!
//! `s1` is the link format version. The seed is part of the scenario, so a link reproduces the same
//! numbers anywhere. Decoding is safe against any input: fragments above [`MAX_FRAGMENT_BYTES`] and
//! scenarios that inflate above [`MAX_INFLATED_BYTES`] are refused before any large allocation, and the
//! decoded scenario goes through the same [migration](super::file::migrate) and validation as files.
//!
//! base64url (RFC 4648 §5, `A–Z a–z 0–9 - _`, no padding) is the `base64` crate's URL-safe alphabet;
//! reading also accepts trailing `=` and unused low bits in the last character, as links always did.

use std::fmt;

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, NO_PAD};
use base64::Engine as _;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

use super::file::{count_problems, import_json, ImportError};
use super::words::size_text;
use crate::sim::scenario::Scenario;
use crate::sim::validate::{Problem, ProblemList};

/// The link format tag this version writes and reads.
pub const LINK_FORMAT: &str = "s1";

/// Longest fragment accepted by [`decode_fragment`]: 64 KiB.
pub const MAX_FRAGMENT_BYTES: usize = 64 * 1024;

/// Largest scenario JSON a link may inflate to: 1 MiB.
pub const MAX_INFLATED_BYTES: usize = 1024 * 1024;

/// Deflate level used for links (0–10; 9 is the best ratio at a sensible speed).
const LEVEL: u8 = 9;

/// base64url without padding; reading ignores the unused bits of a last character (as `URL_SAFE_NO_PAD`
/// would not), so every link that ever opened still does.
const BASE64URL: GeneralPurpose =
    GeneralPurpose::new(&URL_SAFE, NO_PAD.with_decode_allow_trailing_bits(true));

/// Why a share link cannot be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// The fragment holds no scenario.
    Empty,
    /// The fragment is longer than [`MAX_FRAGMENT_BYTES`]; `bytes` is its length.
    TooLong {
        /// Length of the refused fragment in bytes.
        bytes: usize,
    },
    /// The scenario inflates to more than [`MAX_INFLATED_BYTES`].
    TooLarge,
    /// The link or its scenario was made by a newer journey-sim; `format` names what is newer,
    /// e.g. `format s2` or `scenario format version 3`.
    Newer {
        /// What is newer, for the message.
        format: String,
    },
    /// The link is not a journey-sim link or was cut or altered; the text says what was found.
    Damaged(String),
    /// The scenario decodes but has problems.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LinkError {
    /// A sentence for planners.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => write!(f, "This link holds no scenario."),
            LinkError::TooLong { bytes } => write!(
                f,
                "This link is too long ({}); journey-sim links are at most {}.",
                size_text(*bytes),
                size_text(MAX_FRAGMENT_BYTES)
            ),
            LinkError::TooLarge => write!(
                f,
                "This link is too large to open: its scenario unpacks to more than {}.",
                size_text(MAX_INFLATED_BYTES)
            ),
            LinkError::Newer { format } => {
                write!(f, "This link was made by a newer journey-sim ({format}).")
            }
            LinkError::Damaged(what) => write!(f, "This link is damaged: {what}."),
            LinkError::Invalid(problems) => write!(
                f,
                "This link's scenario has {}: {}.",
                count_problems(problems.len()),
                ProblemList(problems)
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// The scenario as a link fragment (without `#`): `s1.` then base64url of raw deflate of compact JSON.
pub fn encode_fragment(s: &Scenario) -> String {
    let json = serde_json::to_vec(s).unwrap_or_default();
    let packed = compress_to_vec(&json, LEVEL);
    format!("{LINK_FORMAT}.{}", BASE64URL.encode(&packed))
}

/// Reads a scenario from a link fragment, with or without the leading `#` and with or without a route
/// prefix (`embed/…/`, `present/`): the scenario is the last `/`-separated segment. Never panics.
pub fn decode_fragment(fragment: &str) -> Result<Scenario, LinkError> {
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(LinkError::TooLong {
            bytes: fragment.len(),
        });
    }
    let body = scenario_part(fragment);
    if body.is_empty() {
        return Err(LinkError::Empty);
    }
    let payload = check_format(body)?;
    let packed = unbase64(payload).ok_or_else(|| {
        LinkError::Damaged("it contains characters or a length that no journey-sim link has".into())
    })?;
    let json = inflate(&packed)?;
    let text = String::from_utf8(json)
        .map_err(|_| LinkError::Damaged("its unpacked scenario is not text".into()))?;
    import_json(&text).map_err(from_import)
}

/// The bytes of a base64url payload, or `None` for a foreign character or a length no encoding
/// produces. Trailing `=` padding is optional, as it always was; any other `=` is a foreign character.
fn unbase64(payload: &str) -> Option<Vec<u8>> {
    BASE64URL.decode(payload.trim_end_matches('=')).ok()
}

/// The scenario segment: after any `#`, surrounding spaces and route prefix.
fn scenario_part(fragment: &str) -> &str {
    let f = fragment.trim();
    let f = f.strip_prefix('#').unwrap_or(f);
    f.rsplit('/').next().unwrap_or(f).trim()
}

/// The base64url payload after the `s1.` tag; other tags are refused.
fn check_format(body: &str) -> Result<&str, LinkError> {
    let Some((tag, payload)) = body.split_once('.') else {
        return Err(LinkError::Damaged(
            "it has no format tag (journey-sim links start with s1.)".into(),
        ));
    };
    if tag == LINK_FORMAT {
        return Ok(payload);
    }
    let newer = tag
        .strip_prefix('s')
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n > 1);
    if newer {
        Err(LinkError::Newer {
            format: format!("format {tag}"),
        })
    } else {
        Err(LinkError::Damaged(format!(
            "its format tag is not one journey-sim writes (found \"{}\")",
            shorten(tag)
        )))
    }
}

/// At most 12 characters of `s` for messages.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(12).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Raw-deflate decompression capped at [`MAX_INFLATED_BYTES`] (safe against decompression bombs).
fn inflate(packed: &[u8]) -> Result<Vec<u8>, LinkError> {
    decompress_to_vec_with_limit(packed, MAX_INFLATED_BYTES).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => LinkError::TooLarge,
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
            LinkError::Damaged("it was cut short (copy the whole link)".into())
        }
        _ => LinkError::Damaged("its compressed data is corrupt".into()),
    })
}

/// Link wording for an error of the scenario inside.
fn from_import(e: ImportError) -> LinkError {
    match e {
        ImportError::Invalid(problems) => LinkError::Invalid(problems),
        ImportError::FutureVersion { version } => LinkError::Newer {
            format: format!("scenario format version {version}"),
        },
        ImportError::TooLarge { .. } => LinkError::TooLarge,
        ImportError::Malformed(what) => {
            LinkError::Damaged(format!("its scenario cannot be read ({what})"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::templates::default_scenario;

    #[test]
    fn default_scenario_round_trips() {
        let s = default_scenario();
        let link = encode_fragment(&s);
        assert!(link.starts_with("s1."), "{link}");
        assert_eq!(decode_fragment(&link), Ok(s.clone()));
        assert_eq!(decode_fragment(&format!("#{link}")), Ok(s.clone()));
        assert_eq!(decode_fragment(&format!("#present/{link}")), Ok(s));
    }

    #[test]
    fn base64url_is_rfc_4648_with_optional_padding() {
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in vectors {
            assert_eq!(BASE64URL.encode(plain), coded);
            assert_eq!(unbase64(coded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(unbase64("Zm8=").as_deref(), Some(&b"fo"[..]));
        assert_eq!(unbase64("Zm8==").as_deref(), Some(&b"fo"[..]));
        // Unused low bits of the last character are ignored ("Zh" and "Zg" are both "f").
        assert_eq!(unbase64("Zh").as_deref(), Some(&b"f"[..]));
        let bytes = [0xfb, 0xff, 0xbf];
        assert_eq!(BASE64URL.encode(bytes), "-_-_");
        assert_eq!(unbase64("-_-_").as_deref(), Some(&bytes[..]));
        for bad in ["+/+/", "abcde", "ab c", "Zm=8", "Zm9v=Zg", "é"] {
            assert_eq!(unbase64(bad), None, "{bad}");
        }
    }

    #[test]
    fn messages_name_the_trouble() {
        let newer = decode_fragment("#s2.AAAA").err().map(|e| e.to_string());
        assert_eq!(
            newer.as_deref(),
            Some("This link was made by a newer journey-sim (format s2).")
        );
        let long = "s1.".to_string() + &"A".repeat(70_000);
        let msg = decode_fragment(&long).err().map(|e| e.to_string());
        assert_eq!(
            msg.as_deref(),
            Some("This link is too long (68.4 KB); journey-sim links are at most 64 KB.")
        );
        let cut = decode_fragment("s1.AAAA").err().map(|e| e.to_string());
        assert!(cut.is_some_and(|m| m.starts_with("This link is damaged: ")));
    }
}
