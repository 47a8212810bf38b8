import type { Doc } from "../extract/doc.ts";
import { cueAt } from "../extract/lexicons.ts";
import type { Quote, Span, Token } from "../extract/types.ts";
import { contested, stateInfo, stateName } from "../world/states.ts";
import { speaksFor, subjects } from "./actors.ts";
import { clauseStart, conditional, inRelativeClause, modifyingParticiple, nounUse } from "./clauses.ts";
import { AFTER_PROPOSITION, type CompiledCodebook, type Cue, opposite, type StanceValue } from "./compile.ts";
import {
  claimHit,
  cueSpanOf,
  dateIn,
  described,
  type Hit,
  listedHolders,
  motionHit,
  ownerPolarity,
  polarity,
} from "./hits.ts";
import {
  claimantOf,
  type Holders,
  holdersInQuotes,
  holdersOfAct,
  ownersOfAct,
  quotesAt,
  stateVoiced,
} from "./holders.ts";
import { sameActAfter } from "./lists.ts";
import { motionHolders, motionSaying } from "./motions.ts";
import { type Loose, matchPattern, type Slot } from "./patterns.ts";
import { reactionHits } from "./reactions.ts";
import { relativeHits } from "./relatives.ts";
import { ACT_NOUNS } from "./syntax.ts";
import { mentionsTarget, targetMentions } from "./target.ts";
import { abstentions, type Motion, VOTE_VERBS, type Vote, votesOn } from "./votes.ts";

/** A stance found in a document: who, on which issue, which way, on what evidence, when. */
export interface StanceFound {
  issue: string;
  actor: number;
  /** The official whose words or act gave the stance of the state or body he speaks for. */
  via?: number;
  stance: StanceValue;
  /** The sentences or quotes that show it. */
  evidence: Span[];
  /** The cue words in each piece of evidence. */
  cues: Span[];
  date?: string;
  rule: string;
}

/** A cue matched on an issue whose holder the rules could not tell: what a learned reader weighs. */
export interface CueSeen {
  issue: string;
  /** The cue's first token. */
  token: number;
  stance: StanceValue;
}

/**
 * Stances on each codebook's issue: cue patterns matched in quotes (the speaker's stance) and in
 * narrative sentences when the cue is a verb (its subjects' stance, each of a list counted).
 * Negation turns support into opposition and back ("will not recognise"); cues in a condition
 * ("if Russia vetoed") or hedged ("may recognise") are not taken as stances, the latter kept as
 * neutral. Cues that do not name the target count only in a text about it.
 */
