#include "page_reader.h"

#include <algorithm>
#include <optional>
#include <set>

#include "html_text.h"
#include "prompts.h"
#include "labels.h"
#include "text_util.h"

namespace rehearse::guide {

namespace {

// Characters that mark list items when followed by text (with or without a space).
const std::vector<std::string>& bullet_marks() {
  static const std::vector<std::string> marks = {
      "\xE2\x80\xA2" /* • */, "\xE2\x97\xA6" /* ◦ */, "\xE2\x96\xAA" /* ▪ */, "\xE2\x80\xA3" /* ‣ */,
      "\xE2\x97\x8F" /* ● */, "\xE2\x97\x8B" /* ○ */, "\xE2\x96\xA0" /* ■ */, "\xE2\x96\xA1" /* □ */,
      "\xE2\x9E\xA4" /* ➤ */, "\xE2\x96\xBA" /* ► */, "\xE2\x96\xB6" /* ▶ */, "\xE2\x9C\x93" /* ✓ */,
      "\xE2\x9C\x94" /* ✔ */, "\xE2\x9C\x97" /* ✗ */, "\xE2\x9C\x98" /* ✘ */, "\xE2\x98\x91" /* ☑ */,
      "\xE2\x98\x90" /* ☐ */, "\xE2\x9D\x8C" /* ❌ */, "\xE2\x9C\x85" /* ✅ */, "\xC2\xB7" /* · */,
      "\xE2\x81\x83" /* ⁃ */, "\xE2\x9E\x94" /* ➔ */, "\xE2\x86\x92" /* → */};
  return marks;
}

bool is_symbol(char32_t cp) {
  return (cp < 0x80 && !text::is_ascii_alnum(static_cast<char>(cp))) || (cp >= 0x2000 && cp <= 0x2BFF) ||
         (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F || cp == 0x200D || cp == 0xA0 || cp == 0xFFFD ||
         (cp >= 0x3000 && cp <= 0x303F);
}

bool symbols_only(std::string_view text) {
  for (size_t pos = 0; pos < text.size();)
    if (!is_symbol(text::next_code_point(text, pos))) return false;
  return true;
}

int indentation(std::string_view line) {
  int columns = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == ' ') {
      ++columns;
    } else if (line[i] == '\t') {
      columns += 4;
    } else if (line.compare(i, 2, "\xC2\xA0") == 0) {
      ++columns;
      ++i;
    } else {
      break;
    }
  }
  return columns;
}

// Removes one list marker from the start of `text`; true when there was one.
bool strip_marker(std::string& text, bool require_space, bool& numbered) {
  if (text.size() >= 2 && (text[0] == '-' || text[0] == '*' || text[0] == '+') && (text[1] == ' ' || text[1] == '\t')) {
    text = text::trim(std::string_view(text).substr(2));
    return true;
  }
  for (const auto& mark : bullet_marks()) {
    if (text.starts_with(mark)) {
      text = text::trim(std::string_view(text).substr(mark.size()));
      return true;
    }
  }
  size_t digits = 0;
  while (digits < text.size() && digits < 4 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 3 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) {
    const size_t after = digits + 1;
    const bool spaced = after < text.size() && (text[after] == ' ' || text[after] == '\t');
    const bool glued = after < text.size() && !require_space && !(text[after] >= '0' && text[after] <= '9') && text[after] != '.';
    if (spaced || glued || after == text.size()) {
      text = text::trim(std::string_view(text).substr(after));
      numbered = true;
      return true;
    }
  }
  return false;
}

// "- text", "1. text", "• 1.text", "• ✓text": the item's text and whether it is numbered.
std::optional<std::string> match_item(const std::string& line, bool& numbered) {
  std::string text = text::trim(line);
  numbered = false;
  if (!strip_marker(text, true, numbered)) return std::nullopt;
  // Pages that lost their markup stack markers: "• 1.Conducted ...", "• •My approach ...".
  for (int extra = 0; extra < 3 && strip_marker(text, false, numbered); ++extra) {
  }
  if (text.starts_with("[ ] ") || text.starts_with("[x] ") || text.starts_with("[X] ")) text = text::trim(text.substr(4));
  if (text.empty()) return std::nullopt;
  return text;
}

std::optional<int> atx_heading(const std::string& line, std::string& text) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  size_t hashes = 0;
  while (i + hashes < line.size() && line[i + hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return std::nullopt;
  const size_t after = i + hashes;
  if (after < line.size() && line[after] != ' ' && line[after] != '\t') return std::nullopt;
  std::string body = text::trim(std::string_view(line).substr(after));
  // Optional closing hashes.
  while (!body.empty() && body.back() == '#') body.pop_back();
  text = text::trim(body);
  return static_cast<int>(hashes);
}

bool is_separator(const std::string& line) {
  const std::string t = text::trim(line);
  if (t == "/" || t == "//" || t == "|" || t == "\\") return true;
  if (t.size() < 3) return false;
  const char c = t[0];
  if (c != '-' && c != '*' && c != '_' && c != '=' && c != '~') return false;
  int count = 0;
  for (char x : t) {
    if (x == c)
      ++count;
    else if (x != ' ')
      return false;
  }
  return count >= 3;
}

bool is_fence(const std::string& line) {
  const std::string t = text::trim(line);
  return t.starts_with("```") || t.starts_with("~~~");
}

// Known HTML element names, so that "<T>" in text about generics is left alone.
bool is_html_tag_name(std::string_view name) {
  static const std::set<std::string, std::less<>> names = {
      "a",    "b",     "i",      "u",       "s",      "em",     "strong", "br",      "hr",      "p",     "div",
      "span", "img",   "code",   "pre",     "ul",     "ol",     "li",     "table",   "tr",      "td",    "th",
      "thead", "tbody", "h1",    "h2",      "h3",     "h4",     "h5",     "h6",      "sup",     "sub",   "small",
      "kbd",  "mark",  "del",    "ins",     "center", "font",   "blockquote", "details", "summary", "picture",
      "source", "video", "iframe", "section", "article", "figure", "figcaption", "dl", "dt", "dd", "abbr", "cite"};
  return names.count(text::lower(name)) > 0;
}

std::string strip_html_tags(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') {
      size_t j = i + 1;
      if (j < text.size() && text[j] == '/') ++j;
      const size_t name_start = j;
      while (j < text.size() && text::is_ascii_alnum(text[j])) ++j;
      const size_t close = text.find('>', j);
      if (j > name_start && close != std::string_view::npos && is_html_tag_name(text.substr(name_start, j - name_start))) {
        const std::string name = text::lower(text.substr(name_start, j - name_start));
        if (name == "br" || name == "p" || name == "div" || name == "li") out += ' ';
        i = close;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// Markdown inline markup to text: links keep their text, images go, emphasis markers go, code
// spans stay as they are.
std::string clean_inline(std::string_view raw, bool markdown) {
  std::string text = strip_html_tags(raw);
  text = text::decode_entities(text);
  {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '`') {  // copy a code span untouched
        const size_t end = text.find('`', i + 1);
        if (end != std::string::npos) {
          out.append(text, i, end - i + 1);
          i = end;
          continue;
        }
      }
      if (markdown && c == '\\' && i + 1 < text.size() && std::string_view("\\`*_{}[]()#+-.!|<>").find(text[i + 1]) != std::string_view::npos) {
        out += text[++i];
        continue;
      }
      if (c == '!' && i + 1 < text.size() && text[i + 1] == '[') {  // image: drop it
        const size_t close = text.find("](", i);
        const size_t end = close == std::string::npos ? close : text.find(')', close);
        if (end != std::string::npos) {
          i = end;
          continue;
        }
      }
      if (c == '[') {  // link: keep its text
        const size_t close = text.find(']', i);
        if (close != std::string::npos && close + 1 < text.size() && (text[close + 1] == '(' || text[close + 1] == '[')) {
          const size_t end = text.find(text[close + 1] == '(' ? ')' : ']', close + 2);
          if (end != std::string::npos) {
            out += clean_inline(text.substr(i + 1, close - i - 1), true);
            i = end;
            continue;
          }
        }
      }
      if ((c == '*' || c == '_') && i + 1 < text.size() && text[i + 1] == c) {  // ** and __
        ++i;
        continue;
      }
      if (c == '*') {
        // *emphasis*: a star next to a word character on one side and not the other.
        const bool before_word = i + 1 < text.size() && text[i + 1] != ' ';
        const bool after_word = i > 0 && text[i - 1] != ' ';
        if (before_word != after_word) continue;
      }
      out += c;
    }
    text = out;
  }
  return text::trim(text::collapse_spaces(text));
}

const char* const kBoilerplate[] = {
    "share your feedback", "was this helpful", "was this answer helpful", "join the waitlist", "sign up for",
    "subscribe to", "back to top", "ready to practice", "practice this answer", "start simulation",
    "get personalized feedback", "browse all", "browse interview questions", "log in to", "upgrade to",
    "advertisement", "click here to", "download the app", "cookie", "all rights reserved", "edit this page",
    "rate this answer", "report an issue", "loading...", "skip to content"};

struct Segment {
  LineKind kind;
  std::string text;
};

// Splits a raw line into <details>, </details>, <summary>…</summary> markers and the text around
// them. `in_summary` carries an open <summary> across lines.
std::vector<Segment> split_details(const std::string& line, bool& in_summary, std::string& summary) {
  std::vector<Segment> out;
  const std::string lowered = text::lower(line);
  size_t pos = 0;
  auto text_piece = [&](size_t from, size_t to) {
    if (to > from) {
      if (in_summary)
        summary += " " + line.substr(from, to - from);
      else
        out.push_back({LineKind::text, line.substr(from, to - from)});
    }
  };
  while (pos < line.size()) {
    const size_t tag = lowered.find('<', pos);
    if (tag == std::string::npos) {
      text_piece(pos, line.size());
      break;
    }
    auto take = [&](std::string_view name) { return lowered.compare(tag, name.size(), name) == 0; };
    const size_t close = lowered.find('>', tag);
    if (close == std::string::npos) {
      text_piece(pos, line.size());
      break;
    }
    if (take("<details") && (lowered[tag + 8] == '>' || lowered[tag + 8] == ' ')) {
      text_piece(pos, tag);
      out.push_back({LineKind::details_open, ""});
    } else if (take("</details>")) {
      text_piece(pos, tag);
      out.push_back({LineKind::details_close, ""});
    } else if (take("<summary")) {
      text_piece(pos, tag);
      in_summary = true;
      summary.clear();
    } else if (take("</summary>")) {
      text_piece(pos, tag);
      in_summary = false;
      out.push_back({LineKind::summary, summary});
    } else {
      text_piece(pos, close + 1);
    }
    pos = close + 1;
  }
  return out;
}

class Reader {
 public:
  Reader(std::string_view text, bool markdown_hint) : raw_(text::split_lines(text)), markdown_(markdown_hint) {}

  Page read() {
    size_t first = front_matter();
    detect_markdown(first);
    page_.markdown = markdown_;
    bool in_fence = false, in_summary = false;
    std::string summary;
    const size_t unclosed = unclosed_fence(first);
    for (size_t i = first; i < raw_.size(); ++i) {
      const std::string& line = raw_[i];
      const int number = static_cast<int>(i) + 1;
      if (i == unclosed) {
        page_.guesses.push_back({number, "a code fence (```) opened here is never closed; the lines after it were read "
                                         "as text, not as code"});
        emit({LineKind::blank, number, 0, false, false, {}, {}});
        continue;
      }
      if (is_fence(line) && markdown_) {
        in_fence = !in_fence;
        emit({LineKind::code, number, 0, false, false, {}, line});
        continue;
      }
      if (in_fence) {
        emit({LineKind::code, number, 0, false, false, {}, line});
        continue;
      }
      if (lowered_contains_details(line) || in_summary) {
        for (auto& segment : split_details(line, in_summary, summary)) {
          if (segment.kind == LineKind::text) {
            classify(segment.text, number, i);
          } else {
            if (segment.kind == LineKind::summary) segment.text = clean_inline(segment.text, true);
            emit({segment.kind, number, 0, false, false, {}, segment.text});
          }
        }
        continue;
      }
      classify(line, number, i);
    }
    find_title();
    return std::move(page_);
  }

 private:
  // A fence opened and never closed makes everything after it code, which no writer means: notes
  // often open one near the top ("```" before a list of reminders) and go on writing. Such a
  // fence is the last one of an odd count; its index, or npos when every fence is closed.
  size_t unclosed_fence(size_t first) const {
    if (!markdown_) return std::string::npos;
    size_t open = std::string::npos;
    for (size_t i = first; i < raw_.size(); ++i)
      if (is_fence(raw_[i])) open = open == std::string::npos ? i : std::string::npos;
    return open;
  }

  static bool lowered_contains_details(const std::string& line) {
    const std::string lowered = text::lower(line);
    return lowered.find("<details") != std::string::npos || lowered.find("</details") != std::string::npos ||
           lowered.find("<summary") != std::string::npos;
  }

  size_t front_matter() {
    if (raw_.empty() || text::trim(raw_[0]) != "---") return 0;
    for (size_t i = 1; i < raw_.size() && i < 200; ++i) {
      const std::string line = text::trim(raw_[i]);
      if (line == "---" || line == "...") {
        has_front_matter_ = true;
        return i + 1;
      }
      const auto colon = line.find(':');
      if (colon == std::string::npos || line.starts_with("#") || line.starts_with("-")) continue;
      const std::string key = text::lower(text::trim(std::string_view(line).substr(0, colon)));
      std::string value = text::trim(std::string_view(line).substr(colon + 1));
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
        value = value.substr(1, value.size() - 2);
      if ((key == "deck" || key == "title") && !value.empty() && (key == "deck" || title_.empty())) title_ = value;
      if (key == "tags" || key == "keywords") {
        std::string list = value;
        if (list.size() >= 2 && list.front() == '[' && list.back() == ']') list = list.substr(1, list.size() - 2);
        size_t start = 0;
        while (start <= list.size()) {
          size_t comma = list.find(',', start);
          std::string tag = text::trim(std::string_view(list).substr(start, comma == std::string::npos ? std::string::npos : comma - start));
          if (tag.size() >= 2 && (tag.front() == '"' || tag.front() == '\'') && tag.back() == tag.front())
            tag = tag.substr(1, tag.size() - 2);
          if (!tag.empty()) page_.tags.push_back(tag);
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
      }
    }
    title_.clear();
    page_.tags.clear();
    return 0;  // never closed: not front matter after all
  }

  void detect_markdown(size_t first) {
    if (has_front_matter_) markdown_ = true;
    for (size_t i = first; i < raw_.size() && !markdown_; ++i) {
      std::string heading;
      if (atx_heading(raw_[i], heading) && !heading.empty()) markdown_ = true;
      if (is_fence(raw_[i]) || lowered_contains_details(raw_[i])) markdown_ = true;
    }
  }

  void emit(PageLine line) {
    if (line.kind == LineKind::text || line.kind == LineKind::heading) intro_.clear();
    if (line.kind == LineKind::item && !intro_.empty()) {
      line.introduced = true;
      line.intro = intro_;
    }
    if (line.kind == LineKind::text && line.text.ends_with(":")) intro_ = line.text;
    page_.lines.push_back(std::move(line));
  }

  // The next line that has text, trimmed.
  std::string next_text_line(size_t i) const {
    for (size_t k = i + 1; k < raw_.size(); ++k)
      if (!text::trim(raw_[k]).empty()) return text::trim(raw_[k]);
    return {};
  }

  // Plain text writes headings in sentence case too ("Quick questions"): a short line with no
  // closing punctuation, alone between blank lines, and not the answer to a question above it.
  bool standalone_heading(const std::string& text, size_t index) const {
    if (text.empty() || !text::is_ascii_upper(text.front())) return false;
    if (std::count(text.begin(), text.end(), ' ') >= 5) return false;
    if (std::string_view(".,;:!?\"')").find(text.back()) != std::string_view::npos) return false;
    const bool blank_before = index == 0 || text::trim(raw_[index - 1]).empty();
    const bool blank_after = index + 1 >= raw_.size() || text::trim(raw_[index + 1]).empty();
    if (!blank_before || !blank_after) return false;
    for (size_t k = index; k-- > 0;) {
      const std::string above = text::trim(raw_[k]);
      if (!above.empty()) return !above.ends_with("?");
    }
    return true;
  }

  void classify(const std::string& line, int number, size_t index) {
    const std::string trimmed = text::trim(line);
    if (trimmed.empty()) {
      emit({LineKind::blank, number, 0, false, false, {}, {}});
      return;
    }
    if (markdown_) {
      std::string heading;
      if (auto level = atx_heading(line, heading)) {
        emit_heading(clean_inline(heading, true), *level, number);
        return;
      }
      // Setext headings: a line underlined with === or ---.
      const std::string next = index + 1 < raw_.size() ? text::trim(raw_[index + 1]) : std::string();
      bool unused = false;
      if (!next.empty() && (next.find_first_not_of('=') == std::string::npos || next.find_first_not_of('-') == std::string::npos) &&
          !match_item(line, unused) && !is_separator(line) && indentation(line) < 4) {
        emit_heading(clean_inline(trimmed, true), next[0] == '=' ? 1 : 2, number);
        skip_underline_ = index + 1;
        return;
      }
    }
    if (index == skip_underline_) return;
    if (is_separator(line)) {
      emit({LineKind::separator, number, 0, false, false, {}, {}});
      return;
    }
    // "S" on its own line above "Situation": a badge, not text.
    if (trimmed.size() == 1 && std::string_view("STAR").find(trimmed[0]) != std::string_view::npos) {
      const std::string next = text::lower(next_text_line(index));
      static const char* const kWords[] = {"situation", "task", "action", "result"};
      const char* word = kWords[std::string_view("STAR").find(trimmed[0])];
      if (next.find(word) != std::string::npos && next.find(word) < 8) return;
    }
    bool numbered = false;
    if (auto item = match_item(line, numbered)) {
      const std::string text = clean_inline(*item, markdown_);
      if (text.empty() || is_boilerplate(text)) return;
      if (symbols_only(text)) return;
      // A lazy continuation line glued to the item above it in Markdown is handled by `merge`.
      emit({LineKind::item, number, indentation(line), numbered, false, {}, text});
      return;
    }
    const std::string text = clean_inline(trimmed, markdown_);
    if (text.empty() || symbols_only(text)) {
      emit({LineKind::blank, number, 0, false, false, {}, {}});
      return;
    }
    if (is_boilerplate(text)) return;
    if (merge(text, line, number)) return;
    if (!markdown_ && (looks_like_title(text) || standalone_heading(text, index))) {
      emit_heading(text, 0, number);
      return;
    }
    emit({LineKind::text, number, indentation(line), false, false, {}, text});
  }

  void emit_heading(const std::string& text, int level, int number) {
    if (text.empty() || is_boilerplate(text)) return;
    emit({LineKind::heading, number, level, false, false, {}, text});
  }

  // Joins a line to the paragraph or item above it when it continues it: Markdown's soft line
  // breaks, and hard-wrapped plain text.
  bool merge(const std::string& text, const std::string& raw_line, int number) {
    if (page_.lines.empty()) return false;
    PageLine& previous = page_.lines.back();
    if (previous.kind != LineKind::text && previous.kind != LineKind::item) return false;
    if (previous.number + 1 != number) return false;
    // A label starts something new, and so does the line after a question ("What is X?" and its
    // answer on the next line are two things). Notes put a prompt without its question mark on a
    // line of its own, and its answer, or the next prompt, on the next line: a line that is such a
    // prompt, or follows one, is not a continuation either.
    if (match_label(text) || text::trim(raw_line).starts_with("**") || previous.text.ends_with("?")) return false;
    if (is_spoken_prompt(text) || is_spoken_prompt(previous.text)) return false;
    if (markdown_) {
      const std::string& before = raw_[static_cast<size_t>(previous.number - 1)];
      if (before.ends_with("  ") || before.ends_with("\\") || text::lower(before).ends_with("<br>")) return false;
    } else {
      static const std::string kEnders = ".!?:;\"')";
      const bool unfinished = previous.text.size() >= 60 && kEnders.find(previous.text.back()) == std::string::npos;
      if (!unfinished || !text::is_ascii_lower(text.front())) return false;
    }
    previous.text += " " + text;
    if (previous.kind == LineKind::text && previous.text.ends_with(":")) intro_ = previous.text;
    return true;
  }

  void find_title() {
    page_.title = title_;
    if (!page_.title.empty()) return;
    for (const auto& line : page_.lines) {
      if (line.kind == LineKind::heading && line.level == 1) {
        page_.title = line.text;
        return;
      }
    }
    if (markdown_) return;
    // A saved page starts with its title, sometimes broken over two lines.
    for (size_t i = 0; i < page_.lines.size(); ++i) {
      const PageLine& line = page_.lines[i];
      if (line.kind == LineKind::blank) continue;
      if (line.kind != LineKind::heading || match_label(line.text)) return;
      page_.title = line.text;
      if (i + 1 < page_.lines.size() && page_.lines[i + 1].kind == LineKind::heading &&
          page_.lines[i + 1].number == line.number + 1 && !match_label(page_.lines[i + 1].text))
        page_.title += " " + page_.lines[i + 1].text;
      return;
    }
  }

  std::vector<std::string> raw_;
  bool markdown_;
  bool has_front_matter_ = false;
  std::string title_;
  std::string intro_;  // the paragraph ending in ':' that introduces the items that follow
  size_t skip_underline_ = static_cast<size_t>(-1);
  Page page_;

};

}  // namespace

bool is_boilerplate(std::string_view text) {
  const std::string lowered = text::lower(text);
  if (lowered.size() > 140) return false;
  for (const char* phrase : kBoilerplate)
    if (lowered.find(phrase) != std::string::npos) return true;
  return false;
}

Page read_page(std::string_view text, bool markdown_hint) { return Reader(text, markdown_hint).read(); }

}  // namespace rehearse::guide
