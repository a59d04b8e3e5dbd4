//! The bilingual dictionaries across languages (`src/lang/bidict.rs`), on
//! a Polish, a German and a Spanish report of one event, an English one,
//! and an English report of another, written for this test. One test in its own binary: it switches
//! the dictionary space off and on, which is process-wide state.

use corroborate::internal::{use_gloss, GlossConfig};
use corroborate::lang::bidict::Spread;
use corroborate::{analyze, ArticleInput};

const PL: &str = "Rząd ogłosił w poniedziałek nowy podatek dla dużych firm. \
    Minister finansów powiedział, że pieniądze trafią do szkół i szpitali. \
    Opozycja skrytykowała plan jako zbyt słaby i zażądała wyższych pensji dla nauczycieli.";
const DE: &str = "Die Regierung kündigte am Montag eine neue Steuer für große Unternehmen an. \
    Der Finanzminister sagte, das Geld solle an Schulen und Krankenhäuser gehen. \
    Die Opposition kritisierte den Plan als zu schwach und forderte höhere Gehälter für Lehrer.";
const ES: &str = "El gobierno anunció el lunes un nuevo impuesto para las grandes empresas. \
    El ministro de finanzas dijo que el dinero irá a escuelas y hospitales. \
    La oposición criticó el plan como demasiado débil y exigió salarios más altos para los maestros.";
const EN_SAME: &str = "The government on Monday announced a new tax for large companies. \
    The finance minister said the money should go to schools and hospitals. \
    The opposition criticised the plan as too weak and demanded higher salaries for teachers.";
const EN_OTHER: &str = "Heavy rain flooded the river valley overnight and rescue crews evacuated \
    dozens of families from their homes. Forecasters expect the water to recede by the weekend, \
    while farmers count the damage to their fields.";

/// The similarity of the article in language `code` and each English one.
fn similarities(text: &str, code: &str) -> (f64, f64) {
    let inputs = [ArticleInput::new(text), ArticleInput::new(EN_SAME), ArticleInput::new(EN_OTHER)];
    let Ok(report) = analyze(&inputs, &Default::default()) else { return (f64::NAN, f64::NAN) };
    let langs: Vec<&str> = report.articles.iter().map(|a| a.language.code.as_str()).collect();
    assert_eq!(langs, [code, "en", "en"]);
    let ids: Vec<&String> = report.articles.iter().map(|a| &a.id).collect();
    let sim = |x: usize, y: usize| {
        let (Some(a), Some(b)) = (ids.get(x), ids.get(y)) else { return f64::NAN };
        report.pairs.iter().find(|p| (&&p.a, &&p.b) == (a, b) || (&&p.a, &&p.b) == (b, a)).map_or(0.0, |p| p.similarity)
    };
    (sim(0, 1), sim(0, 2))
}

/// Polish (FreeDict/WikDict pol-eng), German and Spanish (WikDict through
/// Polish, Finnish and Greek).
#[test]
fn the_dictionary_brings_a_report_and_an_english_report_of_one_event_together() {
    for (text, code) in [(PL, "pl"), (DE, "de"), (ES, "es")] {
        use_gloss(Some(GlossConfig { weight: 0.0, spread: Spread::Full }));
        let (same_without, other_without) = similarities(text, code);
        use_gloss(None);
        let (same, other) = similarities(text, code);
        eprintln!("{code}: same story {same_without:.3} → {same:.3}, another story {other_without:.3} → {other:.3}");
        assert!(same > same_without + 0.05, "{code}, same story: {same_without} without the dictionary, {same} with");
        assert!(same > other + 0.2, "{code}: same story {same}, another story {other}");
        assert!(other <= other_without + 0.05, "{code}, another story: {other_without} without, {other} with");
    }
}