export function findStances(doc: Doc, books: CompiledCodebook[], unheld: CueSeen[] = []): StanceFound[] {
  const found = new Map<string, StanceFound>();
  // Words read as a stance on one issue about a target are not read again for another issue
  // about it: "condemned the annexation of Crimea" is not also a stance on its independence.
  const claimed = new Map<string, Span[]>();
  for (const book of books) {
    const target = book.targetKeys[0]?.join(" ") ?? "";
    const taken = claimed.get(target) ?? [];
    const mine: Span[] = [];
    let motion: Motion | undefined;
    const loose: Loose = { stops: (j) => namesOtherActor(doc, book, j, books) };
    // A text on one issue that names its target is about it; among several, naming twice tells.
    const about = targetMentions(doc, book) >= (books.length === 1 ? 1 : 2);
    for (const sentence of doc.sentences) {
      // Cues inside the proposition of a cue before: only an act with an owner of its own counts.
      let nestedUntil = -1;
      for (let k = sentence.first; k < sentence.last; k++) {
        const cues = book.byFirst.get((doc.tokens[k] as Token).key);
        if (!cues) continue;
        // Most cues opening with a proposition are passed over by one look for any of their words.
        const anyAfter = cues.some((cue) => cue.after) && wordNear(doc, k, book.afterAny);
        for (const cue of cues) {
          if (cue.after && !(anyAfter && wordNear(doc, k, cue.after))) continue;
          const filled: Partial<Record<Slot, [number, number]>> = {};
          const end = matchPattern(doc.tokens, k, cue.elements, book.slots, filled, loose);
          if (end < 0 || (cue.verb && nounUse(doc, k, end))) continue;
          if (
            cue.its &&
            !itsOf(doc, book, cue.its === "PARENT" ? book.codebook.parent : book.codebook.by, k, end)
          )
            continue;
          if (insideLongerName(doc, filled.PARENT) || insideLongerName(doc, filled.BY)) continue;
          const namesTarget =
            cue.its !== undefined ||
            filled.T !== undefined ||
            filledWithTarget(doc, filled.P, book) ||
            filled.PARENT !== undefined ||
            targetJustAfter(doc, book, end, sentence.last);
          if (!namesTarget && !about) continue;
          const resolved = resolveHit(
            doc,
            book,
            cue,
            { k, end, nested: k < nestedUntil, ...(filled.P ? { proposition: filled.P } : {}) },
            sentence,
          );
          const hit = namesTarget ? resolved : withoutOtherTargets(doc, book, books, resolved);
          // "138 voted to recognise Palestine": what they voted on is a motion for the votes told after.
          if (!motion && cue.verb && votedTo(doc, k))
            motion = { sentence: (doc.tokens[k] as Token).sentence, stance: hit?.stance ?? cue.stance };
          // A cue judged no stance (a condition, a modifier, someone else's act) still claims its words:
          // "declare unilateral independence" must not turn into "unilateral independence".
          if (!hit) unheld.push({ issue: book.codebook.id, token: k, stance: cue.stance });
          if (!hit || taken.some((t) => t.start < hit.cue.end && hit.cue.start < t.end)) {
            // Inside another cue's proposition only acts with owners count, and they may start later.
            if (k >= nestedUntil) k = end - 1;
            break;
          }
          mine.push(hit.cue);
          if (!motion && hit.rule.endsWith("/motion"))
            motion = { sentence: (doc.tokens[k] as Token).sentence, stance: hit.stance };
          // "voted against Kosovo's membership": the vote told later ("29 abstained") is on it too.
          if (!motion && VOTE_VERBS.has((doc.tokens[k] as Token).key))
            motion = {
              sentence: (doc.tokens[k] as Token).sentence,
              stance: doc.tokens[k + 1]?.key === "against" ? opposite(hit.stance) : hit.stance,
            };
          for (const held of hit.actors) record(doc, found, book, hit, held);
          for (const held of hit.countered ?? [])
            record(doc, found, book, { ...hit, stance: opposite(hit.stance) }, held);
          // "Georgia condemned Russia's recognition of Abkhazia": the proposition may hold a stance of its own.
          // A cue opening with its proposition ("Kosovo was recognised by …") goes on after it.
          const inner = filled.P && filled.P[0] > k ? filled.P : undefined;
          if (inner) nestedUntil = Math.max(nestedUntil, inner[1]);
          k = (inner?.[0] ?? end) - 1;
          break;
        }
      }
    }
    // "condemned the US decision": the side opposite the one the stances read so far gave the US.
    for (const hit of reactionHits(doc, book, sidesOn(found, book), [...taken, ...mine]))
      for (const held of hit.actors) record(doc, found, book, hit, held);
    // "the referendum, which Kiev called illegal": an act told in a relative clause on the proposition.
    for (const hit of relativeHits(doc, book, [...taken, ...mine], about)) {
      mine.push(hit.cue);
      for (const held of hit.actors) record(doc, found, book, hit, held);
    }
    if (motion) recordVotes(doc, found, book, votesOn(doc, motion));
    else if (about && books.length === 1)
      recordVotes(doc, found, book, abstentionsWithoutSide(doc, found, book));
    claimed.set(target, [...taken, ...mine]);
  }
  return [...found.values()];
}

/** The one side (support or opposition) the stances found give each actor on a book's issue, themselves or through their official. */
function sidesOn(
  found: Map<string, StanceFound>,
  book: CompiledCodebook,
): (actor: number) => StanceValue | undefined {
  return (actor) => {
    const sides = new Set<StanceValue>();
    for (const s of found.values())
      if (s.issue === book.codebook.id && s.stance !== "neutral" && (s.actor === actor || s.via === actor))
        sides.add(s.stance);
    return sides.size === 1 ? [...sides][0] : undefined;
  };
}

/** "support for French Polynesia's re-inscription": a state's name or adjective that begins a longer name is not the state. */
function insideLongerName(doc: Doc, span: [number, number] | undefined): boolean {
  if (!span) return false;
  const e = doc.tokenEntity[span[1] - 1] ?? -1;
  return e >= 0 && doc.tokenEntity[span[1]] === e;
}

