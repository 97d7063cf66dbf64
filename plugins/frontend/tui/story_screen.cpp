#include "story_screen.h"

#include <fmt/format.h>

#include <algorithm>

#include "wide_text.h"

namespace rehearse::tui {

namespace {

constexpr int kMinCols = 40;
constexpr int kMinRows = 10;
constexpr int kMaxPageWidth = 100;
constexpr int kTickMs = 250;
constexpr int kAnswerBoxRows = 3;
constexpr int kLabelWidth = 12;

std::wstring wide(std::string_view utf8) { return to_wide(utf8); }

std::wstring padded(std::wstring text, int width) {
  const int missing = width - text_width(text);
  if (missing > 0) text.append(static_cast<std::size_t>(missing), L' ');
  return text;
}

std::string capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace

StoryScreen::StoryScreen(Terminal& terminal, StoryDraft& draft)
    : terminal_(terminal), draft_(draft), glyphs_(Glyphs::for_locale(terminal.unicode())) {}

void StoryScreen::run() {
  draw();
  while (!quit_ && Terminal::stop_signal() == 0) {
    const std::optional<Key> key = terminal_.read_key(kTickMs);
    if (!key) continue;
    try {
      handle(*key);
    } catch (const std::exception& e) {
      say(e.what(), true);
    }
    draw();
  }
}

// --- what happens ---

void StoryScreen::keep() { draft_.set(StoryDraft::steps()[step_].name, editor_.utf8()); }

void StoryScreen::go_to(std::size_t step) {
  step_ = step;
  editor_.set_text(wide(draft_.text(StoryDraft::steps()[step_].name)));
  scroll_ = 0;
  follow_cursor_ = true;
}

void StoryScreen::next() {
  keep();
  const StoryStep& step = StoryDraft::steps()[step_];
  if (step.required && draft_.text(step.name).empty()) {
    say(fmt::format("A story needs its {}: {}.", step.name, step.what), true);
    return;
  }
  if (!step.criteria.empty()) last_.emplace(step.name, draft_.findings(step.name));
  else last_.reset();
  if (step_ + 1 < StoryDraft::steps().size()) {
    go_to(step_ + 1);
    return;
  }
  whole_ = draft_.findings();
  phase_ = Phase::confirming;
  scroll_ = 0;
}

void StoryScreen::back() {
  if (phase_ == Phase::confirming) {
    phase_ = Phase::writing;
    last_.reset();
    go_to(step_);
    return;
  }
  keep();
  last_.reset();
  if (step_ > 0) go_to(step_ - 1);
}

void StoryScreen::save() {
  try {
    saved_ = draft_.save();
  } catch (const std::exception& e) {
    say(fmt::format("Not written: {}", e.what()), true);
    return;
  }
  phase_ = Phase::saved;
  scroll_ = 0;
}

void StoryScreen::say(std::string text, bool error) {
  message_ = std::move(text);
  message_is_error_ = error;
}

int StoryScreen::body_height() const { return std::max(terminal_.rows() - 4, 1); }

// --- keys ---

void StoryScreen::handle(const Key& key) {
  if (key.code == KeyCode::resize) return;
  message_.clear();
  if (key.is_ctrl(L'q') || key.is_ctrl(L'c') || (phase_ != Phase::writing && key.is_text(L'q'))) {
    quit_ = true;
  } else if (phase_ == Phase::writing) {
    handle_writing(key);
  } else if (phase_ == Phase::confirming) {
    handle_confirming(key);
  } else if (key.code == KeyCode::enter || key.code == KeyCode::escape) {
    quit_ = true;
  } else {
    handle_scroll(key);
  }
}

void StoryScreen::handle_writing(const Key& key) {
  if (key.code == KeyCode::tab || key.is_ctrl(L'd')) {
    next();
    return;
  }
  if (key.is_ctrl(L'b')) {
    back();
    return;
  }
  if (key.code == KeyCode::page_up || key.code == KeyCode::page_down) {
    follow_cursor_ = false;
    scroll_ += (key.code == KeyCode::page_up ? -1 : 1) * std::max(body_height() - 1, 1);
    return;
  }
  follow_cursor_ = true;
  if (editor_.edit(key)) return;
  if (key.code == KeyCode::escape) say("Tab goes to the next step, Ctrl-B back to the one before; Ctrl-Q quits without writing.");
}

void StoryScreen::handle_confirming(const Key& key) {
  if (key.is_text(L'y')) save();
  else if (key.is_text(L'n') || key.is_ctrl(L'b') || key.code == KeyCode::escape) back();
  else if (!handle_scroll(key) && key.code == KeyCode::text)
    say("y adds the story to the file; n goes back to change it; q quits without writing.");
}

bool StoryScreen::handle_scroll(const Key& key) { return scroll_for_key(key, std::max(body_height() - 1, 1), scroll_); }

// --- drawing ---

void StoryScreen::draw() {
  const int rows = terminal_.rows();
  const int cols = terminal_.cols();
  terminal_.begin_frame();
  if (terminal_.shown_too_small(kMinCols, kMinRows)) return;
  const std::size_t count = StoryDraft::steps().size();
  const std::string where = phase_ == Phase::writing ? fmt::format("step {} of {} ", step_ + 1, count)
                            : phase_ == Phase::confirming ? std::string("the whole story ")
                                                          : std::string("written ");
  terminal_.draw(0, 0, {{L" rehearse ", Style::bar_key}, {glyphs_.dot.substr(1) + L"Write a story", Style::bar}}, Style::bar);
  terminal_.draw(0, cols - static_cast<int>(where.size()), {{wide(where), Style::bar}});

  Line card_line;
  if (phase_ == Phase::writing) {
    const StoryStep& step = StoryDraft::steps()[step_];
    card_line = {{wide(capitalised(step.name)), Style::label}};
    if (!step.required) card_line.push_back({glyphs_.dot + L"optional", Style::dim});
  } else {
    card_line = {{phase_ == Phase::confirming ? L"Your story" : L"Written", Style::label}};
  }
  terminal_.draw(1, 1, card_line);

  const Body body = build_body(std::min(cols - 2, kMaxPageWidth));
  std::string status = message_;
  Style status_style = message_is_error_ ? Style::bad : Style::normal;
  if (status.empty()) {
    status_style = Style::dim;
    if (phase_ == Phase::writing)
      status = StoryDraft::steps()[step_].name == "action" ? "One action a line. Tab: next step." : "Tab: next step.";
    else if (phase_ == Phase::confirming)
      status = fmt::format("Add it to {}? y / n", draft_.file().string());
    else
      status = "Enter or q leaves.";
    if (phase_ == Phase::confirming) status_style = Style::strong;
  }
  Page status_page(cols - 2);
  status_page.text(status, status_style);
  std::vector<Line> status_lines = status_page.lines();
  if (status_lines.size() > 3) status_lines.resize(3);
  const int top = 2;
  const int height = rows - 3 - static_cast<int>(status_lines.size());
  if (follow_cursor_ && body.cursor) {
    scroll_ = std::min(scroll_, body.cursor->first);
    scroll_ = std::max(scroll_, body.cursor->first - height + 1);
  }
  const int max_scroll = std::max(body.page.size() - height, 0);
  scroll_ = std::clamp(scroll_, 0, max_scroll);
  for (int i = 0; i < height && scroll_ + i < body.page.size(); ++i) terminal_.draw(top + i, 1, body.page.lines()[scroll_ + i]);
  if (body.cursor) {
    const int y = body.cursor->first - scroll_;
    if (y >= 0 && y < height) terminal_.place_cursor(top + y, 1 + body.cursor->second);
  }
  for (std::size_t i = 0; i < status_lines.size(); ++i) terminal_.draw(top + height + static_cast<int>(i), 1, status_lines[i]);
  // The page goes on below (or above): say so in the last row above the status, at the right.
  const std::wstring hint = scroll_ < max_scroll ? glyphs_.more_below + L" more: PgDn" : scroll_ > 0 ? glyphs_.more_above + L" more: PgUp" : L"";
  if (!hint.empty()) terminal_.draw(top + height - 1, cols - text_width(hint) - 1, {{L" " + hint, Style::dim}});
  draw_key_bar(rows - 1, cols);
  terminal_.present();
}

StoryScreen::Body StoryScreen::build_body(int width) {
  Body body{Page(width), std::nullopt};
  Page& page = body.page;
  if (phase_ == Phase::saved) {
    page.text("Added to your stories", Style::heading);
    page.blank();
    page.text(fmt::format("'{}' (id: {})", saved_->title, saved_->id), Style::strong);
    page.text(saved_->file.string(), Style::normal, L"File        ", Style::label);
    page.text(saved_->deck, Style::normal, L"Deck        ", Style::label);
    page.blank();
    page.text("It is imported already. `rehearse stories` shows which themes still have no story of yours.", Style::dim);
    return body;
  }
  if (phase_ == Phase::confirming) {
    add_story(page);
    add_findings(page, "The whole story, as the STAR rubric reads it", *whole_);
    if (draft_.themes().empty()) {
      page.blank();
      page.text("No themes: `rehearse stories` cannot match it to questions until it has some.", Style::dim);
    }
    return body;
  }
  page.text(draft_.question(StoryDraft::steps()[step_].name), Style::strong);
  page.blank();
  body.cursor = editor_.add_to(page, glyphs_.frame, kAnswerBoxRows, Style::typed);
  if (last_) add_findings(page, fmt::format("The STAR rubric on your {}", last_->first), last_->second);
  return body;
}

void StoryScreen::add_findings(Page& page, const std::string& heading, const StoryFindings& found) const {
  page.blank();
  if (!found.scorer_loaded) {
    page.text("The STAR rubric (the star scorer) is not loaded: nothing is judged.", Style::dim);
    return;
  }
  page.text(found.score ? fmt::format("{}: {:.0f}/100", heading, *found.score) : heading, Style::heading);
  if (!found.summary.empty()) page.text(found.summary, Style::normal, L"  ");
  for (const Finding& finding : found.findings) {
    const std::string text = finding.evidence.empty() ? finding.criterion : fmt::format("{}: \"{}\"", finding.criterion, finding.evidence);
    page.text(text, Style::normal, L"  " + (finding.met ? glyphs_.check : glyphs_.cross) + L" ", finding.met ? Style::good : Style::bad);
    if (!finding.met && !finding.advice.empty()) page.text(finding.advice, Style::dim, L"    ");
  }
  for (const std::string& error : found.errors) page.text(error, Style::bad, L"The STAR rubric failed: ", Style::bad);
}

void StoryScreen::add_story(Page& page) const {
  page.text(draft_.title(), Style::strong);
  const Story& story = draft_.story();
  const auto part = [&](const char* label, const std::string& text) {
    if (!text.empty()) page.text(text, Style::normal, L"  " + padded(wide(label), kLabelWidth), Style::label);
  };
  part("Situation", story.situation);
  part("Task", story.task);
  for (std::size_t i = 0; i < story.actions.size(); ++i) {
    const std::wstring label = padded(i == 0 ? L"Action" : L"", kLabelWidth);
    page.text(story.actions[i], Style::normal, L"  " + label + std::to_wstring(i + 1) + L". ", Style::label);
  }
  part("Result", story.result);
  part("Lesson", story.lesson);
  part("Themes", draft_.text("themes"));
}

void StoryScreen::draw_key_bar(int y, int width) {
  std::vector<Line> items;
  if (phase_ == Phase::writing) {
    items.push_back(key_bar_item(L"Tab", StoryDraft::steps().size() == step_ + 1 ? L"whole story" : L"next"));
    if (step_ > 0) items.push_back(key_bar_item(L"^B", L"back"));
    items.push_back(key_bar_item(L"^Q", L"quit"));
  } else if (phase_ == Phase::confirming) {
    items.push_back(key_bar_item(L"y", L"add it"));
    items.push_back(key_bar_item(L"n", L"change it"));
    items.push_back(key_bar_item(L"q", L"quit"));
  } else {
    items.push_back(key_bar_item(L"Enter", L"leave"));
  }
  const Line bar = key_bar(items, width);
  terminal_.draw(y, 0, bar, Style::bar);
}

}  // namespace rehearse::tui
