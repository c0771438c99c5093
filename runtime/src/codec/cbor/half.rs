//! Half-precision floats (IEEE 754 binary16), which a CBOR body may carry: their value as an
//! `f64`, which holds every one of them exactly.

/// The value of the half-precision float whose bits are `bits`.
pub(super) fn to_f64(bits: u16) -> f64 {
    let negative = bits & 0x8000 != 0;
    let exponent = i32::from((bits >> 10) & 0x1f);
    let fraction = f64::from(bits & 0x3ff);
    let magnitude = match exponent {
        // Subnormal: fraction × 2^-24.
        0 => fraction * 2f64.powi(-24),
        0x1f if fraction == 0.0 => f64::INFINITY,
        0x1f => f64::NAN,
        // Normal: (1024 + fraction) × 2^(exponent - 25).
        _ => (1024.0 + fraction) * 2f64.powi(exponent - 25),
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::to_f64;

    #[test]
    fn reads_the_values_of_rfc_8949_appendix_a() {
        let cases: &[(u16, f64)] = &[
            (0x0000, 0.0),
            (0x3c00, 1.0),
            (0x3e00, 1.5),
            (0x7bff, 65504.0),
            (0x0001, 5.960_464_477_539_063e-8),
            (0x0400, 6.103_515_625e-5),
            (0xc400, -4.0),
            (0x7c00, f64::INFINITY),
            (0xfc00, f64::NEG_INFINITY),
        ];
        for &(bits, value) in cases {
            assert_eq!(to_f64(bits), value, "{bits:#06x}");
        }
        assert!(to_f64(0x7e00).is_nan());
        assert!(to_f64(0x8000).is_sign_negative() && to_f64(0x8000) == 0.0);
    }

    /// Every half-precision float reads as ciborium reads it (an independent implementation).
    #[test]
    fn every_bit_pattern_reads_as_ciborium_reads_it() {
        for bits in 0..=u16::MAX {
            let [high, low] = bits.to_be_bytes();
            let theirs: f64 = ciborium::de::from_reader([0xf9, high, low].as_slice()).unwrap();
            let ours = to_f64(bits);
            assert!(
                ours.to_bits() == theirs.to_bits() || (ours.is_nan() && theirs.is_nan()),
                "{bits:#06x}: {ours} against {theirs}"
            );
        }
    }
}
