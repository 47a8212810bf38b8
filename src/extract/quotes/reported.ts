import type { Doc } from "../doc.ts";
import { accordingToAt, cueAt, PRONOUNS, type SpeechVerb } from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import { speakerAfter } from "../speakers/after-cue.ts";
import { speakerBefore } from "../speakers/before-cue.ts";
import { type Discourse, type SpeakerRef, spanOf } from "../speakers/rule.ts";
import { participleSubject } from "../speakers/subject.ts";
import type { Quote, Sentence, Span, Token } from "../types.ts";
import { words } from "../word-classes.ts";
import type { CueRule } from "./attribution.ts";
import {
  capLength,
  cutAtContrast,
  cutBeforeDirect,
  cutBeforeNextReport,
  cutBeforeParticiple,
  OBJECT_CUES,
  quotedShare,
} from "./content.ts";
import { bareAfterListener } from "./listeners.ts";
import { afterSpeechVerb, isSpeechVerb, speechVerbIn } from "./verbs.ts";

/** Forms of "be" before a participle: "was condemned" reports no speech by its subject. */
const BE = words("be_finite", "be_nonfinite", ["'s"]);
/** Words that cannot open a reported clause after "said": prepositions and the like ("said of the draft, …"). */
const NOT_A_CLAUSE = new Set(
  "of in on at to for with about by from after before during as so yes no nothing again earlier later recently repeatedly then through over into up out down off back across around".split(
    " ",
  ),
);
const NOT_A_LISTENER = words("be_finite", "be_nonfinite", "have", "modals", ["it", "they", "we"]);
/**
 * Words that may stand between a verb and its "that": "said Tuesday that", "said publicly that",
 * "announced last week that" (a time read so whether or not the text's date resolves it).
 */
const BEFORE_THAT = words("weekdays", "period_openers", "time_periods", [
  "yesterday",
  "today",
  "publicly",
  "privately",
  "repeatedly",
  "again",
  "also",
  "later",
  "earlier",
  "then",
  "on",
  "in",
  "a",
  "statement",
]);
/** Words opening a subordinate clause after a closing cue. */
const SUBORDINATORS = words("subordinators");
/** Days a verb may be followed by without a preposition: "said Monday", "said yesterday". */
const BARE_DAYS = words("weekdays", ["yesterday", "today", "tonight"]);
/** Verbs taking a reported clause after their listener or object ("told reporters that", "urged Serbia to"). */
const MAX_OBJECT = 6;

function terminalEnd(doc: Doc, sentence: Sentence): number {
  let last = sentence.last;
  while (last > sentence.first) {
    const t = doc.tokens[last - 1] as Token;
    if ((t.text === "." || t.text === "!" || t.text === "?" || t.text === ";") && !doc.insideQuote(t.start))
      last--;
    else break;
  }
  return last;
}

