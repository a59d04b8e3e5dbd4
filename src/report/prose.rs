//! The sentences of the report written for readers: pair explanations and
//! label lists. The divergence finders write their own explanations with
//! [`join_labels`].

/// "Reuters" → "Reuters'", "AP" → "AP's".
fn possessive(label: &str) -> String {
    if label.ends_with('s') {
        format!("{label}'")
    } else {
        format!("{label}'s")
    }
}

/// One or two sentences a reader understands: how much of `la` is text
/// shared with `lb`, and whether they tell the same story (with the names
/// both mention).
pub(crate) fn pair_explanation(la: &str, lb: &str, containment: f64, sim: f64, names: &[String]) -> String {
    let pct = (containment * 100.0).round();
    let of_a = possessive(la);
    let reuse = if containment >= 0.5 {
        format!("{pct}% of {of_a} words are in passages shared with {lb}: most of {la} is the same text.")
    } else if pct >= 5.0 {
        format!("{pct}% of {of_a} words are in passages shared with {lb}.")
    } else if containment > 0.0 {
        format!("{la} shares only short passages with {lb} ({pct}% of its words).", pct = pct.max(1.0))
    } else {
        format!("{la} shares no passage with {lb}.")
    };
    let named = if names.is_empty() { String::new() } else { format!("; both mention {}", join_labels(names)) };
    let score = (sim * 100.0).round() / 100.0;
    let story = if sim >= 0.5 {
        format!(" They report the same story (similarity {score}{named}).")
    } else if sim >= 0.3 {
        format!(" They may be about the same story (similarity {score}{named}).")
    } else {
        format!(" They look like different stories (similarity {score}).")
    };
    reuse + &story
}

/// Label list such as "B and C" or "B, C and D".
pub(crate) fn join_labels(labels: &[String]) -> String {
    match labels.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {}", rest.join(", "), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn labels_join() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_labels(&l(&["B"])), "B");
        assert_eq!(join_labels(&l(&["B", "C"])), "B and C");
        assert_eq!(join_labels(&l(&["B", "C", "D"])), "B, C and D");
    }
}
