// Splitting lists that lost their markup. A page copied out of a browser often turns
//   <li>Strangler Fig Pattern</li><li>API Gateway</li><li>Bounded Context (DDD)</li>
// into "Strangler Fig PatternAPI GatewayBounded Context (DDD)". The items are found again where a
// lower-case letter, ')' or '.' runs straight into a capital ("PatternAPI", ")Incremental"),
// except inside words written that way on purpose (DevTools, gRPC, ClickHouse): those the page
// itself uses elsewhere, or well-known product names.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rehearse::guide {

class Vocabulary {
 public:
  Vocabulary();
  // Remembers the mixed-case words of `text` ("DevTools", "CockroachDB", "OAuth2").
  void add_text(std::string_view text);
  // Whether a known mixed-case word covers the boundary before text[pos].
  bool spans(std::string_view text, size_t pos) const;
  // Where known mixed-case words in `text` start right after a letter or digit, or end right
  // before a capital: places a run-together list is cut.
  std::set<size_t> edges(std::string_view text) const;

 private:
  std::set<std::string> words_;
};

// Splits items run together without separators; a line that is one item comes back alone.
std::vector<std::string> split_run_together(std::string_view text, const Vocabulary& vocabulary);

// Splits one line of a list: at ';', '•', '·', '|' and, when `commas`, at ',' (outside
// parentheses), then each piece as run-together items.
std::vector<std::string> split_list_line(std::string_view text, bool commas, const Vocabulary& vocabulary);

// "Term: what it means", "**Term** - what it means": the term and its definition, or nothing when
// the text is not written that way.
std::optional<std::pair<std::string, std::string>> split_definition(const std::string& text);

}  // namespace rehearse::guide
