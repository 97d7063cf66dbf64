#include "rubric.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

#include "cues.h"

namespace technical {

namespace {

using rehearse::AnswerText;
using rehearse::Finding;
using WordSet = std::unordered_set<std::string_view>;

// The criteria, in the order of the table in rubric.h. The names are what the user sees.
enum class Kind { definition, when_to_use, tradeoff, example, requirements, scale, components, data_model, bottlenecks, tradeoffs };

struct Criterion {
  Kind kind;
  const char* name;
  double weight;
  const char* advice;  // one sentence: what to add
};

constexpr std::array<Criterion, 4> kTechnical = {{
    {Kind::definition, "definition", 35,
     "Start with one sentence that says what it is (\"X is a way to...\"), or for a comparison, what each one is."},
    {Kind::when_to_use, "when to use it", 20,
     "Say when you would reach for it and when you would not (\"a good fit when..., overkill for...\")."},
    {Kind::tradeoff, "tradeoff", 25,
     "Name what it costs: the main downside or limitation, or what you give up for what you gain."},
    {Kind::example, "example", 20,
     "Make it concrete with an example: a real system, a number with a unit, or \"say a user...\"."},
}};

constexpr std::array<Criterion, 6> kDesign = {{
    {Kind::requirements, "requirements", 15,
     "Open by pinning down the requirements and scope: what it must do, what is out of scope, the latency or "
     "availability it needs."},
    {Kind::scale, "scale estimate", 15,
     "Put numbers on the scale: users, requests per second at peak, storage, so the design has something to fit."},
    {Kind::components, "components", 20,
     "Name the main building blocks and how a request flows through them: API, services, cache, queue, database."},
    {Kind::data_model, "data model", 15,
     "Sketch the data model: the main tables or records, their keys, and what each lookup is keyed by."},
    {Kind::bottlenecks, "bottlenecks", 20,
     "Say where it breaks first as load grows (a hot key, a single point of failure, the database) and how you would "
     "scale it."},
    {Kind::tradeoffs, "tradeoffs", 15,
     "Name a choice you made, the alternative you turned down, and what your choice costs."},
}};

const rehearse::Word& word_at(const AnswerText& text, int i) { return text.words()[static_cast<std::size_t>(i)]; }
int word_count(const AnswerText& text) { return static_cast<int>(text.words().size()); }
std::string stem_of(std::string_view word) { return rehearse::stem(rehearse::spell_out(word)); }

// The raw text between words a and b (a < b): punctuation tells a clause or a label apart.
std::string_view gap(const AnswerText& text, int a, int b) {
  const auto from = word_at(text, a).end, to = word_at(text, b).begin;
  return to > from ? std::string_view(text.text()).substr(from, to - from) : std::string_view();
}

// Whether a clause mark stands between words a and b.
bool clause_break(const AnswerText& text, int a, int b) { return gap(text, a, b).find_first_of(",;:()") != std::string_view::npos; }

bool has_upper(const AnswerText& text, int i) {
  const auto& w = word_at(text, i);
  for (std::size_t k = w.begin; k < w.end; ++k)
    if (text.text()[k] >= 'A' && text.text()[k] <= 'Z') return true;
  return false;
}

bool is_first_person(std::string_view word) {
  static const WordSet words = {"i", "we", "my", "our", "me", "us", "i'd", "we'd", "i've", "we've", "i'm", "we're", "i'll", "we'll"};
  return words.count(word) > 0;
}

// The answer read once: each word's stem, the negation scope, the question.
class Reading {
 public:
  Reading(const AnswerText& text, const Question& question) : text_(text), question_(question), negation_(text) {
    stems_.reserve(text.words().size());
    for (const auto& w : text.words()) stems_.push_back(rehearse::stem(rehearse::spell_out(w.text)));
  }

  const AnswerText& text() const { return text_; }
  const Question& question() const { return question_; }
  const std::string& word(int i) const { return word_at(text_, i).text; }
  const rehearse::Sentence& sentence_of(int i) const {
    return text_.sentences()[static_cast<std::size_t>(word_at(text_, i).sentence)];
  }
  bool is_concept(int i) const { return question_.concept_stems.count(stems_[static_cast<std::size_t>(i)]) > 0; }
  int group_of(int i) const {
    for (std::size_t g = 0; g < question_.groups.size(); ++g)
      if (question_.groups[g].count(stems_[static_cast<std::size_t>(i)])) return static_cast<int>(g);
    return -1;
  }
  // A cue does not count where the answer denies it ("there is no tradeoff", "without any
  // downside"): NegEx on its first word. A cue that is itself a negation ("avoid it for",
  // "isn't free") is a trigger, never negated by itself.
  bool negated(int i) const { return negation_.negated(i); }
  bool is_trigger(int i) const { return negation_.is_trigger(i); }

