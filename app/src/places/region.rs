//! Maps a UK postcode to the ONS region it lies in, so that a place can be
//! described loosely ("a member in Yorkshire and the Humber") without
//! revealing the postcode itself.
//!
//! The table works by postcode *area* (the leading letters: "S" for S1 2AB,
//! "YO" for YO1 7HH), not by district or full postcode, so it is approximate
//! near borders: an area that straddles two regions is given to the one where
//! most of its people live. That is good enough here because we only ever say
//! where "a member" is, and a neighbouring region is an acceptable answer.
//! Plain std with no dependencies, so it builds for both the server and wasm.

/// One of the nine English regions, Scotland, Wales or Northern Ireland.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    NorthEast,
    NorthWest,
    YorkshireAndTheHumber,
    EastMidlands,
    WestMidlands,
    EastOfEngland,
    London,
    SouthEast,
    SouthWest,
    Scotland,
    Wales,
    NorthernIreland,
}

impl Region {
    /// The ONS name of the region, as it should appear in text.
    pub fn name(self) -> &'static str {
        match self {
            Region::NorthEast => "North East",
            Region::NorthWest => "North West",
            Region::YorkshireAndTheHumber => "Yorkshire and the Humber",
            Region::EastMidlands => "East Midlands",
            Region::WestMidlands => "West Midlands",
            Region::EastOfEngland => "East of England",
            Region::London => "London",
            Region::SouthEast => "South East",
            Region::SouthWest => "South West",
            Region::Scotland => "Scotland",
            Region::Wales => "Wales",
            Region::NorthernIreland => "Northern Ireland",
        }
    }
}

/// Every postcode area in Great Britain plus BT, sorted by area so that it
/// can be binary searched. Areas that cross a boundary, and the choice made:
/// - CA: Cumbria (North West), with slivers of Northumberland and Scotland.
/// - CH: Wirral and Chester (North West) outnumber Deeside and Flintshire.
/// - DA: Kent towns and Bexley (London) are roughly even; given to South East.
/// - DE, S, SK: Derbyshire/Notts fringes go with Derby, Sheffield, Stockport.
/// - DL: Darlington and County Durham outnumber Richmondshire and Northallerton.
/// - DN: includes North and North East Lincolnshire, which are in Yorkshire
///   and the Humber anyway; Gainsborough and Retford (East Midlands) are fewer.
/// - EN, IG, RM, TW, CR, BR: London boroughs outnumber the Home Counties parts.
/// - KT: Elmbridge, Epsom and the rest of Surrey outnumber Kingston; South East.
/// - HP: Buckinghamshire (Wycombe, Aylesbury) outnumbers Dacorum (Herts).
/// - MK: Milton Keynes (South East) outnumbers Bedford (East of England).
/// - PE: Peterborough, Fenland and King's Lynn outnumber south Lincolnshire.
/// - SY: debatable; Shropshire (Shrewsbury, Oswestry) outnumbers mid Wales
///   (Newtown, Welshpool, Aberystwyth), so West Midlands.
/// - SP: Wiltshire and Dorset outnumber Andover (Hampshire); South West.
/// - BH, SN, GL, BA, HR, NP, LL, LD: small cross-border fringes only.
/// - TD: mostly the Scottish Borders, despite Berwick-upon-Tweed.
#[rustfmt::skip]
const AREAS: &[(&str, Region)] = {
    use Region::*;
    &[
        ("AB", Scotland), ("AL", EastOfEngland), ("B", WestMidlands), ("BA", SouthWest),
        ("BB", NorthWest), ("BD", YorkshireAndTheHumber), ("BH", SouthWest), ("BL", NorthWest),
        ("BN", SouthEast), ("BR", London), ("BS", SouthWest), ("BT", NorthernIreland),
        ("CA", NorthWest), ("CB", EastOfEngland), ("CF", Wales), ("CH", NorthWest),
        ("CM", EastOfEngland), ("CO", EastOfEngland), ("CR", London), ("CT", SouthEast),
        ("CV", WestMidlands), ("CW", NorthWest), ("DA", SouthEast), ("DD", Scotland),
        ("DE", EastMidlands), ("DG", Scotland), ("DH", NorthEast), ("DL", NorthEast),
        ("DN", YorkshireAndTheHumber), ("DT", SouthWest), ("DY", WestMidlands), ("E", London),
        ("EC", London), ("EH", Scotland), ("EN", London), ("EX", SouthWest),
        ("FK", Scotland), ("FY", NorthWest), ("G", Scotland), ("GL", SouthWest),
        ("GU", SouthEast), ("HA", London), ("HD", YorkshireAndTheHumber), ("HG", YorkshireAndTheHumber),
        ("HP", SouthEast), ("HR", WestMidlands), ("HS", Scotland), ("HU", YorkshireAndTheHumber),
        ("HX", YorkshireAndTheHumber), ("IG", London), ("IP", EastOfEngland), ("IV", Scotland),
        ("KA", Scotland), ("KT", SouthEast), ("KW", Scotland), ("KY", Scotland),
        ("L", NorthWest), ("LA", NorthWest), ("LD", Wales), ("LE", EastMidlands),
        ("LL", Wales), ("LN", EastMidlands), ("LS", YorkshireAndTheHumber), ("LU", EastOfEngland),
        ("M", NorthWest), ("ME", SouthEast), ("MK", SouthEast), ("ML", Scotland),
        ("N", London), ("NE", NorthEast), ("NG", EastMidlands), ("NN", EastMidlands),
        ("NP", Wales), ("NR", EastOfEngland), ("NW", London), ("OL", NorthWest),
        ("OX", SouthEast), ("PA", Scotland), ("PE", EastOfEngland), ("PH", Scotland),
        ("PL", SouthWest), ("PO", SouthEast), ("PR", NorthWest), ("RG", SouthEast),
        ("RH", SouthEast), ("RM", London), ("S", YorkshireAndTheHumber), ("SA", Wales),
        ("SE", London), ("SG", EastOfEngland), ("SK", NorthWest), ("SL", SouthEast),
        ("SM", London), ("SN", SouthWest), ("SO", SouthEast), ("SP", SouthWest),
        ("SR", NorthEast), ("SS", EastOfEngland), ("ST", WestMidlands), ("SW", London),
        ("SY", WestMidlands), ("TA", SouthWest), ("TD", Scotland), ("TF", WestMidlands),
        ("TN", SouthEast), ("TQ", SouthWest), ("TR", SouthWest), ("TS", NorthEast),
        ("TW", London), ("UB", London), ("W", London), ("WA", NorthWest),
        ("WC", London), ("WD", EastOfEngland), ("WF", YorkshireAndTheHumber), ("WN", NorthWest),
        ("WR", WestMidlands), ("WS", WestMidlands), ("WV", WestMidlands), ("YO", YorkshireAndTheHumber),
        ("ZE", Scotland),
    ]
};

