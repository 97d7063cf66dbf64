// Which words an answer negates, after NegEx (Chapman, Bridewell, Hanbury, Cooper and Buchanan,
// "A simple algorithm for identifying negated findings and diseases in discharge summaries",
// J Biomed Inform 34, 2001), with the phrases of spoken engineering answers.
//
// A negation phrase before a word ("no", "never", "without", "didn't", "lack of", "instead of",
// "skipped") reaches forward over at most four content words; one after it ("was missing",
// "wasn't there", "didn't exist") reaches back over at most four. A pseudo-negation ("not only",
// "no doubt", "without a hitch") looks like one and negates nothing. The scope stops at a word
// that opens another clause ("but", "which", "so", "because", a new subject such as "I" or "we")
// and at a clause mark (, ; : and dashes), so "no alerts, but a dashboard" negates the alerts only.
// A counterfactual ("a rollback would have helped") denies what comes before it, the unrealised
// past ("we should have capped it", "if we had had a runbook") what follows, and "or" carries
// a negation on to the next alternative ("we didn't test it or stage it"). A denial that takes a
// pronoun denies the thing named before it ("we talked about it, never configured it", "so it
// never happened"), as do a suggestion turned down ("we dropped it", "we dropped the idea"), an
// action item left "in the backlog" or "on the roadmap" and a thing dismissed as "too much work".
// A thing put first and denied after ("load shedding we do not do") is denied too. A denial stops
// at where or when the thing was missing ("no hire in the debrief" leaves the debrief alone).
// Notes, formal English and understatement tell a proposal's fate in a clause or a sentence of
// its own ("Dropped, the tooling wasn't ready.", "it was decided against", "that didn't survive
// contact with Postgres", "That's as far as it went."): those deny the proposal too.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "clause_mark.h"
#include "rehearse/text.h"

