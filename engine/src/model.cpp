// Names and conversions of the model's small types, and the interfaces' key functions (defined
// here so each interface's vtable and type_info exist once, in the engine library).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "ascii.h"
#include "rehearse/card.h"
#include "rehearse/card_writer.h"
#include "rehearse/frontend.h"
#include "rehearse/scheduler.h"
#include "rehearse/scorer.h"
#include "rehearse/source.h"

namespace rehearse {

Scheduler::~Scheduler() = default;
ParameterFitter::~ParameterFitter() = default;
Scorer::~Scorer() = default;
Source::~Source() = default;
Frontend::~Frontend() = default;
CardWriter::~CardWriter() = default;

void copy_editable_text(const CardContent& from, CardContent& to) {
  to.prompt = from.prompt;
  to.answer = from.answer;
  to.key_points = from.key_points;
  to.pitfalls = from.pitfalls;
  to.themes = from.themes;
  to.story = from.story;
  to.follow_ups = from.follow_ups;
}

const char* version_string() { return REHEARSE_VERSION; }

std::string_view to_string(CardKind kind) {
  switch (kind) {
    case CardKind::question: return "question";
    case CardKind::keypoint: return "keypoint";
    case CardKind::story: return "story";
  }
  return "question";
}

std::optional<CardKind> card_kind_from_string(std::string_view text) {
  const std::string word = ascii_lower(text);
  if (word == "question" || word == "q") return CardKind::question;
  if (word == "keypoint" || word == "key point" || word == "k") return CardKind::keypoint;
  if (word == "story" || word == "s") return CardKind::story;
  return std::nullopt;
}

KeyPoint parse_key_point(std::string_view written) {
  auto trim = [](std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return std::string_view{};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  };
  KeyPoint point;
  const auto bar = written.find('|');
  point.text = std::string(trim(written.substr(0, bar)));
  if (bar == std::string_view::npos) return point;
  std::string_view rest = written.substr(bar + 1);
  while (true) {
    const auto comma = rest.find(',');
    std::string_view alias = trim(rest.substr(0, comma));
    if (alias.size() >= 2 && (alias.front() == '"' || alias.front() == '\'') && alias.back() == alias.front())
      alias = trim(alias.substr(1, alias.size() - 2));
    if (!alias.empty()) point.aliases.emplace_back(alias);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return point;
}

std::string_view to_string(Rating rating) {
  switch (rating) {
    case Rating::again: return "again";
    case Rating::hard: return "hard";
    case Rating::good: return "good";
    case Rating::easy: return "easy";
  }
  return "good";
}

std::optional<Rating> rating_from_string(std::string_view text) {
  if (text.size() == 1 && text[0] >= '1' && text[0] <= '4') return static_cast<Rating>(text[0] - '0');  // review logs: millions
  const std::string word = ascii_lower(text);
  if (word == "1" || word == "again") return Rating::again;
  if (word == "2" || word == "hard") return Rating::hard;
  if (word == "3" || word == "good") return Rating::good;
  if (word == "4" || word == "easy") return Rating::easy;
  return std::nullopt;
}

std::string_view to_string(CardState state) {
  switch (state) {
    case CardState::new_card: return "new";
    case CardState::learning: return "learning";
    case CardState::review: return "review";
    case CardState::relearning: return "relearning";
  }
  return "new";
}

int fuzz_interval(double interval_days, std::uint64_t seed, int minimum, int maximum) {
  // Anki's constrained_fuzz_bounds: the interval is first brought within [minimum, maximum], the
  // fuzz range is taken around it and then kept within the same bounds.
  maximum = std::max(maximum, 1);
  minimum = std::min(minimum, maximum);
  const double interval = std::clamp(interval_days, static_cast<double>(minimum), static_cast<double>(maximum));
  const auto within = [&](double days) { return std::clamp(static_cast<int>(std::lround(days)), minimum, maximum); };
  if (interval < 2.5) return within(interval);
  struct Range { double start, end, factor; };
  constexpr Range kRanges[] = {{2.5, 7.0, 0.15}, {7.0, 20.0, 0.1}, {20.0, 1e9, 0.05}};
  double delta = 1.0;
  for (const auto& range : kRanges) delta += range.factor * std::max(std::min(interval, range.end) - range.start, 0.0);
  const int lower = within(interval - delta);
  int upper = within(interval + delta);
  // Clamping can leave no room at all; give a card above two days at least two choices.
  if (upper == lower && upper > 2 && upper < maximum) upper = lower + 1;
  // The top 53 bits of the seed as a fraction in [0, 1).
  const double fraction = static_cast<double>(seed >> 11) * 0x1.0p-53;
  return std::min(upper, lower + static_cast<int>(std::floor(fraction * (upper - lower + 1))));
}

Rating rating_for_score(double score) {
  if (score < 40) return Rating::again;
  if (score < 65) return Rating::hard;
  if (score < 90) return Rating::good;
  return Rating::easy;
}

std::string slugify(std::string_view prompt) {
  std::string slug;
  bool pending_dash = false;
  for (unsigned char c : prompt) {
    const bool keep = std::isalnum(c) || c >= 0x80;
    if (!keep) {
      pending_dash = !slug.empty();
      continue;
    }
    if (pending_dash) slug += '-';
    pending_dash = false;
    slug += static_cast<char>(std::tolower(c));
  }
  if (slug.size() > 80) {
    slug.resize(80);
    // Never cut a UTF-8 sequence in half.
    while (!slug.empty() && (static_cast<unsigned char>(slug.back()) & 0xC0) == 0x80) slug.pop_back();
    if (!slug.empty() && static_cast<unsigned char>(slug.back()) >= 0xC0) slug.pop_back();
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug;
}

bool is_template(const CardContent& card) {
  return std::find(card.tags.begin(), card.tags.end(), kTemplateTag) != card.tags.end();
}

}  // namespace rehearse
