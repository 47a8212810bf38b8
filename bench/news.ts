import { random } from "./generate.ts";

/**
 * Generated news-like articles for the extraction benchmark: officials with titles, states,
 * direct and reported speech, dates, in the proportions of wire copy. Reproducible from the seed.
 */
const PEOPLE = [
  ["Boris", "Tadic", "President", "Serbian"],
  ["Vitaly", "Churkin", "Ambassador", "Russian"],
  ["Condoleezza", "Rice", "Secretary of State", "US"],
  ["Wang", "Guangya", "Ambassador", "Chinese"],
  ["Javier", "Solana", "foreign policy chief", "EU"],
  ["Hashim", "Thaci", "Prime Minister", "Kosovo"],
  ["Vojislav", "Kostunica", "Prime Minister", "Serbian"],
  ["Bernard", "Kouchner", "Foreign Minister", "French"],
  ["David", "Miliband", "Foreign Secretary", "British"],
  ["Miguel", "Moratinos", "Foreign Minister", "Spanish"],
] as const;
const STATES = [
  "Russia",
  "China",
  "Serbia",
  "Kosovo",
  "the United States",
  "Britain",
  "France",
  "Spain",
  "Germany",
  "Belarus",
];
const CLAUSES = [
  "the declaration violated international law",
  "talks should resume without delay",
  "the Council would meet again next week",
  "no solution could be imposed on a sovereign state",
  "the mission would continue under Resolution 1244",
  "recognition would follow within days",
  "the plan remained the basis of any settlement",
  "the region needed calm above all",
];
const QUOTES = [
  "We will not accept this, and we will say so in every forum",
  "The time for talks is over; now we must act",
  "This is a dangerous precedent for the whole world",
  "Our position has not changed and it will not change",
  "We call on all sides to show restraint",
];
const MONTHS = [
  "Jan.",
  "Feb.",
  "March",
  "April",
  "May",
  "June",
  "July",
  "Aug.",
  "Sept.",
  "Oct.",
  "Nov.",
  "Dec.",
];

const WORDS =
  "the council government province talks status vote members recognition security mission troops border region capital parliament declaration resolution envoy plan agreement negotiations sovereignty assembly election budget reform protest police report committee week month ministers delegation court opinion majority draft proposal economy trade rights minority".split(
    " ",
  );
const LINKS = [
  "of the",
  "in the",
  "for the",
  "and the",
  "with",
  "after the",
  "before the",
  "over the",
  "under the",
  "from",
];

/** A paragraph of narration: sentences of news vocabulary, no names, no speech. */
function narrative(rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const sentences: string[] = [];
  for (let s = 0; s < 2 + Math.floor(rand() * 3); s++) {
    const parts = [`The ${pick(WORDS)}`];
    for (let w = 0; w < 4 + Math.floor(rand() * 5); w++) parts.push(rand() < 0.3 ? pick(LINKS) : pick(WORDS));
    sentences.push(`${parts.join(" ")}.`);
  }
  return sentences.join(" ");
}

export function newsArticle(i: number): string {
  const rand = random(i * 7 + 3);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const paragraphs: string[] = [
    `BELGRADE, ${pick(MONTHS)} ${1 + Math.floor(rand() * 28)} — ${pick(STATES)} said on Monday that ${pick(CLAUSES)}.`,
  ];
  for (let p = 0; p < 8 + Math.floor(rand() * 6); p++) {
    const [first, last, title, place] = pick(PEOPLE);
    const form = rand();
    // About half of a wire story's paragraphs narrate, with no one quoted.
    if (form < 0.5) paragraphs.push(narrative(rand));
    else if (form < 0.62)
      paragraphs.push(
        `“${pick(QUOTES)},” ${place} ${title} ${first} ${last} told reporters. “${pick(QUOTES)}.”`,
      );
    else if (form < 0.75)
      paragraphs.push(
        `${first} ${last}, the ${place} ${title.toLowerCase()}, said that ${pick(CLAUSES)} and warned that ${pick(CLAUSES)}.`,
      );
    else if (form < 0.85) paragraphs.push(`${last} said ${pick(CLAUSES)}. He added: “${pick(QUOTES)}.”`);
    else if (form < 0.93)
      paragraphs.push(
        `In ${1990 + Math.floor(rand() * 18)}, ${pick(STATES)} and ${pick(STATES)} disagreed, and on ${pick(MONTHS)} ${1 + Math.floor(rand() * 28)} officials said ${pick(CLAUSES)}.`,
      );
    else
      paragraphs.push(
        `According to ${first} ${last}, ${pick(CLAUSES)}, while ${pick(STATES)} insisted that ${pick(CLAUSES)}.`,
      );
  }
  return paragraphs.join("\n\n");
}