 private:
  const AnswerText& text_;
  const Question& question_;
  rehearse::NegationScope negation_;
  std::vector<std::string> stems_;
};

// The hits of `list` in the answer as hits of `strength`, optionally without the negated ones.
std::vector<Hit> cue_hits(const Reading& r, const rehearse::CueList& list, int strength, bool drop_negated) {
  std::vector<Hit> hits;
  for (const auto& hit : list.find_all(r.text())) {
    if (drop_negated && r.negated(hit.first)) continue;
    hits.push_back({hit.first, hit.last, strength});
  }
  return hits;
}

void append(std::vector<Hit>& to, const std::vector<Hit>& from) { to.insert(to.end(), from.begin(), from.end()); }

// --- labels ("Downsides: ...", "Token bucket: ...") ---------------------------------------------

struct Label {
  int last = -1;  // the label is words [sentence start, last]
  std::optional<Kind> kind;  // the criterion a section label announces, if any
  bool section = false;      // a label that names a part of the answer, not a concept
};

// Which criterion a section label announces, for the question's type.
std::optional<Kind> label_kind(std::string_view word, bool design) {
  static const WordSet tradeoff = {"downside", "downsides", "cost", "costs", "price", "tradeoff", "tradeoffs", "trade", "cons",
                                   "drawback", "drawbacks", "catch", "limitation", "limitations", "caveat", "caveats",
                                   "disadvantage", "disadvantages", "pros"};
  static const WordSet example = {"example", "examples", "eg", "instance"};
  static const WordSet when = {"when", "usage", "use", "uses"};
  static const WordSet requirements = {"requirement", "requirements", "scope", "assumption", "assumptions", "goals", "constraints",
                                       "functional"};
  static const WordSet data = {"schema", "schemas", "tables", "model", "data"};
  static const WordSet bottleneck = {"bottleneck", "bottlenecks", "scaling", "pressure", "hotspots", "failure"};
  static const WordSet choices = {"choices", "alternatives", "decision", "decisions"};
  static const WordSet components = {"components", "pieces", "architecture", "services", "building"};
  static const WordSet scale = {"scale", "numbers", "estimate", "estimates", "capacity", "traffic", "sizing", "math"};
  if (design) {
    if (components.count(word)) return Kind::components;
    if (scale.count(word)) return Kind::scale;
    if (tradeoff.count(word) || choices.count(word)) return Kind::tradeoffs;
    if (requirements.count(word)) return Kind::requirements;
    if (data.count(word)) return Kind::data_model;
    if (bottleneck.count(word)) return Kind::bottlenecks;
    return std::nullopt;
  }
  if (tradeoff.count(word)) return Kind::tradeoff;
  if (example.count(word)) return Kind::example;
  if (when.count(word)) return Kind::when_to_use;
  return std::nullopt;
}

// A sentence that opens with one to three words and a colon, with at least three words after it.
Label label_of(const Reading& r, const rehearse::Sentence& s, bool design) {
  Label label;
  for (int k = s.first_word; k < s.end_word - 3 && k <= s.first_word + 2; ++k) {
    if (r.text().next_char(k) != ':') continue;
    label.last = k;
    break;
  }
  if (label.last < 0) return label;
  for (int k = s.first_word; k <= label.last; ++k) {
    if (auto kind = label_kind(r.word(k), design)) label.kind = kind;
    if (cues::is_section_label(r.word(k))) label.section = true;
  }
  // "Downsides: none" announces nothing.
  const std::string& after = r.word(label.last + 1);
  if (r.is_trigger(label.last + 1) || after == "none" || after == "n" || after == "nothing") label.kind.reset();
  return label;
}

// --- definition ---------------------------------------------------------------------------------

bool is_soft_adverb(std::string_view word) {
  static const WordSet words = {"basically", "essentially", "simply", "just", "really", "actually", "also", "often", "usually",
                                "generally", "typically", "mostly", "mainly", "kind", "sort", "of", "fundamentally", "roughly"};
  return words.count(word) > 0;
}

bool is_comparative(std::string_view word) {
  static const WordSet words = {"slower", "faster", "cheaper", "simpler", "safer", "easier", "harder", "riskier", "quicker",
                                "heavier", "lighter", "newer", "older", "stronger", "weaker", "more", "less", "bigger",
                                "smaller", "costlier", "nicer", "preferable"};
  return words.count(word) > 0;
}

// Words that praise or hedge instead of explaining ("a really important, modern concept").
bool is_praise(std::string_view word) {
  static const WordSet words = {"important", "useful", "great", "good", "bad", "popular", "modern", "powerful", "interesting",
                                "really", "basically", "crucial", "critical", "essential", "trendy", "cool", "nice", "honestly",
                                "stuff", "things", "something", "whatever"};
  return words.count(word) > 0;
}

// Whether words [from, to) hold at least `needed` content words that are not the question's own:
// a definition must say something the question did not ("Back-pressure is pressure" does not).
bool says_something(const Reading& r, int from, int to, int needed) {
  int found = 0;
  for (int k = from; k < to; ++k) {
    const std::string& w = r.word(k);
    if (rehearse::is_stop_word(w) || rehearse::is_numeral(w) || r.is_concept(k) || is_soft_adverb(w)) continue;
    if (++found >= needed) return true;
  }
  return false;
}

// Whether a when-to-use or tradeoff cue starts in words [from, to]: "X is a good fit for", "X
// earns its keep", "X costs..." judge or weigh X; they do not say what it is.
bool judged_at(const std::vector<Hit>& other, int from, int to) {
  return std::any_of(other.begin(), other.end(), [&](const Hit& h) { return h.first >= from && h.first <= to; });
}

// How many words open sentence `s` at `start` with a phrase that leads into a definition ("At its
// core", "In essence", "Put simply", "Conceptually", "Technically speaking"), so that the subject
// after it is read as usual.
int lead_in_length(const Reading& r, const rehearse::Sentence& s, int start) {
  static const std::vector<std::vector<std::string_view>> phrases = {
      {"at", "its", "core"}, {"at", "heart"}, {"at", "its", "heart"}, {"in", "essence"}, {"put", "simply"}, {"simply", "put"},
      {"in", "plain", "terms"}, {"in", "plain", "english"}, {"in", "simple", "terms"}, {"in", "other", "words"}, {"conceptually"},
      {"fundamentally"}, {"formally"}, {"technically"}, {"technically", "speaking"}, {"roughly", "speaking"}, {"in", "a", "word"}};
  std::size_t best = 0;
  for (const auto& phrase : phrases) {
    if (phrase.size() <= best || start + static_cast<int>(phrase.size()) >= s.end_word) continue;
    bool same = true;
    for (std::size_t i = 0; i < phrase.size() && same; ++i) same = r.word(start + static_cast<int>(i)) == phrase[i];
    if (same) best = phrase.size();
  }
  return static_cast<int>(best);
}

// "Kafka is a distributed log", "A circuit breaker wraps calls...", "CAP says that...": the
// subject is the question's concept, then a verb, then something the question did not say.
std::optional<Hit> concept_subject(const Reading& r, const rehearse::Sentence& s, int start, const std::vector<Hit>& judged) {
  static const WordSet determiners = {"a", "an", "the", "so", "basically", "essentially", "in", "short", "well"};
  int j = start + lead_in_length(r, s, start);
  while (j < s.end_word && determiners.count(r.word(j))) ++j;
  int concepts = 0, k = j;
  // The subject: the concept's words, with the small words of a compound ("write-through") and
  // at most five words in all.
  while (k < s.end_word && k < j + 5) {
    if (r.is_concept(k)) {
      ++concepts;
      ++k;
      continue;
    }
    if (concepts > 0 && k > j && gap(r.text(), k - 1, k) == "-") {  // "write-through", "back-pressure"
      ++k;
      continue;
    }
    break;
  }
  if (concepts == 0 || k >= s.end_word) return std::nullopt;
  // "MVCC, multi-version concurrency control, means...": the concept spelled out between commas.
  bool spelled_out = false;
  if (gap(r.text(), k - 1, k).find(',') != std::string_view::npos) {
    int close = k;
    while (close < s.end_word && close < k + 6 && gap(r.text(), close, close + 1).find(',') == std::string_view::npos) ++close;
    if (close < k + 6 && close + 1 < s.end_word) {
      k = close + 1;
      spelled_out = true;
    }
  }
  const std::string& verb = r.word(k);
  const bool copula = verb == "is" || verb == "are" || verb == "means" || verb == "mean";
  const bool present = verb.size() >= 4 && verb.back() == 's' && !verb.ends_with("ss") && !verb.ends_with("us") &&
                       !verb.ends_with("is") && !rehearse::is_stop_word(verb) && !r.is_concept(k);
  if (!copula && !present) return std::nullopt;
  if (!spelled_out && gap(r.text(), k - 1, k).find_first_of(",;:(") != std::string_view::npos) return std::nullopt;
  int p = k + 1;
  while (p < s.end_word && is_soft_adverb(r.word(p))) ++p;
  if (p >= s.end_word) return std::nullopt;
  const std::string& next = r.word(p);
  if (next == "about" || next == "like" || next == "not" || cues::is_judgement(next) || is_comparative(next)) return std::nullopt;
  // "X is a good fit", "X makes it easy to...": the first words of the predicate judge X.
  static const WordSet easy = {"easy", "hard", "simple", "cheap", "fast", "slow", "possible", "trivial", "good", "great", "fit"};
  const bool article = next == "a" || next == "an" || next == "the";
  for (int q = p + 1; q < s.end_word && q <= p + 2; ++q) {
    const std::string& w = r.word(q);
    // "a bit slower", "a lot of work" hedge; "a bit array" names a thing.
    const bool amount = (w == "bit" || w == "lot") && q + 1 < s.end_word && !is_comparative(r.word(q + 1)) &&
                        !rehearse::is_stop_word(r.word(q + 1));
    if ((q == p + 1 && article && cues::is_judgement(w) && !amount) || is_praise(w) || is_comparative(w) || easy.count(w))
      return std::nullopt;
  }
  if (judged_at(judged, k, k + 3)) return std::nullopt;
  if (!says_something(r, k + 1, s.end_word, 2)) return std::nullopt;
  // "REST is universal and easy to inspect, at the cost of larger payloads" defines in passing; the
  // sentence is mostly its tradeoff.
  const int strength = judged_at(judged, k + 4, s.end_word - 1) ? 1 : 2;
  return Hit{start, std::min(s.end_word - 1, k + 4), strength};
}

// "It's a guarantee that...", "This is a pattern where...": the answer's first sentences, with
// the question as their unspoken subject.
std::optional<Hit> pronoun_subject(const Reading& r, const rehearse::Sentence& s, int start) {
  static const WordSet pronouns = {"it's", "it", "this", "that's", "that"};
  if (start + 3 >= s.end_word || !pronouns.count(r.word(start))) return std::nullopt;
  int p = start + 1;
  if (r.word(start) == "it" || r.word(start) == "this" || r.word(start) == "that") {
    // "It wraps calls to a dependency and counts failures": what it does is what it is.
    static const WordSet vague = {"depends", "matters", "helps", "works", "seems", "sounds", "looks", "makes", "gives",
                                  "comes", "goes", "gets", "has", "happens", "means", "says", "varies", "feels"};
    const std::string& verb = r.word(p);
    const bool does = verb.size() >= 4 && verb.back() == 's' && !verb.ends_with("ss") && !rehearse::is_stop_word(verb) &&
                      !vague.count(verb) && !r.is_concept(p);
    if (does && says_something(r, p + 1, s.end_word, 3)) return Hit{start, std::min(s.end_word - 1, p + 4), 2};
    if (r.word(p) != "is") return std::nullopt;
    ++p;
  }
  while (p < s.end_word && is_soft_adverb(r.word(p))) ++p;
  if (p >= s.end_word) return std::nullopt;
  // "It's when code loads a list and then...": the situation it names.
  if ((r.word(p) == "when" || r.word(p) == "where") && says_something(r, p + 1, s.end_word, 3))
    return Hit{start, std::min(s.end_word - 1, p + 4), 2};
  if (r.word(p) != "a" && r.word(p) != "an" && r.word(p) != "the") return std::nullopt;
  int q = p + 1;
  while (q < s.end_word && is_soft_adverb(r.word(q))) ++q;
  if (q >= s.end_word || cues::is_judgement(r.word(q)) || is_comparative(r.word(q))) return std::nullopt;
  if (!says_something(r, q, s.end_word, 2)) return std::nullopt;
  return Hit{start, std::min(s.end_word - 1, q + 3), 2};
}

// "...; that property is idempotency", "An operation is idempotent when...": the concept named
// after what it is.
std::optional<Hit> concept_predicate(const Reading& r, const rehearse::Sentence& s, int start) {
  static const WordSet links = {"is", "are", "called", "named", "as"};
  for (int k = start + 1; k < s.end_word - 1; ++k) {
    if (!links.count(r.word(k))) continue;
    int e = k + 1;
    while (e < s.end_word && r.is_concept(e)) ++e;
    if (e == k + 1) continue;
    const bool ends_sentence = e >= s.end_word;
    const bool condition = e < s.end_word && (r.word(e) == "when" || r.word(e) == "if");
    if (ends_sentence && says_something(r, start, k, 2)) return Hit{std::max(start, k - 3), e - 1, 2};
    if (condition && says_something(r, e + 1, s.end_word, 2)) return Hit{std::max(start, k - 2), std::min(s.end_word - 1, e + 3), 2};
  }
  return std::nullopt;
}

// "A separate structure, usually a B-tree, that keeps...": the first sentence answering "what
// is X?" with the noun phrase alone.
std::optional<Hit> elliptical(const Reading& r, const rehearse::Sentence& s) {
  static const WordSet relative = {"that", "which", "where", "whose", "used"};
  if (s.size() < 6 || (r.word(s.first_word) != "a" && r.word(s.first_word) != "an")) return std::nullopt;
  for (int k = s.first_word + 2; k < s.end_word && k <= s.first_word + 9; ++k) {
    const std::string& w = r.word(k);
    if (w == "is" || w == "are" || w == "was" || w == "were") return std::nullopt;
    if (relative.count(w) && says_something(r, k, s.end_word, 2)) return Hit{s.first_word, std::min(s.end_word - 1, k + 3), 2};
  }
  return std::nullopt;
}

// For "X or Y?": a sentence that names both sides and sets what they are against each other ("SQL
// keeps data in tables..., while NoSQL stores documents"). A sentence that weighs or picks between
// them ("UDP for games but TCP for files") is a when-to-use or a tradeoff instead.
std::optional<Hit> contrast(const Reading& r, const rehearse::Sentence& s, const std::vector<Hit>& judged) {
  static const WordSet contrasts = {"while", "whereas", "unlike", "compared", "both"};
  if (!r.question().comparison) return std::nullopt;
  std::unordered_set<int> groups;
  int first = -1, turn = -1;
  for (int k = s.first_word; k < s.end_word; ++k) {
    if (const int g = r.group_of(k); g >= 0) {
      groups.insert(g);
      if (first < 0) first = k;
    }
    if (contrasts.count(r.word(k)) && turn < 0) turn = k;
  }
  if (groups.size() < 2 || turn < 0 || judged_at(judged, s.first_word, s.end_word - 1)) return std::nullopt;
  return Hit{first, std::min(s.end_word - 1, first + 6), 1};
}

// For "How does X work?": the answer's first sentence, when it is not a story of one's own nor a
// judgement, explains the mechanism, which is what such a question asks for ("Writes go into an
// in-memory table, which is flushed to disk...").
std::optional<Hit> mechanism(const Reading& r) {
  if (!r.question().how_it_works || r.text().sentences().empty()) return std::nullopt;
  const auto& s = r.text().sentences().front();
  if (s.size() < 8) return std::nullopt;
  for (int k = s.first_word; k < s.end_word; ++k)
    if (is_first_person(r.word(k)) || is_praise(r.word(k))) return std::nullopt;
  if (!says_something(r, s.first_word, s.end_word, 4)) return std::nullopt;
  return Hit{s.first_word, std::min(s.end_word - 1, s.first_word + 8), 1};
}

std::vector<Hit> definition_hits(const Reading& r, const std::vector<Hit>& judged) {
  std::vector<Hit> hits = cue_hits(r, cues::definition(), 2, false);
  const auto& sentences = r.text().sentences();
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const auto& s = sentences[i];
    if (s.size() < 3) continue;
    int start = s.first_word;
    const Label label = label_of(r, s, false);
    if (label.last >= 0) {
      if (label.kind || label.section) continue;  // "Downsides: ..." says how it weighs, not what it is
      // "Token bucket: tokens refill at a fixed rate...": a list of definitions.
      if (r.word(s.first_word) != "the" && !rehearse::is_stop_word(r.word(s.first_word)) &&
          says_something(r, label.last + 1, s.end_word, 2)) {
        hits.push_back({s.first_word, std::min(s.end_word - 1, label.last + 5), 2});
        continue;
      }
      start = label.last + 1;
    }
    if (auto hit = concept_subject(r, s, start, judged)) hits.push_back(*hit);
    else if (auto hit2 = concept_predicate(r, s, start)) hits.push_back(*hit2);
    else if (i < 2) {
      if (auto hit3 = pronoun_subject(r, s, start)) hits.push_back(*hit3);
      else if (i == 0) {
        if (auto hit4 = elliptical(r, s)) hits.push_back(*hit4);
      }
    }
    if (auto hit = contrast(r, s, judged)) hits.push_back(*hit);
  }
  if (auto hit = mechanism(r)) hits.push_back(*hit);
  return hits;
}

// --- when to use it -----------------------------------------------------------------------------

// "If everything sits in one database, just use a transaction": a condition, then a choice.
std::vector<Hit> conditional_choice(const Reading& r) {
  static const WordSet openers = {"if", "when", "whenever", "once", "unless"};
  static const WordSet verbs = {"use", "pick", "choose", "prefer", "reach", "stick", "opt", "lean", "avoid", "skip"};
  std::vector<Hit> hits;
  for (const auto& s : r.text().sentences()) {
    if (s.size() < 4 || !openers.count(r.word(s.first_word))) continue;
    for (int k = s.first_word + 2; k < s.end_word; ++k) {
      if (!verbs.count(r.word(k))) continue;
      hits.push_back({s.first_word, std::min(s.end_word - 1, k + 3), 2});
      break;
    }
  }
  return hits;
}

// "Use them instead of polling when events are rare": a verb of choosing, then in the same clause
// the condition.
std::vector<Hit> choice_then_condition(const Reading& r) {
  static const WordSet verbs = {"use", "using", "choose", "choosing", "pick", "picking", "prefer", "preferring", "reach", "adopt"};
  static const WordSet conditions = {"when", "whenever", "if", "once"};
  std::vector<Hit> hits;
  const AnswerText& text = r.text();
  const int n = word_count(text);
  for (int i = 0; i < n; ++i) {
    if (!verbs.count(r.word(i))) continue;
    const int end = std::min(r.sentence_of(i).end_word, i + 7);
    for (int k = i + 1; k < end; ++k) {
      if (clause_break(text, k - 1, k)) break;
      if (!conditions.count(r.word(k))) continue;
      hits.push_back({i, std::min(r.sentence_of(i).end_word - 1, k + 3), 2});
      break;
    }
  }
  return hits;
}

// A contrast, then a cost: "nearly free but limited in size", "X is fast, whereas Y is slower".
std::vector<Hit> contrast_then_cost(const Reading& r) {
  static const WordSet turns = {"but", "while", "whereas", "though", "although", "yet", "however"};
  static const WordSet costs = {"slower", "harder", "costlier", "pricier", "riskier", "heavier", "weaker", "worse", "limited",
                                "bounded", "expensive", "complex", "complicated", "fragile", "overhead", "stale", "lossy",
                                "fragment", "fragments", "fragmentation", "bloat", "bloats", "contention", "latency"};
  std::vector<Hit> hits;
  const AnswerText& text = r.text();
  const int n = word_count(text);
  for (int i = 0; i < n; ++i) {
    if (!turns.count(r.word(i))) continue;
    const int end = std::min(r.sentence_of(i).end_word, i + 7);
    for (int k = i + 1; k < end; ++k) {
      if (!costs.count(r.word(k)) || r.negated(k)) continue;
      hits.push_back({i, k, 1});
      break;
    }
  }
  return hits;
}

// --- example ------------------------------------------------------------------------------------

// A numeral with its unit glued on: "5ms", "10k", "3x", "4tb".
bool numeral_with_unit(std::string_view word) {
  if (!rehearse::is_numeral(word) || word == "%") return false;
  std::size_t k = 0;
  while (k < word.size() && ((word[k] >= '0' && word[k] <= '9') || word[k] == '.' || word[k] == ',')) ++k;
  return k < word.size() && cues::is_unit(word.substr(k));
}

// A number with what it counts: "50 million rows", "a 5-minute TTL", "10 cache nodes", "$40".
std::vector<Hit> numbers_with_units(const Reading& r) {
  std::vector<Hit> hits;
  const AnswerText& text = r.text();
  const int n = word_count(text);
  for (int i = 0; i < n; ++i) {
    const std::string& w = r.word(i);
    if (!rehearse::is_quantity(w) || w == "%") continue;
    const int sentence = word_at(text, i).sentence;
    auto unit_at = [&](int k) {
      return k < n && word_at(text, k).sentence == sentence && !clause_break(text, k - 1, k) && cues::is_unit(r.word(k));
    };
    const bool digits = rehearse::is_numeral(w);
    bool found = numeral_with_unit(w) || (i > 0 && r.word(i - 1) == "$" && digits);
    if (!found && unit_at(i + 1)) found = digits || (r.word(i + 1) != "x" && r.word(i + 1) != "m" && r.word(i + 1) != "k");
    // "10 cache nodes": one word between the number and its unit.
    if (!found && digits && i + 2 < n && !rehearse::is_stop_word(r.word(i + 1)) && !clause_break(text, i, i + 1) && unit_at(i + 2))
      found = true;
    if (found) hits.push_back({std::max(r.sentence_of(i).first_word, i - 1), std::min(r.sentence_of(i).end_word - 1, i + 2), 1});
  }
  return hits;
}

// "like account balances", "such as cached data": a case of it in use. A list of product names
// ("databases like MySQL and Postgres") names members of a category, not the concept at work, so
// a capitalised name after "like" does not count on its own.
std::vector<Hit> like_a_case(const Reading& r) {
  static const WordSet not_example = {"a", "an", "the", "i", "you", "we", "they", "would", "i'd", "you'd", "we'd", "look", "looks",
                                      "looked", "feel", "feels", "felt", "seem", "seems", "sound", "sounds", "something", "don't",
                                      "didn't", "just", "more", "much", "nothing", "anything", "it", "is", "was", "exactly"};
  static const WordSet articles = {"a", "an", "the"};
  std::vector<Hit> hits;
  const AnswerText& text = r.text();
  const int n = word_count(text);
  for (int i = 0; i + 1 < n; ++i) {
    int after = -1;
    if (r.word(i) == "like" && (i == 0 || !not_example.count(r.word(i - 1)))) after = i + 1;
    if (r.word(i) == "such" && r.word(i + 1) == "as") after = i + 2;
    if (after < 0 || after >= n || word_at(text, after).sentence != word_at(text, i).sentence) continue;
    int k = after;
    if (articles.count(r.word(k)) && k + 1 < n && word_at(text, k + 1).sentence == word_at(text, i).sentence) ++k;
    if (rehearse::is_stop_word(r.word(k)) || has_upper(text, k)) continue;
    hits.push_back({i, std::min(r.sentence_of(i).end_word - 1, k + 3), 1});
  }
  return hits;
}

// "think clickstream, change data capture...": "think" as an imperative introduces cases.
std::vector<Hit> think_of(const Reading& r) {
  static const WordSet subjects = {"i", "you", "we", "they", "people", "don't", "i'd", "would", "to", "do", "also", "really",
                                   "still", "may", "might", "should", "could", "will", "can", "not", "and", "so", "just"};
  static const WordSet objects = {"about", "that", "it", "this", "of", "so", "we", "you", "i", "the", "through"};
  std::vector<Hit> hits;
  const int n = word_count(r.text());
  for (int i = 0; i + 1 < n; ++i) {
    if (r.word(i) != "think") continue;
    const bool starts = i == r.sentence_of(i).first_word;
    if (!starts && subjects.count(r.word(i - 1))) continue;
    if (!starts && rehearse::is_stop_word(r.word(i - 1))) continue;
    if (objects.count(r.word(i + 1)) && !(starts && r.word(i + 1) == "of")) continue;
    hits.push_back({i, std::min(r.sentence_of(i).end_word - 1, i + 3), 2});
  }
  return hits;
}

// --- design -------------------------------------------------------------------------------------

// A quantity that can measure scale: a figure ("40", "3k", "1.5"), or a number word of the
// hundreds and up ("millions"). Not "half", "twice" or "zero", and not a small count written out:
// "two requests can both see one coupon left" tells a race, not a load.
bool is_magnitude_word(std::string_view word) {
  if (!rehearse::is_quantity(word)) return false;
  if (!word.empty() && word.front() >= '0' && word.front() <= '9') return true;
  static const WordSet large = {"hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
                                "trillion", "trillions", "dozens", "tens"};
  return large.count(word) > 0;
}

// A number next to what it measures: "100M new URLs a month", "40 writes/s", "3 TB", "1M
// drivers online at peak".
std::vector<Hit> scale_hits(const Reading& r) {
  static const WordSet rate_words = {"a", "an", "per", "each", "every"};
  static const WordSet joins = {"and", "or", "to", "but", "which", "that", "so", "because", "while", "then"};
  std::vector<Hit> hits;
  const AnswerText& text = r.text();
  const int n = word_count(text);
  for (int i = 0; i < n; ++i) {
    const std::string& w = r.word(i);
    if (!is_magnitude_word(w) || w == "%") continue;
    const int sentence = word_at(text, i).sentence;
    bool found = false;
    // Within three words, in the same clause: in "replicated to three nodes and reads go to any
    // replica" the reads are not what the three counts.
    for (int k = i + 1; k < n && k <= i + 3 && word_at(text, k).sentence == sentence && !found; ++k) {
      const std::string& u = r.word(k);
      if (clause_break(text, k - 1, k) || joins.count(u)) break;
      if (cues::is_scale_noun(u)) found = true;
      // A rate: "a second", "per day", "/s".
      if (cues::is_time_unit(u) && (rate_words.count(r.word(k - 1)) || gap(text, k - 1, k).find('/') != std::string_view::npos))
        found = true;
    }
    if (found) hits.push_back({std::max(r.sentence_of(i).first_word, i - 1), std::min(r.sentence_of(i).end_word - 1, i + 4), 2});
  }
  return hits;
}

// A schema written out: "urls(short_code PK, long_url, ...)", or field names in snake_case.
std::vector<Hit> schema_shapes(const Reading& r) {
  std::vector<Hit> hits;
  const AnswerText& text = r.text();
  const std::string& raw = text.text();
  for (const auto& s : text.sentences()) {
    int snake = 0;
    bool tuple = false;
    int at = s.first_word;
    for (int k = s.first_word; k < s.end_word; ++k) {
      const auto& w = word_at(text, k);
      // A name glued to "(" with a comma inside: a record and its fields.
      if (w.end < raw.size() && raw[w.end] == '(' && !tuple) {
        const std::string_view inside = std::string_view(raw).substr(w.end, 400);  // bounded: "a(a(a(..." stays linear
        const auto close = inside.find(')');
        const auto comma = inside.find(',');
        if (close != std::string_view::npos && comma != std::string_view::npos && comma < close) {
          tuple = true;
          at = k;
        }
      }
      if (k + 1 < s.end_word && gap(text, k, k + 1) == "_") {
        if (++snake == 1 && !tuple) at = k;
      }
    }
    if (tuple || snake >= 2) hits.push_back({at, std::min(s.end_word - 1, at + 6), 2});
  }
  return hits;
}

// Whether a modal is hedged by a condition just before it: "if it needs to scale", "maybe it has
// to".
bool hedged(const Reading& r, int i) {
  static const WordSet conditions = {"if", "unless", "when", "whenever", "maybe", "might", "perhaps", "once"};
  const int first = r.sentence_of(i).first_word;
  for (int k = std::max(first, i - 3); k < i; ++k)
    if (conditions.count(r.word(k))) return true;
  return false;
}

// Whether a modal says what the designer must then do rather than what the system must do: "I
// now have to keep Redis and Postgres in step", "then you have to reconcile" are the price of a
// choice, while "links must never change" and "we need to support 10k writes" are requirements.
bool designers_chore(const Reading& r, int i) {
  static const WordSet chore_subjects = {"i", "you", "i'd", "you'd", "i'll", "you'll"};
  static const WordSet adverbs = {"now", "then", "also", "still", "just", "really", "always", "only", "suddenly"};
  const int first = r.sentence_of(i).first_word;
  int k = i - 1;
  while (k >= first && k >= i - 3 && adverbs.count(r.word(k))) --k;
  return k >= first && chore_subjects.count(r.word(k)) > 0;
}

// A question asked of the interviewer ("which channels, and who triggers them?") clarifies the
// requirements.
std::vector<Hit> clarifying_questions(const Reading& r) {
  std::vector<Hit> hits;
  const AnswerText& text = r.text();
  for (const auto& s : text.sentences()) {
    if (s.size() < 3) continue;
    const int last = s.end_word - 1;
    const auto end = word_at(text, last).end;
    const auto mark = text.text().find_first_not_of(" \t\"')", end);
    if (mark != std::string::npos && text.text()[mark] == '?') hits.push_back({s.first_word, last, 2});
  }
  return hits;
}

// Components: the cue hits, with neighbours joined into one building block ("API service",
// "load balancer", "Redis cluster").
std::vector<Hit> component_hits(const Reading& r) {
  std::vector<Hit> hits;
  for (const auto& hit : cues::components().find_all(r.text())) {
    if (!hits.empty() && hit.first == hits.back().last + 1 && !clause_break(r.text(), hits.back().last, hit.first))
      hits.back().last = hit.last;
    else
      hits.push_back({hit.first, hit.last, 1});
  }
  return hits;
}

// How many different building blocks the hits name (two mentions of "cache" are one), and the
// first hit of each.
int distinct_components(const Reading& r, const std::vector<Hit>& hits, std::vector<int>* firsts) {
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    std::string name;
    for (int k = hits[i].first; k <= hits[i].last; ++k) name += stem_of(r.word(k)) + " ";
    if (seen.insert(name).second && firsts) firsts->push_back(static_cast<int>(i));
  }
  return static_cast<int>(seen.size());
}

