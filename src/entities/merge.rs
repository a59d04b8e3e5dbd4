use super::lexicon::lexicon;
use super::lexicon::ALIASES;
use crate::entities::Canonical;
use crate::entities::Found;
use crate::lang::en::CONNECTORS;
use crate::lang::en::INSTITUTIONS;
use crate::lang::en::PARTICLES;
use crate::lang::en::TITLES;
use crate::report::EntityKind;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::collections::HashMap;
use std::collections::HashSet;

/// Merges mentions across articles into canonical entities.
///
/// Aliases from a built-in table ("USA" → United States), person names by
/// surname when the first names do not disagree ("Trump" → "Donald Trump";
/// "Jane Smith" and "John Smith" stay apart), and the same key in any case.
///
/// Articles in the languages `languages` (codes, one per article; empty:
/// unknown): names of articles in different languages
/// with the same [`name_key`](crate::lang::translit::name_key) are one
/// (`Владимир Путин`, `Wladimir Putin`, `Vladimir Putin`).
///
/// ```
/// use corroborate::internal::{merge_in, recognize, recognize_in, sentences, tokenize_text, view};
/// let texts = ["President Vladimir Putin spoke.", "Президент Владимир Путин выступил."];
/// let found: Vec<_> = texts
///     .iter()
///     .zip(["en", "ru"])
///     .map(|(t, code)| {
///         let (vocab, toks) = tokenize_text(t);
///         let view = view(&toks, &vocab);
///         let mut f = recognize(t, &view, &sentences(&toks, &vocab, false));
///         recognize_in(t, &view, code, &mut f);
///         f
///     })
///     .collect();
/// let merged = merge_in(&texts, &found, &["en", "ru"]);
/// let putin = merged.iter().find(|c| c.name == "Vladimir Putin").unwrap();
/// assert_eq!(putin.mentions.len(), 2);
/// ```
pub fn merge_in(texts: &[&str], found: &[Vec<Found>], languages: &[&str]) -> Vec<Canonical> {
    crate::work::add(found.iter().map(Vec::len).sum());
    let remapped = cross_script(found, languages);
    let found: &[Vec<Found>] = remapped.as_deref().unwrap_or(found);
    let alias: HashMap<&str, (&str, EntityKind)> = ALIASES.iter().map(|(a, c, k)| (*a, (*c, *k))).collect();
    let named = |f: &Found| !matches!(f.kind, EntityKind::Date | EntityKind::Number);
    // surnames of people: last words of person mentions
    let surnames: HashSet<String> = found
        .iter()
        .flatten()
        .filter(|f| f.kind == EntityKind::Person)
        .filter_map(|f| name_words(&f.key).last().map(|w| w.to_string()))
        .collect();
    let is_person = |f: &Found| -> bool {
        if f.kind == EntityKind::Person {
            return true;
        }
        let w = name_words(&f.key);
        named(f)
            && !alias.contains_key(f.key.as_str())
            && (2..=4).contains(&w.len())
            && w.last().is_some_and(|l| surnames.contains(*l))
    };
    // a lone word that is the surname of exactly one person in the set is
    // that person, whatever the local tag said ("Putin" tagged a place in
    // one article), unless the gazetteer knows it as a place
    let lone_surname = |f: &Found, clusters: &BTreeMap<String, BTreeSet<String>>| -> bool {
        !matches!(f.kind, EntityKind::Person)
            && !f.key.contains(' ')
            && clusters.get(f.key.as_str()).is_some_and(|firsts| firsts.len() == 1)
            && !lexicon().is_place(&f.key)
    };
    // person clusters: (surname, first name) of every full name
    // only names written with capitals somewhere, or with a known first
    // name, found a cluster (a stripped copy's "asia pacific trump" does not)
    let firsts_known = lexicon();
    let mut clusters: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, fs) in found.iter().enumerate() {
        for f in fs.iter().filter(|f| is_person(f)) {
            let w = name_words(&f.key);
            let written =
                texts.get(a).and_then(|t| t.get(f.start..f.end)).is_some_and(|s| s.chars().any(char::is_uppercase));
            if let (true, Some(first), Some(last)) = (w.len() >= 2, w.first(), w.last()) {
                if written || firsts_known.is_first_name(first) {
                    clusters.entry(last.to_string()).or_default().insert(first.to_string());
                }
            }
        }
    }
    // first names that belong to exactly one cluster
    let mut by_first: HashMap<String, Vec<String>> = HashMap::new();
    for (last, firsts) in &clusters {
        for first in firsts {
            by_first.entry(first.clone()).or_default().push(last.clone());
        }
    }
    // each distinct (key, kind) is resolved once: its canonical key and the
    // kind it argues for (a set of 50 long articles has 300,000 mentions)
    let mut resolved: FxHashMap<(&str, EntityKind), u32> = FxHashMap::default();
    let mut kind_of: FxHashMap<(&str, EntityKind), EntityKind> = FxHashMap::default();
    let mut canon_keys: Vec<String> = Vec::new();
    let mut canon_of: FxHashMap<String, u32> = FxHashMap::default();
    // per canonical key: the mentions, and the votes for each kind
    let mut members: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut votes: Vec<[usize; KINDS]> = Vec::new();
    for (a, fs) in found.iter().enumerate() {
        for (i, f) in fs.iter().enumerate() {
            let id = match resolved.get(&(f.key.as_str(), f.kind)) {
                Some(&id) => id,
                None => {
                    let (canon, kind) = canonical_key(f, &alias, &clusters, &by_first, &is_person, &lone_surname);
                    // dates and numbers never share a row with a name
                    let slot = if !named(f) { format!("{}\u{1}{}", kind.as_str(), canon) } else { canon };
                    let next = canon_keys.len() as u32;
                    let id = *canon_of.entry(slot.clone()).or_insert(next);
                    if id == next {
                        canon_keys.push(slot);
                        members.push(Vec::new());
                        votes.push([0; KINDS]);
                    }
                    resolved.insert((f.key.as_str(), f.kind), id);
                    kind_of.insert((f.key.as_str(), f.kind), kind);
                    id
                }
            };
            let kind = kind_of.get(&(f.key.as_str(), f.kind)).copied().unwrap_or(f.kind);
            if let Some(m) = members.get_mut(id as usize) {
                m.push((a, i));
            }
            if let Some(v) = votes.get_mut(id as usize).and_then(|v| v.get_mut(kind as usize)) {
                *v += 1;
            }
        }
    }
    // one kind per name: the kind most of its mentions argue for (ties: the
    // first in `EntityKind` order, people first), overruled by the built-in
    // lists (institutions, and a capital standing for its government)
    let mut merged: Vec<Group> = Vec::with_capacity(members.len());
    for ((slot, ms), v) in canon_keys.into_iter().zip(members).zip(votes) {
        let (canon, dated) = match slot.split_once('\u{1}') {
            Some((_, c)) => (c.to_string(), true),
            None => (slot, false),
        };
        let voted = ALL_KINDS
            .iter()
            .copied()
            .max_by(|x, y| {
                let (vx, vy) = (v.get(*x as usize).copied().unwrap_or(0), v.get(*y as usize).copied().unwrap_or(0));
                vx.cmp(&vy).then((*y as usize).cmp(&(*x as usize)))
            })
            .unwrap_or(EntityKind::Other);
        let kind = if dated {
            voted
        } else if INSTITUTIONS.contains(&canon.as_str()) {
            EntityKind::Organization
        } else if voted == EntityKind::Organization && lexicon().is_place(&canon) {
            // a capital standing for its government ("Pyongyang said") is
            // still the place
            EntityKind::Place
        } else {
            voted
        };
        let mentions = ms
            .into_iter()
            .filter_map(|(a, i)| found.get(a).and_then(|fs| fs.get(i)).map(|f| (a, f.clone())))
            .collect::<Vec<_>>();
        merged.push(((canon, kind), mentions));
    }
    // in key order, one entry per (key, kind): two canonical keys may end
    // with the same kind ("dates" and names never do: their keys differ)
    merged.sort_by(|x, y| x.0.cmp(&y.0));
    let merged: Vec<Group> = merged.into_iter().fold(Vec::new(), |mut acc: Vec<Group>, (k, ms)| {
        match acc.last_mut() {
            Some((last, into)) if *last == k => into.extend(ms),
            _ => acc.push((k, ms)),
        }
        acc
    });
    let mut out = Vec::new();
    for ((canon, kind), mut mentions) in merged {
        mentions.sort_by_key(|(a, f)| (*a, f.start));
        let name = display_name(texts, &canon, kind, &mentions, &alias);
        out.push(Canonical { name, kind, mentions });
    }
    out
}