/** Where the reported content after a cue at token `verb` begins, or undefined if none does. */
function contentStart(doc: Doc, verb: number, info: SpeechVerb, limit: number): number | undefined {
  const { tokens } = doc;
  let k = verb + 1;
  // Multi-word cues ("called for", "pointed out") end further on.
  k = Math.max(k, cueEnd(doc, verb));
  if (info.object || (info.lemma === "demand" && tokens[k]?.key !== "that")) return k < limit ? k : undefined;
  // "said that …", "said Tuesday that …"; "told reporters that …", "warned Serbia that …": only a
  // listener (after a verb that takes one) or a time may come before "that"; a "that" further on
  // opens a relative clause ("said the states that had recognised …").
  // "vowed to block any recognition": an infinitive as the content.
  if (info.to && tokens[k]?.key === "to" && k + 1 < limit) return k;
  k = afterAside(doc, pastTimeWords(doc, afterTime(doc, k, limit), limit), limit);
  const listener = info.class === "tell" || info.class === "position";
  const medium = thatAfterMedium(doc, k, limit);
  if (medium !== undefined) return medium;
  for (let j = k; j < Math.min(limit, k + (listener ? MAX_OBJECT : 3)); j++) {
    const t = tokens[j] as Token;
    if (t.key === "that" && !doc.insideQuote(t.start)) return j;
    // "told Russian President Dmitry Medvedev during a visit to the Kremlin that …": where, after the listener.
    const after = listener && j > k ? thatAfterMedium(doc, j, limit) : undefined;
    if (after !== undefined) return after;
    if (!listener && !BEFORE_THAT.has(t.key)) break;
    // "made clear it would block any text that …": a clause of its own, not a listener.
    // "in May" is a month, not the modal.
    if (NOT_A_LISTENER.has(t.key) && !t.upper) break;
    if (t.text === "," || t.text === "." || t.text === ":" || t.text === ";" || PRONOUNS.has(t.key)) break;
  }
  // Without "that", only verbs that take a bare clause have content there: "said the talks
  // failed", but not "recalled its ambassador" or "declared the province independent".
  if (info.class === "tell") return bareAfterListener(doc, k, limit);
  if (!info.that || !info.bare) return undefined;
  const next = tokens[k];
  if (!next || k >= limit || next.kind === "punct" || NOT_A_CLAUSE.has(next.key)) return undefined;
  // "…, said Bjarni Benediktsson, ending the visit": after a comma, a name closing its clause is
  // the speaker of what came before, not the start of what was said.
  if (tokens[verb - 1]?.text === "," && nameClosingClause(doc, k)) return undefined;
  return k;
}

/** Whether a name stands at token `k` with a comma or the sentence's end right after it. */
function nameClosingClause(doc: Doc, k: number): boolean {
  const entity = doc.tokenEntity[k] ?? -1;
  if (entity < 0) return false;
  let j = k;
  while (doc.tokenEntity[j] === entity) j++;
  const after = doc.tokens[j];
  return !after || after.sentence !== doc.tokens[k]?.sentence || after.text === "," || after.text === ".";
}

/** "said on September 3 his country would …": past a date right after the verb, and its "on". */
function afterTime(doc: Doc, k: number, limit: number): number {
  const { tokens } = doc;
  // The date's words may or may not take in the "on" before it.
  const starts = [tokens[k]?.start, tokens[k]?.key === "on" ? tokens[k + 1]?.start : undefined];
  const date = doc.dates.find((d) => starts.includes(d.start));
  if (!date) return k;
  let next = doc.tokenAt(date.end);
  if (tokens[next]?.text === ",") next++;
  // "…, Juppe said Monday.": a date that closes the sentence leaves no content after the verb.
  return Math.min(next, limit);
}

/** Words naming a stretch of time after "last", "this", "earlier this": "last week", "earlier this year". */
const PERIODS = words("time_periods");
const PERIOD_OPENERS = words("period_openers");

/**
 * Past the time told right after a verb, whether or not the text's date resolves it: "said on
 * Thursday it recognised …", "saying earlier this year he wanted …". A day named bare is when, not
 * what was said ("said Saturday's meeting …" is).
 */
function pastTimeWords(doc: Doc, k: number, limit: number): number {
  const key = (j: number) => doc.tokens[j]?.key ?? "";
  for (;;) {
    if (k >= limit) return k;
    if (BARE_DAYS.has(key(k)) && key(k + 1) !== "'s") k++;
    else if (key(k) === "on" && BARE_DAYS.has(key(k + 1)) && key(k + 2) !== "'s") k += 2;
    else if (PERIOD_OPENERS.has(key(k)) && PERIODS.has(key(k + 1))) k += 2;
    else if (key(k) === "earlier" && PERIOD_OPENERS.has(key(k + 1)) && PERIODS.has(key(k + 2))) k += 3;
    else return k;
  }
}

/** Adverbs set off by commas between a verb and its "that": "said, however, that". */
const ASIDES = new Set([
  "however",
  "though",
  "moreover",
  "meanwhile",
  "nonetheless",
  "nevertheless",
  "too",
  "also",
]);

