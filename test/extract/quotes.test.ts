import { describe, expect, it } from "vitest";
import { extractText } from "../../src/extract/stages.ts";
import { extractDocument } from "../../src/pipeline/document.ts";

/** The quotes of a text as [quoted text, speaker's name, kind]. */
function quotes(text: string, published?: string): Array<[string, string | null, string]> {
  const doc = extractText(text, published);
  return doc.quotes.map((q) => [
    q.spans.map((s) => text.slice(s.start, s.end)).join(" … "),
    q.speaker === undefined ? null : doc.entities.get(q.speaker).name,
    q.kind,
  ]);
}

/** The names of the speakers of an extracted document's quotes, in order. */
function speakerNames(doc: ReturnType<typeof extractText>): Array<string | undefined> {
  return doc.quotes.map((q) => (q.speaker === undefined ? undefined : doc.entities.get(q.speaker).name));
}

/** The names of the speakers of `text`'s quotes as the extraction record gives them. */
function recordedSpeakers(text: string): Array<string | undefined> {
  const record = extractDocument({ id: "x", text });
  return record.quotes.map((q) => record.actors.find((a) => a.id === q.speaker)?.name);
}

describe("direct quotes and their speakers", () => {
  it.each([
    [
      "curly marks, cue after",
      "“We will not accept it,” Serbian President Boris Tadic said.",
      [["“We will not accept it,”", "Boris Tadic", "direct"]],
    ],
    [
      "the quoted sentence going on past its closing mark to a comma before the speaker",
      "Iran shut its border. “We have closed our land and air borders” with Iraqi Kurdistan, foreign ministry spokesman Bahram Ghasemi said at a press conference.",
      [["“We have closed our land and air borders”", "Bahram Ghasemi", "direct"]],
    ],
    [
      "straight marks, inverted cue",
      '"It was a hard day," said Vitaly Churkin, Russia\'s ambassador.',
      [['"It was a hard day,"', "Vitaly Churkin", "direct"]],
    ],
    [
      "single marks",
      "‘The talks are over,’ said Wolfgang Ischinger.",
      [["‘The talks are over,’", "Wolfgang Ischinger", "direct"]],
    ],
    [
      "guillemets",
      "Bernard Kouchner said: «We will see the results of it soon.»",
      [["«We will see the results of it soon.»", "Bernard Kouchner", "direct"]],
    ],
    [
      "cue before with a listener",
      "Nicholas Burns told the newspaper Koha Ditore, “The US will not allow anyone to stop this.”",
      [["“The US will not allow anyone to stop this.”", "Nicholas Burns", "direct"]],
    ],
    [
      "participle cue",
      "Condoleezza Rice confirmed the position, saying, “We will get there one way or another.”",
      [["“We will get there one way or another.”", "Condoleezza Rice", "direct"]],
    ],
    [
      "colon",
      "Serbian Prime Minister Vojislav Kostunica was blunt: “Kosovo is Serbia and will stay so.”",
      [["“Kosovo is Serbia and will stay so.”", "Vojislav Kostunica", "direct"]],
    ],
    [
      "question with 'asked X in an interview'",
      "“Is it not too late to be sorry?,” asked Alexander Lukashenko in a televised interview.",
      [["“Is it not too late to be sorry?,”", "Alexander Lukashenko", "direct"]],
    ],
    [
      "pronoun answer",
      "Reporters asked Vojislav Kostunica about the offer. He answered, “It is an indecent offer.”",
      [["“It is an indecent offer.”", "Vojislav Kostunica", "direct"]],
    ],
    [
      "a name before 'of' and a body",
      "Thaci spoke to Chris Wallace of Fox News on Sunday.\n\nWallace then asked, “With no deal at all?”",
      [["“With no deal at all?”", "Chris Wallace", "direct"]],
    ],
    [
      "a title and a person's name before 'of' and a body",
      "“The plan is reckless,” said Regional Chief Maria Lopez Dunn of the Council of Coastal Nations.",
      [["“The plan is reckless,”", "Maria Lopez Dunn", "direct"]],
    ],
    [
      "a capital letter joined to a common noun",
      'Lisbon condemned Rome’s "abrupt U-turn," saying in an official statement Friday that Rome had promised neutrality.',
      [
        ['"abrupt U-turn,"', "Portugal", "direct"],
        ["that Rome had promised neutrality", "Portugal", "indirect"],
      ],
    ],
    [
      "a fragment after 'termed'",
      "Foreign Minister Ana Ruiz termed the vote a “grave breach of the constitution.”",
      [["the vote a “grave breach of the constitution.”", "Ana Ruiz", "indirect"]],
    ],
    [
      "a caretaker's title before the name",
      "Caretaker Foreign Minister Jawid Abbas Qureshi at a briefing on Monday termed the vote unlawful. “It changes nothing.”",
      [["“It changes nothing.”", "Jawid Abbas Qureshi", "direct"]],
    ],
    [
      "a speech verb before 'according to' its source",
      "Ana Ruiz said, according to Reuters: “The island has the right to decide.”",
      [["“The island has the right to decide.”", "Ana Ruiz", "direct"]],
    ],
    [
      "a speech verb right after 'according to' its source",
      "According to Reuters, Ana Ruiz said: “The island has the right to decide.”",
      [["“The island has the right to decide.”", "Ana Ruiz", "direct"]],
    ],
    [
      "a source before words said of something a verb's infinitive names",
      "According to Ruiz, the resolutions “from the 1970s” cited by Spain to claim the island “were written for another age.”",
      [
        [
          "the resolutions “from the 1970s” cited by Spain to claim the island “were written for another age.”",
          "Ruiz",
          "indirect",
        ],
      ],
    ],
    [
      "'the president-elect' for the elected president named before",
      "The newly elected president Jorge Almada vowed to act. During the campaign the president-elect insisted that the port was “not for sale”.",
      [["that the port was “not for sale”", "Jorge Almada", "indirect"]],
    ],
    [
      "two single marks closing a double quote",
      "“We will not move,” Tadic said. The envoy answered with a “proposal’’ that no one took seriously.\n\n“We are done talking,” Kostunica replied.",
      [
        ["“We will not move,”", "Tadic", "direct"],
        ["“We are done talking,”", "Kostunica", "direct"],
      ],
    ],
    [
      "nouns that look like speech verbs",
      "“The talks are finished,” Ischinger told reporters in Vienna, where a dozen states sent envoys and a think tank sent its report. “We need a decision.”",
      [["“The talks are finished,” … “We need a decision.”", "Ischinger", "direct"]],
    ],
    [
      "a base form after an article and one singular word is a noun, unless a preposition governs them",
      "Puigdemont gave the regional parliament the final say on whether to declare independence. The people say the vote is close. Pollsters across the country say turnout is high.",
      [
        ["the vote is close", "The people", "indirect"],
        ["turnout is high", "Pollsters across the country", "indirect"],
      ],
    ],
    [
      "one person named in two spellings in one text",
      "Foreign Ministry spokeswoman Hua Chunying said on Tuesday that China opposed the move. “This position is firm,” Hua Chuying said.",
      [
        ["that China opposed the move", "Hua Chunying", "indirect"],
        ["“This position is firm,”", "Hua Chunying", "direct"],
      ],
    ],
    [
      "a family name that is also a month, after the person is named in full",
      "British Prime Minister Theresa May spoke on Thursday. But May, who had spoken to Nicola Sturgeon, said it was time to work together.",
      [["it was time to work together", "Theresa May", "indirect"]],
    ],
    [
      "a participle after a passive's agent is the agent's",
      "The Kurdish group declared a federal region on Thursday.\n\nThe move was rejected by the Syrian Foreign Ministry describing it as “unconstitutional and worthless.” It warned against any attempt to divide Syria.",
      [
        ["“unconstitutional and worthless.”", "Syrian Foreign Ministry", "direct"],
        ["against any attempt to divide Syria", "Syria", "indirect"],
      ],
    ],
    [
      "a fragment after a participle and its object is the participle's subject's",
      "The move was rejected by the Syrian Foreign Ministry describing it as “unconstitutional and worthless.”",
      [["it as “unconstitutional and worthless.”", "Syrian Foreign Ministry", "indirect"]],
    ],
    [
      "a participle after a report hangs on the report",
      "Thaci and Tadic will meet next week, Ischinger said, adding, “They need a long talk.”",
      [["“They need a long talk.”", "Ischinger", "direct"]],
    ],
    [
      "an unknown surname opening its clause after an opener",
      "At the summit in Brussels, Jeremic compared the plan to a partition, saying, “It cuts our country in two.”",
      [["“It cuts our country in two.”", "Jeremic", "direct"]],
    ],
    [
      "a possessive and a noun as the subject of a participle",
      "Her office quickly emailed supporters stating, “The minister will not resign.”",
      [["“The minister will not resign.”", "Her office", "direct"]],
    ],
    [
      "a description with a phrase after its head",
      "“Serbia will never accept it,” a statement on the government website said.",
      [["“Serbia will never accept it,”", "a statement on the government website", "direct"]],
    ],
    [
      "a speech word after a determiner inside a description",
      "A footnote in the report is plain: “The figures exclude the north.”",
      [["“The figures exclude the north.”", "A footnote in the report", "direct"]],
    ],
    [
      "a state's adjective is no clause subject",
      "Boris Tadic flew home on Friday.\n\nBack on Serbian soil, he returned to his familiar lines: “Kosovo is Serbia.”",
      [["“Kosovo is Serbia.”", "Boris Tadic", "direct"]],
    ],
    [
      "'remembered' after a quote",
      "“It was a hard winter,” remembered Veton Surroi, a former negotiator.",
      [["“It was a hard winter,”", "Veton Surroi", "direct"]],
    ],
    [
      "a compound title before a name",
      "Co-chair Carl Bildt said, “The conference will meet again in May.”",
      [["“The conference will meet again in May.”", "Carl Bildt", "direct"]],
    ],
    [
      "'according to' after a quote",
      "“The evidence cannot support a prosecution,” according to a filing by special prosecutor Sevdije Morina.",
      [["“The evidence cannot support a prosecution,”", "Sevdije Morina", "direct"]],
    ],
    [
      "'according to' a body no list knows",
      "“The files show the ministry kept dossiers on deputies,” according to Humanitarian Law Watch.",
      [["“The files show the ministry kept dossiers on deputies,”", "Humanitarian Law Watch", "direct"]],
    ],
    [
      "the clause nearest a colon",
      "Boris Tadic spoke first. The delay was so long that a spokesman for the mission could only quip: “Maybe next year.”",
      [["“Maybe next year.”", "a spokesman for the mission", "direct"]],
    ],
    [
      "initials for a given name after a title",
      "Ibrahim Rugova spoke first. LDK Chairman J.K. Berisha of Pristina said, “The vote will stand.”",
      [["“The vote will stand.”", "J.K. Berisha", "direct"]],
    ],
    [
      "a possessor before an apposition naming the speaker",
      "“We expect a long night,” said Tadic's campaign manager, Dragan Sutanovac, at the count.",
      [["“We expect a long night,”", "Dragan Sutanovac", "direct"]],
    ],
    [
      "a possessor before a description",
      "Martti Ahtisaari spoke first. “The plan stands,” said Ahtisaari's spokesman.",
      [["“The plan stands,”", "Ahtisaari's spokesman", "direct"]],
    ],
    [
      "a subordinate clause after an inverted cue's name",
      "“We will not leave,” said Serb resident Dragan Ivanovic when asked about Agim Ceku.",
      [["“We will not leave,”", "Dragan Ivanovic", "direct"]],
    ],
    [
      "a titled name with a party between commas",
      "Tuesday at Pristina University in Kosovo, after the vote, Sen. Joseph Biden (D-Del.), said, “Kosovo has earned it.”",
      [["“Kosovo has earned it.”", "Joseph Biden", "direct"]],
    ],
    [
      "a participle after the quote",
      "Vuk Jeremic walked out and declared, “This is a dark day,” drawing loud jeers from the gallery.",
      [["“This is a dark day,”", "Vuk Jeremic", "direct"]],
    ],
    [
      "an unknown name set off after a title",
      "Kazakhstan's foreign minister, Erlan Idrissov, plays down the move.\n\n“It will change nothing,” he said.",
      [["“It will change nothing,”", "Erlan Idrissov", "direct"]],
    ],
    [
      "an unknown name before an age",
      "In Pristina the crowd cheered. Hajrije Xhemshiti, 60, a teacher, said she was elated.\n\n“We waited a long time,” she said.",
      [
        ["she was elated", "Hajrije Xhemshiti", "indirect"],
        ["“We waited a long time,”", "Hajrije Xhemshiti", "direct"],
      ],
    ],
    [
      "four appositions before the verb",
      "“We want peace,” Dren Krasniqi, 30, of Gjilan, Kosovo, who was among the crowd, said later.",
      [["“We want peace,”", "Dren Krasniqi", "direct"]],
    ],
    [
      "a title with a preposition after an inverted cue",
      "“The line holds,” said former secretary of state Condoleezza Rice, who visited Pristina.",
      [["“The line holds,”", "Condoleezza Rice", "direct"]],
    ],
    [
      "a description before its apposition, and 'told' with its listener",
      "Talks ended.\n\n“The mission is under pressure,” a Western diplomat, who was not authorized to speak on the record, told Reuters.",
      [["“The mission is under pressure,”", "a Western diplomat", "direct"]],
    ],
    [
      "a description before an apposition that names the speaker",
      "Talks ended.\n\n“We are proud of him,” his widow, Maria Rugova, said on Monday.",
      [["“We are proud of him,”", "Maria Rugova", "direct"]],
    ],
    [
      "a nickname inside a name",
      'In Mitrovica North, a crowd marched in silence. Milos "Misa" Jovanovic of Zvecan carried a flag. "We will stay here," he said.',
      [['"We will stay here,"', 'Milos "Misa" Jovanovic', "direct"]],
    ],
    [
      "a pronoun after a description of a named person's office",
      "Sen. Joseph Biden flew to Pristina on Monday. The talks had stalled for weeks. Serbia rejected every draft. Russia threatened a veto. Diplomats feared a collapse.\n\nThe senator was being challenged on the timing. And he refused to concede the point.\n\n“It is time to recognize Kosovo,” he said.",
      [["“It is time to recognize Kosovo,”", "Joseph Biden", "direct"]],
    ],
    [
      "a description of an office two named people hold stands for neither",
      "Sen. John McCain met Sen. Joseph Biden in Pristina on Monday. The talks had stalled for weeks. Serbia rejected every draft. Russia threatened a veto. Diplomats feared a collapse.\n\nThe senator was being challenged on the timing. And he refused to concede the point.\n\n“It is time to recognize Kosovo,” he said.",
      [["“It is time to recognize Kosovo,”", null, "direct"]],
    ],
    [
      "a former office is not the office's holder",
      "President George W. Bush welcomed the plan. Bill Clinton spoke in Pristina.\n\n“It is about time,” the former president said.",
      [["“It is about time,”", "the former president", "direct"]],
    ],
    [
      "an adjective in -ous before a speech noun",
      "Ibrahim Rugova was known for his famous demand in Pristina in 1991: “Kosovo must be free!”",
      [["“Kosovo must be free!”", "Ibrahim Rugova", "direct"]],
    ],
    [
      "a description cut before a quoted title",
      "“We must talk to every community,” wrote the authors of the “Ahtisaari Plan,” in a footnote.",
      [["“We must talk to every community,”", "the authors", "direct"]],
    ],
    [
      "a dateline before the subject",
      "PRISTINA, Feb. 17 (Reuters) — In response to the vote in Belgrade, Kosovo’s prime minister rallied supporters, saying: “We have waited long enough.”",
      [["“We have waited long enough.”", "Kosovo’s prime minister", "direct"]],
    ],
    [
      "a prepositional opener before the subject",
      "Amid the protests against Boris Tadic, Vojislav Kostunica rallied supporters, saying: “Kosovo is Serbia.”",
      [["“Kosovo is Serbia.”", "Vojislav Kostunica", "direct"]],
    ],
    [
      "a name modifying a description's head",
      "Hashim Thaci spoke on Sunday.\n\n“The count is nearly done,” one Thaci campaign source said.",
      [["“The count is nearly done,”", "one Thaci campaign source", "direct"]],
    ],
    [
      "a body's capitalised name no list knows, before the verb",
      "The agency revised its figures.\n\nZero Hedge asked, “Who will pay for the new ministry?”",
      [["“Who will pay for the new ministry?”", "Zero Hedge", "direct"]],
    ],
    [
      "a name after a participle's preposition is its object",
      "The mission denied it.\n\nAnother Western diplomat speaking to Reuters said, “The mission is under pressure.”",
      [["“The mission is under pressure.”", "Another Western diplomat", "direct"]],
    ],
    [
      "a second piece with a cue of its own is a quote of its own",
      "Vuk Jeremic spoke first. “It will not stand,” said Boris Tadic. “It is the law,” added Kosovo Prime Minister Hashim Thaci.",
      [
        ["“It will not stand,”", "Boris Tadic", "direct"],
        ["“It is the law,”", "Hashim Thaci", "direct"],
      ],
    ],
    [
      "a local office as a title",
      "The vote was close.\n\n“People are angry,” said Pristina Alderman Besnik J. Tahiri, who backs the plan.",
      [["“People are angry,”", "Besnik J. Tahiri", "direct"]],
    ],
    [
      "a description's head matching a body's name by whole word",
      "The Senatorial Campaign Committee met on Monday.\n\n“We are ready,” the senator said.",
      [["“We are ready,”", "the senator", "direct"]],
    ],
    [
      "a time phrase before the subject, and a plural noun after 'and' in it",
      "Talks resumed in Vienna.\n\nBut that morning, an angry army of Serb workers and retirees had amassed in Mitrovica, chanting, “No talks without us!”",
      [["“No talks without us!”", "an angry army of Serb workers and retirees", "direct"]],
    ],
    [
      "a plural noun phrase without a determiner as the subject",
      "Protesters gathered in Mitrovica on Sunday.\n\nSmall groups of protesters continued to call for the release of Oliver Ivanovic, marching through the streets while chanting, “Free him now!”",
      [["“Free him now!”", "Small groups of protesters", "direct"]],
    ],
    [
      "a paragraph that would continue a quote but has a cue of its own",
      "“It is a warning to all of us,” Vuk Jeremic said Friday. “If Kosovo goes, then who is next?\n\n“We have been thinking about this for months,” added Boris Tadic, the president.",
      [
        ["“It is a warning to all of us,” … “If Kosovo goes, then who is next?", "Vuk Jeremic", "direct"],
        ["“We have been thinking about this for months,”", "Boris Tadic", "direct"],
      ],
    ],
    [
      "a quote with a cue of its own is an attribution of its own",
      "“We will not leave,” Vojislav Kostunica said, adding, “Kosovo is Serbia.”",
      [
        ["“We will not leave,”", "Vojislav Kostunica", "direct"],
        ["“Kosovo is Serbia.”", "Vojislav Kostunica", "direct"],
      ],
    ],
    [
      "a call on someone, from its object on",
      "The United States called on Kosovo officials to postpone the decision.",
      [["Kosovo officials to postpone the decision", "United States", "indirect"]],
    ],
    [
      "reported words before an inverted cue that a bare weekday closes",
      "Catalan independence would not enjoy recognition, Nathalie Loiseau said Monday.",
      [["Catalan independence would not enjoy recognition", "Nathalie Loiseau", "indirect"]],
    ],
    [
      "reported words before an inverted cue that a subordinate clause follows",
      "Catalan independence would not enjoy recognition, Nathalie Loiseau said on Monday as the region's leader threatened a split.",
      [["Catalan independence would not enjoy recognition", "Nathalie Loiseau", "indirect"]],
    ],
    [
      "the office of a body, held by the person a headline just named",
      "Scotland Would Find It Hard, Says Jose Manuel Barroso\n\nThe president of the European Commission has said it would be very difficult for Scotland to join.",
      [["it would be very difficult for Scotland to join", "Jose Manuel Barroso", "indirect"]],
    ],
    [
      "a fragment after 'with' a titled person 'saying'",
      "There was support from Scotland, with Scotland's External Affairs Secretary Fiona Hyslop saying “people must have the ability to decide”.",
      [["“people must have the ability to decide”", "Fiona Hyslop", "indirect"]],
    ],
    [
      "a time phrase between the subject and its verb",
      "Spain moved after the United States earlier this month reiterated its support for the plan.",
      [["its support for the plan", "United States", "indirect"]],
    ],
    [
      "an accusation, its object and charge what was said",
      "Aleksandar Vucic accused Pristina of violating the rights of local Serbs.",
      [["Pristina of violating the rights of local Serbs", "Aleksandar Vucic", "indirect"]],
    ],
    [
      "a person of a place no stage knows, before the verb",
      "Mayor Jane Smith of Green Bay said the plan would fail.",
      [["the plan would fail", "Jane Smith", "indirect"]],
    ],
    [
      "mismatched marks",
      "Alexander Lukashenko spoke on television. “We should not have allowed this then,’ he continued.",
      [["“We should not have allowed this then,’", "Alexander Lukashenko", "direct"]],
    ],
  ])("%s", (_name, text, expected) => {
    expect(quotes(text)).toEqual(expected);
  });

  it.each([
    [
      "a surname after a generational suffix",
      "In Vienna, Frank G. Wisner III pressed both delegations for a deal. Wisner later spoke to reporters.\n\n“There is no more time,” he said.",
      "Frank G. Wisner III",
    ],
    [
      "a surname named in full only later",
      "Tadic also addressed the assembly on Friday, promising every legal means.\n\n“We will never recognise it,” he added.\n\nIn Brussels, Tadic stated the same.",
      "Tadic",
    ],
    [
      "a family name without the particle joined to it",
      "Abadi rejects Kurdish vote\n\nIraqi Prime Minister Haider al-Abadi spoke in Baghdad on Tuesday.\n\n“We will not deal with it,” Abadi said.",
      "Haider al-Abadi",
    ],
    [
      "a family name behind two particles",
      "European Commission President Ursula von der Leyen spoke in Brussels.\n\n“This is a blatant violation,” von der Leyen said.",
      "Ursula von der Leyen",
    ],
    [
      "the first of two family names, used alone after a Spanish honorific",
      "Spain's ambassador to the UN, Ramiro Ortega Salcedo, presented the proposal in New York.\n\n“We offer a fair solution to both sides,” Sr Ortega said.",
      "Ramiro Ortega Salcedo",
    ],
    [
      "a long surname misspelt by one letter",
      "Greek Prime Minister Kyriakos Mitsotakis met Aleksandar Vucic in Belgrade on Wednesday.\n\n“Athens will not change its position,” Mitosotakis said.",
      "Kyriakos Mitsotakis",
    ],
    [
      "a short surname misspelt by one letter in a text that names its owner",
      "Iraqi Prime Minister Haider al-Abadi spoke in Baghdad on Tuesday.\n\n“We will not deal with it,” Abai said.",
      "Haider al-Abadi",
    ],
    [
      "a description of an office whose holder was named without its state",
      "Kosovo's independence cannot be recognised, Prime Minister Pedro Sanchez said in Tirana, where he met Albanian Prime Minister Edi Rama.\n\n“Spain will not change its view,” the Spanish PM told reporters.",
      "Pedro Sanchez",
    ],
    [
      "a place after a name is no person",
      "Representative Eliot Engel of New York, a member of the Foreign Affairs Committee, said the vote would pass.\n\n“Kosovo has waited long enough,” he said.",
      "Eliot Engel",
    ],
    [
      "a name before a title serves the title's holder",
      "Tadic media adviser Jelena Markovic said the offer was unfair. “Nobody can accept this,” she said.",
      "Jelena Markovic",
    ],
    [
      "an introductory phrase before the subject",
      "Vojislav Kostunica rejected the plan again.\n\nAfter meeting Kostunica in Belgrade on Monday, Boris Tadic flew to Brussels.\n\n“We want a compromise,” he said.",
      "Boris Tadic",
    ],
    [
      "a reporting clause inside the narrating sentence",
      "Hashim Thaci, Wolfgang Ischinger said, has no reason to leave the talks.\n\n“Nobody wants to leave the table,” he said.",
      "Wolfgang Ischinger",
    ],
    [
      "a person of the pronoun's gender after an incompatible subject",
      "Condoleezza Rice met Tadic on Monday. Rice then flew home.\n\nVojislav Kostunica was answering a letter from Carla Del Ponte about the court.\n\n“We expect an answer this week,” she wrote.",
      "Carla Del Ponte",
    ],
    [
      "the only person a sentence names",
      "Boris Tadic spoke first at the meeting.\n\nThen there is Wolfgang Ischinger.\n\n“Talks can still work,” he wrote.",
      "Wolfgang Ischinger",
    ],
    [
      "a quoted phrase ending an opener",
      "When Tadic called it “a partition,” Ischinger nodded, pointing to a map. “It is no such thing,” he said.",
      "Ischinger",
    ],
    [
      "'States' in a name is no speech verb",
      "Thaci said he welcomed the backing of the United States and added, “We will not wait much longer.”",
      "Thaci",
    ],
    [
      "a person before an apposition that never closes",
      "Some called it no great matter.\n\nSkender Hyseni, the foreign minister of the Republic of Kosovo said in a statement. “Nothing can be reopened.”",
      "Skender Hyseni",
    ],
    [
      "a quote inside a narrating sentence after a conjunction, an opener and a title",
      "And after the vote failed, Prime Minister Agim Ceku (AAK) blamed the council's “endless delays and the empty promises of its members.”",
      "Agim Ceku",
    ],
    [
      "an inverted reporting clause at the end of the narrating sentence",
      "Hashim Thaci will decide how the talks end, said Wolfgang Ischinger, the EU envoy.\n\n“Both sides must give something,” he said.",
      "Wolfgang Ischinger",
    ],
    [
      "openers in a row before the subject",
      "Vojislav Kostunica had refused to meet him.\n\nBut on Thursday, in a statement from the Kostunica government, Boris Tadic described the plan as dead. “There is nothing left to discuss,” he said.",
      "Boris Tadic",
    ],
    [
      "a given name that a lexicon takes for a woman's",
      "Adel Nefzi, a member of the board, said Omar Mateen had prayed there on Friday.\n\n“We are horrified,” he said.",
      "Adel Nefzi",
    ],
    [
      "a report closing the narrating sentence",
      "Hashim Thaci is not only right on the status, he is also the ablest leader Ischinger argues.\n\n“Nobody else can hold the coalition together,” he says.",
      "Ischinger",
    ],
    [
      "a person before an apposition opened by a title",
      "Some called it a formality.\n\nAgim Ceku, president of the Kosovo Assembly stated, “Nothing will be reopened.”",
      "Agim Ceku",
    ],
  ])("pronoun speaker: %s", (_name, text, speaker) => {
    const found = quotes(text).filter(([, , kind]) => kind === "direct");
    expect(found.map(([, name]) => name)).toEqual([speaker]);
  });

  it("ends a name in a title-cased headline before its verb", () => {
    const doc = extractText("Boris Tadic Was Headed\n\nBoris Tadic spoke in Brussels on Monday.");
    expect(doc.entities.list.filter((e) => e.kind === "person").map((e) => e.name)).toEqual(["Boris Tadic"]);
  });

  it("ends a name in a title-cased headline at a common word, and keeps names in a title-cased list", () => {
    const doc = extractText(
      "Boris Tadic Visit Prompts Coalition Speculation\n\nPresident Boris Tadic met Vojislav Kostunica.\n\nIn Belgrade: Zoran Lilic, Troy Price, Jan Michelson, Dragan Djilas, Milica Delevic.",
    );
    const first = doc.mentions.find((m) => m.start === 0);
    expect(first && doc.entities.get(first.entity).name).toBe("Boris Tadic");
    const people = doc.entities.list.filter((e) => e.kind === "person").map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(["Troy Price", "Jan Michelson", "Milica Delevic"]));
  });

  it("reads a role from a relative clause's copula, not from another verb's object", () => {
    const doc = extractText(
      "Vitaly Churkin, who is Russia's ambassador to the UN, spoke. Vuk Jeremic, who has been plotting to be president since school, spoke.",
    );
    const roles = (name: string) =>
      doc.entities.list.find((e) => e.name === name)?.roles.map((r) => r.title) ?? [];
    expect(roles("Vitaly Churkin")).toEqual(["ambassador"]);
    expect(roles("Vuk Jeremic")).toEqual([]);
  });

  it("places a title by the state named after its holder's name with 'of', not by the sentence before", () => {
    const doc = extractText(
      "Britain agreed to hand the islands over.\n\nPrime Minister Navin Ramgoolam of Mauritius welcomed the step.",
    );
    const person = doc.entities.list.find((e) => e.name === "Navin Ramgoolam");
    expect(person?.roles.map((r) => doc.entities.list[r.of ?? -1]?.name)).toEqual(["Mauritius"]);
  });

  it("places an envoy to a body in the state named before the body, and a body's own officer in the body", () => {
    const doc = extractText(
      "Russian UN ambassador Vitaly Churkin spoke first.\n\nGhanaian UN Secretary-General Kofi Annan spoke next.",
    );
    const of = (name: string) =>
      doc.entities.list.find((e) => e.name === name)?.roles.map((r) => doc.entities.list[r.of ?? -1]?.name);
    expect(of("Vitaly Churkin")).toEqual(["Russia"]);
    expect(of("Kofi Annan")).toEqual(["United Nations"]);
  });

  it("reads a family name after an Arabic article as a name, and a single word an apposition calls a group as a body", () => {
    const doc = extractText(
      "The video, released by Jundallah, the militant group based in Iran, shows the cleric Anwar al-Awlaki lecturing.\n\nFootage of Al-Awlaki appears again. “The West will turn,” he says.",
    );
    const kinds = Object.fromEntries(doc.entities.list.map((e) => [e.name, e.kind]));
    expect(kinds).toMatchObject({ Jundallah: "organization", "Anwar al-Awlaki": "person" });
    const quote = doc.quotes.find((q) => q.kind === "direct");
    expect(quote?.speaker !== undefined && doc.entities.get(quote.speaker).name).toBe("Anwar al-Awlaki");
  });

  it("reads a lone surname in narration past a full name inside a quotation", () => {
    const text =
      "Hashim Thaci spoke at the rally.\n\n“If Lumnije Thaci could do that, anyone can,” he said. Thaci has an ally in Brussels.";
    const doc = extractText(text);
    const last = doc.mentions.filter((m) => text.slice(m.start, m.end) === "Thaci").pop();
    expect(last && doc.entities.get(last.entity).name).toBe("Hashim Thaci");
  });

  it("keeps an acronym a body when a quotation spells it as a name", () => {
    const text = "“Isis declares war on everyone,” one reader wrote.\n\nISIS has claimed the attack.";
    const doc = extractText(text);
    const last = doc.mentions.filter((m) => text.slice(m.start, m.end) === "ISIS").pop();
    expect(last && doc.entities.get(last.entity).kind).not.toBe("person");
  });

  it("takes a dictionary word opening a sentence for no name, but a surname the dictionary also capitalises for one", () => {
    const doc = extractText(
      "Hostilities resumed on Monday. Members rejected the plan. Annexation violates the law.",
    );
    expect(doc.entities.list.filter((e) => e.kind === "person")).toEqual([]);
    const bush = extractText("Bush said on Monday the talks had failed.");
    expect(bush.entities.list.filter((e) => e.kind === "person").map((e) => e.name)).toEqual(["Bush"]);
  });

  it("gives a statement's words to its issuer named before the verb, not to a name in what was said", () => {
    const doc = extractText(
      "The UN Security Council met on Thursday. In a unanimous statement, the council said the vote could weaken the campaign against the Islamic State group.\n\n“The plans are destabilising,” said the statement.",
    );
    const quote = doc.quotes.find((q) => q.kind === "direct");
    expect(quote?.speaker !== undefined && doc.entities.get(quote.speaker).name).toBe("UN Security Council");
  });

  it("gives a white paper's or a report's words to the state that issued it", () => {
    for (const [told, head] of [
      ["issued a white paper on Wednesday reiterating its claims to the island", "paper"],
      ["published a report on the island's status", "report"],
    ]) {
      const doc = extractText(
        `China's cabinet ${told}.\n\nThe ${head} also said other countries could develop economic ties with Taiwan.`,
      );
      const quote = doc.quotes.find((q) => doc.text.startsWith("other countries", q.spans[0]?.start));
      expect(quote?.speaker !== undefined && doc.entities.get(quote.speaker).name).toBe("China");
    }
  });

  it("places a body whose name ends 'in' a capital in that capital's state", () => {
    const doc = extractText(
      "The Ministry of Foreign Affairs in Riyadh said the move was carried out unilaterally.",
    );
    const ministry = doc.entities.list.find((e) => e.name.startsWith("Ministry of Foreign Affairs"));
    expect(ministry?.country).toBe("SAU");
  });

  it("leaves a body for a place's affairs without that place's country", () => {
    const doc = extractText("The Taiwan Affairs Office said the island would be reunified.");
    const office = doc.entities.list.find((e) => e.name === "Taiwan Affairs Office");
    expect(office?.kind).toBe("organization");
    expect(office?.country).toBeUndefined();
  });

  it("places 'the ministry' in the state whose ministry the text named before", () => {
    const doc = extractText(
      "Taiwan's Foreign Ministry also announced the move.\n\n“With deep regret we end relations,” the ministry said in a statement.",
    );
    const quote = doc.quotes.find((q) => q.kind === "direct");
    expect(quote?.speaker !== undefined && doc.entities.get(quote.speaker).country).toBe("TWN");
  });

  it("gives a draft's words to its issuer", () => {
    const doc = extractText(
      "European Union leaders are set to condemn the move, according to a draft summit statement.\n\n“The European Council is gravely concerned,” the draft said.",
    );
    const quote = doc.quotes.find((q) => q.kind === "direct");
    expect(quote?.speaker !== undefined && doc.entities.get(quote.speaker).name).toBe("European Union");
  });

  it("places 'the foreign ministry' in the state its report opens with, past a caption's dash", () => {
    for (const text of [
      "Iran has shut its border with Iraqi Kurdistan, the foreign ministry said today.",
      "Men wait at a crossing. Reuters picTEHRAN, Sept 25 — Iran has shut its border, the foreign ministry said today.",
    ]) {
      const doc = extractText(text);
      const quote = doc.quotes[0];
      expect(quote?.speaker !== undefined && doc.entities.get(quote.speaker).country).toBe("IRN");
    }
    // The place must open the report as its subject, not stand in a phrase before it.
    const doc = extractText(
      "After talks with Turkey, officials have shut the border, the foreign ministry said.",
    );
    const quote = doc.quotes[0];
    expect(quote?.speaker !== undefined && doc.entities.get(quote.speaker).country).toBeUndefined();
  });

  it("places 'the government' in the state whose government the text named before by its adjective", () => {
    const doc = extractText(
      "The Danish government said on Monday it would open an embassy.\n\n“We have the conditions to do so,” the government said in a statement.",
    );
    const quote = doc.quotes.find((q) => q.kind === "direct");
    expect(quote?.speaker !== undefined && doc.entities.get(quote.speaker).country).toBe("DNK");
  });

  it("reads 'the SG' and a capitalised 'The Secretary-General' as the secretary-general named before", () => {
    const text =
      "The Commonwealth Secretary-General, Maria Olsen, spoke on Friday. Ministers met for hours. The talks went on.\n\nIn a statement, the SG said, “We are concerned.”\n\nThe Secretary-General recalled the court's order. It bars any change on the ground. She noted that the move flouts that order.";
    const doc = extractText(text);
    expect(
      doc.quotes.map((q) => [
        text.slice(q.start, q.end).slice(0, 15),
        doc.entities.get(q.speaker ?? -1)?.name,
      ]),
    ).toEqual([
      ["“We are concern", "Maria Olsen"],
      ["that the move f", "Maria Olsen"],
    ]);
  });

  it("gives a quote opening a paragraph to the person a relative clause before it reported", () => {
    const text =
      "The line was backed by Finance Minister Ana Ruiz, who told a radio station that the island would stay part of the country.\n\n“We are one nation of many peoples.”";
    const doc = extractText(text);
    const quote = doc.quotes.find((q) => q.kind === "direct");
    expect(quote?.speaker === undefined ? undefined : doc.entities.get(quote.speaker).name).toBe("Ana Ruiz");
  });

  it("places 'the official' in the state of the ministry an official was named with before", () => {
    const doc = extractText(
      "A Danish Foreign Ministry official said on Monday that talks would go on.\n\n“We intend to keep a close relationship,” the official said.",
    );
    const quote = doc.quotes.find((q) => q.kind === "direct");
    expect(quote?.speaker !== undefined && doc.entities.get(quote.speaker).country).toBe("DNK");
  });

  it("takes the 'Affairs' of a minister's title for no name", () => {
    const doc = extractText("The Minister of Foreign Affairs, Jawid Qureshi, announced the move on Monday.");
    expect(doc.entities.list.filter((e) => e.kind === "person").map((e) => e.name)).toEqual([
      "Jawid Qureshi",
    ]);
  });

  it("takes a number in words opening a sentence for no name", () => {
    const doc = extractText("Fifty-six countries abstained. Twelve voted against.");
    expect(doc.entities.list.filter((e) => e.kind === "person")).toEqual([]);
  });

  it("takes capitalised words after 'in' for a place, not a person", () => {
    const doc = extractText("In Novo Brdo, a crowd marched in silence.");
    expect(doc.entities.list.filter((e) => e.kind === "person")).toEqual([]);
  });

  it("takes a family name written with an inner capital for a person, not a brand", () => {
    const doc = extractText("“We will keep talking,” McKinney said.");
    const speaker = doc.quotes[0]?.speaker;
    expect(speaker === undefined ? undefined : doc.entities.get(speaker)).toMatchObject({
      name: "McKinney",
      kind: "person",
    });
  });

  it("leaves an office's portfolio out of its holder's name, and keeps a given name that is also a word", () => {
    const persons = (text: string) =>
      extractText(text)
        .entities.list.filter((e) => e.kind === "person")
        .map((e) => e.name);
    expect(
      persons(
        "Minister for Justice and Human Rights Yusril Ihza Mahendra said martial law was discussed. Yusril said the meeting was not obligatory.",
      ),
    ).toEqual(["Yusril Ihza Mahendra"]);
    expect(
      persons(
        "Coordinating Minister for Political and Security Affairs Susilo Bambang Yudhoyono said talks would go on.",
      ),
    ).toEqual(["Susilo Bambang Yudhoyono"]);
    expect(persons("Minister of Foreign Affairs Rose Marie Smith said it.")).toEqual(["Rose Marie Smith"]);
  });

  it("takes a name set off by commas before an auxiliary and a speech verb as a person's", () => {
    expect(
      quotes(
        "On Tuesday, the minority leader, who represents the south, Ugochi Nwankwo, had said that there are thirty groups in the region.",
      ),
    ).toEqual([["that there are thirty groups in the region", "Ugochi Nwankwo", "indirect"]]);
  });

  it("takes a name set off before a title of several title words as a person's", () => {
    expect(
      quotes(
        '"We saw the rallies grow," Farid Hamoud Saleh, Deputy Editor of a paper in Aden, told reporters.',
      ),
    ).toEqual([['"We saw the rallies grow,"', "Farid Hamoud Saleh", "direct"]]);
  });

  it("takes 'the Minister of the Interior' for the Interior Minister named before, not another minister", () => {
    const doc = extractText(
      "Interior Minister Gérald Darmanin and Foreign Minister Jean-Yves Le Drian met on Tuesday.\n\nIn an interview, the Minister of the Interior said that the plans would soon be clear.",
    );
    const quote = doc.quotes.find((q) => q.kind === "indirect");
    expect(quote?.speaker !== undefined && doc.entities.get(quote.speaker).name).toBe("Gérald Darmanin");
  });

  it("gives 'it said' to the state or body that opens the clause or the sentence before, and 'it is said' to no one", () => {
    expect(
      recordedSpeakers("Serbia recalled its ambassador, though it said it would not sever relations."),
    ).toEqual(["Serbia"]);
    expect(
      recordedSpeakers(
        "Argentina's Foreign Ministry said its claim to the Falkland Islands was permanent. It said it rejects the British comment.",
      ),
    ).toEqual(["Argentina", "Argentina"]);
    expect(recordedSpeakers("Kosovo declared independence. It is said that the talks failed.")).toEqual([]);
    // Inside a clause, the state named last; after a comma, the one the sentence opens with.
    const text =
      "Serbia recalled its ambassador from Washington, and it threatened to recall its envoys from all countries that recognise Kosovo, though it said it would not sever relations.";
    expect(recordedSpeakers(text)).toEqual(["Serbia", "Serbia"]);
  });

  it("takes a compass point for no name", () => {
    const doc = extractText(
      "Governor Dave Umahi spoke on Wednesday.\n\nUmahi, who described the agitation for Biafra as madness, said South-East elite do not want secession but want the zone to be treated fairly.",
    );
    expect(doc.entities.list.filter((e) => e.kind === "person").map((e) => e.name)).toEqual(["Dave Umahi"]);
  });

  it("takes a dateline closed by an underscore, as old wire copy has it, for no subject", () => {
    const doc = extractText(
      "UNITED NATIONS (AP) _ The Security Council on Thursday called the annexation “null and void.”",
    );
    expect(speakerNames(doc)).toEqual(["UN Security Council"]);
  });

  it("gives a resolution's words to the assembly that adopted it, before a body named in passing", () => {
    const doc = extractText(
      "The U.N. General Assembly on Friday put French Polynesia on the U.N. decolonization list.\n\nThe resolution “affirms the right of the people of French Polynesia to self-determination.” It calls on the French government to cooperate.",
    );
    expect(speakerNames(doc)).toEqual(["UN General Assembly", "UN General Assembly"]);
  });

  it("gives the words of an adopted resolution that speaks as a subject to the council named sentences before, not a vetoed one's", () => {
    const doc = extractText(
      "The Security Council voted on Monday on the island. Nine members voted in favour. Two abstained. Moscow had lobbied hard. Its envoy left early. The vote followed a court ruling. The capital had asked for help.\n\nThe resolution states that all members will respect the island's borders.",
    );
    expect(speakerNames(doc)).toEqual(["UN Security Council"]);
    const vetoed = extractText(
      "Moscow vetoed the Security Council resolution on Monday.\n\nThe resolution states that all members will respect the island's borders.",
    );
    expect(speakerNames(vetoed)).toEqual(["The resolution"]);
  });

  it("gives a statement's words to its issuer quoted just before, but a letter's to no one quoted", () => {
    const statement =
      "The British government said that “the United Kingdom does not recognise Somaliland.”\n\n“We regret any action that risks peace,” the statement added.";
    const doc = extractText(statement);
    expect(
      doc.quotes.map((q) => (q.speaker === undefined ? undefined : doc.entities.get(q.speaker).country)),
    ).toEqual(["GBR", "GBR"]);
    const letter =
      "Ghana's deputy minister Charles Owiredu said the reasons were sent to Serbia.\n\n“The decision was premature,” the letter said.";
    const sent = extractText(letter);
    expect(speakerNames(sent)).toEqual(["Charles Owiredu", "the letter"]);
  });

  it("gives an unnamed official of an international body to the body", () => {
    expect(
      recordedSpeakers("South Sudan joined the UN. “The United Nations is confident,” a U.N. official said."),
    ).toEqual(["United Nations"]);
  });

  it("reads a participle after an owner and an adverb as part of the subject, not its verb", () => {
    expect(
      recordedSpeakers(
        "Yemen’s internationally recognized government warned of “catastrophic consequences” after the council's move.",
      ),
    ).toEqual(["Yemen"]);
  });

  it("gives the words of a state's news agency to the state, not those of any news agency", () => {
    expect(
      recordedSpeakers("Syria's state news agency said the declaration would “encroach on Syria's unity.”"),
    ).toEqual(["Syria"]);
    expect(recordedSpeakers("Syria's largest news agency said the declaration was void.")).not.toContain(
      "Syria",
    );
  });

  it("takes a body's acronym given after its name for the body", () => {
    expect(
      recordedSpeakers(
        "The deal is welcome, the Ministry of External Affairs (MEA) said. “India has always supported Mauritius,” the MEA said.",
      ),
    ).toEqual(["Ministry of External Affairs", "Ministry of External Affairs"]);
  });

  it("reads a body's name opened by a word of direction or rank as the body's", () => {
    expect(
      recordedSpeakers("“We will hold the ports,” the Northern Liberation Council said on Monday."),
    ).toEqual(["Northern Liberation Council"]);
  });

  it("reads a report closed by 'announced' as by 'said', but not a non-speech object after a comma", () => {
    expect(
      recordedSpeakers("East Timor voted to break its ties with Indonesia, Kofi Annan announced on Friday."),
    ).toEqual(["Kofi Annan"]);
    expect(
      recordedSpeakers("Serbia, which opposes statehood for Kosovo, recalled its envoy from Tokyo."),
    ).toEqual([]);
  });

  it("reads 'announced last week that' as a report whether or not the text's date resolves the week", () => {
    const text =
      "Honduras President Xiomara Castro announced last week that her government will seek relations with China.";
    for (const published of [undefined, "2023-03-26"]) {
      const doc = extractText(text, published);
      expect(doc.quotes.map((q) => text.slice(q.start, q.end))).toEqual([
        "that her government will seek relations with China",
      ]);
    }
  });

  it("reads the time after a verb as time, not as what was said, in a text with no date", () => {
    const doc = extractText(
      "The Serbian government said on Thursday it recognised the independence of Montenegro. Trump has long wanted Greenland, first stating his desire in his first term and saying earlier this year he wanted to buy it.",
    );
    expect(doc.quotes.map((q) => doc.text.slice(q.start, q.end))).toEqual([
      "it recognised the independence of Montenegro",
      "he wanted to buy it",
    ]);
  });

  it("takes a region of the world before a name for no part of it", () => {
    const doc = extractText(
      "Foreign Office minister for the Americas and Caribbean David Rutley visited Guyana.\n\nHe said: “The border issue has been settled.”",
    );
    expect(doc.entities.list.filter((e) => e.kind === "person").map((e) => e.name)).toEqual(["David Rutley"]);
    expect(speakerNames(doc)).toEqual(["David Rutley"]);
  });

  it("keeps a split quote as one quote with both pieces", () => {
    const text = "“Only human lives,” Serbian President Boris Tadic said, “are destroyed by force.”";
    const doc = extractText(text);
    expect(doc.quotes).toHaveLength(1);
    expect(doc.quotes[0]?.spans.map((s) => text.slice(s.start, s.end))).toEqual([
      "“Only human lives,”",
      "“are destroyed by force.”",
    ]);
  });

  it("runs a quote over paragraphs and gives every paragraph its speaker", () => {
    const text =
      "Javier Solana, the EU's foreign policy chief, said:\n\n“The first part of the plan is ready.\n\n“The second part will follow in the autumn, after the talks.”";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Javier Solana"]);
    expect(extractText(text).quotes[0]?.spans).toHaveLength(2);
  });

  it("takes a heading before a colon for the topic, not the speaker", () => {
    const text =
      "“Serbia will defend its interests,” Boris Tadic told the assembly.\n\nOn Kosovo: “We will never accept its independence.”";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Boris Tadic", "Boris Tadic"]);
  });

  it("gives a quote without a cue the person narrated just before it", () => {
    const text =
      "“We will not talk under threats,” Boris Tadic said.\n\nAgim Ceku seemed unmoved and pointed to the map. “Where would the line run?”";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Boris Tadic", "Agim Ceku"]);
  });

  it("takes the person a name and a role noun describe, not the name, for the narrated subject", () => {
    const text =
      "Boris Tadic spoke first.\n\nOn Monday, Tadic campaign manager Milos Jovanovic released a memo titled “Where the Race Stands.”";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Milos Jovanovic"]);
  });

  it("takes a state's possessive description for the holder of that office named before, and a state's ministry for its own", () => {
    const text =
      "Skender Hyseni, Kosovo's foreign minister, arrived in The Hague. Kosovo's foreign minister said he expected Serbia to accept the ruling.\n\nThe Chinese Foreign Ministry protested. Taiwan's Foreign Ministry said it was deeply dissatisfied with the decision.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual([
      "Skender Hyseni",
      "Skender Hyseni",
      "Taiwan's Foreign Ministry",
    ]);
  });

  it("records the quote of a body speaking for a state as the state's, as the stances count it", () => {
    const text =
      "Taiwan's Foreign Ministry said it was deeply dissatisfied with the decision. Greenland's government said the island was not for sale.";
    expect(recordedSpeakers(text)).toEqual(["Taiwan", "Greenland"]);
  });

  it("reads a name whose first word a lede sets in capitals, as it is written elsewhere", () => {
    expect(quotes("ALEXANDER Downer said the ballot was an extraordinary achievement.")[0]?.[1]).toBe(
      "Alexander Downer",
    );
  });

  it("gives a quoted fragment to the subject of its own clause, not the sentence's", () => {
    const text =
      'The SNP believes that Scots should be given a choice, but Theresa May has said "now is not the time" for another vote.';
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Scottish National Party", "Theresa May"]);
  });

  it("takes a state's official named by a possessive and an office 'for' a field as that state's voice", () => {
    const text =
      "Catalan independence would not enjoy international recognition, France's minister for European affairs said.";
    expect(recordedSpeakers(text)).toEqual(["France"]);
  });

  it("gives a state's ministry named with the ministry last, or placed 'in' its capital, to the state", () => {
    expect(recordedSpeakers("The Pakistan Foreign Ministry said the move was illegal.")).toEqual([
      "Pakistan",
    ]);
    expect(recordedSpeakers("The Ministry of Foreign Affairs in Riyadh said the move was illegal.")).toEqual([
      "Saudi Arabia",
    ]);
  });

  it("names a body whose head noun opens its name, and stops it before a person's given name", () => {
    expect(quotes("The Ministry of Defence said the plan was sound.")[0]?.[1]).toBe("Ministry of Defence");
    expect(
      quotes(
        "The secretary of the Election Commission of Moldova Andrei Volentir said the turnout was false.",
      )[0]?.[1],
    ).toBe("Andrei Volentir");
  });

  it("takes the noun before 'of' or 'sources' for the head of a body's description", () => {
    const text =
      "NEW DELHI - India welcomed the accord on Thursday. “We welcome the agreement,” the Ministry of External Affairs said. Indian government sources said New Delhi had played a quiet role.";
    expect(recordedSpeakers(text)).toEqual(["India", "India"]);
  });

  it("reads an office's 'to' in the speaker's phrase after a quote", () => {
    const text =
      "“We will not stop in our effort,” Deputy US ambassador to the UN Robert Wood told the council.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Robert Wood"]);
    expect(quotes("“We will go,” the protesters wanted to say.").map(([, speaker]) => speaker)).toEqual([
      null,
    ]);
  });

  it("gives a statement's words to the issuer its description names, else to the issuer told before, not an adjective's state", () => {
    const told =
      "Sovereignty over the former Spanish colony belongs to its people, the Sahrawi information ministry said in a statement. “It changes nothing,” the statement said.";
    expect(quotes(told).map(([, speaker]) => speaker)).toEqual([
      "the Sahrawi information ministry",
      "Western Sahara",
    ]);
    expect(
      quotes("“It changes nothing,” the Polisario Front statement said.").map(([, speaker]) => speaker),
    ).toEqual(["Polisario Front"]);
  });

  it("places an unnamed ministry after a quote in the state the quote opens with", () => {
    const text =
      "“The government of the Republic of Nicaragua today breaks diplomatic relations with Taiwan,” the foreign ministry said in a statement.";
    expect(recordedSpeakers(text)).toEqual(["Nicaragua"]);
  });

  it("takes an office's holder named before over the state a quote only places its speaker in", () => {
    const text =
      "Russia's UN ambassador, Vitaly Churkin, addressed the council. “Kosovo must wait for talks,” the ambassador said.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Vitaly Churkin"]);
  });

  it("takes a state's official named by office first for the person named just after, but 'the' office for one named before", () => {
    const introduced =
      "Kosovo's foreign minister said he expected Serbia to talk to Pristina. “I expect Serbia to come to us,” Skender Hyseni told reporters.";
    expect(quotes(introduced).map(([, speaker]) => speaker)).toEqual(["Skender Hyseni", "Skender Hyseni"]);
    const back = "The governor said the vote was fair. “I know him well,” Chris Christie said.";
    expect(quotes(back).map(([, speaker]) => speaker)[0]).not.toBe("Chris Christie");
  });

  it("takes a state's official named by office first for a holder of that office named later, past others with offices", () => {
    const holder =
      "SAN JUAN -- Puerto Rico's governor announced that voters chose statehood. Turnout was low. Critics questioned the vote. Puerto Rico Governor Ricardo Rossello cast his ballot early.";
    expect(quotes(holder).map(([, speaker]) => speaker)).toEqual(["Ricardo Rossello"]);
    const field =
      "PARIS — Catalan independence would not be recognised, France's minister for European affairs said Monday. Pressure has mounted on Catalan President Carles Puigdemont. “It would be unilateral,” Nathalie Loiseau said.";
    expect(quotes(field).map(([, speaker]) => speaker)).toEqual(["Nathalie Loiseau", "Nathalie Loiseau"]);
  });

  it("ends a speaker's description before a phrase of manner", () => {
    const text =
      "Paul Arkwright, Britain's ambassador to Serbia, spoke on Friday. The ambassador in very clear terms rejected the plan, saying that Britain supports the unity of Serbia.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Paul Arkwright"]);
  });

  it("takes a document for the one it was issued by", () => {
    const text =
      "“The Kurds have never ruled over anyone,” read a statement released on Friday by Aldar Xelil, the head of the office.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Aldar Xelil"]);
  });

  it("takes an office alone for the person just told speaking, when the text gives them no office", () => {
    const text =
      "“It would not be recognised,” Nathalie Loiseau said on television. The minister also said that an independent Catalonia would be out of the European Union.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Nathalie Loiseau", "Nathalie Loiseau"]);
    // Named after it, or said of someone not told speaking, or with more than the office: not theirs.
    const after =
      "Nathalie Loiseau said the vote was void. The minister, who came from Paris, Jean Dupont, said the talks would go on.";
    expect(quotes(after).map(([, speaker]) => speaker)[1]).toBe("Jean Dupont");
    const silent = "Crowds cheered Nathalie Loiseau in Paris. The minister said the talks would go on.";
    expect(quotes(silent).map(([, speaker]) => speaker)).not.toContain("Nathalie Loiseau");
    const more = "Marco Rubio said he would win. The Vermont senator said the primary was far from over.";
    expect(quotes(more).map(([, speaker]) => speaker)[1]).not.toBe("Marco Rubio");
  });

  it("places an official's spokesman or government in the official's state", () => {
    const text =
      "German Chancellor Olaf Scholz spoke to Emmanuel Macron. “The partners were united,” Scholz's spokesman said. His government said it would not change course.";
    const doc = extractText(text);
    const countries = doc.quotes.map((q) =>
      q.speaker === undefined ? undefined : doc.entities.get(q.speaker).country,
    );
    expect(countries).toEqual(["DEU", "DEU"]);
  });

  it("places a document from an official's office in the official's state", () => {
    const text =
      "French President Emmanuel Macron called for sanctions. “He is demanding an emergency meeting,” said a statement from his office.";
    const doc = extractText(text);
    const speaker = doc.quotes[0]?.speaker;
    expect(speaker === undefined ? undefined : doc.entities.get(speaker).country).toBe("FRA");
  });

  it("takes 'the head of government' for the prime minister named before", () => {
    const text =
      "Armenian Prime Minister Nikol Pashinyan said Armenia could recognise Nagorno-Karabakh. The head of government also added that the international aspect will be taken into account.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Nikol Pashinyan", "Nikol Pashinyan"]);
  });

  it("reads reported speech past an aside after the verb and past where it was told after the listener", () => {
    const said = "Russian officials said, however, that Georgia lost its right to the two regions.";
    expect(quotes(said).map(([words, speaker, kind]) => [words, speaker, kind])).toEqual([
      ["that Georgia lost its right to the two regions", "Russian officials", "indirect"],
    ]);
    const told =
      "Chavez told Russian President Dmitry Medvedev during a visit to the Kremlin that his country would recognise the two regions.";
    expect(quotes(told).map(([, speaker, kind]) => [speaker, kind])).toEqual([["Chavez", "indirect"]]);
  });

  it("does not give a quote to the subject it is said of", () => {
    const text =
      "Agim Ceku spoke first. “Nobody expected it,” said Ischinger, who later wrote a book on the talks. Ceku “simply misjudged the mood. He should not have said it.”";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Ischinger", "Ischinger"]);
  });

  it("finds a speech verb closing an apposition that never closed", () => {
    const text =
      "Hashim Thaci spoke first.\n\n“The vote is lost,” Boris Tadic, the president who won the 2008 election tweeted on Sunday.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Boris Tadic"]);
  });

  it.each([
    ["a member", "“Nobody cares,” the party member said.", "the party member"],
    ["a role in lower case before a name", "“Thank you,” said master of ceremonies Agim Ceku.", "Agim Ceku"],
    [
      "a description and the name in its apposition",
      "“Thank you,” said the master of ceremonies, Agim Ceku.",
      "Agim Ceku",
    ],
    ["a state's title before a name", "“Nothing was settled,” state Sen. Agim Ceku said.", "Agim Ceku"],
    [
      "a description before a relative clause without commas",
      "A Serbian official who spoke on condition of anonymity said Wednesday, “Talks will go on.”",
      "A Serbian official",
    ],
    [
      "a quantifier standing for a person",
      "Agim Ceku spoke first.\n\nAnother wrote, “Nobody asked us.”",
      "Another",
    ],
    [
      "a family name opening with its particle",
      "Mayor Anna de Vries met Boris Tadic.\n\nDe Vries said the move was made by Tadic and said, “Who else would you trust?”",
      "Anna de Vries",
    ],
    [
      "a quantifier before an aside",
      "Some marchers chanted.\n\nOthers, reacting to the words of Boris Tadic, shouted, “Stop the talks!”",
      "Others",
    ],
    [
      "a currency sign inside a body's name",
      "“They have to decide,” Fight for $15 organizer Agim Ceku told reporters.",
      "Agim Ceku",
    ],
    ["reacted", "“Is that a plan?” reacted Boris Tadic.", "Boris Tadic"],
    ["a family name that is also a word", "“Brexit means Brexit,” Theresa May said.", "Theresa May"],
    [
      "a dash and a title before the name in the next paragraph",
      "“A great speech. He is ready.”\n\n—President Boris Tadic, writing after the vote.",
      "Boris Tadic",
    ],
    [
      "a given name that is also a word, opening a sentence before an apposition",
      "Boris Tadic came by. “He asked how we win the north.” Will Estrada, the party chairman there, said of the visit.",
      "Will Estrada",
    ],
    [
      "a description after a sentence adverb",
      "Boris Tadic spoke first. Likewise, a paper from the Belgrade Centre had this to say about his plan: “It cannot work.”",
      "a paper from the Belgrade Centre",
    ],
    [
      "a possessive description after a sharpened opener and before an irregular verb",
      "Boris Tadic won. Even before Tadic took the stage, his campaign sent out a message to supporters saying: “We won.”",
      "his campaign",
    ],
    [
      "a description before an inserted phrase",
      "Boris Tadic spoke. The Tadic campaign, in a note on the vote, worded it more carefully: “Nothing is decided.”",
      "The Tadic campaign",
    ],
    [
      "a description after a focusing adverb",
      "Agim Ceku spoke. Even a senior Serbian diplomat said Ceku had a point, saying, “He is right about the deadline.”",
      "a senior Serbian diplomat",
    ],
  ])("speaker phrase: %s", (_name, text, speaker) => {
    const direct = quotes(text).filter(([, , kind]) => kind === "direct");
    expect(direct.map(([, name]) => name)).toEqual([speaker]);
  });

  it("takes a word that is mostly a noun for a verb only after a subject", () => {
    const text =
      "“Nothing will change,” said Ceku, explaining he met Jeremic, who was busy cleaning up state property records in the province: “He knows the files well.”";
    expect(quotes(text).filter(([, , kind]) => kind === "direct")).toEqual([
      ["“Nothing will change,”", "Ceku", "direct"],
      ["“He knows the files well.”", "Ceku", "direct"],
    ]);
  });

  it("prefers the previous speaker to an unnamed group reported between", () => {
    const text =
      "“We will be free,” Agim Ceku told the crowd.\n\nSome listeners said they had waited for years. “Nobody will take this day from us.”";
    expect(
      quotes(text)
        .filter(([, , kind]) => kind === "direct")
        .map(([, speaker]) => speaker),
    ).toEqual(["Agim Ceku", "Agim Ceku"]);
  });

  it('takes no state or place for "they"', () => {
    const text =
      "Europeans protest West Bank plans\nAnnexation violates international law and harms chances for peace, they said.";
    expect(quotes(text).map(([, speaker]) => speaker)).not.toContain("West Bank");
  });

  it("starts a new quote at a transcript's speaker label, though the paragraph before never closed", () => {
    const text =
      'The interview ran as follows.\n\n"HOST: Will the talks resume?\n\n"TADIC: Serbia will not accept any imposed solution.\n\n"HOST: Then what comes next?';
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Host", "Tadic", "Host"]);
  });

  it("gives a quote without a cue the previous speaker", () => {
    const text =
      "“We are committed to an independent Kosovo,” Secretary of State Condoleezza Rice said on Wednesday.\n\n“We will get there one way or another.”";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Condoleezza Rice", "Condoleezza Rice"]);
  });

  it("rejects scare quotes and titles of works", () => {
    expect(quotes("In this case, “independence” should be understood as a transfer of control.")).toEqual([]);
    expect(quotes("They may hold another round of “proximity talks” in September.")).toEqual([]);
    expect(quotes("She starred in “Orange Is the New Black” for years.")).toEqual([]);
    expect(
      quotes("The separatists chose Oct. 1 to declare independence for “Ambazonia”, the state they want."),
    ).toEqual([]);
  });

  it("knows news outlets by the names news cites them under", () => {
    const doc = extractText(
      "“The talks are over,” Koha Ditore reported. The Daily Caller and Politico said so too.",
    );
    const outlets = doc.entities.list.filter((e) => e.kind === "organization").map((e) => e.name);
    expect(outlets).toEqual(["Koha Ditore", "The Daily Caller", "Politico"]);
    expect(doc.entities.list.some((e) => e.kind === "person")).toBe(false);
  });

  it("knows the parties of independence movements by their names and abbreviations", () => {
    expect(quotes("A source in the SNP said May should not set conditions on the vote.")).toEqual([
      ["May should not set conditions on the vote", "Scottish National Party", "indirect"],
    ]);
  });

  it("knows the regional bodies of small states, and a secretary-general by the body named before", () => {
    expect(quotes("The Pacific Islands Forum said the territory should be put back on the list.")).toEqual([
      ["the territory should be put back on the list", "Pacific Islands Forum", "indirect"],
    ]);
    const text =
      "The Commonwealth Secretary-General, Patricia Scotland, met the president. “The ruling must be respected,” the Secretary-General said.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Patricia Scotland"]);
  });

  it("takes states and bodies as speakers", () => {
    expect(quotes("Russia said the text still contained a hidden path toward independence.")).toEqual([
      ["the text still contained a hidden path toward independence", "Russia", "indirect"],
    ]);
    expect(
      quotes("The Russian foreign ministry said the move was illegal and could not stand.")[0]?.[1],
    ).toMatch(/ministry/i);
  });
});