/// The region of a postcode, outward code or area, in any case and spacing;
/// None when its area is unknown.
///
/// Three or more leading letters are rejected rather than truncated, since no
/// real area is that long (so "GIR 0AA" is not mistaken for Glasgow).
pub fn region_of(postcode: &str) -> Option<Region> {
    let letters: Vec<u8> = postcode
        .trim()
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .take(3)
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if letters.is_empty() || letters.len() > 2 {
        return None;
    }
    // The bytes are ASCII letters, so this cannot fail.
    let area = std::str::from_utf8(&letters).ok()?;
    lookup(area).or_else(|| {
        if area.len() == 2 {
            lookup(&area[..1])
        } else {
            None
        }
    })
}

/// The region of an exact, upper-case area code.
fn lookup(area: &str) -> Option<Region> {
    AREAS
        .binary_search_by(|&(a, _)| a.cmp(area))
        .ok()
        .map(|i| AREAS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Region; 12] = [
        Region::NorthEast,
        Region::NorthWest,
        Region::YorkshireAndTheHumber,
        Region::EastMidlands,
        Region::WestMidlands,
        Region::EastOfEngland,
        Region::London,
        Region::SouthEast,
        Region::SouthWest,
        Region::Scotland,
        Region::Wales,
        Region::NorthernIreland,
    ];

    fn name_of(postcode: &str) -> Option<&'static str> {
        region_of(postcode).map(Region::name)
    }

    #[test]
    fn full_postcodes_in_any_case_and_spacing() {
        assert_eq!(name_of("S1 2AB"), Some("Yorkshire and the Humber"));
        assert_eq!(name_of("sw1a 1aa"), Some("London"));
        assert_eq!(name_of("EC1A1BB"), Some("London"));
        assert_eq!(name_of("  yo1 7hh  "), Some("Yorkshire and the Humber"));
    }

    #[test]
    fn outward_codes_and_areas() {
        assert_eq!(region_of("B1"), Some(Region::WestMidlands));
        assert_eq!(region_of("BS1"), Some(Region::SouthWest));
        assert_eq!(region_of("CF10"), Some(Region::Wales));
        assert_eq!(region_of("EH1"), Some(Region::Scotland));
        assert_eq!(region_of("M1"), Some(Region::NorthWest));
        assert_eq!(region_of("NE1"), Some(Region::NorthEast));
        assert_eq!(region_of("NG1"), Some(Region::EastMidlands));
        assert_eq!(region_of("CB1"), Some(Region::EastOfEngland));
        assert_eq!(region_of("BN1"), Some(Region::SouthEast));
        assert_eq!(region_of("E1"), Some(Region::London));
        assert_eq!(region_of("W1"), Some(Region::London));
        assert_eq!(region_of("WC2"), Some(Region::London));
        assert_eq!(region_of("G2"), Some(Region::Scotland));
        assert_eq!(region_of("GL50"), Some(Region::SouthWest));
        assert_eq!(region_of("yo"), Some(Region::YorkshireAndTheHumber));
        assert_eq!(region_of("BT1"), Some(Region::NorthernIreland));
    }

    #[test]
    fn unknown_or_garbage_is_none() {
        assert_eq!(region_of(""), None);
        assert_eq!(region_of("   "), None);
        assert_eq!(region_of("123"), None);
        assert_eq!(region_of("QQ1"), None);
        assert_eq!(region_of("GIR 0AA"), None);
        assert_eq!(region_of("é1"), None);
    }

    #[test]
    fn areas_are_sorted_unique_and_complete() {
        assert!(AREAS.len() >= 121, "only {} areas", AREAS.len());
        for pair in AREAS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} then {}", pair[0].0, pair[1].0);
        }
        for &(area, region) in AREAS {
            assert!((1..=2).contains(&area.len()), "bad area {area}");
            assert!(
                area.bytes().all(|b| b.is_ascii_uppercase()),
                "bad area {area}"
            );
            assert_eq!(region_of(area), Some(region), "{area} does not find itself");
        }
    }

    #[test]
    fn region_names_are_distinct() {
        for (i, a) in ALL.iter().enumerate() {
            for b in &ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
            }
        }
    }
}
