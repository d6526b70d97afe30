//! Control characters in what the commands print are shown, never sent: an ESC in an id or a
//! file name would otherwise reach the terminal (and could recolour, move the cursor or retitle
//! the window), a lone CR could overwrite a line in a CI log.
//!
//! Every byte the commands write goes through [`Escaping`]: C0 controls but tab and newline, DEL,
//! and C1 controls (U+0080–U+009F) become a visible name such as `⟨ESC⟩` or `⟨U+009B⟩`; a CR is
//! kept only before a newline (the CRLF of the CSV output). The names contain no control
//! character, no quote and no backslash, so JSON, CSV and XML stay valid around them.

use std::io::{self, Write};

/// A writer that shows control characters instead of sending them (see the module).
pub struct Escaping<'a> {
    inner: &'a mut dyn Write,
    /// A CR waiting for the next byte, or the first byte (0xC2) of a possible C1 control.
    pending: Option<u8>,
}

impl<'a> Escaping<'a> {
    pub fn new(inner: &'a mut dyn Write) -> Self {
        Self {
            inner,
            pending: None,
        }
    }

    /// Writes what is pending (a CR that no newline followed) and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        match self.pending.take() {
            Some(b'\r') => self.inner.write_all(name(0x0d).as_bytes())?,
            Some(byte) => self.inner.write_all(&[byte])?,
            None => {}
        }
        self.inner.flush()
    }

    fn byte(&mut self, out: &mut Vec<u8>, b: u8) {
        match self.pending.take() {
            Some(b'\r') if b == b'\n' => return out.extend_from_slice(b"\r\n"),
            Some(b'\r') => out.extend_from_slice(name(0x0d).as_bytes()),
            Some(0xc2) if (0x80..=0x9f).contains(&b) => {
                return out.extend_from_slice(name(u32::from(b)).as_bytes());
            }
            Some(other) => out.push(other),
            None => {}
        }
        match b {
            b'\r' | 0xc2 => self.pending = Some(b),
            b'\t' | b'\n' => out.push(b),
            0x00..=0x1f | 0x7f => out.extend_from_slice(name(u32::from(b)).as_bytes()),
            _ => out.push(b),
        }
    }
}

impl Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len());
        for &b in buf {
            self.byte(&mut out, b);
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The visible name of a control character.
pub fn name(code: u32) -> String {
    let short = match code {
        0x00 => "NUL",
        0x07 => "BEL",
        0x08 => "BS",
        0x0b => "VT",
        0x0c => "FF",
        0x0d => "CR",
        0x1b => "ESC",
        0x7f => "DEL",
        _ => return format!("⟨U+{code:04X}⟩"),
    };
    format!("⟨{short}⟩")
}

/// Whether `c` is a control character that [`Escaping`] would show by name (tab, newline and CR
/// aside).
pub fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(parts: &[&[u8]]) -> String {
        let mut out = Vec::new();
        let mut w = Escaping::new(&mut out);
        for p in parts {
            w.write_all(p).unwrap();
        }
        w.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn an_esc_is_shown_by_name_and_text_passes_as_it_is() {
        assert_eq!(escaped(&[b"a\x1b[31mb\n"]), "a⟨ESC⟩[31mb\n");
        assert_eq!(escaped(&["kuume ä\tö\n".as_bytes()]), "kuume ä\tö\n");
        assert_eq!(escaped(&[b"\x07\x00\x7f"]), "⟨BEL⟩⟨NUL⟩⟨DEL⟩");
    }

    #[test]
    fn crlf_passes_and_a_lone_cr_is_shown_even_across_writes() {
        assert_eq!(escaped(&[b"a;b\r", b"\nc\rd\r"]), "a;b\r\nc⟨CR⟩d⟨CR⟩");
    }

    #[test]
    fn a_c1_control_is_shown_even_split_across_writes_and_other_text_is_kept() {
        assert_eq!(escaped(&[b"x\xc2", b"\x9by"]), "x⟨U+009B⟩y");
        assert_eq!(escaped(&["é©".as_bytes()]), "é©");
        assert_eq!(
            escaped(&[b"\xc2", "\u{a0}".as_bytes()[1..].as_ref()]),
            "\u{a0}"
        );
    }
}