// --- findings -----------------------------------------------------------------------------------

// The words around a hit within its sentence: enough of the answer to recognise it.
std::string clause(const AnswerText& text, const Hit& hit, int before = 3, int after = 6) {
  const auto& sentence = text.sentences()[static_cast<std::size_t>(word_at(text, hit.first).sentence)];
  const int from = std::max(sentence.first_word, hit.first - before);
  const int to = std::min(sentence.end_word - 1, std::max(hit.last, hit.first) + after);
  return text.quote(from, to, 90);
}

// The strongest hit, the first of them in the answer.
const Hit& best(const std::vector<Hit>& hits) {
  const Hit* top = &hits.front();
  for (const auto& h : hits)
    if (h.strength > top->strength || (h.strength == top->strength && h.first < top->first)) top = &h;
  return *top;
}

Check make_check(const AnswerText& text, const Criterion& c, std::vector<Hit> hits) {
  Check check{{c.name, false, "", ""}, c.weight, {}};
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.first < b.first; });
  if (hits.empty()) {
    check.finding.advice = c.advice;
    return check;
  }
  check.finding.met = true;
  check.finding.evidence = clause(text, best(hits), 2, 6);
  check.hits = std::move(hits);
  return check;
}

}  // namespace

Question Question::read(std::string_view prompt) {
  static const WordSet separators = {"or", "vs", "versus", "over", "instead", "than", "against"};
  static const WordSet compare_words = {"compare", "contrast", "difference", "differences", "differ", "between", "versus", "vs"};
  Question q;
  const AnswerText text{std::string(prompt)};
  bool compare = false;
  for (const auto& w : text.words()) compare = compare || compare_words.count(w.text);
  bool how = false;
  q.groups.emplace_back();
  for (std::size_t i = 0; i < text.words().size(); ++i) {
    const std::string& w = text.words()[i].text;
    if (w == "how") how = true;
    if (how && (w == "work" || w == "works")) q.how_it_works = true;
    const bool separator = separators.count(w) || (compare && w == "and");
    // A question mark or colon ends the subject ("Kafka or RabbitMQ: how do they differ?").
    if (separator && !q.groups.back().empty()) q.groups.emplace_back();
    if (!rehearse::is_stop_word(w) && !rehearse::is_numeral(w)) q.all_stems.insert(stem_of(w));
    if (separator || rehearse::is_stop_word(w) || cues::is_question_framing(w) || rehearse::is_numeral(w)) continue;
    const std::string stem = stem_of(w);
    q.groups.back().insert(stem);
    q.concept_stems.insert(stem);
  }
  if (q.groups.back().empty()) q.groups.pop_back();
  q.comparison = q.groups.size() >= 2;
  return q;
}

