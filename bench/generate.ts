/** Generated news-like articles for benchmarks: varied words, realistic length, reproducible. */
const WORDS =
  "the council said minister talks independence province government recognition vote members foreign ambassador resolution statement security sovereignty declaration envoy capital officials week agreement negotiations status mission president parliament law international support opposed referendum border troops elections region crisis meeting delegation treaty sanctions court opinion assembly majority draft proposal reform economy trade budget rights protest police report committee spokesman decision".split(
    " ",
  );
const NAMES = [
  "Ann Lee",
  "Boris Tadic",
  "Vitaly Churkin",
  "Jane Okafor",
  "Tomas Lindqvist",
  "Mira Kovac",
  "Wang Guangya",
];
const PLACES = ["UNITED NATIONS", "BELGRADE", "PRISTINA", "MOSCOW", "BRUSSELS", "WASHINGTON"];

/** A small deterministic generator (mulberry32), so every run benchmarks the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

function sentence(rand: () => number): string {
  const n = 8 + Math.floor(rand() * 18);
  const words = Array.from({ length: n }, () => pick(rand, WORDS));
  const first = words[0] ?? "the";
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  const speaker = pick(rand, NAMES);
  return rand() < 0.2 ? `"${words.join(" ")}," ${speaker} said.` : `${words.join(" ")}.`;
}

/** Article `i` of a corpus: title, byline, date line, dateline and about `chars` characters of story. */
export function article(
  i: number,
  chars = 3000,
): { title: string; author: string; date: string; text: string } {
  const rand = random(i + 1);
  const title = `Report ${i}: ${Array.from({ length: 6 }, () => pick(rand, WORDS)).join(" ")}`;
  const author = pick(rand, NAMES);
  const date = `2008-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const paragraph = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentence(rand)).join(" ");
    paragraphs.push(paragraphs.length === 0 ? `${pick(rand, PLACES)} — ${paragraph}` : paragraph);
    length += paragraph.length + 2;
  }
  return { title, author, date, text: paragraphs.join("\n\n") };
}
