#include "review_screen.h"

#include <fmt/format.h>
#include <fmt/xchar.h>

#include <algorithm>
#include <cmath>

#include "rehearse/text_layout.h"

namespace rehearse::tui {

namespace {

constexpr int kMinCols = 40;
constexpr int kMinRows = 10;
constexpr int kMaxPageWidth = 100;  // longer lines are hard to read
constexpr int kTickMs = 250;        // how often the timer is looked at
constexpr int kAnswerBoxRows = 3;   // the box shows this many rows even when empty
constexpr int kLabelWidth = 12;     // "Situation" and the other labels, and the space after them
constexpr std::size_t kMaxStatusRows = 3;

std::wstring wide(std::string_view utf8) { return to_wide(utf8); }

std::wstring padded(std::wstring text, int width) {
  const int missing = width - text_width(text);
  if (missing > 0) text.append(static_cast<std::size_t>(missing), L' ');
  return text;
}

std::string clock_time(double seconds) {
  const auto whole = static_cast<long>(seconds);
  return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

std::string rating_name(Rating rating) {
  std::string name(to_string(rating));
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

std::string kind_name(CardKind kind) {
  switch (kind) {
    case CardKind::question: return "Question";
    case CardKind::keypoint: return "Key point";
    case CardKind::story: return "Story";
  }
  return "Question";
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string duration(std::int64_t ms) {
  if (ms < 60'000) return fmt::format("{} s", ms / 1000);
  return fmt::format("{:.0f} min", static_cast<double>(ms) / 60'000.0);
}

}  // namespace

ReviewScreen::ReviewScreen(Terminal& terminal, ReviewSession& session, const Collection& collection, const Clock& clock,
                           TimeTarget target, Card first)
    : terminal_(terminal), session_(session), collection_(collection), clock_(clock), target_(target), glyphs_(Glyphs::for_locale(terminal.unicode())) {
  show(std::move(first));
}

void ReviewScreen::run() {
  draw();
  while (!quit_ && Terminal::stop_signal() == 0) {
    const std::optional<Key> key = terminal_.read_key(kTickMs);
    if (key) {
      try {
        handle(*key);
      } catch (const std::exception& e) {
        say(e.what(), true);
      }
      draw();
    } else if (phase_ == Phase::answering && static_cast<long>(seconds_shown()) != drawn_second_) {
      draw();
    }
  }
}

// --- what happens ---

void ReviewScreen::show(Card card) {
  card_ = std::move(card);
  phase_ = Phase::answering;
  editor_.clear();
  shown_at_ = SteadyClock::now();
  answer_seconds_.reset();
  score_.reset();
  scroll_ = 0;
  follow_cursor_ = true;
  refresh_counts();
}

void ReviewScreen::show_next() {
  try {
    if (std::optional<Card> next = session_.next()) {
      show(std::move(*next));
      return;
    }
  } catch (const std::exception& e) {
    say(fmt::format("Cannot read the next card: {}", e.what()), true);
  }
  card_.reset();
  phase_ = Phase::finished;
  scroll_ = 0;
  refresh_counts();
}

void ReviewScreen::reveal() {
  answer_seconds_ = seconds_shown();
  phase_ = Phase::revealed;
  scroll_ = 0;
  // An answer only revealed, not typed, has nothing to score: the user rates their recall.
  if (editor_.blank()) return;
  try {
    score_ = session_.score(*card_, Attempt{editor_.utf8(), *answer_seconds_, {}});
    if (!score_->errors.empty()) say(fmt::format("Scoring failed: {}", score_->errors.front()), true);
  } catch (const std::exception& e) {
    say(fmt::format("Scoring failed: {}", e.what()), true);
  }
}

void ReviewScreen::rate(Rating rating) {
  const auto taken_ms = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - shown_at_).count();
  const CombinedScore* score = score_ && !score_->parts.empty() ? &*score_ : nullptr;
  AnswerOutcome outcome;
  try {
    outcome = session_.answer(*card_, rating, AnswerDetails{taken_ms, score, std::nullopt});
  } catch (const std::exception& e) {
    say(fmt::format("Not saved: {}", e.what()), true);
    return;
  }
  say(fmt::format("Saved: {}. You see that card again {}.", rating_name(rating), clock_.describe_until(outcome.after.due_ms)));
  show_next();
}

void ReviewScreen::undo() {
  std::optional<Card> card;
  try {
    card = session_.undo();
  } catch (const std::exception& e) {
    say(fmt::format("Cannot undo: {}", e.what()), true);
    return;
  }
  if (!card) {
    say("Nothing to undo.");
    return;
  }
  say(fmt::format("Took back your last answer (\"{}\").", card->content.prompt));
  show(std::move(*card));
}

void ReviewScreen::refresh_counts() {
  try {
    counts_ = session_.counts();
  } catch (const std::exception& e) {
    say(fmt::format("Cannot count the cards left: {}", e.what()), true);
  }
}

void ReviewScreen::say(std::string text, bool error) {
  message_ = std::move(text);
  message_is_error_ = error;
}

double ReviewScreen::seconds_shown() const { return std::chrono::duration<double>(SteadyClock::now() - shown_at_).count(); }

int ReviewScreen::body_height() const { return std::max(terminal_.rows() - 4, 1); }

// --- keys ---

void ReviewScreen::handle(const Key& key) {
  if (key.code == KeyCode::resize) return;  // the next draw lays the page out for the new size
  message_.clear();
  if (help_) {
    if (!handle_scroll(key)) help_ = false;
    return;
  }
  const bool wants_help = key.code == KeyCode::help || key.is_ctrl(L'g') || (phase_ != Phase::answering && key.is_text(L'?'));
  const bool wants_quit = key.is_ctrl(L'q') || key.is_ctrl(L'c') || (phase_ != Phase::answering && key.is_text(L'q'));
  const bool wants_undo = key.is_ctrl(L'z') || (phase_ != Phase::answering && key.is_text(L'u'));
  if (wants_help) {
    help_ = true;
    help_scroll_ = 0;
  } else if (wants_quit) {
    quit_ = true;
  } else if (wants_undo) {
    undo();
  } else if (phase_ == Phase::answering) {
    handle_answering(key);
  } else if (phase_ == Phase::revealed) {
    handle_revealed(key);
  } else {
    handle_finished(key);
  }
}

void ReviewScreen::handle_answering(const Key& key) {
  if (key.code == KeyCode::tab || key.is_ctrl(L'd')) {
    reveal();
    return;
  }
  if (key.code == KeyCode::page_up || key.code == KeyCode::page_down) {
    follow_cursor_ = false;
    scroll_ += (key.code == KeyCode::page_up ? -1 : 1) * std::max(body_height() - 1, 1);
    return;
  }
  follow_cursor_ = true;
  if (editor_.edit(key)) return;
  if (key.code == KeyCode::escape) say("Tab or Ctrl-D shows the answer; Ctrl-Q quits; F1 lists the keys.");
}

void ReviewScreen::handle_revealed(const Key& key) {
  if (key.code == KeyCode::text && key.ch >= L'1' && key.ch <= L'4') {
    rate(static_cast<Rating>(key.ch - L'0'));
  } else if (key.code == KeyCode::enter) {
    // Like Anki, Enter means Good when nothing suggests otherwise.
    rate(score_ && score_->suggestion ? *score_->suggestion : Rating::good);
  } else if (!handle_scroll(key) && key.code == KeyCode::text) {
    say("Rate your recall: 1 again, 2 hard, 3 good, 4 easy (? lists the keys).");
  }
}

void ReviewScreen::handle_finished(const Key& key) {
  if (key.code == KeyCode::enter || key.code == KeyCode::escape) quit_ = true;
  else handle_scroll(key);
}

bool ReviewScreen::handle_scroll(const Key& key) {
  return scroll_for_key(key, std::max(body_height() - 1, 1), help_ ? help_scroll_ : scroll_);
}

// --- drawing ---

void ReviewScreen::draw() {
  const int rows = terminal_.rows();
  const int cols = terminal_.cols();
  terminal_.begin_frame();
  drawn_second_ = static_cast<long>(seconds_shown());
  if (terminal_.shown_too_small(kMinCols, kMinRows)) return;
  draw_title_bar(cols);
  draw_card_line(cols);

  const Body body = build_body(std::min(cols - 2, kMaxPageWidth));
  const int top = 2;
  // The status rows take what they need (a long error wraps), the page gets the rest; room is
  // kept beside the status for the scroll hint when the page does not fit.
  const std::wstring more_below = glyphs_.more_below + L" more: PgDn";
  const std::wstring more_above = glyphs_.more_above + L" more: PgUp";
  const int hint_width = std::max(text_width(more_below), text_width(more_above)) + 2;
  std::vector<Line> status = status_lines(cols - 2);
  int height = rows - 3 - static_cast<int>(status.size());
  if (body.page.size() > height) {
    status = status_lines(cols - 2 - hint_width);
    height = rows - 3 - static_cast<int>(status.size());
  }
  int& scroll = help_ ? help_scroll_ : scroll_;
  if (follow_cursor_ && body.cursor) {
    scroll = std::min(scroll, body.cursor->first);
    scroll = std::max(scroll, body.cursor->first - height + 1);
  }
  const int max_scroll = std::max(body.page.size() - height, 0);
  scroll = std::clamp(scroll, 0, max_scroll);
  for (int i = 0; i < height && scroll + i < body.page.size(); ++i) terminal_.draw(top + i, 1, body.page.lines()[scroll + i]);
  if (body.cursor) {
    const int y = body.cursor->first - scroll;
    if (y >= 0 && y < height) terminal_.place_cursor(top + y, 1 + body.cursor->second);
  }

  const int status_top = top + height;
  for (std::size_t i = 0; i < status.size(); ++i) terminal_.draw(status_top + static_cast<int>(i), 1, status[i]);
  const std::wstring hint = scroll < max_scroll ? more_below : scroll > 0 ? more_above : L"";
  if (!hint.empty()) terminal_.draw(rows - 2, cols - text_width(hint) - 1, {{hint, Style::dim}});
  draw_key_bar(rows - 1, cols);
  terminal_.present();
}

void ReviewScreen::draw_title_bar(int width) {
  Line right = {{std::to_wstring(counts_.new_cards), Style::bar_new}, {L" new  ", Style::bar},
                {std::to_wstring(counts_.learning), Style::bar_learning}, {L" learning  ", Style::bar},
                {std::to_wstring(counts_.review), Style::bar_review}, {L" review ", Style::bar}};
  const int right_width = line_width(right);
  const std::string deck = card_ ? card_->deck : session_.deck().empty() ? "all decks" : session_.deck();
  const std::wstring title = fit(glyphs_.dot.substr(1) + wide(deck), width - right_width - 10, glyphs_.ellipsis);
  terminal_.draw(0, 0, {{L" rehearse ", Style::bar_key}, {title, Style::bar}}, Style::bar);
  if (right_width < width) terminal_.draw(0, width - right_width, right);
}

void ReviewScreen::draw_card_line(int width) {
  Line left;
  Line right;
  if (help_) {
    left = {{L"Keys", Style::label}};
  } else if (phase_ == Phase::finished) {
    left = {{L"Summary", Style::label}};
  } else {
    left = {{wide(kind_name(card_->content.kind)), Style::label},
            {glyphs_.dot + wide(to_string(card_->scheduling.state)), Style::dim}};
    right = timer_spans();
  }
  terminal_.draw(1, 1, left);
  const int right_width = line_width(right);
  if (right_width > 0 && line_width(left) + right_width + 3 < width) terminal_.draw(1, width - right_width - 1, right);
}

Line ReviewScreen::timer_spans() const {
  const double seconds = answer_seconds_.value_or(seconds_shown());
  const std::wstring prefix = answer_seconds_ ? L"answered in " : L"";
  if (!rehearse::asks_for_a_story(card_->content)) return {{prefix, Style::dim}, {wide(clock_time(seconds)), Style::normal}};
  // The words say what the colour says, for terminals without colour.
  Style style = Style::normal;
  std::wstring verdict;
  if (seconds > target_.max_seconds) {
    style = Style::warn;
    verdict = L" over";
  } else if (seconds >= target_.min_seconds) {
    style = Style::good;
    verdict = L" on target";
  }
  const std::wstring range = wide(clock_time(target_.min_seconds)) + glyphs_.dash + wide(clock_time(target_.max_seconds));
  return {{prefix, Style::dim}, {wide(clock_time(seconds)) + verdict, style}, {L"  target " + range, Style::dim}};
}

std::vector<Line> ReviewScreen::status_lines(int width) const {
  std::string text;
  Style style = Style::dim;
  if (!message_.empty()) {
    text = message_;
    style = message_is_error_ ? Style::bad : Style::normal;
  } else if (!help_ && phase_ == Phase::answering && editor_.blank()) {
    text = "Type your answer, or just think it through; then Tab shows the model answer.";
  } else if (!help_ && phase_ == Phase::revealed && score_ && score_->suggestion) {
    text = fmt::format("Suggested: {}{}. Enter accepts it, or rate 1-4.", rating_name(*score_->suggestion),
                       score_->score ? fmt::format(" ({:.0f}/100)", *score_->score) : "");
    style = Style::strong;
  } else if (!help_ && phase_ == Phase::revealed) {
    text = "How well did you recall it? Rate 1-4; Enter means Good.";
  }
  Page page(width);
  page.text(text, style);
  std::vector<Line> lines = page.lines();
  if (lines.size() > kMaxStatusRows) {
    lines.resize(kMaxStatusRows);
    lines.back().back().text = fit(lines.back().back().text + glyphs_.ellipsis, width, glyphs_.ellipsis);
  }
  return lines;
}

void ReviewScreen::draw_key_bar(int y, int width) {
  std::vector<Line> items;
  if (help_) {
    items.push_back(key_bar_item(L"any key", L"back to the review", false));
    items.push_back(key_bar_item(L"arrows, PgUp, PgDn", L"scroll", false));
  } else if (phase_ == Phase::answering) {
    items.push_back(key_bar_item(L"Tab", L"show answer", false));
    items.push_back(key_bar_item(L"^Z", L"undo", false));
    items.push_back(key_bar_item(L"^Q", L"quit", false));
    items.push_back(key_bar_item(L"F1", L"help", false));
  } else if (phase_ == Phase::revealed) {
    // Plain values rather than a copied std::optional, which g++ 12 cannot prove initialised.
    const bool suggested = score_ && score_->suggestion.has_value();
    const Rating enter_rating = suggested ? *score_->suggestion : Rating::good;
    for (int r = 1; r <= 4; ++r) {
      const auto rating = static_cast<Rating>(r);
      items.push_back(key_bar_item(std::to_wstring(r), wide(rating_name(rating)), suggested && enter_rating == rating));
    }
    items.push_back(key_bar_item(L"Enter", wide(rating_name(enter_rating)), false));
    items.push_back(key_bar_item(L"u", L"undo", false));
    items.push_back(key_bar_item(L"q", L"quit", false));
    items.push_back(key_bar_item(L"?", L"help", false));
  } else {
    items.push_back(key_bar_item(L"q", L"quit", false));
    items.push_back(key_bar_item(L"u", L"undo the last answer", false));
    items.push_back(key_bar_item(L"?", L"help", false));
  }
  const Line bar = key_bar(items, width);
  terminal_.draw(y, 0, bar, Style::bar);
}

ReviewScreen::Body ReviewScreen::build_body(int width) {
  Body body{Page(width), std::nullopt};
  if (help_) {
    add_help(body.page);
  } else if (phase_ == Phase::answering) {
    add_prompt(body.page);
    add_answer_box(body, true);
  } else if (phase_ == Phase::revealed) {
    add_prompt(body.page);
    add_model_answer(body.page);
    add_answer_box(body, false);
    add_findings(body.page);
  } else {
    add_summary(body.page);
  }
  return body;
}

void ReviewScreen::add_prompt(Page& page) const {
  const CardContent& card = card_->content;
  page.text(card.prompt, Style::strong);
  if (phase_ != Phase::answering) return;
  if (card.kind == CardKind::story)
    page.text("Tell it in STAR order: situation, task, action, result, and what you learned.", Style::dim);
  else if (card.kind == CardKind::keypoint)
    page.text("Explain it in a sentence or two, with an example.", Style::dim);
  else if (!card.themes.empty())
    page.text("Themes: " + joined(card.themes) + ". Pick a story that shows them.", Style::dim);
}

void ReviewScreen::add_answer_box(Body& body, bool editing) {
  Page& page = body.page;
  page.blank();
  page.text("Your answer", Style::heading);
  if (!editing && editor_.blank()) {
    page.text("(nothing typed)", Style::dim, L"  ");
    return;
  }
  const auto cursor = editor_.add_to(page, glyphs_.frame, editing ? kAnswerBoxRows : 0, editing ? Style::typed : Style::dim);
  if (editing) body.cursor = cursor;
}

void ReviewScreen::add_model_answer(Page& page) const {
  const CardContent& card = card_->content;
  if (!card.answer.empty()) {
    page.blank();
    page.text(card.kind == CardKind::keypoint ? "Explanation" : "Model answer", Style::heading);
    page.text(reflow(card.answer), Style::normal, L"  ");
  }
  if (!card.story.empty()) {
    page.blank();
    page.text(is_template(card)              ? "Write your own version (a template, not a model answer)"
              : card.kind == CardKind::story ? "Your story"
                                             : "A model STAR answer",
              Style::heading);
    const auto part = [&](const char* label, const std::string& text) {
      if (!text.empty()) page.text(reflow(text), Style::normal, L"  " + padded(wide(label), kLabelWidth), Style::label);
    };
    part("Situation", card.story.situation);
    part("Task", card.story.task);
    for (std::size_t i = 0; i < card.story.actions.size(); ++i) {
      const std::wstring label = padded(i == 0 ? L"Action" : L"", kLabelWidth);
      page.text(reflow(card.story.actions[i]), Style::normal, L"  " + label + std::to_wstring(i + 1) + L". ", Style::label);
    }
    part("Result", card.story.result);
    part("Lesson", card.story.lesson);
  }
  if (!card.key_points.empty()) {
    page.blank();
    page.text("Key points", Style::heading);
    for (const auto& point : card.key_points) page.text(point.text, Style::normal, L"  " + glyphs_.bullet, Style::good);
  }
  if (!card.pitfalls.empty()) {
    page.blank();
    page.text("Avoid", Style::heading);
    for (const auto& pitfall : card.pitfalls) page.text(pitfall, Style::normal, L"  " + glyphs_.bullet, Style::bad);
  }
  if (!card.themes.empty()) {
    page.blank();
    page.text(joined(card.themes), Style::dim, L"Themes: ", Style::dim);
  }
}

void ReviewScreen::add_findings(Page& page) const {
  if (!score_) return;
  for (const ScoreResult& part : score_->parts) {
    if (part.findings.empty() && part.summary.empty() && !part.score) continue;
    page.blank();
    page.text(fmt::format("Checked by {}{}", part.scorer, part.score ? fmt::format(": {:.0f}/100", *part.score) : ""),
              Style::heading);
    if (!part.summary.empty()) page.text(part.summary, Style::normal, L"  ");
    for (const Finding& finding : part.findings) {
      const std::string text = finding.evidence.empty() ? finding.criterion : fmt::format("{}: \"{}\"", finding.criterion, finding.evidence);
      page.text(text, Style::normal, L"  " + (finding.met ? glyphs_.check : glyphs_.cross) + L" ",
                finding.met ? Style::good : Style::bad);
      if (!finding.met && !finding.advice.empty()) page.text(finding.advice, Style::dim, L"    ");
    }
  }
  for (const std::string& error : score_->errors) {
    page.blank();
    page.text(error, Style::bad, L"Scoring failed: ", Style::bad);
  }
}

void ReviewScreen::add_summary(Page& page) const {
  const SessionSummary& s = session_.summary();
  const auto row = [&](const char* label, const std::string& text) {
    page.text(text, Style::normal, L"  " + padded(wide(label), kLabelWidth), Style::label);
  };
  if (s.answered == 0) {
    page.text("Nothing left to review", Style::heading);
  } else {
    page.text("Session done", Style::heading);
    page.blank();
    row("Answered", fmt::format("{} card{} in {}", s.answered, s.answered == 1 ? "" : "s", duration(s.total_ms)));
    row("Ratings", fmt::format("Again {}, Hard {}, Good {}, Easy {}", s.again, s.hard, s.good, s.easy));
    if (s.mean_score) row("Mean score", fmt::format("{:.0f}/100 for your typed answers", *s.mean_score));
  }
  if (counts_.total() > 0)
    row("Still due", fmt::format("{} new, {} learning, {} review", counts_.new_cards, counts_.learning, counts_.review));
  // Only on a device enrolled with a sync server (rehearse sync --enrol): the answers above wait
  // for the next `rehearse sync` to reach the other devices.
  if (const auto server = collection_.config("sync.server")) {
    const SyncState sync = collection_.sync_state();
    row("Sync", fmt::format("{} waiting, {}", sync.waiting_reviews + sync.waiting_cards + sync.waiting_settings,
                            sync.last_sync_ms ? "last synced " + format_local_time(sync.last_sync_ms) : std::string("not synced yet")));
  }
  page.blank();
  page.text("Cards you are still learning come back later today; the others when they are due. "
            "Every answer you rated is saved.",
            Style::dim);
}

void ReviewScreen::add_help(Page& page) const {
  const auto key = [&](const std::wstring& keys, const char* what) {
    page.text(what, Style::normal, L"  " + padded(keys, 20), Style::label);
  };
  page.text("While you type your answer", Style::heading);
  key(L"letters, Enter", "type; Enter starts a new line");
  key(L"arrows, Home, End", "move in the answer (also Ctrl-A, Ctrl-E)");
  key(L"Backspace, Del", "delete a character; Ctrl-W deletes a word");
  key(L"Tab or Ctrl-D", "show the model answer");
  key(L"PgUp, PgDn", "scroll");
  key(L"Ctrl-Z", "take back the last answer and show its card again");
  key(L"Ctrl-Q", "quit");
  key(L"F1 or Ctrl-G", "this help");
  page.blank();
  page.text("When the answer is shown", Style::heading);
  key(L"1 2 3 4", "rate: again, hard, good, easy");
  key(L"Enter", "the suggested rating (Good when there is none)");
  key(L"arrows, PgUp, PgDn", "scroll (also j, k, space, b, g, G)");
  key(L"u", "take back the last answer");
  key(L"q", "quit; every rated answer is already saved");
  key(L"?", "this help");
  page.blank();
  page.text(fmt::format("Stories and behavioural questions are spoken answers: aim for {} to {} seconds. "
                        "The timer runs until you show the answer.",
                        target_.min_seconds, target_.max_seconds),
            Style::dim);
}

}  // namespace rehearse::tui
