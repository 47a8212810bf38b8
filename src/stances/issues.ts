import type { Codebook } from "../codebooks/codebook.ts";
import { aboutPatterns, DISPUTE_KINDS, type DisputeKind, defaultCodebook } from "../codebooks/default.ts";
import type { Doc } from "../extract/doc.ts";
import { ENGLISH_FUNCTION_WORDS } from "../extract/lexicons.ts";
import type { Token } from "../extract/types.ts";
import { once } from "../paths.ts";
import { organizationInfo } from "../world/organizations.ts";
import { stateInfo, stateName } from "../world/states.ts";
import { joiningIssue } from "./accession.ts";
import { type AboutPhrase, annexedPlaces } from "./annexer.ts";
import { bodiesNear } from "./bodies.ts";
import { type CompiledCodebook, compile, compileTargets, type Targets } from "./compile.ts";
import { describedPlaces } from "./described-places.ts";
import { coordinatedWith } from "./lists.ts";
import { firstKeys, matchPattern, type Pattern, parsePattern, phraseKeys, type Slot } from "./patterns.ts";
import { newlyIndependent, notYetIndependent, winningIndependence } from "./statehood.ts";
import { firstWordsOf, targetStartsAt } from "./target.ts";

/** A disputed entity or region named this often in a text makes its independence an issue of the text. */
const AUTO_MENTIONS = 2;

const separatismWords = once(() => new Set(aboutPatterns("independence").words));
const winningWords = once(() => new Set(aboutPatterns("independence").winning));

const cache = new Map<string, CompiledCodebook>();
const byObject = new WeakMap<Codebook, CompiledCodebook>();

export function compiled(book: Codebook): CompiledCodebook {
  let c = byObject.get(book);
  if (c) return c;
  const key = JSON.stringify(book);
  c = cache.get(key);
  if (!c) {
    c = compile(book);
    cache.set(key, c);
  }
  byObject.set(book, c);
  return c;
}

const targets = new WeakMap<Codebook, Targets>();

/** A default codebook's target names, for detection: its cues are compiled only for issues found. */
function targetsOf(book: Codebook): Targets {
  let t = targets.get(book);
  if (!t) {
    t = compileTargets(book);
    targets.set(book, t);
  }
  return t;
}

const abouts = new Map<DisputeKind, Pattern[]>();
/** The phrases that count only with an owner: "Israel's sovereignty over the Golan Heights". */
const owned = new WeakSet<Pattern>();
/** The phrases that count only for a place that is no state: "the breakaway regions of Georgia" are not Georgia. */
const disputedOnly = new WeakSet<Pattern>();

/** The phrases that show a text is about a kind of dispute, parsed once. */
function about(kind: DisputeKind): Pattern[] {
  let patterns = abouts.get(kind);
  if (!patterns) {
    const sources = aboutPatterns(kind);
    const mine = sources.owned.map(parsePattern);
    for (const pattern of mine) owned.add(pattern);
    const disputed = sources.disputed.map(parsePattern);
    for (const pattern of disputed) disputedOnly.add(pattern);
    patterns = [...sources.about.map(parsePattern), ...mine, ...disputed];
    abouts.set(kind, patterns);
  }
  return patterns;
}

/** The words of the phrases about a dispute other than function words: one must stand near a target's name. */
const anchors = once(() => {
  const out = new Set<string>();
  for (const pattern of DISPUTE_KINDS.flatMap(about))
    for (const el of pattern.elements)
      if (!("slot" in el))
        for (const alt of el.alternatives)
          for (const w of alt) if (!ENGLISH_FUNCTION_WORDS.has(w)) out.add(w);
  return out;
});

/** How far after a target's name a phrase about its independence may run: "Eritrea's declaration of independence". */
const ABOUT_AFTER = 4;

/** How many words before the target a phrase about its independence may start: "the independence of the breakaway". */
const ABOUT_REACH = 6;

/** The first words of the names of every place looked for so far: positions are kept for these only. */
const placeWords = new Set<string>();
const withWords = new WeakSet<Targets>();

