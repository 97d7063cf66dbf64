#include "rehearse/mock_interview.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "ascii.h"
#include "rehearse/engine.h"
#include "rehearse/errors.h"
#include "rehearse/review_session.h"
#include "rehearse/story_bank.h"

namespace rehearse {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

void add_once(std::vector<std::string>& list, const std::string& item) {
  if (!contains(list, item)) list.push_back(item);
}

std::vector<std::string> lower_all(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& word : words) add_once(out, ascii_lower(word));
  return out;
}

// The deck themes a theme the user asked for stands for: an essential theme's name or any of its
// themes brings all of them ("conflict" finds questions tagged "disagreement"), any other theme
// only itself.
std::vector<std::string> themes_meant_by(const std::string& asked) {
  std::vector<std::string> meant = {asked};
  for (const auto& essential : essential_themes())
    if (essential.name == asked || contains(essential.themes, asked))
      for (const auto& theme : essential.themes) add_once(meant, theme);
  return meant;
}

bool is_interview_question(QuestionType type) {
  return type == QuestionType::behavioural || type == QuestionType::technical || type == QuestionType::design;
}

}  // namespace

const std::vector<ThemeFollowUps>& generic_follow_ups() {
  // What an interviewer asks next on each theme when the question brings no follow-ups of its
  // own. The themes are those of decks/README.md and essential_themes(); "general" is the last
  // resort, and is also what a technical or design question without themes gets.
  static const std::vector<ThemeFollowUps> list = {
      {"incident", {"How did you know the fix had worked?", "What changed afterwards so it does not happen again?"}},
      {"reliability", {"How did you measure reliability before and after?", "What failure would still hurt you today?"}},
      {"observability", {"What signal would have caught it sooner?", "How did you keep the alerts useful rather than noisy?"}},
      {"performance", {"How did you measure the improvement?", "What did the faster version cost?"}},
      {"scaling", {"What breaks next if the load doubles again?", "What did you choose not to scale, and why?"}},
      {"design", {"What alternative did you reject, and why?", "What would you design differently today?"}},
      {"refactoring", {"How did you make sure the behaviour did not change?", "How did you justify the time spent?"}},
      {"migration", {"What was the rollback plan?", "How did you know the migration was finished?"}},
      {"rollout", {"What was the rollback plan?", "How did you limit the blast radius?"}},
      {"tradeoff", {"What did the option you did not take cost?", "Would you make the same call again?"}},
      {"disagreement", {"What would have changed your mind?", "How did you work together after the decision?"}},
      {"conflict", {"How is the relationship now?", "What would you do earlier next time?"}},
      {"failure", {"What would you do differently?", "How do you work differently since?"}},
      {"mistake", {"What would you do differently?", "What stops it from happening again?"}},
      {"mentoring", {"How did you know it was working?", "What did you learn about mentoring from it?"}},
      {"leadership", {"Who disagreed with you, and how did you bring them along?", "What would you do differently?"}},
      {"influence", {"Who was hardest to convince, and how?", "What would you have done if they had said no?"}},
      {"collaboration", {"Where did the collaboration nearly break down?", "What would you agree up front next time?"}},
      {"communication", {"How did you know the message had landed?", "What would you communicate differently?"}},
      {"prioritization", {"What did you drop, and who did you tell?", "How did you decide the order?"}},
      {"ambiguity", {"Which assumption turned out wrong?", "How did you decide you knew enough to start?"}},
      {"feedback", {"What changed because of it?", "How did you follow up afterwards?"}},
      {"ownership", {"Why had nobody done it before you?", "What would have happened if you had not?"}},
      {"general", {"What would you do differently?", "How did you know it worked?"}},
  };
  return list;
}

