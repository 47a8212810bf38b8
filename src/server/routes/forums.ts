import { z } from "zod";
import { FORUM_IDS, forumBearsOn, forumById, lastYear, membersAt } from "../../forums/data.ts";
import { gameOf } from "../../forums/games.ts";
import { banzhafIndices, powerIndices, toNumber } from "../../forums/power.ts";
import { project } from "../../forums/project.ts";
import { checkRule, defaultRule, type RuleChoice } from "../../forums/rules.ts";
import { findIssue } from "../../store/codebooks.ts";
import { stateName } from "../../world/states.ts";
import { date, issue, type Route, route } from "../route.ts";
import { ForumsSchema, PowerSchema, ProjectionSchema, RuleChoiceSchema } from "../schemas/forums.ts";

// Checked by forumById, whose error (404) lists the forums there are.
const forumParam = z.object({ forum: z.string() });

const fraction = (f: { numerator: bigint; denominator: bigint }) => `${f.numerator}/${f.denominator}`;

/** The forums, projections of a draft onto them, and voting power. */
export const FORUM_ROUTES: Route[] = [
  route({
    method: "get",
    path: "/api/forums",
    summary:
      "The forums, their rules, and the latest date their membership is on record; with an issue, only those that bear on it",
    query: z.object({ issue: issue.optional() }),
    response: ForumsSchema,
    handle: async ({ store, query }) => {
      const book = query.issue ? await findIssue(store.db, query.issue) : undefined;
      return FORUM_IDS.filter(
        (id) => !book || forumBearsOn(forumById(id), [...book.target, ...book.parent]),
      ).map((id) => {
        const f = forumById(id);
        const year = lastYear(f);
        return {
          id: f.id,
          name: f.name,
          from: f.from,
          rule: f.rule.kind,
          default_rule: defaultRule(f),
          until: year ? `${year}-12-31` : null,
        };
      });
    },
  }),
  route({
    method: "get",
    path: "/api/forums/:forum/project",
    summary: "Would a draft endorsing the issue pass at a date, with reasons, votes, evidence and what-ifs",
    params: forumParam,
    query: z.object({
      issue,
      at: date,
      rule: RuleChoiceSchema.optional(),
      assume: z
        .string()
        .optional()
        .transform((v) => (v ? v.split(",").filter(Boolean) : [])),
    }),
    response: ProjectionSchema,
    handle: async ({ store, params, query }) => {
      const forum = forumById(params.forum);
      const rule: RuleChoice = query.rule ?? defaultRule(forum);
      checkRule(forum, rule);
      membersAt(forum, query.at);
      const book = await findIssue(store.db, query.issue);
      return project(store.db, forum, { issue: book.id, at: query.at, rule, assume: query.assume });
    },
  }),
  route({
    method: "get",
    path: "/api/forums/:forum/power",
    summary: "Exact Shapley–Shubik and Banzhaf indices of each member",
    params: forumParam,
    query: z.object({ at: date.optional(), rule: RuleChoiceSchema.optional() }),
    response: PowerSchema,
    handle: async ({ params, query }) => {
      const forum = forumById(params.forum);
      const year = lastYear(forum);
      const at = query.at ?? (year ? `${year}-12-31` : new Date().toISOString().slice(0, 10));
      const rule: RuleChoice = query.rule ?? defaultRule(forum);
      checkRule(forum, rule);
      const members = membersAt(forum, at);
      const game = gameOf(forum, at, members, rule);
      // Past 200 members Banzhaf alone: Shapley–Shubik takes seconds there, too slow to serve.
      const ss = members.length <= 200 ? powerIndices(game) : undefined;
      const bz = ss ?? banzhafIndices(game);
      return {
        forum: forum.id,
        at,
        rule,
        members: members.map((m, i) => {
          const s = ss?.[i];
          const b = bz[i] as (typeof bz)[number];
          return {
            member: m.code,
            name: stateName(m.code),
            seat: m.seat,
            ...(s
              ? {
                  shapley_shubik: fraction(s.shapleyShubik),
                  shapley_shubik_decimal: toNumber(s.shapleyShubik),
                }
              : {}),
            banzhaf: fraction(b.banzhaf),
            banzhaf_decimal: toNumber(b.banzhaf),
          };
        }),
      };
    },
  }),
];
