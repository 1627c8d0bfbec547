//! The main town of each Great Britain postcode area, to name generated events and
//! venues, and the cities events cluster in.

/// Postcode area and its main town, `|`-separated.
const AREAS: &str = "\
    AB Aberdeen|AL St Albans|B Birmingham|BA Bath|BB Blackburn|BD Bradford|BH Bournemouth|\
    BL Bolton|BN Brighton|BR Bromley|BS Bristol|CA Carlisle|CB Cambridge|CF Cardiff|\
    CH Chester|CM Chelmsford|CO Colchester|CR Croydon|CT Canterbury|CV Coventry|CW Crewe|\
    DA Dartford|DD Dundee|DE Derby|DG Dumfries|DH Durham|DL Darlington|DN Doncaster|\
    DT Dorchester|DY Dudley|E London|EC London|EH Edinburgh|EN Enfield|EX Exeter|\
    FK Falkirk|FY Blackpool|G Glasgow|GL Gloucester|GU Guildford|HA Harrow|\
    HD Huddersfield|HG Harrogate|HP Hemel Hempstead|HR Hereford|HS Stornoway|HU Hull|\
    HX Halifax|IG Ilford|IP Ipswich|IV Inverness|KA Kilmarnock|KT Kingston|KW Kirkwall|\
    KY Kirkcaldy|L Liverpool|LA Lancaster|LD Llandrindod Wells|LE Leicester|\
    LL Llandudno|LN Lincoln|LS Leeds|LU Luton|M Manchester|ME Rochester|MK Milton Keynes|\
    ML Motherwell|N London|NE Newcastle|NG Nottingham|NN Northampton|NP Newport|\
    NR Norwich|NW London|OL Oldham|OX Oxford|PA Paisley|PE Peterborough|PH Perth|\
    PL Plymouth|PO Portsmouth|PR Preston|RG Reading|RH Redhill|RM Romford|S Sheffield|\
    SA Swansea|SE London|SG Stevenage|SK Stockport|SL Slough|SM Sutton|SN Swindon|\
    SO Southampton|SP Salisbury|SR Sunderland|SS Southend|ST Stoke-on-Trent|SW London|\
    SY Shrewsbury|TA Taunton|TD Galashiels|TF Telford|TN Tonbridge|TQ Torquay|TR Truro|\
    TS Middlesbrough|TW Twickenham|UB Southall|W London|WA Warrington|WC London|\
    WD Watford|WF Wakefield|WN Wigan|WR Worcester|WS Walsall|WV Wolverhampton|YO York|\
    ZE Lerwick";

/// Cities every demo and most generated events cluster around: name and a central postcode.
pub const CITIES: &[(&str, &str)] = &[
    ("London", "SE1 7PB"),
    ("Manchester", "M1 1AE"),
    ("Birmingham", "B1 1BB"),
    ("Leeds", "LS1 4AP"),
    ("Glasgow", "G1 1DU"),
    ("Cardiff", "CF10 1EP"),
    ("Edinburgh", "EH1 1YZ"),
    ("Bristol", "BS1 5DB"),
    ("Newcastle", "NE1 7JB"),
    ("Liverpool", "L1 8JQ"),
    ("Sheffield", "S1 2HH"),
    ("Nottingham", "NG1 5FS"),
    ("Leicester", "LE1 5YA"),
    ("Southampton", "SO14 7LP"),
    ("Norwich", "NR2 1NH"),
    ("Brighton", "BN1 1UG"),
    ("Aberdeen", "AB10 1AQ"),
    ("Swansea", "SA1 3SN"),
    ("Plymouth", "PL1 2AA"),
    ("Hull", "HU1 2AA"),
    ("Oxford", "OX1 1DP"),
    ("York", "YO1 7HH"),
    ("Inverness", "IV1 1JJ"),
    ("Exeter", "EX1 1JG"),
];

/// The main town of the area a postcode or outward code is in ("M14 4PQ" → Manchester).
pub fn town_for(postcode: &str) -> &'static str {
    let area: String = postcode
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    AREAS
        .split('|')
        .filter_map(|entry| entry.trim().split_once(' '))
        .find(|(code, _)| *code == area)
        .map(|(_, town)| town)
        .unwrap_or("the area")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_name_their_towns() {
        assert_eq!(town_for("M14 4PQ"), "Manchester");
        assert_eq!(town_for("SW1A"), "London");
        assert_eq!(town_for("ZE1 0AA"), "Lerwick");
        assert_eq!(town_for("AB10 1AQ"), "Aberdeen");
        assert_eq!(town_for("QQ1"), "the area");
    }
}