std::vector<std::string> follow_ups_for(const CardContent& card, size_t most) {
  std::vector<std::string> questions = card.follow_ups;
  if (questions.empty()) {
    const auto& generic = generic_follow_ups();
    auto of_theme = [&](const std::string& theme) -> const ThemeFollowUps* {
      for (const auto& entry : generic)
        if (entry.theme == theme) return &entry;
      return nullptr;
    };
    const ThemeFollowUps* chosen = nullptr;
    for (const auto& theme : card.themes)
      if (!chosen) chosen = of_theme(ascii_lower(theme));
    if (!chosen) chosen = of_theme("general");
    if (chosen) questions = chosen->questions;
  }
  if (questions.size() > most) questions.resize(most);
  return questions;
}

struct MockInterview::Impl {
  Impl(Engine& e, std::string d, MockOptions o) : engine(e), deck(std::move(d)), options(std::move(o)) {}

  Engine& engine;
  std::string deck;
  MockOptions options;
  int minutes = kDefaultMinutes;
  std::unique_ptr<ReviewSession> session;  // records the answers as a review does
  Collection::StoryBank bank;
  struct Candidate {
    std::int64_t card_id = 0;
    std::string reason;
  };
  std::vector<Candidate> order;  // the questions, in the order they are asked
  size_t asked = 0;
  std::int64_t elapsed_ms = 0;
  std::vector<MockResult> results;

  // How weak the user is on a card, from 0 (forgotten) to 1 (solid); new cards are 0.5 (unknown).
  // Reads the last review (rated again, or scored low) and the scheduler's recall estimate.
  std::pair<double, std::string> weakness(const Card& card) const {
    if (card.scheduling.state == CardState::new_card) return {0.5, "new"};
    const std::int64_t now = engine.clock().now_ms();
    double value = 1.0;
    bool weak = false;
    const auto log = engine.collection().review_log(card.id);
    if (!log.empty()) {
      const ReviewLogEntry& last = log.back();
      if (last.rating == Rating::again) {
        value = 0.1;
        weak = true;
      }
      if (last.score && *last.score < kLowScore) {
        value = std::min(value, *last.score / 100.0);
        weak = true;
      }
    }
    const Scheduler& scheduler = engine.scheduler_for(card.deck);
    const Options scheduler_options = engine.options_for(ComponentKind::scheduler, scheduler.name(), scheduler.options(), card.deck);
    if (auto recall = scheduler.retrievability(card.scheduling, engine.review_context(card.scheduling, card.id, now, scheduler_options)))
      value = std::min(value, *recall);
    const bool due = card.scheduling.due_ms <= now;
    return {value, due ? "due" : weak ? "weak" : "practised"};
  }

  void pick(const std::vector<std::string>& wanted_themes) {
    Collection& collection = engine.collection();
    struct Ranked {
      std::int64_t card_id;
      std::string reason;
      double weakness;
    };
    std::vector<Ranked> ranked;
    std::set<std::string> known_themes;
    std::vector<std::int64_t> ids;
    collection.for_each_schedule(deck, [&](const Collection::CardSchedule& schedule) { ids.push_back(schedule.card_id); });
    for (const std::int64_t id : ids) {
      const auto card = collection.card(id);
      if (!card || card->suspended || card->content.kind != CardKind::question || is_template(card->content)) continue;
      if (!is_interview_question(type_of(card->content))) continue;
      const auto themes = lower_all(card->content.themes);
      known_themes.insert(themes.begin(), themes.end());
      if (!wanted_themes.empty() &&
          std::none_of(themes.begin(), themes.end(), [&](const std::string& theme) { return contains(wanted_themes, theme); }))
        continue;
      auto [weak, reason] = weakness(*card);
      ranked.push_back({id, reason, weak});
    }
    for (const auto& theme_asked : options.themes) {
      const auto meant = themes_meant_by(ascii_lower(theme_asked));
      if (std::none_of(meant.begin(), meant.end(), [&](const std::string& theme) { return known_themes.count(theme) > 0; })) {
        std::string list;
        for (const auto& theme : known_themes) list += (list.empty() ? "" : ", ") + theme;
        throw Error(fmt::format("no question{} has the theme '{}'; the themes are: {}",
                                deck.empty() ? "" : fmt::format(" of deck '{}'", deck), theme_asked, list.empty() ? "(none)" : list));
      }
    }
    if (ranked.empty())
      throw Error(fmt::format("there are no behavioural, technical or design questions to ask{} (import a deck of questions)",
                              deck.empty() ? "" : fmt::format(" in deck '{}'", deck)));
    // Due cards first (the scheduler wants them today anyway), then the weakest; cards equally
    // weak stay in deck order, so an interview is the same for the same collection.
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
      const bool a_due = a.reason == "due", b_due = b.reason == "due";
      if (a_due != b_due) return a_due;
      return a.weakness < b.weakness;
    });
    for (auto& entry : ranked) order.push_back({entry.card_id, std::move(entry.reason)});
  }
};