/** "said, however, that …": past an adverb between commas right after the verb. */
function afterAside(doc: Doc, k: number, limit: number): number {
  const { tokens } = doc;
  const aside =
    tokens[k]?.text === "," && ASIDES.has(tokens[k + 1]?.key ?? "") && tokens[k + 2]?.text === ",";
  return aside && k + 3 < limit ? k + 3 : k;
}

/** Prepositions opening where or how words were said: "said in a statement that", "told reporters at a news conference that". */
const MEDIUM_OPENERS = new Set(["in", "on", "at", "during", "via", "through"]);
/** How many words a medium's phrase may have: "in a written statement on its website". */
const MAX_MEDIUM = 8;

/** "said in a statement that …": the "that" after a phrase naming where or how, if the verb is followed by one. */
function thatAfterMedium(doc: Doc, k: number, limit: number): number | undefined {
  const { tokens } = doc;
  if (!MEDIUM_OPENERS.has(tokens[k]?.key ?? "")) return undefined;
  for (let j = k + 1; j < Math.min(limit, k + MAX_MEDIUM); j++) {
    const t = tokens[j] as Token;
    if (t.key === "that" && !doc.insideQuote(t.start)) return j;
    if (t.kind === "punct" && t.text !== "'s" && t.text !== "-") return undefined;
    if (NOT_A_LISTENER.has(t.key) && !t.upper) return undefined;
  }
  return undefined;
}

/** A word of a sentence that may report speech, and the sentence's end before its closing stop. */
interface ReportAt {
  k: number;
  sentence: Sentence;
  end: number;
  discourse: Discourse;
}

/** What a reporting rule read: who, what they said, and the rule. */
interface Report {
  speaker: SpeakerRef | undefined;
  content: Span | undefined;
  rule: CueRule;
}

/** `according to SPEAKER, CONTENT` or `CONTENT, according to SPEAKER`. */
const ACCORDING_TO: CueRule = named("reported-according-to");
/** `CONTENT, a spokesman said on Tuesday.`, `CONTENT, said the envoy`. */
const INVERTED: CueRule = named("reported-inverted");
/** `SPEAKER said (that) CONTENT`, `told X that`, `urged`, `called for`: a rule for each class of speech verb. */
const BY_CLASS = new Map<SpeechVerb["class"], CueRule>(
  (["say", "tell", "position", "belief", "document", "manner"] as const).map((c) => [
    c,
    named(`reported-${c}`),
  ]),
);

/**
 * Reported speech: `SPEAKER said (that) CONTENT`, `SPEAKER told X that CONTENT`, `urged`,
 * `called for`, `according to SPEAKER, CONTENT`, and the inverted `CONTENT, SPEAKER said.` Each
 * with its speaker resolved as for direct quotes, and the content running to the end of the
 * sentence. A quoted fragment inside the content makes it a mixed quote; content that is nearly
 * all quotation is a direct quote.
 */
export function findReportedSpeech(doc: Doc, direct: Quote[]): Quote[] {
  const discourse: Discourse = { speakers: [] };
  const out: Quote[] = [];
  for (const sentence of doc.sentences) {
    const end = terminalEnd(doc, sentence);
    for (let k = sentence.first; k < end; k++) {
      if (doc.insideQuote((doc.tokens[k] as Token).start)) continue;
      const report = reportAt(doc, { k, sentence, end, discourse });
      const quote = report && reportedQuote(doc, k, report, direct);
      if (quote) out.push(quote);
    }
  }
  return out;
}

/** The report a word makes, by the first rule that reads one: "according to", a verb with its content after, or an inverted cue. */
function reportAt(doc: Doc, at: ReportAt): Report | undefined {
  const source = accordingToAt(doc.tokens, at.k);
  if (source > 0) return accordingTo(doc, at, source);
  if (!isSpeechVerb(doc, at.k)) return undefined;
  const info = (cueAt(doc.tokens, at.k) as { verb: SpeechVerb }).verb;
  // "shot back that …": a verb of manner reports content only through its "that".
  const mannerThat = info.class === "manner" && info.that && doc.tokens[cueEnd(doc, at.k)]?.key === "that";
  if (
    info.class === "ask" ||
    (info.class === "manner" && !mannerThat) ||
    BE.has(doc.tokens[at.k - 1]?.key ?? "")
  )
    return undefined;
  return contentAfter(doc, at, info) ?? inverted(doc, at, info);
}

