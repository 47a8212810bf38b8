import { describe, expect, it } from "vitest";
import { defaultCodebook } from "../../src/codebooks/default.ts";
import { extractText } from "../../src/extract/stages.ts";
import { extractDocument } from "../../src/pipeline/document.ts";
import { detectIssues } from "../../src/stances/issues.ts";
import { states } from "../../src/world/states.ts";

const issuesOf = (text: string) => detectIssues(extractText(text)).map((book) => book.id);

describe("the issues a text is about", () => {
  it("finds an independence issue from a phrase about it", () => {
    expect(issuesOf("Crowds in Juba celebrated South Sudan's independence on Saturday.")).toEqual([
      "south-sudan-independence",
    ]);
  });

  it("finds a state named by its people's adjective, but not in a state's media", () => {
    expect(
      issuesOf("Lisbon said it would recognise a Palestinian state at the assembly next month."),
    ).toEqual(["palestine-independence"]);
    expect(issuesOf("Ankara has long opposed an independent Kurdish state on its southern border.")).toEqual([
      "kurdistan-independence",
    ]);
    expect(issuesOf("Palestinian state media said the border crossing was shut.")).toEqual([]);
  });

  it("finds the places a text describes by the state they would leave, as many as it counts", () => {
    expect(
      issuesOf(
        "Putin decided to recognise the independence of the two self-proclaimed republics in eastern Ukraine.",
      ),
    ).toEqual(["donetsk-independence", "luhansk-independence"]);
    expect(issuesOf("Moscow backs Georgia's two breakaway regions.")).toEqual([
      "abkhazia-independence",
      "south-ossetia-independence",
    ]);
    expect(issuesOf("Chisinau wants talks with the breakaway region of Moldova.")).toEqual([
      "transnistria-independence",
    ]);
    // Three Ukrainian regions, none disputed: "breakaway Ukraine regions" alone says which of them it means.
    expect(issuesOf("Russia recognises breakaway Ukraine regions.")).toEqual([]);
    // Unless the text names as many of them as the description counts.
    const named = detectIssues(
      extractText(
        "Russia recognised two breakaway regions of Ukraine. Trade with Luhansk and Donetsk was banned.",
      ),
    );
    expect(named.map((b) => [b.id, b.target.includes("two breakaway regions of Ukraine")])).toEqual([
      ["luhansk-independence", true],
      ["donetsk-independence", true],
    ]);
    expect(issuesOf("Beijing called for talks between Serbia and the breakaway province.")).toEqual([]);
  });

  it("finds a region by the adjective of its people within their state, not the region of the same people elsewhere", () => {
    expect(
      issuesOf("The main Syrian Kurdish group declared a federal region in northern Syria on Thursday."),
    ).toEqual(["rojava-autonomy"]);
  });

  it("reads a stance on a place the text only describes", () => {
    const text =
      "World leaders condemn Russia's recognition of breakaway Ukraine regions. Putin decided to recognise the independence of the two self-proclaimed republics in eastern Ukraine. Turkey described as \"unacceptable\" Russia's recognition of the breakaway regions.";
    const record = extractDocument({ id: "t", text, published: null, outlet: null });
    const names = new Map(record.actors.map((a) => [a.id, a.name]));
    expect(record.stances.map((s) => `${names.get(s.actor)}:${s.issue}:${s.stance}`).sort()).toContain(
      "Turkey:donetsk-independence:oppose",
    );
  });

  it("finds the independence of a place said to become independent", () => {
    expect(
      detectIssues(extractText("South Sudan became independent on Saturday.", "2011-07-10")).map((b) => b.id),
    ).toEqual(["south-sudan-independence"]);
  });

  it("finds a place's autonomy, a kind of its own beside its independence", () => {
    expect(issuesOf("Macron proposed a form of autonomy for Corsica on Thursday.")).toEqual([
      "corsica-autonomy",
    ]);
    expect(defaultCodebook("autonomy of Corsica")).toMatchObject({
      id: "corsica-autonomy",
      parent: ["France"],
    });
    // "Moroccan autonomy plan" names whose plan it is, not a place whose autonomy is argued.
    for (const text of [
      "Spain backed the Moroccan autonomy plan for Western Sahara.",
      "Spain backed Morocco's autonomy plan for Western Sahara.",
    ])
      expect(issuesOf(text)).not.toContain("morocco-autonomy");
  });

  it("gives the places listed with one named as an issue the same issue", () => {
    expect(
      issuesOf("January 15, 1992. Denmark decided on Wednesday to recognise Croatia and Slovenia.").sort(),
    ).toEqual(["croatia-independence", "slovenia-independence"]);
  });

  it("takes a state's independence as the issue of a text about independence written as it won it", () => {
    const text = (year: number) =>
      `June 1, ${year}. Voters in Montenegro backed independence by a narrow margin. Opposition leaders in Montenegro asked for a recount.`;
    expect(issuesOf(text(2006))).toEqual(["montenegro-independence"]);
    expect(issuesOf(text(2016))).toEqual([]);
  });

  it("knows a region by a name whose direction is written in lower case", () => {
    expect(
      issuesOf("Separatists in southern Yemen want a state of their own. Rallies in southern Yemen went on."),
    ).toEqual(["south-yemen-independence"]);
  });

  it("reads no independence of a state that continued the union it led", () => {
    expect(
      issuesOf(
        "July 2, 1991. Serbia opposed Slovenia's secession. Serbia's army moved north to stop the secession.",
      ),
    ).not.toContain("serbia-independence");
  });

  it("knows a people's land by its adjective: Tamil separatists fight for Tamil Eelam", () => {
    expect(
      issuesOf("Tamil separatists rejected the offer. The Tamil rebels want a separate state in the north."),
    ).toContain("tamil-eelam-independence");
  });

  it("finds an annexation with the state that annexes, and each place listed with the one named", () => {
    expect(
      issuesOf("Iraq's annexation of Kuwait was condemned by the Security Council on Thursday."),
    ).toEqual(["kuwait-annexation-by-iraq"]);
    expect(
      issuesOf(
        "Russian President Vladimir Putin signed treaties to annex Kherson and Zaporizhzhia on Friday.",
      ),
    ).toEqual(["kherson-annexation-by-russia", "zaporizhzhia-annexation-by-russia"]);
  });

  it("reads sovereignty over a territory as its annexation only when another state owns it", () => {
    expect(issuesOf("Washington recognised Israel's sovereignty over the Golan Heights on Monday.")).toEqual([
      "golan-heights-annexation-by-israel",
    ]);
    expect(issuesOf("The Arab League affirmed Syria's sovereignty over the Golan Heights.")).toEqual([]);
    expect(issuesOf("The plan gives some sovereignty over the Golan Heights to a joint body.")).toEqual([]);
    expect(
      issuesOf("The cabinet may vote on applying Israeli sovereignty to parts of the West Bank."),
    ).toEqual(["west-bank-annexation-by-israel"]);
  });

  it("reads recognition as a dispute only for a place whose statehood is not settled", () => {
    expect(issuesOf("Morocco was the first country to recognise the United States, in 1777.")).toEqual([]);
    // Not Georgia's independence: the places described are the issue.
    expect(issuesOf("Russia backs the separatist regions of Georgia.")).toEqual([
      "abkhazia-independence",
      "south-ossetia-independence",
    ]);
    const sudan = "Sudan recognised the Republic of South Sudan on Friday.";
    expect(detectIssues(extractText(sudan, "2011-07-08")).map((b) => b.id)).toEqual([
      "south-sudan-independence",
    ]);
    expect(detectIssues(extractText(sudan, "2031-07-08")).map((b) => b.id)).toEqual([]);
    expect(issuesOf("Russia recognised Abkhazia in 2008; few states followed in 2024.")).toEqual([
      "abkhazia-independence",
    ]);
  });

  it("takes a state written about before its independence as a disputed place named twice", () => {
    const text = "East Timor voted on Monday. Indonesia sent troops to East Timor.";
    expect(detectIssues(extractText(text, "1999-08-31")).map((b) => b.id)).toEqual([
      "timor-leste-independence",
    ]);
    expect(detectIssues(extractText(text, "2024-08-31")).map((b) => b.id)).toEqual([]);
  });

  it("finds a place's bid to join a body the text names", () => {
    expect(issuesOf("Serbia has fiercely opposed Kosovo's bid to join UNESCO.")).toEqual([
      "kosovo-unesco-membership",
    ]);
    expect(
      issuesOf("The council voted on whether the State of Palestine be admitted to membership of the UN."),
    ).toEqual(["palestine-un-membership"]);
  });

  it("pairs a place with a body only where the text names them close together", () => {
    const names = [...states().values()].filter((s) => s.type === "state").map((s) => s.name);
    const text = `Delegates came from ${names.join(", ")}. Observers from the UN, UNESCO and the EU attended. Kosovo's bid to join UNESCO failed.`;
    const detected = detectIssues(extractText(text)).map((b) => b.id);
    expect(detected.filter((id) => id.endsWith("-membership"))).toEqual(["kosovo-unesco-membership"]);
  });

  it("takes no place for a longer name that starts with it", () => {
    expect(issuesOf("Israel plans to annex the Jordan Valley.")).toEqual([]);
  });

  it("finds a claim to, or a purchase of, a territory as its annexation by the state that claims it", () => {
    expect(
      issuesOf("Argentina's Foreign Ministry said its claim to the Falkland Islands was permanent."),
    ).toEqual(["falkland-islands-annexation-by-argentina"]);
    expect(issuesOf("Britain defended its claim to the Falkland Islands.")).toEqual([]);
    expect(issuesOf("US President Donald Trump was interested in buying Greenland.")).toContain(
      "greenland-annexation-by-united-states",
    );
    expect(issuesOf("Guyana's president feared Venezuela would seize Guyana's Essequibo.")).toEqual([
      "essequibo-annexation-by-venezuela",
    ]);
  });

  it("takes a territory's rival in the gazetteer as its annexer when no phrase names one but the text names the rival", () => {
    const text = "The Essequibo is rich in oil. Guyana has run the Essequibo since its independence.";
    expect(issuesOf(`${text} Venezuela held the vote.`)).toEqual(["essequibo-annexation-by-venezuela"]);
    expect(issuesOf(`${text} Brazil watched the vote.`)).toEqual(["essequibo-annexation"]);
  });

  it("takes no place for the annexer of the state that claims it", () => {
    expect(
      issuesOf(
        "The Taiwan Affairs Office issued a white paper titled “The Taiwan Issue and China’s Reunification in the New Era” on Wednesday.",
      ),
    ).not.toContain("china-annexation-by-taiwan");
  });

  it("reads on past a phrase that names no annexer to one that does", () => {
    expect(
      issuesOf(
        "Denmark's Dream of Buying Greenland. US President Donald Trump wants to buy Greenland from Denmark.",
      ),
    ).toContain("greenland-annexation-by-united-states");
  });

  it("finds an annexation of a state's territory described by the state", () => {
    expect(issuesOf("Moscow's attempted annexation of four Ukrainian regions drew sanctions.")).toEqual([
      "ukraine-annexation-by-russia",
    ]);
  });
});

