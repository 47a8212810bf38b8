import { words } from "../extract/word-classes.ts";
import { readDataJson } from "../paths.ts";

interface StanceSyntaxFile {
  body_nouns: string[];
  member_nouns: string[];
  control_verbs: string[];
  apposition_nouns: string[];
  description_glue: string[];
  place_nouns: string[];
  population_nouns: string[];
  vote_for: string[];
  vote_against: string[];
  vote_abstain: string[];
  motion_nouns: string[];
  authoring_verbs: string[];
  adopting_verbs: string[];
  countering_verbs: string[];
  endorsing_verbs: string[];
  joining_verbs: string[];
  conditional_openers: string[];
  act_nouns: string[];
  decision_nouns: string[];
  desire_cues: string[];
  own_subject_nouns: string[];
  intent_phrases: string[];
  modifying_participles: string[];
  reaction_prepositions: string[];
  writer_distancing: string[];
  reacted_acts: string[];
  welcoming_reactions: string[];
  condemning_reactions: string[];
  welcoming_judgements: string[];
  linking_verbs: string[];
  condemning_judgements: string[];
  integrity_nouns: string[];
  claim_nouns: string[];
  obstruction_verbs: string[];
  protest_verbs: string[];
  protest_objects: string[];
  protest_links: string[];
}
const stanceSyntax = readDataJson<StanceSyntaxFile>("lexicons", "stance-syntax.json");
/** After "Serbia's", nouns that keep Serbia the subject: "Serbia's parliament voted". */
export const BODY_NOUNS = new Set(stanceSyntax.body_nouns);
/** After an organisation, nouns that mean its members: "EU states". */
export const MEMBER_NOUNS = new Set(stanceSyntax.member_nouns);
/** Verbs whose subject, not object, holds the stance of the infinitive after: "urged X to return to talks". */
export const CONTROL_VERBS = stanceSyntax.control_verbs.map((v) => v.split(" "));
export const APPOSITION_NOUNS = new Set(stanceSyntax.apposition_nouns);
/** Words between a name's comma and a phrase describing its side: "X, the leader of the pro-union bloc". */
export const DESCRIPTION_GLUE = new Set(stanceSyntax.description_glue);
/** Before "of", nouns that make the name after them the place itself: "the region of Transnistria". */
/** A subject that joins the names after these shares their act: "joined Sudan and Egypt as the first to recognise". */
export const JOINING_VERBS = new Set(stanceSyntax.joining_verbs);
/** Verbs whose subject holds what a noun cue after them names: "respects the territorial integrity of". */
export const ENDORSING_VERBS = new Set(stanceSyntax.endorsing_verbs);
/** A motion a participle cue may describe: "a resolution condemning the annexation". */
export const MOTION_NOUNS = new Set(stanceSyntax.motion_nouns);
/** Before "by", participles naming a motion's authors: "introduced by the United States". */
export const AUTHORING_VERBS = new Set(stanceSyntax.authoring_verbs);
/** Verbs whose subject takes a motion's side, and those whose subject takes the other. */
export const ADOPTING_VERBS = new Set(stanceSyntax.adopting_verbs);
export const COUNTERING_VERBS = new Set(stanceSyntax.countering_verbs);
/** Votes on a motion described before: for it, against it, abstaining. */
export const VOTE_FOR = stanceSyntax.vote_for.map((v) => v.split(" "));
export const VOTE_AGAINST = stanceSyntax.vote_against.map((v) => v.split(" "));
export const VOTE_ABSTAIN = stanceSyntax.vote_abstain.map((v) => v.split(" "));
export const PLACE_NOUNS = new Set(stanceSyntax.place_nouns);
export const POPULATION_NOUNS = new Set(stanceSyntax.population_nouns);
export const CONDITIONAL_OPENERS = new Set(stanceSyntax.conditional_openers);
/** Nouns naming an act whose owner holds the stance: "Russia's recognition of Abkhazia". */
export const ACT_NOUNS = new Set(stanceSyntax.act_nouns);
/** Nouns whose owner holds the stance of the verb after "to": "Moscow's decision to recognise". */
export const DECISION_NOUNS = new Set(stanceSyntax.decision_nouns);
/** First words of cues reporting what the speaker wants done: "hoped other states would recognise it". */
export const DESIRE_CUES = new Set(stanceSyntax.desire_cues);
/** Words before a verb in -ing that make it the subject's intended act: "interested in buying". */
export const INTENT_PHRASES = stanceSyntax.intent_phrases.map((v) => v.split(" "));
/** Before a decision noun, prepositions that make it what the clause reacts to: "over his threat to seize". */
export const REACTION_PREPOSITIONS = new Set(stanceSyntax.reaction_prepositions);
/** Participles opening a phrase that modifies the proposition before them: "the vote held on Sunday". */
export const MODIFYING_PARTICIPLES = new Set(stanceSyntax.modifying_participles);
/** After a possessive pronoun, the speaker's own side as a subject: "his country would recognise". */
export const OWN_SUBJECT_NOUNS = new Set(stanceSyntax.own_subject_nouns);

/** Prepositions that put a name out of a clause's subjects ("states on the council") or open a relative clause (", from which …"). */
export const PREPOSITIONS = words("prepositions");
/** Words a reporter keeps a term at a distance with: in reported speech, outside quotation marks, the writer's. */
export const WRITER_DISTANCING = new Set(stanceSyntax.writer_distancing);
/** Nouns whose "that" clause is a claim its possessor holds: "its assertion that Somaliland is part of Somalia". */
export const CLAIM_NOUNS = new Set(stanceSyntax.claim_nouns);
/** Verbs opening an opposing cue whose negation is no support: "would not veto" stands aside. */
export const OBSTRUCTION_VERBS = new Set(stanceSyntax.obstruction_verbs);
/** Nouns of acts, besides act and decision nouns, that a reaction may take: "welcomed the Russian step". */
export const REACTED_ACTS = new Set(stanceSyntax.reacted_acts);
/** Verbs (base forms) of reacting to an act another actor owns: siding with it, or against it. */
export const WELCOMING_REACTIONS = stanceSyntax.welcoming_reactions;
export const CONDEMNING_REACTIONS = stanceSyntax.condemning_reactions;
/** What a speaker may call an act another actor owns, siding with it or against it: "Russia's decision was unacceptable". */
export const WELCOMING_JUDGEMENTS = stanceSyntax.welcoming_judgements.map((v) => v.split(" "));
export const CONDEMNING_JUDGEMENTS = stanceSyntax.condemning_judgements.map((v) => v.split(" "));
/** The word classes a codebook's cue pattern may name among its alternatives: "(@condemning_judgements)". */
export const PATTERN_CLASSES = new Map<string, string[]>([
  ["condemning_judgements", stanceSyntax.condemning_judgements],
  ["welcoming_judgements", stanceSyntax.welcoming_judgements],
  ["integrity_nouns", stanceSyntax.integrity_nouns],
]);
/** A diplomatic protest at an act: "recalled its ambassador … over", "summoned the envoy in protest at". */
export const PROTEST_VERBS = stanceSyntax.protest_verbs;
export const PROTEST_OBJECTS = new Set(stanceSyntax.protest_objects);
export const PROTEST_LINKS = stanceSyntax.protest_links.map((v) => v.split(" "));
/** Verbs that, like "be", link an act to what it is called: "amounted to a provocation". */
export const LINKING_VERBS = stanceSyntax.linking_verbs.map((v) => v.split(" "));