/** The token after the speech cue at `k`: "shot back" ends past "back". */
const cueEnd = (doc: Doc, k: number) => cueAt(doc.tokens, k)?.end ?? k + 1;

function accordingTo(
  doc: Doc,
  { k, sentence, end, discourse }: ReportAt,
  source: number,
): Report | undefined {
  const { tokens } = doc;
  // "Mr Mas said, according to Reuters, that …": what comes before is the verb's report, not content.
  if (afterSpeechVerb(doc, k)) return undefined;
  const speaker = speakerAfter(doc, k + source, end, discourse);
  if (!speaker) return undefined;
  const after = doc.tokenAt(speaker.span.end);
  // "According to Reuters, Mas said that …": the verb after the source reports, with a speaker of its own.
  if (k <= sentence.first + 2 && speechVerbIn(doc, after, end)) return undefined;
  const content =
    k > sentence.first + 2
      ? spanOf(doc, sentence.first, k - (tokens[k - 1]?.text === "," ? 1 : 0))
      : after + 1 < end
        ? spanOf(doc, after + (tokens[after]?.text === "," ? 1 : 0), end)
        : undefined;
  return { speaker, content, rule: ACCORDING_TO };
}

function contentAfter(
  doc: Doc,
  { k, sentence, end, discourse }: ReportAt,
  info: SpeechVerb,
): Report | undefined {
  const from = contentStart(doc, k, info, end);
  if (from === undefined || from >= end) return undefined;
  // "The town issued a statement saying that …": a participle's speaker is its clause's subject.
  const participle = (doc.tokens[k] as Token).key.endsWith("ing") && k > sentence.first;
  const speaker =
    (participle ? participleSubject(doc, sentence.first, k, discourse) : undefined) ??
    speakerBefore(doc, k, sentence.first, discourse);
  let content = spanOf(doc, from, end);
  if (OBJECT_CUES.has(info.lemma)) content = cutAtContrast(doc, content);
  return { speaker, content, rule: BY_CLASS.get(info.class) as CueRule };
}

/** "CONTENT, a spokesman said on Tuesday." / "CONTENT, said the envoy, …" */
function inverted(doc: Doc, { k, sentence, end, discourse }: ReportAt, info: SpeechVerb): Report | undefined {
  // The cue's own clause: a subordinate clause after it is no part of it.
  const last = clauseEnd(doc, k, end);
  // "…, Kofi Annan announced Friday": a verb that reports content may close it though it does not
  // take it bare, when only the time follows; not "…, its parliament declared independence", nor a
  // form more often a noun ("…, and some Muslim states").
  const key = (doc.tokens[k] as Token).key;
  const nounForm = info.noun && (key === info.lemma || key === `${info.lemma}s`);
  const closes = info.bare || (info.that && !nounForm && onlyTimeAfter(doc, k));
  if (k <= sentence.first + 3 || !closes || !isClosingCue(doc, k, last)) return undefined;
  const comma = lastCommaBefore(doc, k, sentence.first);
  if (comma === undefined || comma <= sentence.first) return undefined;
  // Only a verb that takes its content bare comes before its speaker: "…, said the envoy", not "…, recalled its envoy".
  if (comma + 1 === k && !info.bare) return undefined;
  const opener = doc.tokens[comma + 1]?.key ?? "";
  if (comma + 1 < k && (CLAUSE_OPENERS.has(opener) || last - k > 7)) return undefined;
  // "…, who was not authorized to speak, told Fox News": after "told", the listener.
  if (comma + 1 === k && info.class === "tell") return undefined;
  const speaker =
    comma + 1 === k ? speakerAfter(doc, k + 1, end, discourse) : speakerBefore(doc, k, comma + 1, discourse);
  return { speaker, content: spanOf(doc, sentence.first, comma), rule: INVERTED };
}