namespace rehearse {

namespace {

using WordSet = std::unordered_set<std::string_view>;

constexpr int kReach = 4;       // content words a negation reaches
constexpr int kMaxWords = 8;    // words in all, stop words included
// Past participles of a passive that is_past_action() does not take for one ("done", "set up").
const std::unordered_set<std::string_view> kParticiples = {"done", "written", "set", "run", "built", "taken", "made", "kept", "put",
                                                           "shown", "given", "held", "seen", "known", "found", "sent", "told",
                                                           "used", "needed", "considered", "measured", "tested", "followed",
                                                           "involved", "foreseen", "anticipated", "thought"};

bool is_contracted_negation(std::string_view word) { return word.ends_with("n't") || word == "cannot"; }


const WordSet kPreNegations = {"no", "not", "never", "without", "none", "nobody", "nothing", "neither", "nor", "zero",
                               "lacked", "lacking", "missing", "skipped", "skipping", "forgot", "forgotten", "neglected",
                               "omitted", "absent", "nowhere", "avoid", "avoided", "avoiding", "nor", "barely", "hardly"};
// Two-word negation phrases: the first word, then the words that may follow it.
struct Pair {
  std::string_view first;
  WordSet second;
};
const Pair kPrePairs[] = {{"lack", {"of"}},     {"absence", {"of"}}, {"instead", {"of"}},        {"rather", {"than"}},
                          {"failed", {"to"}},   {"unable", {"to"}},  {"free", {"of"}},           {"no", {"one"}},
                          {"in", {"place"}},  // "in place of X": X was not used
                          {"decided", {"against"}}, {"voted", {"against"}},
                          // "finance refused to fund the replica", "we gave up on the migration"
                          {"refused", {"to"}}, {"declined", {"to"}}, {"gave", {"up"}}, {"giving", {"up"}},
                          // "the DBA team's reluctance to grant binlog access"
                          {"reluctant", {"to"}}, {"reluctance", {"to"}}, {"unwilling", {"to"}}};
// Words that look like a negation with the next word but negate nothing.
const Pair kPseudo[] = {{"not", {"only", "just", "bad", "until", "long", "least", "that", "necessarily", "merely"}},
                        {"no", {"doubt", "matter", "longer", "sooner", "later", "problem", "wonder", "exception", "denying"}},
                        {"without", {"a", "any"}},  // checked against kHitch below
                        {"nothing", {"but", "else"}},
                        {"never", {"mind"}}};
const WordSet kHitch = {"hitch", "fuss", "question", "doubt", "fail", "delay", "exception"};
// Verbs of noticing and believing: what a denied subject did not notice or believe was there all
// the same ("not a single customer noticed the upgrade", "nobody believed the analysis was worth
// it", "I didn't think the threat model was worth two days").
const WordSet kPerceiving = {"noticed", "saw", "seen", "felt", "complained", "experienced", "realised", "realized", "spotted", "cared",
                             "believed", "thought", "expected", "imagined", "knew"};
const WordSet kBelieving = {"think", "thought", "believe", "believed", "expect", "expected", "imagine", "imagined", "realise",
                            "realize", "realised", "realized", "notice", "noticed", "know", "knew", "sure", "certain", "convinced"};
// Verbs of leaving a thing out: denied, they keep it ("we did not skip the freeze").
const WordSet kLeftOut = {"skip", "skipped", "forget", "forgot", "miss", "missed", "neglect", "neglected", "cancel", "cancelled",
                          "canceled", "ignore", "ignored", "bypass", "bypassed", "lose", "lost", "losing"};
// Words after "was", "were", "is", "are" (or their contractions) that negate what came before.
const WordSet kBe = {"was", "were", "is", "are", "been", "be"};
const WordSet kPostAfterBe = {"missing", "absent", "lacking", "gone", "nonexistent", "non-existent", "unavailable", "non"};
const WordSet kBeNot = {"wasn't", "weren't", "isn't", "aren't", "hasn't", "haven't", "hadn't"};
// Verbs of arriving or going live, which say a thing came about when they have no object ("the
// fix never landed"), and the words that may follow them then.
const WordSet kArriving = {"land", "landed", "ship", "shipped", "launch", "launched", "finish", "finished", "ran"};
const WordSet kAfterArriving = {"in", "until", "before", "after", "either", "anyway", "properly"};
const WordSet kExist = {"exist", "exists", "existed", "happen", "happened", "happening", "materialize", "materialise", "materialized",
                        "materialised", "eventuated"};
// After "was" or "got": a proposal turned down. Not "rejected" or "dropped", which are also what
// a system does to requests and what a value does.
const WordSet kShelved = {"shelved", "scrapped", "abandoned", "vetoed", "deprioritized", "deprioritised", "descoped", "cancelled", "canceled",
                          "parked", "binned", "axed",
                          "skipped", "forgotten", "overlooked", "neglected", "omitted", "deferred", "postponed",
                          "ditched", "canned"};
// After "wasn't", "weren't": out of reach ("possible", "an option").
const WordSet kOutOfReach = {"possible", "feasible", "allowed", "practical", "viable", "affordable", "part", "something", "forthcoming",
                             "available", "ready", "live", "operational", "permitted"};
// A comment set off by commas between a subject and its verb: "the database, however, was never split".
const WordSet kAsides = {"however", "though", "therefore", "ultimately", "regrettably", "unfortunately", "sadly", "eventually",
                         "honestly", "frankly", "alas"};
// Comment adverbs that may stand between a verb and its denial: "was, regrettably, not prioritised".
const WordSet kCommentAdverbs = {"regrettably", "unfortunately", "sadly", "ultimately", "eventually", "honestly", "frankly",
                                 "alas", "strictly", "realistically"};
// Words that end a scope: they open another clause or turn the sentence.
const WordSet kTerminators = {"but", "however", "although", "though", "yet", "except", "which", "who", "whom", "whose", "so",
                              "because", "since", "while", "whereas", "instead", "until", "unless", "then", "after", "before",
                              "once", "therefore", "thus", "meanwhile", "still", "when", "where", "that's", "and"};
const WordSet kCounterfactual = {"helped", "saved", "caught", "prevented", "avoided", "stopped", "spotted", "flagged", "warned",
                                  "bought", "given", "made", "meant", "protected", "contained", "limited", "shortened"};
// Modals whose perfect tells what did not happen ("should have", "could've"); "must have" and
// "might have" guess at what did, so they are not here.
const WordSet kUnrealisedModals = {"should", "could", "would"};
const WordSet kUnrealisedContractions = {"should've", "could've", "would've", "shoulda", "coulda"};
// "I'd have put a breaker in", "we'd have caught it": a contracted "would" before "have".
const WordSet kContractedWould = {"i'd", "we'd", "you'd", "they'd"};
// A denied pronoun's referent: verbs of making something or putting it in place (not "tested" or
// "followed": a runbook nobody followed was still written), the words that may stand
// between the denial and the verb, and the pronouns; and how far back the referent may be named.
const WordSet kMaking = {"configure", "configured", "enable", "enabled", "set", "build", "built", "implement", "implemented", "add",
                         "added", "write", "wrote", "written", "create", "created", "do", "did", "done", "turn", "turned",
                         "roll", "rolled", "adopt", "adopted", "deploy", "deployed", "ship", "shipped", "finish", "finished",
                         "automate", "automated", "wire", "wired", "apply", "applied", "schedule", "scheduled", "ticket",
                         "ticketed", "prioritize", "prioritized", "prioritise", "prioritised", "install", "installed",
                         "introduce", "introduced", "have", "had", "use", "used", "doing", "building", "writing", "using",
                         "proceed", "pursue", "pursued", "signed", "sign", "approved", "approve", "funded", "fund", "merged", "merge",
                         "enforced", "enforce"};
// Verbs of bringing a thing up again: denied with "again" or "anymore", the thing was let drop.
const WordSet kRevisiting = {"mentioned", "mentioning", "mention", "raised", "raising", "asked", "asking", "revisited", "brought",
                             "discussed", "followed", "spoke", "spoken", "talked", "heard"};
// Verbs that turn down what the pronoun stands for, without a negation: "someone suggested shadow
// reads and we dropped it for time".
const WordSet kTurningDown = {"dropped", "shelved", "scrapped", "parked", "killed", "abandoned", "abandon", "skipped", "deprioritized",
                              "forgot", "neglected", "omitted",
                              "deprioritised", "cancelled", "canceled", "vetoed", "rejected", "descoped"};
// A subject and a verb that leave their object out front: "load shedding we do not do".
const WordSet kFrontingSubjects = {"we", "i", "they", "you", "he", "she", "there"};
// Between a fronted thing's subject and its denial: "budget alerts we also do not have".
const WordSet kFrontingAdverbs = {"also", "still", "honestly", "really", "just", "actually", "simply", "even", "ever", "basically"};
// Verbs by which a person puts a thing forward, what follows them being the thing proposed: "I
// suggested a read replica", "the hooks that I proposed", "I pushed for canaries".
const WordSet kProposing = {"proposed", "suggested", "recommended", "pitched", "advocated", "floated", "pushed", "argued",
                            "requested", "proposing", "suggesting", "propose", "suggest", "recommend"};
// Between a proposing verb and its subject: "a take-home task was also suggested", "canaries were
// first proposed", "reserved instances we also considered".
const WordSet kProposalAdverbs = {"also", "actually", "even", "first", "initially", "originally", "once", "briefly", "repeatedly",
                                  "twice", "again", "formally", "seriously", "already", "often"};
// Verbs a fronted thing is denied with, besides the light ones and those of making: "locks I
// did not look at", "an owner for each flaky test we did not assign".
const WordSet kFrontedVerbs = {"make", "made", "look", "looked", "check", "checked", "verify", "verified", "assign", "assigned", "split",
                               "send", "sent", "try", "tried", "measure", "measured", "test", "tested", "track", "tracked",
                               "count", "counted", "store", "stored", "monitor", "monitored", "introduce", "introduced",
                               "profile", "profiled", "benchmark", "benchmarked", "trace", "traced", "tune", "tuned", "instrument",
                               "instrumented", "investigate", "investigated", "analyse", "analysed", "analyze", "analyzed"};
// Verbs of finding out, whose object may be a wh-clause.
const WordSet kFindingOut = {"measured", "measure", "checked", "check", "knew", "know", "tracked", "track", "counted", "count",
                             "asked", "ask", "tested", "test", "verified", "verify", "looked", "recorded", "logged"};
// Verbs of knowing or telling, denied before what no one could tell: "can't say what", "not sure
// whether".
const WordSet kTelling = {"know", "knew", "known", "say", "tell", "sure", "certain", "determine", "establish", "remember", "recall", "idea"};
const WordSet kLightVerbs = {"do",  "did", "use",    "used",     "have",  "had",     "need", "needed",
                             "run", "ran", "bother", "bothered", "touch", "touched", "want", "wanted"};
const WordSet kProposals = {"idea", "plan", "proposal", "suggestion"};
// What a thing still waiting for a decision is under: "it remained under consideration", "still in
// discussion", "under analysis".
const WordSet kDeliberating = {"consideration", "discussion", "evaluation", "analysis"};
// Verbs of talking, planning and wishing: said of a thing, they do not say it was done (nor do
// those of kProposing).
const WordSet kTalk = {"talked", "discussed", "planned", "wanted", "asked", "scheduled", "considered", "thought", "meant", "hoped",
                       "tried", "said", "promised", "debated"};
// Words a spoken reply or remark may open with before what it says: "Ha, no.", "Chale, that one
// was a dream."
const WordSet kFillers = {"ha", "haha", "ah", "er", "uh", "um", "erm", "well", "so", "honestly", "oh", "hmm", "like", "yeah", "sadly",
                          "unfortunately", "alas", "frankly", "also", "mate", "look", "sure", "ja", "och", "aye", "ag", "wah", "aiyah",
                          "aiyo", "chale", "pois"};
// Verbs of staying as one was: "it stayed a ticket", "showback remains aspirational".
const WordSet kStaying = {"stayed", "stays", "stay", "remained", "remains", "remain"};
// Where work waits undone: "sat in the backlog", "still on the roadmap", "on our list" (and the
// verbs of staying, kStaying).
const WordSet kLeftIn = {"sat", "sits", "sitting", "rotted", "languished", "still", "lives", "sleeping", "sleeps", "left", "gathering"};
// Where planned work waits; "todo" is the word an answer uses for it ("it's on the todo").
const WordSet kPlans = {"backlog", "roadmap", "list", "wishlist", "todo"};
// The words a page holds in place of content still to be written, as answers quote them.
const WordSet kUnwrittenMarkers = {"todo", "tbd"};
// Participles that tell a proposal's fate after "and then": "discussed at length and then parked".
const WordSet kTurnedDownVerdicts = {"parked", "shelved", "dropped", "abandoned", "scrapped", "forgotten", "deprioritised", "cut", "axed",
                                     "binned", "canned",
                                     "deprioritized", "postponed", "cancelled", "canceled", "vetoed", "rejected", "killed"};
// What a thing stays when it is only planned: "it's still a ticket", "it stayed a slide", "it
// stayed a todo" (the answer's word for an item not started), "it stayed a maybe", "it stayed a
// heading".
const WordSet kStayedPlans = {"ticket", "slide", "wish", "proposal", "plan", "draft", "idea", "todo", "jira", "maybe", "dream",
                              "hope", "promise", "aspiration", "heading"};
const WordSet kHedges = {"really", "actually", "ever", "even", "get", "got", "bother", "bothered", "to", "quite", "properly", "fully"};
// Spans of time: "stayed two years in the backlog".
const WordSet kDurations = {"day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years", "sprint", "sprints"};
const WordSet kPronouns = {"it", "them", "one", "those", "that", "this", "these", "both"};
constexpr int kReferentWords = 24;
// How far after a proposing verb ("I pushed for ...") it may be turned down in the same sentence.
constexpr int kProposalWords = 30;
// How far back the subject of a verdict may reach ("switching that service to role-based
// temporary creds instead of long-lived keys would've made ...").
constexpr int kSubjectWords = 14;
// How far after a proposing verb the "but" that turns it down may stand: "We talked about a lock
// on miss so only one request rebuilds each key, but it sat in the backlog".
constexpr int kProposalBut = 20;
// Prepositions that say where or when, after the denied thing, before a determiner ("in the
// debrief"; not "going in phases" or "a point at which we'd abort", which say how).
const WordSet kSetting = {"in", "at", "during"};
const WordSet kDeterminers = {"the", "a", "an", "our", "their", "my", "his", "her", "its", "this", "that", "every", "each"};
// What a thing dismissed as not worth it would have cost: "too much work".
const WordSet kEffort = {"work", "effort", "hassle", "overhead", "trouble", "complexity"};
// Words that turn a sentence: what follows is said of something else.
const WordSet kTurns = {"but", "however", "although", "though", "yet", "because", "since", "so", "which", "whereas", "while", "instead"};
// How far what one would do in hindsight reaches: a short list of steps.
constexpr int kHindsightWords = 20;
const WordSet kSubjects = {"i", "we", "they", "he", "she", "you", "i'd", "we'd", "i've", "we've", "i'm", "we're", "it's"};
// Who came to a thing too late ("by the time anyone thought to ..."), and how they came to it.
const WordSet kLatecomers = {"i", "we", "they", "he", "she", "you", "anyone", "anybody", "someone", "somebody"};
const WordSet kLateStarts = {"thought", "tried", "wanted", "remembered", "decided", "went", "managed", "bothered"};
// Who turns a proposal down, and what may stand between them and the verb.
const WordSet kPeople = {"we", "i", "they", "he", "she", "someone", "somebody", "everyone", "management", "leadership", "finance",
                         "security", "legal", "product", "team", "manager", "lead", "cto", "ceo", "director", "board", "committee",
                         "architect", "architects", "department", "hr", "sales", "business", "client", "customer", "vendor"};
const WordSet kTurningAdverbs = {"also", "just", "eventually", "quietly", "then", "and", "so", "ultimately", "simply"};
// What a thing stays when it is put off or dismissed: "Rate limiting was phase 2", "the runbook
// was always next sprint", "two-factor was a nice-to-have", "a service mesh was overkill".
const WordSet kPutOff = {"later", "someday", "tbd", "overkill", "overengineering", "unnecessary", "premature", "imaginary",
                         "aspirational", "hypothetical", "theoretical"};
// Words that may stand between "was" and what it was put off as: "was always next sprint", "was
// more of a rumour", "was deemed over-engineering", "was felt to be overkill".
const WordSet kPutOffHedges = {"always", "still", "just", "only", "basically", "more", "of", "kind", "sort", "deemed", "felt",
                               "considered", "judged", "seen", "thought", "to", "be", "as", "forever", "perpetually", "for",
                               "officially", "rather", "a", "bit", "somewhat", "mostly", "largely", "pretty", "much", "like",
                               "honestly", "frankly", "um", "uh"};
const WordSet kNextPeriods = {"sprint", "quarter", "year", "month", "release", "cycle", "week", "iteration", "pi", "half"};
const WordSet kPlanNouns = {"dream", "wish", "rumour", "rumor", "suggestion", "fantasy", "joke", "myth", "fiction", "promise",
                            "aspiration", "nice-to-have", "diagram", "sketch", "poster", "legend", "concept", "aspirational"};
// What a thing missed would have been: "that would have been nice".
const WordSet kWishedFor = {"nice", "great", "good", "handy", "useful", "helpful", "ideal", "sensible", "lovely", "wise", "smart"};
// Modals of a past that did not happen, whose subject was not there: "a feature flag would have
// been the sensible thing", "an exit interview might have told us why".
const WordSet kCounterfactualModals = {"would", "could", "might"};
const WordSet kCounterfactualContractions = {"would've", "could've", "might've", "woulda", "coulda"};
const WordSet kComparatives = {"better", "worse", "quicker", "faster", "simpler", "easier", "cheaper", "safer", "cleaner", "smarter",
                               "wiser", "more", "less", "preferable"};
// Where things are raised and decided: "rejected in review", "came up in the retro".
const WordSet kMeetings = {"review", "reviews", "committee", "planning", "meeting", "meetings", "retro", "retros", "retrospective",
                           "discussion", "standup", "postmortem", "debrief", "sync", "offsite", "hands", "forum"};
// Where a thing only planned stands: "it was in the architecture diagram", "on the roadmap".
const WordSet kOnlyPlanned = {"diagram", "diagrams", "slide", "slides", "deck", "plan", "plans", "roadmap", "backlog", "proposal", "rfc",
                              "powerpoint", "presentation", "wishlist", "okr", "okrs", "whiteboard"};
// Where an unmet plan stays or only lives, besides where it is planned: "it stayed in the
// document", "the freeze existed only in the email", "the DR site exists in the slide deck".
const WordSet kPaper = {"doc", "docs", "document", "documents", "page", "drive", "draft", "confluence", "wiki", "photo", "notebook",
                        "jira", "ticket", "head", "heads", "list", "spreadsheet", "folder", "email", "emails", "inbox", "policy",
                        "theory", "notion", "branch", "prototype", "poc"};
// What a proposal was not, after "and not": "requested and not granted".
const WordSet kGranted = {"granted", "approved", "funded", "accepted", "pursued", "implemented", "built", "done", "adopted", "actioned",
                          "prioritised", "prioritized", "started", "delivered", "completed", "finished", "followed", "created"};
// Verbs of setting a proposal aside after "and": "and deferred indefinitely". (Not "rejected",
// "dropped" or "cut", which a system does to requests: "queued and rejected".)
const WordSet kSetAside = {"deferred", "postponed", "parked", "shelved", "scrapped", "abandoned", "deprioritised", "deprioritized",
                           "descoped", "vetoed", "forgotten", "cancelled", "canceled", "discontinued"};
// Verbs of putting work off to a later time: "kept getting bumped", "moved to the next sprint".
const WordSet kBumped = {"bumped", "moved", "moves", "pushed", "postponed", "rescheduled", "deferred", "deprioritised", "deprioritized",
                         "slipping", "sliding", "slipped", "slid", "slides", "slips", "carried", "rolled", "punted", "kicked"};


// Word `i` of `words`, or "" outside them: the rules look a few words either side of a word and
// need not check the ends each time.
std::string_view word_at(const std::vector<Word>& words, int i) {
  return i >= 0 && i < static_cast<int>(words.size()) ? std::string_view(words[static_cast<std::size_t>(i)].text) : "";
}

// Whether words a < b of `text` stand in one clause: in the same sentence, with no clause mark
// (, ; : dashes) between them.
bool in_one_clause(const AnswerText& text, int a, int b) {
  if (a == b) return true;
  if (a > b) std::swap(a, b);
  const auto& words = text.words();
  const auto& first = words[static_cast<std::size_t>(a)];
  const auto& second = words[static_cast<std::size_t>(b)];
  return first.sentence == second.sentence && !clause_mark(std::string_view(text.text()).substr(first.end, second.begin - first.end));
}

// Where the part of a sentence that holds word `word` starts: after the last semicolon between
// `first` (the sentence's first word) and it, and, when `after_turn`, after a later "but",
// "however" or "whereas". Commas alone do not end a part ("The ticket is, I think, still open").
int part_start(const AnswerText& text, int first, int word, bool after_turn) {
  const auto& words = text.words();
  int from = first;
  for (int k = first + 1; k < word; ++k) {
    const auto& before = words[static_cast<std::size_t>(k) - 1];
    if (std::string_view(text.text()).substr(before.end, words[static_cast<std::size_t>(k)].begin - before.end).find(';') != std::string_view::npos)
      from = k;
    const std::string& w = words[static_cast<std::size_t>(k)].text;
    if (after_turn && (w == "but" || w == "however" || w == "whereas")) from = k + 1;
  }
  return from;
}

// Whether word `k` tells that a plan went another way: "in the end", "at the end", "ended up", or
// "instead" on its own ("we switched everything instead"; not "instead of", which names what was
// replaced).
bool turns_away(const std::vector<Word>& words, int k) {
  const auto w = [&](int i) { return word_at(words, i); };
  return ((w(k) == "in" || w(k) == "at") && w(k + 1) == "the" && w(k + 2) == "end") || (w(k) == "ended" && w(k + 1) == "up") ||
         (w(k) == "instead" && w(k + 1) != "of");
}

// Whether a clause mark or the sentence's end follows word `i`.
bool ends_clause(const AnswerText& text, int i) {
  return i + 1 >= static_cast<int>(text.words().size()) || !in_one_clause(text, i, i + 1);
}

// Where the subject of a verdict at word `verdict` ends, past a comment set off by commas between
// them: "the timeout, I think, was never set", "the drill, to put it diplomatically, remained an
// aspiration", "the database, however, was never split" end their subjects at "timeout", "drill"
// and "database". Only the verdict's auxiliaries may follow the comment ("..., was never set").
// Without such a comment, the word before the verdict.
int subject_end(const AnswerText& text, int verdict) {
  // Words that open a comment: "I think", "as far as I know", "if I remember right", "it seems",
  // "to put it mildly", "which I had argued for", "let's say", "apparently".
  static const WordSet opening = {"to", "i", "as", "in", "if", "let's", "let", "how", "admittedly", "which", "who", "it", "we",
                                  "apparently", "you", "of", "predictably", "ironically", "naturally", "surprisingly", "needless"};
  static const WordSet verdict_lead = {"was", "were", "is", "are", "had", "has", "have", "did", "does", "do", "got", "been",
                                       "just", "still", "simply", "actually", "really", "ever", "also", "then"};
  const auto& words = text.words();
  const auto w = [&](int i) { return word_at(words, i); };
  int closed = verdict - 1;  // the comment's last word
  while (closed >= 0 && verdict - 1 - closed < 3 && verdict_lead.count(w(closed))) --closed;
  if (closed < 1 || !ends_clause(text, closed)) return verdict - 1;
  // The comma that opens the comment, at most six words before its end.
  for (int k = closed - 1; k >= 0 && closed - k <= 6; --k) {
    if (words[static_cast<std::size_t>(k)].sentence != words[static_cast<std::size_t>(closed)].sentence) break;
    if (!ends_clause(text, k)) continue;
    const bool comment = opening.count(w(k + 1)) || kAsides.count(w(k + 1)) || kCommentAdverbs.count(w(k + 1));
    return comment ? k : verdict - 1;
  }
  return verdict - 1;
}

// Where a relative clause whose subject is the pronoun at word `subject` names what it is about:
// "the dashboard I promised was never built", "the script which we wrote was not run" name the
// dashboard and the script. The last word of that noun phrase, or -1 when the pronoun opens a
// clause of its own ("the team knew we never had one").
int relative_antecedent(const AnswerText& text, int subject, int verdict) {
  static const WordSet relative = {"that", "which", "who"};
  // Verbs that a clause follows without "that", besides those of believing: "we said we would",
  // "the team agreed we never needed one".
  static const WordSet reporting = {"said", "say", "says", "told", "tell", "felt", "feel", "guess", "hope", "hoped", "found",
                                    "agreed", "decided", "admit", "admitted", "mean", "meant", "suppose", "assumed", "remember"};
  const auto& words = text.words();
  const auto w = [&](int i) { return word_at(words, i); };
  if (verdict - subject > 6 || !in_one_clause(text, subject, verdict - 1)) return -1;
  int noun = subject - 1;
  if (relative.count(w(noun))) --noun;
  if (noun < 0 || !in_one_clause(text, noun, subject)) return -1;
  const std::string_view word = w(noun);
  if (is_stop_word(word) || kSubjects.count(word) || kBelieving.count(word) || reporting.count(word) || is_past_action(word) || word.ends_with("ly") ||
      is_quantity(word))
    return -1;
  return noun;
}

// Whether the rest of word `from`'s sentence, or the next sentence, says that what was proposed or
// planned before `from` was taken up after all: "... and we added it that week", "... which cut the
// query to 40 ms", "... and is now enforced", "It finally took place in May". A word of taking up
// that is itself denied ("it was never built") says the opposite.
bool said_taken_up(const AnswerText& text, const std::vector<bool>& negated, const std::vector<bool>& trigger, int from) {
  static const WordSet taken_up = {"accepted", "adopted", "implemented", "built", "introduced", "rolled", "shipped", "deployed",
                                   "added", "enabled", "installed", "configured", "merged", "landed", "did", "done", "ran",
                                   "used", "use", "uses", "worked", "helped", "fixed", "solved", "cut", "reduced", "halved",
                                   "improved", "saved", "replaced", "enforced", "live", "running", "place", "became", "standard",
                                   "now", "held", "happened", "finally"};
  const auto& words = text.words();
  const int n = static_cast<int>(words.size());
  if (from >= n) return false;
  const int sentence = words[static_cast<std::size_t>(from)].sentence;
  // In the next sentence, the taking up must be said of the thing, by a word that stands for it
  // ("We rolled it out in May", "It finally took place"): "I rolled back the deploy" is another
  // matter.
  const auto refers_back = [&](int k) {
    static const WordSet referring = {"it", "it's", "one", "them", "they", "this", "that"};
    for (int j = std::max(0, k - 3); j <= k + 3 && j < n; ++j)
      if (words[static_cast<std::size_t>(j)].sentence == sentence + 1 && referring.count(words[static_cast<std::size_t>(j)].text)) return true;
    return false;
  };
  // ("now and then" is a frequency, not a thing in place now; "we got it in May" is a thing come
  // about, where "got" alone is too many other things.)
  const auto now_and_then = [&](int k) {
    return words[static_cast<std::size_t>(k)].text == "now" && word_at(words, k + 1) == "and" && word_at(words, k + 2) == "then";
  };
  const auto got_it = [&](int k) {
    const std::string_view word = words[static_cast<std::size_t>(k)].text, next = word_at(words, k + 1);
    return ((word == "got" || word == "get") && (next == "it" || next == "one" || next == "them")) ||
           ((word == "went" || word == "goes") && (next == "out" || next == "live" || next == "ahead"));
  };
  // ("it was done zero times")
  const auto none_after = [&](int k) { return word_at(words, k + 1) == "zero" || word_at(words, k + 1) == "never"; };
  for (int k = from; k < n && words[static_cast<std::size_t>(k)].sentence <= sentence + 1; ++k)
    if ((taken_up.count(words[static_cast<std::size_t>(k)].text) || got_it(k)) && !now_and_then(k) && !none_after(k) &&
        !negated[static_cast<std::size_t>(k)] && !trigger[static_cast<std::size_t>(k)] && (k == 0 || !trigger[static_cast<std::size_t>(k) - 1]) &&
        (words[static_cast<std::size_t>(k)].sentence == sentence || refers_back(k)))
      return true;
  return false;
}

// Whether word `k` turns down what was named before it: "we dropped it", "so we dropped the idea".
bool turns_down(const std::vector<Word>& words, int k) {
  const auto w = [&](int i) { return word_at(words, i); };
  // People turn a proposal down ("we dropped it", "management killed it"); a system that "rejected
  // it" (a validation step, a gateway) handled a request.
  return kTurningDown.count(w(k)) && (kPeople.count(w(k - 1)) || kTurningAdverbs.count(w(k - 1))) &&
         (kPronouns.count(w(k + 1)) || (w(k + 1) == "the" && kProposals.count(w(k + 2))));
}

// Remarks a speaker sets off by commas inside a sentence, which say nothing about what was done:
// "the plan, I think, was to add tracing", "it was, well, something we meant to do". The comment
// adverbs ("regrettably", "honestly", kCommentAdverbs) are remarks too.
const std::vector<std::vector<std::string_view>> kComments = {
    {"i", "think"}, {"i", "believe"}, {"i", "guess"}, {"i", "suppose"}, {"i'd", "say"}, {"i", "would", "say"},
    {"as", "far", "as", "i", "know"}, {"as", "far", "as", "i", "remember"}, {"if", "i", "remember", "correctly"},
    {"if", "i", "recall", "correctly"}, {"to", "be", "honest"}, {"to", "be", "fair"}, {"to", "be", "candid"},
    {"if", "i'm", "honest"}, {"in", "fairness"}, {"let's", "say"}, {"let", "us", "say"}, {"you", "know"}, {"i", "mean"},
    {"i", "admit"}, {"i", "must", "admit"}, {"i'll", "admit"}, {"admittedly"}, {"of", "course"},
    {"basically"}, {"apparently"}, {"obviously"}, {"probably"}, {"it", "seems"},
    {"so", "to", "speak"}, {"well"}, {"like"}, {"um"}, {"uh"}, {"er"}, {"erm"}};

// Words that show a comment stands inside a clause: a verb or adverb still to come after it ("the
// plan, I think, was"), or one that needs its complement before it ("it was, well, something").
const WordSet kInsideClauseAfter = {"was", "were", "is", "are", "had", "has", "have", "did", "do", "does", "never", "not", "still",
                                    "only", "actually", "just", "would", "could", "should", "will", "got", "remained", "stayed",
                                    "then", "also", "quietly", "eventually", "simply", "forgotten", "felt", "from"};
const WordSet kInsideClauseBefore = {"was", "were", "is", "are", "would", "could", "should", "had", "has", "got", "and", "then",
                                     "been", "be", "it", "that"};

// The comments in `text`: the first and last word of each, set off by commas on both sides within
// one line of one sentence. One comment right after another ("I think, like,") is read as one.
std::vector<std::pair<int, int>> comment_spans(const AnswerText& text) {
  const auto& words = text.words();
  const int n = static_cast<int>(words.size());
  const auto at = [&](int i) -> const Word& { return words[static_cast<std::size_t>(i)]; };
  // The last word of a comment that starts at word `i` and is followed by a comma and more of its
  // sentence, or -1.
  const auto comment_from = [&](int i) {
    if (kCommentAdverbs.count(at(i).text) && i + 1 < n && at(i + 1).sentence == at(i).sentence && text.next_char(i) == ',') return i;
    for (const auto& comment : kComments) {
      const int last = i + static_cast<int>(comment.size()) - 1;
      if (last + 1 >= n || at(last + 1).sentence != at(i).sentence || text.next_char(last) != ',') continue;
      bool same = true;
      for (std::size_t k = 0; k < comment.size() && same; ++k) same = at(i + static_cast<int>(k)).text == comment[k];
      if (same) return last;
    }
    return -1;
  };
  std::vector<std::pair<int, int>> spans;
  for (int i = 1; i < n; ++i) {
    if (text.next_char(i - 1) != ',' || at(i).sentence != at(i - 1).sentence) continue;
    const int last = comment_from(i);
    if (last < 0 || at(i - 1).line != at(last + 1).line) continue;
    if (!spans.empty() && spans.back().second == i - 1) spans.back().second = last;
    else spans.emplace_back(i, last);
    i = last;
  }
  return spans;
}

}  // namespace

// A comment set off by commas is transparent: the scope is read on the sentence without it ("the
// plan, I think, was to add tracing" as "the plan was to add tracing"), and its own words are
// neither denied nor a denial.
NegationScope::NegationScope(const AnswerText& text) {
  const auto spans = comment_spans(text);
  if (spans.empty()) {
    read(text);
    return;
  }
  const auto& words = text.words();
  const std::string_view raw = text.text();
  std::string without;
  std::vector<int> kept;  // for each word of `without`, its index in `text`
  std::size_t from = 0;
  int next_word = 0;
  for (const auto& [first, last] : spans) {
    // From the end of the word before the comment to just past the comma that closes it.
    const std::size_t cut = words[static_cast<std::size_t>(first) - 1].end;
    const std::size_t resume = raw.find(',', words[static_cast<std::size_t>(last)].end) + 1;
    without.append(raw.substr(from, cut - from));
    // Inside a clause the commas go with the comment ("the plan, I think, was" is "the plan
    // was"); between two parts of a sentence one stays ("we didn't need the rollback, like, the
    // canary looked clean").
    const std::string& before = words[static_cast<std::size_t>(first) - 1].text;
    const std::string& after = words[static_cast<std::size_t>(last) + 1].text;
    // ("there was, to be honest, none": a verdict standing alone keeps its comma.)
    const bool verdict_alone = after == "none" || after == "nothing" || after == "zero";
    without += !verdict_alone && (kInsideClauseAfter.count(after) || kInsideClauseBefore.count(before)) ? " " : ", ";
    from = resume;
    for (; next_word < first; ++next_word) kept.push_back(next_word);
    next_word = last + 1;
  }
  without.append(raw.substr(from));
  for (; next_word < static_cast<int>(words.size()); ++next_word) kept.push_back(next_word);
  const AnswerText stripped(without);
  NegationScope inner;
  inner.read(stripped);
  negated_.assign(words.size(), false);
  trigger_.assign(words.size(), false);
  if (stripped.words().size() != kept.size()) {
    read(text);  // (the words did not come out the same without the comments: read as typed)
    return;
  }
  for (std::size_t k = 0; k < kept.size(); ++k) {
    negated_[static_cast<std::size_t>(kept[k])] = inner.negated_[k];
    trigger_[static_cast<std::size_t>(kept[k])] = inner.trigger_[k];
  }
}

void NegationScope::read(const AnswerText& text) {
  const auto& words = text.words();
  const int n = static_cast<int>(words.size());
  negated_.assign(words.size(), false);
  trigger_.assign(words.size(), false);
  const std::string_view raw = text.text();
  auto w = [&](int i) { return word_at(words, i); };
  auto same_clause = [&](int a, int b) { return in_one_clause(text, a, b); };
  auto in_one_sentence = [&](int a, int b) { return words[static_cast<std::size_t>(a)].sentence == words[static_cast<std::size_t>(b)].sentence; };
  auto is_pseudo = [&](int i) {
    const bool negation = is_contracted_negation(w(i)) || w(i) == "not" || w(i) == "never";
    // "We never had to use the kill switch", "we never needed to run the rollback": there, and
    // not called on.
    if (negation && (w(i + 1) == "had" || w(i + 1) == "needed") && w(i + 2) == "to" &&
        (w(i + 3) == "use" || w(i + 3) == "run" || w(i + 3) == "trigger" || w(i + 3) == "invoke" || w(i + 3) == "touch" ||
         w(i + 3) == "pull" || w(i + 3) == "flip" || w(i + 3) == "roll" || w(i + 3) == "restore"))
      return true;
    // "a rollback step that we never needed": a relative clause that says the thing was not needed.
    if (negation && (w(i + 1) == "needed" || w(i + 1) == "used") && kSubjects.count(w(i - 1)) && (w(i - 2) == "that" || w(i - 2) == "which"))
      return true;
    // "The problem was not the unit tests, it was ...": what the trouble was not, not a denial.
    if (w(i) == "not" && kBe.count(w(i - 1)) &&
        (w(i - 2) == "problem" || w(i - 2) == "issue" || w(i - 2) == "cause" || w(i - 2) == "culprit" || w(i - 2) == "bottleneck"))
      return true;
    // "I didn't write the retry budget, my senior did", "I did not write the script alone": someone
    // else made it, or helped.
    if (negation && (w(i - 1) == "i" || (w(i - 1) == "did" && w(i - 2) == "i")) && kMaking.count(w(i + 1))) {
      for (int k = i + 2; k < n && k <= i + 14 && words[static_cast<std::size_t>(k)].sentence == words[static_cast<std::size_t>(i)].sentence; ++k) {
        if (w(k) == "alone" || w(k) == "myself" || (w(k) == "on" && w(k + 1) == "my" && w(k + 2) == "own")) return true;
        if ((w(k) == "did" || w(k) == "wrote" || w(k) == "built") && k > i + 2 && !same_clause(i + 1, k - 1) && w(k - 1) != "i" &&
            (k + 1 >= n || !same_clause(k, k + 1)))
          return true;
      }
    }
    // "We almost skipped the schema review": it was held.
    if ((w(i) == "skipped" || w(i) == "forgot" || w(i) == "forgotten" || w(i) == "neglected" || w(i) == "omitted") &&
        (w(i - 1) == "almost" || w(i - 1) == "nearly"))
      return true;
    // "I was not a fan of the daily standup": a thing disliked was there.
    if (w(i) == "not" && w(i + 1) == "a" && (w(i + 2) == "fan" || (w(i + 2) == "big" && w(i + 3) == "fan"))) return true;
    // "We didn't just add a health check, we made it check the database": more than the thing.
    if (is_contracted_negation(w(i)) && (w(i + 1) == "just" || w(i + 1) == "only" || w(i + 1) == "merely")) return true;
    // "The lack of a process did not stop them from running a bridge call": it ran.
    if ((is_contracted_negation(w(i)) || w(i) == "not" || w(i) == "never") &&
        (w(i + 1) == "stop" || w(i + 1) == "stopped" || w(i + 1) == "prevent" || w(i + 1) == "prevented" || w(i + 1) == "keep"))
      for (int k = i + 2; k <= i + 5 && k < n; ++k)
        if (w(k) == "from") return true;
    // "We did not skip the code freeze", "I never cancelled them": a denial of leaving a thing out.
    // ("the one guard rail nobody could bypass")
    const int left_out = w(i + 1) == "once" || w(i + 1) == "even" || w(i + 1) == "could" || w(i + 1) == "can" || w(i + 1) == "would" ? i + 2 : i + 1;
    if ((is_contracted_negation(w(i)) || w(i) == "not" || w(i) == "never" || w(i) == "nobody") && kLeftOut.count(w(left_out)))
      return true;
    for (const auto& pair : kPseudo) {
      if (w(i) != pair.first || !pair.second.count(w(i + 1))) continue;
      if (pair.first == "without") return kHitch.count(w(i + 2)) > 0;
      return true;
    }
    return false;
  };
  // Negates forward from word `from` (the first word after the trigger).
  auto negate_forward = [&](int trigger_last, int from) {
    // "I didn't think the threat model was worth it", "we never knew about the runbook": what was
    // not believed or known of was there. "I would not describe the cache as a failure": only
    // what comes after "as" is denied.
    int verb = from;
    while (w(verb) == "even" || w(verb) == "really" || w(verb) == "actually" || w(verb) == "ever" || w(verb) == "honestly") ++verb;
    // "We can't say what the blast radius was", "I couldn't tell you whether there was a hot
    // partition", "nobody knew if anyone had tested it": what no one could tell was never found
    // out, or was never there. ("I don't know why the cache fell over" tells of a cache that was.)
    if (trigger_last == from - 1 && kTelling.count(w(verb))) {
      int wh = verb + 1;
      if (w(wh) == "you" || w(wh) == "anyone" || w(wh) == "anybody") ++wh;
      if (w(wh) == "for" && (w(wh + 1) == "sure" || w(wh + 1) == "certain")) wh += 2;
      int first = -1, last = -1;
      if ((w(wh) == "whether" || w(wh) == "if") && same_clause(wh, wh + 2)) {
        int verb_after = wh + 2;
        while (w(verb_after) == "ever" || w(verb_after) == "actually" || w(verb_after) == "really") ++verb_after;
        const bool someone = kSubjects.count(w(wh + 1)) || w(wh + 1) == "anyone" || w(wh + 1) == "anybody";
        if (w(wh + 1) == "there" && kBe.count(w(wh + 2))) first = wh + 3;
        else if (someone && (kMaking.count(w(verb_after)) || kLightVerbs.count(w(verb_after)) || kFindingOut.count(w(verb_after))))
          first = verb_after + 1;
        for (last = first; first >= 0 && last + 1 < n && last + 1 < first + kMaxWords && same_clause(first, last + 1);) ++last;
      } else if (w(wh) == "what") {
        // "what the blast radius was": the value of a thing nobody measured.
        for (int k = wh + 2; k < n && k <= wh + 6 && same_clause(wh, k); ++k)
          if (kBe.count(w(k))) {
            if (ends_clause(text, k)) first = wh + 1, last = k - 1;
            break;
          }
      }
      if (first >= 0 && last >= first) {
        for (int k = first; k <= last; ++k) negated_[static_cast<std::size_t>(k)] = true;
        return;
      }
    }
    // ("Nobody thought about running ANALYZE" is another matter: it was not considered, so not done.)
    const bool considered = w(verb + 1) == "about" || w(verb + 1) == "of" || w(verb + 1) == "to";
    if (kBelieving.count(w(verb)) && trigger_last == from - 1 && !considered) {
      // The denial of a belief moves into what is believed ("I don't think we ever did one" says
      // we never did one), where a judgement keeps its thing as before ("I didn't think the
      // threat model was worth it"); so only a thing done by someone is denied.
      int subject = verb + 1;
      if (w(subject) == "that") ++subject;
      int action = subject + 1;
      while (w(action) == "ever" || w(action) == "really" || w(action) == "actually" || w(action) == "even") ++action;
      const bool done_by_someone = (kSubjects.count(w(subject)) || w(subject) == "anyone" || w(subject) == "anybody") &&
                                   (kMaking.count(w(action)) || w(action - 1) == "ever");
      // "we weren't sure what to roll back", "nobody knew how to restore it": not knowing how, it
      // was not done.
      const bool at_a_loss = (w(subject) == "what" || w(subject) == "how" || w(subject) == "which" || w(subject) == "where") &&
                             w(subject + 1) == "to";
      // "I do not think it exists": a belief denied about a thing being there.
      if ((w(subject) == "it" || w(subject) == "they" || w(subject) == "one") && kExist.count(w(action))) {
        negate_referent_of(text, subject);
        return;
      }
      if (!done_by_someone && !at_a_loss) return;
      if (at_a_loss) action = subject + 2;
      if (kPronouns.count(w(action + 1))) negate_referent_of(text, trigger_last);
      from = action;
    }
    // "I wouldn't say the tuning exercise was popular", "I cannot claim the SLOs were perfect": a
    // denied judgement of a thing keeps the thing; only what it was said to be is denied. ("I
    // would not say we had documentation" is a hedged denial of having it, read as before.)
    if ((w(verb) == "say" || w(verb) == "claim" || w(verb) == "pretend") && trigger_last == from - 1) {
      int subject = verb + 1;
      if (w(subject) == "that") ++subject;
      if (!kSubjects.count(w(subject)) && !kPeople.count(w(subject)))
        for (int k = subject + 1; k <= subject + 6 && k < n && same_clause(subject, k); ++k)
          if (kBe.count(w(k))) {
            // ("I can't say the runbook was ever written": a passive says it was not done.)
            int said = k + 1;
            while (kFrontingAdverbs.count(w(said))) ++said;
            if (!is_past_action(w(said)) && !kParticiples.count(w(said))) from = k + 1;
            break;
          }
    }
    if (w(verb) == "describe" || w(verb) == "call" || w(verb) == "consider" || w(verb) == "regard" || w(verb) == "characterise" ||
        w(verb) == "characterize" || w(verb) == "rate")
      for (int k = verb + 1; k <= verb + 6 && k < n && same_clause(verb, k); ++k)
        if (w(k) == "as" && w(k + 1) != "such") {
          from = k + 1;
          break;
        }
    // "Never did we test the restore", "not once did anyone open the runbook", "at no point was
    // the cache invalidated": a denial that opens its clause puts its auxiliary before the subject,
    // and the denial runs on past that subject.
    int inverted_subject = -1;
    {
      static const WordSet inverting = {"did", "was", "were", "had", "has", "have", "could", "would", "do", "does"};
      int clause_first = trigger_last;
      while (clause_first > 0 && same_clause(clause_first - 1, trigger_last) && trigger_last - clause_first < 2) --clause_first;
      const bool opens = clause_first == 0 || !same_clause(clause_first - 1, clause_first);
      int aux = from;
      if (w(aux) == "once" || w(aux) == "point" || w(aux) == "time" || w(aux) == "stage" || w(aux) == "way") ++aux;
      if (opens && inverting.count(w(aux)) && aux + 1 < n && same_clause(aux, aux + 1)) inverted_subject = aux + 1;
    }
    int content = 0;
    int limit = from + kMaxWords;
    bool reached = false;  // the reach is spent; only an "or" carries the negation further
    for (int k = from; k < n && k < limit; ++k) {
      if (!same_clause(trigger_last, k)) break;
      const std::string_view word = w(k);
      // "for when to stop": a wh-word before "to" opens no clause; nor does one after a verb of
      // finding out ("we never measured which tests were flaky": which tests is what was not
      // measured).
      const bool asked_what = (word == "which" || word == "what" || word == "whether" || word == "how") && kFindingOut.count(w(k - 1));
      if ((kTerminators.count(word) && w(k + 1) != "to" && !asked_what) || (k > from && kSubjects.count(word) && k != inverted_subject)) break;
      // "The only reason it wasn't a disaster is that PITR was on": "is that" opens what was so.
      if (k > from && kBe.count(word) && w(k + 1) == "that") break;
      // Where and when the denied thing was missing is not denied with it: "no hire in the
      // debrief" says nothing against the debrief.
      // ("we did not look at the lag": "at" after "look" is part of the verb.)
      if (k > from && kSetting.count(word) && kDeterminers.count(w(k + 1)) && w(k - 1) != "look" && w(k - 1) != "looked") break;
      // A denied subject does not deny what it perceived or what came about by other means: "no
      // customer noticed the upgrade", "zero downtime using expand and contract", "no migration
      // without a down-script got merged" (a denied exception: the down-script was there).
      const std::string_view trigger = w(trigger_last);
      const bool denies_a_noun = trigger == "no" || trigger == "nobody" || trigger == "zero" || trigger == "none" ||
                                 (trigger == "not" && (w(trigger_last + 1) == "one" || (w(trigger_last + 1) == "a" && w(trigger_last + 2) == "single")));
      // ("complained about" a thing that was there; "thought about" one that was not.)
      const bool perceived = kPerceiving.count(word) && (word == "complained" || (w(k + 1) != "about" && w(k + 1) != "of" && w(k + 1) != "to"));
      if (k > from && (word == "without" || (denies_a_noun && (perceived || word == "using" || word == "via" || word == "thanks")))) break;
      // "didn't run them side by side or compare the output": each alternative after "or"/"nor"
      // is denied as well, so the reach starts again.
      if (word == "or" || word == "nor") {
        content = 0;
        reached = false;
        limit = k + 1 + kMaxWords;
        continue;
      }
      if (reached) continue;
      negated_[static_cast<std::size_t>(k)] = true;
      if (!is_stop_word(word) && ++content >= kReach) reached = true;
    }
  };
  // Whether the negation at `trigger` denies making something that a pronoun stands for: "never
  // configured it", "didn't set them up", "nobody actually built one".
  auto denies_making_pronoun = [&](int trigger) {
    int k = trigger + 1;
    if (w(trigger) == "no" && w(k) == "one") ++k;
    // "nobody had turned it on", "nobody never implemented it" (a double negative of spoken English)
    // "we never found the time to write it", "nobody got around to building one", "never managed to".
    for (bool skipped = true; skipped;) {
      skipped = false;
      while (kHedges.count(w(k)) || w(k) == "had" || w(k) == "has" || w(k) == "never" || w(k) == "was" || w(k) == "were") ++k, skipped = true;
      const int time = w(k + 1) == "the" ? k + 2 : k + 1;
      if ((w(k) == "found" || w(k) == "find" || w(k) == "made" || w(k) == "make") && w(time) == "time" && w(time + 1) == "to")
        k = time + 2, skipped = true;
      if ((w(k) == "around" || w(k) == "round") && w(k + 1) == "to") k += 2, skipped = true;
      if ((w(k) == "managed" || w(k) == "manage") && w(k + 1) == "to") k += 2, skipped = true;
    }
    // "nobody mentioned it again", "nobody was asking about it anymore": a thing let drop.
    const bool let_drop = kRevisiting.count(w(k)) > 0;
    // (A verb of turning down after a negation keeps the thing: "I never cancelled them". So does
    // one of using: "the planner was not using it" says the index was there.)
    if ((!kMaking.count(w(k)) && !let_drop) || w(k) == "use" || w(k) == "used" || w(k) == "using") return false;
    const int verb = k++;
    if (w(k) == "up" || w(k) == "on" || w(k) == "out" || w(k) == "in" || w(k) == "about" || w(k) == "of" || w(k) == "with") ++k;
    if (!kPronouns.count(w(k)) || !same_clause(verb, k)) return false;
    return !let_drop || w(k + 1) == "again" || w(k + 1) == "anymore" || w(k + 1) == "since" || (w(k + 1) == "at" && w(k + 2) == "all");
  };
  auto negate_referent = [&](int trigger) { negate_referent_of(text, trigger); };
  // Whether the clause before word `i` doubts what follows: "I am not sure the canary would have
  // caught everything" doubts a thing that was there.
  auto doubted = [&](int i) {
    for (int k = i - 1; k >= 0 && k >= i - 10 && same_clause(k, i); --k)
      if (w(k) == "sure" || w(k) == "doubt" || w(k) == "wonder" || w(k) == "whether" || w(k) == "convinced") return true;
    return false;
  };
  auto negate_subject = [&](int trigger_first) { negate_clause_before(text, trigger_first); };
  // A verdict after "and" with no subject of its own is on the whole sentence before it.
  // (A semicolon ends it: "the postmortem was written in two days; the follow-up was cancelled
  // twice and eventually dropped" leaves the postmortem.)
  auto negate_sentence_before = [&](int trigger) {
    for (int k = trigger - 1; k >= 0 && words[static_cast<std::size_t>(k)].sentence == words[static_cast<std::size_t>(trigger)].sentence; --k) {
      negated_[static_cast<std::size_t>(k)] = true;
      if (k > 0 && raw.substr(words[static_cast<std::size_t>(k) - 1].end, words[static_cast<std::size_t>(k)].begin - words[static_cast<std::size_t>(k) - 1].end).find(';') != std::string_view::npos)
        break;
    }
  };
  // "Request rate, errors and duration per service are not there", "Runbooks, alert routing and
  // escalation policies did not exist": a denial after a list denies all its items, back from the
  // "and" or "or" at word `joint` to the start of its part of the sentence. The items are short and
  // hold no subject or verb ("We had CPU alerts, and memory graphs were missing" denies only the
  // graphs) and none opens with a preposition ("After the deploy, logs and traces were missing").
  auto negate_listed_before = [&](int joint) {
    static const WordSet openers = {"after", "before", "during", "in", "on", "at", "by", "for", "with", "from", "since", "when",
                                    "if", "once", "until", "to", "of", "then", "so", "but", "also", "only", "still"};
    const int sentence = words[static_cast<std::size_t>(joint)].sentence;
    std::vector<std::pair<int, int>> items;  // [first, last] of each item, last one first
    int last = joint - 1;
    for (int k = joint - 1; k >= -1; --k) {
      const bool boundary = k < 0 || words[static_cast<std::size_t>(k)].sentence != sentence ||
                            (k < last && ends_clause(text, k) && raw.substr(words[static_cast<std::size_t>(k)].end,
                                                                             words[static_cast<std::size_t>(k) + 1].begin -
                                                                                 words[static_cast<std::size_t>(k)].end)
                                                                         .find(',') == std::string_view::npos);
      const bool comma = k >= 0 && k < last && !boundary && ends_clause(text, k);
      if (!boundary && !comma) {
        if (last - k >= 4) return;  // an item this long is no item of a list
        continue;
      }
      const int first = k + 1;
      if (first > last || last - first >= 4 || openers.count(w(first))) return;
      for (int j = first; j <= last; ++j)
        if (kSubjects.count(w(j)) || kBe.count(w(j)) || w(j) == "had" || w(j) == "have" || w(j) == "did" || is_past_action(w(j))) return;
      items.emplace_back(first, last);
      if (boundary) break;
      last = k;
    }
    for (const auto& [first, end] : items)
      for (int j = first; j <= end; ++j) negated_[static_cast<std::size_t>(j)] = true;
  };
  auto negate_backward = [&](int trigger_first) {
    int content = 0;
    // "The database, however, was never split": a comment set off by commas is stepped over.
    const int from = subject_end(text, trigger_first);
    const int anchor = from == trigger_first - 1 ? trigger_first : from;
    for (int k = from; k >= 0 && k > from - kMaxWords; --k) {
      if (k < anchor && !same_clause(k, anchor)) break;
      const std::string_view word = w(k);
      if (kSubjects.count(word)) {
        // "The load test we had planned never happened": the pronoun is a relative clause's subject.
        const int noun = relative_antecedent(text, k, trigger_first);
        if (noun < 0) break;
        k = noun + 1;
        continue;
      }
      if (kTerminators.count(word)) {
        if (word == "and" || word == "or") negate_listed_before(k);
        break;
      }
      negated_[static_cast<std::size_t>(k)] = true;
      // "a README describing a system that did not exist": the subject of a relative clause is the
      // phrase just before it, back to its determiner.
      if ((word == "that" || word == "which" || word == "who") &&
          (kBe.count(w(k + 1)) || kStaying.count(w(k + 1)) || w(k + 1) == "did" || w(k + 1) == "had" || w(k + 1) == "has" ||
           w(k + 1) == "never" || is_contracted_negation(w(k + 1)))) {
        for (int j = k - 1; j >= 0 && j >= k - 4 && same_clause(j, k); --j) {
          negated_[static_cast<std::size_t>(j)] = true;
          if (!kDeterminers.count(w(j))) continue;
          // "Sharding was a project that never happened": what the project was, too.
          if (kBe.count(w(j - 1))) negate_clause_before(text, j - 1);
          break;
        }
        break;
      }
      if (!is_stop_word(word) && ++content >= kReach) break;
    }
  };
  // "The thing we didn't have, and I say this all the time now, was a kill switch", "the thing
  // that didn't exist was someone on call": in a cleft whose subject holds the denial at word `i`,
  // what the copula names was not there. (The copula may follow a comment, or the verb at once.)
  auto negate_cleft_complement = [&](int i) {
    static const WordSet clefts = {"what", "thing", "things", "part", "piece"};
    const bool cleft = clefts.count(w(i - 1)) ||
                       ((kSubjects.count(w(i - 1)) || w(i - 1) == "that" || w(i - 1) == "which") && clefts.count(w(i - 2)));
    if (!cleft) return;
    const int sentence = words[static_cast<std::size_t>(i)].sentence;
    for (int k = i + 2; k < n && k <= i + kReferentWords && words[static_cast<std::size_t>(k)].sentence == sentence; ++k) {
      const bool after_verb = kExist.count(w(k - 1)) || w(k - 1) == "have" || w(k - 1) == "had";
      if (!kBe.count(w(k)) || (same_clause(k - 1, k) && !after_verb)) continue;
      for (int j = k + 1; j < n && j <= k + kMaxWords && same_clause(k, j); ++j) negated_[static_cast<std::size_t>(j)] = true;
      return;
    }
  };
  // Whether "without" at word `i` names what saved the day: the sentence says what would have
  // happened without it ("Without the canary we would have shipped it to everyone"; "we would've
  // lost the data without the backups"). Not "without tests, which would have caught it".
  // "No migration without a down-script got merged", "we never deploy without a canary": a
  // denied exception keeps the thing.
  auto denied_before_in_clause = [&](int i) {
    for (int k = i - 1; k >= 0 && k >= i - 6 && same_clause(k, i); --k)
      if (w(k) == "no" || w(k) == "never" || w(k) == "nobody" || w(k) == "nothing" ||
          (w(k) == "not" && (w(k + 1) == "one" || (w(k + 1) == "a" && w(k + 2) == "single"))))
        return true;
    // "we don't deploy without a canary"
    return i >= 2 && is_contracted_negation(w(i - 2)) && same_clause(i - 2, i);
  };
  // Whether word `i` opens its sentence or a clause ("I'll be honest, without the monitoring ...").
  auto opens_its_clause = [&](int i) {
    return i == text.sentences()[static_cast<std::size_t>(words[static_cast<std::size_t>(i)].sentence)].first_word || !same_clause(i - 1, i);
  };
  auto had_it_after_all = [&](int i) {
    const int sentence = words[static_cast<std::size_t>(i)].sentence;
    const auto modal = [&](int k) {
      // "we'd never have worked out who did it", "we wouldn't have known"
      const int have = w(k + 1) == "never" ? k + 2 : k + 1;
      return ((w(k) == "would" || w(k) == "could" || w(k) == "might") && w(have) == "have") || kCounterfactualContractions.count(w(k)) ||
             ((w(k) == "we'd" || w(k) == "i'd" || w(k) == "it'd" || w(k) == "they'd") && w(have) == "have") ||
             ((w(k) == "wouldn't" || w(k) == "couldn't") && w(k + 1) == "have") ||
             ((w(k) == "will" || w(k) == "would" || w(k) == "could" || w(k) == "we'd" || w(k) == "i'd" || w(k) == "cannot" ||
               w(k) == "can't" || w(k) == "couldn't" || w(k) == "wouldn't" || w(k) == "won't") &&
              opens_its_clause(i));
    };
    for (int k = i + 1; k < n && k <= i + 16 && words[static_cast<std::size_t>(k)].sentence == sentence; ++k) {
      if (w(k) == "which") return false;
      if (w(k) == "but") break;
      if (modal(k)) return opens_its_clause(i);
    }
    for (int k = i - 1; k >= 0 && k >= i - 10 && words[static_cast<std::size_t>(k)].sentence == sentence; --k)
      if (modal(k) && w(k + 2) != "been") return true;
    return false;
  };

  // "in review", "in the design review", "in committee", "as overkill": where and how a proposal is
  // turned down (from word `k`, the word after "in" or "as", on).
  const auto rejected_in_a_meeting = [&](int k) {
    if (w(k - 1) == "as") return true;
    if (w(k - 1) != "in") return false;
    if (kDeterminers.count(w(k))) ++k;
    return kMeetings.count(w(k)) > 0 || kMeetings.count(w(k + 1)) > 0;
  };
  for (int i = 0; i < n; ++i) {
    const std::string_view word = w(i);
    // "It is not that we did not test the restore; we tested it every month", "it was not the
    // health checks that failed us": a cleft that denies a reading, not the things in it.
    if ((word == "not" || word == "wasn't" || word == "isn't") && (kBe.count(w(i - 1)) || word != "not") &&
        (w(i - 2) == "it" || w(i - 1) == "it's" || w(i - 1) == "it" || w(i - 2) == "this")) {
      bool cleft = w(i + 1) == "that" || w(i + 1) == "because";
      for (int k = i + 2; k <= i + 6 && k < n && same_clause(i, k) && !cleft && w(i + 1) == "the"; ++k)
        cleft = (w(k) == "that" || w(k) == "who") && (is_past_action(w(k + 1)) || kBe.count(w(k + 1)));
      if (cleft) {
        while (i + 1 < n && same_clause(i, i + 1)) ++i;
        continue;
      }
    }
    // "..., not because it was missing, it was right there": a reason denied, the same reading; so
    // is a denial denied: "it's not like we didn't have a runbook", "not as if we had no tests",
    // "nobody can say that we did not have monitoring".
    // ("It's not like we had a runbook", with no denial inside, denies the runbook.)
    const bool as_if = word == "not" && ((w(i + 1) == "like" && w(i - 1) == "it's") || (w(i + 1) == "as" && (w(i + 2) == "if" || w(i + 2) == "though")));
    const bool cannot_say = (word == "nobody" || (word == "no" && w(i + 1) == "one")) &&
                            (w(i + 1) == "can" || w(i + 1) == "could" || w(i + 2) == "can" || w(i + 2) == "could") &&
                            (w(i + 2) == "say" || w(i + 3) == "say" || w(i + 2) == "claim" || w(i + 3) == "claim");
    bool denial_inside = false;
    for (int k = i + 2; (as_if || cannot_say) && k < n && same_clause(i, k) && !denial_inside; ++k)
      denial_inside = w(k) == "not" || w(k) == "no" || w(k) == "never" || w(k) == "without" || is_contracted_negation(w(k));
    if (as_if && !denial_inside) {
      trigger_[static_cast<std::size_t>(i)] = true;
      for (int k = i + 2; k < n && same_clause(i, k); ++k) negated_[static_cast<std::size_t>(k)] = true;
    }
    if ((word == "not" && w(i + 1) == "because") || as_if || (cannot_say && denial_inside)) {
      while (i + 1 < n && same_clause(i, i + 1)) ++i;
      continue;
    }
    if (is_pseudo(i)) {
      ++i;
      continue;
    }
    // "Without the circuit breaker we added, the outage would have taken down checkout", "if it
    // wasn't for the canary", "we nearly shipped without the migration test": the thing was there.
    if (word == "without" && (had_it_after_all(i) || w(i - 1) == "nearly" || w(i - 1) == "almost" || w(i - 2) == "nearly" ||
                              w(i - 2) == "almost" || denied_before_in_clause(i))) continue;
    // "we asked for an SLA, they promised it, and the contract was signed without it", "Backpressure
    // was discussed at length. Shipped without it.": what the pronoun stands for was left out.
    // ("Without it, I think the database dies": a thing that saved the day, opening its clause.)
    if (word == "without" && (w(i + 1) == "it" || w(i + 1) == "them") && !opens_its_clause(i) &&
        (is_past_action(w(i - 1)) || kParticiples.count(w(i - 1)) || w(i - 1) == "live" || w(i - 1) == "prod" || w(i - 1) == "production") &&
        (ends_clause(text, i + 1) || w(i + 2) == "either" || w(i + 2) == "anyway" || w(i + 2) == "in" || w(i + 2) == "and")) {
      trigger_[static_cast<std::size_t>(i)] = true;
      const int sentence = words[static_cast<std::size_t>(i)].sentence;
      const int first = text.sentences()[static_cast<std::size_t>(sentence)].first_word;
      // A bare "Shipped without it.", "We went live without it." is on the subject of the sentence
      // before, not on all it says ("Backpressure was discussed in design review.").
      bool bare = sentence > 0;
      for (int j = first; j < i && bare; ++j)
        bare = kSubjects.count(w(j)) || is_past_action(w(j)) || kParticiples.count(w(j)) || kBe.count(w(j)) || w(j) == "live" ||
               w(j) == "then" || w(j) == "so" || w(j) == "and" || w(j) == "just";
      if (bare) {
        const int k = text.sentences()[static_cast<std::size_t>(sentence) - 1].first_word;
        for (int j = k; j < first && j < k + kReach + 2 && !kBe.count(w(j)) && !is_past_action(w(j)); ++j) {
          negated_[static_cast<std::size_t>(j)] = true;
          if (ends_clause(text, j)) break;
        }
      } else {
        negate_referent(i);
      }
      ++i;
      continue;
    }
    if (word == "if" && (w(i + 1) == "it" || w(i + 1) == "that") && (w(i + 2) == "wasn't" || w(i + 2) == "weren't" || w(i + 2) == "hadn't") &&
        (w(i + 3) == "for" || w(i + 4) == "for")) {
      i += w(i + 3) == "for" ? 3 : 4;
      continue;
    }
    if (word == "if" && w(i + 1) == "not" && w(i + 2) == "for") {
      i += 2;
      continue;
    }
    // After: "the index was missing", "alerting wasn't there", "a runbook didn't exist".
    // "Runbooks are also missing", "a postmortem did not take place".
    // "the fix never landed", "the migration never shipped", "the rewrite didn't finish before I
    // left": a thing that never came about, told by a verb of arriving used without an object.
    // (After "but" or "and" the verdict is on the clause before: "was drafted but never finished".)
    const bool denial_first = (word == "never" || is_contracted_negation(word)) && w(i - 1) != "but" && w(i - 1) != "and";
    // ("the notice never went out", "it never went live")
    const bool went_out = w(i + 1) == "went" && (w(i + 2) == "out" || w(i + 2) == "live") &&
                          (ends_clause(text, i + 2) || kAfterArriving.count(w(i + 3)));
    const bool arrived = kArriving.count(w(i + 1)) && (ends_clause(text, i + 1) || kAfterArriving.count(w(i + 2)));
    const bool came_about = denial_first && (arrived || went_out);
    // "the calibration sessions never got off the ground"
    const bool took_off = denial_first && (w(i + 1) == "got" || w(i + 1) == "get") && w(i + 2) == "off" && w(i + 3) == "the" &&
                          w(i + 4) == "ground";
    const bool took_place = ((w(i + 1) == "take" || w(i + 1) == "took") && w(i + 2) == "place") || came_about || took_off;
    // "capacity planning never really happened"
    const bool hedged_exist = (word == "never" || is_contracted_negation(word)) &&
                              (w(i + 1) == "really" || w(i + 1) == "actually" || w(i + 1) == "quite") && kExist.count(w(i + 2));
    if (hedged_exist) {
      trigger_[static_cast<std::size_t>(i)] = trigger_[static_cast<std::size_t>(i) + 1] = trigger_[static_cast<std::size_t>(i) + 2] = true;
      negate_backward(i);
      i += 2;
      continue;
    }
    // "dual writes never got built", "the status page never got updated": a passive with "got".
    if ((word == "never" || is_contracted_negation(word)) && (w(i + 1) == "got" || w(i + 1) == "get") &&
        (is_past_action(w(i + 2)) || kParticiples.count(w(i + 2)))) {
      trigger_[static_cast<std::size_t>(i)] = true;
      negate_subject(i);
    }
    const bool also_missing = kBe.count(word) && (w(i + 1) == "also" || w(i + 1) == "still") && kPostAfterBe.count(w(i + 2));
    // "structured logging was still not there", "the index wasn't yet there": where "there" is.
    int there = i + 1;
    if (kBe.count(word) && (w(there) == "still" || w(there) == "really")) ++there;
    const bool said_absent = kBeNot.count(word) || (kBe.count(word) && (w(there) == "not" || w(there) == "never"));
    if (kBe.count(word)) ++there;
    if (w(there) == "yet") ++there;
    const bool still_not_there = said_absent && w(there) == "there";
    // "encryption was enabled, but the access logging was not": the subject of an ellipsis after
    // "but" lacks what the clause before had.
    bool ellipsis = false;
    if ((kBe.count(word) && w(i + 1) == "not" && (i + 2 >= n || !same_clause(i + 1, i + 2))) ||
        (kBeNot.count(word) && (i + 1 >= n || !same_clause(i, i + 1))))
      for (int k = i - 1; k >= 0 && k >= i - 6 && same_clause(k, i) && !ellipsis; --k) ellipsis = w(k) == "but";
    // "Monitoring was there. Alerting on top of it was not, so ...", "Automated tests there were
    // not; we tested by hand": a thing said to be not, with nothing after, was not there. (Not "was
    // not, as you might think, ...": a remark follows.)
    const bool pronoun_subject = (w(i - 1) == "it" || w(i - 1) == "that" || w(i - 1) == "this" || kSubjects.count(w(i - 1))) &&
                                 (i < 2 || !same_clause(i - 2, i - 1) || w(i - 2) == "and" || w(i - 2) == "but" || w(i - 2) == "so");
    if (!ellipsis && (kBe.count(word) || kBeNot.count(word)) && !pronoun_subject && i > 0 && same_clause(i - 1, i)) {
      const int last = kBe.count(word) ? i + 1 : i;
      const bool bare = (kBeNot.count(word) || w(last) == "not") && (last + 1 >= n || !same_clause(last, last + 1));
      const std::string_view after = w(last + 1);
      const auto semicolon_after = [&](int k) {
        const auto& word_k = words[static_cast<std::size_t>(k)];
        return raw.substr(word_k.end, words[static_cast<std::size_t>(k) + 1].begin - word_k.end).find(';') != std::string_view::npos;
      };
      const bool bare_ellipsis = bare && (last + 1 >= n || !in_one_sentence(last, last + 1) || after == "so" || after == "and" ||
                                          after == "but" || after == "which" || after == "because" || semicolon_after(last));
      // After a clause that says a lack, the ellipsis says the thing was there: "The slow query log
      // was off, the alerting on it was not."
      const auto after_a_lack = [&] {
        static const WordSet lacks = {"off", "missing", "disabled", "broken", "down", "gone", "absent", "manual", "lacking", "stale",
                                      "empty"};
        const int sentence = words[static_cast<std::size_t>(i)].sentence;
        for (int k = i - 1; k >= 0 && k >= i - 15 && words[static_cast<std::size_t>(k)].sentence + 1 >= sentence; --k)
          if ((kBe.count(w(k)) && lacks.count(w(k + 1))) || (!same_clause(k, i) && is_trigger(k))) return true;
        return false;
      };
      // Only its own clause is the subject: "The slow query log was on, the alerting on it was not."
      if (bare_ellipsis && !after_a_lack()) {
        for (int k = i; k <= last; ++k) trigger_[static_cast<std::size_t>(k)] = true;
        for (int k = i - 1; k >= 0 && same_clause(k, i) && !kTerminators.count(w(k)); --k) negated_[static_cast<std::size_t>(k)] = true;
        i = last;
        continue;
      }
    }
    // ("The index was not missing" is a double negative: it was there. "Non" is a denial only
    // before "existing" or "existent": "was non-existing", not "was non-blocking".)
    const bool non_existing = w(i + 1) == "non" && (w(i + 2) == "existing" || w(i + 2) == "existent");
    const bool said_missing = kPostAfterBe.count(w(i + 1)) && (w(i + 1) != "non" || non_existing);
    // ("was not existing": existence told in the progressive.)
    if ((kBe.count(word) && (said_missing || ((w(i + 1) == "not" || w(i + 1) == "never") && (w(i + 2) == "there" || w(i + 2) == "existing")))) ||
        (kBeNot.count(word) && (w(i + 1) == "there" || w(i + 1) == "in" || w(i + 1) == "existing")) || also_missing ||
        still_not_there || ellipsis ||
        ((is_contracted_negation(word) || word == "not" || word == "never") && (kExist.count(w(i + 1)) || took_place))) {
      const int last = still_not_there ? there
                       : ellipsis      ? i + (kBe.count(word) ? 1 : 0)
                                       : i + (took_off ? 4 : came_about ? 1 : took_place || non_existing ? 2
                                              : kExist.count(w(i + 1)) || said_missing || w(i + 1) == "there" || w(i + 1) == "in" || w(i + 1) == "existing" ? 1 : 2);
      for (int k = i; k <= last && k < n; ++k) trigger_[static_cast<std::size_t>(k)] = true;
      negate_backward(i);
      negate_cleft_complement(i);
      // "the domain modelling workshop we'd planned never happened": what was planned stands before.
      if ((w(i - 1) == "planned" || w(i - 1) == "proposed" || w(i - 1) == "wanted" || w(i - 1) == "promised") &&
          (kSubjects.count(w(i - 2)) || ((w(i - 2) == "had" || w(i - 2) == "'d") && kSubjects.count(w(i - 3))))) {
        const int subject = kSubjects.count(w(i - 2)) ? i - 2 : i - 3;
        negate_clause_before(text, subject);
      }
      // "overtaken by the wider cloud migration, which never happened either"
      // ("a rehearsal of it, that never happened": "that" after a comma picks up what came before.)
      if (w(i - 1) == "which" || (w(i - 1) == "that" && i >= 2 && !in_one_clause(text, i - 2, i - 1))) negate_clause_before(text, i - 1);
      // "so it never happened", "and it just never landed"
      const int pronoun_before = kFrontingAdverbs.count(w(i - 1)) ? i - 2 : i - 1;
      if (w(pronoun_before) == "it" || w(pronoun_before) == "this") negate_referent(pronoun_before);
      // "a review was scheduled, but it fell victim to the release freeze and never took place":
      // the verb shares the subject of the one before "and".
      else if (w(pronoun_before) == "and") {
        for (int k = pronoun_before - 1; k >= 0 && k >= pronoun_before - 10 && same_clause(k, pronoun_before); --k) {
          if (w(k) != "it" && w(k) != "this") continue;
          if (k == 0 || !same_clause(k - 1, k) || w(k - 1) == "but" || w(k - 1) == "so" || w(k - 1) == "then") negate_referent(k);
          break;
        }
      }
      // "a postmortem was planned, postponed twice, and then it did not take place"
      // (Past only: "the key is set only if it does not exist" denies nothing.)
      else if (w(i - 1) == "did") {
        const int pronoun = kFrontingAdverbs.count(w(i - 2)) ? i - 3 : i - 2;  // "it simply did not"
        if (w(pronoun) == "it" || w(pronoun) == "this") negate_referent(pronoun);
      }
      i = last;
      continue;
    }
    // A thing turned down or out of reach reaches back too: "sharding was ruled out", "the
    // canary got shelved", "feature flags weren't an option", "a rewrite wasn't possible".
    {
      // "was considered and deemed out of scope": a second passive after "and".
      const bool be = kBe.count(word) > 0 || word == "got" ||
                      (word == "and" && (w(i - 1) == "considered" || w(i - 1) == "discussed" || w(i - 1) == "evaluated" || w(i - 1) == "reviewed"));
      const std::string_view next = w(i + 1);
      // ("a message that failed three times was parked there": put aside where it is kept.)
      const bool kept_there = w(i + 2) == "there" || w(i + 3) == "there";
      const bool turned_down = be && !kept_there && ((next == "ruled" && w(i + 2) == "out") || kShelved.count(next) ||
                                      // "was quietly forgotten", "was always deferred"
                                      ((next.ends_with("ly") || next == "always" || next == "then" || next == "just") &&
                                       kShelved.count(w(i + 2))) ||
                                      // "was almost ready for a year", "was half built"
                                      ((next == "almost" || next == "nearly") &&
                                       (w(i + 2) == "ready" || w(i + 2) == "done" || w(i + 2) == "finished" || w(i + 2) == "complete")) ||
                                      (next == "half" && (is_past_action(w(i + 2)) || kParticiples.count(w(i + 2)))) ||
                                      ((next == "shot" || next == "turned") && w(i + 2) == "down") ||
                                      (next == "set" && w(i + 2) == "aside") ||
                                      // "got laughed out of the room", "was removed from scope"
                                      (next == "laughed" && w(i + 2) == "out") ||
                                      (next == "removed" && w(i + 2) == "from" && (w(i + 3) == "scope" || w(i + 4) == "scope" ||
                                                                                   kPlans.count(w(i + 4)) || kPlans.count(w(i + 3)))) ||
                                      // "was deemed too invasive", "was deemed unnecessary"
                                      (next == "deemed" && (w(i + 2) == "too" || w(i + 2) == "unnecessary" || w(i + 2) == "overkill" ||
                                                            (w(i + 2) == "out" && w(i + 3) == "of"))) ||
                                      (next == "off" && w(i + 2) == "the" && w(i + 3) == "table") ||
                                      (next == "out" && w(i + 2) == "of" &&
                                       (w(i + 3) == "scope" || w(i + 4) == "question" || w(i + 4) == "scope")) ||
                                      // "was rejected by our team lead", "got rejected in review as overkill"; not
                                      // "requests were rejected with a 429"
                                      ((next == "rejected" || next == "declined") && (w(i + 2) == "by" || rejected_in_a_meeting(i + 3))) ||
                                      // "was dropped halfway through the round", "was dropped in favour of live coding"
                                      (next == "dropped" && (w(i + 2) == "halfway" || w(i + 2) == "partway" || w(i + 2) == "midway" ||
                                                             (w(i + 2) == "in" && (w(i + 3) == "favour" || w(i + 3) == "favor")))) ||
                                      // "the connection timeout was set to infinite": a limit that does not limit
                                      (next == "set" && w(i + 2) == "to" &&
                                       (w(i + 3) == "infinite" || w(i + 3) == "infinity" || w(i + 3) == "unlimited" || w(i + 3) == "unbounded" ||
                                        w(i + 3) == "never" || w(i + 3) == "forever")));
      // "feature flags weren't an option", "a comparison was not possible", "was not allowed"
      // ("feature flags weren't a thing there yet")
      const bool out_of_reach = (kBeNot.count(word) && (kOutOfReach.count(next) || (next == "an" && w(i + 2) == "option") ||
                                                        (next == "a" && w(i + 2) == "thing"))) ||
                                (kBe.count(word) && next == "not" && kOutOfReach.count(w(i + 2)));
      if (turned_down || out_of_reach) {
        trigger_[static_cast<std::size_t>(i)] = true;
        // "Serving stale data while refreshing got vetoed": the whole subject, "while" and all;
        // "someone proposed token bucket and it got shot down": what "it" stands for.
        if (kPronouns.count(w(i - 1)) && w(i - 1) != "one") negate_referent(i - 1);
        // "had been on the table at one point but was set aside": the subject before the "but".
        else if (w(i - 1) == "but" || w(i - 1) == "and") negate_clause_before(text, i - 1, true);
        else negate_subject(i);
      }
    }
    // A pronoun's thing that did not last: "someone suggested gh-ost; that didn't survive contact
    // with Postgres", "it never stuck", "it didn't fly".
    if (kPronouns.count(word) && word != "one" && (is_contracted_negation(w(i + 1)) || w(i + 1) == "never") &&
        (w(i + 2) == "survive" || w(i + 2) == "survived" || w(i + 2) == "stick" || w(i + 2) == "stuck" || w(i + 2) == "last" ||
         w(i + 2) == "fly" || (w(i + 2) == "go" && w(i + 3) == "anywhere") || (w(i + 2) == "make" && w(i + 3) == "it") ||
         // "it never saw the light of day"
         ((w(i + 2) == "saw" || w(i + 2) == "see") && w(i + 3) == "the" && w(i + 4) == "light"))) {
      trigger_[static_cast<std::size_t>(i) + 1] = true;
      negate_referent(i);
    }
    // "We turned down a service mesh", "finance said no to reserved instances": people turning
    // a thing down. (Not "we turned down the log level", which lowered it: a level is no proposal.)
    if ((word == "turned" && w(i + 1) == "down" && kPeople.count(w(i - 1)) && w(i + 3) != "level" && w(i + 3) != "volume" &&
         w(i + 4) != "level") ||
        (word == "said" && w(i + 1) == "no" && w(i + 2) == "to")) {
      trigger_[static_cast<std::size_t>(i)] = true;
      negate_forward(i + 1, i + 2 + (word == "said" ? 1 : 0));
    }
    // "the heap dump the ops team promised, that one never arrived": the demonstrative picks up
    // the thing named before its comma.
    if ((word == "never" || is_contracted_negation(word)) && w(i - 1) == "one" && (w(i - 2) == "that" || w(i - 2) == "this") && i >= 3 &&
        !same_clause(i - 3, i - 2)) {
      trigger_[static_cast<std::size_t>(i)] = true;
      negate_clause_before(text, i - 2);
    }
    // "We shelved the service mesh", "management scrapped the rewrite": people setting a thing
    // aside. (Not "dropped" or "killed", which also remove what was there: "we dropped the old
    // column", "I killed the stuck query".)
    if (kPeople.count(w(i - 1)) && (word == "shelved" || word == "scrapped" || word == "abandoned" || word == "vetoed" ||
                                    word == "descoped" || word == "deprioritised" || word == "deprioritized" || word == "parked" ||
                                    word == "binned" || word == "axed" || word == "canned") &&
        (kDeterminers.count(w(i + 1)) || !is_stop_word(w(i + 1)))) {
      trigger_[static_cast<std::size_t>(i)] = true;
      negate_forward(i, i + 1);
    }
    // "We rejected the proposal of a service mesh": what the proposal was for.
    if (kTurningDown.count(word) && kPeople.count(w(i - 1)) && (w(i + 1) == "the" || w(i + 1) == "my" || w(i + 1) == "his" || w(i + 1) == "her") &&
        kProposals.count(w(i + 2)) && (w(i + 3) == "of" || w(i + 3) == "for" || w(i + 3) == "to")) {
      trigger_[static_cast<std::size_t>(i)] = true;
      negate_forward(i + 3, i + 4);
    }
    // "it quietly died", "it just fizzled out", "so that went nowhere": what the pronoun stands
    // for came to nothing.
    // ("it just quietly disappeared from the calendar": two adverbs may come first.)
    // A practice that lapsed is not kept either: "we did it twice, then it fell asleep", "they
    // petered out". So ends a proposal named again: "so that idea died".
    const bool idea_named = (word == "that" || word == "the" || word == "this") && kProposals.count(w(i + 1));
    if ((kPronouns.count(word) && word != "one") || word == "they" || idea_named) {
      const auto fading = [&](int k) { return w(k) == "quietly" || w(k) == "just" || w(k) == "slowly" || w(k) == "simply"; };
      int verb = idea_named ? i + 2 : i + 1;
      while (verb <= i + 3 && fading(verb)) ++verb;
      const bool came_to_nothing =
          ((verb > i + 1 || idea_named) && (w(verb) == "died" || w(verb) == "faded" || w(verb) == "disappeared" || w(verb) == "vanished")) ||
          ((w(verb) == "fizzled" || w(verb) == "petered") && w(verb + 1) == "out") || w(verb) == "lapsed" ||
          (w(verb) == "fell" && (w(verb + 1) == "asleep" || w(verb + 1) == "away" || (w(verb + 1) == "by" && w(verb + 3) == "wayside"))) ||
          ((w(verb) == "went" || w(verb) == "got" || w(verb) == "led") && w(verb + 1) == "nowhere");
      if (came_to_nothing) {
        trigger_[static_cast<std::size_t>(verb)] = true;
        negate_referent(i);
      }
    }
    // "My manager proposed a feature flag, and I talked him out of it", "I talked us out of the
    // rewrite": the thing talked out of was not done.
    if (word == "talked" && w(i + 2) == "out" && w(i + 3) == "of" && w(i + 1) != "it") {
      trigger_[static_cast<std::size_t>(i)] = true;
      if (kPronouns.count(w(i + 4)) && w(i + 4) != "one") negate_referent(i);
      else negate_forward(i + 3, i + 4);
    }
    // "I would not call it done", "I wouldn't call it finished": what "it" stands for was not.
    if ((is_contracted_negation(w(i - 1)) || w(i - 1) == "not") && word == "call" && (w(i + 1) == "it" || w(i + 1) == "that") &&
        (w(i + 2) == "done" || w(i + 2) == "finished" || w(i + 2) == "complete" || w(i + 2) == "working" || w(i + 2) == "real" ||
         w(i + 2) == "live"))
      negate_referent(i - 1);
    // "and then it was never spoken of again": let drop.
    if ((word == "it" || word == "they") && kBe.count(w(i + 1)) && (w(i + 2) == "never" || w(i + 2) == "not") &&
        kRevisiting.count(w(i + 3)) && (w(i + 4) == "again" || w(i + 5) == "again" || w(i + 4) == "anymore" || w(i + 5) == "anymore"))
      negate_referent(i);
    // "..., and that was the last anyone heard of it": let drop.
    if (word == "last" && w(i - 1) == "the" && w(i + 2) == "heard" && w(i + 3) == "of" && (w(i + 4) == "it" || kPronouns.count(w(i + 4))) &&
        (w(i + 1) == "anyone" || w(i + 1) == "anybody" || w(i + 1) == "we" || w(i + 1) == "i" || w(i + 1) == "everyone")) {
      for (int k = i - 1; k <= i + 4; ++k) trigger_[static_cast<std::size_t>(k)] = true;
      int from = i - 1;
      if (kBe.count(w(from - 1))) --from;
      if (w(from - 1) == "that" || w(from - 1) == "which" || w(from - 1) == "it" || w(from - 1) == "this") --from;
      // (What was heard of is the sentence's topic, before any semicolon: "I put forward a rubric;
      // the head of engineering liked it, and that was the last anyone heard of it".)
      const int first = text.sentences()[static_cast<std::size_t>(words[static_cast<std::size_t>(i)].sentence)].first_word;
      if (from - first >= 2)
        for (int k = std::max(first, from - kReferentWords); k < from; ++k) negated_[static_cast<std::size_t>(k)] = true;
      else
        negate_referent(from);
    }
    // "The hire was approved in January, then the position was frozen in March", "Approved, then
    // un-approved in the reorg": approval taken back.
    const bool opens_sentence = i == 0 || !in_one_sentence(i - 1, i);
    if (word == "approved" && (kBe.count(w(i - 1)) || w(i - 1) == "got" || opens_sentence)) {
      static const WordSet taken_back = {"frozen", "unapproved", "un", "revoked", "withdrawn", "rescinded", "cancelled", "canceled",
                                         "pulled", "reversed", "cut"};
      bool then = false, back = false;
      for (int k = i + 1; k < n && k <= i + 12 && in_one_sentence(i, k) && !back; ++k) {
        then = then || w(k) == "then" || w(k) == "but" || w(k) == "until";
        back = then && taken_back.count(w(k)) && (w(k) != "un" || w(k + 1) == "approved");
      }
      if (back) {
        trigger_[static_cast<std::size_t>(i)] = true;
        if (kBe.count(w(i - 1)) || w(i - 1) == "got") negate_clause_before(text, i - 1);
        else negate_referent(i);
      }
    }
    // "... ran for a quarter and then petered out": the same with no subject of its own.
    if ((word == "fizzled" || word == "petered") && w(i + 1) == "out" && (w(i - 1) == "then" || w(i - 1) == "and" || w(i - 1) == "soon" ||
                                                                         w(i - 1) == "eventually" || w(i - 1) == "quickly")) {
      trigger_[static_cast<std::size_t>(i)] = true;
      negate_referent(i);
    }
    // Turned down by name of the pronoun: "someone suggested shadow reads and we dropped it",
    // "so we dropped the idea".
    if (turns_down(words, i)) {
      trigger_[static_cast<std::size_t>(i)] = true;
      negate_referent(i);
    }
    // Left undone in a backlog or a plan: "the action item to automate renewal sat in the
    // backlog", "runbooks were on the list too", "per-service users are still on the roadmap".
    // Not "was on the allow list" or "on the list of affected accounts".
    {
      int at = w(i + 1) == "still" ? i + 2 : i + 1;
      // "a two-line change that stayed two years in the backlog": how long may come first.
      if (kStaying.count(word) && (w(at) == "for" ? is_quantity(w(at + 1)) && kDurations.count(w(at + 2))
                                                  : is_quantity(w(at)) && kDurations.count(w(at + 1))))
        at += w(at) == "for" ? 3 : 2;
      int noun = at + (kDeterminers.count(w(at + 1)) ? 2 : 1);
      if (w(noun) == "to" && w(noun + 1) == "do" && w(noun + 2) == "list") noun += 2;  // "on my to-do list"
      // "on the gateway team's roadmap": whose plan it is may stand before the plan.
      if (!kPlans.count(w(noun)) && w(at) == "on")
        for (int k = noun + 1; k <= noun + 3; ++k)
          if (kPlans.count(w(k)) && (w(k - 1).ends_with("'s") || w(k - 1).ends_with("s'"))) noun = k;
      // "it is still sitting in somebody's Google Drive", "sat in my drafts": a page or a folder
      // that work sits in unread is where it waits too. (Not "lives in the wiki", which is where a
      // finished runbook is kept.)
      const bool sitting = word == "sat" || word == "sits" || word == "sitting" || word == "rotted" || word == "rotting" ||
                           word == "languished" || word == "languishing";
      if (sitting && w(at) == "in" && !kPlans.count(w(noun))) {
        for (int k = at + 1; k <= at + 4 && k < n && same_clause(at, k); ++k) {
          if (!kPaper.count(w(k)) && w(k) != "drafts" && w(k) != "drawer") continue;
          // ("The runbook sat in the wiki and we used it twice that night.")
          if (said_taken_up(text, negated_, trigger_, k + 1)) break;
          for (int j = i; j <= k; ++j) trigger_[static_cast<std::size_t>(j)] = true;
          int pronoun = -1;
          for (int j = i - 1; j >= i - 3 && j >= 0 && same_clause(j, i) && pronoun < 0; --j)
            if (w(j) == "it" || w(j) == "it's" || w(j) == "they" || (kPronouns.count(w(j)) && w(j) != "one")) pronoun = j;
          if (pronoun >= 0) negate_referent_of(text, pronoun);
          else negate_subject(i);
          break;
        }
      }
      // "is in the list" may be a data structure; "is on the list" and "in the backlog" are plans.
      // "It's on the list for next time.", "It's been on the roadmap for two years."
      const bool its = word == "it's" || word == "that's" ||
                       (word == "been" && (w(i - 1) == "it's" || w(i - 1) == "that's" || (w(i - 1) == "has" && (w(i - 2) == "it" || w(i - 2) == "that"))));
      const bool waiting = kLeftIn.count(word) || kStaying.count(word) || ((kBe.count(word) || its) && (w(at) == "on" || w(noun) != "list"));
      if (waiting && (w(at) == "in" || w(at) == "on") && kPlans.count(w(noun)) && w(noun + 1) != "of") {
        for (int k = i; k <= noun; ++k) trigger_[static_cast<std::size_t>(k)] = true;
        if (its) negate_referent(i);
        else negate_backward(i);
      }
      // "Putting trace IDs into the logs was a ticket", "so it stayed a slide": a thing that
      // stayed a plan.
      // ("Onboarding automation was always the plan.": only ever the plan.)
      const bool always = w(i + 1) == "always";
      const bool only = w(i + 1) == "just" || w(i + 1) == "only" || w(i + 1) == "still" || w(i + 1) == "basically" ||
                        w(i + 1) == "essentially" || w(i + 1) == "mostly" || w(i + 1) == "really";
      // ("It is still a draft" is said of the thing before; "it was a proposal from the CTO" may
      // only say what it was.)
      const bool stayed = kStaying.count(word) || (kBe.count(word) && w(i - 1) != "there" && (w(i - 1) != "it" || only || always));
      const int noun2 = i + ((only || always) ? 2 : 1);
      // "mutual TLS was basically a slide in someone's deck", "it stayed a ticket in Jira": where
      // the plan lies may follow. ("It remained a very popular document": so may a remark on it.)
      int plan_noun = noun2 + 1;
      if (kStaying.count(word))
        while (plan_noun < noun2 + 3 && plan_noun + 1 < n && !kStayedPlans.count(w(plan_noun)) && w(plan_noun) != "document" &&
               same_clause(plan_noun, plan_noun + 1))
          ++plan_noun;
      const bool named_plan = kStayedPlans.count(w(plan_noun)) || (kStaying.count(word) && w(plan_noun) == "document");
      const std::string_view after_plan = w(plan_noun + 1);
      if ((stayed && (w(noun2) == "a" || w(noun2) == "an" || (always && w(noun2) == "the")) && named_plan && after_plan != "for" &&
          (plan_noun + 1 >= n || !same_clause(plan_noun, plan_noun + 1) || kTerminators.count(after_plan) ||
           ((after_plan == "in" || after_plan == "on") && !said_taken_up(text, negated_, trigger_, plan_noun + 1)))) ||
          // "... but it remained talk", "it stayed theory"
          (kStaying.count(word) && (w(i + 1) == "talk" || w(i + 1) == "theory" || w(i + 1) == "theoretical" || w(i + 1) == "words" ||
                                    w(i + 1) == "vapourware" || w(i + 1) == "vaporware") && ends_clause(text, i + 1))) {
        trigger_[static_cast<std::size_t>(i)] = true;
        // ("and it, um, stayed a heading": the remark is read through.)
        if (kPronouns.count(w(i - 1))) negate_referent(i - 1);
        else if (w(i - 1) == "and") negate_sentence_before(i);  // "A debt register was proposed, and remained a proposal."
        else negate_subject(i);
      }
      // "We only talked about chaos engineering", "alerting was something we only talked about in
      // meetings", "that one we only discussed": talk and nothing else.
      if ((word == "talked" || word == "discussed" || word == "spoke" || word == "debated") &&
          (w(i - 1) == "only" || (w(i - 1) == "ever" && w(i - 2) == "only"))) {
        trigger_[static_cast<std::size_t>(i)] = true;
        const int object = w(i + 1) == "about" || w(i + 1) == "of" ? i + 2 : i + 1;
        const bool stranded = object >= n || !same_clause(i, object) || kSetting.count(w(object)) || w(object) == "for";
        const int subject = w(i - 1) == "ever" ? i - 3 : i - 2;
        if (!stranded) negate_forward(i, object);
        else if (subject >= 0 && kFrontingSubjects.count(w(subject))) negate_subject(subject);
      }
      // "I asked for a staging environment. The answer was always 'next quarter'.", "asked for a
      // postmortem; what he got was two lines in Slack", "I brought up a bug bash. Got told there
      // wasn't time.": a request met by an answer is a request refused. ("The answer was yes"
      // grants it.)
      const bool asked_for = (word == "asked" && (w(i + 1) == "for" || w(i + 1) == "about")) || (word == "brought" && w(i + 1) == "up") ||
                             (word == "requested" && kSubjects.count(w(i - 1)));
      if (asked_for) {
        const int thing = word == "requested" ? i + 1 : i + 2;
        const int sentence = words[static_cast<std::size_t>(i)].sentence;
        const int reply_end = sentence + 1 < static_cast<int>(text.sentences().size())
                                  ? text.sentences()[static_cast<std::size_t>(sentence + 1)].end_word
                                  : n;
        bool refused = false;
        for (int k = thing + 1; k + 2 < reply_end && !refused; ++k) {
          const bool answer = w(k) == "answer" && (w(k + 1) == "was" || w(k + 1) == "is" || w(k + 1) == "were") &&
                              w(k + 2) != "yes" && w(k + 2) != "sure" && w(k + 2) != "approved" && w(k + 2) != "granted";
          const bool got_instead = w(k) == "what" && kSubjects.count(w(k + 1)) && w(k + 2) == "got";
          const bool told = (w(k) == "got" || w(k) == "was" || w(k) == "were") && w(k + 1) == "told";
          const bool said_no = w(k) == "said" && (w(k + 1) == "no" || (w(k + 1) == "not" && w(k + 2) != "to"));
          refused = answer || got_instead || told || said_no;
        }
        if (refused && thing < n && same_clause(i, thing)) {
          trigger_[static_cast<std::size_t>(i)] = true;
          for (int k = thing; k < n && k < thing + 8 && same_clause(thing, k) && !kTerminators.count(w(k)); ++k)
            negated_[static_cast<std::size_t>(k)] = true;
        }
      }
      // "it died in committee", "the proposal died in a meeting", "it died there", "it died a quiet
      // death": a proposal that died where proposals are discussed. (A system that died, "the
      // primary died at market open", is another matter: it was there.)
      if (word == "died" || word == "dies") {
        static const WordSet forums = {"committee", "meeting", "meetings", "review", "comments", "backlog", "branch", "doc", "docs",
                                       "document", "confluence", "jira", "slack", "planning", "retro", "retros", "proposal", "deck",
                                       "inbox", "queue", "thread", "channel"};
        const int at = i + 1;
        bool in_forum = false;
        if (w(at) == "in" || w(at) == "on")
          for (int k = at + 1; k <= at + 4 && k < n && same_clause(at, k) && !in_forum; ++k) in_forum = forums.count(w(k)) > 0;
        // ("it quietly died" is read above, at its pronoun; "the matter quietly died" here.)
        const bool quiet_death = (w(at) == "a" && w(at + 2) == "death") || w(at) == "there" ||
                                 (w(i - 1) == "quietly" && !kPronouns.count(w(i - 2)));
        if (in_forum || quiet_death) {
          trigger_[static_cast<std::size_t>(i)] = true;
          const int before = w(i - 1) == "quietly" || w(i - 1) == "just" || w(i - 1) == "simply" ? i - 2 : i - 1;
          if (kPronouns.count(w(before)) && w(before) != "one") negate_referent(before);
          else negate_subject(before + 1);
        }
      }
      // "the template stayed empty", "the runbook remained untouched": never put to use. So with
      // a state held through the trouble: "the status page stayed (a cheerful) green the whole
      // outage", "the pager stayed silent throughout".
      bool held_through = false;
      if (kStaying.count(word)) {
        int state = i + 1;
        if (w(state) == "a" || w(state) == "an") ++state;
        if (w(state) == "cheerful" || w(state) == "bright" || w(state) == "solid" || w(state) == "completely" || w(state) == "totally") ++state;
        if (w(state) == "green" || w(state) == "silent" || w(state) == "quiet")
          for (int k = state + 1; k <= state + 4 && k < n && same_clause(state, k) && !held_through; ++k)
            held_through = w(k) == "whole" || w(k) == "entire" || w(k) == "throughout" || w(k) == "during" || w(k) == "while" ||
                           (w(k) == "all" && (w(k + 1) == "the" || w(k + 1) == "through"));
      }
      if (held_through || (kStaying.count(word) &&
          (w(i + 1) == "untouched" || w(i + 1) == "unused" || w(i + 1) == "empty" || w(i + 1) == "blank" || w(i + 1) == "unopened" ||
           w(i + 1) == "unchanged"))) {
        trigger_[static_cast<std::size_t>(i)] = true;
        if (kPronouns.count(w(i - 1))) negate_referent(i - 1);
        else negate_subject(i);
      }
      // "The load test was something we meant to do after launch", "the script was something I'd
      // always meant to write", "something I'd wanted since I joined", "something we would
      // definitely do next quarter": a thing only wished for, at the verb at `i`.
      const auto something_wished = [&](int be) {
        // ("The load test was, well, something we meant to do": the remark is read through.)
        if (!kBe.count(w(be)) || w(be + 1) != "something") return false;
        int k = be + 2;
        if (w(k) != "we" && w(k) != "i" && w(k) != "we'd" && w(k) != "i'd") return false;
        bool pluperfect = w(k).ends_with("'d");
        ++k;
        if (w(k) == "had") {
          pluperfect = true;
          ++k;
        }
        if (w(k) == "always" || w(k) == "long" || w(k) == "really") ++k;
        const std::string_view verb = w(k);
        return verb == "wished" || verb == "aspired" || verb == "hoped" || (verb == "would" && !pluperfect) ||
               ((verb == "meant" || verb == "wanted" || verb == "planned" || verb == "intended") && (w(k + 1) == "to" || pluperfect));
      };
      // "Ejecting lagging replicas remained aspirational", "Shedding excess load was left as an
      // aspiration", "Isolating the calls was something we wished for": only hoped for.
      const bool aspired = ((kBe.count(word) || kStaying.count(word)) && w(i + 1) == "aspirational") ||
                           (word == "left" && w(i + 1) == "as" && (w(i + 2) == "an" || w(i + 2) == "a") &&
                            (w(i + 3) == "aspiration" || w(i + 3) == "idea" || w(i + 3) == "wish")) ||
                           // "Runbooks were something to which we aspired", "something that we hoped for"
                           (kBe.count(word) && w(i + 1) == "something" &&
                            (w(i + 2) == "to" || w(i + 2) == "that" || w(i + 2) == "which") && (w(i + 3) == "which" || w(i + 3) == "we" || w(i + 3) == "i") &&
                            (w(i + 4) == "aspired" || w(i + 4) == "hoped" || w(i + 4) == "wished" || w(i + 5) == "aspired" ||
                             w(i + 5) == "hoped" || w(i + 5) == "wished")) ||
                           something_wished(i);
      if (aspired) {
        trigger_[static_cast<std::size_t>(i)] = true;
        negate_subject(i);
      }
      // "There's a DLQ ticket that's been open for a year": a thing that is only an open ticket.
      if ((word == "ticket" || word == "jira" || word == "epic") && w(i - 1) != "a" && w(i - 1) != "the") {
        for (int k = i + 1; k <= i + 4 && k < n && same_clause(i, k); ++k)
          if (w(k) == "open" && w(k + 1) != "source") {
            trigger_[static_cast<std::size_t>(i)] = true;
            negate_clause_before(text, i);
            break;
          }
      }
      // "SLOs were going to come once the data settled": a plan in the past did not happen.
      if ((word == "was" || word == "were") && w(i + 1) == "going" && w(i + 2) == "to") {
        trigger_[static_cast<std::size_t>(i)] = true;
        negate_subject(i);
        negate_forward(i + 2, i + 3);
      }
    }
    // A thing dismissed as not worth it: "CDC felt like too much work", "a service mesh seemed
    // like overkill", "feature flags were too much hassle".
    {
      const bool seeming = word == "felt" || word == "seemed" || word == "sounded" || word == "looked" || kBe.count(word);
      const int from = i + 1 + (w(i + 1) == "like" ? 1 : 0);
      const bool too_much = w(from) == "too" && w(from + 1) == "much" && kEffort.count(w(from + 2));
      if (seeming && (w(from) == "overkill" || too_much)) {
        trigger_[static_cast<std::size_t>(i)] = true;
        negate_backward(i);
      }
    }
    // A denied passive reaches back to its subject: "a postmortem was never written", "the
    // alert wasn't set up", "the runbook was not updated" deny the postmortem, the alert, the
    // runbook, which stand before the negation.
    {
      // "was, regrettably, not prioritised": comment adverbs may stand between.
      int denial = i + 1;
      while (kBe.count(word) && denial < i + 4 && kCommentAdverbs.count(w(denial))) ++denial;
      // "the restore had never been tested", "the failover hasn't been tried": a perfect passive.
      const bool have = word == "has" || word == "had" || word == "have";
      const bool be_not = kBeNot.count(word) > 0 || ((kBe.count(word) || have) && (w(denial) == "not" || w(denial) == "never"));
      int verb = kBeNot.count(word) ? i + 1 : denial + 1;
      if (kFrontingAdverbs.count(w(verb)) && w(verb + 1) == "been") ++verb;  // "had never actually been"
      const bool perfect = w(verb) == "been" && (have || word == "hasn't" || word == "hadn't" || word == "haven't");
      if (perfect) ++verb;
      // "it was never formally presented", "rolling back was never even considered": an adverb
      // before the participle.
      if ((w(verb).ends_with("ly") || w(verb) == "even") && (is_past_action(w(verb + 1)) || kParticiples.count(w(verb + 1)))) ++verb;
      const std::string_view v = w(verb);
      // "Vacuum was not running", "the rotation was not happening": a thing not at work.
      const bool idle = v == "running" || v == "happening";
      if (be_not && (perfect || !have) && (is_past_action(v) || kParticiples.count(v) || idle || (v == "ever" && is_past_action(w(verb + 1))))) {
        negate_backward(i);
        // "it was never set up", "but they were not carried over into ours"
        if (w(i - 1) == "it" || w(i - 1) == "this" || w(i - 1) == "they" || w(i - 1) == "these" || w(i - 1) == "those")
          negate_referent(i - 1);
      }
    }
    // "A feature flag would have been the sensible thing", "an exit interview might have told us
    // why": whatever the verb, the subject of a past that did not happen was not there. (A person
    // or a pronoun as subject says what they would have done; the rule below reads that.)
    {
      const bool modal = (kCounterfactualModals.count(word) && w(i + 1) == "have") || kCounterfactualContractions.count(word);
      const int verb = kCounterfactualContractions.count(word) ? i + 1 : i + 2;
      const bool guessing = word == "might" && !kCounterfactual.count(w(verb)) && w(verb) != "told" && w(verb) != "shown";
      // "Looking back, a big-bang rewrite would have been quicker" weighs the thing up and argues
      // for it: a pitfall fallen into, so the comparison is left to the pitfall's reading.
      const bool weighed = w(verb) == "been" && kComparatives.count(w(verb + 1));
      if (modal && !guessing && !weighed && !doubted(i) && (is_past_action(w(verb)) || kParticiples.count(w(verb)) || w(verb) == "been") &&
          !kSubjects.count(w(i - 1)) && !kPronouns.count(w(i - 1)) && w(i - 1) != "it" && w(i - 1) != "they" && w(i - 1) != "which" &&
          w(i - 1) != "who" && w(i - 1) != "that" && i > 0 && same_clause(i - 1, i)) {
        trigger_[static_cast<std::size_t>(i)] = true;
        // "a runbook and one dry run would have saved us six hours": both were missing.
        negate_clause_before(text, i, true);
      }
    }
    // "Alerting on the queue depth, yes, that would have been nice.": what "that" stands for.
    // ("It would have been nice to have a plan review step": "it" stands for what follows "to".)
    if ((word == "that" || word == "it") && (w(i + 1) == "would" || w(i + 1) == "would've") &&
        (w(i + 2) == "have" ? w(i + 3) == "been" && kWishedFor.count(w(i + 4)) : w(i + 2) == "been" && kWishedFor.count(w(i + 3)))) {
      const int after = i + (w(i + 2) == "have" ? 5 : 4);
      trigger_[static_cast<std::size_t>(i) + 1] = true;
      if (!(word == "it" && w(after) == "to")) negate_referent(i);
    }
    // "Would be nice to have staging like production", "it would have been good to have a
    // runbook": what it would be nice to have was not there.
    if ((word == "nice" || word == "good" || word == "great" || word == "helpful" || word == "useful") && w(i + 1) == "to" &&
        (w(i + 2) == "have" || w(i + 2) == "get") &&
        (w(i - 1) == "be" || w(i - 1) == "been") && (w(i - 2) == "would" || w(i - 3) == "would" || w(i - 2) == "would've" || w(i - 3) == "would've")) {
      trigger_[static_cast<std::size_t>(i)] = true;
      negate_forward(i + 2, i + 3);
    }
    // A counterfactual says the thing was not there: "a way to switch back would have helped",
    // "a canary would have caught it".
    // "switching that service to temporary creds instead of long-lived keys would've made it a
    // non-event": the whole subject.
    if (((word == "would" && w(i + 1) == "have" && kCounterfactual.count(w(i + 2))) || (word == "would've" && kCounterfactual.count(w(i + 1)))) &&
        !doubted(i)) {
      const int last = word == "would" ? i + 2 : i + 1;
      for (int k = i; k <= last; ++k) trigger_[static_cast<std::size_t>(k)] = true;
      negate_subject(i);
      i = last;
      continue;
    }
    // "Dual writes were in the design doc and never quite made it into the code", "Spot was tried
    // for a week and didn't survive contact with our retry logic", "Savings plans were discussed
    // at length and then parked", "Object lock came up, and then went quiet": a verdict after
    // "and" with no subject of its own is on the sentence before it.
    const bool then = w(i - 1) == "then" || w(i - 1) == "subsequently" || w(i - 1) == "later" || w(i - 1) == "eventually";
    const bool after_then = then || (w(i - 2) == "then" && (w(i - 1) == "kinda" || w(i - 1) == "just" || w(i - 1) == "quietly"));
    // "and did not survive the design review"
    const bool and_did = w(i - 1) == "did" && w(i - 2) == "and" && word == "not";
    // ("was piloted by a sister team but never came across to us", "was drafted but never
    // finished": the same after "but".)
    if (w(i - 1) == "and" || w(i - 1) == "but" || and_did || (then && (w(i - 2) == "and" || w(i - 2) == "but")) ||
        (after_then && (word == "died" || kTurnedDownVerdicts.count(word)))) {
      const int v = (w(i + 1) == "quite" || w(i + 1) == "really" || w(i + 1) == "actually") ? i + 2 : i + 1;
      const bool never_made = (word == "never" || is_contracted_negation(word)) &&
                              ((w(v) == "made" && w(v + 1) == "it") || w(v) == "survive" || w(v) == "survived" || w(v) == "stuck" || w(v) == "stick" ||
                               w(v) == "happened" || w(v) == "happen" || (w(v) == "got" && (w(v + 1) == "anywhere" || w(v + 1) == "done")) ||
                               (w(v) == "came" && (w(v + 1) == "across" || w(v + 1) == "through")));
      // "was requested by operations and not granted", "was presented, received a polite
      // reception, and was not mentioned again", "was made in good faith and deferred indefinitely"
      const int after_be = kBe.count(word) ? i + 1 : i;
      const bool not_granted = (w(after_be) == "not" || w(after_be) == "never") &&
                               (kGranted.count(w(after_be + 1)) ||
                                (kRevisiting.count(w(after_be + 1)) && (w(after_be + 2) == "again" || w(after_be + 3) == "again")));
      const bool put_aside = w(i - 1) == "and" && kSetAside.count(word) &&
                             !(i + 1 < n && same_clause(i, i + 1) && (kDeterminers.count(w(i + 1)) || kPronouns.count(w(i + 1))));
      if (not_granted || put_aside) {
        trigger_[static_cast<std::size_t>(i)] = true;
        negate_sentence_before(i);
      }
      // ("then kinda died", never a bare "and died": "the pod ran out of memory and died" happened.)
      const bool went_quiet = (word == "went" && (w(i + 1) == "quiet" || w(i + 1) == "nowhere")) ||
                              (word == "fizzled" && w(i + 1) == "out") || (word == "quietly" && w(i + 1) == "died") ||
                              (after_then && (word == "died" || kTurnedDownVerdicts.count(word)) &&
                               // "and then parked", not "then dropped the old column" (a step with its object)
                               !(i + 1 < n && same_clause(i, i + 1) && (kDeterminers.count(w(i + 1)) || kPronouns.count(w(i + 1)))));
      if (never_made || went_quiet) {
        trigger_[static_cast<std::size_t>(i)] = true;
        negate_sentence_before(i);
      }
    }
    // "Moving everything into Secrets Manager had been in progress for a year and still isn't
    // done": the verdict is on the sentence's whole subject.
    if (word == "still" && w(i - 1) == "and" && (kBeNot.count(w(i + 1)) || (kBe.count(w(i + 1)) && w(i + 2) == "not")) &&
        (w(i + 2) == "done" || w(i + 2) == "finished" || w(i + 3) == "done" || w(i + 3) == "finished")) {
      trigger_[static_cast<std::size_t>(i) + 1] = true;
      negate_sentence_before(i);
    }
    // The past that did not happen: "we should have capped the page size", "I could've added an
    // alert", "if we had had a runbook", "I wish we'd tested it" deny what follows the verb.
    {
      const bool modal_have = ((kUnrealisedModals.count(word) || kContractedWould.count(word)) && w(i + 1) == "have") ||
                              kUnrealisedContractions.count(word);
      const bool if_had = (word == "if" || word == "wish") && (w(i + 1) == "we" || w(i + 1) == "i") &&
                          (w(i + 2) == "had" || (word == "wish" && (is_past_action(w(i + 2)) || w(i + 2) == "set" || w(i + 2) == "put")));
      const bool if_contracted = (word == "if" || word == "wish") && (w(i + 1) == "we'd" || w(i + 1) == "i'd");
      // "Had we set up log retention properly, ...": a condition told by inversion.
      const bool had_we = word == "had" && (w(i + 1) == "we" || w(i + 1) == "i" || w(i + 1) == "they") &&
                          (i == 0 || !same_clause(i - 1, i));
      const int verb = modal_have ? i + (kUnrealisedContractions.count(word) ? 1 : 2) : if_had ? i + 3 : if_contracted || had_we ? i + 2 : -1;
      const std::string_view v = w(verb);
      // "I'd have loved a proper capacity plan", "I would have liked to have contract tests": a
      // wish for the past, what it wished for not there.
      static const WordSet wishing = {"loved", "liked", "wanted", "preferred", "appreciated"};
      if (modal_have && wishing.count(v)) {
        int from = verb + 1;
        if (w(from) == "to" && (w(from + 1) == "have" || w(from + 1) == "see" || w(from + 1) == "get" || w(from + 1) == "do")) from += 2;
        for (int k = i; k < from; ++k) trigger_[static_cast<std::size_t>(k)] = true;
        negate_forward(from - 1, from);
        i = from - 1;
        continue;
      }
      if (verb > 0 && (is_past_action(v) || kParticiples.count(v) || v == "had" || v == "been") && !kCounterfactual.count(v)) {
        for (int k = i; k <= verb; ++k) trigger_[static_cast<std::size_t>(k)] = true;
        negate_forward(verb, verb + 1);
        i = verb;
        continue;
      }
    }
    // "We ran out of time to write the postmortem", "ran out of budget before we could add a
    // replica": what there was no time left for was not done.
    if ((word == "ran" || word == "run" || word == "running") && w(i + 1) == "out" && w(i + 2) == "of" &&
        (w(i + 3) == "time" || w(i + 3) == "budget" || w(i + 3) == "money" || w(i + 3) == "runway")) {
      for (int k = i; k <= i + 3; ++k) trigger_[static_cast<std::size_t>(k)] = true;
      int from = i + 4;
      if ((w(from) == "before" || w(from) == "so") && (kSubjects.count(w(from + 1)) || w(from + 1) == "anyone") &&
          (w(from + 2) == "could" || w(from + 2) == "got" || w(from + 2) == "managed"))
        from += w(from + 3) == "to" ? 4 : 3;
      else if (w(from) == "to" || w(from) == "for")
        ++from;
      if (from > i + 4) {
        negate_forward(from - 1, from);
        i = from - 1;
        continue;
      }
    }
    // "By the time anyone thought to take a heap dump, the pod had restarted", "by the time we got
    // round to the upgrade it was end of life": what came too late was not done.
    if (word == "by" && w(i + 1) == "the" && w(i + 2) == "time" && kLatecomers.count(w(i + 3))) {
      int from = i + 4;
      if (w(from) == "got" && (w(from + 1) == "round" || w(from + 1) == "around") && w(from + 2) == "to") from += 3;
      else if (kLateStarts.count(w(from)) && w(from + 1) == "to") from += 2;
      else from = -1;
      if (from > 0) {
        for (int k = i; k < from; ++k) trigger_[static_cast<std::size_t>(k)] = true;
        negate_forward(from - 1, from);
        i = from - 1;
        continue;
      }
    }
    bool pair = false;
    for (const auto& p : kPrePairs) {
      // ("in place of X" denies X; "in-place deploys" and "in place" alone do not.)
      if (word == p.first && p.second.count(w(i + 1)) && (word != "in" || w(i + 2) == "of")) {
        trigger_[static_cast<std::size_t>(i)] = trigger_[static_cast<std::size_t>(i) + 1] = true;
        negate_forward(i + 1, i + 2);
        pair = true;
        break;
      }
    }
    if (pair) {
      ++i;
      continue;
    }
    // ("zero-downtime deploys": a name, where "zero downtime" and "zero alerts" deny.)
    if ((kPreNegations.count(word) && !zero_compound(text, i)) || is_contracted_negation(word)) {
      trigger_[static_cast<std::size_t>(i)] = true;
      negate_forward(i, i + 1);
      if (denies_making_pronoun(i)) negate_referent(i);
      // "... tracing, metrics, the whole dream... we had none of it": a pronoun that ends the denial
      // stands for what came before. (Not "without it": "we could not live without it" keeps it.)
      if (word == "none" && w(i + 1) == "of" && kPronouns.count(w(i + 2)) && w(i + 2) != "one" && ends_clause(text, i + 2)) negate_referent(i);
      negate_cleft_complement(i);
      // "A shared on-call calendar, a proper handover, any escalation path... none, zero, nada": a
      // "none" that is a clause of its own is the verdict on the list before it.
      // ("Dashboards: plenty. SLOs: none." is said of the label before its colon.)
      if (word == "none" && i > 0 && !in_one_clause(text, i - 1, i) && ends_clause(text, i)) {
        if (text.next_char(i - 1) != ':') {
          negate_referent(i);
        } else {
          // (The label may be a list: "Runbooks, dashboards, alerts: none.")
          const int sentence = words[static_cast<std::size_t>(i)].sentence;
          for (int k = i - 1; k >= 0 && k >= i - kReferentWords && words[static_cast<std::size_t>(k)].sentence == sentence &&
                              (k == i - 1 || (text.next_char(k) != ':' && text.next_char(k) != ';'));
               --k)
            negated_[static_cast<std::size_t>(k)] = true;
        }
      }
      // "Missing: anyone testing the rollback script.", "Skipped: the load test, the game day.": a
      // denial that labels the rest of its sentence denies all of it, a list included.
      // So does a denial of doing that labels it: "Some things we discussed and didn't do: a
      // version column, ...", "What we never built: the kill switch."
      const int done_verb = kHedges.count(w(i + 1)) && w(i + 1) != "to" ? i + 2 : i + 1;
      const bool not_done_label = (is_contracted_negation(word) || word == "not" || word == "never") && kMaking.count(w(done_verb)) &&
                                  text.next_char(done_verb) == ':';
      if (not_done_label || ((word == "missing" || word == "skipped" || word == "absent" || word == "lacking") && text.next_char(i) == ':'))
        for (int k = not_done_label ? done_verb + 1 : i + 1; k < n && words[static_cast<std::size_t>(k)].sentence == words[static_cast<std::size_t>(i)].sentence && k <= i + kReferentWords; ++k)
          negated_[static_cast<std::size_t>(k)] = true;
      // The thing put first, denied after: "load shedding we do not do", "canaries we never used,
      // because ...", "invalidation when a tariff changes we have not implemented until now",
      // "locks I did not look at", "budget alerts we also do not have": a subject, the denial, a
      // verb with no object, and the clause ends. The thing is the whole clause before the subject.
      int subject = i - 1;
      // "distributed tracing we were not having" (Indian English), "log aggregation we had not"
      const bool auxiliary = w(i - 1) == "do" || w(i - 1) == "did" || w(i - 1) == "have" || w(i - 1) == "has" || w(i - 1) == "had" ||
                             w(i - 1) == "were" || w(i - 1) == "was";
      if (w(i) == "not" && auxiliary) subject = i - 2;
      while (subject > 0 && kFrontingAdverbs.count(w(subject))) --subject;
      int verb = i + 1;
      while (!kLightVerbs.count(w(verb)) && kHedges.count(w(verb)) && w(verb) != "to") ++verb;
      bool bare_verb = kLightVerbs.count(w(verb)) || kMaking.count(w(verb)) || kFrontedVerbs.count(w(verb)) || w(verb) == "having";
      // The auxiliary alone: "log aggregation we had not;", "a mentoring programme there never was".
      if (w(i) == "not" && auxiliary && w(i - 1) != "were" && w(i - 1) != "was" && (i + 1 >= n || !same_clause(i, i + 1))) {
        bare_verb = true;
        verb = i;
      }
      if (w(i) == "never" && w(i - 1) == "there" && (w(i + 1) == "was" || w(i + 1) == "were") && (i + 2 >= n || !same_clause(i + 1, i + 2))) {
        negate_clause_before(text, i - 1);
      }
      // "The hit ratio I cannot tell you": not known, so never measured.
      if ((w(verb) == "tell" || w(verb) == "say") && w(verb + 1) == "you") {
        bare_verb = true;
        ++verb;
      }
      // A preposition may be left behind: "a canary we never bothered with"; or a pronoun may stand
      // for the thing: "query timeouts, we didn't set any".
      // ("we didn't have at that time": a time, not a stranded preposition.)
      const bool at_the_time = w(verb + 1) == "at" && (w(verb + 2) == "that" || w(verb + 2) == "the") && w(verb + 3) == "time";
      int last = (w(verb + 1) == "with" || w(verb + 1) == "about" || w(verb + 1) == "for" || (w(verb + 1) == "at" && !at_the_time)) ? verb + 1 : verb;
      // (Not across a clause mark: "a dead-letter topic we do not have; it was discussed ...")
      if (last == verb && (w(verb + 1) == "any" || w(verb + 1) == "one" || w(verb + 1) == "it" || w(verb + 1) == "them") &&
          (kLightVerbs.count(w(verb)) || kMaking.count(w(verb))) && same_clause(verb, verb + 1))
        ++last;
      const bool clause_ends = last + 1 >= n || !same_clause(last, last + 1) || kTerminators.count(w(last + 1)) ||
                               w(last + 1) == "anymore" || w(last + 1) == "either" || w(last + 1) == "at" || w(last + 1) == "yet";
      // "... and the queue nobody ever built": the denial is the subject itself.
      if ((word == "nobody" || (word == "no" && w(i + 1) == "one")) && bare_verb && clause_ends && verb < n && i > 0 &&
          in_one_clause(text, i - 1, i) && !is_stop_word(w(i - 1)) && !kSubjects.count(w(i - 1)))
        negate_clause_before(text, i);
      if (subject > 0 && kFrontingSubjects.count(w(subject)) && bare_verb && clause_ends && verb < n) {
        negate_subject(subject);
        // "Alerts for when the budget goes up, honestly we still don't have": the thing is the
        // clause that opens the sentence, set off by a mark and at most a comment adverb.
        int mark = subject - 1;
        if (kCommentAdverbs.count(w(mark)) || kFillers.count(w(mark))) --mark;
        static const WordSet openers = {"after", "before", "when", "if", "since", "because", "in", "during", "at", "on", "by", "for",
                                        "then", "also", "until", "once", "while", "as", "to", "with", "without"};
        int opening = text.sentences()[static_cast<std::size_t>(words[static_cast<std::size_t>(subject)].sentence)].first_word;
        if (w(opening) == "and" || w(opening) == "but" || w(opening) == "so") ++opening;
        if (mark > opening && !same_clause(mark, mark + 1) && !openers.count(w(opening))) {
          bool topic = mark - opening < kSubjectWords;
          for (int k = opening; k < mark && topic; ++k) topic = same_clause(k, k + 1) && !kSubjects.count(w(k)) && !is_trigger(k);
          if (topic)
            for (int k = opening; k <= mark; ++k) negated_[static_cast<std::size_t>(k)] = true;
        }
        // "An alert that pages someone when checkout fails, that one we did not have": the thing
        // stands before the demonstrative that picks it up.
        const int pick = subject - (w(subject - 1) == "one" ? 2 : 1);
        if ((w(pick) == "that" || w(pick) == "this" || w(pick) == "those" || w(pick) == "these") && pick > 0 && !same_clause(pick - 1, pick))
          negate_clause_before(text, pick);
      }
    }
  }
  negate_unrealised_proposals(text);
  negate_proposals_turned_down(text);
  negate_labels_denied(text);
  negate_hindsight(text);
  negate_plans_put_off(text);
  negate_tickets_left_open(text);
  negate_plans_not_followed(text);
  negate_others_work(text);
  restore_things_done_later(text);
  restore_what_was_moved(text);
  restore_what_was_ready(text);
  restore_artefacts_made(text);
  restore_the_status_quo(text);
}

// "I argued for a bulkhead and timeouts, but we never got to them": what was only proposed, and
// then not done, was not done. The words from the proposing verb to the "but" are negated when a
// negation follows the "but" within a few words, in the same sentence.
void NegationScope::negate_unrealised_proposals(const AnswerText& text) {
  // After the "but": words that turn a proposal down without a negation ("but it was shelved").
  static const std::unordered_set<std::string_view> kTurnedDown = {
      "rejected", "declined", "against", "shelved", "deprioritized", "deprioritised", "parked", "vetoed",
      "overruled", "postponed", "abandoned", "scrapped", "dropped", "cut", "killed"};
  static const std::unordered_set<std::string_view> proposing = {
      "proposed", "suggested", "argued", "recommended", "discussed", "pushed", "pitched", "advocated", "wanted", "asked",
      "considered", "planned", "talked", "raised", "floated", "supposed", "meant", "requested", "evaluated", "suggesting", "proposing",
      "agreed", "needed", "liked", "hoped", "intended", "mentioned", "debated", "promised", "scoped"};
  const auto& words = text.words();
  const int n = static_cast<int>(words.size());
  const auto at = [&](int j) { return word_at(words, j); };
  // "A quarantine lane was proposed in a retro.", "Tagging by team was proposed. It's in a doc.": a
  // thing told as proposed, in the passive, was not done unless the answer says it was taken up
  // (said_taken_up): whoever did it would have been named doing it. (Not "the limit was raised to
  // 500", an increase, nor "Raft was proposed in 2014", a piece of history.)
  const auto passive_proposal_left_standing = [&](int i) {
    static const WordSet raised_where = {"in", "at", "during", "with", "as", "twice", "again", "repeatedly", "several", "multiple"};
    // ("The fix was pushed at 3 pm" was deployed; "it was requested by two customers" and "it was
    // argued that" put forward no proposal of the team's.)
    const bool passive_proposing = kProposing.count(at(i)) && at(i) != "pushed" && at(i) != "requested" && at(i) != "argued";
    // Talk in the passive too: "A secrets manager was mentioned now and then", "a canary was
    // discussed in the retro". (Not talk about what happened: "the outage was discussed at length".)
    static const WordSet talked_of = {"discussed", "mentioned", "debated"};
    static const WordSet happenings = {"outage", "outages", "incident", "incidents", "bug", "bugs", "failure", "failures", "problem",
                                       "problems", "issue", "issues", "results", "findings", "options", "alternatives", "tradeoffs"};
    const bool passive_talk = talked_of.count(at(i)) > 0;
    // ("Tech debt sprints were promised every quarter": a promise is no more than a proposal.)
    if (!passive_proposing && !passive_talk && at(i) != "mooted" && at(i) != "promised" && !(at(i) == "raised" && raised_where.count(at(i + 1))))
      return false;
    const int aux = kProposalAdverbs.count(at(i - 1)) || at(i - 1) == "subsequently" ? i - 2 : i - 1;
    if (at(aux) != "was" && at(aux) != "were" && at(aux) != "got" && !(at(aux) == "been" && at(aux - 1) == "had")) return false;
    if (passive_talk && (happenings.count(at(aux - 1)) || kPronouns.count(at(aux - 1)) || at(aux - 1) == "it")) return false;
    for (int k = i + 1; k < n && words[static_cast<std::size_t>(k)].sentence == words[static_cast<std::size_t>(i)].sentence; ++k)
      if (at(k) == "paper" || (at(k).size() == 4 && is_quantity(at(k)) && at(k)[0] <= '2')) return false;
    return !said_taken_up(text, negated_, trigger_, i + 1);
  };
  for (int i = 0; i < n; ++i) {
    // "Chaos testing came up in the retro. Everyone nodded. Moved on.": a thing raised in a meeting
    // and not taken up after. (The meeting itself was held.)
    const int meeting = kDeterminers.count(at(i + 3)) ? i + 4 : i + 3;
    const bool in_a_meeting = at(i + 2) == "in" && (kMeetings.count(at(meeting)) || kMeetings.count(at(meeting + 1)));
    if (at(i) == "came" && at(i + 1) == "up" && i > 0 && in_one_clause(text, i - 1, i) && in_a_meeting &&
        !said_taken_up(text, negated_, trigger_, i + 2)) {
      trigger_[static_cast<std::size_t>(i)] = true;
      negate_clause_before(text, i);
    }
    // "Full tracing was my wish, but the team decided against it": a proposal by its noun.
    // "OpenTelemetry was the big goal, but ...", "Canaries were the original plan, but ...": up to
    // two words may describe the aim.
    const auto aim_named = [&] {
      static const WordSet aims = {"wish", "idea", "proposal", "suggestion", "goal", "plan", "hope", "intention", "aim", "ambition", "dream"};
      // "Load shedding was on the table, but nobody owned it."
      if (at(i) == "table" && at(i - 1) == "the" && at(i - 2) == "on") return at(i - 3) == "was" || at(i - 3) == "were";
      if (!aims.count(at(i))) return false;
      for (int d = i - 1; d >= i - 3 && d >= 0; --d) {
        if (at(d) == "my" || at(d) == "our" || at(d) == "the" || at(d) == "a") return at(d - 1) == "was" || at(d - 1) == "were";
        if (is_stop_word(at(d)) || !in_one_clause(text, d, i)) return false;
      }
      return false;
    };
    const bool proposal_noun = aim_named() ||
                               // "savings plans were the obvious next step, but finance wanted to hold off"
                               (at(i) == "step" && at(i - 1) == "next" && (at(i - 2) == "the" || at(i - 3) == "the") &&
                                (at(i - 3) == "was" || at(i - 3) == "were" || at(i - 4) == "was" || at(i - 4) == "were"));
    // "We thought about sharding the orders table" proposes; "I thought the cache was fine" does not.
    const bool thought_about = at(i) == "thought" && (at(i + 1) == "about" || at(i + 1) == "of");
    // "We had the idea of a shadow traffic test.", "There was a plan to move the sessions into Redis."
    const bool idea_of = (at(i) == "idea" || at(i) == "plan") && (at(i + 1) == "of" || (at(i + 1) == "to" && at(i - 1) == "a"));
    if (!proposing.count(words[static_cast<std::size_t>(i)].text) && !proposal_noun && !thought_about && !idea_of) continue;
    const int sentence = words[static_cast<std::size_t>(i)].sentence;
    int but = -1;
    for (int k = i + 1; k < n && k <= i + kProposalBut && words[static_cast<std::size_t>(k)].sentence == sentence; ++k) {
      const std::string& word = words[static_cast<std::size_t>(k)].text;
      if (word == "but") {
        but = k;
        break;
      }
      // "the frontend team wanted page numbers, so I only added the index, which helped early pages
      // but not deep ones": another clause with a subject of its own began; the "but" is not about
      // the proposal.
      if ((word == "so" || word == "because" || word == "since") && k + 1 < n &&
          kSubjects.count(words[static_cast<std::size_t>(k) + 1].text))
        break;
    }
    // What was proposed may stand before the verb: the subject of a passive ("Logical replication
    // was discussed, but ...", "Tracing was my wish, but ...") or an object put first ("Tuning of
    // max.poll.records we considered but never tried").
    const auto deny_what_stands_before = [&] {
      int before = i - 1;
      if (proposal_noun) {
        before = i - 2;
        while (before > 0 && at(before) != "was" && at(before) != "were") --before;
      }
      // "A take-home task was also suggested, but ...", "Reserved instances we also considered, but
      // finance said no": an adverb may stand between the proposing verb and its subject.
      if (!proposal_noun && kProposalAdverbs.count(at(before))) --before;
      const bool passive = proposal_noun || at(before) == "was" || at(before) == "were" || at(before) == "got" || at(before) == "been";
      // ("A canary was something we'd talked about for months but never got around to.")
      const bool fronted = at(before) == "i" || at(before) == "we" || at(before) == "we'd" || at(before) == "i'd" ||
                           at(before) == "we've" || at(before) == "i've";
      if (passive || fronted) negate_clause_before(text, before);
    };
    if (but < 0) {
      // No "but": "I pushed for SLO alerts instead of CPU alerts, we discussed it in two meetings
      // and then dropped it" turns the proposal down by pronoun later in the sentence.
      // "Someone had suggested gh-ost and we never got around to evaluating it", "I pitched SLO
      // alerts, leadership liked the deck, and then nothing happened": a denial of doing anything
      // about it.
      const auto never_acted = [&](int k) {
        if (at(k) == "nothing") {
          const int v = (at(k + 1) == "has" || at(k + 1) == "have") ? k + 2 : k + 1;
          return at(v) == "happened" || at(v) == "came" || at(v) == "come" || at(v) == "changed";
        }
        // "I proposed a composite index; the DBA found it was not necessary"
        if (at(k) == "not" && (at(k - 1) == "was" || at(k - 1) == "is" || at(k - 1) == "be") &&
            (at(k - 2) == "it" || at(k - 2) == "this" || at(k - 2) == "that" || at(k - 3) == "it") &&
            (at(k + 1) == "necessary" || at(k + 1) == "needed" || at(k + 1) == "worth" || at(k + 1) == "required" ||
             at(k + 1) == "urgent" || (at(k + 1) == "a" && at(k + 2) == "priority")))
          return true;
        // "I wanted contract tests, wrote an RFC, it got two emoji reactions and that's about it"
        if ((at(k) == "that's" || (at(k) == "that" && at(k + 1) == "was")) && at(k - 1) == "and") {
          int it = k + (at(k) == "that's" ? 1 : 2);
          if (at(it) == "about" || at(it) == "all") ++it;
          if (at(it) == "it" && ends_clause(text, it)) return true;
        }
        // "pre-commit scanning got proposed in the retro and voted down as friction"
        if (at(k) == "voted" && at(k + 1) == "down") return true;
        // "I pitched quarantining the worst ones, got told no, so that went nowhere"
        if ((at(k) == "went" || at(k) == "got" || at(k) == "led") && at(k + 1) == "nowhere") return true;
        if (at(k) != "never" && at(k) != "didn't" && at(k) != "not") return false;
        for (int j = k + 1; j <= k + 2; ++j)
          if (at(j) == "around" || at(j) == "happened" || at(j) == "materialised" || at(j) == "materialized") return true;
        return false;
      };
      // "I suggested a read replica; the lead liked it, but the budget was gone, so the reports
      // continued hitting the primary", "... and then we kept publishing inside the transaction",
      // "So it stayed like that.", "and then we bumped max_connections instead": the old way went
      // on, or another was taken, after a consequence word, so the proposal was not taken up. (Not
      // "we kept it", which keeps the thing proposed.)
      const auto old_way_went_on = [&](int k) {
        bool consequence = false;
        for (int j = k - 1; j >= k - 6 && j > i && !consequence; --j) consequence = at(j) == "so" || at(j) == "and" || at(j) == "then";
        const std::string_view next = at(k + 1);
        // "..., and everyone nodded, and then we just bumped max_connections instead": a turn
        // anywhere between the proposal and the "instead".
        if (at(k) == "instead" && next != "of") {
          for (int j = k - 1; j > i && !consequence; --j) consequence = at(j) == "then" || at(j) == "so";
          return consequence;
        }
        if (!consequence) return false;
        if (at(k) == "kept" || at(k) == "continued" || (at(k) == "carried" && next == "on"))
          return next == "to" || next == "on" || (next.size() > 4 && next.substr(next.size() - 3) == "ing");
        // "everybody agreed it was important, and then everybody went back to shipping features"
        if ((at(k) == "went" || kBe.count(at(k))) && next == "back" && at(k + 2) == "to") return true;  // "we were back to"
        // ("... and honestly he was right, so we stayed on plain EC2": stayed with the old way.)
        if ((at(k) == "stayed" || at(k) == "stuck") && (next == "on" || next == "with") && !kPronouns.count(at(k + 2)) && at(k + 2) != "it")
          return true;
        // ("... and the sessions stayed where they were")
        return kStaying.count(at(k)) &&
               (next == "like" || next == "unchanged" || (next == "the" && at(k + 2) == "same") || (next == "as" && at(k + 2) == "it") ||
                (next == "where" && (at(k + 2) == "they" || at(k + 2) == "it")));
      };
      // The sentence after may tell the consequence too, when it opens with one.
      int last = sentence;
      const auto& sentences = text.sentences();
      if (static_cast<std::size_t>(sentence) + 1 < sentences.size()) {
        const std::string_view opener = at(sentences[static_cast<std::size_t>(sentence) + 1].first_word);
        if (opener == "so" || opener == "and" || opener == "then" || turns_away(words, sentences[static_cast<std::size_t>(sentence) + 1].first_word))
          last = sentence + 1;
      }
      bool turned = false;
      for (int k = i + 1; k < n && words[static_cast<std::size_t>(k)].sentence <= last; ++k) {
        const bool same_sentence = words[static_cast<std::size_t>(k)].sentence == sentence;
        if (same_sentence && k > i + kProposalWords) continue;
        const bool turned_down = same_sentence && (turns_down(words, k) || never_acted(k));
        // The next sentence turns away at once: "We thought about sharding. In the end we bought a
        // bigger instance.", "We had the idea of a shadow test. Instead, we switched everything."
        const bool turned_away = !same_sentence && k == sentences[static_cast<std::size_t>(last)].first_word && turns_away(words, k);
        if (!turned_down && !turned_away && !old_way_went_on(k)) continue;
        // Turned down by a pronoun or a denial, the words up to it stand for the proposal. When
        // only the old way went on, what was proposed is the proposing verb's object, to its clause's
        // end and any example after it ("suggesting connection pooling, like PgBouncer, ..."): later
        // clauses may tell what was done meanwhile ("we made a proof of concept").
        int end = k;
        if (!turned_down) {
          end = i + 1;
          while (end < k && in_one_clause(text, i, end)) ++end;
          if (at(end) == "like" || at(end) == "e.g" || (at(end) == "such" && at(end + 1) == "as"))
            for (++end; end < k && !ends_clause(text, end - 1);) ++end;
        }
        for (int j = i + 1; j < end && words[static_cast<std::size_t>(j)].sentence == sentence; ++j) negated_[static_cast<std::size_t>(j)] = true;
        deny_what_stands_before();
        turned = true;
        break;
      }
      if (!turned && passive_proposal_left_standing(i)) {
        for (int j = i + 1; j < n && in_one_clause(text, i, j); ++j) negated_[static_cast<std::size_t>(j)] = true;
        deny_what_stands_before();
      }
      continue;
    }
    bool denied = false;
    for (int k = but + 1; k < n && k <= but + 10 && words[static_cast<std::size_t>(k)].sentence == sentence; ++k) {
      const std::string& word = words[static_cast<std::size_t>(k)].text;
      const std::string_view next = k + 1 < n ? std::string_view(words[static_cast<std::size_t>(k) + 1].text) : "";
      // "but the team moved on", "but we ran out of time", "but we went with a bigger box", "but
      // the team chose to wait": the proposal lost to something else.
      const bool lost = ((word == "moved" || word == "move") && next == "on") || ((word == "ran" || word == "run") && next == "out") ||
                        ((word == "went" || word == "go") && next == "with") || (word == "settled" && next == "on") ||
                        word == "chose" || word == "opted" || word == "picked" || word == "preferred" ||
                        // "but it stayed a ticket", "but it remained an idea"
                        (kStaying.count(word) && (next == "a" || next == "an" || next == "on" || next == "in")) ||
                        // "but we did one big switch instead", "but we ended up shipping to everyone", "but in
                        // the end we stayed with Postgres"
                        turns_away(words, k) ||
                        // "but we held off", "but it got pushed to phase two", "but it slipped"
                        (word == "hold" && next == "off") || word == "slipped" ||
                        // "but it was reduced to a sign-off on sample reports", "but it got watered down"
                        ((word == "reduced" || word == "scaled" || word == "watered" || word == "downgraded" || word == "narrowed") &&
                         (next == "to" || next == "back" || next == "down")) ||
                        (word == "pushed" && (next == "back" || next == "out" || next == "to") && k + 2 < n &&
                         words[static_cast<std::size_t>(k) + 2].text != "prod" && words[static_cast<std::size_t>(k) + 2].text != "production");
      // "but it is still open"
      const bool still_open = word == "still" && next == "open";
      // "but ... it did not happen until now": a verdict of nothing happening reaches further.
      const bool nothing_happened = k <= but + 12 && is_trigger(k) && (next == "happen" || next == "happened" || next == "take");
      denied = denied || lost || still_open || nothing_happened || (k <= but + 8 && (is_trigger(k) || kTurnedDown.count(word)));
    }
    if (!denied) continue;
    for (int k = i + 1; k < but; ++k) negated_[static_cast<std::size_t>(k)] = true;
    deny_what_stands_before();
  }
}

// A proposal and its fate, told as notes: "I suggested expand/contract. Rejected.", "A quarantine
// lane was proposed in a retro. Never built.", "Canary on 5% was in the plan. Dropped, the tooling
// wasn't ready.", "cert-manager discussed, blocked by PKI.", "Automation was planned for 2022,
// deprioritised." The verdict is a bare participle that opens the next sentence or clause, alone
// or followed by who or why ("Blocked by PKI", "Dropped, ..."); what it turns down is the
// proposal: the words after an active proposing verb, or the subject of a passive one.
void NegationScope::negate_proposals_turned_down(const AnswerText& text) {
  static const std::unordered_set<std::string_view> verdicts = {
      "rejected", "declined", "shelved", "deprioritized", "deprioritised", "parked", "vetoed", "overruled", "postponed",
      "abandoned", "scrapped", "dropped", "blocked", "killed", "descoped", "cancelled", "canceled", "refused"};
  // After "never" or "not": what the proposal never became.
  static const std::unordered_set<std::string_view> never_became = {
      "built", "done", "happened", "implemented", "shipped", "started", "approved", "prioritised", "prioritized",
      "materialised", "materialized", "finished", "funded", "adopted", "delivered", "used", "configured", "agreed", "landed"};
  static const std::unordered_set<std::string_view> passive = {
      "proposed", "suggested", "recommended", "pitched", "floated", "planned", "discussed", "requested", "considered"};
  const auto& words = text.words();
  const auto& sentences = text.sentences();
  const int n = static_cast<int>(words.size());
  auto w = [&](int i) { return word_at(words, i); };
  // The verdict at word `i`, if one opens a clause there: how many words it takes, else 0.
  auto verdict_at = [&](int i) {
    int k = i;
    // "The proposal was politely rejected": a proposal named as such needs no clause end after its
    // verdict.
    const bool named = (w(k) == "the" || w(k) == "my" || w(k) == "our" || w(k) == "this" || w(k) == "that") &&
                       (kProposals.count(w(k + 1)) || w(k + 1) == "request") && (w(k + 2) == "got" || w(k + 2) == "was");
    if (named) k += 2;
    if (w(k) == "got" || w(k) == "was" || w(k) == "were") ++k;
    if (named && w(k).ends_with("ly")) ++k;  // "politely", "initially"
    if (named && (w(k) == "turned" || w(k) == "shot") && w(k + 1) == "down") return k - i + 2;
    if (verdicts.count(w(k)) && (named || ends_clause(text, k) || w(k + 1) == "by" || w(k + 1) == "for" || w(k + 1) == "because" ||
                                 w(k + 1) == "after" || w(k + 1) == "as"))
      return k - i + 1;
    if ((w(k) == "never" || w(k) == "not") && (w(k + 1) == "yet" ? never_became.count(w(k + 2)) : never_became.count(w(k + 1))))
      return k - i + (w(k + 1) == "yet" ? 3 : 2);
    // "Never actually configured, mind."
    if (w(k) == "never" && (w(k + 1) == "actually" || w(k + 1) == "really" || w(k + 1) == "once") && never_became.count(w(k + 2)))
      return k - i + 3;
    if ((w(k) == "didn't" || w(k) == "never") && w(k + 1) == "happen") return k - i + 2;
    return 0;
  };
  // Where a clause starts: the sentence's first word, or a word after a clause mark.
  auto opens_clause = [&](int i) {
    const auto& word = words[static_cast<std::size_t>(i)];
    return i == sentences[static_cast<std::size_t>(word.sentence)].first_word || ends_clause(text, i - 1);
  };
  // Denies the proposal in words [first, end): after an active proposing verb, or up to and
  // including a passive one and the words after it.
  auto deny_proposal = [&](int first, int end) {
    for (int i = first; i < end; ++i) {
      const bool is_passive = (w(i) == "was" || w(i) == "were" || w(i) == "got" || w(i) == "been") &&
                              (passive.count(w(i + 1)) || ((w(i + 1) == "in" || w(i + 1) == "on") &&
                                                           (w(i + 2) == "the" || w(i + 2) == "our") &&
                                                           (w(i + 3) == "plan" || w(i + 3) == "table" || w(i + 3) == "cards")));
      if (is_passive) {
        for (int k = first; k < end; ++k) negated_[static_cast<std::size_t>(k)] = true;
        return true;
      }
      if (kProposing.count(w(i))) {
        for (int k = i + 1; k < end; ++k) negated_[static_cast<std::size_t>(k)] = true;
        return true;
      }
    }
    return false;
  };
  // A proposal, an offer or a wish answered with a no, in its sentence or the next: "I proposed a
  // feature flag, and the product manager said no", "The vendor offered us managed Elasticsearch
  // and we said no", "My suggestion was a gradual rollout. Management said no." ("We said no to
  // microservices" says what the no was to, and is read as any denial.)
  static const WordSet offering = {"offered", "wanted", "suggestion", "proposal", "asked"};
  for (int k = 1; k + 1 < n; ++k) {
    if ((w(k) != "said" && w(k) != "says") || (w(k + 1) != "no" && w(k + 1) != "nope")) continue;
    if (!ends_clause(text, k + 1) && w(k + 2) != "thanks" && w(k + 2) != "no") continue;
    const int sentence = words[static_cast<std::size_t>(k)].sentence;
    int proposal = -1;
    // ("I asked the DBA whether the index would lock the table, and she said no" asked a question:
    // only asking for a thing, or to do it, proposes it.)
    const auto proposes = [&](int i) {
      if (w(i) != "asked") return kProposing.count(w(i)) || offering.count(w(i));
      return w(i + 1) == "for" || w(i + 1) == "to" || w(i + 2) == "for" || w(i + 2) == "to";
    };
    for (int i = k - 1; i >= 0 && words[static_cast<std::size_t>(i)].sentence + 1 >= sentence && proposal < 0; --i)
      if (proposes(i)) proposal = i;
    if (proposal < 0 || said_taken_up(text, negated_, trigger_, k + 2)) continue;
    trigger_[static_cast<std::size_t>(k + 1)] = true;
    if (kPronouns.count(w(proposal + 1))) {
      negate_referent_of(text, proposal + 1);  // "the security team wanted it, finance said no"
      continue;
    }
    for (int j = proposal + 1; j < k && (j == proposal + 1 || in_one_clause(text, j - 1, j)); ++j) negated_[static_cast<std::size_t>(j)] = true;
  }
  // Where a sentence sets what was meant ("in theory", "in principle", "on paper", "officially",
  // "the official policy", "was supposed to", "was the plan") against what happened ("in practice",
  // "in reality", "actually", "in the end").
  const auto in_theory_at = [&](int k) {
    return ((w(k) == "in" && (w(k + 1) == "theory" || w(k + 1) == "principle")) || (w(k) == "on" && w(k + 1) == "paper") ||
            w(k) == "officially" || w(k) == "official" || (w(k) == "supposed" && w(k + 1) == "to") ||
            ((w(k) == "was" || w(k) == "were") && w(k + 1) == "the" && w(k + 2) == "plan"));
  };
  const auto in_practice_at = [&](int k) {
    return (w(k) == "in" && (w(k + 1) == "practice" || w(k + 1) == "reality" || (w(k + 1) == "the" && w(k + 2) == "end"))) ||
           w(k) == "actually";
  };
  // (Told of the past: "In theory a B-tree lookup is O(log n); in practice the top levels are
  // cached" explains, and denies nothing.)
  const auto told_of_the_past = [&](int first, int end) {
    for (int k = first; k < end; ++k)
      if (w(k) == "was" || w(k) == "were" || w(k) == "had" || w(k) == "existed" || w(k) == "did" || w(k) == "yes" || is_past_action(w(k)))
        return true;
    return false;
  };
  // The same within one sentence: "There was, in principle, an on-call rotation; in practice, it
  // was whoever was awake." The words before the turn are denied.
  for (const auto& sentence : sentences) {
    int theory = -1;
    for (int k = sentence.first_word; k < sentence.end_word; ++k) {
      if (theory < 0 && in_theory_at(k)) theory = k;
      if (theory < 0 || k <= theory + 1 || !in_practice_at(k) || in_one_clause(text, k - 1, k) ||
          !told_of_the_past(sentence.first_word, k))
        continue;
      for (int j = sentence.first_word; j < k; ++j) negated_[static_cast<std::size_t>(j)] = true;
      trigger_[static_cast<std::size_t>(k)] = true;
      break;
    }
  }
  for (const auto& sentence : sentences) {
    const int f = sentence.first_word;
    if (&sentence == &sentences.front()) continue;
    const auto& before = *(&sentence - 1);
    // "Probabilistic early refresh I have read the paper on. That's as far as it went.", "Yeah,
    // that's about as far as it got."
    int that = f;
    while (that < f + 2 && (w(that) == "yeah" || w(that) == "and" || w(that) == "so" || w(that) == "well")) ++that;
    int as = that + (w(that) == "that" && w(that + 1) == "is" ? 2 : 1);
    if (w(as) == "about" || w(as) == "roughly" || w(as) == "basically" || w(as) == "just") ++as;
    const bool no_further = (w(that) == "that's" || (w(that) == "that" && w(that + 1) == "is")) && w(as) == "as" && w(as + 1) == "far";
    // "Product said not this quarter and that was the end of that."
    for (int k = f; k + 4 < sentence.end_word; ++k)
      if ((w(k) == "that" || w(k) == "this") && w(k + 1) == "was" && w(k + 2) == "the" &&
          (w(k + 3) == "end" || (w(k + 3) == "last" && (w(k + 5) == "heard" || w(k + 6) == "heard" || w(k + 4) == "we" || w(k + 4) == "i"))) &&
          (w(k + 4) == "of" || w(k + 3) == "last")) {
        for (int j = before.first_word; j < k; ++j) negated_[static_cast<std::size_t>(j)] = true;
        trigger_[static_cast<std::size_t>(k)] = true;
      }
    // "The audit was booked for spring. It was booked again, and that's as far as it got."
    for (int k = f + 1; k + 3 < sentence.end_word; ++k)
      if (w(k) == "that's" && w(k + 1) == "as" && w(k + 2) == "far" && w(k + 3) == "as") {
        for (int j = before.first_word; j < k; ++j) negated_[static_cast<std::size_t>(j)] = true;
        trigger_[static_cast<std::size_t>(k)] = true;
      }
    // "In theory this was an expand-and-contract job. I'd love to say we did it that way." / "In
    // practice we moved every route over on one Tuesday.", "Blameless postmortems was the official
    // policy. In practice, the first question was who pressed the button.": what was so in theory,
    // on paper, officially or by the plan was not done, when the next sentence turns to practice.
    const int turn = f + ((w(f) == "so" || w(f) == "but" || w(f) == "and") ? 1 : 0);
    const bool practice = in_practice_at(turn) || (w(f) == "i'd" && w(f + 1) == "love" && w(f + 2) == "to") ||
                          (w(f) == "what" && w(f + 1) == "actually" && w(f + 2) == "happened");
    bool theory = false;
    bool said_in_theory = false;
    for (int k = before.first_word; k < before.end_word; ++k) {
      theory = theory || in_theory_at(k);
      said_in_theory = said_in_theory || (w(k) == "in" && w(k + 1) == "theory");
    }
    theory = said_in_theory || (theory && told_of_the_past(before.first_word, before.end_word));
    // "We all agreed to name an incident commander at the start of every outage. Not once.": a
    // reply of its own to what was agreed or promised.
    const bool not_once = (w(f) == "not" || w(f) == "never") && (w(f + 1) == "once" || (w(f + 1) == "even" && w(f + 2) == "once")) &&
                          sentence.end_word - f <= 3;
    bool agreed = false;
    for (int k = before.first_word; k < before.end_word && !agreed; ++k)
      agreed = w(k) == "agreed" || w(k) == "promised" || w(k) == "planned" || w(k) == "decided" || w(k) == "committed" || w(k) == "supposed";
    if (not_once && agreed) {
      for (int k = before.first_word; k < before.end_word; ++k) negated_[static_cast<std::size_t>(k)] = true;
      trigger_[static_cast<std::size_t>(f)] = true;
    }
    // "Moving to Secrets Manager and putting gitleaks in CI were both agreed. Neither has happened yet."
    bool neither = false;
    if (w(f) == "neither" || w(f) == "none")
      for (int k = f + 1; k < sentence.end_word && k <= f + 5 && !neither; ++k) neither = w(k) == "happened" || w(k) == "happen";
    if (no_further || (practice && theory) || neither) {
      for (int k = before.first_word; k < before.end_word; ++k) negated_[static_cast<std::size_t>(k)] = true;
      trigger_[static_cast<std::size_t>(f)] = true;
    }
  }
  // "We started with tagging, in theory.", "the plan on paper was expand/contract": what was so
  // only in theory or on paper did not happen.
  // ("Throttling we did; moving them to a replica was right, but that one stayed on paper": the
  // verdict is on its own part of the sentence, after a semicolon. Not only after a "but": "we
  // talked about sharding for months, but the sharding remained on paper".)
  for (const auto& sentence : sentences) {
    const int e = sentence.end_word;
    int on_paper = -1;
    for (int k = sentence.first_word; k + 1 < e && on_paper < 0; ++k)
      if (w(k) == "on" && w(k + 1) == "paper") on_paper = k;
    const bool in_theory = e - sentence.first_word >= 3 && w(e - 2) == "in" && w(e - 1) == "theory";
    if (on_paper < 0 && !in_theory) continue;
    const int from = part_start(text, sentence.first_word, on_paper >= 0 ? on_paper : e - 2, false);
    for (int k = from; k < e; ++k) negated_[static_cast<std::size_t>(k)] = true;
  }
  // "I suggested moving the secrets into Vault. The team lead said 'later, later'.", "We proposed
  // reserved instances, finance said wait next quarter": a proposal put off by the reply to it,
  // in its own sentence or the next.
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    int reply = -1;
    for (int k = sentence.first_word; k < sentence.end_word && reply < 0; ++k) {
      if (w(k) != "said" && w(k) != "say" && w(k) != "says" && w(k) != "replied" && w(k) != "answered") continue;
      int next = k + 1;
      while (next < k + 3 && (w(next) == "wait" || w(next) == "to" || w(next) == "it's" || w(next) == "maybe")) ++next;
      // ("said later that day it looked fine" is when it was said.)
      const bool later = w(next) == "later" && (next + 1 >= n || !in_one_clause(text, next, next + 1) || w(next + 1) == "later");
      if (later || (w(next) == "next" && kNextPeriods.count(w(next + 1)))) reply = k;
    }
    if (reply < 0) continue;
    // The proposal: after a proposing verb earlier in the sentence, else in the sentence before.
    const auto deny_after_proposal = [&](int first, int end) {
      for (int p = first; p < end; ++p) {
        if (!kProposing.count(w(p))) continue;
        for (int k = p + 1; k < end && (k == p + 1 || in_one_clause(text, k - 1, k)) && !kTurns.count(w(k)); ++k)
          negated_[static_cast<std::size_t>(k)] = true;
        return true;
      }
      return false;
    };
    if (deny_after_proposal(sentence.first_word, reply) || (s > 0 && deny_after_proposal(sentences[s - 1].first_word, sentences[s - 1].end_word)))
      trigger_[static_cast<std::size_t>(reply)] = true;
  }
  // "The pre-commit hooks that I proposed were rejected": the verdict is on the subject that holds
  // the proposal.
  for (int i = 2; i + 2 < n; ++i) {
    if (!kProposing.count(w(i)) || !kPeople.count(w(i - 1)) || (w(i - 2) != "that" && w(i - 2) != "which")) continue;
    if (w(i + 1) != "was" && w(i + 1) != "were" && w(i + 1) != "got") continue;
    const bool down = (w(i + 2) == "turned" || w(i + 2) == "shot") && w(i + 3) == "down";
    if (!down && !verdicts.count(w(i + 2))) continue;
    negate_clause_before(text, i - 2);
    for (int k = i - 2; k <= i; ++k) negated_[static_cast<std::size_t>(k)] = true;
    trigger_[static_cast<std::size_t>(i) + 2] = true;
  }
  for (int i = 0; i < n; ++i) {
    if (!opens_clause(i)) continue;
    const int length = verdict_at(i);
    if (length == 0) continue;
    const auto& sentence = sentences[static_cast<std::size_t>(words[static_cast<std::size_t>(i)].sentence)];
    bool denied = false;
    if (i > sentence.first_word) {
      // In the same sentence: "cert-manager discussed, blocked by PKI".
      denied = deny_proposal(sentence.first_word, i);
      // "cert-manager discussed": a bare participle after the thing proposed.
      if (!denied)
        for (int k = sentence.first_word + 1; k < i && !denied; ++k)
          if (w(k) == "discussed" || w(k) == "proposed" || w(k) == "planned" || w(k) == "suggested") {
            for (int j = sentence.first_word; j < k; ++j) negated_[static_cast<std::size_t>(j)] = true;
            denied = true;
          }
      // "GSLB bought in 2021, never configured.": a thing had and never put to use.
      // ("Retrospectives we held, but a follow-up on the actions has, I think, never happened": the
      // verdict is on what follows the turn.)
      if (!denied && (w(i) == "never" || w(i) == "not")) {
        int from = sentence.first_word;
        for (int k = sentence.first_word; k < i; ++k)
          if (w(k) == "but" || w(k) == "however" || w(k) == "although" || w(k) == "though" || w(k) == "whereas") from = k + 1;
        for (int k = from; k < i; ++k) negated_[static_cast<std::size_t>(k)] = true;
        denied = true;
      }
    } else if (words[static_cast<std::size_t>(i)].sentence > 0) {
      // The sentence before: "I suggested expand/contract. Rejected."
      const auto& before = sentences[static_cast<std::size_t>(words[static_cast<std::size_t>(i)].sentence) - 1];
      denied = deny_proposal(before.first_word, before.end_word);
      // "Mutual TLS was on every diagram the architect drew. Never actually configured.": a verdict
      // with no subject of its own, after a sentence with no proposal, is on that sentence's
      // first clause.
      if (!denied && (w(i) == "never" || w(i) == "not") && ends_clause(text, i + length - 1)) {
        for (int k = before.first_word; k < before.end_word && (k == before.first_word || !ends_clause(text, k - 1)); ++k)
          negated_[static_cast<std::size_t>(k)] = true;
        denied = true;
      }
    }
    if (denied)
      for (int k = i; k < i + length; ++k) trigger_[static_cast<std::size_t>(k)] = true;
    i += length - 1;
  }
}

