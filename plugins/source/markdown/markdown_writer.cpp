#include "markdown_writer.h"

#include <algorithm>
#include <sstream>

#include "markdown_parser.h"

namespace rehearse::markdown {

namespace {

// Field labels of the deck format: a line of a value that starts like one must not be read as one.
bool starts_like_label(const std::string& line) {
  static const char* const kLabels[] = {"id:",    "type:",      "themes:", "tags:",   "group:",   "template:", "answer:", "key points:",
                                        "avoid:", "situation:", "task:",   "action:", "actions:", "result:", "lesson:"};
  for (const char* label : kLabels)
    if (line.starts_with(label)) return true;
  return line.starts_with("## ") || line.starts_with("# ");
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return text;
}

// A field holding text: the label on its own line, then the text, with lines that would read as a
// label or a heading indented.
void write_text(std::ostream& out, const char* label, const std::string& text) {
  if (text.empty()) return;
  out << label << ":\n";
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) out << (starts_like_label(line) ? "  " : "") << line << "\n";
}

void write_list(std::ostream& out, const char* label, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out << label << ":\n";
  for (const auto& item : items) out << "- " << one_line(item) << "\n";
}

void write_words(std::ostream& out, const char* label, const std::vector<std::string>& words) {
  if (words.empty()) return;
  out << label << ": ";
  for (size_t i = 0; i < words.size(); ++i) out << (i ? ", " : "") << words[i];
  out << "\n";
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

}  // namespace

std::string write_card(const CardContent& card) {
  std::ostringstream out;
  const char marker = card.kind == CardKind::question ? 'Q' : card.kind == CardKind::keypoint ? 'K' : 'S';
  out << "## " << marker << ": " << one_line(card.prompt) << "\n";
  out << "id: " << (card.uid.empty() ? slugify(card.prompt) : card.uid) << "\n";
  // Only a type the card's file gave: one inferred from the wording stays inferred, so that a
  // better rule still reaches it after the round trip.
  if (card.type) out << "type: " << to_string(*card.type) << "\n";
  write_words(out, "themes", card.themes);
  write_words(out, "tags", card.tags);
  if (!card.group.empty()) out << "group: " << card.group << "\n";
  write_text(out, "answer", card.answer);
  std::vector<std::string> points;
  for (const auto& point : card.key_points) {
    std::string line = one_line(point.text);
    for (size_t i = 0; i < point.aliases.size(); ++i) line += (i ? ", " : " | ") + one_line(point.aliases[i]);
    points.push_back(line);
  }
  write_list(out, "key points", points);
  write_list(out, "avoid", card.pitfalls);
  write_list(out, "follow-ups", card.follow_ups);
  write_text(out, "situation", card.story.situation);
  write_text(out, "task", card.story.task);
  write_list(out, "action", card.story.actions);
  write_text(out, "result", card.story.result);
  write_text(out, "lesson", card.story.lesson);
  return out.str();
}

std::string write_deck(const std::string& deck, const std::vector<CardContent>& cards) {
  std::string text = "---\ndeck: " + deck + "\n---\n\n";
  for (const auto& card : cards) text += write_card(card) + "\n";
  return text;
}

std::optional<std::string> replace_card(std::string_view text, const std::string& file, const std::string& default_deck,
                                        const std::string& uid, const CardContent& card) {
  // The parser knows where each card starts; a card ends where the next heading starts.
  int first_line = 0;
  for (const auto& deck : parse_deck(text, file, default_deck).decks)
    for (const auto& entry : deck.cards)
      if ((entry.uid.empty() ? slugify(entry.prompt) : entry.uid) == uid) first_line = entry.line;
  if (first_line == 0) return std::nullopt;

  // Byte offsets of each line's start; lines_start.back() is the end of the text.
  std::vector<size_t> line_start = {0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_start.push_back(i + 1);
  if (line_start.back() != text.size()) line_start.push_back(text.size());
  const size_t lines = line_start.size() - 1;
  auto line_at = [&](size_t index) { return text.substr(line_start[index], line_start[index + 1] - line_start[index]); };

  const size_t begin = static_cast<size_t>(first_line - 1);
  size_t end = begin + 1;  // one past the block's last line
  bool in_fence = false;
  for (; end < lines; ++end) {
    const std::string_view line = line_at(end);
    const size_t indent = line.find_first_not_of(' ');
    if (indent != std::string_view::npos && line.substr(indent).starts_with("```")) in_fence = !in_fence;
    if (!in_fence && (line.starts_with("## ") || line.starts_with("# "))) break;
  }
  while (end > begin + 1 && is_blank(line_at(end - 1))) --end;

  // A type the card took from the front matter stays there: the block gets a `type:` only if it had one.
  CardContent written = card;
  bool had_type = false;
  for (size_t i = begin + 1; i < end; ++i) had_type = had_type || line_at(i).starts_with("type:");
  if (!had_type) written.type.reset();
  std::string block = write_card(written);
  const std::string_view heading = line_at(begin);
  if (heading.ends_with("\r\n")) {  // a file with Windows line ends keeps them
    std::string crlf;
    for (char c : block) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    block = std::move(crlf);
  }
  const std::string_view replaced = text.substr(line_start[begin], line_start[end] - line_start[begin]);
  if (!replaced.ends_with('\n')) block.erase(block.find_last_not_of("\r\n") + 1);  // the file ended without one
  std::string out(text.substr(0, line_start[begin]));
  out += block;
  out += text.substr(line_start[end]);
  return out;
}

}  // namespace rehearse::markdown