/// Names of articles in different languages that share a
/// [`name_key`](crate::lang::translit::name_key) (`путин`, `putin`;
/// `wladimir putin`, `vladimir putin`) take one key: the most frequent
/// written in plain Latin letters, English articles' first. Names of one
/// language are left as they are ("Jane Smith" and "John Smith" share a
/// key), and a place never joins a person. `None` when no key changes.
fn cross_script(found: &[Vec<Found>], languages: &[&str]) -> Option<Vec<Vec<Found>>> {
    use crate::lang::translit::name_key;
    let lang = |a: usize| languages.get(a).copied().unwrap_or("und");
    let known: BTreeSet<&str> = (0..found.len()).map(lang).filter(|l| *l != "und").collect();
    if known.len() < 2 {
        return None;
    }
    let named = |f: &Found| !matches!(f.kind, EntityKind::Date | EntityKind::Number);
    // name key → (languages, kinds, key → (English mentions, mentions))
    type Group<'f> = (BTreeSet<&'f str>, BTreeSet<EntityKind>, BTreeMap<&'f str, (usize, usize)>);
    let mut groups: FxHashMap<String, Group> = FxHashMap::default();
    for (a, fs) in found.iter().enumerate() {
        for f in fs.iter().filter(|f| named(f)) {
            let k = name_key(&f.key);
            if k.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
                continue;
            }
            let g = groups.entry(k).or_default();
            g.0.insert(lang(a));
            g.1.insert(f.kind);
            let c = g.2.entry(f.key.as_str()).or_default();
            c.0 += usize::from(lang(a) == "en");
            c.1 += 1;
        }
    }
    let mut to: FxHashMap<&str, &str> = FxHashMap::default();
    for (langs, kinds, keys) in groups.values() {
        let mixed = kinds.contains(&EntityKind::Person) && kinds.contains(&EntityKind::Place);
        if langs.len() < 2 || keys.len() < 2 || mixed {
            continue;
        }
        let best =
            keys.iter().max_by_key(|(k, (en, n))| (k.is_ascii(), *en, *n, std::cmp::Reverse(**k))).map(|(k, _)| *k);
        if let Some(best) = best {
            for k in keys.keys().filter(|k| **k != best) {
                to.insert(k, best);
            }
        }
    }
    if to.is_empty() {
        return None;
    }
    let mut out = found.to_vec();
    for f in out.iter_mut().flatten() {
        if let Some(k) = to.get(f.key.as_str()) {
            f.key = (*k).to_string();
        }
    }
    Some(out)
}

