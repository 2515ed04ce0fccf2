//! IP addresses and CIDR ranges as `IpAddress` / `NotIpAddress` read them: IPv4 or IPv6,
//! with an optional `/prefix`; no prefix means the single address
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress>).

/// An address range: the network address (IPv4 mapped into the low 32 bits) and its prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cidr {
    /// The address as a 128-bit number (IPv4 in the low 32 bits).
    pub address: u128,
    /// The prefix length (0..=32 for IPv4, 0..=128 for IPv6).
    pub prefix: u8,
    /// Whether it is an IPv4 range.
    pub v4: bool,
}

impl Cidr {
    /// Whether the single address `ip` (a `Cidr` with a full prefix) is inside this range.
    #[must_use]
    pub fn contains(&self, ip: &Self) -> bool {
        if self.v4 != ip.v4 {
            return false;
        }
        let width: u32 = if self.v4 { 32 } else { 128 };
        let host_bits = width - u32::from(self.prefix);
        let mask = if host_bits >= 128 {
            0
        } else {
            u128::MAX << host_bits
        };
        let mask = if self.v4 { mask & 0xFFFF_FFFF } else { mask };
        (self.address & mask) == (ip.address & mask)
    }
}

/// Reads `address[/prefix]`.
#[must_use]
pub fn parse_cidr(text: &str) -> Option<Cidr> {
    let (address, prefix) = match text.split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (text, None),
    };
    let (address, v4) = if address.contains(':') {
        (parse_v6(address)?, false)
    } else {
        (u128::from(parse_v4(address)?), true)
    };
    let width = if v4 { 32 } else { 128 };
    let prefix = match prefix {
        Some(digits)
            if !digits.is_empty()
                && digits.len() <= 3
                && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            digits.parse::<u8>().ok().filter(|&p| p <= width)?
        }
        Some(_) => return None,
        None => width,
    };
    Some(Cidr {
        address,
        prefix,
        v4,
    })
}

fn parse_v4(text: &str) -> Option<u32> {
    let mut value: u32 = 0;
    let mut count = 0;
    for part in text.split('.') {
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        value = (value << 8) | u32::from(part.parse::<u8>().ok()?);
        count += 1;
    }
    (count == 4).then_some(value)
}

fn parse_v6(text: &str) -> Option<u128> {
    let (head, tail) = match text.split_once("::") {
        Some((head, tail)) => (head, Some(tail)),
        None => (text, None),
    };
    let groups = |part: &str| -> Option<alloc::vec::Vec<u16>> {
        if part.is_empty() {
            return Some(alloc::vec::Vec::new());
        }
        let mut out = alloc::vec::Vec::new();
        let pieces: alloc::vec::Vec<&str> = part.split(':').collect();
        for (i, piece) in pieces.iter().enumerate() {
            if i + 1 == pieces.len() && piece.contains('.') {
                let v4 = parse_v4(piece)?;
                out.push(u16::try_from(v4 >> 16).ok()?);
                out.push(u16::try_from(v4 & 0xFFFF).ok()?);
            } else {
                if piece.is_empty() || piece.len() > 4 {
                    return None;
                }
                out.push(u16::from_str_radix(piece, 16).ok()?);
            }
        }
        Some(out)
    };
    let head = groups(head)?;
    let words = match tail {
        Some(tail) => {
            let tail = groups(tail)?;
            let missing = 8usize
                .checked_sub(head.len() + tail.len())
                .filter(|&m| m >= 1)?;
            head.into_iter()
                .chain(core::iter::repeat_n(0, missing))
                .chain(tail)
                .collect::<alloc::vec::Vec<u16>>()
        }
        None => head,
    };
    (words.len() == 8).then(|| {
        words
            .iter()
            .fold(0u128, |acc, &w| (acc << 16) | u128::from(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_ranges_contain_their_addresses() {
        let range = parse_cidr("203.0.113.0/24").unwrap();
        assert!(range.contains(&parse_cidr("203.0.113.77").unwrap()));
        assert!(!range.contains(&parse_cidr("203.0.114.1").unwrap()));
        assert_eq!(parse_cidr("10.1.2.3").unwrap().prefix, 32);
        assert!(
            parse_cidr("0.0.0.0/0")
                .unwrap()
                .contains(&parse_cidr("8.8.8.8").unwrap())
        );
        assert!(!range.contains(&parse_cidr("2001:db8::1").unwrap()));
    }

    #[test]
    fn ipv6_ranges_contain_their_addresses() {
        let range = parse_cidr("2001:DB8:1234:5678::/64").unwrap();
        assert!(range.contains(&parse_cidr("2001:db8:1234:5678:abcd::1").unwrap()));
        assert!(!range.contains(&parse_cidr("2001:db8:1234:5679::1").unwrap()));
        assert_eq!(parse_cidr("::1").unwrap().address, 1);
        assert_eq!(
            parse_cidr("::ffff:192.0.2.1").unwrap().address,
            0xffff_c000_0201
        );
        assert!(
            parse_cidr("::/0")
                .unwrap()
                .contains(&parse_cidr("1::").unwrap())
        );
    }

    #[test]
    fn malformed_addresses_are_not_read() {
        for text in [
            "",
            "1.2.3",
            "1.2.3.256",
            "1.2.3.4/33",
            "1.2.3.4/",
            "1.2.3.4/a",
            "1::2::3",
            "12345::",
            "1:2:3:4:5:6:7:8:9",
            "host",
        ] {
            assert_eq!(parse_cidr(text), None, "{text}");
        }
    }
}