// A label denied after its colon: "Traffic switch: there isn't one really.", "Rollback plan: none.",
// "Alerting: nothing." The colon ends the scope of an ordinary negation, so the denial of the
// label is read here. So is a thing asked about and denied in the reply: "Connection pooling? Not
// on that service.", "Runbook? Ha, no.", "Did we have query timeouts? We did not."
void NegationScope::negate_labels_denied(const AnswerText& text) {
  const auto& words = text.words();
  const auto& sentences = text.sentences();
  const int n = static_cast<int>(words.size());
  const std::string_view raw = text.text();
  auto w = [&](int i) { return word_at(words, i); };
  // A denial that opens a reply: "No.", "Nope", "Not on that service", "Never", "None", "Nobody
  // owned it", "Zero", "We did not", "There wasn't one". Not "not only", "no doubt".
  const auto denial_opens = [&](int k) {
    while (k < n && (kFillers.count(w(k)) || (w(k) == "of" && w(k + 1) == "course") || (w(k) == "course" && w(k - 1) == "of"))) ++k;
    const std::string_view d = w(k);
    // "Got no such thing lah", "Don't have."
    if ((d == "got" && (w(k + 1) == "no" || w(k + 1) == "none")) || ((d == "don't" || d == "didn't") && (w(k + 1) == "have" || w(k + 1) == "got")))
      return true;
    if (d == "no" || d == "nope" || d == "nah" || d == "never" || d == "none" || d == "nobody" || d == "zero" || d == "nothing")
      return w(k + 1) != "doubt" && w(k + 1) != "matter" && w(k + 1) != "problem" && !(d == "nothing" && (w(k + 1) == "but" || w(k + 1) == "else"));
    if (d == "not") return w(k + 1) != "only" && w(k + 1) != "just" && w(k + 1) != "bad";
    if (d == "we" || d == "i" || d == "there") {
      const std::string_view v = w(k + 1);
      // "Smoke tests after deploy? We meant to."
      if ((v == "meant" || v == "intended" || v == "planned" || v == "wanted") && w(k + 2) == "to" &&
          (k + 3 >= n || words[static_cast<std::size_t>(k + 3)].sentence != words[static_cast<std::size_t>(k)].sentence || w(k + 3) == "for"))
        return true;
      return is_contracted_negation(v) || ((kBe.count(v) || v == "did" || v == "had" || v == "do") && (w(k + 2) == "not" || w(k + 2) == "never" || w(k + 2) == "none" || w(k + 2) == "no" || w(k + 2) == "zero"));
    }
    return false;
  };
  // A reply that grants the thing asked about: "Yes, five seconds", "Aye, six of us", "Of course",
  // "Got, but nobody tested it", "Every time", "PgBouncer, in front of every service" (a name), or
  // a subject that had it or did it ("We had one", "It was in the pipeline", "Well, that one we
  // built in March").
  const auto affirmation_opens = [&](int k) {
    static const WordSet granting = {"yes", "yeah", "yep", "yup", "aye", "ja", "absolutely", "definitely", "certainly", "always",
                                     "every", "each"};
    static const WordSet having = {"had", "have", "has", "did", "do", "does", "was", "were", "is", "are"};
    while (k < n && (kFillers.count(w(k)) || w(k) == "and") && !granting.count(w(k))) ++k;
    if (k >= n) return false;
    const std::string_view d = w(k);
    // ("Ja, please" is a scoff; "every year we said we'd do it" is talk.)
    if (d == "every" || d == "each" || d == "always") return ends_clause(text, k + 1) || ends_clause(text, k + 2);
    if (granting.count(d) || (d == "of" && w(k + 1) == "course")) return w(k + 1) != "no" && w(k + 1) != "please";
    if (d == "got") return w(k + 1) != "no" && w(k + 1) != "none";
    // A name: a capital inside the word ("PgBouncer", "OpenTelemetry") or an acronym ("ACME").
    const std::size_t begin = words[static_cast<std::size_t>(k)].begin, end = words[static_cast<std::size_t>(k)].end;
    if (end - begin > 1 && std::any_of(raw.begin() + static_cast<std::ptrdiff_t>(begin) + 1, raw.begin() + static_cast<std::ptrdiff_t>(end),
                                       [](char c) { return c >= 'A' && c <= 'Z'; }))
      return true;
    if (d != "we" && d != "i" && d != "they" && d != "there" && d != "it" && d != "that" && d != "this") return false;
    int v = k + 1;
    if (w(v) == "one" && (d == "that" || d == "this")) v += (w(v + 1) == "we" || w(v + 1) == "i" || w(v + 1) == "they") ? 2 : 1;
    if (is_contracted_negation(w(v)) || (!having.count(w(v)) && !is_past_action(w(v))) || kTalk.count(w(v)) || kProposing.count(w(v)))
      return false;
    // "It was in the pipeline", "There was one", not "It was a little difficult for us", "That was the
    // question in our retro": being is granting only where the thing was.
    if (kBe.count(w(v)) && !(d == "there" && (w(v + 1) == "one" || w(v + 1) == "some")) && w(v + 1) != "in" && w(v + 1) != "on" &&
        w(v + 1) != "there" && w(v + 1) != "live" && w(v + 1) != "running" && w(v + 1) != "part")
      return false;
    const std::string_view after = w(v + 1);
    return after != "not" && after != "no" && after != "never" && after != "none" && after != "zero" && after != "nothing";
  };
  for (std::size_t s = 0; s + 1 < sentences.size(); ++s) {
    const auto& asked = sentences[s];
    // A yes/no question opens with its verb ("Did we go through the access logs for what the key
    // did while it was public? Not really."), which lets it run longer than a bare label.
    static const WordSet yes_no = {"did", "do", "does", "was", "were", "is", "are", "had", "have", "has", "any"};
    const int longest = yes_no.count(w(asked.first_word)) ? 24 : 12;
    if (asked.size() == 0 || asked.size() > longest) continue;
    const auto& last = words[static_cast<std::size_t>(asked.end_word) - 1];
    const auto gap = raw.substr(last.end, words[static_cast<std::size_t>(asked.end_word)].begin - last.end);
    if (gap.find('?') == std::string_view::npos) continue;
    // "Why did it fail? No index." answers a question with a finding, not a denial of it.
    const std::string_view opener = w(asked.first_word);
    if (opener == "why" || opener == "what" || opener == "how" || opener == "who" || opener == "when" || opener == "where") continue;
    // A thing asked about and then answered is denied unless the answer grants it: a speaker who
    // asks "Runbook?" of their own story has an answer of the other kind to give ("Ha, no", "Self-
    // approved in the tool", "Wiki page title exist, inside is empty"). Not a question quoted
    // (kept asking "why?"), one that weighs options ("Is it all 24 partitions or only 2?"), a
    // "you know what?", or one met by another question or an "if".
    // "Log retention policy, what policy?": a scornful echo denies it, whatever follows.
    bool echoed = false;
    for (int k = asked.first_word + 1; k + 1 < asked.end_word && !echoed; ++k)
      for (int j = asked.first_word; j < k && w(k) == "what" && !echoed; ++j) echoed = w(j) == w(k + 1);
    const bool denied = echoed || denial_opens(sentences[s + 1].first_word);
    if (!denied) {
      bool weighs_options = false;
      for (int k = asked.first_word; k < asked.end_word && !weighs_options; ++k) weighs_options = w(k) == "or" && w(k + 1) != "not";
      const auto& reply = sentences[s + 1];
      const auto reply_end = reply.end_word < n ? words[static_cast<std::size_t>(reply.end_word)].begin : raw.size();
      const auto reply_gap = raw.substr(words[static_cast<std::size_t>(reply.end_word) - 1].end,
                                        reply_end - words[static_cast<std::size_t>(reply.end_word) - 1].end);
      // (A quoted question's closing quote stands right after its mark: "why?" but not ? "Never".)
      const auto after_mark = gap.substr(gap.find('?') + 1);
      const bool quoted = after_mark.starts_with('"') || after_mark.starts_with('\'') || after_mark.starts_with("\u201D");
      if (weighs_options || quoted ||
          w(asked.end_word - 1) == "what" || reply_gap.find('?') != std::string_view::npos || w(reply.first_word) == "if" ||
          affirmation_opens(reply.first_word))
        continue;
    }
    for (int k = asked.first_word; k < asked.end_word; ++k) negated_[static_cast<std::size_t>(k)] = true;
    trigger_[static_cast<std::size_t>(sentences[s + 1].first_word)] = true;
  }
  // A topic and a comment that denies it with no object of its own: "Index on the orders table,
  // nobody thought about it.", "Dead letter queue, at that time the setup did not have.", "Cost
  // alerts on AWS, nobody set." The topic is a short phrase with no subject of its own; the
  // comment's denial is followed by nothing but a verb of making or having and a pronoun.
  // ("Circuit breaker, it never tripped": a denial of what the thing did, not of the thing.)
  // ("The backend team adopted tracing, but the mobile team didn't": a clause with a verb of its
  // own, and a contrast after it, is no topic.)
  const auto topic_denied = [&](int first, int comment) {
    if (comment - first > 6 || kTurns.count(w(comment))) return false;
    for (int j = first; j < comment; ++j)
      if (kSubjects.count(w(j)) || kBe.count(w(j)) || is_trigger(j) || (j > first && is_past_action(w(j)))) return false;
    for (int t = comment; t < comment + 8 && t < n && in_one_clause(text, comment, t); ++t) {
      // "Staging environment, the company said too expensive.": the topic dismissed by someone.
      if ((w(t) == "say" || w(t) == "says" || w(t) == "said") && w(t + 1) == "too" &&
          (w(t + 2) == "expensive" || w(t + 2) == "slow" || w(t + 2) == "complex" || w(t + 2) == "complicated" || w(t + 2) == "risky" ||
           w(t + 2) == "costly" || w(t + 2) == "much" || w(t + 2) == "early"))
        return true;
      if (!is_trigger(t)) continue;
      int k = t + 1;
      while (k < n && in_one_clause(text, t, k) && kHedges.count(w(k)) && w(k) != "to") ++k;
      if (k >= n || !in_one_clause(text, t, k)) return w(t) != "not" || w(t - 1) != "is";
      // "The hit ratio, I cannot tell you.", "Consumer lag per partition, no idea.": not known,
      // so never measured or looked at.
      const int after_tell = (w(k) == "tell" || w(k) == "say") && w(k + 1) == "you" ? k + 2 : -1;
      if ((after_tell > 0 && (after_tell >= n || !in_one_clause(text, t, after_tell))) ||
          (w(t) == "no" && w(k) == "idea" && (k + 1 >= n || !in_one_clause(text, t, k + 1))))
        return true;
      if (!kMaking.count(w(k)) && w(k) != "think" && w(k) != "thought") return false;
      ++k;
      if (w(k) == "about" || w(k) == "up" || w(k) == "on") ++k;
      if (kPronouns.count(w(k))) ++k;
      return k >= n || !in_one_clause(text, t, k);
    }
    return false;
  };
  for (int i = 1; i < n; ++i) {
    const auto& word = words[static_cast<std::size_t>(i)];
    const auto& previous = words[static_cast<std::size_t>(i) - 1];
    if (previous.sentence != word.sentence) continue;
    const auto gap = raw.substr(previous.end, word.begin - previous.end);
    // Whether a clause mark or the sentence's end follows word `k`.
    const bool colon = gap.find(':') != std::string_view::npos;
    // "Integration tests, we had zero.", "Inbox triage - nobody's job.", "Cache warming after the
    // deploys, no.": after a comma or a dash the label must open its sentence, and the denial be
    // one that stands alone (a comma before "not" or "nobody" is as often a contrast: "canaries,
    // not blue-green", "with the runbook in place, nobody had to wake me").
    const bool comma_or_dash = gap.find(',') != std::string_view::npos || gap.find("\u2014") != std::string_view::npos ||
                               gap.find("\u2013") != std::string_view::npos || gap.find(" - ") != std::string_view::npos ||
                               gap.find("--") != std::string_view::npos;
    if (!colon && !comma_or_dash) continue;
    // (A semicolon starts a part with a label of its own: "Liveness probes we had; readiness probes
    // that checked the database, no.")
    const int first = part_start(text, sentences[static_cast<std::size_t>(word.sentence)].first_word, i, false);
    bool label_opens = true;
    for (int j = first; j + 1 < i && label_opens; ++j) label_opens = !ends_clause(text, j);
    // The denial: "none", "nothing", "no", "zero", "n/a", "there isn't one|any", "we don't have one".
    int k = i;
    if (w(k) == "there" || w(k) == "we" || w(k) == "i") ++k;
    // "Remaining-quota headers: we never quite got round to them."
    const bool never_got_round = (w(k) == "never" || is_contracted_negation(w(k))) &&
                                 ((w(k + 1) == "quite" ? w(k + 2) : w(k + 1)) == "got" || (w(k + 1) == "quite" ? w(k + 2) : w(k + 1)) == "get") &&
                                 (w(k + 2) == "round" || w(k + 2) == "around" || w(k + 3) == "round" || w(k + 3) == "around");
    const bool pronoun_denied = never_got_round || (is_contracted_negation(w(k)) && (w(k + 1) == "one" || w(k + 1) == "any" ||
                                                                  ((w(k + 1) == "have" || w(k + 1) == "had") && (w(k + 2) == "one" || w(k + 2) == "any")))) ||
                                ((w(k) == "never" || w(k) == "not") && (w(k + 1) == "had" || w(k + 1) == "really")) ||
                                // "there was none", "there was not one", "we had zero", "we had none"
                                (k == i + 1 && (kBe.count(w(k)) || w(k) == "had" || w(k) == "have") &&
                                 ((w(k + 1) == "none" || w(k + 1) == "zero" || w(k + 1) == "nothing") ||
                                  (w(k + 1) == "not" && (w(k + 2) == "one" || w(k + 2) == "any"))));
    // "Feature flag cleanup: never.", "Verification of the backups: not a thing.", "Postmortem, not
    // as such.", "Test coverage, roughly zero.", "Inbox triage: nobody's job."
    // (A Singapore "lah" may close it: "Cost alerts, don't have lah.")
    const auto ends_after = [&](int j) { return ends_clause(text, j) || ((w(j + 1) == "lah" || w(j + 1) == "la") && ends_clause(text, j + 1)); };
    const bool alone = ((w(k) == "never" || w(k) == "none" || w(k) == "zero" || w(k) == "no" || w(k) == "nope" || w(k) == "nah" ||
                         w(k) == "nothing") && ends_after(k)) ||
                       ((w(k) == "don't" || w(k) == "didn't" || w(k) == "never") && (w(k + 1) == "have" || w(k + 1) == "had") && ends_after(k + 1));
    // ("The follow-the-sun rotation we asked for, not so much.", "The refactoring happened; the
    // tests, not really.": said so, the label may follow another clause.)
    const bool not_really = k == i && w(k) == "not" && ((w(k + 1) == "so" && w(k + 2) == "much" && ends_after(k + 2)) ||
                                                        ((w(k + 1) == "really" || w(k + 1) == "much" || w(k + 1) == "quite") && ends_after(k + 1)));
    if (!colon && !label_opens && !not_really) continue;
    const bool not_a_thing = not_really || (w(k) == "not" && ((w(k + 1) == "a" && w(k + 2) == "thing") || (w(k + 1) == "as" && w(k + 2) == "such") ||
                                                              (w(k + 1) == "at" && w(k + 2) == "all")));
    const bool roughly_zero = (w(k) == "roughly" || w(k) == "basically" || w(k) == "practically" || w(k) == "effectively" ||
                               w(k) == "essentially" || w(k) == "about") && (w(k + 1) == "zero" || w(k + 1) == "none" || w(k + 1) == "nothing");
    const bool nobodys_job = (w(k) == "nobody's" || (w(k) == "no" && w(k + 1) == "one's")) && (w(k + 1) == "job" || w(k + 2) == "job");
    const bool bare = k == i && (w(k) == "none" || w(k) == "nothing" || w(k) == "nope" || w(k) == "nah" || (w(k) == "n" && w(k + 1) == "a") ||
                                 // "Jitter on TTLs: not applicable", "Retries: not yet"
                                 (w(k) == "not" && (w(k + 1) == "applicable" || w(k + 1) == "needed" || w(k + 1) == "relevant" ||
                                                    w(k + 1) == "done" || w(k + 1) == "yet" || w(k + 1) == "really")) ||
                                 ((w(k) == "no" || w(k) == "zero") && (k + 1 >= n || words[static_cast<std::size_t>(k) + 1].sentence != word.sentence)));
    const bool stands_alone = (k == i && (alone || not_a_thing || roughly_zero || nobodys_job)) || (k == i + 1 && pronoun_denied);
    if (colon ? !pronoun_denied && !bare && !stands_alone : !stands_alone && !topic_denied(first, i)) continue;
    // The label: the words of the sentence before the colon, back to the previous clause mark.
    for (int j = i - 1; j >= first; --j) {
      negated_[static_cast<std::size_t>(j)] = true;
      if (j > first) {
        const auto mark = raw.substr(words[static_cast<std::size_t>(j) - 1].end, words[static_cast<std::size_t>(j)].begin - words[static_cast<std::size_t>(j) - 1].end);
        if (mark.find_first_of(",;:()") != std::string_view::npos) break;
      }
    }
    trigger_[static_cast<std::size_t>(i)] = true;
  }
}

