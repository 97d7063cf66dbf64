// tools/eval-scorers: how often the scorers agree with labelled answers (tests/data/scorer-eval).
//
// The scorers are loaded as plugins, as the program loads them, and given the labelled answers:
//   star       sentence-level STAR labels (word-weighted), the largest part, ranking against
//              weakened copies, and whether any finding contradicts another or the labels;
//   keypoints  precision and recall of "key point covered", by kind of answer;
//   denials    precision and recall of "this thing was not done", the SDK's NegationScope alone;
//   technical  precision and recall of each criterion;
//   question types  the confusion between what a question asks and what its wording suggests.
// Each figure is given for the tuning set and the held-out set apart. With --check the program
// exits 1 when a figure is below its target (the README's Scorers section lists them).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <regex>
#include <set>

#include "eval_data.h"
#include "rehearse/engine.h"
#include "rehearse/review_session.h"
#include "rehearse/text.h"

namespace fs = std::filesystem;
using namespace rehearse;

namespace {

struct Settings {
  fs::path data = REHEARSE_EVAL_DATA_DIR;
  fs::path plugins = REHEARSE_EVAL_PLUGIN_DIR;
  bool check = false;
  bool check_targets = false;
  bool show_misses = false;  // print the tuning set's disagreements (never the held-out set's)
};

// Every kind of answer has a third set, "dev": answers by other writers or on other topics,
// looked at to find where the rules fail to generalise without ever looking at the held-out set.
const char* kDevSets[] = {"tune", "dev", "holdout"};

// Each figure has a target (where the scorers must get to; the same figures are measured on
// answers this project has never seen) and a floor (what they reach today, kept by the test suite
// so that no change makes them worse). Both are printed; --check fails below a floor, and
// --check-targets below a target.
struct Goal {
  double target;
  double floor;
};
constexpr Goal kStarLabelTarget{0.90, 0.95};
constexpr Goal kLargestPartTarget{0.95, 0.96};
// The key-point floors were reset when nine new writers joined the sets (mostly negated answers,
// the hardest kind): on the larger sets the scorer stood at 0.792 / 0.654, where the code before
// that round's rules reached 0.743 / 0.637. They were reset again when four more writers (638
// judgements of every kind, first measured at 0.816 / 0.504) joined: the code before then stood at
// 0.814 / 0.634 on the larger sets, and the rules written since reach 0.824 / 0.635. And again
// when four more writers (611 judgements, first measured at 0.645 / 0.395) joined: the code before
// then stood at 0.808 / 0.609 on the larger sets, and the rules written since reach 0.817 / 0.612.
// The precision floor was raised once the rules reached 0.824 / 0.614 on the same sets, and again
// at 0.831 / 0.614.
constexpr Goal kPrecisionTarget{0.95, 0.83};
constexpr Goal kRecallTarget{0.85, 0.61};
constexpr Goal kRankingTarget{0.95, 0.95};
// Denials feed the key points (a denied mention covers nothing), so they aim as high. The floors
// are where the negation scope stood over its forty-four writers once the sixth round was read and
// more readings written (0.944 / 0.521; the scope before the first round reached 0.835 / 0.335 on
// the first thirty-two); the recall floor was raised once the scope reached 0.533, and again when
// it reached 0.563 over forty-eight writers (the seventh round, held out, first measured at
// 0.884 / 0.284 with the code before its session and 0.900 / 0.336 after), and again when it
// reached 0.581 on the same writers; both were raised when the scope reached 0.955 / 0.600.
constexpr Goal kDenialPrecisionTarget{0.95, 0.95};
constexpr Goal kDenialRecallTarget{0.85, 0.59};
constexpr Goal kQuestionTypeTarget{0.90, 0.92};
constexpr Goal kCriterionPrecisionTarget{0.90, 0.94};
constexpr Goal kCriterionRecallTarget{0.85, 0.90};

struct Ratio {
  double hit = 0, total = 0;
  void add(bool ok, double weight = 1) {
    total += weight;
    if (ok) hit += weight;
  }
  double value() const { return total > 0 ? hit / total : 0; }
  std::string str() const { return total > 0 ? fmt::format("{:.3f} ({:.0f}/{:.0f})", value(), hit, total) : "-"; }
};

struct Confusion {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  void add(bool predicted, bool actual) {
    if (predicted && actual) ++tp;
    if (predicted && !actual) ++fp;
    if (!predicted && actual) ++fn;
    if (!predicted && !actual) ++tn;
  }
  double precision() const { return tp + fp > 0 ? static_cast<double>(tp) / (tp + fp) : 1; }
  double recall() const { return tp + fn > 0 ? static_cast<double>(tp) / (tp + fn) : 1; }
  std::string str() const {
    return fmt::format("precision {:.3f}  recall {:.3f}  (tp {} fp {} fn {} tn {})", precision(), recall(), tp, fp, fn, tn);
  }
  Confusion& operator+=(const Confusion& o) {
    tp += o.tp, fp += o.fp, fn += o.fn, tn += o.tn;
    return *this;
  }
};

class Evaluation {
 public:
  Evaluation(const Settings& settings, Engine& engine) : settings_(settings), engine_(engine) {}

