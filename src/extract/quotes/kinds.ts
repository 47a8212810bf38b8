import type { Doc } from "../doc.ts";
import { cueAt, RELATIVE_PRONOUNS, SPEAKER_NOUNS } from "../lexicons.ts";
import { APPOSITION_OPENERS } from "../speakers/words.ts";
import type { QuotedRegion, Token } from "../types.ts";
import { words } from "../word-classes.ts";

/**
 * What a quoted region is: speech standing on its own (a direct quote), a fragment quoted inside a
 * reported clause ('condemned it as “a grave violation”'), a scare quote ('so-called “independence”')
 * or the title of a work ('“Orange Is the New Black” star').
 */
export type RegionKind = "speech" | "fragment" | "scare" | "title";

const TERMINAL_INSIDE = /[.!?,;:…\u2014-]["'\u201d\u2019\u00bb]?$/;

export function classifyRegion(doc: Doc, region: QuotedRegion): RegionKind {
  const { tokens, text } = doc;
  const first = doc.tokenAt(region.inner.start);
  const last = doc.tokenAt(region.inner.end);
  const words = tokens.slice(first, last).filter((t) => t.kind === "word" || t.kind === "number");
  if (!words.length) return "scare";
  const innerText = text.slice(region.inner.start, region.inner.end).trimEnd();
  const terminal = TERMINAL_INSIDE.test(innerText) || region.closing !== "mark";
  const before = text.slice(doc.paragraphs[region.paragraph]?.start ?? 0, region.start).trimEnd();
  const introduced =
    before === "" || /[.!?:,]["'\u201d\u2019)]?$/.test(before) || /[\u2014\u2013]$/.test(before);
  const cueAfter = speechVerbAfter(doc, doc.tokenAt(region.end));
  const capitalised = words.filter((w) => w.upper).length;
  const sentenceLike = /[.!?…]["'\u201d\u2019]?$/.test(innerText);
  if (!sentenceLike && words.length >= 2 && capitalised / words.length >= 0.75 && !cueAfter) return "title";
  if (region.continues) return "speech";
  if (introduced && (words.length >= 3 || terminal || cueAfter)) return "speech";
  if (terminal && cueAfter) return "speech";
  const verbBefore = speechVerbBefore(doc, first);
  // A sentence ending in a long quotation and reporting no speech of its own ("During the 1990s
  // “we should not have …”"): more of what the last speaker said.
  if (!verbBefore && sentenceLike && words.length >= 4 && endsSentence(doc, region)) return "speech";
  if (verbBefore || words.length > 3) return "fragment";
  return "scare";
}

/** Words that end the speaker's noun phrase before a cue: a verb of its own means another clause. */
const NOT_IN_SPEAKER_PHRASE = words("be_finite", "be_nonfinite", "have", "modals", [
  "to",
  "that",
  "which",
  "when",
  "while",
  "because",
  "but",
  "and",
  "if",
  "as",
  "so",
  "than",
  "not",
]);

/**
 * A speech verb right after a quote, as in `," he said`, `," said the envoy` or `," Jeffrey Lewis
 * of the James Martin Center wrote`: only a speaker's noun phrase may stand between, in the same
 * paragraph, with no verb or clause of its own.
 */
export function speechVerbAfter(doc: Doc, from: number): number | undefined {
  const { tokens } = doc;
  const paragraph = doc.sentences[tokens[from - 1]?.sentence ?? -1]?.paragraph;
  let k = from;
  while (tokens[k] && (tokens[k]?.text === "," || /^[\u201d\u2019"']$/.test(tokens[k]?.text ?? ""))) k++;
  k = pastContinuation(doc, k);
  const start = k;
  for (let end = Math.min(tokens.length, k + 12); k < end; k++) {
    const t = tokens[k] as Token;
    if (doc.sentences[t.sentence]?.paragraph !== paragraph) return undefined;
    const cue = cueAt(tokens, k);
    // `…," state Sen. Jason Holsman said`: a noun-like verb's base form before a capital modifies it.
    const modifier = cue?.verb.noun && t.key === cue.verb.lemma && tokens[k + 1]?.upper;
    if (cue && !modifier && !t.upper && !doc.insideQuote(t.start)) {
      // "the report said", "a campaign tweet said": a noun that could be a verb, before the verb.
      const next = tokens[k + 1];
      return next && !next.upper && next.kind === "word" && cueAt(tokens, k + 1) ? k + 1 : k;
    }
    if (t.text === "," && k > start) {
      // "Fred Kagan, director of the Critical Threats Project at …, said": appositions (up to
      // four: "Harry Bond, 30, of Raleigh, N.C., who was among those polled, said"), whatever
      // their words, up to the comma that closes them; "R-Ky." keeps its full stop.
      let close = k;
      for (let apposition = 0; apposition < 4; apposition++) {
        const open = close;
        close = open + 1;
        while (
          close < Math.min(tokens.length, open + 24) &&
          tokens[close]?.text !== "," &&
          (!/^[.!?;:"]$/.test(tokens[close]?.text ?? "") || tokens[close + 1]?.text === ",")
        )
          close++;
        if (tokens[close]?.text !== ",") return apposition === 0 ? verbEndingApposition(doc, k) : undefined;
        if (cueAt(tokens, close + 1)) return close + 1;
      }
      return undefined;
    }
    if (t.text === "(") {
      // "Rep. Jim McDermott (D-Wash.) said": a parenthesis inside the speaker's phrase.
      let close = k + 1;
      while (close < Math.min(tokens.length, k + 10) && tokens[close]?.text !== ")") close++;
      if (tokens[close]?.text === ")") {
        k = close;
        continue;
      }
    }
    if (t.kind === "punct" && !["'s", "-", ",", "&", "$"].includes(t.text)) return undefined;
    // "Sotomayor has said": a perfect tense goes on to the verb.
    const perfect = (t.key === "has" || t.key === "have" || t.key === "had") && cueAt(tokens, k + 1);
    // "US ambassador to the UN Robert Wood said": an office's "to", not an infinitive.
    const office = t.key === "to" && SPEAKER_NOUNS.has(tokens[k - 1]?.key ?? "");
    if (NOT_IN_SPEAKER_PHRASE.has(t.key) && !t.upper && !perfect && !office) return undefined;
  }
  return undefined;
}

const PREPOSITIONS = words("prepositions");
/** How many words the quoted sentence may go on for after its closing mark. */
const CONTINUATION_WORDS = 6;

/**
 * `“…our land and air borders” with Iraqi Kurdistan, foreign ministry spokesman Bahram Ghasemi
 * said`: a phrase after the closing mark, opened by a preposition and closed by a comma, ends the
 * quoted sentence; the speaker's phrase starts after it. Returns where it does.
 */
export function pastContinuation(doc: Doc, k: number): number {
  const { tokens } = doc;
  const first = tokens[k];
  if (!first || first.upper || !PREPOSITIONS.has(first.key)) return k;
  for (let j = k + 1; j <= k + CONTINUATION_WORDS; j++) {
    const t = tokens[j];
    if (!t || t.sentence !== first.sentence || cueAt(tokens, j)) return k;
    if (t.text === ",") return j > k + 1 ? j + 1 : k;
    if (t.kind === "punct" && !["'s", "-"].includes(t.text)) return k;
  }
  return k;
}

/** Words a speech verb closing a sentence may have after it: "tweeted on Wednesday", "said in 2015". */
const AFTER_CLOSING_VERB = new Set([
  "on",
  "in",
  "at",
  "during",
  "after",
  "before",
  "late",
  "early",
  "last",
  "this",
]);

/**
 * `…," Nate Silver, the polling guru who founded fivethirtyeight.com tweeted on Wednesday.`: an
 * apposition opened at the comma `comma` and never closed, ended by the speech verb of the
 * sentence; a relative clause's own verb ("who said") is not it.
 */
function verbEndingApposition(doc: Doc, comma: number): number | undefined {
  const { tokens } = doc;
  if (!APPOSITION_OPENERS.has(tokens[comma + 1]?.key ?? "")) return undefined;
  const sentence = (tokens[comma] as Token).sentence;
  for (let k = comma + 3; k < Math.min(tokens.length, comma + 24); k++) {
    const t = tokens[k] as Token;
    if (t.sentence !== sentence || t.text === ",") return undefined;
    if (!cueAt(tokens, k) || t.upper || (tokens[k - 1] as Token).kind !== "word") continue;
    if (RELATIVE_PRONOUNS.has((tokens[k - 1] as Token).key)) continue;
    const next = tokens[k + 1];
    if (!next || next.sentence !== sentence || /^[.!?]$/.test(next.text) || AFTER_CLOSING_VERB.has(next.key))
      return k;
  }
  return undefined;
}

function endsSentence(doc: Doc, region: QuotedRegion): boolean {
  const next = doc.tokens[doc.tokenAt(region.end)];
  return (
    !next || next.sentence !== doc.tokens[doc.tokenAt(region.end) - 1]?.sentence || /^[.!?]$/.test(next.text)
  );
}

function speechVerbBefore(doc: Doc, first: number): boolean {
  const { tokens } = doc;
  const sentence = doc.sentences[(tokens[first] as Token | undefined)?.sentence ?? -1];
  if (!sentence) return false;
  for (let k = first - 1; k >= sentence.first; k--) if (cueAt(tokens, k)) return true;
  return false;
}