// The thing a pronoun (or a denial standing for one) at word `trigger` stands for was named before
// it, earlier in the sentence ("the automatic rollback was in the docs, we talked about it, never
// configured it") or, when the denial opens its sentence or follows only an opening adverbial
// ("Until I left, still nobody wrote it"), in the one before: those words are denied.
void NegationScope::negate_referent_of(const AnswerText& text, int trigger) {
  static const WordSet openers = {"until", "after", "before", "when", "since", "by", "then", "so", "also", "still", "in", "for",
                                  "later", "eventually", "ultimately", "sadly", "unfortunately", "honestly"};
  const auto& words = text.words();
  const int sentence = words[static_cast<std::size_t>(trigger)].sentence;
  int first = trigger;
  while (first > 0 && words[static_cast<std::size_t>(first) - 1].sentence == sentence) --first;
  // "The backups, we had them; a restore drill, nobody had ever done one": a part of the sentence
  // after a semicolon has a topic of its own, unless it is only the denial ("...; we never did it").
  const int sentence_first = first;
  first = part_start(text, first, trigger, false);
  // (An opening "but" or "and" brings a topic of its own: "But a lag alert, we don't have it".)
  bool marked = false;
  for (int k = first; k + 1 < trigger && !marked; ++k) marked = ends_clause(text, k);
  const bool opening_adverbial = openers.count(words[static_cast<std::size_t>(first)].text) > 0 && trigger - first <= 8 && marked;
  // "The scan would have found it. We did not have it in the pipeline.": only a subject and its
  // auxiliary stand before the denial.
  // ("I think it is still in someone's drafts": a belief of the speaker's is no subject either.)
  static const WordSet subject_and_auxiliary = {"we", "i", "they", "he", "she", "you", "it", "did", "do", "does", "had", "have", "has",
                                                "could", "would", "also", "still", "really", "just", "actually", "simply",
                                                "think", "guess", "believe", "suppose", "is", "was", "are", "were"};
  // ("Chale, that one was a dream.": a filler and the pronoun itself are no subject of their own.)
  int own = first;
  while (own < trigger && kFillers.count(words[static_cast<std::size_t>(own)].text)) ++own;
  bool bare_subject = trigger - own <= 3;
  for (int k = own; k < trigger && bare_subject; ++k) {
    const std::string& word = words[static_cast<std::size_t>(k)].text;
    bare_subject = subject_and_auxiliary.count(word) > 0 || ((word == "that" || word == "this") && k + 1 == trigger);
  }
  if ((trigger - first < 2 || bare_subject) && first > sentence_first)
    first = sentence_first;
  else if (trigger - first < 2 || opening_adverbial || bare_subject)
    while (first > 0 && words[static_cast<std::size_t>(first) - 1].sentence >= sentence - 1) --first;
  for (int k = std::max(first, trigger - kReferentWords); k < trigger; ++k) negated_[static_cast<std::size_t>(k)] = true;
}