function addFirstWords(book: Targets): void {
  if (withWords.has(book)) return;
  for (const word of firstWordsOf(book)) placeWords.add(word);
  withWords.add(book);
}

/**
 * Where each of the `wanted` words stands in the document, kept only where a word of phrases about
 * independence (`anchors`) stands close enough for a phrase to span both: one pass for all places.
 */
function positionsNearAnchors(doc: Doc, wanted: Set<string>): Map<string, number[]> {
  const words = anchors();
  const out = new Map<string, number[]>();
  // Each token once: from where the last stretch around an anchor ended.
  let done = 0;
  for (let a = 0; a < doc.tokens.length; a++) {
    if (!words.has((doc.tokens[a] as Token).key)) continue;
    const last = Math.min(doc.tokens.length, a + ABOUT_REACH + 1);
    for (let k = Math.max(done, a - ABOUT_AFTER - ABOUT_REACH); k < last; k++) {
      const key = (doc.tokens[k] as Token).key;
      if (!wanted.has(key)) continue;
      const list = out.get(key);
      if (list) list.push(k);
      else out.set(key, [k]);
    }
    done = Math.max(done, last);
  }
  return out;
}

/**
 * The phrases in which the text names the target as the dispute of its kind, each within one
 * sentence: tried just before each of the target's names that stands near a word of such phrases.
 */
function* namesAsIssue(
  doc: Doc,
  { code, kind, book }: Candidate,
  adjectives: Set<string>,
  positions: Map<string, number[]>,
): Generator<AboutPhrase> {
  const patterns = aboutIndex(book, kind);
  const state = stateInfo(code)?.type === "state";
  if (!mayBeAbout(doc, { code, kind })) return;
  const skip = state ? disputedOnly : undefined;
  const tried = new Set<number>();
  for (const start of targetStartsAt(doc, book, positions)) {
    for (let k = Math.max(0, start - ABOUT_REACH); k <= start; k++) {
      if (tried.has(k)) continue;
      tried.add(k);
      const phrase = aboutAt(doc, book, adjectives, patterns, k, { skip, state });
      if (phrase) yield phrase;
    }
  }
}

/** "Morocco was the first to recognise the United States": a settled state's independence is no issue. */
function mayBeAbout(doc: Doc, { code, kind }: Pick<Candidate, "code" | "kind">): boolean {
  return !(stateInfo(code)?.type === "state" && kind === "independence" && !newlyIndependent(doc, code));
}

/** The other states and regions named in one list with the name at `target`, by code. */
function listedWith(doc: Doc, [first, last]: [number, number]): string[] {
  const entity = doc.tokenEntity[first] ?? -1;
  const token = doc.tokens[first];
  if (entity < 0 || !token) return [];
  const end = (doc.sentences[token.sentence] as { last: number }).last;
  return coordinatedWith(doc, entity, last, end).flatMap((e) => {
    const named = doc.entities.get(e);
    return e !== entity && named.kind === "state" && named.country ? [named.country] : [];
  });
}

const aboutIndexes = new WeakMap<Targets, Map<string, Pattern[]>>();

/** The phrases about a dispute by the words they may open with, the target's names filled in. */
function aboutIndex(book: Targets, kind: DisputeKind): Map<string, Pattern[]> {
  let index = aboutIndexes.get(book);
  if (!index) {
    index = new Map();
    for (const pattern of about(kind))
      for (const key of firstKeys(pattern.elements, book.slots))
        index.set(key, [...(index.get(key) ?? []), pattern]);
    aboutIndexes.set(book, index);
  }
  return index;
}

