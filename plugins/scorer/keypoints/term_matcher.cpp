#include "term_matcher.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace keypoints {

namespace {

bool has_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_negation(std::string_view word) {
  static const std::unordered_set<std::string_view> negations = {
      "not", "no", "never", "without", "nor", "neither", "none", "nobody", "nothing", "avoid", "avoided", "avoiding", "instead", "rather"};
  return negations.count(word) > 0 || word.ends_with("n't");
}

// How far apart the words of a term may stand and still count as saying it.
int max_span(const Term& term) { return std::max(6, 3 * static_cast<int>(term.words.size())); }

std::vector<std::string> spelled_words(std::string_view text) {
  const rehearse::AnswerText parsed{std::string(text)};
  std::vector<std::string> words;
  for (const auto& word : parsed.words()) words.push_back(spell_out(word.text));
  return words;
}

}  // namespace

std::string spell_out(std::string_view word) {
  static const std::map<std::string_view, std::string_view> abbreviations = {
      {"%", "percent"},       {"ms", "millisecond"}, {"msec", "millisecond"}, {"sec", "second"}, {"secs", "second"},
      {"min", "minute"},      {"mins", "minute"},    {"hr", "hour"},          {"hrs", "hour"},   {"db", "database"},
      {"dbs", "database"},    {"vs", "versus"},      {"k8s", "kubernetes"},   {"pct", "percent"}, {"config", "configuration"},
      {"prod", "production"}, {"repo", "repository"}};
  const auto it = abbreviations.find(word);
  return std::string(it == abbreviations.end() ? word : it->second);
}

std::optional<Term> make_term(std::string_view text, Stemmer& stemmer, Strictness strictness) {
  Term term;
  term.text = std::string(text);
  const std::vector<std::string> all = spelled_words(text);
  for (const auto& word : all)
    if (!rehearse::is_stop_word(word)) term.words.push_back(word);
  if (term.words.empty()) term.words = all;  // "Own it" still means something
  if (term.words.empty()) return std::nullopt;
  std::vector<std::string> unique_words;
  for (const auto& word : term.words) {
    std::string stem = stemmer.stem(word);
    if (std::find(term.stems.begin(), term.stems.end(), stem) != term.stems.end()) continue;
    term.stems.push_back(std::move(stem));
    unique_words.push_back(word);
  }
  term.words = std::move(unique_words);
  const int k = static_cast<int>(term.words.size());
  if (strictness == Strictness::key_point)
    term.needed = k <= 2 ? k : (2 * k + 2) / 3;
  else
    term.needed = k <= 3 ? k : (3 * k + 3) / 4;
  return term;
}

std::optional<Term> make_phrase(std::string_view text, Stemmer& stemmer) {
  Term term;
  term.text = std::string(text);
  term.exact_phrase = true;
  term.words = spelled_words(text);
  if (term.words.empty()) return std::nullopt;
  for (const auto& word : term.words) term.stems.push_back(stemmer.stem(word));
  term.needed = static_cast<int>(term.words.size());
  return term;
}

AnswerIndex::AnswerIndex(const rehearse::AnswerText& text, Stemmer& stemmer) : text_(text) {
  const auto& words = text.words();
  for (const auto& word : words) {
    words_.push_back(spell_out(word.text));
    stems_.push_back(stemmer.stem(words_.back()));
  }
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    joined_.push_back(words[i].sentence == words[i + 1].sentence ? stemmer.stem(words_[i] + words_[i + 1]) : std::string());
}

bool AnswerIndex::is_content(int i) const { return !rehearse::is_stop_word(words_[static_cast<std::size_t>(i)]); }

bool AnswerIndex::same_word(const Term& term, std::size_t j, std::size_t i) const {
  if (stems_[i] == term.stems[j]) return true;
  // A typo: same first letter, long enough that one slip (two in long words) cannot turn it into
  // another common word, and never in numbers ("p95" is not "p99").
  const std::string& typed = words_[i];
  const std::string& wanted = term.words[j];
  const std::size_t shorter = std::min(typed.size(), wanted.size());
  if (shorter < 6 || typed.front() != wanted.front() || has_digit(typed) || has_digit(wanted)) return false;
  const int limit = shorter >= 10 ? 2 : 1;
  return edit_distance(typed, wanted, limit) <= limit;
}

TermMatch AnswerIndex::find(const Term& term) const {
  if (term.exact_phrase) return find_phrase(term);
  struct Hit {
    int first, last;
    std::size_t word;  // which word of the term
  };
  std::vector<Hit> hits;
  for (std::size_t i = 0; i < words_.size(); ++i) {
    for (std::size_t j = 0; j < term.stems.size(); ++j) {
      if (same_word(term, j, i))
        hits.push_back({static_cast<int>(i), static_cast<int>(i), j});
      else if (i < joined_.size() && !joined_[i].empty() && joined_[i] == term.stems[j])
        hits.push_back({static_cast<int>(i), static_cast<int>(i) + 1, j});
    }
  }
  // The window over the hits with the most distinct words of the term, then the shortest.
  TermMatch best;
  std::vector<int> count(term.stems.size(), 0);
  int distinct = 0;
  std::size_t left = 0;
  const int span = max_span(term);
  for (std::size_t right = 0; right < hits.size(); ++right) {
    if (count[hits[right].word]++ == 0) ++distinct;
    auto drop_left = [&] {
      if (--count[hits[left].word] == 0) --distinct;
      ++left;
    };
    while (hits[right].last - hits[left].first > span) drop_left();
    while (left < right && count[hits[left].word] > 1) drop_left();
    int first = hits[left].first, last = hits[left].last;
    for (std::size_t h = left; h <= right; ++h) last = std::max(last, hits[h].last);
    if (distinct > best.found || (distinct == best.found && last - first < best.last - best.first)) {
      best.found = distinct;
      best.first = first;
      best.last = last;
    }
  }
  if (best.found > 0) best.negated = negation_near(best.first, best.last);
  return best;
}

TermMatch AnswerIndex::find_phrase(const Term& term) const {
  const std::size_t k = term.stems.size();
  for (std::size_t i = 0; i + k <= words_.size(); ++i) {
    std::size_t j = 0;
    while (j < k && same_word(term, j, i + j)) ++j;
    if (j == k) {
      TermMatch match{static_cast<int>(k), static_cast<int>(i), static_cast<int>(i + k - 1), false};
      match.negated = negation_near(match.first, match.last);
      return match;
    }
  }
  return {};
}

bool AnswerIndex::negation_near(int first, int last) const {
  const auto& words = text_.words();
  const int sentence = words[static_cast<std::size_t>(first)].sentence;
  for (int i = std::max(0, first - 3); i <= last; ++i) {
    const auto& word = words[static_cast<std::size_t>(i)];
    if (word.sentence == sentence && is_negation(word.text)) return true;
  }
  return false;
}

int edit_distance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  // Three rows of the optimal string alignment table.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_min = current[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = std::min(current[j], before[j - 2] + 1);
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

}  // namespace keypoints
