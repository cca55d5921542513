//! Upper and lower case of letters without the standard library's Unicode case tables.
//!
//! `str::to_lowercase` and `char::to_uppercase` link about 25 KB of tables into the web bundle. The
//! app only changes the case of its own labels (some carry the currency) and of a little user text (a period
//! label's first letter, scenario names when ordering the library), so the letters of the European
//! scripts are enough: the capital and small letters of ASCII, Latin-1, Latin Extended-A, basic
//! Greek and basic Cyrillic that pair within those blocks map as in `char::to_lowercase` /
//! `to_uppercase`; every other character stays as it is. That includes letters whose standard mapping
//! is not such a pair (`ß`, `İ`, `ſ`, `ı`, `µ`, final `ς`), accented Greek, Latin Extended-B (`Ș`,
//! `Ț`), and Greek final-sigma folding in lower case.

/// The lower-case letter of `c` in the blocks covered (see the module doc), else `c` itself.
pub fn lower(c: char) -> char {
    let u = c as u32;
    let mapped = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            u + 0x20
        }
        0x400..=0x40F => u + 0x50,
        0x178 => 0xFF,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        _ => u,
    };
    char::from_u32(mapped).unwrap_or(c)
}

/// The upper-case letter of `c` in the blocks covered (see the module doc), else `c` itself.
pub fn upper(c: char) -> char {
    let u = c as u32;
    let mapped = match u {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE | 0x3B1..=0x3C1 | 0x3C3..=0x3CB | 0x430..=0x44F => {
            u - 0x20
        }
        0x450..=0x45F => u - 0x50,
        0xFF => 0x178,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if !u.is_multiple_of(2) => u - 1,
        0x139..=0x148 | 0x179..=0x17E if u.is_multiple_of(2) => u - 1,
        _ => u,
    };
    char::from_u32(mapped).unwrap_or(c)
}

/// `text` with every letter lowered by [`lower`]: for case-insensitive ordering and comparison.
pub fn fold(text: &str) -> String {
    text.chars().map(lower).collect()
}

/// `text` with its first letter raised by [`upper`]: "week" → "Week", "år" → "År".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard mapping of `c` when it is a single character, else `c`.
    fn single(mut mapped: impl ExactSizeIterator<Item = char>, c: char) -> char {
        if mapped.len() == 1 {
            mapped.next().unwrap_or(c)
        } else {
            c
        }
    }

    #[test]
    fn matches_the_standard_mapping_in_the_covered_blocks() {
        let blocks = [0x00..0x250u32, 0x370..0x3D0, 0x400..0x460];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            let (lo, up) = (lower(c), upper(c));
            if lo != c {
                assert_eq!(lo, single(c.to_lowercase(), c), "lower {c:?}");
            }
            if up != c {
                assert_eq!(up, single(c.to_uppercase(), c), "upper {c:?}");
            }
            let std_lo = single(c.to_lowercase(), c);
            let u = c as u32;
            let covered = u < 0x180 || (0x391..=0x3AB).contains(&u) || (0x400..=0x42F).contains(&u);
            if covered && std_lo != c && (std_lo as u32) < 0x460 && c != 'İ' {
                assert_eq!(lo, std_lo, "missing lower {c:?}");
            }
        }
    }

    #[test]
    fn folds_and_capitalises() {
        assert_eq!(fold("Ärger IM Büro"), "ärger im büro");
        assert_eq!(fold("ΣΟΦΙΑ Мир"), "σοφια мир");
        assert_eq!(capitalise("week"), "Week");
        assert_eq!(capitalise("år"), "År");
        assert_eq!(capitalise("ßtraße"), "ßtraße");
        assert_eq!(capitalise(""), "");
        assert_eq!(lower('€'), '€');
        assert_eq!(upper('7'), '7');
    }
}