/**
 * Whether the "its" in a cue at `k`…`end` is one of `states`: the subject of the cue's clause, else
 * the state named nearest before, the target never ("Morocco sees Western Sahara, a former Spanish
 * colony, as part of its territory"; "with Venezuela insisting Essequibo was part of its territory").
 */
function itsOf(doc: Doc, book: CompiledCodebook, states: string[], k: number, end: number): boolean {
  const target = book.codebook.target;
  const country = (e: number) => {
    const code = doc.entities.countryOf(e);
    return code === undefined ? undefined : stateName(code);
  };
  for (let j = k; j < end; j++) {
    if ((doc.tokens[j] as Token).key !== "its") continue;
    const first = doc.sentences[(doc.tokens[j] as Token).sentence]?.first ?? 0;
    const subject = subjects(doc, k, first)
      .map(country)
      .find((name) => name !== undefined && !target.includes(name));
    if (subject !== undefined) return states.includes(subject);
    const floor = doc.sentences[Math.max(0, (doc.tokens[j] as Token).sentence - 1)]?.first ?? 0;
    for (let i = j - 1; i >= floor; i--) {
      const e = doc.tokenEntity[i] ?? -1;
      const name = e >= 0 && !doc.adjectives.has(i) ? country(e) : undefined;
      if (name !== undefined && !target.includes(name)) return states.includes(name);
    }
  }
  return false;
}

/**
 * Abstentions on a vote the rules read no motion of, by actors the text gives no side: "Britain,
 * which has recognised Kosovo, abstained" on a procedural vote is no neutrality on independence.
 */
function abstentionsWithoutSide(doc: Doc, found: Map<string, StanceFound>, book: CompiledCodebook): Vote[] {
  const sided = (held: number) => {
    const actor = stateVoiced(doc, held);
    if (actor === undefined) return false;
    const who = speaksFor(doc, actor).actor;
    return ["support", "oppose"].some((stance) => found.has(`${book.codebook.id}|${who}|${stance}`));
  };
  return abstentions(doc).map((vote) => ({ ...vote, actors: vote.actors.filter((a) => !sided(a)) }));
}

/** "Only North Korea, Syria, Nicaragua, Belarus and Russia opposed it": the votes on a motion described before. */
function recordVotes(doc: Doc, found: Map<string, StanceFound>, book: CompiledCodebook, votes: Vote[]): void {
  for (const vote of votes) {
    const hit: Hit = {
      actors: vote.actors,
      stance: vote.stance,
      evidence: { start: vote.sentence.start, end: vote.sentence.end },
      cue: vote.cue,
      rule: `vote:${vote.phrase}/motion-vote`,
    };
    for (const held of hit.actors) record(doc, found, book, hit, held);
  }
}

/**
 * Adds a hit to the stances found, for its holder as the state or body it speaks for: one stance a
 * document for each actor and direction, with all its evidence, its date the most precise any
 * evidence gives, the first of those.
 */
function record(
  doc: Doc,
  found: Map<string, StanceFound>,
  book: CompiledCodebook,
  hit: Hit,
  held: number,
): void {
  const actor = stateVoiced(doc, held);
  if (actor === undefined) return;
  const own = speaksFor(doc, actor);
  const who = own.actor;
  // "Serbia will never accept it, President Tadić said": Serbia's stance, via Tadić.
  const via =
    own.via ??
    (hit.reporter !== undefined && speaksFor(doc, hit.reporter).actor === who ? hit.reporter : undefined) ??
    officialSubject(doc, hit, who);
  const key = `${book.codebook.id}|${who}|${hit.stance}`;
  const entry = found.get(key) ?? {
    issue: book.codebook.id,
    actor: who,
    ...(via !== undefined ? { via } : {}),
    stance: hit.stance,
    evidence: [],
    cues: [],
    ...(hit.date ? { date: hit.date } : {}),
    rule: hit.rule,
  };
  // The first official who voices a state's stance is its voice, though a headline or a ministry said it first.
  const person = (e: number | undefined) => e !== undefined && doc.entities.get(e).kind === "person";
  if (via !== undefined && (entry.via === undefined || (!person(entry.via) && person(via)))) entry.via = via;
  if (!entry.evidence.some((e) => e.start === hit.evidence.start)) {
    entry.evidence.push(hit.evidence);
    entry.cues.push(hit.cue);
  }
  if (hit.date && (!entry.date || hit.date.length > entry.date.length)) entry.date = hit.date;
  found.set(key, entry);
}

