// What a card asks for: names, and the rule that infers it from a question's wording.
//
// The rule reads the question as an interviewer would, in order of how much each kind of cue
// says: a question about the speaker's own past is behavioural whatever its topic ("Tell me about
// a design you regret"); then a request to design or scale a system; then a question about the
// interviewer's team or company; then a situational question about people ("How would you handle
// a teammate who..."); then a question about what something is or how it works. The cues are
// general English question forms, not topics, so that a question never seen is read the same way.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_set>

#include "rehearse/card.h"
#include "rehearse/text.h"

namespace rehearse {

std::string_view to_string(QuestionType type) {
  switch (type) {
    case QuestionType::behavioural: return "behavioural";
    case QuestionType::technical: return "technical";
    case QuestionType::design: return "design";
    case QuestionType::ask: return "ask";
    case QuestionType::keypoint: return "keypoint";
    case QuestionType::story: return "story";
  }
  return "technical";
}

std::string_view question_type_names() { return "behavioural, technical, design, ask, keypoint, story"; }

std::optional<QuestionType> question_type_from_string(std::string_view text) {
  std::string word;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\r') word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::replace(word.begin(), word.end(), '_', '-');
  if (word == "behavioural" || word == "behavioral") return QuestionType::behavioural;
  if (word == "technical" || word == "explain" || word == "compare") return QuestionType::technical;
  if (word == "design" || word == "system-design") return QuestionType::design;
  if (word == "ask" || word == "to-ask" || word == "question-to-ask") return QuestionType::ask;
  if (word == "keypoint" || word == "key-point") return QuestionType::keypoint;
  if (word == "story") return QuestionType::story;
  return std::nullopt;
}

namespace {

using WordSet = std::unordered_set<std::string_view>;

// The question's words, lower case, apostrophes kept ("you've").
class Wording {
 public:
  explicit Wording(std::string_view prompt) {
    const AnswerText text{std::string(prompt)};
    for (const auto& word : text.words()) words_.push_back(word.text);
  }

  std::size_t size() const { return words_.size(); }
  const std::string& at(std::size_t i) const { return words_[i]; }
  bool is(std::size_t i, const WordSet& set) const { return i < words_.size() && set.count(words_[i]) > 0; }
  bool has(const WordSet& set) const {
    return std::any_of(words_.begin(), words_.end(), [&](const std::string& w) { return set.count(w) > 0; });
  }
  // Whether the words `sets` follow one another somewhere (each from its set).
  bool sequence(std::initializer_list<const WordSet*> sets) const {
    const std::size_t n = sets.size();
    for (std::size_t i = 0; i + n <= words_.size(); ++i) {
      std::size_t k = 0;
      for (const WordSet* set : sets) {
        if (!is(i + k, *set)) break;
        ++k;
      }
      if (k == n) return true;
    }
    return false;
  }
  // Whether a word of `first` is followed within `reach` words by one of `second`.
  bool near(const WordSet& first, const WordSet& second, std::size_t reach) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if (!is(i, first)) continue;
      for (std::size_t k = i + 1; k < words_.size() && k <= i + reach; ++k)
        if (is(k, second)) return true;
    }
    return false;
  }
  bool starts_with(const WordSet& set) const { return is(0, set); }

 private:
  std::vector<std::string> words_;
};

const WordSet kMe = {"me", "us"};
const WordSet kTell = {"tell", "talk", "share"};
const WordSet kAbout = {"about"};
const WordSet kYou = {"you"};
const WordSet kPastAux = {"did", "were", "was", "had"};
const WordSet kPerfect = {"you've", "you'd", "ve"};
const WordSet kHave = {"have", "has"};
const WordSet kEver = {"ever"};
const WordSet kExampleNouns = {"time", "times", "situation", "occasion", "instance", "moment", "example", "project", "decision",
                               "mistake", "failure", "conflict", "disagreement", "challenge", "incident", "outage", "bug"};
const WordSet kDescribe = {"describe", "recall", "remember", "recount"};
const WordSet kArticle = {"a", "an", "the", "one", "some", "your"};
const WordSet kExample = {"example", "examples", "instance"};
const WordSet kWalk = {"walk", "take"};
const WordSet kThrough = {"through"};
const WordSet kYourPast = {"your"};
const WordSet kPastAdjective = {"last", "previous", "current", "former", "past", "recent", "proudest", "biggest", "greatest", "hardest",
                                "toughest", "worst", "best", "most", "favourite", "favorite", "own", "first"};