  int run() {
    star();
    keypoints();
    denials();
    technical();
    question_types();
    // A figure for orientation only; tools/bench times scoring properly.
    if (scorings_ > 0) fmt::print("\n{} answers scored, {:.2f} ms each on average\n", scorings_, 1000 * scoring_seconds_ / scorings_);
    if (!short_of_target_.empty()) {
      fmt::print("\nShort of target:\n");
      for (const auto& item : short_of_target_) fmt::print("  {}\n", item);
    }
    if (!failures_.empty()) {
      fmt::print("\nBelow the floor (worse than before):\n");
      for (const auto& failure : failures_) fmt::print("  {}\n", failure);
    }
    if (failures_.empty() && short_of_target_.empty()) fmt::print("\nAll targets met.\n");
    if (settings_.check && !failures_.empty()) return 1;
    if (settings_.check_targets && !(failures_.empty() && short_of_target_.empty())) return 1;
    return 0;
  }

 private:
  const Scorer* scorer(const char* name) const { return engine_.registry().scorer(name); }

  ScoreResult score(const Scorer* scorer, const CardContent& card, const std::string& text) const {
    const auto start = std::chrono::steady_clock::now();
    const CombinedScore combined = score_answer(engine_, {scorer}, card, Attempt{text, 0, std::nullopt}, false);
    scoring_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++scorings_;
    if (!combined.errors.empty()) throw std::runtime_error(combined.errors.front());
    return combined.parts.front();
  }

  void target(const std::string& what, double value, Goal goal) {
    if (value + 1e-9 < goal.floor) {
      failures_.push_back(fmt::format("{}: {:.3f}, below its floor {:.2f} (target {:.2f})", what, value, goal.floor, goal.target));
    } else if (value + 1e-9 < goal.target) {
      short_of_target_.push_back(fmt::format("{}: {:.3f}, target {:.2f} (floor {:.2f})", what, value, goal.target, goal.floor));
    }
  }

  // --- star ------------------------------------------------------------------------------------

  static std::string part_at(const ScoreResult& result, std::size_t byte) {
    for (const auto& part : result.parts)
      if (byte >= part.begin && byte < part.end) return part.part;
    return "none";
  }