std::vector<Check> check_technical(const AnswerText& text, const Question& question) {
  const Reading r(text, question);
  std::vector<Hit> when = cue_hits(r, cues::when_to_use(), 2, false);  // "don't use it for" still says when
  // "The right tool for the job" says nothing about which job.
  std::erase_if(when, [&](const Hit& h) {
    return h.last + 2 < word_count(text) && r.word(h.last + 1) == "the" && r.word(h.last + 2) == "job";
  });
  append(when, conditional_choice(r));
  append(when, choice_then_condition(r));
  std::vector<Hit> tradeoff = cue_hits(r, cues::tradeoff(), 2, true);
  append(tradeoff, contrast_then_cost(r));
  std::vector<Hit> example = cue_hits(r, cues::example(), 2, true);
  append(example, numbers_with_units(r));
  append(example, like_a_case(r));
  append(example, think_of(r));
  // Section labels: "Downsides: ...", "Example: ...", "When to use: ...". The answer's own headings
  // say most plainly what a sentence is.
  for (const auto& s : text.sentences()) {
    const Label label = label_of(r, s, false);
    if (!label.kind) continue;
    const Hit hit{s.first_word, std::min(s.end_word - 1, label.last + 4), 3};
    if (*label.kind == Kind::tradeoff) tradeoff.push_back(hit);
    if (*label.kind == Kind::example) example.push_back(hit);
    if (*label.kind == Kind::when_to_use) when.push_back(hit);
  }
  std::vector<Hit> judged = when;
  append(judged, tradeoff);
  std::vector<Hit> definition = definition_hits(r, judged);
  return {make_check(text, kTechnical[0], std::move(definition)), make_check(text, kTechnical[1], std::move(when)),
          make_check(text, kTechnical[2], std::move(tradeoff)), make_check(text, kTechnical[3], std::move(example))};
}