// Negates back from a verdict to the start of its clause, over a subject that may hold "while",
// "instead of" or "to" ("Serving stale data while refreshing got vetoed"): only a clause mark, a
// turn ("but", "so", "because", "and", "which") or another subject ends it, within kSubjectWords.
void NegationScope::negate_clause_before(const AnswerText& text, int word, bool over_and) {
  const auto& words = text.words();
  // "The savings plan, which I had argued for, did not get past finance": the subject stands
  // before a comment set off by commas.
  const int end = subject_end(text, word);
  for (int k = end; k >= 0 && k > end - kSubjectWords; --k) {
    if (words[static_cast<std::size_t>(k)].sentence != words[static_cast<std::size_t>(word)].sentence) break;
    if (k < end && ends_clause(text, k)) break;
    const std::string_view w = words[static_cast<std::size_t>(k)].text;
    if (kSubjects.count(w)) {
      // "The dashboard I promised was never built": the pronoun is a relative clause's subject.
      const int noun = relative_antecedent(text, k, word);
      if (noun < 0) break;
      k = noun + 1;
      continue;
    }
    if (w == "but" || w == "so" || w == "because" || (w == "and" && !over_and) || w == "which") break;
    negated_[static_cast<std::size_t>(k)] = true;
  }
}

// "Looking back, I'd add a canary", "next time we would page on symptoms", "I'd push for keyset
// pagination now; we just didn't do it then": what one would do in hindsight was not done. In a
// sentence that looks back (a hindsight phrase, or a denial of "then" or "at the time"), the
// words after "I'd", "I would", "we'd" or "we would" are negated up to the end of their clause.
// Without such a phrase "I'd use a saga" is how the answer would do it, and stands.
void NegationScope::negate_hindsight(const AnswerText& text) {
  static const std::unordered_set<std::string_view> modals = {"i'd", "we'd", "would"};
  const auto& words = text.words();
  auto w = [&](int i) { return word_at(words, i); };
  auto sentence_has = [&](const Sentence& sentence, std::string_view wanted) {
    for (int k = sentence.first_word; k < sentence.end_word; ++k)
      if (w(k) == wanted) return true;
    return false;
  };
  // A negation among the few words before word `i` ("we just didn't do it then").
  auto trigger_before = [&](int i, int first) {
    for (int k = std::max(first, i - 5); k < i; ++k)
      if (is_trigger(k)) return true;
    return false;
  };
  for (const auto& sentence : text.sentences()) {
    bool hindsight = false;
    for (int i = sentence.first_word; i < sentence.end_word; ++i) {
      const std::string_view word = w(i);
      if ((word == "next" && w(i + 1) == "time") || (word == "in" && (w(i + 1) == "hindsight" || w(i + 1) == "retrospect")) ||
          (word == "looking" && w(i + 1) == "back") || (word == "if" && (w(i + 1) == "i" || w(i + 1) == "we") && (w(i + 2) == "did" || w(i + 2) == "had")) ||
          ((word == "then" || (word == "the" && w(i + 1) == "time" && w(i - 1) == "at")) && trigger_before(i, sentence.first_word)) ||
          // "if I was doing that project again", "if I could go back", "given another go"
          (word == "if" && (w(i + 1) == "i" || w(i + 1) == "we") && sentence_has(sentence, "again")) ||
          (word == "go" && w(i + 1) == "back" && (w(i - 1) == "could" || w(i - 1) == "can")) ||
          (word == "another" && (w(i + 1) == "go" || w(i + 1) == "chance" || w(i + 1) == "shot")) ||
          // "if I were designing it fresh", "were I to do it again", "what I'd do differently"
          ((word == "if" && (w(i + 1) == "i" || w(i + 1) == "we") && w(i + 2) == "were") ||
           (word == "were" && (w(i + 1) == "i" || w(i + 1) == "we") && w(i + 2) == "to") || word == "differently") ||
          (word == "hindsight" || word == "retrospect"))
        hindsight = true;
    }
    if (!hindsight) continue;
    // "Next time I talk to the person first, with a benchmark": the plan, said in the present.
    for (int i = sentence.first_word; i + 3 < sentence.end_word; ++i) {
      if (w(i) != "next" || w(i + 1) != "time" || (w(i + 2) != "i" && w(i + 2) != "we")) continue;
      const std::string_view verb = w(i + 3);
      if (is_past_action(verb) || kBe.count(verb) || verb == "had" || verb == "came" || verb == "happened") continue;
      for (int k = i + 3; k < sentence.end_word && k <= i + 3 + kHindsightWords; ++k) {
        if (k > i + 3 && (kTurns.count(w(k)) || kSubjects.count(w(k)))) break;
        negated_[static_cast<std::size_t>(k)] = true;
      }
    }
    // "Next time, a circuit breaker in front of the shipping API.": what one would have, named
    // after a comma or colon, to the end of its clause.
    for (int i = sentence.first_word; i + 2 < sentence.end_word; ++i) {
      if (w(i) != "next" || w(i + 1) != "time" || in_one_clause(text, i + 1, i + 2)) continue;
      if (!kDeterminers.count(w(i + 2)) && w(i + 2) != "proper" && w(i + 2) != "some") continue;
      for (int k = i + 2; k < sentence.end_word && k <= i + 2 + kHindsightWords && (k == i + 2 || in_one_clause(text, k - 1, k)); ++k)
        negated_[static_cast<std::size_t>(k)] = true;
    }
    // What one would do is often a list ("I'd add the column nullable, backfill in batches and
    // add the constraint afterwards"), so the scope runs over commas; it ends where the sentence
    // turns ("but", "because") or another subject says what did happen ("and we did add one").
    for (int i = sentence.first_word; i < sentence.end_word; ++i) {
      if (!modals.count(w(i)) || (w(i) == "would" && w(i - 1) != "i" && w(i - 1) != "we")) continue;
      for (int k = i + 1; k < sentence.end_word && k <= i + kHindsightWords; ++k) {
        const bool another_modal = modals.count(w(k)) || w(k + 1) == "would";
        if (k > i + 1 && (kTurns.count(w(k)) || (kSubjects.count(w(k)) && !another_modal))) break;
        negated_[static_cast<std::size_t>(k)] = true;
      }
    }
  }
}