const WordSet kDesignVerbs = {"design", "architect", "sketch", "architecture"};
const WordSet kBuildVerbs = {"build", "implement", "create", "scale", "structure", "model"};
const WordSet kSystemNouns = {"system", "service", "platform", "api", "backend", "pipeline", "app", "application", "clone", "store",
                              "feed", "shortener", "limiter", "queue", "cache", "scheduler", "engine", "tracker", "database", "network"};
const WordSet kWould = {"would", "will", "could", "should", "might", "do", "to"};

const WordSet kAskNouns = {"here", "role", "position", "onboarding", "team's", "company's", "org", "organisation", "organization",
                           "culture", "roadmap", "interviewers", "hire", "hiring"};
const WordSet kYourTeam = {"team", "company", "org", "organisation", "organization", "group", "engineers", "manager", "product",
                           "stack", "codebase", "customers", "users", "roadmap", "process", "culture", "day", "week"};
const WordSet kThe = {"the", "this", "your"};
const WordSet kPresentAux = {"does", "do", "is", "are", "would", "will", "has", "have"};

const WordSet kHandle = {"handle", "deal", "approach", "manage", "resolve", "respond", "react", "handled", "dealt", "managed",
                         "give", "receive", "mentor", "motivate", "prioritise", "prioritize", "balance", "convince", "influence",
                         "persuade", "decide", "push", "say", "tell", "work", "stay", "keep", "support", "lead", "onboard",
                         "delegate", "grow", "coach", "communicate"};
const WordSet kPeople = {"teammate", "teammates", "colleague", "colleagues", "coworker", "coworkers", "manager", "managers",
                         "stakeholder", "stakeholders", "disagreement", "disagreements", "conflict", "conflicts", "feedback",
                         "criticism", "deadline", "deadlines", "pressure", "junior", "juniors", "peer", "peers", "team",
                         "someone", "somebody", "people", "engineer", "engineers", "report", "reports", "boss", "product",
                         "priorities", "debt", "burnout", "yourself", "customer", "customers", "failure", "mistake", "mistakes",
                         "underperforming", "underperformer", "difficult", "interview", "interviews", "hire", "hires", "learn"};
const WordSet kWhat = {"what", "how"};
const WordSet kIf = {"if", "when"};
const WordSet kYouWouldDo = {"do"};
const WordSet kYourself = {"yourself", "your", "you"};

const WordSet kFor = {"for"};
const WordSet kExampleWord = {"example", "instance"};
const WordSet kWhen = {"when"};
const WordSet kWas = {"was"};
const WordSet kLast = {"last"};

const WordSet kTechnicalOpeners = {"what", "what's", "explain", "how", "why", "when", "compare", "contrast", "difference", "define",
                                   "which", "is", "are", "can", "does", "should", "name", "list"};

const WordSet kCandidate = {"i", "my", "me", "i'd", "i'll", "i'm", "mine"};
const WordSet kFutureAux = {"would", "will", "could", "should", "be", "do", "does", "is", "are", "can"};
const WordSet kCompanyNouns = {"team", "company", "product", "org", "codebase", "platform", "leadership", "interview", "engineers",
                               "process", "stack", "roadmap", "group", "department", "office", "tooling", "setup", "budget"};
const WordSet kThisThe = {"the", "this", "your", "our"};
const WordSet kHow = {"how"};
const WordSet kYouPerson = {"you", "you'd"};

// A verb in the past right after "you": "a project you led", "the bug you found".
bool you_did(const Wording& q) {
  for (std::size_t i = 0; i + 1 < q.size(); ++i)
    if ((q.at(i) == "you" || q.at(i) == "you've") && rehearse::is_past_action(q.at(i + 1))) return true;
  return false;
}

