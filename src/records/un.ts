import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import countries from "i18n-iso-countries";
import { StandpointError } from "../errors.ts";
import { forumById, membersAt, membershipOf } from "../forums/data.ts";
import {
  historicVoteCode,
  normalSymbol,
  uncodedMember,
  VETO_MEMBER_NAMES,
  vetoMemberCode,
} from "../world/records.ts";
import { type Row, readTable } from "./csv.ts";
import { isDate, type RecordBatch, type RecordRow, type RollCallRow } from "./rows.ts";

const ROLL_CALLS = "unvotes_roll_calls.csv";
const VOTES = /^unvotes_votes_.*\.csv$/;
const VETOES = /^unsc_vetoes_.*\.csv$/;
const VOTE_VALUES = new Set(["yes", "no", "abstain"]);

const GA_SOURCE = "Voeten, United Nations General Assembly voting data, as packaged by dgrtwo/unvotes (CC0)";
const VETO_SOURCE =
  "UN Dag Hammarskjöld Library veto list, via world-politics-datalab/vetoes-un-security-council (MIT)";

/** Whether a folder holds the UN voting data this reads. */
export function isUnFolder(dir: string): boolean {
  const names = readdirSync(dir);
  return names.includes(ROLL_CALLS) || names.some((n) => VETOES.test(n));
}

/**
 * The UN folder's General Assembly roll calls with every member's vote (a member with no vote
 * on a roll call whose votes are on file was absent), and the Security Council's vetoes.
 */
export function readUnFolder(dir: string): RecordBatch {
  const batch: RecordBatch = { source: dir, rollCalls: [], records: [], problems: [] };
  const names = readdirSync(dir).sort();
  if (names.includes(ROLL_CALLS)) {
    const calls = readRollCalls(join(dir, ROLL_CALLS), batch);
    const voted = new Map<string, Set<string>>();
    for (const name of names.filter((n) => VOTES.test(n))) readVotes(join(dir, name), calls, voted, batch);
    addAbsences(calls, voted, batch);
  }
  for (const name of names.filter((n) => VETOES.test(n))) readVetoes(join(dir, name), batch);
  return batch;
}

function readRollCalls(path: string, batch: RecordBatch): Map<string, RollCallRow> {
  const { rows, problems } = readTable(path, ["rcid", "date", "unres", "descr"]);
  batch.problems.push(...problems);
  const calls = new Map<string, RollCallRow>();
  for (const { line, cells } of rows) {
    const where = `${path}:${line}`;
    const rcid = cells.rcid?.trim() ?? "";
    const date = cells.date?.trim() ?? "";
    if (!/^\d+$/.test(rcid))
      batch.problems.push(new StandpointError("input", `not a roll call id: ${rcid}`, where));
    else if (!isDate(date) || date.length !== 10)
      batch.problems.push(new StandpointError("input", `not a date: ${date}`, where));
    else {
      const symbol = cells.unres?.trim() ? normalSymbol(cells.unres) : "";
      const call: RollCallRow = {
        id: `unga:${rcid}`,
        forum: "unga",
        date,
        symbol,
        title: (cells.descr || cells.short || "").trim(),
        part: partOf(cells),
        important: cells.importantvote === "1" ? 1 : 0,
        outcome: "",
        source: `${GA_SOURCE}, roll call ${rcid}${symbol ? `, ${symbol}` : ""}`,
        origin: `${basename(path)}:${line}`,
      };
      calls.set(rcid, call);
      batch.rollCalls.push(call);
    }
  }
  return calls;
}

/**
 * What a roll call voted on: an amendment or a separate paragraph (as the data flags them), a
 * procedural motion (a no-action motion carries the draft's symbol too), or the text as a whole.
 */
function partOf(cells: Record<string, string>): string {
  if (cells.amend === "1") return "amendment";
  if (cells.para === "1") return "paragraph";
  if (/\b(motion|no action|adjourn)/i.test(cells.descr ?? "")) return "motion";
  return "whole";
}

/**
 * The member a vote's code stands for on the roll call's date: the data's historic codes, ISO
 * alpha-2, or for a row without a code (NA in the data) the member its name stands for.
 */
function memberCode(code: string, country: string, date: string): string | undefined {
  const named = code === "" || code === "NA" ? uncodedMember(country) : undefined;
  return named ?? historicVoteCode(code, date) ?? countries.alpha2ToAlpha3(code);
}

const memberCache = new Map<string, Set<string>>();
function membersOn(date: string): Set<string> {
  let set = memberCache.get(date);
  if (!set) {
    set = new Set(membersAt(forumById("unga"), date).map((m) => m.code));
    memberCache.set(date, set);
  }
  return set;
}