// Plans that stayed plans, told without a negation: put off ("Rate limiting was phase 2", "the
// postmortem kept getting bumped", "load testing slid into the sprint after launch"), dismissed
// ("a secrets manager was overkill", "was deemed over-engineering"), only wished for ("I'd love
// to tell you we had tracing", "we dreamed about staged rollouts"), scheduled and never held
// ("we were gonna shard the users table", "there was meant to be a rollback script"), kept only
// on paper ("the freeze existed only in the email"), or a list disowned at once ("Code owners,
// branch protection, none of that existed", "runbook, alert routing: all in progress").
void NegationScope::negate_plans_put_off(const AnswerText& text) {
  const auto& words = text.words();
  const int n = static_cast<int>(words.size());
  auto w = [&](int i) { return word_at(words, i); };
  auto mark = [&](int i) { trigger_[static_cast<std::size_t>(i)] = true; };
  auto same_clause = [&](int a, int b) { return in_one_clause(text, a, b); };
  // The thing a verdict at word `i` is on: what a pronoun before it stands for, else the clause before.
  auto deny_subject = [&](int i) {
    mark(i);
    if (kPronouns.count(w(i - 1)) && w(i - 1) != "one") {
      negate_referent_of(text, i - 1);
    } else {
      // "A latency gate was proposed and is still under consideration": after "and", the verdict
      // shares the subject of the clause before.
      negate_clause_before(text, w(i - 1) == "and" ? i - 1 : i, w(i - 1) == "and");
    }
  };
  // Negates words from `from` to the end of the clause's thought: up to a turn ("but", "so",
  // "because") or the sentence's end, at most kHindsightWords.
  auto deny_rest = [&](int from) {
    const int sentence = from < n ? words[static_cast<std::size_t>(from)].sentence : -1;
    for (int k = from; k < n && k < from + kHindsightWords && words[static_cast<std::size_t>(k)].sentence == sentence; ++k) {
      if (kTurns.count(w(k))) break;
      negated_[static_cast<std::size_t>(k)] = true;
    }
  };
  // Whether the sentence goes on to say the promise or request from word `from` was kept: "and we
  // did", "and wrote it that night" (before it turns: "..., but nobody called it, and we spent
  // boxing day fixing it").
  auto promise_kept = [&](int from) {
    for (int k = from; k < n && words[static_cast<std::size_t>(k)].sentence == words[static_cast<std::size_t>(from)].sentence; ++k)
      if (w(k) == "but" || w(k) == "so" || w(k) == "because" || w(k) == "though" || w(k) == "although")
        return false;
      else if ((w(k) == "and" || w(k) == "which") &&
          (w(k + 1) == "did" || is_past_action(w(k + 1)) ||
           ((w(k + 1) == "we" || w(k + 1) == "i") && (w(k + 2) == "did" || w(k + 2) == "have" || is_past_action(w(k + 2))))))
        return true;
    return false;
  };
  // "twice", "three times", "again and again": a thing scheduled this often was never held.
  const auto repeatedly = [&](int k) {
    static const WordSet counts = {"two", "three", "four", "five", "six", "seven", "several", "many", "multiple", "numerous", "countless"};
    return w(k) == "twice" || w(k) == "repeatedly" || (w(k) == "again" && w(k + 1) == "and" && w(k + 2) == "again") ||
           (w(k + 1) == "times" && (counts.count(w(k)) || is_quantity(w(k))));
  };
  const auto sentence_start = [&](int k) {
    return text.sentences()[static_cast<std::size_t>(words[static_cast<std::size_t>(k)].sentence)].first_word;
  };
  // A later that is no date: "phase two", "v2", "a later phase", "the next release".
  const auto later_on = [&](int k) {
    if (kDeterminers.count(w(k))) ++k;
    return (w(k) == "phase" && (w(k + 1) == "two" || w(k + 1) == "2" || w(k + 1) == "ii")) || w(k) == "v2" || w(k) == "later" ||
           (w(k) == "version" && (w(k + 1) == "two" || w(k + 1) == "2")) ||
           ((w(k) == "next" || w(k) == "later") && (w(k + 1) == "phase" || w(k + 1) == "release" || w(k + 1) == "version" || w(k + 1) == "iteration"));
  };
  for (int i = 0; i < n; ++i) {
    const std::string_view word = w(i);
    // Left for later: "The exponential backoff was something we had left for phase two", "that
    // part we leave for phase two", "we left cache warming for v2".
    if ((word == "left" || word == "leave" || word == "leaving") && (kSubjects.count(w(i - 1)) || kSubjects.count(w(i - 2)))) {
      int joint = i + 1;
      while (joint < n && joint <= i + 6 && w(joint) != "for" && w(joint) != "until" && w(joint) != "till" && same_clause(i, joint)) ++joint;
      if ((w(joint) == "for" || w(joint) == "until" || w(joint) == "till") && later_on(joint + 1) &&
          !said_taken_up(text, negated_, trigger_, joint + 2)) {
        mark(i);
        if (joint == i + 2 && kPronouns.count(w(i + 1)) && w(i + 1) != "one") {
          negate_referent_of(text, i + 1);  // "..., but we left it for phase two"
        } else if (joint > i + 1) {
          for (int k = i + 1; k < joint; ++k) negated_[static_cast<std::size_t>(k)] = true;
        } else {
          // What stands before the subject, back to the start of its part of the sentence, over
          // commas: "The cache invalidation on price change, that part we leave for phase two".
          const int subject = kSubjects.count(w(i - 1)) ? i - 1 : i - 2;
          const int first = part_start(text, sentence_start(subject), subject, false);
          bool other_subject = false;
          for (int k = first; k < subject; ++k) other_subject = other_subject || kSubjects.count(w(k)) > 0;
          if (other_subject) negate_clause_before(text, subject);
          else
            for (int k = first; k < subject; ++k) negated_[static_cast<std::size_t>(k)] = true;
        }
        continue;
      }
    }
    // Scheduled again and again: "The retrospective was scheduled three times.", "the game day was
    // rescheduled four times", "was three times scheduled", "we booked it twice". A thing that took
    // place is not counted in schedulings, unless the answer goes on to say it did ("... and it
    // finally happened in May").
    if (word == "scheduled" || word == "rescheduled" || word == "booked" || word == "rebooked") {
      const int count_before = w(i - 1) == "times" ? i - 2 : i - 1;
      const bool count_after = repeatedly(i + 1) || (kPronouns.count(w(i + 1)) && repeatedly(i + 2));
      const int aux = count_after ? i - 1 : count_before - 1;
      if ((count_after || repeatedly(count_before)) && !said_taken_up(text, negated_, trigger_, i + 1)) {
        if (kPronouns.count(w(i + 1)) && w(i + 1) != "one") {
          // "Restore drill? We booked it twice.": what "it" stands for was named before the subject.
          mark(i);
          negate_referent_of(text, i - 1);
        } else if (kBe.count(w(aux)) || w(aux) == "got" || w(aux) == "been") {
          deny_subject(aux);
        }
      }
    }
    // Only promised: "we said we'd add secret scanning after", "I promised to write the runbook".
    // ("We said we'd fix it and we did", "I promised to write it and wrote it that night" kept
    // the promise.)
    {
      int verb = -1;
      const bool saying = word == "said" || word == "promised" || word == "saying" || word == "promising";
      if (saying && (w(i + 1) == "we'd" || w(i + 1) == "i'd" || w(i + 1) == "they'd")) verb = i + 2;
      else if (saying && (w(i + 1) == "we" || w(i + 1) == "i" || w(i + 1) == "they") && w(i + 2) == "would") verb = i + 3;
      else if ((word == "promised" || word == "promising") && w(i + 1) == "to") verb = i + 2;
      // ("we always said we'd", "they always promised to")
      const int speaker = w(i - 1) == "always" ? i - 2 : i - 1;
      if (verb > 0 && (kSubjects.count(w(speaker)) || kPeople.count(w(speaker)) || w(speaker) == "people") && !promise_kept(verb)) {
        mark(i);
        deny_rest(verb);
      }
    }
    // Put off or dismissed: "was phase 2", "was always next sprint", "was 'coming soon'", "was a
    // nice-to-have", "was more of a rumour", "was deemed over-engineering", "was too expensive".
    if (kBe.count(word) || kStaying.count(word) || word == "became") {
      int k = i + 1;
      // A comment set off by commas may stand first: "was, let's say, more of a concept".
      if (k < n && !same_clause(i, k))
        for (int j = k; j < n && j <= i + 5; ++j)
          if (!same_clause(j, j + 1 < n ? j + 1 : j)) {
            k = j + 1;
            break;
          }
      const int first = k;
      while (k < first + 5 && kPutOffHedges.count(w(k)) && !(w(k) == "a" && kPlanNouns.count(w(k + 1)))) ++k;
      if (w(k) == "a" || w(k) == "an") ++k;
      const bool put_off = kPutOff.count(w(k)) || (w(k) == "phase" && (w(k + 1) == "2" || w(k + 1) == "two" || w(k + 1) == "ii")) ||
                           (w(k) == "next" && kNextPeriods.count(w(k + 1))) || (w(k) == "coming" && w(k + 1) == "soon") ||
                           (w(k) == "in" && w(k + 1) == "progress" && k == i + 1) || kPlanNouns.count(w(k)) ||
                           ((w(k) == "nice" || w(k) == "good") && (w(k + 1) == "to" || w(k + 1) == "idea") &&
                            (w(k + 2) == "have" || w(k + 1) == "idea")) ||
                           (w(k) == "over" && (w(k + 1) == "engineering" || w(k + 1) == "engineered" || w(k + 1) == "kill")) ||
                           (w(k) == "too" && (w(k + 1) == "expensive" || w(k + 1) == "costly" || w(k + 1) == "complex" ||
                                               w(k + 1) == "complicated" || w(k + 1) == "risky" || w(k + 1) == "ambitious" ||
                                               w(k + 1) == "disruptive" || w(k + 1) == "invasive" || w(k + 1) == "painful")) ||
                           (w(k) == "not" && (w(k + 1) == "a" && (w(k + 2) == "priority" || w(k + 2) == "thing"))) ||
                           // "was considered not necessary", "was judged a bit too much work"
                           (w(k) == "not" && (w(k + 1) == "necessary" || w(k + 1) == "needed" || w(k + 1) == "worth") && k > i + 1) ||
                           (w(k) == "too" && w(k + 1) == "much" && kEffort.count(w(k + 2))) ||
                           // "was more of an idea than a practice"
                           ((w(k) == "idea" || w(k) == "concept" || w(k) == "theory") && (w(k - 2) == "more" || w(k - 3) == "more")) ||
                           // "was, like, on the list", "is still waiting", "stayed as a proposal"
                           ((w(k) == "on" || w(k) == "in") && (kPlans.count(w(k + 1)) || kPlans.count(w(k + 2)) ||
                                                              (kPlans.count(w(k + 3)) && w(k + 3) == "list"))) ||
                           (w(k) == "waiting" || w(k) == "pending") ||
                           (kStaying.count(word) && kStayedPlans.count(w(k)));
      // "the answer was always next quarter" is said of the answer: what it was the answer to is
      // the proposal before it, which the rules for proposals read.
      if (put_off && w(i - 1) != "there") deny_subject(i);
    }
    // Put off by being moved: "kept getting bumped", "kept slipping", "was moved to the next
    // sprint", "slid into the sprint after launch", "I carry it to the next quarter".
    if (word == "kept" && (kBumped.count(w(i + 1)) || ((w(i + 1) == "getting" || w(i + 1) == "being") && kBumped.count(w(i + 2))))) {
      deny_subject(i);
    }
    if (kBumped.count(word) && word != "kept") {
      int k = i + 1;
      if (kPronouns.count(w(k))) ++k;
      if (w(k) == "again" && (word == "moved" || word == "bumped" || word == "rescheduled")) {
        negate_clause_before(text, i);
        for (int j = i - 1; j >= 0 && words[static_cast<std::size_t>(j)].sentence == words[static_cast<std::size_t>(i)].sentence; --j)
          negated_[static_cast<std::size_t>(j)] = true;
        mark(i);
      } else if ((w(k) == "to" || w(k) == "into" || w(k) == "over") && (w(k + 1) == "the" || w(k + 1) == "a") &&
                 (w(k + 2) == "next" || w(k + 2) == "following" || w(k + 3) == "after" || w(k + 2) == "backlog") &&
                 !(w(k + 3) == "step" || w(k + 3) == "stage")) {
        if (kPronouns.count(w(i + 1)) || kSubjects.count(w(i - 1))) deny_subject(i + 1 == k ? i : i + 1);
        else deny_subject(i);
      }
    }
    // A subject dropped, as Singapore English does: "Distributed tracing also don't have, we only
    // had the logs."
    if ((word == "don't" || word == "doesn't" || word == "didn't") && (w(i + 1) == "have" || w(i + 1) == "got") &&
        (w(i - 1) == "also" || w(i - 1) == "still" || w(i - 1) == "really") && !kSubjects.count(w(i - 2)) && w(i - 2) != "it" &&
        (i + 2 >= n || !same_clause(i + 1, i + 2) || w(i + 2) == "lah")) {
      deny_subject(i - 1);
    }
    // Never left the drawing board: "the sharding never left the whiteboard", "it never made it
    // out of the proposal doc", "the plan got as far as a whiteboard photo", "did not get past
    // finance".
    {
      int k = i + 1;
      const bool denial = word == "never" || is_contracted_negation(word) || (word == "not" && kBe.count(w(i - 1)) == 0);
      if (denial && (w(k) == "quite" || w(k) == "really" || w(k) == "even" || w(k) == "ever")) ++k;
      const bool left = denial && ((w(k) == "left" || w(k) == "leave" || w(k) == "quit" || w(k) == "quitted") && kDeterminers.count(w(k + 1)));
      const bool got_out = denial && (w(k) == "made" || w(k) == "make" || w(k) == "got" || w(k) == "get") &&
                           ((w(k + 1) == "it" && (w(k + 2) == "out" || w(k + 2) == "past" || w(k + 2) == "beyond" || w(k + 2) == "off")) ||
                            w(k + 1) == "past" || w(k + 1) == "beyond" || (w(k + 1) == "out" && w(k + 2) == "of"));
      const bool as_far = (word == "got" || word == "went" || word == "made") && w(i + 1) == "as" && w(i + 2) == "far" && w(i + 3) == "as" &&
                          w(i - 1) != "that's" && w(i - 1) != "it";
      if (left || got_out || as_far) {
        if (kPronouns.count(w(i - 1)) || (w(i - 1) == "did" && kPronouns.count(w(i - 2)))) deny_subject(i);
        else if (w(i - 1) == "did" || w(i - 1) == "had") deny_subject(i - 1);
        else deny_subject(i);
      }
    }
    // Slipped by a period at a time: "buying reserved instances slipped a quarter at a time".
    if ((word == "slipped" || word == "slid" || word == "slipping") && (w(i + 1) == "a" || w(i + 1) == "another" || w(i + 1) == "by") &&
        (kNextPeriods.count(w(i + 2)) || kNextPeriods.count(w(i + 3)))) {
      deny_subject(i);
    }
    // Still pending, for good: "finance still thinking", "they are still looking, I think", "it's
    // still pencilled in somewhere", "we're probably still thinking about it". What is being
    // thought about is a pronoun after the verb or before "still", else the verb's object, else the
    // words before "still" in its part of the sentence ("The reserved instances I recommended,
    // finance still thinking").
    if (word == "still") {
      static const WordSet pending = {"thinking", "looking", "deciding", "considering", "evaluating", "discussing", "debating",
                                      "waiting", "pencilled", "penciled", "reviewing", "weighing", "mulling", "pondering"};
      if (pending.count(w(i + 1))) {
        const int sentence_first = text.sentences()[static_cast<std::size_t>(words[static_cast<std::size_t>(i)].sentence)].first_word;
        int pronoun = -1;
        for (int k = i + 2; k <= i + 4 && k < n && same_clause(i, k) && pronoun < 0; ++k)
          if (w(k) == "it" || w(k) == "them") pronoun = k;
        for (int k = i - 1; k >= i - 3 && k >= sentence_first && pronoun < 0; --k)
          if (w(k) == "it" || w(k) == "it's") pronoun = k;
        mark(i);
        const bool object_follows = (w(i + 2) == "about" || w(i + 2) == "of" || w(i + 2) == "over") && pronoun < 0;
        if (pronoun >= 0) {
          negate_referent_of(text, pronoun);
        } else if (object_follows) {  // "we're still thinking about the versioning strategy"
          for (int k = i + 3; k < n && same_clause(i, k); ++k) negated_[static_cast<std::size_t>(k)] = true;
        } else {
          for (int k = part_start(text, sentence_first, i, false); k < i; ++k) negated_[static_cast<std::size_t>(k)] = true;
        }
      }
    }
    // Kept only on paper: "existed only in the email", "exists in the slide deck for the auditor",
    // "lived only in Priya's head", "the idea stayed only in the Confluence page", "the slides
    // stayed in the shared drive". (Not "the data stayed in the EU".)
    if (word == "existed" || word == "exists" || word == "exist" || word == "lived" || word == "lives" ||
        (kStaying.count(word) && w(i - 1) != "data")) {
      int k = i + 1;
      if (w(k) == "only" || w(k) == "mostly" || w(k) == "just" || w(k) == "purely" || w(k) == "forever") ++k;
      if ((w(k) == "in" || w(k) == "on") && same_clause(i, k)) {
        for (int j = k + 1; j <= k + 4 && j < n && same_clause(k, j); ++j)
          if (kPaper.count(w(j)) || kOnlyPlanned.count(w(j))) {
            deny_subject(i);
            break;
          }
      }
    }
    // A document that holds only the marker of content still to be written (kUnwrittenMarkers):
    // "the runbook was a page that said '<marker>: write this'", "the threat model was a document
    // with a title and that word under it", "Most link to a wiki page that says it". The thing the
    // sentence is about was never written: its words up to the marker, or what a pronoun or
    // "most" at its start stands for.
    if (kUnwrittenMarkers.count(word) && i > 0) {
      static const WordSet holding = {"says", "said", "say", "saying", "titled", "reads", "read", "word", "words", "inside", "just",
                                      "only", "contained", "contains", "containing", "is", "was"};
      const auto gap = text.text().substr(words[static_cast<std::size_t>(i) - 1].end, words[static_cast<std::size_t>(i)].begin -
                                                                                             words[static_cast<std::size_t>(i) - 1].end);
      bool held = gap.find_first_of("\"'(:") != std::string_view::npos;
      for (int k = i - 1; k >= i - 3 && k >= 0 && !held; --k) held = holding.count(w(k)) > 0;
      const auto& sentence = text.sentences()[static_cast<std::size_t>(words[static_cast<std::size_t>(i)].sentence)];
      // (After a semicolon, the part of the sentence it opens: "We did write a design doc; the threat
      // model section held only the marker.")
      const int first = part_start(text, sentence.first_word, i, false);
      if (held && i - first >= 2) {
        mark(i);
        const std::string_view opener = w(first);
        if (kPronouns.count(opener) || opener == "most" || opener == "some" || opener == "many" || opener == "half")
          negate_referent_of(text, first);
        for (int k = first; k < i; ++k) negated_[static_cast<std::size_t>(k)] = true;
      }
    }
    // Filed away: "it was put gently into the backlog", "added to the icebox".
    if ((word == "put" || word == "parked" || word == "thrown" || word == "dumped" || word == "filed" || word == "added" ||
         word == "moved" || word == "went") &&
        w(i - 1) != "we" && w(i - 1) != "i") {
      int k = i + 1;
      if (w(k).ends_with("ly")) ++k;
      if (w(k) == "into" || w(k) == "in" || w(k) == "on" || w(k) == "to") {
        const int noun = k + (kDeterminers.count(w(k + 1)) ? 2 : 1);
        if (w(noun) == "backlog" || w(noun) == "icebox" || w(noun) == "wishlist" || w(noun) == "someday") deny_subject(i);
      }
    }
    // Still under consideration: "it remained under consideration", "is still being discussed".
    if ((kBe.count(word) || kStaying.count(word)) &&
        ((w(i + 1) == "under" || w(i + 1) == "in" || (w(i + 1) == "still" && (w(i + 2) == "under" || w(i + 2) == "in"))) &&
         (kDeliberating.count(w(i + 2)) || kDeliberating.count(w(i + 3))))) {
      deny_subject(i);
    }
    // Still to do: "we still need to add alerting", "alerting is something we still need to add".
    // (Not "we still have to restart it by hand", a chore that is done, again and again.)
    if (word == "still" && (w(i + 1) == "need" || w(i + 1) == "needs") && w(i + 2) == "to" &&
        (kSubjects.count(w(i - 1)) || w(i - 1) == "team")) {
      const int verb = i + 3;
      mark(i);
      if (verb + 1 < n && in_one_clause(text, verb, verb + 1) && !kSetting.count(w(verb + 1))) {
        deny_rest(verb + 1);
      } else {
        const int first = part_start(text, sentence_start(i - 1), i - 1, false);
        for (int k = first; k < i - 1; ++k) negated_[static_cast<std::size_t>(k)] = true;
      }
    }
    // Still unfinished, told in the present: "the runbook is still in progress", "the DR plan is
    // still being written", "the threat model is still a draft". (Not "was still in progress when
    // the outage hit": it was under way then.)
    if ((word == "is" || word == "are" || word == "remains" || word == "remain") && w(i + 1) == "still") {
      static const WordSet unfinished = {"progress", "development", "draft", "drafts", "preparation", "construction", "review"};
      static const WordSet being_made = {"written", "built", "drafted", "developed", "planned", "reviewed", "prepared", "worked"};
      const bool in_the_making = ((w(i + 2) == "in" || w(i + 2) == "under") && unfinished.count(w(i + 3))) ||
                                 (w(i + 2) == "being" && being_made.count(w(i + 3))) ||
                                 (w(i + 2) == "a" && (w(i + 3) == "draft" || w(i + 3) == "wip" || (w(i + 3) == "work" && w(i + 4) == "in")));
      if (in_the_making) deny_subject(i);
    }
    if (kBe.count(word) && w(i + 1) == "still" && w(i + 2) == "being" &&
        (w(i + 3) == "discussed" || w(i + 3) == "considered" || w(i + 3) == "evaluated" || w(i + 3) == "debated")) {
      deny_subject(i);
    }
    // Only planned: "a second region was in the architecture diagram", "blue-green was in the
    // design doc", "the load test was in the plan for three sprints". (Not "the steps were in the
    // runbook" or "in the wiki": a thing written down where work is done was there.)
    // ("Automated rollback? It was in the slides of the platform team.": what "it" stands for.)
    if (kBe.count(word) && w(i - 1) != "there") {
      int k = i + 1;
      if (w(k) == "only" || w(k) == "just" || w(k) == "there" || w(k) == "still") ++k;
      if (w(k) == "there") ++k;
      if (w(k) == "in" || w(k) == "on") {
        bool planned = false;
        for (int j = k + 1; j <= k + 4 && j < n && same_clause(k, j) && !planned; ++j)
          planned = kOnlyPlanned.count(w(j)) || (w(j) == "design" && (w(j + 1) == "doc" || w(j + 1) == "document" || w(j + 1) == "docs"));
        if (planned) deny_subject(i);
      }
    }
    // Scheduled and never held: "we were gonna shard the users table", "was supposed to use a
    // schema registry", "there was meant to be a rollback script". Not "which was meant to stop
    // it" (said of a thing that was there).
    // (Nor "it tripped exactly like it was meant to": it did what it was for.)
    const bool as_meant = (w(i - 2) == "like" || w(i - 2) == "as") && (i + 3 >= n || !same_clause(i + 2, i + 3));
    if (kBe.count(word) && (w(i + 1) == "gonna" || ((w(i + 1) == "supposed" || w(i + 1) == "meant") && w(i + 2) == "to")) &&
        w(i - 1) != "which" && w(i - 1) != "that" && w(i - 1) != "what" && w(i - 1) != "who" && !as_meant) {
      const int rest = w(i + 1) == "gonna" ? i + 2 : i + 3;
      // "The flag was meant to be temporary" says what the thing was like, not that it was missing.
      const bool describes = w(rest) == "be" && !kDeterminers.count(w(rest + 1)) && w(rest + 1) != "in" &&
                             !is_past_action(w(rest + 1)) && !kParticiples.count(w(rest + 1));
      mark(i);
      if (!kSubjects.count(w(i - 1)) && w(i - 1) != "there" && !describes) deny_subject(i);
      deny_rest(rest);
    }
    // Only wished for: "I'd love to tell you we had tracing", "I'd quite like to say we had
    // dashboards", "I wish I could say we tested it", "we dreamed about staged rollouts".
    if ((word == "love" || word == "like") && w(i + 1) == "to" &&
        (w(i + 2) == "say" || w(i + 2) == "tell" || w(i + 2) == "claim" || w(i + 2) == "report") &&
        (w(i - 1) == "i'd" || w(i - 1) == "we'd" || w(i - 1) == "would" || w(i - 2) == "i'd" || w(i - 2) == "would")) {
      mark(i);
      deny_rest(i + 3);
    }
    // "I would not say we did a postmortem", "I wouldn't call it capacity planning": disowned.
    // Not "I wouldn't call the launch a failure as such" nor "I would not say the review was a
    // success": those judge a thing that was there.
    const bool disowning = (word == "say" || word == "call" || word == "claim") &&
                           ((w(i - 1) == "not" && (w(i - 2) == "would" || w(i - 2) == "could")) || w(i - 1) == "wouldn't" ||
                            w(i - 1) == "couldn't" || w(i - 1) == "can't" || w(i - 1) == "cannot");
    if (disowning) {
      bool judged = false;
      for (int k = i + 1; k <= i + 6 && k < n && same_clause(i, k) && !judged; ++k) judged = w(k) == "as" && w(k + 1) != "such";
      for (int k = i + 2; k <= i + 8 && k < n && same_clause(i, k) && !judged; ++k) judged = kBe.count(w(k)) > 0;
      if (!judged) {
        mark(i);
        deny_rest(i + 1);
      }
    }
    // "I kept saying we needed an on-call rotation", "I keep asking for a staging database": asked
    // for again and again, so never given. So is what stands before when nothing or only "one"
    // follows: "Onboarding checklist, I keep saying we need one", "a retention policy was something
    // legal kept asking for", "the SLOs were something my manager kept bringing up".
    if ((word == "kept" || word == "keep" || word == "keeps") &&
        (w(i + 1) == "saying" || w(i + 1) == "asking" || w(i + 1) == "begging" || w(i + 1) == "pushing" || w(i + 1) == "arguing" ||
         w(i + 1) == "requesting" || w(i + 1) == "proposing" || w(i + 1) == "suggesting" ||
         (w(i + 1) == "bringing" && w(i + 2) == "up")) &&
        !promise_kept(i + 2)) {
      mark(i);
      deny_rest(i + 2);
      const auto& sentence = text.sentences()[static_cast<std::size_t>(words[static_cast<std::size_t>(i)].sentence)];
      int rest = i + 2;
      while (rest < sentence.end_word && same_clause(i, rest) && (w(rest) == "for" || w(rest) == "about" || w(rest) == "up" ||
                                                                w(rest) == "we" || w(rest) == "need" || w(rest) == "needed" ||
                                                                w(rest) == "one" || w(rest) == "it" || w(rest) == "them"))
        ++rest;
      const bool nothing_after = rest >= sentence.end_word || !same_clause(i, rest) || kSetting.count(w(rest)) || w(rest) == "and" ||
                                 w(rest) == "but";
      if (nothing_after) {
        int something = -1;
        for (int k = i - 1; k >= i - 4 && k >= sentence.first_word && something < 0; --k)
          if (w(k) == "something" && (kBe.count(w(k - 1)) > 0)) something = k - 1;
        if (something >= 0) {
          negate_clause_before(text, something);
        } else {
          const int first = part_start(text, sentence.first_word, i, false);
          bool topic = false;  // a topic put first, before a comma: "Onboarding checklist, I keep ..."
          for (int k = first; k + 1 < i && !topic; ++k) topic = ends_clause(text, k);
          for (int k = first; topic && k < i; ++k) {
            negated_[static_cast<std::size_t>(k)] = true;
            if (ends_clause(text, k)) break;
          }
        }
      }
    }
    if ((word == "dreamed" || word == "dreamt" || word == "dreaming" || word == "fantasised" || word == "fantasized") &&
        (w(i + 1) == "about" || w(i + 1) == "of")) {
      mark(i);
      deny_rest(i + 2);
    }
    // A list disowned at once: "Code owners files, peer review, branch protection, none of that
    // existed", "synthetic monitoring, structured logs, tracing: none of it on the bridge",
    // "runbook, alert routing, escalation policy, all 'in progress'". Not "none of that helped",
    // which is said of things that were there.
    const bool none_of = word == "none" && w(i + 1) == "of" && kPronouns.count(w(i + 2)) && w(i + 2) != "one";
    const bool none_existed = none_of && (w(i + 3) == "existed" || w(i + 3) == "exists" || w(i + 3) == "happened" || w(i + 3) == "on" ||
                                          w(i + 3) == "in" || w(i + 3).empty() ||
                                          words[static_cast<std::size_t>(i + 3 < n ? i + 3 : i)].sentence != words[static_cast<std::size_t>(i)].sentence ||
                                          ((w(i + 3) == "was" || w(i + 3) == "were") &&
                                           (w(i + 4) == "there" || w(i + 4) == "done" || w(i + 4) == "in" || w(i + 4) == "real" ||
                                            w(i + 4) == "set" || w(i + 4) == "built" || w(i + 4) == "written")));
    // "runbook, alert routing, escalation policy: all still todo" (the answer's word for not started)
    const bool all_pending = word == "all" && (w(i + 1) == "missing" || (w(i + 1) == "in" && w(i + 2) == "progress") ||
                                               (w(i + 1) == "still" && (kUnwrittenMarkers.count(w(i + 2)) || w(i + 2) == "missing")) ||
                                               kUnwrittenMarkers.count(w(i + 1)));
    // (It opens its clause: "written in none of them" is said of the retros.)
    const auto opens_clause = [&] {
      return i > 0 && words[static_cast<std::size_t>(i - 1)].sentence == words[static_cast<std::size_t>(i)].sentence && ends_clause(text, i - 1);
    };
    if ((none_existed || all_pending) && (w(i - 1) == "like" || opens_clause())) {
      mark(i);
      for (int j = i - 1; j >= 0 && words[static_cast<std::size_t>(j)].sentence == words[static_cast<std::size_t>(i)].sentence; --j)
        negated_[static_cast<std::size_t>(j)] = true;
    }
  }
}

