// Cue patterns: small patterns over an answer's words (see text.h for the pattern language).
#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "rehearse/text.h"

namespace rehearse {

namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(separator, start), text.size());
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Words that may stand between two of a pattern's words without changing what it says: a
// determiner, or one of a few light adverbs ("also", "just", "really", "still").
const std::unordered_set<std::string_view> kGapWords = {
    "the", "a", "an", "our", "their", "its", "his", "her", "my", "your", "this", "that", "these", "those", "all",
    "some", "every", "each", "any", "also", "then", "just", "really", "only", "actually", "simply", "always", "still", "even", "now"};

}  // namespace

CuePattern::CuePattern(std::string_view pattern) {
  for (std::string text : split(pattern, ' ')) {
    if (tokens_.empty() && !sentence_start_ && text == "^") {
      sentence_start_ = true;
      continue;
    }
    Token token;
    if (text.size() > 1 && text.back() == '?') {
      token.optional = true;
      text.pop_back();
    }
    for (const std::string& alternative : split(text, '|')) {
      if (alternative == "_")
        token.any = true;
      else if (alternative == "#")
        token.quantity = true;
      else if (alternative == "@did")
        token.past_action = true;
      else if (alternative == "@ing")
        token.gerund = true;
      else if (alternative.size() > 1 && alternative.back() == '*')
        token.prefixes.push_back(alternative.substr(0, alternative.size() - 1));
      else
        token.words.push_back(alternative);
    }
    tokens_.push_back(std::move(token));
  }
  if (tokens_.empty()) throw std::invalid_argument("an empty cue phrase");
}

bool CuePattern::Token::accepts(std::string_view word) const {
  if (any) return true;
  if (quantity && is_quantity(word)) return true;
  if (past_action && is_past_action(word)) return true;
  if (gerund && word.size() > 5 && word.ends_with("ing")) return true;
  if (std::find(words.begin(), words.end(), word) != words.end()) return true;
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& prefix) { return word.starts_with(prefix); });
}

int CuePattern::match(const AnswerText& text, int start) const {
  const auto& words = text.words();
  if (start < 0 || start >= static_cast<int>(words.size())) return 0;
  const int sentence = words[static_cast<std::size_t>(start)].sentence;
  if (sentence_start_ && text.sentences()[static_cast<std::size_t>(sentence)].first_word != start) return 0;
  const int end = match_from(text, 0, start, sentence);
  return end > start ? end - start : 0;
}

// The word after the match of tokens [token, end) starting at `word`, or -1.
int CuePattern::match_from(const AnswerText& text, std::size_t token, int word, int sentence) const {
  if (token == tokens_.size()) return word;
  const auto& words = text.words();
  const Token& t = tokens_[token];
  const bool here = word < static_cast<int>(words.size()) && words[static_cast<std::size_t>(word)].sentence == sentence &&
                    t.accepts(words[static_cast<std::size_t>(word)].text);
  if (here) {
    const int end = match_from(text, token + 1, word + 1, sentence);
    if (end >= 0) return end;
    // "cache and also the database" says what "cache and the database" says.
    if (token + 1 < tokens_.size() && word + 1 < static_cast<int>(words.size()) &&
        kGapWords.count(words[static_cast<std::size_t>(word + 1)].text)) {
      const int end_past_gap = match_from(text, token + 1, word + 2, sentence);
      if (end_past_gap >= 0) return end_past_gap;
    }
  }
  if (t.optional) return match_from(text, token + 1, word, sentence);
  return -1;
}

CueList::CueList(std::initializer_list<std::string_view> patterns) {
  for (auto pattern : patterns) patterns_.emplace_back(pattern);
}

CueList::CueList(const std::vector<std::string>& patterns) {
  for (const auto& pattern : patterns) patterns_.emplace_back(pattern);
}

std::vector<CueHit> CueList::find_all(const AnswerText& text, int from, int to) const {
  const int end = to < 0 ? static_cast<int>(text.words().size()) : std::min(to, static_cast<int>(text.words().size()));
  std::vector<CueHit> hits;
  for (int start = std::max(0, from); start < end; ++start) {
    int longest = 0;
    for (const auto& pattern : patterns_) longest = std::max(longest, pattern.match(text, start));
    if (longest == 0) continue;
    hits.push_back({start, start + longest - 1});
    start += longest - 1;  // no overlapping hits
  }
  return hits;
}

}  // namespace rehearse