function aboutAt(
  doc: Doc,
  book: Targets,
  adjectives: Set<string>,
  index: Map<string, Pattern[]>,
  k: number,
  { skip, state }: { skip: WeakSet<Pattern> | undefined; state: boolean },
): AboutPhrase | undefined {
  for (const pattern of index.get((doc.tokens[k] as Token).key) ?? []) {
    if (skip?.has(pattern)) continue;
    const filled: Partial<Record<Slot, [number, number]>> = {};
    const end = matchPattern(doc.tokens, k, pattern.elements, book.slots, filled);
    if (end < 0 || doc.tokens[end - 1]?.sentence !== doc.tokens[k]?.sentence) continue;
    // "recognise Georgia's territorial integrity" is not about Georgia's independence, nor
    // "breakaway Georgian provinces": a name owning what follows, an adjective before its noun.
    // "Iraq's annexation of Kuwait": a name owning an act done to another is who acts.
    if (filled.T && doc.tokens[filled.T[1]]?.key === "'s" && doc.tokens[end]?.key === "of") continue;
    // "the Venezuelan annexation plan": a state's adjective before the act names who annexes.
    if (
      state &&
      filled.T &&
      adjectives.has(keysOf(doc, filled.T)) &&
      ANNEX_NOUNS.has(doc.tokens[filled.T[1]]?.key ?? "")
    )
      continue;
    if (filled.T?.[1] === end) {
      if (doc.tokens[end]?.key === "'s") continue;
      // "annex the Jordan Valley": the name is part of a longer one.
      const next = doc.tokens[end];
      if (next?.upper && next.kind === "word" && next.sentence === doc.tokens[k]?.sentence) continue;
      if (adjectives.has(keysOf(doc, filled.T))) continue;
    }
    return { k, end, target: filled.T ?? [k, end], owned: owned.has(pattern) };
  }
  return undefined;
}

const ANNEX_NOUNS = new Set(["annexation", "annexations", "incorporation"]);

const keysOf = (doc: Doc, [from, to]: [number, number]) =>
  doc.tokens
    .slice(from, to)
    .map((t) => t.key)
    .join(" ");

const adjectivesByCode = new Map<string, Set<string>>();

/** A place's adjectives as the tokenizer's keys, read once a place. */
function adjectiveKeys(code: string): Set<string> {
  let keys = adjectivesByCode.get(code);
  if (!keys) {
    keys = new Set((stateInfo(code)?.adjectives ?? []).map((a) => phraseKeys(a).join(" ")));
    adjectivesByCode.set(code, keys);
  }
  return keys;
}

/** A place and a kind of dispute the text may be about, with the default codebook for it. */
interface Candidate {
  code: string;
  kind: DisputeKind;
  book: Targets;
}

/**
 * With no codebook given, the issues a text is about: the independence of each disputed entity
 * or region (Kosovo, Abkhazia, Catalonia, …) it names at least twice, and the independence or
 * annexation of any place it names in a phrase about it ("South Sudan's independence", "the
 * annexation of the Golan Heights").
 */