// Plans, agreements and talk that were not followed, and things called off, read in four ways:
// - a plan told as a plan, then left: "The plan was always to shard the users table. We hit twenty
//   million rows and it was still one table.", "The plan was to migrate with a canary per service;
//   in the end we moved everything in one weekend." What the plan was to do is denied when the
//   plan was "always" so, or when a turn follows it in the sentence or the next one ("in the end",
//   "instead", "ended up", "but", "still", a negation);
// - a thing agreed in principle;
// - a thing talked about, then a turn;
// - a verdict with no subject that opens a sentence: "Cancelled the standups instead.", "Skipped
//   the load test, no time."
void NegationScope::negate_plans_not_followed(const AnswerText& text) {
  const auto& words = text.words();
  const auto& sentences = text.sentences();
  const int n = static_cast<int>(words.size());
  auto w = [&](int i) { return word_at(words, i); };
  static const WordSet intended = {"plan", "intention", "idea", "goal", "aim", "hope", "ambition", "dream"};
  // "the original plan", "the big goal"
  static const WordSet first_thought = {"original", "initial", "first", "big", "grand", "main", "real", "whole"};
  for (int i = 1; i + 3 < n; ++i) {
    if (!intended.count(w(i))) continue;
    // "the plan was", "the plan had been", "the plan, I think, was": the verb may come in the
    // pluperfect or after a comment.
    int verb = i + 1;
    if (!ends_clause(text, i)) {
      if (w(verb) == "had" && w(verb + 1) == "been") ++verb;
    } else {
      for (int k = i + 2; k <= i + 6 && k < n; ++k)
        if (w(k) == "was" && subject_end(text, k) == i) verb = k;
    }
    if (w(verb) != "was" && w(verb) != "been") continue;
    const int determiner = first_thought.count(w(i - 1)) ? i - 2 : i - 1;
    if (w(determiner) != "the" && w(determiner) != "our" && w(determiner) != "my") continue;
    int to = verb + 1;
    const bool always = w(to) == "always";
    if (always || w(to) == "originally" || w(to) == "initially") ++to;
    // What the plan was: to do something ("to shard the table"), a thing ("a strangler approach",
    // "strangler style"), or what would hold ("that each service owns its data"); not what became
    // of the plan ("was approved", "was dropped").
    const bool opens = w(to) == "to" || w(to) == "a" || w(to) == "an" || w(to) == "that";
    const bool bare_thing = !is_stop_word(w(to)) && !is_past_action(w(to)) && !kParticiples.count(w(to));
    if (!opens && !bare_thing) continue;
    // What the plan was to do: to the end of its clause.
    int end = to + 1;
    while (end < n && in_one_clause(text, to, end)) ++end;
    // A turn after it, in its sentence or the next.
    const int sentence = words[static_cast<std::size_t>(i)].sentence;
    const int last = std::min<int>(static_cast<int>(sentences.size()) - 1, sentence + 1);
    bool turned = always;
    // ("... and we got as far as a Jira epic": only so far.)
    for (int k = end; k < n && words[static_cast<std::size_t>(k)].sentence <= last && !turned; ++k)
      turned = turns_away(words, k) || w(k) == "but" || w(k) == "however" || w(k) == "still" || is_trigger(k) ||
               (w(k) == "as" && w(k + 1) == "far" && w(k + 2) == "as");
    if (!turned) continue;
    trigger_[static_cast<std::size_t>(i)] = true;
    for (int k = to + 1; k < end; ++k) negated_[static_cast<std::size_t>(k)] = true;
  }
  // "The SLOs were drafted, agreed in principle, and then left in a Google Doc", "a dead-letter
  // queue was agreed in principle", "We'd agreed, in principle, that every alert should link to a
  // playbook": agreed in principle is agreed and not done.
  for (int i = 0; i + 2 < n; ++i) {
    if (w(i) != "agreed" && w(i) != "accepted" && w(i) != "approved") continue;
    int in = i + 1;
    while (in <= i + 3 && w(in) != "in") ++in;
    if (w(in) != "in" || w(in + 1) != "principle") continue;
    trigger_[static_cast<std::size_t>(in + 1)] = true;
    // The subject of a passive, or of a participle after a comma ("The SLOs were drafted, agreed in
    // principle").
    const bool be_before = w(i - 1) == "was" || w(i - 1) == "were" || w(i - 1) == "been" || w(i - 1) == "got";
    if (be_before) negate_clause_before(text, i - 1);
    else if (i > 0 && !in_one_clause(text, i - 1, i)) negate_clause_before(text, i);
    int object = in + 2;
    if (w(object) == "that" || w(object) == "to") ++object;
    const int sentence = words[static_cast<std::size_t>(i)].sentence;
    for (int k = object; k < n && words[static_cast<std::size_t>(k)].sentence == sentence && (k == object || !ends_clause(text, k - 1)); ++k)
      negated_[static_cast<std::size_t>(k)] = true;
  }
  // Talk that came to nothing: "We talked about sharding the events table for a year. Still one
  // table.", "a canary release was discussed in several meetings, but in the end the version went
  // to all users at once", "We discussed and discussed breaking up the monolith; in the end we added
  // a cache instead." What was talked about is denied when a turn follows in the sentence or the
  // two after it: "in the end", "instead", "still", "stayed", a denial. (Talk about how to decide,
  // "we discussed the trade-offs, and in the end chose Kafka", or about what happened, "we
  // discussed the outage in every standup", is left alone.)
  // Talk that went on and on came to nothing too, unless the answer says otherwise (said_taken_up):
  // "There was talk of a read replica for about two years", "We talked about chaos engineering at
  // every offsite", "Load testing, we talk about it every sprint". So does bare hearsay: "There was
  // talk of a shared on-call handbook."
  static const WordSet deciding = {"tradeoffs", "trade", "options", "alternatives", "risks", "pros", "approach", "approaches",
                                   "plan", "requirements", "problem", "issue", "it", "them", "this", "that", "results", "findings",
                                   "outage", "outages", "incident", "incidents", "bug", "bugs", "failure", "failures", "progress",
                                   "status", "numbers", "metrics"};
  static const WordSet occasions = {"offsite", "offsites", "retro", "retros", "retrospective", "sprint", "sprints", "planning", "meeting",
                                    "meetings", "standup", "quarter", "year", "month", "week", "review", "reviews", "time", "all"};
  static const WordSet spans = {"years", "months", "quarters", "weeks", "sprints", "meetings", "retros", "ages"};
  const auto talk_went_on = [&](int from) {
    const int sentence = words[static_cast<std::size_t>(from)].sentence;
    for (int k = from; k < n && words[static_cast<std::size_t>(k)].sentence == sentence; ++k)
      if (((w(k) == "every" || w(k) == "each") && occasions.count(w(k + 1))) ||
          // "since I joined", "since 2019", "since then" (not "since it was slow", a reason)
          (w(k) == "since" && (w(k + 1) == "i" || w(k + 1) == "we" || w(k + 1) == "then" || w(k + 1) == "last" || is_quantity(w(k + 1)))) ||
          w(k) == "endlessly" || w(k) == "forever" || (spans.count(w(k)) && (w(k - 2) == "for" || w(k - 3) == "for")))
        return true;
    return false;
  };
  for (int i = 0; i + 1 < n; ++i) {
    int object = -1;
    bool hearsay = false;
    if ((w(i) == "talked" || w(i) == "spoke") && w(i + 1) == "about") object = i + 2;
    else if (w(i) == "talk" && (w(i + 1) == "of" || w(i + 1) == "about") && (w(i - 1) == "was" || w(i - 2) == "was")) {
      object = i + 2;
      hearsay = w(i - 2) == "there" || w(i - 3) == "there";
    } else if ((w(i) == "discussed" || w(i) == "debated") && !kBe.count(w(i - 1))) object = i + 1;
    // "Load testing, we talk about it in every sprint planning": a topic put first, talked about still.
    else if ((w(i) == "talk" || w(i) == "talks" || w(i) == "talked") && w(i + 1) == "about" && (w(i + 2) == "it" || w(i + 2) == "them") &&
             talk_went_on(i + 3) && !said_taken_up(text, negated_, trigger_, i + 3)) {
      trigger_[static_cast<std::size_t>(i)] = true;
      negate_referent_of(text, i + 2);
      continue;
    }
    if (object < 0 || object >= n) continue;
    while (object < n && (w(object) == "and" || w(object) == "discussed" || w(object) == "about")) ++object;
    if (kDeterminers.count(w(object)) && object + 1 < n && deciding.count(w(object + 1))) continue;
    if (deciding.count(w(object))) continue;
    // ("discussed at length in design review": where and how it was talked about, not what.)
    if (w(object) == "at" || w(object) == "in" || w(object) == "with" || w(object) == "for" || w(object) == "over" ||
        w(object) == "during" || (w(object) == "a" && w(object + 1) == "lot"))
      continue;
    int end = object;
    while (end < n && (end == object || in_one_clause(text, object, end))) ++end;
    const int sentence = words[static_cast<std::size_t>(i)].sentence;
    const int last = std::min<int>(static_cast<int>(sentences.size()) - 1, sentence + 2);
    bool turned = false;
    for (int k = end; k < n && words[static_cast<std::size_t>(k)].sentence <= last && !turned; ++k)
      turned = turns_away(words, k) || (w(k) == "still" && words[static_cast<std::size_t>(k)].sentence > sentence) || w(k) == "stayed" ||
               (is_trigger(k) && words[static_cast<std::size_t>(k)].sentence > sentence);
    if (!turned && !((hearsay || talk_went_on(object)) && !said_taken_up(text, negated_, trigger_, object))) continue;
    trigger_[static_cast<std::size_t>(i)] = true;
    for (int k = object; k < end; ++k) negated_[static_cast<std::size_t>(k)] = true;
  }
  static const WordSet called_off = {"cancelled", "canceled", "skipped", "scrapped", "shelved", "canned", "ditched", "abandoned"};
  for (const auto& sentence : sentences) {
    const int f = sentence.first_word;
    if (!called_off.count(w(f)) || !kDeterminers.count(w(f + 1))) continue;
    trigger_[static_cast<std::size_t>(f)] = true;
    for (int k = f + 1; k < sentence.end_word && in_one_clause(text, f, k); ++k) negated_[static_cast<std::size_t>(k)] = true;
  }
  // A flat "It wasn't." after a sentence that claimed or assumed a thing was there: "The assessor
  // assumed network segmentation was there. It wasn't." (Not "It didn't.", which as often denies
  // what a thing did: "We expected the canary to catch it. It didn't.")
  for (const auto& sentence : sentences) {
    const int f = sentence.first_word;
    if (sentence.end_word - f != 2 || &sentence == &sentences.front()) continue;
    if ((w(f) != "it" && w(f) != "they") || (w(f + 1) != "wasn't" && w(f + 1) != "weren't" && w(f + 1) != "isn't" && w(f + 1) != "aren't"))
      continue;
    trigger_[static_cast<std::size_t>(f) + 1] = true;
    negate_referent_of(text, f);
  }
  // A trial given up: "We piloted Istio for a month, then went back to plain services",
  // "Serializable isolation we tested for one week, so we stayed on read committed". What was
  // tried is denied when, in its sentence or the next, things went back to, or stayed on,
  // something else ("we tried it and stayed on it" keeps it).
  static const WordSet trying = {"tried", "tested", "piloted", "trialled", "trialed", "prototyped"};
  // What one goes back to after a trial: the old way ("went back to plain services", "reverted to
  // the old pipeline"), not anything ("then went back to normal operations", "went back to the
  // dashboards").
  static const WordSet old_ways = {"old", "previous", "plain", "original", "manual", "legacy", "former", "usual", "long"};
  for (int i = 1; i + 1 < n; ++i) {
    if (!trying.count(w(i))) continue;
    const int sentence = words[static_cast<std::size_t>(i)].sentence;
    int back = -1;
    for (int k = i + 2; k + 2 < n && words[static_cast<std::size_t>(k)].sentence <= sentence + 1 && back < 0; ++k) {
      const bool went_back = ((w(k) == "went" || w(k) == "go" || w(k) == "switched" || w(k) == "fell") && w(k + 1) == "back" &&
                              (w(k + 2) == "to" || w(k + 2) == "on")) ||
                             ((w(k) == "reverted" || w(k) == "returned") && w(k + 1) == "to");
      const bool stayed = (w(k) == "stayed" || w(k) == "stuck") && (w(k + 1) == "on" || w(k + 1) == "with");
      const int target = w(k + 1) == "back" ? k + 3 : k + 2;
      const int head = kDeterminers.count(w(target)) ? target + 1 : target;
      if ((went_back && old_ways.count(w(head))) || (stayed && !kPronouns.count(w(target)) && w(target) != "it")) back = k;
    }
    if (back < 0) continue;
    trigger_[static_cast<std::size_t>(back)] = true;
    // "Serializable isolation we tested": the thing put first; else what follows the verb.
    if (kSubjects.count(w(i - 1)) && i >= 2 && in_one_clause(text, i - 2, i - 1)) {
      negate_clause_before(text, i - 1);
    } else {
      for (int k = i + 1; k < n && in_one_clause(text, i, k) && k <= i + kMaxWords; ++k) negated_[static_cast<std::size_t>(k)] = true;
    }
  }
}

