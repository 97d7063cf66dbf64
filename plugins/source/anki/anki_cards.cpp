#include "anki_cards.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "anki_template.h"
#include "anki_text.h"

namespace rehearse::anki {

namespace {

// revlog.type
constexpr int kFiltered = 3;
constexpr int kManual = 4;
constexpr int kRescheduled = 5;

// Stock fields that only add to the back of the card; appended without their name.
bool is_extra_field(const std::string& name) { return name == "back extra" || name == "extra"; }

bool is_key_points_field(const std::string& name) {
  return name == "key points" || name == "key point" || name == "keypoints" || name == "key_points";
}

bool is_pitfalls_field(const std::string& name) {
  return name == "pitfalls" || name == "pitfall" || name == "avoid" || name == "mistakes" || name == "common mistakes";
}

std::string lower_trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  std::string result(text.substr(first, text.find_last_not_of(" \t") - first + 1));
  std::transform(result.begin(), result.end(), result.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

// The lines of a list field, without their bullets or numbers.
std::vector<std::string> list_items(const std::string& text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line(text.data() + start, end - start);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.starts_with("- ") || line.starts_with("* ")) {
      line.remove_prefix(2);
    } else if (line.starts_with("\u2022")) {
      line.remove_prefix(std::string_view("\u2022").size());
    } else {
      size_t digits = 0;
      while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
      if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ')
        line.remove_prefix(digits + 2);
    }
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty()) items.emplace_back(line);
    start = end + 1;
  }
  return items;
}

void append_paragraph(std::string& answer, const std::string& paragraph) {
  if (paragraph.empty()) return;
  if (!answer.empty()) answer += "\n\n";
  answer += paragraph;
}

// Puts the note's fields other than the prompt and the answer where they belong on the card.
void add_other_fields(const Note& note, const NoteType* type, const std::set<size_t>& used, CardContent& card) {
  for (size_t i = 0; i < note.fields.size(); ++i) {
    if (used.count(i)) continue;
    const std::string text = html_to_text(note.fields[i]);
    if (text.empty()) continue;
    const std::string name = type && i < type->fields.size() ? type->fields[i] : fmt::format("Field {}", i + 1);
    const std::string key = lower_trimmed(name);
    if (is_key_points_field(key)) {
      for (auto& item : list_items(text)) card.key_points.push_back({std::move(item), {}});
    } else if (is_pitfalls_field(key)) {
      for (auto& item : list_items(text)) card.pitfalls.push_back(std::move(item));
    } else if (is_extra_field(key)) {
      append_paragraph(card.answer, text);
    } else {
      append_paragraph(card.answer, name + (text.find('\n') == std::string::npos ? ": " : ":\n") + text);
    }
  }
}

// The question type a note's tags name ("behavioral", "system-design", or a level of a tag like
// "interview::behavioural"), when they name exactly one; Anki has no such field, so without a tag
// the card's wording decides.
std::optional<QuestionType> type_from_tags(const std::vector<std::string>& tags) {
  std::optional<QuestionType> found;
  for (const auto& tag : tags) {
    size_t start = 0;
    while (start <= tag.size()) {
      const size_t end = std::min(tag.find("::", start), tag.size());
      if (const auto type = question_type_from_string(std::string_view(tag).substr(start, end - start))) {
        if (found && *found != *type) return std::nullopt;  // tags that disagree say nothing
        found = type;
      }
      start = end + 2;
    }
  }
  return found;
}

// Notes (or cards of notes) the import skipped for one reason, reported in one warning.
struct Skipped {
  std::string reason;
  std::vector<std::int64_t> notes;
  bool cards = false;  // counts cards, not notes
  int count = 0;

  void add(std::int64_t note) {
    if (notes.empty() || notes.back() != note) notes.push_back(note);
    ++count;
  }
  void report(const std::string& file, std::vector<ParseWarning>& warnings) const {
    if (notes.empty()) return;
    std::string ids;
    for (size_t i = 0; i < notes.size() && i < 10; ++i) ids += fmt::format("{}{}", i ? "," : "", notes[i]);
    const char* what = cards ? "card" : "note";
    const size_t counted = cards ? static_cast<size_t>(count) : notes.size();
    warnings.push_back({file, 0, fmt::format("{} {}{} skipped: {} (in Anki, search nid:{}{})", counted, what,
                                             counted == 1 ? " was" : "s were", reason, ids,
                                             notes.size() > 10 ? " and more" : "")});
  }
};

class CardMaker {
 public:
  CardMaker(const CollectionContents& contents, const ConvertOptions& options) : contents_(contents), options_(options) {
    for (const auto& card : contents.cards) cards_of_note_[card.note].push_back(&card);
    for (const auto& entry : contents.revlog) revlog_of_card_[entry.card].push_back(&entry);
  }