/** A report as a quote, its content cut to what was said; undefined when too little is left or it repeats a direct quote. */
function reportedQuote(doc: Doc, k: number, report: Report, direct: Quote[]): Quote | undefined {
  const { tokens } = doc;
  const { speaker } = report;
  const content =
    report.content &&
    cutBeforeNextReport(
      doc,
      cutBeforeParticiple(doc, cutBeforeDirect(doc, capLength(doc, report.content), direct)),
      k,
    );
  // "confirmed the position, saying, "…"": what is left before the quote is no reported speech.
  const lastWord = content ? doc.tokenAt(content.end) - 1 : -1;
  if (tokens[lastWord]?.key.endsWith("ing") && cueAt(tokens, lastWord)) return undefined;
  if (!speaker || !content || content.end - content.start < 12 || overlapsDirect(direct, content))
    return undefined;
  if (PRONOUNS.get(doc.text.slice(speaker.span.start, speaker.span.end).toLowerCase()) === "first")
    return undefined;
  const t = tokens[k] as Token;
  return {
    start: content.start,
    end: content.end,
    kind: quotedShare(doc, content) >= 0.9 ? "direct" : "indirect",
    spans: [content],
    speaker: speaker.entity,
    speakerSpan: speaker.span,
    cue: doc.text.slice(t.start, t.end),
    cueSpan: { start: t.start, end: t.end },
    rule: `${report.rule.id}/${speaker.rule.id}`,
  };
}

/** Whether a content span is for the most part a direct quote's. */
function overlapsDirect(direct: Quote[], span: Span): boolean {
  return direct.some((q) =>
    q.spans.some(
      (s) => Math.min(s.end, span.end) - Math.max(s.start, span.start) > 0.5 * (span.end - span.start),
    ),
  );
}

/** Where the cue's own clause ends: at a subordinate clause after it ("… said Monday as the leader threatens …"), else `end`. */
function clauseEnd(doc: Doc, k: number, end: number): number {
  for (let j = k + 2; j < end; j++) if (SUBORDINATORS.has((doc.tokens[j] as Token).key)) return j;
  return end;
}

/** A cue that closes its clause, which ends at `last`: only adverbials may follow ("…, he said on Tuesday."). */
function isClosingCue(doc: Doc, k: number, last: number): boolean {
  for (let j = k + 1; j < last; j++) {
    const t = doc.tokens[j] as Token;
    if (t.key === "that" || t.text === ":" || doc.insideQuote(t.start) || isSpeechVerb(doc, j)) return false;
  }
  return last - k <= 25;
}

/** Words that may follow a cue closing its clause when only the time is told after it: "announced on Friday". */
const TIME_AFTER = words("weekdays", "period_openers", [
  "on",
  "late",
  "earlier",
  "later",
  "yesterday",
  "today",
  "tonight",
]);

/** Whether the cue at `k` ends its clause or only the time follows it. */
function onlyTimeAfter(doc: Doc, k: number): boolean {
  const next = doc.tokens[k + 1];
  return (
    !next ||
    next.sentence !== (doc.tokens[k] as Token).sentence ||
    next.kind === "punct" ||
    TIME_AFTER.has(next.key)
  );
}

/** Words that open a clause of its own after a comma: "…, and President Sarkozy wrote to …". */
const CLAUSE_OPENERS = new Set([
  "and",
  "but",
  "while",
  "as",
  "when",
  "because",
  "although",
  "though",
  "so",
  "which",
  "who",
]);

function lastCommaBefore(doc: Doc, k: number, floor: number): number | undefined {
  for (let j = k - 1; j > floor && k - j <= 10; j--) {
    const t = doc.tokens[j] as Token;
    if (t.text === "," && !doc.insideQuote(t.start)) return j;
    if (t.text === "." || t.text === ";") return undefined;
  }
  return undefined;
}
