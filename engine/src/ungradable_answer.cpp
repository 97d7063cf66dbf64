// ungradable() from scorer.h: the answers no scorer should try to grade.
#include <fmt/format.h>

#include <cctype>
#include <cmath>

#include "rehearse/scorer.h"
#include "rehearse/text.h"

namespace rehearse {

namespace {

// Above this share of characters that are not text, the answer is a pasted file, not an answer: a
// typed answer with a stray control character or a mis-encoded accent stays well below it.
constexpr double kMaxNonTextShare = 0.05;

bool is_control(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; }

}  // namespace

std::optional<ScoreResult> ungradable(const Attempt& attempt) {
  const std::string_view text = attempt.text;
  std::size_t characters = 0, not_text = 0;
  bool anything = false;  // a letter, digit or sign: more than white space and punctuation
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    const auto c = static_cast<unsigned char>(text[i]);
    ++characters;
    if (length == 0 || (length == 1 && is_control(c))) ++not_text;
    if (length > 1 || (length == 1 && std::isalnum(c))) anything = true;
    i += std::max<std::size_t>(length, 1);
  }
  ScoreResult result;
  result.score = 0;
  result.suggestion = Rating::again;
  if (!anything) {
    result.summary = "Nothing to score: the answer is empty.";
    return result;
  }
  if (static_cast<double>(not_text) > kMaxNonTextShare * static_cast<double>(characters)) {
    result.summary = fmt::format("Nothing to score: this is not text ({:.0f}% of it is binary data or control characters), "
                                 "so it cannot be an answer.",
                                 std::floor(100.0 * static_cast<double>(not_text) / static_cast<double>(characters)));
    return result;
  }
  return std::nullopt;
}

}  // namespace rehearse