describe("reported speech", () => {
  it.each([
    [
      "said that",
      "Tadic said that Serbia will not accept an independent Kosovo.",
      "that Serbia will not accept an independent Kosovo",
      "Tadic",
    ],
    [
      "told X that",
      "Boris Tadic told the Council that Serbia would never recognise the state.",
      "that Serbia would never recognise the state",
      "Boris Tadic",
    ],
    [
      "told a plain listener a clause without that",
      "Nigel Farage told MPs the agreement would put the UK at odds with Washington.",
      "the agreement would put the UK at odds with Washington",
      "Nigel Farage",
    ],
    [
      "told a named listener, at a place, a clause without that",
      "Pedro Sanchez told the Spanish King Felipe in Madrid he had decided to recognise the state.",
      "he had decided to recognise the state",
      "Pedro Sanchez",
    ],
    [
      "mentioned that",
      "Mike Hammer mentioned that the United States recognizes the sovereignty of Somalia.",
      "that the United States recognizes the sovereignty of Somalia",
      "Mike Hammer",
    ],
    [
      "a verb of manner with that",
      "George W. Bush shot back that Russia's move violates the resolutions.",
      "that Russia's move violates the resolutions",
      "George W. Bush",
    ],
    [
      "warned",
      "Vladimir Putin warned that the precedent would blow apart the system.",
      "that the precedent would blow apart the system",
      "Vladimir Putin",
    ],
    [
      "called for",
      "Alexander Lukashenko called for a return to negotiations between the two sides.",
      "a return to negotiations between the two sides",
      "Alexander Lukashenko",
    ],
    [
      "according to",
      "The vote was delayed, according to Wolfgang Ischinger, the EU envoy.",
      "The vote was delayed",
      "Wolfgang Ischinger",
    ],
    [
      "inverted",
      "The talks had failed to bridge the gap, Wolfgang Ischinger said on Monday.",
      "The talks had failed to bridge the gap",
      "Wolfgang Ischinger",
    ],
    [
      "insisted",
      "Officials insisted that the draft was a breach of international law.",
      "that the draft was a breach of international law",
      "Officials",
    ],
    [
      "a participle of speech after the content",
      "Nicholas Burns declared that Kosovo would be independent by the end of 2007, restating the promise of the president.",
      "that Kosovo would be independent by the end of 2007",
      "Nicholas Burns",
    ],
    [
      "denied",
      "Hashim Thaci denied that Kosovo would partition the north.",
      "that Kosovo would partition the north",
      "Hashim Thaci",
    ],
    [
      "a participle after a document, with a day and an adverb before the verb",
      "The Serbian government on Monday also issued a statement saying that the vote was illegal.",
      "that the vote was illegal",
      "The Serbian government",
    ],
    [
      "a name before a party and two appositions",
      "Sen. Boris Tadic, D-Belgrade, a long-shot candidate for president, said the talks had failed.",
      "the talks had failed",
      "Boris Tadic",
    ],
    [
      "a name before a title of a company and its description",
      "Zoran Lilic, chief executive officer of Belgrade Jet Services, a charter broker for governments, said the airport was closed.",
      "the airport was closed",
      "Zoran Lilic",
    ],
    [
      "called for, up to a contrasting clause",
      "Indonesia sided with Russia in calling for further talks, while Belgium supported the plan.",
      "further talks",
      "Indonesia",
    ],
  ])("%s", (_name, text, content, speaker) => {
    const found = quotes(text);
    expect(found).toContainEqual([content, speaker, "indirect"]);
  });

  it("takes a body named with its article for the body, not a description", () => {
    const doc = extractText("The vote was delayed again, according to The New York Times.");
    const quote = doc.quotes[0];
    expect(quote?.speaker !== undefined && doc.entities.get(quote.speaker).kind).toBe("organization");
  });

  it("keeps a quoted fragment inside its reported clause", () => {
    const text =
      "Vitaly Churkin said the separation was “a blatant break of the norms of international law” and had to be reversed.";
    expect(quotes(text)).toEqual([
      [
        "the separation was “a blatant break of the norms of international law” and had to be reversed",
        "Vitaly Churkin",
        "indirect",
      ],
    ]);
  });
  it("takes an office no one named holds for the person the sentence before opened with", () => {
    const text =
      'Gareth Evans flew to Dili on the eve of the ballot.\n\nThe Foreign Minister rejected suggestions that Canberra had failed, telling ABC radio the vote "would never have happened".';
    expect(new Set(quotes(text).map(([, speaker]) => speaker))).toEqual(new Set(["Gareth Evans"]));
  });

  it("looks past a quotation running over paragraphs, and past a name inside a quotation, for that person", () => {
    const text = [
      'Peter Carrington told the BBC: "The islanders want to stay.',
      '"They have said so for a long time.',
      '"Nothing will change that."',
      "The islanders vote next month.",
      'The Foreign Secretary said: "Mr Costa Mendez is wrong about them."',
    ].join("\n\n");
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Peter Carrington", "Peter Carrington"]);
  });

  it("gives a second verb's quote to the name that opens the sentence before an apposition left open", () => {
    const text =
      "Ulla Tornaes, the former minister for development called the plan “odd” and said it showed “a complete lack of tact.”";
    expect(quotes(text).map(([, speaker]) => speaker)).toContain("Ulla Tornaes");
    expect(quotes(text).map(([, speaker]) => speaker)).not.toContain("the former minister for development");
  });
  it("gives what a state says in a relative clause to the state named before ', which'", () => {
    const text = 'The speech angered Armenia, which said it showed "contempt for the talks".';
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Armenia"]);
  });

  it("gives a participle the subject of its own clause: after 'with', or after 'and' and a name", () => {
    expect(
      quotes(
        'The pact has caused a rift, with Eritrea denouncing it and vowing to resist it "by every means".',
      ).map(([, speaker]) => speaker),
    ).toEqual(["Eritrea"]);
    expect(
      quotes(
        "The ballot is not recognised and Georgia blames Moscow for it, alleging that the region is a base for smugglers.",
      ).map(([, speaker]) => speaker),
    ).toEqual(["Georgia"]);
  });
  it("finds a person named after a title's 'of' and its place, between commas", () => {
    const text = "The president of East Timor, Taur Matan Ruak, said that the border talks would go on.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Taur Matan Ruak"]);
  });

  it("gives a fragment whose clause an inverted cue reports to the speaker the cue names", () => {
    const text =
      'The Danish people are "old and dear friends" of Iceland, said Bjarni Benediktsson, ending the visit.';
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Bjarni Benediktsson"]);
  });

  it("knows a state by its older name with a direction: Southern Sudan", () => {
    const doc = extractText("Leaders in Southern Sudan prepared for the vote.");
    expect(doc.entities.list.map((e) => e.name)).toContain("South Sudan");
  });
  it("gives reported speech after ', who told' to the person named right before it", () => {
    const text =
      "The warning was echoed by Senator Penny Wong, who told ABC radio that the border would stay.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Penny Wong"]);
  });

  it("takes a name set off by commas after a description, before a speech verb, for the person speaking", () => {
    const text = "A deputy from the ruling Dream party, Shalva Papuashvili, said the vote was a provocation.";
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual(["Shalva Papuashvili"]);
  });
  it("takes the last words of a name given in full before for that person", () => {
    const doc = extractText(
      "Parti Québécois Leader Paul St-Pierre Plamondon spoke on Sunday. Later, St-Pierre Plamondon blamed Ottawa.",
    );
    expect(doc.entities.list.filter((e) => e.kind === "person").map((e) => e.name)).toEqual([
      "Paul St-Pierre Plamondon",
    ]);
  });

  it("takes 'the PQ leader' for the leader of that party, not the prime minister, and 'he' after it for him too", () => {
    const text = [
      "Parti Québécois Leader Paul St-Pierre Plamondon spoke on Sunday.",
      "He said the comments of Prime Minister Mark Carney were a sign of things to come.",
      '"A new cycle has begun," said the PQ leader.',
      '"Mr. Carney, Quebec does not exist because of Canada," he added.',
    ].join("\n\n");
    expect(quotes(text).map(([, speaker]) => speaker)).toEqual([
      "Paul St-Pierre Plamondon",
      "Paul St-Pierre Plamondon",
      "Paul St-Pierre Plamondon",
    ]);
  });
});
