#include "anki_text.h"

#include "html_text.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

namespace rehearse::anki {

namespace {

// ---- HTML -------------------------------------------------------------------------------------

// Removes Anki's sound references, [sound:name.mp3], wherever they are; each leaves a space, so
// the words on either side stay apart.
std::string without_sounds(std::string_view html) {
  std::string result;
  size_t start = 0;
  for (size_t at = html.find("[sound:"); at != std::string_view::npos; at = html.find("[sound:", start)) {
    const size_t close = html.find(']', at);
    if (close == std::string_view::npos) break;
    result += html.substr(start, at - start);
    result += ' ';
    start = close + 1;
  }
  result += html.substr(start);
  return result;
}

// ---- Clozes -----------------------------------------------------------------------------------

struct ClozeNode {
  std::string text;                 // for plain text (numbers empty)
  std::vector<int> numbers;         // for a deletion: the cards it belongs to
  std::vector<ClozeNode> children;  // for a deletion: what it hides
  std::optional<std::string> hint;
};

// Matches "{{c1::" or "{{c1,2::" at text[at]; returns the numbers and the opener's length.
std::optional<std::pair<std::vector<int>, size_t>> match_opener(std::string_view text, size_t at) {
  if (text.compare(at, 3, "{{c") != 0) return std::nullopt;
  size_t i = at + 3;
  std::vector<int> numbers;
  int number = -1;
  for (; i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == ','); ++i) {
    if (text[i] == ',') {
      if (number >= 0) numbers.push_back(number);
      number = -1;
    } else {
      number = std::min(number < 0 ? 0 : number, 100'000) * 10 + (text[i] - '0');
    }
  }
  if (number >= 0) numbers.push_back(number);
  if (numbers.empty() || text.compare(i, 2, "::") != 0) return std::nullopt;
  return std::make_pair(numbers, i + 2 - at);
}

std::vector<ClozeNode> parse_clozes(std::string_view text) {
  std::vector<ClozeNode> top;
  std::vector<ClozeNode> open;  // deletions not closed yet, innermost last
  std::string pending;
  auto target = [&]() -> std::vector<ClozeNode>& { return open.empty() ? top : open.back().children; };
  auto flush = [&] {
    // Inside a deletion, the first "::" of its text starts the hint.
    if (!open.empty() && !open.back().hint) {
      if (const size_t separator = pending.find("::"); separator != std::string::npos) {
        open.back().hint = pending.substr(separator + 2);
        pending.resize(separator);
      }
    }
    if (!pending.empty()) target().push_back({pending, {}, {}, {}});
    pending.clear();
  };
  for (size_t i = 0; i < text.size();) {
    if (auto opener = match_opener(text, i)) {
      flush();
      open.push_back({{}, opener->first, {}, {}});
      i += opener->second;
    } else if (!open.empty() && text.compare(i, 2, "}}") == 0) {
      flush();
      ClozeNode closed = std::move(open.back());
      open.pop_back();
      target().push_back(std::move(closed));
      i += 2;
    } else {
      pending += text[i++];
    }
  }
  flush();
  // A deletion never closed is shown as the text it holds.
  while (!open.empty()) {
    ClozeNode unclosed = std::move(open.back());
    open.pop_back();
    auto& parent = target();
    for (auto& child : unclosed.children) parent.push_back(std::move(child));
    if (unclosed.hint) parent.push_back({"::" + *unclosed.hint, {}, {}, {}});
  }
  return top;
}

void collect_numbers(const std::vector<ClozeNode>& nodes, std::set<int>& numbers) {
  for (const auto& node : nodes) {
    for (int number : node.numbers)
      if (number > 0) numbers.insert(number);
    collect_numbers(node.children, numbers);
  }
}

void reveal(const std::vector<ClozeNode>& nodes, int number, ClozeSide side, std::string& out) {
  for (const auto& node : nodes) {
    if (node.numbers.empty()) {
      out += node.text;
    } else if (side == ClozeSide::question && std::count(node.numbers.begin(), node.numbers.end(), number) > 0) {
      out += "[" + node.hint.value_or("...") + "]";
    } else {
      reveal(node.children, number, side, out);
    }
  }
}

}  // namespace

std::string html_to_text(std::string_view field) { return text::html_to_text(without_sounds(field)); }

std::set<int> cloze_numbers(std::string_view field) {
  std::set<int> numbers;
  collect_numbers(parse_clozes(field), numbers);
  return numbers;
}

std::string reveal_clozes(std::string_view field, int number, ClozeSide side) {
  std::string out;
  reveal(parse_clozes(field), number, side, out);
  return out;
}

}  // namespace rehearse::anki