/// A canonical key and kind with its mentions.
type Group = ((String, EntityKind), Vec<(usize, Found)>);

/// Person clusters: each surname with the first names seen with it.
type Clusters = BTreeMap<String, BTreeSet<String>>;

/// Every kind, in `EntityKind` order.
const ALL_KINDS: [EntityKind; 7] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Organization,
    EntityKind::Group,
    EntityKind::Date,
    EntityKind::Number,
    EntityKind::Other,
];
const KINDS: usize = ALL_KINDS.len();

/// A mention's canonical key and the kind it argues for: an alias's entity,
/// a person's first and last name ("Trump" → "donald trump" when one person
/// of the set is called Trump), else its own key and tag.
fn canonical_key(
    f: &Found,
    alias: &HashMap<&str, (&str, EntityKind)>,
    clusters: &Clusters,
    by_first: &HashMap<String, Vec<String>>,
    is_person: &dyn Fn(&Found) -> bool,
    lone_surname: &dyn Fn(&Found, &Clusters) -> bool,
) -> (String, EntityKind) {
    let key = f.key.replace(" - ", " ").replace('-', " ");
    if matches!(f.kind, EntityKind::Date | EntityKind::Number) {
        return (key, f.kind);
    }
    if let Some((c, k)) = alias.get(key.as_str()) {
        return (c.to_lowercase(), *k);
    }
    if !(is_person(f) || lone_surname(f, clusters)) {
        return (key, f.kind);
    }
    let w = name_words(&key);
    let person = match w.as_slice() {
        [one] => match clusters.get(*one) {
            // a surname alone: the one person of that name
            Some(firsts) if firsts.len() == 1 => firsts.iter().next().map(|first| format!("{first} {one}")),
            Some(_) => Some(one.to_string()),
            // a first name alone, when only one known person has it
            None => by_first
                .get(*one)
                .filter(|v| v.len() == 1 && f.kind == EntityKind::Person)
                .and_then(|v| v.first())
                .map(|first| format!("{one} {first}")),
        },
        [first, .., last] => Some(format!("{first} {last}")),
        [] => None,
    };
    (person.unwrap_or(key), EntityKind::Person)
}

