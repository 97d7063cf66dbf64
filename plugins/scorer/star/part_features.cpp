#include "part_features.h"

#include <algorithm>
#include <unordered_set>

#include "cues.h"

namespace star {

namespace {

using rehearse::AnswerText;
using WordSet = std::unordered_set<std::string_view>;

// The cue families, in feature order.
const rehearse::CueList& (*const kFamilies[])() = {cues::situation, cues::task,      cues::own_action, cues::shared_action,
                                                     cues::sequence,  cues::result,    cues::measure,    cues::direction,
                                                     cues::lesson,    cues::tradeoff,  cues::blame};
constexpr int kFamilyCount = static_cast<int>(std::size(kFamilies));

// A sentence telling how things stood afterwards: a linking verb, then within a few words a
// comparative or a settled state ("it was a lot faster afterwards", "he got much better", "the
// site came back up and things were fine"). Outcomes are told this way, steps are not.
bool tells_state_change(const AnswerText& text, int first, int end) {
  static const WordSet linking = {"was", "were", "is", "are", "got", "gets", "became", "become", "seemed", "felt", "stayed", "remained",
                                  "came", "went", "ran", "looked", "been", "be", "much", "far"};
  static const WordSet states = {"better", "worse", "faster", "slower", "easier", "harder", "happier", "calmer", "quieter", "simpler",
                                 "safer", "cheaper", "quicker", "smoother", "cleaner", "smaller", "bigger", "lower", "higher", "fewer",
                                 "more", "less", "fine", "stable", "back", "normal", "green", "healthy", "resolved", "gone", "fixed"};
  const auto& words = text.words();
  for (int i = first; i < end; ++i) {
    if (!linking.count(words[static_cast<std::size_t>(i)].text)) continue;
    for (int k = i + 1; k < end && k <= i + 3; ++k)
      if (states.count(words[static_cast<std::size_t>(k)].text)) return true;
  }
  return false;
}

bool is_participle(std::string_view word) { return rehearse::is_past_action(word) || word == "been" || word == "had" || word == "gone"; }

}  // namespace

const std::array<std::string_view, kFeatureCount>& feature_names() {
  static const std::array<std::string_view, kFeatureCount> names = {
      "bias",          "cue situation",   "cue task",        "cue own action", "cue shared action", "cue sequence",
      "cue result",    "cue measure",     "cue direction",   "cue lesson",     "cue tradeoff",      "cue blame",
      "position",      "position^2",      "first",           "second",         "last",              "second to last",
      "opens with I",  "opens with we",   "has I",           "has we",         "opens my/our",      "has numeral",
      "has %",         "past perfect",    "past continuous", "I + present",    "modal",             "now/always/since",
      "opens -ing",    "opens connective", "opens the/it",   "length",         "past action verb",  "purpose",
      "learn/realise", "opens scene",    "state changed"};
  return names;
}

Features unit_features(const AnswerText& text, int first, int end, int index, int count) {
  static const WordSet modals = {"would", "i'd", "should", "could", "we'd", "might"};
  static const WordSet timeless = {"now", "nowadays", "today", "since", "always", "never", "anymore", "whenever"};
  static const WordSet connectives = {"then", "next", "first", "after", "finally", "so", "afterwards", "once", "second", "third", "later"};
  static const WordSet demonstratives = {"the", "this", "that", "it", "these", "those", "there"};
  static const WordSet purpose = {"because", "to", "so"};
  static const WordSet scene = {"at", "in", "on", "last", "while", "during", "when", "back", "a", "about", "early", "two", "three", "one"};
  static const WordSet states = {"was", "had", "am", "did", "were", "could", "would", "should", "might", "think", "thought", "felt",
                                 "knew", "know", "didn't", "wasn't", "don't", "guess", "mean"};
  Features f{};
  const auto& words = text.words();
  auto word = [&](int i) -> std::string_view { return i >= first && i < end ? std::string_view(words[static_cast<std::size_t>(i)].text) : ""; };
  f[0] = 1;
  for (int family = 0; family < kFamilyCount; ++family)
    f[static_cast<std::size_t>(1 + family)] = std::min<double>(2, static_cast<double>(kFamilies[family]().find_all(text, first, end).size()));
  const double x = count > 1 ? static_cast<double>(index) / (count - 1) : 0.5;
  f[12] = x;
  f[13] = x * x;
  f[14] = index == 0;
  f[15] = index == 1;
  f[16] = index == count - 1;
  f[17] = index == count - 2;
  const std::string_view opener = word(first);
  f[18] = opener == "i" || opener == "i've" || opener == "i'd" || opener == "i'm";
  f[19] = opener == "we" || opener == "we've" || opener == "we'd";
  for (int i = first; i < end; ++i) {
    const std::string_view w = word(i);
    if (w == "i") f[20] = 1;
    if (w == "we") f[21] = 1;
    if (rehearse::is_numeral(w) && w != "%") f[23] = 1;
    if (w == "%" || w == "percent") f[24] = 1;
    if ((w == "had" || w == "hadn't") && is_participle(word(i + 1))) f[25] = 1;
    if ((w == "was" || w == "were") && word(i + 1).size() > 4 && word(i + 1).ends_with("ing")) f[26] = 1;
    if (w == "i" && !word(i + 1).empty() && !word(i + 1).ends_with("ed") && !states.count(word(i + 1)) &&
        !rehearse::is_past_action(word(i + 1)))
      f[27] = 1;
    if (modals.count(w)) f[28] = 1;
    if (timeless.count(w)) f[29] = 1;
    if (rehearse::is_past_action(w)) f[34] = 1;
    if (purpose.count(w)) f[35] = 1;
    if (w.starts_with("learn") || w.starts_with("realis") || w.starts_with("realiz") || w == "lesson" || w == "lessons") f[36] = 1;
  }
  f[22] = opener == "my" || opener == "our";
  f[30] = opener.size() > 5 && opener.ends_with("ing");
  f[31] = connectives.count(opener) > 0;
  f[32] = demonstratives.count(opener) > 0;
  f[33] = std::min(2.0, (end - first) / 25.0);
  f[37] = scene.count(opener) > 0;
  f[38] = tells_state_change(text, first, end);
  return f;
}

std::vector<std::string> unit_tokens(const AnswerText& text, int first, int end) {
  std::vector<std::string> tokens;
  const auto& words = text.words();
  auto token_of = [&](int i) {
    const std::string& word = words[static_cast<std::size_t>(i)].text;
    return rehearse::is_quantity(word) ? std::string("#") : rehearse::stem(word);
  };
  if (first < end) tokens.push_back("^:" + token_of(first));
  for (int i = first; i < end; ++i) {
    std::string token = "w:" + token_of(i);
    if (std::find(tokens.begin(), tokens.end(), token) == tokens.end()) tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace star