bool is_behavioural_past(const Wording& q) {
  if (you_did(q)) return true;
  if (q.has({"example", "examples"}) && !q.sequence({&kFor, &kExampleWord}) && q.has(kYouPerson)) return true;
  if (q.sequence({&kWhen, &kWas, &kThe, &kLast})) return true;
  if (q.has({"proudest", "regretted", "regret"}) && q.has({"you", "you're", "you've"})) return true;
  if (q.sequence({&kTell, &kMe, &kAbout}) || q.sequence({&kTell, &kAbout})) return true;
  if (q.near(kDescribe, kExampleNouns, 3)) return true;
  if (q.near(kExample, kExampleNouns, 4) || q.sequence({&kExample, &kYou}) || q.near(kExample, kPerfect, 4)) return true;
  if (q.has(kPerfect) || q.sequence({&kHave, &kYou, &kEver}) || q.sequence({&kHave, &kYou})) return true;
  if (q.sequence({&kPastAux, &kYou}) || q.near(kYou, kPastAux, 1)) return true;
  if (q.near(kWalk, kThrough, 2) && q.sequence({&kYourPast, &kPastAdjective})) return true;
  if (q.sequence({&kYourPast, &kPastAdjective})) return true;
  return false;
}

bool is_design(const Wording& q) {
  if (q.starts_with(kDesignVerbs)) return true;
  static const WordSet build = {"build", "architect", "design"};
  static const WordSet would = {"would", "do", "will", "you'd"};
  if (q.sequence({&kHow, &would, &kYouPerson, &build}) || q.sequence({&kHow, &kYouPerson, &build})) return true;
  if (q.sequence({&kThe, &kDesignVerbs}) && q.has({"of", "for", "look"})) return true;
  if (q.near(kWould, kDesignVerbs, 3) && !q.sequence({&kArticle, &kDesignVerbs})) return true;
  if (q.near(kDesignVerbs, kSystemNouns, 6)) return true;
  if (q.near(kBuildVerbs, kSystemNouns, 4) && q.has(kYou)) return true;
  if (q.near(kWould, kBuildVerbs, 2) && q.has(kYou) && q.near(kBuildVerbs, {"to"}, 6) && q.has({"million", "millions", "billion", "users"}))
    return true;
  return false;
}

bool is_ask(const Wording& q) {
  // The candidate asking about their own future here: "Who would I be working with?"
  if (q.has(kCandidate) && q.near(kFutureAux, kCandidate, 2) && !q.has(kPerfect)) return true;
  if (q.has({"my"}) && q.has({"first", "role", "fit", "background", "team", "project", "manager"})) return true;
  if (q.sequence({&kThisThe, &kCompanyNouns}) && !q.sequence({&kYourPast, &kPastAdjective})) return true;
  if (q.has({"here", "joined", "join", "joining", "favourite", "favorite", "compensated"}) && q.has({"you", "you'd", "your", "i"})) return true;
  if (q.has(kAskNouns) && !q.has({"i"})) return true;
  if (q.sequence({&kThe, &kYourTeam}) && q.near(kPresentAux, kThe, 2) && !q.sequence({&kYou, &kHandle})) return true;
  if (q.sequence({&kPresentAux, &kYou, &kThe}) || q.sequence({&kPresentAux, &kYou, &kYourself})) return true;
  if (q.sequence({&kWhat, &kPresentAux, &kYou})) {
    static const WordSet preferences = {"like", "enjoy", "love", "find", "wish", "think", "see", "expect", "look", "measure", "value"};
    if (q.has(preferences)) return true;
  }
  if (q.has({"success"}) && q.has({"look", "looks", "mean", "measured"})) return true;
  return false;
}

bool is_situational(const Wording& q) {
  if (q.sequence({&kWhat, &kWould, &kYou, &kYouWouldDo}) && q.has(kIf)) return true;
  if (q.near(kYou, kHandle, 2) && q.has(kPeople)) return true;
  return false;
}

}  // namespace

QuestionType infer_question_type(CardKind kind, std::string_view prompt, bool has_themes) {
  if (kind == CardKind::keypoint) return QuestionType::keypoint;
  if (kind == CardKind::story) return QuestionType::story;
  const Wording q(prompt);
  if (is_behavioural_past(q)) return QuestionType::behavioural;
  if (is_design(q)) return QuestionType::design;
  if (is_ask(q)) return QuestionType::ask;
  if (is_situational(q)) return QuestionType::behavioural;
  if (q.size() > 0 && q.is(0, kTechnicalOpeners)) return QuestionType::technical;
  return has_themes ? QuestionType::behavioural : QuestionType::technical;
}

QuestionType type_of(const CardContent& card) {
  if (card.type) return *card.type;
  return infer_question_type(card.kind, card.prompt, !card.themes.empty());
}

bool asks_for_a_story(const CardContent& card) {
  const QuestionType type = type_of(card);
  return type == QuestionType::behavioural || type == QuestionType::story;
}

}  // namespace rehearse