/** "Lavrov made plain Russia's opposition to …": an official of the holder who is the subject of the cue's clause voices it. */
function officialSubject(doc: Doc, hit: Hit, who: number): number | undefined {
  const k = doc.tokenAt(hit.cue.start);
  const first = doc.sentences[(doc.tokens[k] as Token).sentence]?.first ?? 0;
  return subjects(doc, k, first).find(
    (e) => e !== who && doc.entities.get(e).kind === "person" && speaksFor(doc, e).actor === who,
  );
}

/** Whether only an article or quotation marks stand between the start of the quoted words and token `k`. */
function opensQuote(doc: Doc, k: number, quote: { start: number; spans: Span[] }): boolean {
  const at = (doc.tokens[k] as Token).start;
  const piece = quote.spans.find((s) => at >= s.start && at < s.end) ?? quote;
  for (let j = doc.tokenAt(piece.start); j < k; j++)
    if (!OPENING_WORDS.has((doc.tokens[j] as Token).key)) return false;
  return true;
}

const OPENING_WORDS = new Set(["the", "a", "an", "this", "that", '"', "'"]);

/** How far after a cue the target may be named in the phrase the cue governs. */
const TARGET_AFTER = 8;

/** "grant diplomatic recognition to the separatist regions of Abkhazia": the target named in the cue's phrase. */
function targetJustAfter(doc: Doc, book: CompiledCodebook, end: number, last: number): boolean {
  for (let j = end; j < Math.min(last, end + TARGET_AFTER); j++) {
    const t = doc.tokens[j] as Token;
    if (t.kind === "punct" && t.key !== "'s") return false;
    if (mentionsTarget(doc, book, j, j + 1)) return true;
  }
  return false;
}

/**
 * "the residents of the Crimea … voted to declare independence" in a text about Kosovo: a cue that
 * names no target, held by a disputed place that is the target of another issue of the text, is
 * that place's own act. A sovereign state holds its stances on every issue ("Serbia vowed never to
 * accept it" in a text also on Serbia's membership of the EU).
 */
function withoutOtherTargets(
  doc: Doc,
  book: CompiledCodebook,
  books: CompiledCodebook[],
  hit: Hit | undefined,
): Hit | undefined {
  if (!hit) return hit;
  const others = books.filter(
    (b) => b !== book && b.targetKeys[0]?.join(" ") !== book.targetKeys[0]?.join(" "),
  );
  const own = (actor: number) =>
    stateInfo(doc.entities.get(actor).country ?? "")?.type !== "state" &&
    doc.mentions.some((m) => {
      if (m.entity !== actor) return false;
      const first = doc.tokenAt(m.start);
      return others.some((b) => mentionsTarget(doc, b, first, first + 1));
    });
  const actors = hit.actors.filter((a) => !own(a));
  if (actors.length === hit.actors.length) return hit;
  return actors.length ? { ...hit, actors } : undefined;
}

/** Whether the cue verb at `k` is what a vote was to do: "voted to recognise". */
function votedTo(doc: Doc, k: number): boolean {
  return doc.tokens[k - 1]?.key === "to" && VOTE_VERBS.has(doc.tokens[k - 2]?.key ?? "");
}

/** Whether one of `words` stands in the few tokens after `k`. */
function wordNear(doc: Doc, k: number, words: Set<string>): boolean {
  for (let j = k + 1; j < Math.min(doc.tokens.length, k + AFTER_PROPOSITION); j++)
    if (words.has((doc.tokens[j] as Token).key)) return true;
  return false;
}

/** A name (not an adjective) of a state or body other than the target: "recognise Israel". */
function namesOtherActor(doc: Doc, book: CompiledCodebook, j: number, books: CompiledCodebook[]): boolean {
  const e = doc.tokenEntity[j] as number;
  if (e < 0 || doc.adjectives.has(j)) return false;
  const entity = doc.entities.get(e);
  // "condemned Russia's recognition of Abkhazia": an owner before the proposition.
  let after = j + 1;
  while (doc.tokenEntity[after] === e) after++;
  if (doc.tokens[after]?.key === "'s") return false;
  // "the regions of Abkhazia and South Ossetia", "recognized Croatia and Slovenia": a fellow
  // disputed place, or the target of another issue of the text, may stand in a list.
  const disputed =
    entity.kind === "state" &&
    (contested(entity.country ?? "") || books.some((b) => b !== book && mentionsTarget(doc, b, j, j + 1)));
  return entity.kind !== "person" && !disputed && !mentionsTarget(doc, book, j, j + 1);
}

