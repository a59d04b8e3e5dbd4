// Short news texts written for the language tests and benchmarks: one
// story (a harbor bridge closed after cracks were found) in five languages,
// two versions each.
export const MIXED_ARTICLES = [
  { lang: 'en', label: 'EN 1', text: 'The city council voted on Tuesday to close the old harbor bridge after inspectors found cracks in two of its supports. Mayor Anna Berg said repairs would take at least six months and cost 12 million euros.' },
  { lang: 'en', label: 'EN 2', text: 'Rotterdam closed its old harbor bridge on Tuesday. Inspectors had found cracks in two supports, and Mayor Anna Berg said the repairs would last six months and cost about 12 million euros.' },
  { lang: 'de', label: 'DE 1', text: 'Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke zu sperren, nachdem Prüfer Risse in zwei Stützen gefunden hatten. Bürgermeisterin Anna Berg sagte, die Reparatur dauere mindestens sechs Monate und koste 12 Millionen Euro.' },
  { lang: 'de', label: 'DE 2', text: 'Rotterdam sperrt seine alte Hafenbrücke. Bei einer Prüfung wurden Risse in zwei Stützen entdeckt; laut Bürgermeisterin Anna Berg wird die Instandsetzung sechs Monate dauern und rund 12 Millionen Euro kosten.' },
  { lang: 'es', label: 'ES 1', text: 'El ayuntamiento votó el martes cerrar el viejo puente del puerto después de que los inspectores encontraran grietas en dos de sus soportes. La alcaldesa Anna Berg dijo que las reparaciones durarán al menos seis meses y costarán 12 millones de euros.' },
  { lang: 'es', label: 'ES 2', text: 'Róterdam cerró el martes su antiguo puente portuario. Los inspectores hallaron grietas en dos soportes y, según la alcaldesa Anna Berg, la reparación durará seis meses y costará unos 12 millones de euros.' },
  { lang: 'fr', label: 'FR 1', text: 'Le conseil municipal a voté mardi la fermeture du vieux pont du port après que des inspecteurs ont découvert des fissures dans deux de ses piliers. La maire Anna Berg a déclaré que les travaux dureraient au moins six mois et coûteraient 12 millions d’euros.' },
  { lang: 'fr', label: 'FR 2', text: 'Rotterdam a fermé mardi son ancien pont portuaire. Des fissures ont été trouvées dans deux piliers et, selon la maire Anna Berg, la réparation prendra six mois et coûtera environ 12 millions d’euros.' },
  { lang: 'ru', label: 'RU 1', text: 'Городской совет во вторник проголосовал за закрытие старого портового моста после того, как инспекторы обнаружили трещины в двух его опорах. Мэр Анна Берг заявила, что ремонт займёт не менее шести месяцев и обойдётся в 12 миллионов евро.' },
  { lang: 'ru', label: 'RU 2', text: 'Роттердам во вторник закрыл старый портовый мост. В двух опорах нашли трещины; по словам мэра Анны Берг, ремонт продлится шесть месяцев и будет стоить около 12 миллионов евро.' },
];