  ParseResult run() {
    for (const auto& note : contents_.notes) add_note(note);
    empty_prompt_.report(options_.file, result_.warnings);
    without_deletions_.report(options_.file, result_.warnings);
    image_occlusion_.report(options_.file, result_.warnings);
    without_cards_.report(options_.file, result_.warnings);
    duplicate_.report(options_.file, result_.warnings);
    without_template_.report(options_.file, result_.warnings);
    empty_front_.report(options_.file, result_.warnings);
    report_reviews_left_out();
    if (options_.with_history && contents_.revlog.empty())
      result_.warnings.push_back({options_.file, 0, "the package holds no review history; in Anki, export it with "
                                                    "\"Include scheduling information\" ticked to bring it along"});
    return std::move(result_);
  }

 private:
  void add_note(const Note& note) {
    const auto type_it = contents_.note_types.find(note.note_type);
    const NoteType* type = type_it == contents_.note_types.end() ? nullptr : &type_it->second;
    const auto cards_it = cards_of_note_.find(note.id);
    if (type && type->image_occlusion) {
      image_occlusion_.add(note.id);
      if (cards_it != cards_of_note_.end())
        for (const AnkiCard* anki_card : cards_it->second) count_reviews_left_out(*anki_card);
    } else if (cards_it == cards_of_note_.end()) {
      without_cards_.add(note.id);
    } else if (type && type->cloze) {
      add_cloze_note(note, type, cards_it->second);
    } else {
      add_template_note(note, type, cards_it->second);
    }
  }

  // A note with a card per template (Basic has one; Basic (and reversed card) two). The first card
  // reads the note's fields as a question and its answer, as rehearse always imported it, so it
  // keeps the note's guid and the progress of collections that imported it before; every other
  // card shows what its template shows, and is a sibling of the first.
  void add_template_note(const Note& note, const NoteType* type, const std::vector<const AnkiCard*>& anki_cards) {
    const std::string group = anki_cards.size() > 1 ? note.guid : std::string();
    add_basic_note(note, type, *anki_cards.front(), group);
    for (size_t i = 1; i < anki_cards.size(); ++i) {
      const AnkiCard& anki_card = *anki_cards[i];
      const auto tmpl = type ? type->templates.find(anki_card.ord) : std::map<int, CardTemplate>::const_iterator();
      if (!type || tmpl == type->templates.end()) {
        without_template_.add(note.id);
        count_reviews_left_out(anki_card);
        continue;
      }
      CardContent card;
      card.uid = fmt::format("{}#card{}", note.guid, anki_card.ord + 1);
      card.prompt = html_to_text(render_template(tmpl->second.front, *type, note));
      card.answer = html_to_text(render_back_only(tmpl->second.back, *type, note));
      card.tags = note.tags;
      card.type = type_from_tags(note.tags);
      card.group = group;
      if (card.prompt.empty()) {  // Anki makes no such card; one left over from an older template
        empty_front_.add(note.id);
        count_reviews_left_out(anki_card);
        continue;
      }
      add_card(note, anki_card, std::move(card));
    }
  }

  void add_basic_note(const Note& note, const NoteType* type, const AnkiCard& anki_card, const std::string& group) {
    CardContent card;
    card.group = group;
    card.uid = note.guid;
    card.prompt = note.fields.empty() ? std::string() : html_to_text(note.fields[0]);
    card.answer = note.fields.size() < 2 ? std::string() : html_to_text(note.fields[1]);
    add_other_fields(note, type, {0, 1}, card);
    card.tags = note.tags;
    card.type = type_from_tags(note.tags);
    add_card(note, anki_card, std::move(card));
  }

  void add_cloze_note(const Note& note, const NoteType* type, const std::vector<const AnkiCard*>& anki_cards) {
    // The deletions are in the first field that has any (the stock type's "Text").
    size_t text_field = 0;
    for (size_t i = 0; i < note.fields.size(); ++i)
      if (!cloze_numbers(note.fields[i]).empty()) {
        text_field = i;
        break;
      }
    const std::string text = text_field < note.fields.size() ? note.fields[text_field] : std::string();
    const std::set<int> numbers = cloze_numbers(text);
    int made = 0;
    for (const AnkiCard* anki_card : anki_cards) {
      const int number = anki_card->ord + 1;
      if (!numbers.count(number)) {  // a card whose deletion was removed from the text
        count_reviews_left_out(*anki_card);
        continue;
      }
      CardContent card;
      card.uid = number == 1 ? note.guid : fmt::format("{}#c{}", note.guid, number);
      card.prompt = html_to_text(reveal_clozes(text, number, ClozeSide::question));
      card.answer = html_to_text(reveal_clozes(text, number, ClozeSide::answer));
      add_other_fields(note, type, {text_field}, card);
      card.tags = note.tags;
      card.type = type_from_tags(note.tags);
      if (numbers.size() > 1) card.group = note.guid;
      add_card(note, *anki_card, std::move(card));
      ++made;
    }
    if (made == 0) without_deletions_.add(note.id);
  }