function filledWithTarget(doc: Doc, span: [number, number] | undefined, book: CompiledCodebook): boolean {
  return span !== undefined && mentionsTarget(doc, book, span[0], span[1]);
}

function resolveHit(
  doc: Doc,
  book: CompiledCodebook,
  cue: Cue,
  {
    k,
    end,
    nested,
    proposition,
  }: { k: number; end: number; nested: boolean; proposition?: [number, number] },
  sentence: { first: number; last: number; start: number; end: number },
): Hit | undefined {
  const cueSpan = cueSpanOf(doc, k, end);
  // "on the day that independence leader X stepped down": a description holds in any clause.
  if (cue.describes) return described(doc, cue, { k, end }, sentence, cueSpan);
  const floor = clauseStart(doc, k, sentence.first);
  if (conditional(doc, floor, k, book)) return undefined;
  // "an apology from Somalia for its assertion that Somaliland is a part of Somalia": the claimant's words.
  const claimant = claimantOf(doc, k, sentence.first);
  if (claimant)
    return claimant.length ? claimHit(doc, book, cue, { k, end, floor }, sentence, claimant) : undefined;
  if (inRelativeClause(doc, k, sentence.first)) return listedHolders(doc, book, cue, { k, end }, sentence);
  const motion = nested
    ? undefined
    : ((cue.verb ? motionHolders(doc, k, sentence.first) : undefined) ??
      motionSaying(doc, k, sentence.first));
  if (motion) return motionHit(doc, book, cue, { k, end, floor }, sentence, motion);
  if (modifyingParticiple(doc, k, cue, book)) return undefined;
  const { stance, rule } = polarity(doc, book, cue, k, floor, proposition);
  // "Russia accused the West of violating international law": the accused's act, read as the narrative's.
  const quotes = quotesAt(doc, k).filter((q) => !accusation(doc, q));
  // ""The recognition of the two territories is a blatant violation …"": an act no one owns that
  // opens the quoted words is their topic, not the speaker's act.
  if (
    quotes[0]?.kind === "direct" &&
    ACT_NOUNS.has((doc.tokens[k] as Token).key) &&
    opensQuote(doc, k, quotes[0])
  )
    return undefined;
  const at = { k, end, floor };
  const holders = nested
    ? ownersOfAct(doc, quotes, k, end, sentence)
    : quotes.length
      ? holdersInQuotes(doc, book, quotes, cue, at, sentence)
      : (nonEmpty(holdersOfAct(doc, cue, k, end, sentence, cueSpan)) ??
        // "The referendum is "illegal and illegitimate," he added": a cue without a holder of its
        // own that runs into attributed words is theirs.
        holdersInQuotes(doc, book, quotesAt(doc, k, end), cue, at, sentence));
  if (!holders?.actors.length) return undefined;
  const date = dateIn(doc, sentence, cueSpan.start);
  // An act's owner holds the act's own stance: "protest against American recognition" is the US's recognition.
  const own = holders.rule === "/owner" ? ownerPolarity(doc, book, cue, k) : { stance, rule };
  // "Germany and Belgium made statements against annexation, as did the UK": those who did the same.
  const alike = quotes.length ? [] : sameActAfter(doc, end, sentence.last);
  return {
    actors: [...new Set([...holders.actors, ...alike])],
    stance: own.stance,
    evidence: holders.evidence,
    cue: cueSpan,
    ...(date ? { date } : {}),
    rule: `${own.rule}${holders.rule}`,
    ...(holders.reporter !== undefined ? { reporter: holders.reporter } : {}),
  };
}

/** Whether a report is an accusation: its words are what the accused did, not what the speaker holds. */
function accusation(doc: Doc, quote: Quote): boolean {
  if (!quote.cueSpan) return false;
  return cueAt(doc.tokens, doc.tokenAt(quote.cueSpan.start))?.verb?.lemma === "accuse";
}

function nonEmpty(holders: Holders): Holders {
  return holders?.actors.length ? holders : null;
}
