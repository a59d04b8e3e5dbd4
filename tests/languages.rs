//! Language identification on short news texts written for this test, one
//! per language of the SemEval-2022 data, and the language in the report:
//! identified per article, or as the user set it.

use corroborate::lang::detect::identify;
use corroborate::{analyze, ArticleInput};

/// (code, text): short news paragraphs written for these tests.
pub const TEXTS: &[(&str, &str)] = &[
    ("en", "The city council voted on Tuesday to close the old harbor bridge after inspectors found cracks in two of its supports. Repairs are expected to take at least six months."),
    ("de", "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke zu sperren, nachdem Prüfer Risse in zwei Stützen gefunden hatten. Die Reparatur soll mindestens sechs Monate dauern."),
    ("es", "El ayuntamiento votó el martes cerrar el viejo puente del puerto después de que los inspectores encontraran grietas en dos de sus soportes. Las reparaciones durarán al menos seis meses."),
    ("fr", "Le conseil municipal a voté mardi la fermeture du vieux pont du port après que des inspecteurs ont découvert des fissures dans deux de ses piliers. Les travaux dureront au moins six mois."),
    ("it", "Il consiglio comunale ha votato martedì la chiusura del vecchio ponte del porto dopo che gli ispettori hanno trovato crepe in due dei suoi sostegni. I lavori dureranno almeno sei mesi."),
    ("pl", "Rada miasta zagłosowała we wtorek za zamknięciem starego mostu portowego, po tym jak inspektorzy znaleźli pęknięcia w dwóch podporach. Naprawa potrwa co najmniej sześć miesięcy."),
    ("ru", "Городской совет во вторник проголосовал за закрытие старого портового моста после того, как инспекторы обнаружили трещины в двух его опорах. Ремонт займёт не менее шести месяцев."),
    ("tr", "Belediye meclisi salı günü, müfettişlerin iki destekte çatlak bulmasının ardından eski liman köprüsünün kapatılmasına karar verdi. Onarımın en az altı ay sürmesi bekleniyor."),
    ("ar", "صوّت مجلس المدينة يوم الثلاثاء على إغلاق جسر الميناء القديم بعد أن عثر المفتشون على تشققات في اثنتين من دعاماته. ومن المتوقع أن تستغرق الإصلاحات ستة أشهر على الأقل."),
    ("zh", "市议会周二投票决定关闭旧港口大桥，此前检查人员在其两个支柱中发现了裂缝。修复工作预计至少需要六个月。"),
];

#[test]
fn each_language_of_the_data_is_identified() {
    for (code, text) in TEXTS {
        let l = identify(text);
        assert_eq!(&l.code, code, "{text}");
        assert!(l.confidence > 0.0 && l.confidence <= 1.0, "{code}: {}", l.confidence);
        assert!(!l.user_set);
    }
}

#[test]
fn the_report_gives_each_article_its_language_and_keeps_the_users_choice() {
    let inputs: Vec<ArticleInput> = TEXTS.iter().map(|(_, t)| ArticleInput::new(*t)).collect();
    let report = analyze(&inputs, &Default::default()).expect("analyzes");
    for ((code, _), a) in TEXTS.iter().zip(&report.articles) {
        assert_eq!(&a.language.code, code);
        assert!(!a.language.user_set);
    }
    // the user says the German article is Dutch: the report follows the user
    let mut chosen = ArticleInput::new(TEXTS[1].1);
    chosen.language = Some("nl".to_string());
    let report = analyze(&[chosen, ArticleInput::new(TEXTS[0].1)], &Default::default()).expect("analyzes");
    let a = &report.articles[0].language;
    assert_eq!((a.code.as_str(), a.name.as_str(), a.user_set, a.confidence), ("nl", "Dutch", true, 1.0));
    assert_eq!(report.articles[1].language.code, "en");
}