// A thing whose ticket is still open was not done: "There was a ticket for the cost alerts; it
// stayed open for eighteen months.", "Someone raised a ticket for circuit breakers. As far as I
// know it's still there, gently ageing in the backlog.", "The ticket is still open in Jira." What
// the ticket was for is named before the status in the sentence, or, when the sentence opens
// with no more than the ticket or a pronoun ("That ticket is still sitting in the backlog"), in
// the sentence before.
void NegationScope::negate_tickets_left_open(const AnswerText& text) {
  static const WordSet tickets = {"ticket", "tickets", "jira", "epic", "backlog"};
  // After "still": where an open ticket sits or how it waits.
  static const WordSet waiting = {"open", "there", "sitting", "sits", "sleeping", "sleeps", "lying", "lies", "lives", "resting",
                                  "waiting", "pending", "unassigned", "planned", "unresolved", "ageing", "aging", "gathering"};
  const auto& words = text.words();
  const auto& sentences = text.sentences();
  auto w = [&](int i) { return word_at(words, i); };
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    const Sentence* before = s > 0 ? &sentences[s - 1] : nullptr;
    const auto names_ticket = [&](const Sentence& in) {
      for (int k = in.first_word; k < in.end_word; ++k)
        if (tickets.count(w(k))) return true;
      return false;
    };
    int status = -1;
    for (int k = sentence.first_word; k < sentence.end_word && status < 0; ++k) {
      if (w(k) == "still") {
        for (int j = k + 1; j <= k + 3 && j < sentence.end_word; ++j)
          if (waiting.count(w(j)) || ((w(j) == "in" || w(j) == "on") && tickets.count(w(j + 1) == "the" ? w(j + 2) : w(j + 1)))) status = k;
      } else if (kStaying.count(w(k)) && w(k + 1) == "open") {
        status = k;
      } else if (w(k) == "closed" && w(k + 1) == "as" &&
                 (w(k + 2) == "won't" || w(k + 2) == "wontfix" || w(k + 2) == "cannot" || w(k + 2) == "can't" || w(k + 2) == "obsolete")) {
        status = k;
      } else if ((w(k) == "zero" || w(k) == "no") && (w(k + 1) == "assignees" || w(k + 1) == "assignee")) {
        status = k;
      } else if ((w(k) == "gathering" || w(k) == "collecting") && w(k + 1) == "dust") {
        status = k;  // a document or a ticket left alone: "still sitting in Confluence gathering dust"
      }
    }
    if (status < 0 || negated_[static_cast<std::size_t>(status)]) continue;
    // The status speaks of its own part of the sentence: "the alarm was never created; the ticket
    // for it is still open", "we wrote the postmortem, but the action items are still sleeping in
    // Jira".
    const int from = part_start(text, sentence.first_word, status, true);
    // Only the ticket or a pronoun before the status: what it was for was named just before, in
    // the sentence or its clause before the turn ("a warm-up was planned, but the ticket lies,
    // as far as I know, still in the backlog").
    bool reference_only = status - from <= 7;
    for (int k = from; k < status && reference_only; ++k)
      reference_only = !(w(k) == "for" || w(k) == "to" || w(k) == "about");
    // A ticket is named in the sentence, or in the one before when this one only refers back to it.
    // ("The problem is still there" is no ticket.)
    // ("... and finally closed as won't fix": no one closes anything but a ticket that way; and a
    // thing gathering dust needs no ticket.)
    bool ticket_or_not = w(status) == "closed";
    for (int k = status; k + 1 < sentence.end_word && !ticket_or_not; ++k)
      ticket_or_not = (w(k) == "gathering" || w(k) == "collecting") && w(k + 1) == "dust";
    if (!ticket_or_not && !names_ticket(sentence) && !(reference_only && from == sentence.first_word && before && names_ticket(*before))) continue;
    trigger_[static_cast<std::size_t>(status)] = true;
    for (int k = from; k < status; ++k) negated_[static_cast<std::size_t>(k)] = true;
    if (!reference_only) continue;
    if (from != sentence.first_word)
      for (int k = sentence.first_word; k < from; ++k) negated_[static_cast<std::size_t>(k)] = true;
    else if (before)
      for (int k = before->first_word; k < before->end_word; ++k) negated_[static_cast<std::size_t>(k)] = true;
  }
}

// Another team's work: "another business unit had rolled out secret scanning", "contract tests
// were something the payments team had adopted on their side", "an alias swap, which our ads team
// does for their own index", "lifecycle rules, someone from the data team did those on their
// buckets". A thing done by a team other than the speaker's, for that team, is not the speaker's
// doing, so it is denied: the thing the clause names, or what its pronoun or relative stands for.
// The other team is told by "another" or "other" before it, or by a name ("the payments team")
// and "their" after its verb; "my team", "our team" and a plain "the team" are the speaker's own.
// Taken up after ("... and we adopted it too", with no denial in that clause), it stands.
void NegationScope::negate_others_work(const AnswerText& text) {
  static const WordSet organisations = {"team", "teams", "unit", "group", "squad", "department", "org", "organisation",
                                        "organization", "division", "company", "vendor", "contractor", "contractors", "tribe"};
  static const WordSet others = {"another", "other", "different", "sister", "neighbouring", "neighboring"};
  static const WordSet owners = {"the", "our", "a", "an", "some"};
  // ("... ours were still on the roadmap, so I wrote one": the speaker made one of their own.)
  static const WordSet taking_up = {"adopted", "adopt", "copied", "copy", "reused", "reuse", "took", "take", "used", "use", "followed",
                                    "applied", "rolled", "borrowed", "ported", "joined", "wrote", "built", "added", "created",
                                    "introduced", "set"};
  // ("I paired with the data team on their pipeline": the team is not the one doing it.)
  static const WordSet not_agent = {"with", "for", "to", "by", "alongside", "helped", "asked", "told", "convinced", "persuaded",
                                    "showed", "of", "my"};
  const auto& words = text.words();
  const int n = static_cast<int>(words.size());
  auto w = [&](int i) { return word_at(words, i); };
  for (int agent = 1; agent < n; ++agent) {
    if (!organisations.count(w(agent)) || negated_[static_cast<std::size_t>(agent)]) continue;
    // The words that name the team, back to its determiner: "another business unit", "our ads team".
    int first = agent - 1;
    while (first > agent - 4 && first > 0 && !owners.count(w(first)) && !others.count(w(first)) && in_one_clause(text, first - 1, agent) &&
           !kSubjects.count(w(first - 1)))
      --first;
    bool other = false;
    for (int k = first; k < agent; ++k) other = other || others.count(w(k)) > 0;
    const bool named = owners.count(w(first)) > 0 && first + 1 < agent && w(first + 1) != "whole" && w(first + 1) != "same";
    const bool with_us = w(first - 1) == "and" && (kSubjects.count(w(first - 2)) || w(first - 2) == "me" || w(first - 2) == "us");
    if (w(first) == "my" || not_agent.count(w(first - 1)) || with_us) continue;
    // The clause after the team, up to its end: its verb, its object and, for a named team, "their".
    int end = agent + 1;
    bool theirs = false, for_us = false;
    while (end < n && in_one_clause(text, agent, end) && !kTurns.count(w(end))) {
      theirs = theirs || w(end) == "their";
      for_us = for_us || w(end) == "us" || w(end) == "me" || w(end) == "ours" ||
               ((w(end) == "for" || w(end) == "with") && w(end + 1) == "our");
      ++end;
    }
    if (for_us || !(other || (named && theirs)) || end == agent + 1) continue;
    // "... and we adopted it too": taken up by the speaker, without a denial.
    bool taken_up = false;
    const int sentence = words[static_cast<std::size_t>(agent)].sentence;
    for (int k = end; k < n && words[static_cast<std::size_t>(k)].sentence <= sentence + 1 && !taken_up; ++k) {
      if ((w(k) != "we" && w(k) != "i") || !taking_up.count(w(k + 1))) continue;
      bool denied = false;
      for (int j = k; j < n && in_one_clause(text, k, j) && !denied; ++j) denied = is_trigger(j);
      for (int j = k - 1; j >= 0 && j >= k - 3 && in_one_clause(text, j, k) && !denied; --j) denied = is_trigger(j);
      taken_up = !denied;
    }
    if (taken_up) continue;
    for (int k = first; k < end; ++k)
      if (!trigger_[static_cast<std::size_t>(k)]) negated_[static_cast<std::size_t>(k)] = true;
    // What the clause is about when it stands before it: a relative ("X, which the ads team
    // does"), "X was something the payments team did", a thing put first ("X, the data team did
    // those"), or a pronoun object ("the CDN team has it on their layer").
    const int before = first - 1;
    bool pronoun_object = false;
    for (int k = agent + 1; k < std::min(end, agent + 4) && !pronoun_object; ++k)
      pronoun_object = kPronouns.count(w(k)) > 0 && w(k) != "one";
    const bool relative = w(before) == "which" || w(before) == "that" || w(before) == "what";
    const bool something = w(before) == "something" || w(before) == "thing" || w(before) == "one";
    if (relative || something)
      negate_referent_of(text, before);
    else if (pronoun_object && before >= 0 && words[static_cast<std::size_t>(before)].sentence == sentence)
      negate_referent_of(text, first);
    agent = end - 1;
  }
}

// A thing denied and then put right: "We did not have a dead letter queue at first. After the
// second incident we added one.", "I would not say the review went well, but we held it within two
// days." A person making the thing, named by a pronoun ("one", "it", "them"), within the next two
// sentences, undoes the denial of the nearest denied words before it. (Not "we fixed it" or "we
// did it", which may be said of anything.)
void NegationScope::restore_things_done_later(const AnswerText& text) {
  static const WordSet makers = {"we", "i", "they", "he", "she", "someone", "somebody", "team"};
  static const WordSet made = {"added", "built", "wrote", "introduced", "created", "set", "put", "enabled", "turned", "booked",
                               "configured", "implemented", "installed", "adopted", "held", "defined", "introduce", "deployed"};
  static const WordSet between = {"later", "then", "eventually", "finally", "also", "actually", "did", "quickly", "soon"};
  const auto& words = text.words();
  const int n = static_cast<int>(words.size());
  auto w = [&](int i) { return word_at(words, i); };
  // The nearest denied words before word `i`, in its sentence or the two before it: the first
  // and last of them, or -1.
  const auto denied_before = [&](int i) {
    const int sentence = words[static_cast<std::size_t>(i)].sentence;
    int last = i - 1;
    while (last >= 0 && words[static_cast<std::size_t>(last)].sentence >= sentence - 2 && (!negated_[static_cast<std::size_t>(last)] || trigger_[static_cast<std::size_t>(last)])) --last;
    if (last < 0 || words[static_cast<std::size_t>(last)].sentence < sentence - 2) return std::pair{-1, -1};
    // (Across the negation itself and its auxiliary: "audit logging was not enabled" denies words
    // on both sides.)
    const auto denied = [&](int j) { return j >= 0 && (negated_[static_cast<std::size_t>(j)] || trigger_[static_cast<std::size_t>(j)]); };
    int first = last;
    while (first > 0 && words[static_cast<std::size_t>(first) - 1].sentence == words[static_cast<std::size_t>(last)].sentence &&
           (denied(first - 1) || (is_stop_word(w(first - 1)) && denied(first - 2))))
      --first;
    return std::pair{first, last};
  };
  const auto restore = [&](std::pair<int, int> span) {
    for (int j = span.first; j <= span.second; ++j)
      if (!trigger_[static_cast<std::size_t>(j)]) negated_[static_cast<std::size_t>(j)] = false;
  };
  for (int i = 0; i < n; ++i) {
    // "Audit logging was not enabled. That was the first thing I changed when I joined."
    if ((w(i) == "that" || w(i) == "it" || w(i) == "this") && kBe.count(w(i + 1)) && w(i + 2) == "the" && w(i + 3) == "first" &&
        w(i + 4) == "thing" && makers.count(w(i + 5))) {
      if (const auto span = denied_before(i); span.first >= 0) restore(span);
      continue;
    }
    if (!makers.count(w(i)) || negated_[static_cast<std::size_t>(i)]) continue;
    int k = i + 1;
    while (k < i + 3 && between.count(w(k))) ++k;
    if (!made.count(w(k)) || negated_[static_cast<std::size_t>(k)] || is_trigger(k) || is_trigger(k - 1)) continue;
    int object = k + 1;
    if (w(object) == "up" || w(object) == "in" || w(object) == "on") ++object;
    const bool pronoun = w(object) == "one" || w(object) == "it" || w(object) == "them";
    // "... had no lifecycle policies. I wrote the policies": the thing named again by its noun.
    const bool named_again = w(object) == "the" || w(object) == "a" || w(object) == "an";
    if (!pronoun && !named_again) continue;
    if (w(object + 1) == "of") continue;  // "added one of the ..." names another thing
    const auto span = denied_before(i);
    if (span.first < 0) continue;
    const std::string noun = stem(std::string(w(span.second)));
    if (named_again && stem(std::string(w(object + 1))) != noun && stem(std::string(w(object + 2))) != noun) continue;
    restore(span);
  }
}

// "I proposed that we move the cron jobs to a job scheduler", "we never migrated the reports off
// the primary onto a replica", "nobody replaced the shell script with a proper job": only the
// destination was not reached; what was to be moved or replaced was there all along.
void NegationScope::restore_what_was_moved(const AnswerText& text) {
  // (Not "switch", "shift" or "port", which are nouns as often: "a kill switch for ...".)
  static const WordSet moving = {"move", "moving", "moved", "migrate", "migrating", "migrated", "porting", "ported", "switching",
                                 "switched", "shifting", "shifted"};
  static const WordSet replacing = {"replace", "replacing", "replaced", "swap", "swapping", "swapped"};
  const auto& words = text.words();
  const int n = static_cast<int>(words.size());
  auto w = [&](int i) { return word_at(words, i); };
  for (int i = 0; i + 1 < n; ++i) {
    const bool moves = moving.count(w(i)) > 0;
    if ((!moves && !replacing.count(w(i))) || !negated_[static_cast<std::size_t>(i) + 1]) continue;
    for (int j = i + 2; j <= i + 6 && j < n && in_one_clause(text, i, j); ++j) {
      const std::string_view to = w(j);
      if (!(moves ? (to == "to" || to == "onto" || to == "into" || to == "off" || to == "from") : (to == "with" || to == "by" || to == "for")))
        continue;
      for (int k = i + 1; k < j; ++k) negated_[static_cast<std::size_t>(k)] = false;
      break;
    }
  }
}

// "I suggested sampling the logs instead of shipping every line to Datadog", "I pushed for
// canaries rather than big-bang releases": after a proposal, what it would have replaced is the
// way things were, whatever became of the proposal, so "instead of" denies nothing there.
// "I wrote a design document for event sourcing, but the board rejected it", "I prepared the cost
// calculation also, but the budget was not approved": the proposal was turned down, and the
// document, estimate or prototype the speaker made for it was made all the same.
void NegationScope::restore_artefacts_made(const AnswerText& text) {
  static const WordSet making = {"wrote", "written", "prepared", "drafted", "did", "made", "built", "created", "produced", "put"};
  static const WordSet artefacts = {"document", "doc", "rfc", "calculation", "estimate", "estimates", "spreadsheet", "deck", "slides",
                                    "prototype", "poc", "spike", "diagram", "diagrams", "comparison", "analysis", "draft", "writeup",
                                    "memo", "benchmark", "benchmarks"};
  const auto& words = text.words();
  const int n = static_cast<int>(words.size());
  auto w = [&](int i) { return word_at(words, i); };
  for (int i = 1; i + 2 < n; ++i) {
    if (!making.count(w(i)) || (w(i - 1) != "i" && w(i - 1) != "we") || is_trigger(i - 1)) continue;
    int noun = i + 1;
    if (w(noun) == "up" || w(noun) == "together") ++noun;
    if (!kDeterminers.count(w(noun))) continue;
    const int first = noun++;
    while (noun < n && noun <= first + 4 && !artefacts.count(w(noun)) && in_one_clause(text, first, noun)) ++noun;
    if (noun >= n || !artefacts.count(w(noun)) || !in_one_clause(text, first, noun)) continue;
    for (int k = i - 1; k <= noun; ++k) negated_[static_cast<std::size_t>(k)] = false;
  }
}

// "We never needed the rollback in the end, but it was rehearsed and ready": a thing not needed
// and then said to be ready was there all along.
void NegationScope::restore_what_was_ready(const AnswerText& text) {
  static const WordSet ready = {"ready", "there", "tested", "rehearsed", "prepared", "available", "written", "standing"};
  const auto& words = text.words();
  const int n = static_cast<int>(words.size());
  auto w = [&](int i) { return word_at(words, i); };
  for (int i = 0; i + 2 < n; ++i) {
    if (!is_trigger(i) || (w(i + 1) != "needed" && w(i + 1) != "need")) continue;
    int but = -1;
    for (int k = i + 2; k < n && k <= i + 14 && words[static_cast<std::size_t>(k)].sentence == words[static_cast<std::size_t>(i)].sentence && but < 0; ++k)
      if (w(k) == "but") but = k;
    if (but < 0 || (w(but + 1) != "it" && w(but + 1) != "they" && w(but + 1) != "that")) continue;
    const int be = w(but + 2) == "was" || w(but + 2) == "were" || w(but + 2) == "is" || w(but + 2) == "had" ? but + 3 : -1;
    if (be < 0 || !(ready.count(w(be)) || (w(be) == "been" && ready.count(w(be + 1))) || (w(be) == "in" && w(be + 1) == "place"))) continue;
    for (int k = i + 2; k < but; ++k) negated_[static_cast<std::size_t>(k)] = false;
  }
}

void NegationScope::restore_the_status_quo(const AnswerText& text) {
  const auto& words = text.words();
  const int n = static_cast<int>(words.size());
  auto w = [&](int i) { return word_at(words, i); };
  for (int i = 0; i + 1 < n; ++i) {
    if (!((w(i) == "instead" && w(i + 1) == "of") || (w(i) == "rather" && w(i + 1) == "than"))) continue;
    bool proposed = false;
    for (int k = i - 1; k >= 0 && k >= i - 12 && in_one_clause(text, k, i) && !proposed; --k) proposed = kProposing.count(w(k)) > 0;
    if (!proposed) continue;
    trigger_[static_cast<std::size_t>(i)] = trigger_[static_cast<std::size_t>(i) + 1] = false;
    for (int k = i; k < n && in_one_clause(text, i, k); ++k) negated_[static_cast<std::size_t>(k)] = false;
  }
}

}  // namespace rehearse
