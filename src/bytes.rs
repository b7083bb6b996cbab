//! Byte searches shared by the stages that scan every byte: which bytes of a 16-byte
//! block belong to a small set, tested all at once.

/// A bit for each byte of `block` that is one of `set`, lowest bit first. SSE2, part of
/// every x86-64 CPU, compares the 16 bytes with each member of the set at once; a loop
/// over the bytes would branch on each of them.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(crate) fn in_set(block: &[u8; 16], set: &[u8]) -> u32 {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};
    // SAFETY: SSE2 is part of the x86-64 baseline, so every x86-64 CPU runs these
    // instructions, and the load reads the 16 bytes of `block`, unaligned.
    unsafe {
        let v = _mm_loadu_si128(block.as_ptr().cast());
        let found = set.iter().fold(_mm_set1_epi8(0), |found, &c| {
            _mm_or_si128(found, _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8)))
        });
        _mm_movemask_epi8(found) as u32
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;

    #[test]
    fn bits_are_the_bytes_in_the_set() {
        let block = *b"a.b!c?d\ne)f\xE2g h,";
        let set = b".!?\n)\xE2";
        let expected = (0..16)
            .filter(|&i| set.contains(&block[i]))
            .fold(0, |bits, i| bits | 1 << i);
        assert_eq!(in_set(&block, set), expected);
        assert_eq!(expected, 0b1010_1010_1010);
        assert_eq!(in_set(&block, b""), 0);
    }
}