/// Three reports of one event written for this test, in English, German
/// and Russian: one country row and one person row across the languages,
/// the same figure and date agreeing, a different figure and a different
/// date found as conflicts.
#[test]
fn an_event_in_three_languages_merges_its_names_and_compares_its_facts() {
    let en = "Floods in Russia killed 87 people, officials said on May 5, 2017. President Vladimir Putin \
              visited the flooded region of Russia the next day and promised help to the families.";
    let de = "Bei Überschwemmungen in Russland sind 87 Menschen ums Leben gekommen, teilten die Behörden am \
              5. Mai 2017 mit. Präsident Wladimir Putin besuchte die Region in Russland am nächsten Tag.";
    let ru = "Наводнения в России унесли жизни 80 человек, сообщили власти 7 мая 2017 года. Президент \
              Владимир Путин посетил пострадавший регион России на следующий день.";
    let inputs: Vec<ArticleInput> = [en, de, ru].iter().map(|t| ArticleInput::new(*t)).collect();
    let report = analyze(&inputs, &Default::default()).expect("analyzes");
    let langs: Vec<&str> = report.articles.iter().map(|a| a.language.code.as_str()).collect();
    assert_eq!(langs, ["en", "de", "ru"]);
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    let row = |name: &str| report.entities.iter().find(|e| e.name == name);
    let russia = row("Russia").unwrap_or_else(|| panic!("no Russia row: {:?}", report.entities));
    for id in &ids {
        assert!(russia.counts.get(*id).is_some_and(|n| *n >= 2), "Russia in {id}: {:?}", russia.counts);
    }
    let putin = report
        .entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == "Владимир Путин"))
        .unwrap_or_else(|| panic!("no Путин: {:?}", report.entities));
    assert_eq!(putin.counts.len(), 3, "{putin:?}");
    let facts: Vec<(&str, &str, Option<&str>)> = report
        .divergences
        .iter()
        .filter(|d| d.kind == corroborate::DivergenceKind::Fact)
        .map(|d| (d.article.as_str(), d.text.as_str(), d.counterpart.as_deref()))
        .collect();
    let conflict =
        |a: &str, b: &str| facts.iter().any(|(_, t, c)| (*t == a && *c == Some(b)) || (*t == b && *c == Some(a)));
    assert!(conflict("80 человек", "87 people") || conflict("80", "87"), "{facts:?}");
    let dated = |c: &Option<&str>| c.is_some_and(|c| c.starts_with("May 5") || c.starts_with("5. Mai"));
    assert!(facts.iter().any(|(_, t, c)| *t == "7 мая 2017" && dated(c)), "{facts:?}");
    // the same figure and the same date in English and German: no difference
    assert!(!conflict("87 Menschen", "87 people"), "{facts:?}");
    assert!(!conflict("5. Mai 2017", "May 5, 2017"), "{facts:?}");
}

fn similarity(a: &str, b: &str) -> Option<f64> {
    let report = analyze(&[ArticleInput::new(a), ArticleInput::new(b)], &Default::default()).ok()?;
    report.pairs.first().map(|p| p.similarity)
}

/// Across scripts the names meet through their transliteration: a Russian
/// report is closer to the English report naming the same people than to
/// one of equal length naming others (texts written for this test).
#[test]
fn names_meet_across_scripts_in_the_similarity() {
    let cases = [
        (
            "Трамп и Зеленский встретились в Варшаве. Трамп сказал, что Зеленский получит помощь.",
            "Trump and Zelensky met in Warsaw. Trump said that Zelensky would get help.",
            "Macron and Scholz met in Lisbon. Macron said that Scholz would get help.",
        ),
        (
            "Путин прибыл в Анкару, где Эрдоган встретил его в аэропорту.",
            "Putin arrived in Ankara, where Erdogan met him at the airport.",
            "Biden arrived in Nairobi, where Ruto met him at the airport.",
        ),
    ];
    for (ru, same, other) in cases {
        let (s, o) = (similarity(ru, same).expect("a pair"), similarity(ru, other).expect("a pair"));
        assert!(s > o + 0.1, "{ru}: {s} against {o}");
    }
}

/// Within one language the headline's words weigh more: a German report
/// is closer to one sharing its headline's words than to one sharing as
/// many words of its body (texts written for this test).
#[test]
fn the_headline_weighs_more_within_one_language() {
    let a = "Feuerwehr rettet Bewohner aus Hochwasser in Passau. Die Stadt meldet Schäden an Brücken, \
             Straßen und Schulen; der Bahnhof bleibt bis Freitag geschlossen.";
    let headline = "Feuerwehr rettet Bewohner aus Hochwasser in Passau. Der Regen soll am Wochenende \
                    nachlassen, sagte ein Sprecher des Wetterdienstes am Abend.";
    let body = "Neue Umleitung für Pendler im Landkreis. Die Stadt meldet Schäden an Brücken, Straßen \
                und Schulen; der Bahnhof bleibt bis Freitag geschlossen.";
    let (h, b) = (similarity(a, headline).expect("a pair"), similarity(a, body).expect("a pair"));
    assert!(h > b, "{h} against {b}");
}
