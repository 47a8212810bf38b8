/** Verbs in every form, for patterns' "~verb": regular endings and the irregular forms of data/lexicons/irregular-verbs.json. */

import { IRREGULAR_VERBS } from "../extract/lexicons.ts";

/** Every form of a verb: "recognise" gives recognise, recognises, recognised, recognising and the -ize forms. */
export function inflect(verb: string): string[] {
  const forms = new Set<string>();
  const bases = /is(e|ing)$|ise$/.test(verb)
    ? [verb, verb.replace(/ise$/, "ize")]
    : /ize$/.test(verb)
      ? [verb, verb.replace(/ize$/, "ise")]
      : [verb];
  for (const base of bases) {
    const stem = base.endsWith("e") ? base.slice(0, -1) : base;
    const double = /^[a-z]*[^aeiou][aeiou][bdgmnprt]$/.test(base) && base.length <= 4;
    forms.add(base);
    forms.add(
      /(s|sh|ch|x|z|o)$/.test(base)
        ? `${base}es`
        : /[^aeiou]y$/.test(base)
          ? `${base.slice(0, -1)}ies`
          : `${base}s`,
    );
    forms.add(
      base.endsWith("e")
        ? `${base}d`
        : /[^aeiou]y$/.test(base)
          ? `${base.slice(0, -1)}ied`
          : double
            ? `${base}${base.slice(-1)}ed`
            : `${base}ed`,
    );
    forms.add(double ? `${base}${base.slice(-1)}ing` : `${stem}ing`);
    // British spelling doubles a final l after one vowel: labelled, labelling.
    if (/[^aeiou][aeiou]l$/.test(base)) {
      forms.add(`${base}led`);
      forms.add(`${base}ling`);
    }
    for (const f of IRREGULAR_VERBS[base] ?? []) forms.add(f);
  }
  return [...forms];
}