  // Says which past answers did not come along, so that a user comparing counts with Anki knows.
  void report_reviews_left_out() {
    if (!options_.with_history) return;
    std::set<std::int64_t> cards;
    for (const auto& card : contents_.cards) cards.insert(card.id);
    for (const auto& entry : contents_.revlog)
      if (!cards.count(entry.card)) ++reviews_of_deleted_cards_;
    if (reviews_left_out_ > 0)
      result_.warnings.push_back({options_.file, 0, fmt::format("{} past review{} of skipped cards {} left out", reviews_left_out_,
                                                                reviews_left_out_ == 1 ? "" : "s",
                                                                reviews_left_out_ == 1 ? "was" : "were")});
    if (reviews_of_deleted_cards_ > 0)
      result_.warnings.push_back(
          {options_.file, 0, fmt::format("{} past review{} of cards deleted in Anki (the log keeps them) {} left out",
                                         reviews_of_deleted_cards_, reviews_of_deleted_cards_ == 1 ? "" : "s",
                                         reviews_of_deleted_cards_ == 1 ? "was" : "were")});
  }

  void count_reviews_left_out(const AnkiCard& anki_card) {
    if (const auto log = revlog_of_card_.find(anki_card.id); log != revlog_of_card_.end())
      reviews_left_out_ += static_cast<int>(log->second.size());
  }

  void add_card(const Note& note, const AnkiCard& anki_card, CardContent card) {
    if (card.prompt.empty()) {
      empty_prompt_.add(note.id);
      count_reviews_left_out(anki_card);
      return;
    }
    const auto deck_it = contents_.decks.find(anki_card.deck);
    const std::string deck_name =
        deck_it == contents_.decks.end() || deck_it->second.empty() ? options_.fallback_deck : deck_it->second;
    ParsedDeck& deck = deck_named(deck_name);
    if (!uids_[deck_name].insert(card.uid).second) {
      duplicate_.add(note.id);
      count_reviews_left_out(anki_card);
      return;
    }
    if (options_.with_history) {
      const auto log = revlog_of_card_.find(anki_card.id);
      if (log != revlog_of_card_.end()) {
        auto reviews = replayable_reviews(log->second);
        if (!reviews.empty()) result_.history.push_back({deck_name, card.uid, card.prompt, std::move(reviews)});
      }
    }
    deck.cards.push_back(std::move(card));
  }

  ParsedDeck& deck_named(const std::string& name) {
    auto [it, inserted] = deck_index_.emplace(name, result_.decks.size());
    if (inserted) result_.decks.push_back({name, {}, {}});
    return result_.decks[it->second];
  }

  const CollectionContents& contents_;
  const ConvertOptions& options_;
  std::unordered_map<std::int64_t, std::vector<const AnkiCard*>> cards_of_note_;
  std::unordered_map<std::int64_t, std::vector<const RevlogEntry*>> revlog_of_card_;
  std::map<std::string, size_t> deck_index_;
  std::map<std::string, std::set<std::string>> uids_;
  ParseResult result_;
  Skipped empty_prompt_{"the field the question comes from is empty", {}};
  Skipped without_deletions_{"the cloze note has no deletion ({{c1::...}}) that matches its cards", {}};
  Skipped image_occlusion_{"image occlusion notes are pictures, and rehearse shows text", {}};
  Skipped without_cards_{"the note has no cards (run Tools > Check Database in Anki)", {}};
  Skipped duplicate_{"another note in the same deck has the same guid", {}};
  Skipped without_template_{"the note type has no template for the card, so what it shows is unknown", {}, true};
  Skipped empty_front_{"the card's template shows nothing on its front for this note", {}, true};
  int reviews_left_out_ = 0;        // reviews of cards that were skipped
  int reviews_of_deleted_cards_ = 0;  // reviews whose card is not in the package
};

}  // namespace

std::vector<ImportedReview> replayable_reviews(const std::vector<const RevlogEntry*>& revlog) {
  // "Forget" in Anki logs a manual entry with no ease; the answers before it belong to a card
  // that was reset to new, and replaying from new starts after it.
  size_t start = 0;
  for (size_t i = 0; i < revlog.size(); ++i)
    if (revlog[i]->type == kManual && revlog[i]->factor == 0) start = i + 1;
  std::vector<ImportedReview> reviews;
  for (size_t i = start; i < revlog.size(); ++i) {
    const RevlogEntry& entry = *revlog[i];
    if (entry.ease < 1 || entry.ease > 4) continue;
    if (entry.type == kManual || entry.type == kRescheduled) continue;
    if (entry.type == kFiltered && entry.factor == 0) continue;  // cramming that left the schedule alone
    reviews.push_back({entry.id, static_cast<Rating>(entry.ease), std::max<std::int64_t>(0, entry.taken_ms)});
  }
  return reviews;
}

ParseResult make_cards(const CollectionContents& contents, const ConvertOptions& options) {
  return CardMaker(contents, options).run();
}

}  // namespace rehearse::anki