std::vector<Check> check_design(const AnswerText& text, const Question& question) {
  const Reading r(text, question);
  std::vector<Hit> requirements = cue_hits(r, cues::requirements(), 2, false);
  append(requirements, clarifying_questions(r));
  for (const auto& hit : cues::requirement_modals().find_all(text))
    if (!hedged(r, hit.first) && !designers_chore(r, hit.first)) requirements.push_back({hit.first, hit.last, 1});
  std::vector<Hit> scale = scale_hits(r);
  std::vector<Hit> components = component_hits(r);
  std::vector<Hit> data = cue_hits(r, cues::data_model(), 2, false);
  append(data, schema_shapes(r));
  std::vector<Hit> bottlenecks = cue_hits(r, cues::bottlenecks(), 2, true);
  append(bottlenecks, cue_hits(r, cues::scaling(), 1, true));
  std::vector<Hit> tradeoffs = cue_hits(r, cues::tradeoff(), 2, true);
  append(tradeoffs, cue_hits(r, cues::design_choice(), 2, true));
  // Headings such as "Scale:" or "Components:" need what they announce (numbers, two building
  // blocks) to count; they only say which part a sentence is.
  std::vector<Hit> scale_labels, component_labels;
  for (const auto& s : text.sentences()) {
    const Label label = label_of(r, s, true);
    if (!label.kind) continue;
    const Hit hit{s.first_word, std::min(s.end_word - 1, label.last + 4), 3};
    if (*label.kind == Kind::scale) scale_labels.push_back(hit);
    if (*label.kind == Kind::components) component_labels.push_back(hit);
    if (*label.kind == Kind::requirements) requirements.push_back(hit);
    if (*label.kind == Kind::data_model) data.push_back(hit);
    if (*label.kind == Kind::bottlenecks) bottlenecks.push_back(hit);
    if (*label.kind == Kind::tradeoffs) tradeoffs.push_back(hit);
  }

  // A design has several building blocks: one named part (a database) is not yet a design.
  std::vector<int> firsts;
  const int distinct = distinct_components(r, components, &firsts);
  Check parts = make_check(text, kDesign[2], distinct >= 2 ? components : std::vector<Hit>{});
  if (parts.finding.met) {
    // Quote the first few distinct parts, as the answer names them.
    std::string evidence;
    for (std::size_t k = 0; k < firsts.size() && k < 3; ++k) {
      const Hit& h = components[static_cast<std::size_t>(firsts[k])];
      evidence += (evidence.empty() ? "" : " | ") + text.quote(h.first, h.last, 60);
    }
    parts.finding.evidence = evidence;
  } else if (distinct == 1) {
    parts.finding.advice = fmt::format("Only one building block is named (\"{}\"): {}", text.quote(components.front().first, components.front().last),
                                       "add the others and how a request flows through them: API, services, cache, queue, database.");
  }
  if (parts.finding.met) append(parts.hits, component_labels);
  Check estimate = make_check(text, kDesign[1], std::move(scale));
  if (estimate.finding.met) append(estimate.hits, scale_labels);
  return {make_check(text, kDesign[0], std::move(requirements)), std::move(estimate), std::move(parts),
          make_check(text, kDesign[3], std::move(data)),         make_check(text, kDesign[4], std::move(bottlenecks)),
          make_check(text, kDesign[5], std::move(tradeoffs))};
}