export function detectIssues(doc: Doc): Codebook[] {
  const counts = new Map<string, number>();
  for (const m of doc.mentions) {
    const e = doc.entities.get(m.entity);
    // "the Liberation Tigers of Tamil Eelam": a movement named for a place names the place.
    const movement =
      e.kind === "organization" && e.ref !== undefined && organizationInfo(e.ref)?.type === "movement";
    if ((e.kind !== "state" && !movement) || !e.country || m.form !== "name") continue;
    counts.set(e.country, (counts.get(e.country) ?? 0) + 1);
  }
  // "Anglophone separatists …": in a text about separatism, a disputed place named once is its issue.
  const separatism = doc.tokens.some((t) => separatismWords().has(t.key));
  const independence = doc.tokens.some((t) => winningWords().has(t.key));
  const candidates: Array<Candidate & { auto: boolean; named: boolean }> = [];
  const bodies = bodiesNear(doc);
  for (const [code, n] of counts) {
    const type = stateInfo(code)?.type;
    if (type === "historic") continue;
    const unsettled = type === "disputed" || type === "region" || notYetIndependent(doc, code);
    for (const kind of DISPUTE_KINDS) {
      // Autonomy is argued for a place within a state: "Morocco's autonomy plan" is Morocco's plan.
      if (kind === "autonomy" && !unsettled) continue;
      // A membership is of a body the text names: one candidate for each.
      const asked =
        kind === "membership"
          ? [...(bodies.get(code) ?? [])].map((body) => `membership of ${stateName(code)} in ${body}`)
          : [`${kind} of ${stateName(code)}`];
      for (const text of asked) {
        const book = targetsOf(defaultCodebook(text));
        // A state named often in a text about independence written as it won its own: that is the issue.
        const winning = independence && n >= AUTO_MENTIONS && winningIndependence(doc, code);
        const auto =
          kind === "independence" && ((unsettled && n >= (separatism ? 1 : AUTO_MENTIONS)) || winning);
        // A land held by one state and claimed by another, named this often, is what its annexation is argued over.
        const named = kind === "annexation" && type === "territory" && n >= AUTO_MENTIONS;
        candidates.push({ code, kind, book, auto, named });
        if (!auto) addFirstWords(book);
      }
    }
  }
  const positions = candidates.some((c) => !c.auto) ? positionsNearAnchors(doc, placeWords) : new Map();
  const phrases = new Map<Candidate, AboutPhrase>();
  // An annexation reads its phrases on past the first till one names who annexes: a headline's "Denmark's Dream of Buying Greenland" does not.
  const further = new Map<Candidate, Generator<AboutPhrase>>();
  for (const c of candidates) {
    if (c.auto) continue;
    const found = namesAsIssue(doc, c, adjectiveKeys(c.code), positions);
    const first = found.next();
    if (first.done) continue;
    phrases.set(c, first.value);
    if (c.kind === "annexation") further.set(c, found);
  }
  for (const [c, phrase] of [...phrases]) {
    if (c.kind !== "independence" && c.kind !== "autonomy") continue;
    // "recognize as independent countries Croatia and Slovenia": the places listed with the one named share its issue.
    for (const code of listedWith(doc, phrase.target)) {
      const twin = candidates.find((o) => o.code === code && o.kind === c.kind && !o.auto && !phrases.has(o));
      if (twin && mayBeAbout(doc, twin)) phrases.set(twin, phrase);
    }
  }
  const annexed = annexedPlaces(doc, [...further.keys()], function* (c) {
    yield phrases.get(c) as AboutPhrase;
    yield* further.get(c) as Generator<AboutPhrase>;
  });
  // In the order of DISPUTE_KINDS for each place: where two issues read the same words, the first holds them.
  const found = candidates.flatMap((c) => {
    if (c.auto || (phrases.has(c) && c.kind !== "annexation")) return [c.book.codebook];
    if (c.kind !== "annexation" || !(annexed.has(c.code) || c.named)) return [];
    const by = annexed.get(c.code) ?? namedRival(c.code, counts);
    return [defaultCodebook(`annexation of ${stateName(c.code)}${by ? ` by ${stateName(by)}` : ""}`)];
  });
  // Before the place's independence: a referendum on joining a state is read as that annexation's.
  const joined = joiningIssue(doc, counts, AUTO_MENTIONS);
  const all = joined && !found.some((b) => b.id === joined.id) ? [joined, ...found] : found;
  return withDescribedPlaces(doc, all);
}

/**
 * "Argentina" in a text about the annexation of the Falklands that no phrase gives an annexer:
 * the territory's rival in the gazetteer, when the text names it.
 */
function namedRival(code: string, counts: Map<string, number>): string | undefined {
  const rival = stateInfo(code)?.rival;
  return rival !== undefined && counts.has(rival) ? rival : undefined;
}

/**
 * "the two self-proclaimed republics in eastern Ukraine": the independence of each place a text
 * describes is an issue, whose target goes by the descriptions too.
 */
function withDescribedPlaces(doc: Doc, found: Codebook[]): Codebook[] {
  const out = [...found];
  for (const [code, descriptions] of describedPlaces(doc)) {
    const book = defaultCodebook(`independence of ${stateName(code)}`);
    const at = out.findIndex((b) => b.id === book.id);
    const named = { ...(out[at] ?? book), target: [...(out[at] ?? book).target, ...descriptions] };
    if (at >= 0) out[at] = named;
    else out.push(named);
  }
  return out;
}
