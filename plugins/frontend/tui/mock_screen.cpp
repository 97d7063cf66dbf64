#include "mock_screen.h"

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

std::string clock_time(double seconds) {
  const auto whole = static_cast<long>(seconds);
  return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

MockScreen::MockScreen(Terminal& terminal, MockInterview& mock)
    : terminal_(terminal), mock_(mock), glyphs_(Glyphs::for_locale(terminal.unicode())) {
  next_question();
}

void MockScreen::run() {
  draw();
  while (!quit_ && Terminal::stop_signal() == 0) {
    const std::optional<Key> key = terminal_.read_key(kTickMs);
    if (key) {
      try {
        handle(*key);
      } catch (const std::exception& e) {
        message_ = e.what();
      }
      draw();
    } else if (phase_ != Phase::finished && static_cast<long>(seconds_on_question()) != drawn_second_) {
      draw();
    }
  }
}

// --- what happens ---

void MockScreen::next_question() {
  question_ = mock_.next();
  if (!question_) {
    finish();
    return;
  }
  phase_ = Phase::answering;
  step_ = 0;
  answer_ = MockAnswer{};
  score_.reset();
  editor_.clear();
  scroll_ = 0;
  shown_at_ = SteadyClock::now();
}

void MockScreen::done_with_step() {
  const std::string text = editor_.utf8();
  editor_.clear();
  if (step_ == 0)
    answer_.text = text;
  else
    answer_.follow_up_answers.push_back(text);
  ++step_;
  // A passed question gets no follow-ups: there is nothing to follow up on.
  const bool passed = answer_.text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (!passed && step_ <= question_->follow_ups.size()) return;
  phase_ = Phase::rating;
  scroll_ = 0;
  if (!passed) score_ = mock_.score(*question_, answer_.text, seconds_on_question());
}

void MockScreen::record(std::optional<Rating> rating) {
  answer_.rating = rating;
  answer_.taken_ms = static_cast<std::int64_t>(seconds_on_question() * 1000);
  answer_.score = score_;
  const MockResult result = mock_.answer(*question_, answer_);
  message_ = fmt::format("Saved: {} ({}).", to_string(result.rating),
                         result.rated_by_user ? "your rating" : result.passed ? "passed" : "the scorers' suggestion");
}

void MockScreen::finish() {
  question_.reset();
  report_ = mock_.report();
  phase_ = Phase::finished;
  scroll_ = 0;
}

void MockScreen::handle(const Key& key) {
  if (key.code == KeyCode::resize) return;
  message_.clear();
  const bool wants_quit = key.is_ctrl(L'q') || key.is_ctrl(L'c') || (phase_ != Phase::answering && key.is_text(L'q'));
  if (phase_ == Phase::finished) {
    if (wants_quit || key.code == KeyCode::enter || key.code == KeyCode::escape) quit_ = true;
    else if (key.code == KeyCode::up || key.code == KeyCode::page_up) scroll_ -= key.code == KeyCode::up ? 1 : 10;
    else if (key.code == KeyCode::down || key.code == KeyCode::page_down) scroll_ += key.code == KeyCode::down ? 1 : 10;
    return;
  }
  if (wants_quit) {
    // As in the cli: a question counts once its answer is given, even when the user ends the
    // interview during its follow-ups.
    if (phase_ == Phase::rating || step_ > 0) {
      if (phase_ == Phase::answering) {
        answer_.follow_up_answers.push_back(editor_.utf8());
        const bool passed = answer_.text.find_first_not_of(" \t\r\n") == std::string::npos;
        if (!passed) score_ = mock_.score(*question_, answer_.text, seconds_on_question());
      }
      record(std::nullopt);
    }
    finish();
    return;
  }
  if (phase_ == Phase::answering) {
    handle_answering(key);
  } else if (key.code == KeyCode::text && key.ch >= L'1' && key.ch <= L'4') {
    record(static_cast<Rating>(key.ch - L'0'));
    next_question();
  } else if (key.code == KeyCode::enter) {
    record(std::nullopt);
    next_question();
  } else if (key.code == KeyCode::up || key.code == KeyCode::down) {
    scroll_ += key.code == KeyCode::up ? -1 : 1;
  } else if (key.code == KeyCode::text) {
    message_ = "Rate it: 1 again, 2 hard, 3 good, 4 easy, or Enter for the suggestion; q ends the interview.";
  }
}

void MockScreen::handle_answering(const Key& key) {
  if (key.code == KeyCode::tab || key.is_ctrl(L'd')) {
    done_with_step();
    return;
  }
  if (editor_.edit(key)) return;
  if (key.code == KeyCode::escape) message_ = "Tab or Ctrl-D ends this answer; Ctrl-Q ends the interview.";
}

// --- drawing ---

double MockScreen::seconds_on_question() const {
  return std::chrono::duration<double>(SteadyClock::now() - shown_at_).count();
}

Page MockScreen::build_page(int width, std::optional<std::pair<int, int>>& cursor) {
  Page page(width);
  if (phase_ == Phase::finished) {
    const MockReport& report = *report_;
    page.text("Mock interview report", Style::heading);
    if (report.questions.empty()) {
      page.text("No question answered.", Style::dim);
    } else {
      page.text(fmt::format("{} question{} in {} ({} min allowed{}).", report.questions.size(),
                            report.questions.size() == 1 ? "" : "s", clock_time(report.seconds), report.minutes,
                            report.time_up ? "; time ran out" : ""),
                Style::normal);
      for (std::size_t i = 0; i < report.questions.size(); ++i) {
        const MockResult& q = report.questions[i];
        page.text(fmt::format("{} [{}]", q.prompt, q.uid), Style::strong, to_wide(fmt::format("{:>2}. ", i + 1)));
        const std::string score = q.passed ? "passed" : q.score ? fmt::format("{:.0f}/100", *q.score) : "no score";
        page.text(fmt::format("{} · {} ({}) · {}", score, to_string(q.rating),
                              q.rated_by_user ? "yours" : q.passed ? "passed" : "suggested", clock_time(q.seconds)),
                  Style::dim, L"    ");
      }
      if (report.mean_score) page.text(fmt::format("Mean score: {:.0f}/100.", *report.mean_score), Style::normal);
    }
    if (!report.themes_without_story.empty())
      page.text("Themes with no story of yours: " + joined(report.themes_without_story) + ".", Style::normal);
    if (!report.low_themes.empty()) page.text("Themes that scored low: " + joined(report.low_themes) + ".", Style::normal);
    page.blank();
    page.text("Practise next", Style::heading);
    for (const auto& step : report.practise) page.text(step, Style::normal, glyphs_.bullet);
    return page;
  }

  const MockQuestion& q = *question_;
  page.text(q.card.content.prompt, Style::strong);
  if (!q.stories.empty()) {
    page.text("Stories of yours that fit:", Style::dim);
    for (std::size_t i = 0; i < q.stories.size() && i < 3; ++i)
      page.text(fmt::format("{} ({})", q.stories[i].prompt, joined(q.stories[i].themes)), Style::dim, glyphs_.bullet);
  } else if (q.type == QuestionType::behavioural && !q.card.content.themes.empty()) {
    page.text("No story of yours fits its themes (" + joined(q.card.content.themes) + "): answer with the closest experience you have.",
              Style::dim);
  }
  page.blank();
  if (phase_ == Phase::answering) {
    page.text(step_ == 0 ? "Your answer" : "Follow-up: " + q.follow_ups[step_ - 1], Style::heading);
    cursor = editor_.add_to(page, glyphs_.frame, kAnswerBoxRows, Style::typed);
    return page;
  }
  if (!score_) {
    page.text("Passed: no answer given. It counts as 'again'.", Style::dim);
    return page;
  }
  if (score_->score) page.text(fmt::format("Score: {:.0f}/100", *score_->score), Style::heading);
  for (const auto& part : score_->parts) {
    if (part.summary.empty()) continue;
    page.text(part.summary, Style::normal, to_wide("[" + part.scorer + "] "));
    for (const auto& finding : part.findings)
      if (!finding.met && !finding.advice.empty()) page.text(finding.advice, Style::dim, L"    " + glyphs_.cross + L" ");
  }
  for (const auto& error : score_->errors) page.text("Scoring failed: " + error, Style::bad);
  return page;
}

void MockScreen::draw() {
  const int rows = terminal_.rows();
  const int cols = terminal_.cols();
  terminal_.begin_frame();
  drawn_second_ = static_cast<long>(seconds_on_question());
  if (terminal_.shown_too_small(kMinCols, kMinRows)) return;
  // Title bar: the question and the interview's clock (answering time so far, this question's too).
  std::string title = phase_ == Phase::finished ? "Mock interview: report"
                                                : fmt::format("Mock interview · question {} · {} · {}", question_->number,
                                                              to_string(question_->type), question_->card.content.uid);
  const double elapsed = static_cast<double>(mock_.elapsed_ms()) / 1000.0 + (phase_ == Phase::finished ? 0 : seconds_on_question());
  const std::wstring clock = to_wide(fmt::format(" {} of {} ", clock_time(elapsed), clock_time(static_cast<double>(mock_.limit_ms()) / 1000.0)));
  terminal_.draw(0, 0, {{L" rehearse ", Style::bar_key}, {fit(to_wide(" " + title), cols - text_width(clock) - 11, glyphs_.ellipsis), Style::bar}},
                 Style::bar);
  terminal_.draw(0, cols - text_width(clock), {{clock, Style::bar}});

  std::optional<std::pair<int, int>> cursor;
  const Page page = build_page(std::min(cols - 2, kMaxPageWidth), cursor);
  const int top = 2;
  const int height = rows - 4;
  if (cursor) scroll_ = std::max(std::min(scroll_, cursor->first), cursor->first - height + 1);
  scroll_ = std::clamp(scroll_, 0, std::max(page.size() - height, 0));
  for (int i = 0; i < height && scroll_ + i < page.size(); ++i) terminal_.draw(top + i, 1, page.lines()[scroll_ + i]);
  if (cursor && cursor->first - scroll_ >= 0 && cursor->first - scroll_ < height)
    terminal_.place_cursor(top + cursor->first - scroll_, 1 + cursor->second);
  if (!message_.empty()) terminal_.draw(rows - 2, 1, {{fit(to_wide(message_), cols - 2, glyphs_.ellipsis), Style::dim}});

  std::vector<Line> items;
  if (phase_ == Phase::answering) {
    const bool last = step_ >= question_->follow_ups.size();
    items.push_back(key_bar_item(L"Tab", step_ == 0 ? L"done" : last ? L"done, score it" : L"next follow-up"));
    items.push_back(key_bar_item(L"^Q", L"end the interview"));
  } else if (phase_ == Phase::rating) {
    const bool suggested = score_ && score_->suggestion.has_value();
    const Rating enter = !score_ ? Rating::again : suggested ? *score_->suggestion : Rating::good;
    for (int r = 1; r <= 4; ++r)
      items.push_back(key_bar_item(std::to_wstring(r), to_wide(to_string(static_cast<Rating>(r))), suggested && enter == static_cast<Rating>(r)));
    items.push_back(key_bar_item(L"Enter", to_wide(to_string(enter))));
    items.push_back(key_bar_item(L"q", L"end the interview"));
  } else {
    items.push_back(key_bar_item(L"Enter", L"leave"));
  }
  const Line bar = key_bar(items, cols);
  terminal_.draw(rows - 1, 0, bar, Style::bar);
  terminal_.present();
}

}  // namespace rehearse::tui
