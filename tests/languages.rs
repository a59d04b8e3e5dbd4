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
