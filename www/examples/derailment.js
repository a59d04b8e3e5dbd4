// "Try an example": four fictional articles written for Corroborate.
//
// Everything here is invented: the town, the railway, the people and the
// outlets. The set is built so every view has something to show: a wire
// story (A), an outlet that copies it with small substitutions (B), one that
// rewrites it with its own framing, drops clauses and contradicts it on
// numbers and the day (C), and an independent account from the scene (D).

export const EXAMPLE_ARTICLES = [
  {
    label: 'Continental Press (wire)',
    text: `Freight train derails near Millbrook Falls, hundreds evacuated

MILLBROOK FALLS (Continental Press) — Fourteen cars of a Northern Valley Rail freight train left the tracks near Millbrook Falls on Tuesday evening, spilling about 2,000 gallons of diesel fuel into the Cedar River and forcing the evacuation of 300 residents, county officials said.

No one was seriously injured. Two rail workers were treated at Harlow County Medical Center for minor injuries and released the same night, according to a hospital spokesperson.

The train was carrying lumber, grain and empty tank cars from the port at Kessington to a depot in Ashby when it derailed on a curve about a mile east of the town centre, said Tomas Lindqvist, a spokesperson for Northern Valley Rail.

"Our first priority is the safety of the community and our crews, and we are cooperating fully with investigators," Lindqvist said in a statement.

Marguerite Okafor, director of the Harlow County Office of Emergency Management, said the evacuation order covered about 120 homes within half a mile of the site. Residents were sheltered overnight at Millbrook Falls High School.

Okafor said crews had placed floating barriers on the river to contain the fuel and that the town's drinking water, which comes from wells north of the site, was not affected.

The State Transport Safety Board said it had sent a team of four investigators to the scene. A preliminary report is expected within 30 days.

Mayor Helen Brandt said the evacuation order would be lifted on Thursday morning if air and water tests came back clean.

It was the second derailment on the line this year. In February, three cars of a Northern Valley Rail train left the tracks near Ashby without injuries.`,
  },
  {
    label: 'Valley Daily Herald',
    text: `Freight train derails near Millbrook Falls, hundreds evacuated

By Herald staff

MILLBROOK FALLS — Fourteen cars of a Northern Valley Rail freight train left the tracks near Millbrook Falls on Tuesday evening, spilling about 2,000 gallons of diesel fuel into the Cedar River and forcing the evacuation of 300 people, county officials said.

No one was seriously injured. Two rail workers were treated at Harlow County Medical Center for minor injuries and released the same night, according to a hospital spokesperson.

The train was carrying lumber, grain and empty tank cars from the port at Kessington to a depot in Ashby when it derailed on a bend about a mile east of the town centre, said Tomas Lindqvist, a spokesperson for Northern Valley Rail.

"Our first priority is the safety of the community and our crews, and we are cooperating fully with investigators," Lindqvist told reporters.

Marguerite Okafor, director of the Harlow County Office of Emergency Management, said the evacuation order covered about 120 homes within half a mile of the site. Residents were sheltered overnight at Millbrook Falls High School.

Okafor said crews had placed floating barriers on the river to contain the fuel and that the town's drinking water, which comes from wells north of the site, was not affected.

The State Transport Safety Board said it had sent a team of four investigators to the scene. A preliminary report is expected within 30 days.

Mayor Helen Brandt said the evacuation order would be lifted on Thursday morning if air and water tests came back clean.

Readers with photos of the scene can send them to the Herald newsroom.

Continental Press contributed to this report.`,
  },
  {
    label: 'The Morning Ledger',
    text: `Another derailment on a troubled line leaves Millbrook Falls reeling

By Corinne Vasko, Morning Ledger

For the second time this year, a Northern Valley Rail train has come off the rails in Harlow County, and this time the river paid the price.

Eighteen cars of a freight train left the tracks near Millbrook Falls on Wednesday evening, spilling about 2,000 gallons of diesel fuel into the Cedar River and forcing the evacuation of 800 residents.

The train was carrying lumber, grain and empty tank cars from the port at Kessington to a depot in Ashby when it derailed on a curve about a mile east of the town centre.

Northern Valley Rail offered only a brief statement. A company spokesperson, Tomas Lindqvist, said the railway was "cooperating fully with investigators" but would not answer questions about track maintenance.

Families living near the tracks say they have warned about the line for years. "You can hear the rails groan every time a heavy train goes by," said Dale Pruitt, who has lived on River Road since 1998. "Nobody listened."

Marguerite Okafor, director of the Harlow County Office of Emergency Management, said the evacuation order covered homes within half a mile of the site. Crews placed floating barriers on the river to contain the fuel.

Environmental groups said the spill could threaten trout spawning grounds downstream. The Cedar River Alliance called for an independent review of the railway's safety record.

The State Transport Safety Board said it had sent investigators to the scene.

In February, three cars of a Northern Valley Rail train left the tracks near Ashby. The company blamed that accident on a broken rail and said repairs had been made along the whole line.

Mayor Helen Brandt said residents could return home on Friday at the earliest.`,
  },
  {
    label: 'Riverside Community Radio',
    text: `Millbrook Falls residents spend night in school gym after rail accident

Riverside Community Radio

The gym at Millbrook Falls High School turned into a dormitory on Tuesday night. Cots lined the basketball court, volunteers handed out soup, and children slept under emergency blankets while their parents watched the news on their phones.

About three hundred people were told to leave their homes after a Northern Valley Rail freight train came off the tracks east of town around seven in the evening. Fourteen cars derailed, several of them sliding down the embankment toward the Cedar River.

"We heard a long screech and then a bang like thunder," said Ruth Adeyemi, who lives two streets from the line. "By the time we got outside the sheriff was already knocking on doors."

Emergency manager Marguerite Okafor told us that diesel from the locomotive's tanks had reached the water, and that booms were stretched across the river before midnight. She stressed that the town's wells are upstream of the spill.

Volunteers from the Millbrook Falls Lions Club and the Red Cedar Food Bank kept the shelter running through the night. Pastor Emmanuel Ortiz of Grace Community Church brought breakfast for everyone at six in the morning.

Two railway employees were checked at the hospital for cuts and bruises and went home.

Farmers downstream of the crash worry about their irrigation water. "If the fuel gets into the ditches, we lose the season," said orchard owner Bill Haskett.

Mayor Helen Brandt visited the shelter on Wednesday morning and thanked the volunteers. She said families would be allowed back once the state had tested the air and the river.

The State Transport Safety Board has opened an investigation. Northern Valley Rail did not return our calls.`,
  },
];
