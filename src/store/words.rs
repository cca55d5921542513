//! Wording shared by the store's messages.

/// A size for messages: "812 bytes", "6.2 MB" (1 MB = 1,048,576 bytes), "64 KB".
pub fn size_text(bytes: usize) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{} KB", round1(b / KB))
    } else {
        format!("{} MB", round1(b / (KB * KB)))
    }
}

/// One decimal, without a trailing ".0".
fn round1(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}