  // Findings that disagree with each other or with the parts the scorer itself labelled.
  static std::vector<std::string> contradictions(const ScoreResult& result, const std::string& text) {
    std::vector<std::string> found;
    std::map<std::string, int> words;
    const AnswerText answer(text);
    for (const auto& word : answer.words()) words[part_at(result, word.begin)] += 1;
    auto in_parts = [&](const std::string& evidence, std::initializer_list<const char*> parts) {
      // The evidence is a quote of the answer (white space folded, perhaps cut with "..."):
      // find its first words in one of the parts.
      std::string head = evidence.substr(0, std::min<std::size_t>(evidence.find(" | "), evidence.size()));
      if (head.ends_with("...")) head.resize(head.size() - 3);
      head = head.substr(0, 25);
      for (const auto& part : result.parts) {
        if (std::find_if(parts.begin(), parts.end(), [&](const char* p) { return part.part == p; }) == parts.end()) continue;
        std::string folded;
        for (char c : part.text) folded += (c == '\n' || c == '\t') ? ' ' : c;
        if (folded.find(head) != std::string::npos) return true;
      }
      return false;
    };
    for (const auto& f : result.findings) {
      if (f.met && !f.advice.empty()) found.push_back(fmt::format("'{}' is met but gives advice", f.criterion));
      if (f.criterion == "quantified result" && f.met) {
        if (words["result"] + words["lesson"] == 0) found.push_back("a quantified result with no result labelled");
        else if (!in_parts(f.evidence, {"result", "lesson"})) found.push_back(fmt::format("quantified result quoted outside the result: {}", f.evidence));
      }
      if (f.criterion == "all four STAR parts") {
        for (const char* part : {"situation", "task", "action", "result"}) {
          const bool said_missing = !f.met && f.advice.find(part == std::string("situation") ? "context" : part == std::string("task") ? "owned" : part == std::string("action") ? "what you did" : "what changed") != std::string::npos;
          if (said_missing && words[part] > 0) found.push_back(fmt::format("'{}' said missing but labelled", part));
          if (!said_missing && words[part] == 0) found.push_back(fmt::format("'{}' said present but never labelled", part));
        }
      }
      if (f.criterion == "lesson at the end" && f.met && !in_parts(f.evidence, {"lesson", "result"}))
        found.push_back(fmt::format("lesson quoted outside the ending: {}", f.evidence));
      if (f.criterion == "lesson at the end" && !f.met) {
        for (auto part = result.parts.rbegin(); part != result.parts.rend() && (part->part == "lesson" || part->part == "result"); ++part)
          if (part->part == "lesson") {
            found.push_back(fmt::format("lesson said missing but the ending is labelled lesson: {}", part->text));
            break;
          }
      }
    }
    return found;
  }