std::string too_thin(const AnswerText& text, const Question& question, bool design) {
  const char* wanted = design ? "the requirements, a scale estimate, the components, the data model, the bottleneck and a tradeoff"
                              : "what it is, when to use it, what it costs and an example";
  const int words = text.spoken_word_count();
  if (words < 8) return fmt::format("Too short to grade ({} word{}): say {}.", words, words == 1 ? "" : "s", wanted);
  std::unordered_set<std::string> fresh;
  for (const auto& w : text.words()) {
    if (rehearse::is_stop_word(w.text) || rehearse::is_numeral(w.text)) continue;
    const std::string stem = stem_of(w.text);
    if (!question.all_stems.count(stem)) fresh.insert(stem);
    if (fresh.size() >= 3) return {};
  }
  return fmt::format("Nothing to grade: the answer only repeats the question's own words. Say {}.", wanted);
}

std::vector<Check> unmet(bool design) {
  std::vector<Check> checks;
  auto add = [&](const Criterion& c) { checks.push_back({{c.name, false, "", c.advice}, c.weight, {}}); };
  if (design)
    for (const auto& c : kDesign) add(c);
  else
    for (const auto& c : kTechnical) add(c);
  return checks;
}

std::vector<rehearse::AnswerPart> sentence_parts(const AnswerText& text, const std::vector<Check>& checks) {
  std::vector<rehearse::AnswerPart> parts;
  const auto& sentences = text.sentences();
  // For each sentence and criterion: its strongest hit, the sum of its hits, and where it first
  // shows. The strongest hit decides, so that an explicit cue ("at the cost of") outweighs the
  // nouns a sentence happens to name (two components); then the sum, then the first.
  struct Weight {
    int top = 0, sum = 0, first = -1;
  };
  std::vector<std::vector<Weight>> weight(sentences.size(), std::vector<Weight>(checks.size()));
  for (std::size_t c = 0; c < checks.size(); ++c) {
    for (const auto& h : checks[c].hits) {
      Weight& w = weight[static_cast<std::size_t>(word_at(text, h.first).sentence)][c];
      w.top = std::max(w.top, h.strength);
      w.sum += h.strength;
      if (w.first < 0 || h.first < w.first) w.first = h.first;
    }
  }
  auto better = [](const Weight& a, const Weight& b) {
    if (a.top != b.top) return a.top > b.top;
    if (a.sum != b.sum) return a.sum > b.sum;
    return a.first < b.first;
  };
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto& sentence = sentences[s];
    if (sentence.size() == 0) continue;
    int chosen = -1;
    for (std::size_t c = 0; c < checks.size(); ++c) {
      if (weight[s][c].top == 0) continue;
      if (chosen < 0 || better(weight[s][c], weight[s][static_cast<std::size_t>(chosen)])) chosen = static_cast<int>(c);
    }
    const std::size_t begin = word_at(text, sentence.first_word).begin;
    const std::size_t end = word_at(text, sentence.end_word - 1).end;
    parts.push_back({chosen < 0 ? "other" : checks[static_cast<std::size_t>(chosen)].finding.criterion, text.text().substr(begin, end - begin),
                     begin, end});
  }
  return parts;
}

}  // namespace technical
