//! English word lists, in one place: what the text stages, the entity
//! rules, the reuse engine and the divergence finders know about English.
//! Each list says who reads it. Other languages get a file of their own.

/// Month names: the twelve full names in order first (other languages' dates
/// are keyed with them: `may 5 2017`), then the abbreviations.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
pub(crate) const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
pub(crate) const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow", "tonight"];
pub(crate) const PERIODS: &[&str] =
    &["week", "month", "year", "weekend", "decade", "century", "spring", "summer", "autumn", "fall", "winter"];
pub(crate) const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("dozen", 12.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("million", 1e6),
    ("billion", 1e9),
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
];
/// Time zones news writes after a time of day ("9 p.m. EDT"), taken
/// only when capitalized.
pub(crate) const TIME_ZONES: &[&str] = &[
    "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "akst", "akdt", "hst", "gmt", "utc", "bst", "cet", "cest",
    "eet", "eest", "wet", "ist", "jst", "kst", "aest", "aedt", "et", "ct", "mt", "pt",
];
pub(crate) const QUALIFIERS: &[&str] = &[
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "some",
    "roughly",
    "approximately",
    "under",
    "just over",
    "just under",
    "well over",
    "upwards of",
    "in excess of",
    "an estimated",
    "close to",
    "as much as",
    "as many as",
    "as high as",
    "as few as",
    "as little as",
    "as low as",
    "no more than",
    "no fewer than",
    "no less than",
];
pub(crate) const TITLES: &[&str] = &[
    "president",
    "mayor",
    "leader",
    "secretary",
    "minister",
    "chancellor",
    "ambassador",
    "senator",
    "governor",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "general",
    "sen",
    "rep",
    "prime",
    "king",
    "queen",
    "prince",
    "pope",
    "judge",
    "spokesman",
    "spokeswoman",
    "correspondent",
    "chief",
    "director",
    "commissioner",
    "envoy",
    "official",
    "reporter",
    "captain",
    "colonel",
    "lieutenant",
    "sergeant",
    "professor",
    "sheikh",
    "emir",
];
pub(crate) const CONNECTORS: &[&str] =
    &["al", "el", "bin", "ibn", "de", "del", "da", "van", "von", "der", "la", "le", "of"];
pub(crate) const STOPWORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "it",
    "its",
    "he",
    "she",
    "they",
    "them",
    "his",
    "her",
    "their",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "which",
    "who",
    "whom",
    "what",
    "when",
    "where",
    "why",
    "how",
    "not",
    "no",
    "yes",
    "if",
    "then",
    "than",
    "so",
    "also",
    "after",
    "before",
    "since",
    "while",
    "according",
    "meanwhile",
    "however",
    "both",
    "all",
    "some",
    "many",
    "most",
    "more",
    "last",
    "next",
    "first",
    "new",
    "we",
    "i",
    "you",
    "our",
    "my",
    "your",
    "said",
    "says",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "has",
    "have",
    "had",
    "do",
    "did",
    "does",
    "about",
    "over",
    "under",
    "into",
    "during",
    "because",
    "prior",
    "finally",
    "earlier",
    "later",
    "today",
    "other",
    "others",
    "each",
    "every",
    "any",
    "s",
];

/// Nouns that name a group after a nationality, religion or movement.
pub(crate) const GROUP_NOUNS: &[&str] = &[
    "rebels",
    "militants",
    "forces",
    "troops",
    "fighters",
    "insurgents",
    "separatists",
    "soldiers",
    "officials",
    "diplomats",
    "authorities",
    "opposition",
    "militia",
    "militias",
    "jihadists",
    "extremists",
    "protesters",
    "refugees",
    "voters",
];

/// Single words the tagger sometimes takes for a name out of a title
/// ("Secretary of State", "Minister of Defence").
pub(crate) const GENERIC: &[&str] =
    &["state", "defence", "defense", "justice", "interior", "finance", "government", "ministry"];

/// Name particles, ignored when matching people ("Bashar al-Assad" =
/// "Bashar Assad").
pub(crate) const PARTICLES: &[&str] =
    &["al", "el", "bin", "ibn", "de", "del", "da", "di", "van", "von", "der", "la", "le"];

/// Buildings and places that stand for a government in news copy ("the
/// White House said"): counted as organizations whatever the tagger says.
pub(crate) const INSTITUTIONS: &[&str] =
    &["white house", "kremlin", "pentagon", "downing street", "elysee", "state department"];

/// Words that end an organization's name.
pub(crate) const ORG_SUFFIXES: &[&str] = &[
    "international",
    "association",
    "agency",
    "authority",
    "council",
    "committee",
    "institute",
    "foundation",
    "organization",
    "organisation",
    "corporation",
    "commission",
    "federation",
    "ministry",
    "university",
    "watch",
];

/// True for words too common to make reuse on their own.
pub(crate) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "about"
            | "both"
            | "after"
            | "all"
            | "also"
            | "an"
            | "and"
            | "are"
            | "as"
            | "at"
            | "be"
            | "been"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "for"
            | "from"
            | "had"
            | "has"
            | "have"
            | "he"
            | "her"
            | "him"
            | "his"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "more"
            | "no"
            | "not"
            | "of"
            | "on"
            | "one"
            | "or"
            | "other"
            | "our"
            | "out"
            | "over"
            | "s"
            | "said"
            | "she"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "them"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "to"
            | "two"
            | "up"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "will"
            | "with"
            | "would"
            | "you"
    )
}

/// Abbreviations after which a full stop does not end a sentence.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "st", "jr", "sr", "inc",
    "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "us", "uk", "un", "eu", "e.g", "i.e", "eg", "ie", "etc",
];

/// Words that often start a sentence; in text stripped of punctuation a run
/// of spaces before one of them is taken as a sentence break.
pub(crate) const STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "in",
    "on",
    "at",
    "after",
    "before",
    "since",
    "while",
    "when",
    "there",
    "his",
    "her",
    "their",
    "its",
    "according",
    "both",
    "some",
    "many",
    "meanwhile",
    "however",
    "last",
    "earlier",
    "later",
];