MockInterview::MockInterview(Engine& engine, std::string deck, MockOptions options)
    : impl_(std::make_unique<Impl>(engine, std::move(deck), std::move(options))) {
  Impl& m = *impl_;
  if (m.options.minutes) {
    if (*m.options.minutes < 1 || *m.options.minutes > kMaxMinutes)
      throw Error(fmt::format("--minutes is {}; an interview lasts from 1 to {} minutes", *m.options.minutes, kMaxMinutes));
    m.minutes = *m.options.minutes;
  }
  std::vector<std::string> wanted;
  for (const auto& theme : m.options.themes) {
    if (ascii_lower(theme).find_first_not_of(" \t") == std::string::npos) throw Error("--themes holds an empty theme; give themes separated by commas");
    for (const auto& meant : themes_meant_by(ascii_lower(theme))) add_once(wanted, meant);
  }
  m.session = engine.start_review(m.deck);  // checks the deck exists
  m.bank = engine.collection().story_bank();
  m.pick(wanted);
}

MockInterview::~MockInterview() = default;

std::optional<MockQuestion> MockInterview::next() {
  Impl& m = *impl_;
  while (m.asked < m.order.size() && m.elapsed_ms < limit_ms()) {
    const Impl::Candidate& candidate = m.order[m.asked++];
    // The card may have changed since the interview began (answered in another window).
    auto card = m.engine.collection().card(candidate.card_id);
    if (!card || card->suspended) continue;
    MockQuestion question;
    question.number = static_cast<int>(m.results.size()) + 1;
    question.type = type_of(card->content);
    question.reason = candidate.reason;
    question.stories = stories_for(m.bank, card->content);
    question.follow_ups = follow_ups_for(card->content);
    question.card = std::move(*card);
    return question;
  }
  return std::nullopt;
}

CombinedScore MockInterview::score(const MockQuestion& question, const std::string& answer, double seconds) const {
  return impl_->session->score(question.card, Attempt{answer, seconds, {}});
}

MockResult MockInterview::answer(const MockQuestion& question, const MockAnswer& given) {
  Impl& m = *impl_;
  const bool passed = given.text.find_first_not_of(" \t\r\n") == std::string::npos;
  CombinedScore scored;
  if (!passed) scored = given.score ? *given.score : this->score(question, given.text, static_cast<double>(given.taken_ms) / 1000.0);

  MockResult result;
  result.card_id = question.card.id;
  result.uid = question.card.content.uid;
  result.deck = question.card.deck;
  result.prompt = question.card.content.prompt;
  result.type = question.type;
  result.themes = lower_all(question.card.content.themes);
  result.score = scored.score;
  result.suggestion = scored.suggestion;
  result.passed = passed;
  result.seconds = static_cast<double>(given.taken_ms) / 1000.0;
  result.follow_ups = question.follow_ups;
  for (const auto& text : given.follow_up_answers)
    if (text.find_first_not_of(" \t\r\n") != std::string::npos) ++result.follow_ups_answered;
  result.summary = summary_of(scored);
  // A question left unanswered in an interview is one the user could not answer: `again`. An
  // answer no scorer could judge is `good`, what Enter means in a review when nothing is suggested.
  result.rated_by_user = given.rating.has_value();
  result.rating = given.rating ? *given.rating : passed ? Rating::again : scored.suggestion.value_or(Rating::good);

  AnswerDetails details{given.taken_ms, scored.parts.empty() ? nullptr : &scored, std::nullopt};  // typed, not spoken
  m.session->answer(question.card, result.rating, details);
  m.elapsed_ms += given.taken_ms;
  m.results.push_back(result);
  return result;
}