describe("default codebooks from free text", () => {
  it("reads a state's adjective before an annexation as who annexes, not what is annexed", () => {
    expect(issuesOf("The Venezuelan annexation plan alarmed Guyana on Thursday.")).toEqual([]);
  });

  it("takes no state that reacts to an annexation for the one that annexes", () => {
    expect(issuesOf("Germany condemned the annexation of Crimea on Tuesday.")).toEqual(["crimea-annexation"]);
    expect(issuesOf("Moscow completed the annexation of Crimea on Tuesday.")).toEqual([
      "crimea-annexation-by-russia",
    ]);
    expect(issuesOf("Moscow announced the annexation of Crimea on Tuesday.")).toEqual([
      "crimea-annexation-by-russia",
    ]);
  });

  it("takes a territory one state holds and another claims, named twice, as what its annexation is argued over", () => {
    expect(
      issuesOf("Guyana's president flew to Essequibo on Friday. Soldiers guard the border of Essequibo."),
    ).toEqual(["essequibo-annexation"]);
    expect(issuesOf("Guyana's president flew to Essequibo on Friday.")).toEqual([]);
  });

  it("takes a disputed place's vote on joining a state as its annexation by that state, but not a return to its own", () => {
    expect(
      issuesOf(
        "South Ossetia plans a referendum on joining Russia. Georgia called the plan for South Ossetia unacceptable.",
      ),
    ).toContain("south-ossetia-annexation-by-russia");
    expect(
      issuesOf("Taiwan rejects unification with China. Taiwan's president spoke in Taipei on Sunday."),
    ).not.toContain("taiwan-annexation-by-china");
  });

  it("reads a vote or wish to join a state as a joining phrase, with the place named before it, not a state's own union", () => {
    expect(
      issuesOf("Crimea votes to join Russia. Voters in Crimea went to the polls on Sunday in Simferopol."),
    ).toContain("crimea-annexation-by-russia");
    // The place named before the phrase, not the disputed place named most.
    expect(
      issuesOf(
        "Kosovo declared independence in 2008. Kosovo is recognised by many. The residents of Crimea voted for independence from Ukraine and for unification with Russia.",
      ),
    ).toContain("crimea-annexation-by-russia");
    expect(
      issuesOf(
        "Gagauzia held a referendum on Sunday. Voters in Gagauzia backed independence. The Moldovan government insists it has no plans to join Romania.",
      ),
    ).not.toContain("gagauzia-annexation-by-romania");
  });

  it("takes a disputed place named once as the issue of a text about separatism", () => {
    expect(
      issuesOf("Anglophone separatists in the former Southern Cameroons clashed with troops on Sunday."),
    ).toContain("ambazonia-independence");
    expect(issuesOf("Officials from the former Southern Cameroons met the governor on Sunday.")).toEqual([]);
  });

  it("names an annexation by the state that annexes when asked", () => {
    const book = defaultCodebook("annexation of the Golan Heights by Israel");
    expect([book.id, book.label, book.parent]).toEqual([
      "golan-heights-annexation-by-israel",
      "Annexation of Golan Heights by Israel",
      ["Syria"],
    ]);
    expect(defaultCodebook("annexation of Kuwait").id).toBe("kuwait-annexation");
  });

  it("reads a membership with the body first or last, by the body the gazetteer knows", () => {
    for (const text of [
      "UNESCO membership of Kosovo",
      "membership of Kosovo in UNESCO",
      "Kosovo's membership of UNESCO",
    ]) {
      const book = defaultCodebook(text);
      expect([book.id, book.label, book.target, book.body]).toEqual([
        "kosovo-unesco-membership",
        "Membership of Kosovo in UNESCO",
        ["Kosovo"],
        ["UNESCO"],
      ]);
    }
  });
});