function readVotes(
  path: string,
  calls: Map<string, RollCallRow>,
  voted: Map<string, Set<string>>,
  batch: RecordBatch,
): void {
  const { rows, problems } = readTable(path, ["rcid", "country_code", "vote"]);
  batch.problems.push(...problems);
  for (const row of rows) {
    const vote = voteRecord(path, row, calls, batch);
    if (!vote) continue;
    const seen = voted.get(vote.rcid) ?? new Set();
    voted.set(vote.rcid, seen);
    // The sovereignty subset repeats votes of sessions 62–64: one record each.
    if (seen.has(vote.record.actor_id)) continue;
    seen.add(vote.record.actor_id);
    batch.records.push(vote.record);
  }
}

function voteRecord(
  path: string,
  { line, cells }: Row,
  calls: Map<string, RollCallRow>,
  batch: RecordBatch,
): { rcid: string; record: RecordRow } | undefined {
  const where = `${path}:${line}`;
  const fail = (message: string) => {
    batch.problems.push(new StandpointError("input", message, where));
    return undefined;
  };
  const rcid = cells.rcid?.trim() ?? "";
  const call = calls.get(rcid);
  if (!call) return fail(`no roll call ${rcid} in ${ROLL_CALLS}`);
  const raw = cells.country_code?.trim() ?? "";
  const code = memberCode(raw, cells.country ?? "", call.date);
  if (!code) return fail(`unknown member code ${raw} (${cells.country ?? ""})`);
  const vote = cells.vote?.trim().toLowerCase() ?? "";
  if (!VOTE_VALUES.has(vote)) return fail(`not a vote: ${vote} (yes, no or abstain)`);
  if (!membersOn(call.date).has(code)) return fail(notMember(code, cells.country ?? raw, call.date));
  return { rcid, record: gaRecord(call, code, vote, `${basename(path)}:${line}`) };
}

function notMember(code: string, country: string, date: string): string {
  const span = membershipOf(forumById("unga"), code);
  const who = `${code} (${country}) votes on ${date}`;
  if (!span) return `${who} but was never a UN member`;
  if (date < span.joined) return `${who}, before it joined the UN on ${span.joined}`;
  return `${who}, after it left the UN on ${span.left}`;
}

function gaRecord(call: RollCallRow, code: string, act: string, origin: string): RecordRow {
  return {
    id: `${call.id}:${code}`,
    actor_id: `state:${code}`,
    date: call.date,
    act,
    object: call.symbol,
    roll_call_id: call.id,
    issue: null,
    source: call.source,
    origin,
    note: null,
  };
}

/** Members of the Assembly on a roll call's date with no vote on it, where its votes are on file. */
function addAbsences(
  calls: Map<string, RollCallRow>,
  voted: Map<string, Set<string>>,
  batch: RecordBatch,
): void {
  for (const [rcid, seen] of voted) {
    const call = calls.get(rcid) as RollCallRow;
    for (const code of membersOn(call.date)) {
      if (!seen.has(`state:${code}`))
        batch.records.push(gaRecord(call, code, "absent", `${call.origin} (no vote)`));
    }
  }
}

function readVetoes(path: string, batch: RecordBatch): void {
  const { rows, problems } = readTable(path, ["date", "draft", "agenda_item", "member_veto1"]);
  batch.problems.push(...problems);
  const seen = new Set<string>();
  for (const { line, cells } of rows) {
    const where = `${path}:${line}`;
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cells.date?.trim() ?? "");
    const date = m ? `${m[3]}-${(m[1] as string).padStart(2, "0")}-${(m[2] as string).padStart(2, "0")}` : "";
    if (!isDate(date)) {
      batch.problems.push(new StandpointError("input", `not a date: ${cells.date ?? ""}`, where));
      continue;
    }
    const draft = normalSymbol(cells.draft ?? "");
    const id = seen.has(`unsc:${draft}`) ? `unsc:${draft}:${date}` : `unsc:${draft}`;
    seen.add(id);
    const named = [cells.member_veto1, cells.member_veto2, cells.member_veto3]
      .map((n) => n?.trim() ?? "")
      .filter(Boolean);
    const unknown = named.filter((n) => !vetoMemberCode(n));
    if (unknown.length) {
      batch.problems.push(
        new StandpointError("input", `unknown permanent member ${unknown.join(", ")}`, where),
      );
      continue;
    }
    // The record names the vetoing members and also flags them in a column each; either may have gaps.
    const flagged = VETO_MEMBER_NAMES().filter((n) => cells[n.toLowerCase()] === "1");
    const members = [...new Set([...named, ...flagged].map((n) => vetoMemberCode(n) as string))];
    const source = `${VETO_SOURCE}, draft ${draft}, meeting ${cells.meeting_record ?? ""}`;
    const call: RollCallRow = {
      id,
      forum: "unsc",
      date,
      symbol: draft,
      title: (cells.agenda_item ?? "").trim(),
      part: "whole",
      important: 0,
      outcome: "vetoed",
      source,
      origin: `${basename(path)}:${line}`,
    };
    batch.rollCalls.push(call);
    for (const code of members) batch.records.push({ ...gaRecord(call, code, "veto", call.origin), source });
  }
}