/// "Bashar al-Assad" → ["bashar", "assad"]: name words without particles
/// and titles.
fn name_words(key: &str) -> Vec<&str> {
    key.split([' ', '-']).filter(|w| !w.is_empty() && !PARTICLES.contains(w) && !TITLES.contains(w)).collect()
}

fn display_name(
    texts: &[&str],
    canon: &str,
    kind: EntityKind,
    mentions: &[(usize, Found)],
    alias: &HashMap<&str, (&str, EntityKind)>,
) -> String {
    if let Some((c, _)) = alias.get(canon) {
        return (*c).to_string();
    }
    // the most frequent capitalized surface form with the full key, else title case;
    let mut forms: BTreeMap<&str, usize> = BTreeMap::new();
    for (a, f) in mentions {
        let s = texts.get(*a).and_then(|t| t.get(f.start..f.end)).unwrap_or("");
        let words = s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
        if s.chars().any(char::is_uppercase) && words >= canon.split(' ').count() {
            *forms.entry(s).or_default() += 1;
        }
    }
    // a tie goes to a form in plain Latin letters, as the key across
    // scripts ("Vladimir Putin" beside "Владимир Путин"), then the longer
    if let Some((best, _)) = forms.iter().max_by_key(|(s, n)| (**n, s.is_ascii(), s.len())) {
        return best.to_string();
    }
    if matches!(kind, EntityKind::Date | EntityKind::Number) {
        return canon.to_string();
    }
    canon
        .split(' ')
        .map(|w| {
            if CONNECTORS.contains(&w) {
                w.to_string()
            } else {
                let mut c = w.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{propagate, recognize};
    use crate::tokens::{sentences, tokenize, view, Tok as Token, Vocab};
    #[test]
    fn merges_aliases_not_namesakes() {
        let texts =
            ["Donald Trump met Jane Smith. Trump left. The USA agreed.", "john smith and trump spoke in the u s"];
        let mut vocab = Vocab::default();
        let compact: Vec<_> =
            texts.iter().map(|t| tokenize(t, std::slice::from_ref(&(0..t.len())), &mut vocab)).collect();
        let toks: Vec<Vec<Token>> = compact.iter().map(|c| view(c, &vocab)).collect();
        let mut found: Vec<Vec<Found>> = texts
            .iter()
            .zip(&compact)
            .zip(&toks)
            .map(|((t, c), tk)| recognize(t, tk, &sentences(c, &vocab, false)))
            .collect();
        propagate(&texts, &toks, &[false, true], &mut found);
        let merged = merge_in(&texts, &found, &[]);
        let names: Vec<(&str, usize)> = merged.iter().map(|c| (c.name.as_str(), c.mentions.len())).collect();
        assert!(names.contains(&("Donald Trump", 3)), "{names:?}");
        assert!(names.contains(&("United States", 2)), "{names:?}");
        assert!(names.contains(&("Jane Smith", 1)), "{names:?}");
    }
}