  // Weakened copies of a strong answer; each empty when the weakening does not apply.
  std::map<std::string, eval::BehaviouralAnswer> weakened(const eval::BehaviouralAnswer& original, std::size_t seed) const {
    using eval::LabelledSentence;
    auto has = [](const LabelledSentence& s, const char* part) { return std::find(s.parts.begin(), s.parts.end(), part) != s.parts.end(); };
    std::map<std::string, eval::BehaviouralAnswer> copies;

    auto we = original;
    static const std::vector<std::pair<std::regex, std::string>> swaps = {
        {std::regex("\\bI'm\\b"), "we're"}, {std::regex("\\bI've\\b"), "we've"}, {std::regex("\\bI'd\\b"), "we'd"},
        {std::regex("\\bI'll\\b"), "we'll"}, {std::regex("\\bI\\b"), "we"},     {std::regex("\\bmyself\\b"), "ourselves"},
        {std::regex("\\bMy\\b"), "Our"},     {std::regex("\\bmy\\b"), "our"},   {std::regex("\\bme\\b"), "us"}};
    for (auto& s : we.sentences) {
      for (const auto& [pattern, replacement] : swaps) s.text = std::regex_replace(s.text, pattern, replacement);
      // A note that leaves out its "I" ("Rolled back the deploy") is the user's step too: in
      // "we" throughout it is "We rolled back the deploy".
      const std::size_t end = s.text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'");
      std::string opener = s.text.substr(0, end);
      std::transform(opener.begin(), opener.end(), opener.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (rehearse::is_past_action(opener))
        s.text = "We " + opener + s.text.substr(std::min(end, s.text.size()));
      if (!s.text.empty() && s.text[0] == 'w') s.text[0] = 'W';
    }
    copies["we-language"] = we;

    auto no_result = original;
    std::erase_if(no_result.sentences, [&](const LabelledSentence& s) { return has(s, "result"); });
    if (no_result.sentences.size() < original.sentences.size()) copies["no result"] = no_result;

    auto one_action = original;
    bool first = true;
    std::erase_if(one_action.sentences, [&](const LabelledSentence& s) {
      if (!has(s, "action") || s.parts.size() > 1) return false;
      if (first) return first = false;
      return true;
    });
    if (one_action.sentences.size() + 1 < original.sentences.size()) copies["one-line action"] = one_action;

    auto padded = original;
    std::size_t after = 0;
    while (after < padded.sentences.size() && has(padded.sentences[after], "situation")) ++after;
    for (std::size_t k = 0; k < 4; ++k)
      padded.sentences.insert(padded.sentences.begin() + static_cast<long>(after + k),
                              LabelledSentence{{"situation"}, weakening_.padding[(seed + k) % weakening_.padding.size()], false});
    copies["padded situation"] = padded;

    auto no_numbers = original;
    static const std::regex number(
        "[$\xE2\x82\xAC\xC2\xA3]?\\b\\d[\\d.,]*\\s*(%|x\\b|k\\b|ms\\b|s\\b|m\\b|gb\\b|tb\\b|percent\\b|minutes?\\b|hours?\\b|seconds?\\b|days?\\b|weeks?\\b|months?\\b)?",
        std::regex::icase);
    bool changed = false;
    static const std::regex number_word(
        "\\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
        "hundreds?|thousands?|millions?|billions?|dozens?|half|twice|double|doubled|triple|tripled|halved)\\b(\\s+(minutes?|hours?|"
        "seconds?|days?|weeks?|months?|percent|times))?",
        std::regex::icase);
    for (auto& s : no_numbers.sentences) {
      const std::string before = s.text;
      s.text = std::regex_replace(s.text, number, "a lot");
      s.text = std::regex_replace(s.text, number_word, "a lot");
      changed = changed || s.text != before;
    }
    if (changed) copies["numbers removed"] = no_numbers;

    auto blamed = original;
    std::size_t at = 0;
    while (at < blamed.sentences.size() && !has(blamed.sentences[at], "action")) ++at;
    blamed.sentences.insert(blamed.sentences.begin() + static_cast<long>(std::min(at + 1, blamed.sentences.size())),
                            LabelledSentence{{"action", "situation"}, weakening_.blame[seed % weakening_.blame.size()], false});
    copies["blame added"] = blamed;
    return copies;
  }

  void star() {
    const Scorer* star = scorer("star");
    if (star == nullptr) {
      failures_.push_back("the star scorer is not loaded");
      return;
    }
    weakening_ = eval::read_weakening(settings_.data / "weakening.txt");
    fmt::print("== star: STAR parts, sentence by sentence\n");
    std::map<std::string, Ratio> rankings;
    Ratio all_labels[2], all_largest;
    int contradiction_count = 0;
    std::vector<std::string> contradiction_examples;
    for (const char* set : kDevSets) {
      const auto answers = eval::read_behavioural(settings_.data / fmt::format("behavioural-{}.txt", set));
      Ratio labels[2], largest;
      std::map<std::string, Ratio> set_rankings;
      std::size_t seed = 0;
      for (const auto& answer : answers) {
        CardContent card;
        card.kind = CardKind::question;
        card.type = QuestionType::behavioural;
        card.prompt = answer.question;
        for (int together = 0; together < 2; ++together) {
          std::vector<std::pair<std::size_t, std::size_t>> offsets;
          const std::string text = eval::assemble(answer, together == 1, offsets);
          const ScoreResult result = score(star, card, text);
          const AnswerText words(text);
          std::map<std::string, int> gold_words, predicted_words;
          for (std::size_t s = 0; s < answer.sentences.size(); ++s) {
            const auto& gold = answer.sentences[s].parts;
            std::map<std::string, int> here;
            for (const auto& word : words.words()) {
              if (word.begin < offsets[s].first || word.begin >= offsets[s].second) continue;
              const std::string predicted = part_at(result, word.begin);
              const bool right = std::find(gold.begin(), gold.end(), predicted) != gold.end();
              labels[together].add(right);
              all_labels[together].add(right);
              gold_words[gold.front()] += 1;
              predicted_words[predicted] += 1;
              here[predicted] += 1;
            }
            if (settings_.show_misses && std::string(set) != "holdout" && together == 0) {
              const auto best = std::max_element(here.begin(), here.end(), [](auto& a, auto& b) { return a.second < b.second; });
              if (best != here.end() && std::find(gold.begin(), gold.end(), best->first) == gold.end())
                fmt::print("  miss {} [{} as {}] {}\n", answer.id, gold.front(), best->first, answer.sentences[s].text);
            }
          }
          auto top = [](const std::map<std::string, int>& m) {
            return std::max_element(m.begin(), m.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
          };
          largest.add(top(gold_words) == top(predicted_words));
          all_largest.add(top(gold_words) == top(predicted_words));
          if (settings_.show_misses && std::string(set) != "holdout" && together == 0 && top(gold_words) != top(predicted_words))
            fmt::print("  largest part of {}: {} read as {}\n", answer.id, top(gold_words), top(predicted_words));
          for (const auto& problem : contradictions(result, text)) {
            ++contradiction_count;
            if (contradiction_examples.size() < 8) contradiction_examples.push_back(fmt::format("{}: {}", answer.id, problem));
          }
        }
        if (answer.quality == "strong") {
          std::vector<std::pair<std::size_t, std::size_t>> offsets;
          const double original = *score(star, card, eval::assemble(answer, false, offsets)).score;
          for (const auto& [kind, copy] : weakened(answer, seed++)) {
            const ScoreResult weaker = score(star, card, eval::assemble(copy, false, offsets));
            const bool above = original > *weaker.score;
            set_rankings[kind].add(above);
            rankings[kind].add(above);
            if (!above && settings_.show_misses && std::string(set) != "holdout")
              fmt::print("  not above its '{}' copy: {} ({:.0f} vs {:.0f})\n", kind, answer.id, original, *weaker.score);
          }
        }
      }
      fmt::print("  {:<8} {} answers: labels as written {}, run together {}; largest part {}\n", set, answers.size(), labels[0].str(),
                 labels[1].str(), largest.str());
      for (const auto& [kind, ratio] : set_rankings) fmt::print("           above its '{}' copy: {}\n", kind, ratio.str());
    }
    fmt::print("  all      labels as written {}, run together {}; largest part {}\n", all_labels[0].str(), all_labels[1].str(),
               all_largest.str());
    fmt::print("  findings that contradict another finding or the labels: {}\n", contradiction_count);
    for (const auto& example : contradiction_examples) fmt::print("    {}\n", example);
    target("STAR sentence labels as written", all_labels[0].value(), kStarLabelTarget);
    target("STAR sentence labels run together", all_labels[1].value(), kStarLabelTarget);
    target("STAR largest part", all_largest.value(), kLargestPartTarget);
    for (const auto& [kind, ratio] : rankings) target(fmt::format("ranked above its '{}' copy", kind), ratio.value(), kRankingTarget);
    if (contradiction_count > 0) failures_.push_back(fmt::format("{} contradicting findings (target and floor: none)", contradiction_count));
  }

  // --- keypoints -------------------------------------------------------------------------------

  static KeyPoint parse_point(const std::string& line) {
    KeyPoint point;
    const auto bar = line.find('|');
    auto trim = [](std::string s) {
      const auto a = s.find_first_not_of(" \t");
      if (a == std::string::npos) return std::string();
      return s.substr(a, s.find_last_not_of(" \t") - a + 1);
    };
    point.text = trim(line.substr(0, bar));
    if (bar != std::string::npos) {
      std::string rest = line.substr(bar + 1);
      std::size_t start = 0;
      while (start <= rest.size()) {
        const auto comma = std::min(rest.find(',', start), rest.size());
        if (auto alias = trim(rest.substr(start, comma - start)); !alias.empty()) point.aliases.push_back(alias);
        start = comma + 1;
      }
    }
    return point;
  }

  void keypoints() {
    const Scorer* keypoints = scorer("keypoints");
    if (keypoints == nullptr) {
      failures_.push_back("the keypoints scorer is not loaded");
      return;
    }
    fmt::print("\n== keypoints: is a key point covered?\n");
    Confusion all;
    int contradictions = 0;
    for (const char* set : kDevSets) {
      if (!fs::exists(settings_.data / fmt::format("keypoints-{}.txt", set))) continue;
      const auto answers = eval::read_keypoints(settings_.data / fmt::format("keypoints-{}.txt", set));
      Confusion total;
      std::map<std::string, Confusion> by_kind;
      for (const auto& answer : answers) {
        CardContent card;
        card.kind = CardKind::question;
        card.prompt = answer.question;
        for (const auto& judgement : answer.points) card.key_points.push_back(parse_point(judgement.point));
        const ScoreResult result = score(keypoints, card, answer.answer);
        for (const auto& f : result.findings)
          if (f.met && !f.advice.empty()) ++contradictions;
        for (std::size_t i = 0; i < answer.points.size(); ++i) {
          const std::string criterion = "key point: " + card.key_points[i].text;
          const auto it = std::find_if(result.findings.begin(), result.findings.end(), [&](const Finding& f) { return f.criterion == criterion; });
          const bool met = it != result.findings.end() && it->met;
          total.add(met, answer.points[i].covered);
          by_kind[answer.kind].add(met, answer.points[i].covered);
          if (met != answer.points[i].covered && settings_.show_misses && std::string(set) != "holdout")
            fmt::print("  {} {} [{}] {}{}\n", met ? "FP" : "FN", answer.id, answer.kind, answer.points[i].point,
                       met ? fmt::format("  <- \"{}\"", it->evidence) : "");
        }
      }
      all += total;
      fmt::print("  {:<8} {} judgements: {}\n", set, total.tp + total.fp + total.fn + total.tn, total.str());
      for (const auto& [kind, c] : by_kind) fmt::print("           {:<11} {}\n", kind, c.str());
    }
    fmt::print("  all      {}\n", all.str());
    target("key points precision", all.precision(), kPrecisionTarget);
    target("key points recall", all.recall(), kRecallTarget);
    if (contradictions > 0) failures_.push_back(fmt::format("{} key-point findings met with advice", contradictions));
  }

  // --- technical -------------------------------------------------------------------------------

  void technical() {
    static const std::map<std::string, std::string> criterion_names = {
        {"definition", "definition"},     {"when-to-use", "when to use it"}, {"tradeoff", "tradeoff"},   {"example", "example"},
        {"requirements", "requirements"}, {"scale-estimate", "scale estimate"}, {"components", "components"},
        {"data-model", "data model"},     {"bottlenecks", "bottlenecks"},    {"tradeoffs", "tradeoffs"}};
    static const std::map<std::string, std::vector<std::string>> criteria_of = {
        {"technical", {"definition", "when-to-use", "tradeoff", "example"}},
        {"design", {"requirements", "scale-estimate", "components", "data-model", "bottlenecks", "tradeoffs"}}};
    const Scorer* technical = scorer("technical");
    const Scorer* star = scorer("star");
    if (technical == nullptr) {
      failures_.push_back("the technical scorer is not loaded");
      return;
    }
    fmt::print("\n== technical: the criteria of explain, compare and design answers\n");
    std::map<std::string, Confusion> all;
    Ratio star_kept_out;
    int contradictions = 0;
    for (const char* set : kDevSets) {
      if (!fs::exists(settings_.data / fmt::format("technical-{}.txt", set))) continue;
      const auto answers = eval::read_technical(settings_.data / fmt::format("technical-{}.txt", set));
      std::map<std::string, Confusion> by_criterion;
      for (const auto& answer : answers) {
        CardContent card;
        card.kind = CardKind::question;
        card.type = question_type_from_string(answer.type);
        card.prompt = answer.question;
        if (star != nullptr) star_kept_out.add(!star->applies_to(card));
        const ScoreResult result = score(technical, card, answer.answer);
        for (const auto& f : result.findings)
          if (f.met && !f.advice.empty()) ++contradictions;
        for (const auto& label : criteria_of.at(answer.type)) {
          const std::string& name = criterion_names.at(label);
          const auto it = std::find_if(result.findings.begin(), result.findings.end(), [&](const Finding& f) { return f.criterion == name; });
          const bool met = it != result.findings.end() && it->met;
          const bool wanted = std::find(answer.criteria.begin(), answer.criteria.end(), label) != answer.criteria.end();
          by_criterion[name].add(met, wanted);
          all[name].add(met, wanted);
          if (met != wanted && settings_.show_misses && std::string(set) != "holdout")
            fmt::print("  {} {} {}{}\n", met ? "FP" : "FN", answer.id, name, met ? fmt::format("  <- \"{}\"", it->evidence) : "");
        }
      }
      Confusion total;
      for (const auto& [name, c] : by_criterion) total += c;
      fmt::print("  {:<8} {} answers: {}\n", set, answers.size(), total.str());
    }
    Confusion total;
    for (const auto& [name, c] : all) {
      fmt::print("    {:<15} {}\n", name, c.str());
      total += c;
    }
    fmt::print("  all      {}\n", total.str());
    fmt::print("  the STAR rubric kept off technical questions: {}\n", star_kept_out.str());
    target("technical criteria precision", total.precision(), kCriterionPrecisionTarget);
    target("technical criteria recall", total.recall(), kCriterionRecallTarget);
    target("STAR rubric kept off technical questions", star_kept_out.value(), Goal{1.0, 1.0});
    if (contradictions > 0) failures_.push_back(fmt::format("{} technical findings met with advice", contradictions));
  }

  // --- denials ---------------------------------------------------------------------------------

  // Where the words `wanted` occur in `text`, one after another: the index of each first word.
  static std::vector<int> occurrences(const AnswerText& text, const std::vector<Word>& wanted) {
    const auto& words = text.words();
    std::vector<int> found;
    for (std::size_t i = 0; !wanted.empty() && i + wanted.size() <= words.size(); ++i) {
      bool same = true;
      for (std::size_t j = 0; j < wanted.size() && same; ++j) same = words[i + j].text == wanted[j].text;
      if (same) found.push_back(static_cast<int>(i));
    }
    return found;
  }

  // The SDK's NegationScope on its own: for each thing a passage names, whether it reads the thing
  // as not done. A thing is read as done when one of its mentions has no negated word, as a key
  // point is met by any mention outside a negation. "Not done" is the class to find: precision
  // is how often a thing read as denied was denied, recall how many denied things it found.
  void denials() {
    fmt::print("\n== denials: which things a passage says were not done (the SDK's NegationScope)\n");
    Confusion all;
    for (const char* set : kDevSets) {
      const fs::path file = settings_.data / fmt::format("denials-{}.txt", set);
      if (!fs::exists(file)) continue;
      Confusion total;
      for (const auto& passage : eval::read_denials(file)) {
        const AnswerText text(passage.text);
        const NegationScope negation(text);
        for (const auto& judgement : passage.terms) {
          const AnswerText term(judgement.term);
          const auto found = occurrences(text, term.words());
          if (found.empty())
            throw std::runtime_error(fmt::format("{}:{}: '{}' is not in the passage's text", file.string(), judgement.line, judgement.term));
          const int length = static_cast<int>(term.words().size());
          const bool read_as_done = std::any_of(found.begin(), found.end(), [&](int first) {
            for (int w = first; w < first + length; ++w)
              if (negation.negated(w) && !negation.is_trigger(w)) return false;
            return true;
          });
          total.add(!read_as_done, !judgement.done);
          if (read_as_done == judgement.done || !settings_.show_misses || std::string(set) == "holdout") continue;
          fmt::print("  {} {} '{}': {}\n", read_as_done ? "FN" : "FP", passage.id, judgement.term, passage.text);
        }
      }
      all += total;
      fmt::print("  {:<8} {} things: {}\n", set, total.tp + total.fp + total.fn + total.tn, total.str());
    }
    fmt::print("  all      {}\n", all.str());
    target("denials precision", all.precision(), kDenialPrecisionTarget);
    target("denials recall", all.recall(), kDenialRecallTarget);
  }

  // --- question types --------------------------------------------------------------------------

  void question_types() {
    fmt::print("\n== question types: what the wording of a question says it asks for\n");
    std::vector<eval::TypedQuestion> questions = eval::read_question_types(settings_.data / "question-types.txt");
    for (const char* set : kDevSets) {
      for (const auto& answer : eval::read_behavioural(settings_.data / fmt::format("behavioural-{}.txt", set)))
        questions.push_back({"behavioural", answer.question});
      for (const auto& answer : eval::read_technical(settings_.data / fmt::format("technical-{}.txt", set)))
        questions.push_back({answer.type, answer.question});
    }
    const std::vector<std::string> types = {"behavioural", "technical", "design", "ask"};
    std::map<std::string, std::map<std::string, int>> matrix;
    Ratio right;
    for (const auto& q : questions) {
      const std::string inferred(to_string(infer_question_type(CardKind::question, q.question)));
      matrix[q.type][inferred] += 1;
      right.add(inferred == q.type);
      if (inferred != q.type && settings_.show_misses) fmt::print("  {} as {}: {}\n", q.type, inferred, q.question);
    }
    fmt::print("  {:<14}", "labelled \\ inferred");
    for (const auto& t : types) fmt::print("{:>13}", t);
    fmt::print("\n");
    for (const auto& row : types) {
      fmt::print("  {:<19}", row);
      for (const auto& column : types) fmt::print("{:>13}", matrix[row][column]);
      fmt::print("\n");
    }
    fmt::print("  inferred right: {}\n", right.str());
    target("question types inferred right", right.value(), kQuestionTypeTarget);
  }

  const Settings& settings_;
  Engine& engine_;
  eval::Weakening weakening_;
  std::vector<std::string> failures_;
  std::vector<std::string> short_of_target_;
  mutable double scoring_seconds_ = 0;
  mutable int scorings_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--check") {
      settings.check = true;
    } else if (arg == "--check-targets") {
      settings.check_targets = true;
    } else if (arg == "--misses") {
      settings.show_misses = true;
    } else if ((arg == "--data" || arg == "--plugin-path") && i + 1 < argc) {
      (arg == "--data" ? settings.data : settings.plugins) = argv[++i];
    } else {
      fmt::print(stderr,
                 "usage: eval-scorers [--check | --check-targets] [--misses] [--data DIR] [--plugin-path DIR]\n"
                 "  --check          exit 1 when a figure is below its floor (what the scorers reached before)\n"
                 "  --check-targets  exit 1 when a figure is below its target\n"
                 "  --misses   list the disagreements with the labels of the tuning and development sets (never the held-out set's)\n");
      return 2;
    }
  }
  try {
    const fs::path work = fs::temp_directory_path() / fmt::format("rehearse-eval-{}", ::getpid());
    fs::create_directories(work);
    int status = 0;
    {
      EngineConfig config;
      config.collection = work / "collection.db";
      config.load_default_plugin_dirs = false;
      config.plugin_dirs.push_back(settings.plugins);
      Engine engine(config);
      status = Evaluation(settings, engine).run();
    }
    fs::remove_all(work);
    return status;
  } catch (const std::exception& e) {
    fmt::print(stderr, "eval-scorers: {}\n", e.what());
    return 2;
  }
}
