//! The county's 13 municipalities and the other participant groups the
//! course statistics count (RJL, Externa deltagare).

use serde::{Deserialize, Serialize};

/// One of the 13 municipalities of Jönköpings län, in the reports' order.
///
/// The variant names are ASCII so that RON files stay plain identifiers;
/// [`Municipality::name`] gives the Swedish spelling shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Municipality {
    /// Aneby.
    Aneby,
    /// Eksjö.
    Eksjo,
    /// Gislaved.
    Gislaved,
    /// Gnosjö.
    Gnosjo,
    /// Habo.
    Habo,
    /// Jönköping.
    Jonkoping,
    /// Mullsjö.
    Mullsjo,
    /// Nässjö.
    Nassjo,
    /// Sävsjö.
    Savsjo,
    /// Tranås.
    Tranas,
    /// Vaggeryd.
    Vaggeryd,
    /// Vetlanda.
    Vetlanda,
    /// Värnamo.
    Varnamo,
}

impl Municipality {
    /// All 13, in the order the reports list them (alphabetical in Swedish).
    pub const ALL: [Municipality; 13] = [
        Municipality::Aneby,
        Municipality::Eksjo,
        Municipality::Gislaved,
        Municipality::Gnosjo,
        Municipality::Habo,
        Municipality::Jonkoping,
        Municipality::Mullsjo,
        Municipality::Nassjo,
        Municipality::Savsjo,
        Municipality::Tranas,
        Municipality::Vaggeryd,
        Municipality::Vetlanda,
        Municipality::Varnamo,
    ];

    /// The Swedish name as the reports print it.
    pub fn name(self) -> &'static str {
        match self {
            Municipality::Aneby => "Aneby",
            Municipality::Eksjo => "Eksjö",
            Municipality::Gislaved => "Gislaved",
            Municipality::Gnosjo => "Gnosjö",
            Municipality::Habo => "Habo",
            Municipality::Jonkoping => "Jönköping",
            Municipality::Mullsjo => "Mullsjö",
            Municipality::Nassjo => "Nässjö",
            Municipality::Savsjo => "Sävsjö",
            Municipality::Tranas => "Tranås",
            Municipality::Vaggeryd => "Vaggeryd",
            Municipality::Vetlanda => "Vetlanda",
            Municipality::Varnamo => "Värnamo",
        }
    }

    /// Position in [`Municipality::ALL`]; handy as an array index.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Who a course participant belongs to: a municipality, the region or
/// someone from outside the county (Bilaga 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Participant {
    /// One of the 13 municipalities.
    Kommun(Municipality),
    /// Region Jönköpings län.
    Rjl,
    /// "Externa deltagare": participants from outside the county.
    Externa,
}

impl Participant {
    /// The label used in Bilaga 2.
    pub fn name(self) -> &'static str {
        match self {
            Participant::Kommun(m) => m.name(),
            Participant::Rjl => "RJL",
            Participant::Externa => "Externa deltagare",
        }
    }
}