std::int64_t MockInterview::elapsed_ms() const { return impl_->elapsed_ms; }
std::int64_t MockInterview::limit_ms() const { return static_cast<std::int64_t>(impl_->minutes) * kMsPerMinute; }
int MockInterview::questions_left() const { return static_cast<int>(impl_->order.size() - impl_->asked); }

MockReport MockInterview::report() const {
  const Impl& m = *impl_;
  MockReport report;
  report.questions = m.results;
  report.minutes = m.minutes;
  report.seconds = static_cast<double>(m.elapsed_ms) / 1000.0;
  report.time_up = m.elapsed_ms >= limit_ms() && m.asked < m.order.size();

  double sum = 0;
  int scored = 0;
  std::vector<std::string> themes;  // in the order the questions asked them
  std::map<std::string, std::pair<double, int>> theme_scores;
  for (const auto& result : m.results) {
    for (const auto& theme : result.themes) add_once(themes, theme);
    // A passed question counts as a score of 0 for its themes: nothing was said.
    const std::optional<double> value = result.passed ? std::optional<double>(0.0) : result.score;
    if (!value) continue;
    if (!result.passed) {
      sum += *value;
      ++scored;
    }
    for (const auto& theme : result.themes) {
      theme_scores[theme].first += *value;
      ++theme_scores[theme].second;
    }
  }
  if (scored > 0) report.mean_score = sum / scored;

  std::vector<std::string> story_themes;
  for (const auto& story : m.bank.stories)
    for (const auto& theme : story.themes) add_once(story_themes, ascii_lower(theme));
  for (const auto& theme : themes) {
    // Only behavioural themes want stories; a technical question's themes are topics.
    const bool asks_for_story = std::any_of(m.results.begin(), m.results.end(), [&](const MockResult& r) {
      return r.type == QuestionType::behavioural && contains(r.themes, theme);
    });
    if (asks_for_story && !contains(story_themes, theme)) report.themes_without_story.push_back(theme);
    if (auto it = theme_scores.find(theme); it != theme_scores.end() && it->second.first / it->second.second < kLowScore)
      report.low_themes.push_back(theme);
  }

  const auto listed = [](const std::vector<std::string>& words, const char* separator) {
    std::string text;
    for (const auto& word : words) text += (text.empty() ? "" : separator) + word;
    return text;
  };
  if (!report.themes_without_story.empty())
    report.practise.push_back(
        fmt::format("Write a story of your own for {}: rehearse story new", listed(report.themes_without_story, ", ")));
  for (const auto& result : m.results) {
    const bool low = result.passed || (result.score && *result.score < kLowScore) || result.rating == Rating::again;
    if (!low) continue;
    report.practise.push_back(fmt::format("Answer '{}' again ({}): rehearse score --card {} < answer.txt", result.uid,
                                          result.passed ? "passed" : result.score ? fmt::format("{:.0f}/100", *result.score) : "rated again",
                                          result.uid));
  }
  if (!report.low_themes.empty())
    report.practise.push_back(fmt::format("Another round on the themes that scored low: rehearse mock --themes {}",
                                          listed(report.low_themes, ",")));
  if (report.practise.empty() && !m.results.empty())
    report.practise.push_back(fmt::format("No weak spot this time: try a longer interview, rehearse mock --minutes {}", m.minutes * 2 > kMaxMinutes ? kMaxMinutes : m.minutes * 2));
  return report;
}

}  // namespace rehearse
