import { describe, expect, it } from "vitest";
import { defaultCodebook } from "../../src/codebooks/default.ts";
import { extractDocument } from "../../src/pipeline/document.ts";
import { compiled } from "../../src/stances/issues.ts";

/** The issues each actor holds a stance on in `text`, read on several issues at once. */
function stancesOn(text: string, issues: string[]) {
  const record = extractDocument(
    { id: "t", text, published: null, outlet: null },
    { codebooks: issues.map((issue) => compiled(defaultCodebook(issue))) },
  );
  const names = new Map(record.actors.map((a) => [a.id, a.name]));
  return record.stances.map((s) => `${names.get(s.actor)}:${s.issue}:${s.stance}`).sort();
}

describe("stances on several issues of one text", () => {
  it("reads a cue for each target named in the phrase it governs, though the text names it once", () => {
    const text =
      "South Ossetia marked the day. Russia said it will grant diplomatic recognition to the separatist regions of Abkhazia and South Ossetia.";
    expect(stancesOn(text, ["independence of Abkhazia", "independence of South Ossetia"])).toEqual([
      "Russia:abkhazia-independence:support",
      "Russia:south-ossetia-independence:support",
    ]);
  });
});

describe("a place that declares its own independence", () => {
  it("holds no stance on another target's independence when the cue names none", () => {
    const text =
      "Kosovo declared independence in 2008. In Kosovo and Crimea alike, Lavrov said, law decides. The residents of Crimea – in line, he said, with the UN Charter, which allows it – voted in a referendum to declare independence from Ukraine.";
    expect(stancesOn(text, ["independence of Kosovo", "independence of Crimea"])).toEqual([
      "Crimea:crimea-independence:support",
      "Kosovo:kosovo-independence:support",
    ]);
  });
});

describe("a sovereign state that is another issue's target", () => {
  it("holds its stance on every issue of the text", () => {
    const text =
      "Kosovo declared independence in 2008, and crowds in Kosovo celebrated. Serbia hopes for EU membership, and Serbia said it would never recognise the declaration.";
    expect(stancesOn(text, ["independence of Kosovo", "EU membership of Serbia"])).toContain(
      "Serbia:kosovo-independence:oppose",
    );
  });
});

describe("votes on a text's several issues", () => {
  it("takes an abstention for one on what the votes told before were cast on", () => {
    const text =
      "Kosovo declared independence in 2008. Countries that voted against Kosovo's membership of UNESCO included Brazil and China. Greece and Romania abstained.";
    expect(stancesOn(text, ["UNESCO membership of Kosovo", "independence of Kosovo"])).toEqual([
      "Brazil:kosovo-unesco-membership:oppose",
      "China:kosovo-unesco-membership:oppose",
      "Greece:kosovo-unesco-membership:neutral",
      "Kosovo:kosovo-independence:support",
      "Romania:kosovo-unesco-membership:neutral",
    ]);
  });
});

describe("the owner of a decision", () => {
  it("is no possessor named before the article that opens the decision's phrase", () => {
    const text =
      "Israel's foreign minister said the decision to recognise a Palestinian state came as a surprise.";
    expect(stancesOn(text, ["independence of Palestine"])).toEqual([]);
  });
});

describe("stances on places listed together", () => {
  it("reads an act on a list of places as an act on each whose issue the text is about", () => {
    const text = "The Netherlands recognized Croatia and Slovenia as independent states on Wednesday.";
    expect(stancesOn(text, ["independence of Croatia", "independence of Slovenia"])).toEqual([
      "Netherlands:croatia-independence:support",
      "Netherlands:slovenia-independence:support",
    ]);
  });

  it("names a body of the past and a regional one by their names", () => {
    const text =
      "The European Community recognized Croatia on Wednesday. The Gulf Cooperation Council rejected the independence of South Yemen.";
    expect(stancesOn(text, ["independence of Croatia", "independence of South Yemen"])).toEqual([
      "European Community:croatia-independence:support",
      "Gulf Cooperation Council:south-yemen-independence:oppose",
    ]);
  });
});

describe("the official who voices a state's stance", () => {
  it("is the state's official who is the subject of the clause that names its act", () => {
    const record = extractDocument(
      {
        id: "t",
        text: "Russian Foreign Minister Sergei Lavrov made plain Russia's opposition to the Kosovan declaration.",
        published: null,
        outlet: null,
      },
      { codebooks: [compiled(defaultCodebook("independence of Kosovo"))] },
    );
    const names = new Map(record.actors.map((a) => [a.id, a.name]));
    expect(record.stances.map((s) => [names.get(s.actor), s.via && names.get(s.via), s.stance])).toEqual([
      ["Russia", "Sergei Lavrov", "oppose"],
    ]);
  });
  it("is the speaker who reports his state's own act", () => {
    const record = extractDocument(
      {
        id: "t",
        text: "Ghana's Foreign Minister Charles Owiredu said Ghana had decided to withdraw Ghana's recognition of Kosovo.",
        published: null,
        outlet: null,
      },
      { codebooks: [compiled(defaultCodebook("independence of Kosovo"))] },
    );
    const names = new Map(record.actors.map((a) => [a.id, a.name]));
    expect(record.stances.map((s) => [names.get(s.actor), s.via && names.get(s.via), s.stance])).toEqual([
      ["Ghana", "Charles Owiredu", "oppose"],
    ]);
  });
});
