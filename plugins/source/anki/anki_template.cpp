#include "anki_template.h"

#include <algorithm>
#include <cctype>

namespace rehearse::anki {

namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// The HTML of the field named `name`, or nothing when the note type has no such field.
const std::string* field_named(const NoteType& type, const Note& note, std::string_view name) {
  for (size_t i = 0; i < type.fields.size() && i < note.fields.size(); ++i)
    if (type.fields[i] == name) return &note.fields[i];
  return nullptr;
}

// Whether a field shows anything: Anki counts a field of only white space and "<br>" as empty.
bool has_text(const std::string* field) {
  if (!field) return false;
  std::string text = *field;
  for (const char* blank : {"<br>", "<br/>", "<br />", "&nbsp;"})
    for (size_t at = text.find(blank); at != std::string::npos; at = text.find(blank)) text.erase(at, std::string_view(blank).size());
  return !trimmed(text).empty();
}

class Renderer {
 public:
  Renderer(const NoteType& type, const Note& note, std::string_view front_side)
      : type_(type), note_(note), front_side_(front_side) {}

  // Renders `format` from `pos` up to the closing tag "{{/<until>}}" (or the end); `pos` ends
  // after that tag. A section nested too deep or never closed is rendered as far as it goes.
  std::string render(std::string_view format, size_t& pos, std::string_view until, int depth) {
    std::string out;
    while (pos < format.size()) {
      const size_t open = format.find("{{", pos);
      if (open == std::string_view::npos) {
        out += format.substr(pos);
        pos = format.size();
        break;
      }
      out += format.substr(pos, open - pos);
      const size_t close = format.find("}}", open + 2);
      if (close == std::string_view::npos) {  // not a tag: Anki shows it as it is
        out += format.substr(open);
        pos = format.size();
        break;
      }
      const std::string tag = trimmed(format.substr(open + 2, close - open - 2));
      pos = close + 2;
      if (tag.empty()) continue;
      if (tag[0] == '/') {
        if (trimmed(std::string_view(tag).substr(1)) == until) return out;
        continue;  // a stray closing tag
      }
      if (tag[0] == '#' || tag[0] == '^') {
        const std::string name = trimmed(std::string_view(tag).substr(1));
        constexpr int kMaxDepth = 32;
        std::string inner = depth < kMaxDepth ? render(format, pos, name, depth + 1) : std::string();
        const bool shown = has_text(field_named(type_, note_, name)) == (tag[0] == '#');
        if (shown) out += inner;
        continue;
      }
      out += value_of(tag);
    }
    return out;
  }

 private:
  std::string value_of(const std::string& tag) const {
    // "filter:filter:Field": the field is the last part; a typing box shows nothing to read.
    const auto colon = tag.rfind(':');
    const std::string name = colon == std::string::npos ? tag : trimmed(std::string_view(tag).substr(colon + 1));
    if (colon != std::string::npos && tag.starts_with("type:")) return {};
    if (name == "FrontSide") return std::string(front_side_);
    const std::string* field = field_named(type_, note_, name);
    return field ? *field : std::string();
  }

  const NoteType& type_;
  const Note& note_;
  std::string_view front_side_;
};

}  // namespace

std::string render_template(std::string_view format, const NoteType& type, const Note& note, std::string_view front_side) {
  Renderer renderer(type, note, front_side);
  size_t pos = 0;
  return renderer.render(format, pos, {}, 0);
}

std::string render_back_only(std::string_view back_format, const NoteType& type, const Note& note) {
  const std::string back = render_template(back_format, type, note);
  // <hr id=answer>, <hr id="answer">, <hr id='answer' />...
  std::string lowered = back;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (size_t at = lowered.find("<hr"); at != std::string::npos; at = lowered.find("<hr", at + 3)) {
    const size_t end = lowered.find('>', at);
    if (end == std::string::npos) break;
    if (lowered.find("answer", at) < end) return back.substr(end + 1);
  }
  return back;
}

}  // namespace rehearse::anki
