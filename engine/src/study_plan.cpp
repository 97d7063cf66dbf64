// Engine::plan_until: the days before an interview, card by card (see study_plan.h).
#include "rehearse/study_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "rehearse/engine.h"
#include "rehearse/errors.h"

namespace rehearse {

int StudyPlan::total_reviews() const { return std::accumulate(reviews.begin(), reviews.end(), 0); }

int StudyPlan::peak_day() const {
  if (reviews.empty()) return -1;
  return static_cast<int>(std::max_element(reviews.begin(), reviews.end()) - reviews.begin());
}

namespace {

// Answers one card may need before it is ready; a scheduler that needs more never lets it be.
constexpr int kMaxAnswers = 64;
constexpr double kDefaultRetention = 0.9;

// A deck's scheduler with its settings, and the retention its cards must reach.
struct DeckScheduling {
  const Scheduler* scheduler = nullptr;
  Options options;
  double retention = kDefaultRetention;
};

class Planner {
 public:
  Planner(const Engine& engine, std::int64_t target_ms, std::int64_t last_day)
      : engine_(engine),
        clock_(engine.clock()),
        now_(clock_.now_ms()),
        today_(clock_.today()),
        time_of_day_(now_ - clock_.day_start_ms(today_)),
        target_(target_ms),
        last_day_(last_day) {}

  const DeckScheduling& scheduling(const std::string& deck) {
    auto it = decks_.find(deck);
    if (it != decks_.end()) return it->second;
    DeckScheduling d;
    d.scheduler = &engine_.scheduler_for(deck);
    const auto specs = d.scheduler->options();
    d.options = engine_.options_for(ComponentKind::scheduler, d.scheduler->name(), specs, deck);
    for (const auto& spec : specs)
      if (spec.name == "desired_retention") d.retention = d.options.get_number("desired_retention");
    return decks_.emplace(deck, std::move(d)).first->second;
  }

  // Recalled at the target with the deck's retention without another review. Without a memory
  // model, the scheduler's due date stands for the moment recall drops to its target.
  bool ready(const DeckScheduling& d, std::int64_t card_id, const SchedulingState& state) {
    if (state.state == CardState::new_card) return false;
    if (state.state != CardState::review && state.due_ms < target_) return false;  // steps left to do
    const ReviewContext ctx = engine_.review_context(state, card_id, target_, d.options);
    if (auto r = d.scheduler->retrievability(state, ctx)) return *r >= d.retention;
    judged_by_due_ = true;
    return state.due_ms >= target_;
  }

  // The card's retrievability at the target in `state`; nothing without a memory model.
  std::optional<double> recall_at_target(const DeckScheduling& d, std::int64_t card_id, const SchedulingState& state) const {
    const auto recall = d.scheduler->retrievability(state, engine_.review_context(state, card_id, target_, d.options));
    if (state.state == CardState::new_card) return recall ? std::optional(0.0) : std::nullopt;  // never learned
    return recall;
  }

  SchedulingState answer_good(const DeckScheduling& d, std::int64_t card_id, const SchedulingState& state, std::int64_t at_ms) const {
    return d.scheduler->next(state, Rating::good, engine_.review_context(state, card_id, at_ms, d.options));
  }

  // A review on `day`: at the time of day it is now (now itself today), never before `after_ms`.
  std::int64_t moment_on(std::int64_t day, std::int64_t after_ms = 0) const {
    return std::max(day == today_ ? now_ : clock_.day_start_ms(day) + time_of_day_, after_ms);
  }

  // The normal schedule of one card: reviewed when due (the first time at `start_ms` at the
  // earliest), until it is ready or would next be due after the last day.
  struct Path {
    enum class End { ready, needs_early_review, unreachable };
    End end = End::unreachable;
    std::vector<std::int64_t> days;  // a day per answer
    SchedulingState state;           // after the last answer
    std::int64_t last_ms = 0;        // when the last answer was
  };
  Path follow(const DeckScheduling& d, std::int64_t card_id, SchedulingState state, std::int64_t start_ms) {
    Path path;
    std::int64_t at = std::max(start_ms, now_);
    for (int answers = 0; answers < kMaxAnswers; ++answers) {
      if (clock_.day_number(at) > last_day_) {
        path.end = Path::End::needs_early_review;
        break;
      }
      state = answer_good(d, card_id, state, at);
      path.days.push_back(clock_.day_number(at));
      path.last_ms = at;
      if (ready(d, card_id, state)) {
        path.end = Path::End::ready;
        break;
      }
      at = std::max(state.due_ms, at);
    }
    path.state = state;
    return path;
  }

  // The first day from `first_day` on which one more review (after `after_ms`) makes the card
  // ready, assuming a later one does too; nothing when not even the last day does.
  std::optional<std::int64_t> earliest_ready_day(const DeckScheduling& d, std::int64_t card_id, const SchedulingState& state,
                                                 std::int64_t after_ms, std::int64_t first_day) {
    auto works = [&](std::int64_t day) { return ready(d, card_id, answer_good(d, card_id, state, moment_on(day, after_ms))); };
    if (first_day > last_day_ || !works(last_day_)) return std::nullopt;
    std::int64_t low = first_day, high = last_day_;
    while (low < high) {
      const std::int64_t middle = low + (high - low) / 2;
      if (works(middle))
        high = middle;
      else
        low = middle + 1;
    }
    return low;
  }

  // The last day on which a new card of `deck` can be learned and still be ready, if any.
  std::optional<std::int64_t> last_learning_day(const std::string& deck, std::int64_t card_id) {
    const DeckScheduling& d = scheduling(deck);
    for (std::int64_t day = last_day_; day >= today_; --day) {
      const Path path = follow(d, card_id, SchedulingState{}, moment_on(day));
      if (path.end == Path::End::ready) return day;
      if (path.end == Path::End::needs_early_review &&
          earliest_ready_day(d, card_id, path.state, path.last_ms, path.days.back() + 1))
        return day;
    }
    return std::nullopt;
  }

  std::int64_t today() const { return today_; }
  bool judged_by_due() const { return judged_by_due_; }
  double lowest_retention() const {
    double lowest = 1;
    for (const auto& [name, d] : decks_) lowest = std::min(lowest, d.retention);
    return decks_.empty() ? kDefaultRetention : lowest;
  }

 private:
  const Engine& engine_;
  const Clock& clock_;
  const std::int64_t now_, today_, time_of_day_, target_, last_day_;
  std::map<std::string, DeckScheduling> decks_;
  bool judged_by_due_ = false;
};

// A review that must come ahead of the card's due date, on a day of the window from `first_day`
// to the last day.
struct EarlyReview {
  size_t card;  // index into the plan's cards
  std::int64_t card_id;
  std::string deck;
  SchedulingState state;  // before it
  std::int64_t after_ms;  // the card's last answer before it
  std::int64_t first_day;
};

}  // namespace

StudyPlan Engine::plan_until(const std::string& deck, std::int64_t target_ms) {
  std::vector<Readiness> readiness;
  return plan_until(deck, target_ms, readiness);
}

StudyPlan Engine::plan_until(const std::string& deck, std::int64_t target_ms, std::vector<Readiness>& readiness) {
  readiness.clear();
  require_deck(deck);
  const Clock& clock = this->clock();
  StudyPlan plan;
  plan.target_ms = target_ms;
  plan.first_day = clock.today();
  // The target's own day is for the interview, not for reviews.
  plan.last_day = clock.day_number(target_ms - 1) - 1;
  if (plan.last_day < plan.first_day)
    throw Error(fmt::format("{} is not after today: a plan needs at least one day before it", format_local_time(target_ms)));
  const auto days = static_cast<size_t>(plan.last_day - plan.first_day + 1);
  plan.reviews.assign(days, 0);
  plan.introduced.assign(days, 0);
  auto index_of = [&](std::int64_t day) { return static_cast<size_t>(day - plan.first_day); };

  Planner planner(*this, target_ms, plan.last_day);
  std::vector<EarlyReview> early;
  // Every card planned for, with the state the plan leaves it in at the target.
  std::vector<Collection::CardSchedule> planned;
  auto add_path = [&](const Collection::CardSchedule& card, const Planner::Path& path) {
    planned.push_back(card);
    planned.back().state = path.state;
    for (std::int64_t day : path.days) ++plan.reviews[index_of(day)];
    if (path.end == Planner::Path::End::unreachable) {
      ++plan.unreachable;
    } else if (path.end == Planner::Path::End::needs_early_review) {
      // Not on the day of its last answer: a second look the same day does little for memory
      // (whatever a scheduler makes of it).
      const std::int64_t first = path.days.empty() ? plan.first_day : path.days.back() + 1;
      early.push_back({planned.size() - 1, card.card_id, card.deck, path.state, path.last_ms, first});
    }
  };

  std::vector<Collection::CardSchedule> fresh;
  collection().for_each_schedule(deck, [&](const Collection::CardSchedule& card) {
    ++plan.cards;
    if (card.state.state == CardState::new_card) {
      fresh.push_back(card);
      return;
    }
    const DeckScheduling& d = planner.scheduling(card.deck);
    if (planner.ready(d, card.card_id, card.state)) {
      ++plan.ready;
      planned.push_back(card);
      return;
    }
    ++plan.to_review;
    add_path(card, planner.follow(d, card.card_id, card.state, card.state.due_ms));
  });

  // New cards: evenly over the days up to the last one on which a card learned can still be
  // ready (the earliest such day of their decks), counting those learned earlier today.
  plan.new_cards = static_cast<int>(fresh.size());
  if (!fresh.empty()) {
    std::int64_t last_learning_day = plan.last_day;
    std::set<std::string> seen_decks;
    for (const auto& card : fresh) {
      if (!seen_decks.insert(card.deck).second) continue;
      last_learning_day = std::min(last_learning_day, planner.last_learning_day(card.deck, card.card_id).value_or(plan.first_day));
    }
    const int learned_today = collection().studied_today(deck).new_cards;
    const auto learning_days = static_cast<int>(last_learning_day - plan.first_day + 1);
    const int per_day = (plan.new_cards + learned_today + learning_days - 1) / learning_days;
    std::vector<int> room(days, 0);
    std::fill_n(room.begin(), learning_days, per_day);
    room[0] = std::max(0, per_day - learned_today);
    // Siblings are never learned on the same day (the queue would bury all but one).
    std::set<std::pair<std::int64_t, std::string>> groups_on_day;  // (day index, deck + group)
    size_t first_open = 0;
    for (const auto& card : fresh) {
      while (first_open < days && room[first_open] == 0) ++first_open;
      size_t day = first_open;
      const std::string group = card.group.empty() ? std::string() : card.deck + '\n' + card.group;
      while (day < days && (room[day] == 0 || (!group.empty() && groups_on_day.count({day, group})))) ++day;
      if (day == days) day = std::min(first_open, index_of(last_learning_day));  // no better day: as early as there is room
      if (room[day] > 0) --room[day];
      if (!group.empty()) groups_on_day.insert({static_cast<std::int64_t>(day), group});
      ++plan.introduced[day];
      const DeckScheduling& d = planner.scheduling(card.deck);
      add_path(card, planner.follow(d, card.card_id, card.state, planner.moment_on(plan.first_day + static_cast<std::int64_t>(day))));
    }
    plan.new_today = plan.introduced[0] + learned_today;
  }

  // Reviews ahead of time: the tightest windows first, each on the day of its window with the
  // fewest reviews so far (the later one of equals, closer to the target).
  std::vector<EarlyReview> windows;
  for (auto& review : early) {
    const DeckScheduling& d = planner.scheduling(review.deck);
    auto first = planner.earliest_ready_day(d, review.card_id, review.state, review.after_ms, review.first_day);
    if (!first) {
      ++plan.unreachable;
      if (review.first_day <= plan.last_day) {  // reviewed as late as possible all the same
        ++plan.reviews.back();
        if (plan.last_day == plan.first_day) plan.early_today.push_back(review.card_id);
        planned[review.card].state =
            planner.answer_good(d, review.card_id, review.state, planner.moment_on(plan.last_day, review.after_ms));
      }
      continue;
    }
    review.first_day = *first;
    windows.push_back(std::move(review));
  }
  std::stable_sort(windows.begin(), windows.end(),
                   [](const EarlyReview& a, const EarlyReview& b) { return a.first_day > b.first_day; });
  for (const auto& window : windows) {
    size_t best = index_of(plan.last_day);
    for (size_t day = index_of(window.first_day); day < days; ++day)
      if (plan.reviews[day] < plan.reviews[best]) best = day;
    ++plan.reviews[best];
    if (best == 0) plan.early_today.push_back(window.card_id);
    const DeckScheduling& d = planner.scheduling(window.deck);
    planned[window.card].state = planner.answer_good(
        d, window.card_id, window.state, planner.moment_on(plan.first_day + static_cast<std::int64_t>(best), window.after_ms));
  }

  // Readiness on the day: each card's recall at the target in the state the plan leaves it in.
  const std::map<std::int64_t, CardKind> kinds = collection().card_kinds(deck);
  std::map<std::pair<std::string, CardKind>, size_t> group_of;
  for (const auto& card : planned) {
    const auto known = kinds.find(card.card_id);
    const CardKind kind = known == kinds.end() ? CardKind::question : known->second;
    auto [it, added] = group_of.emplace(std::pair(card.deck, kind), readiness.size());
    if (added) readiness.push_back({card.deck, kind, 0, std::nullopt, 0});
    Readiness& group = readiness[it->second];
    const DeckScheduling& d = planner.scheduling(card.deck);
    ++group.cards;
    if (planner.ready(d, card.card_id, card.state)) ++group.ready;
    if (auto recall = planner.recall_at_target(d, card.card_id, card.state)) group.recall = group.recall.value_or(0) + *recall;
  }
  for (auto& group : readiness)
    if (group.recall) *group.recall /= group.cards;
  std::stable_sort(readiness.begin(), readiness.end(), [](const Readiness& a, const Readiness& b) {
    return std::tie(a.deck, a.kind) < std::tie(b.deck, b.kind);
  });

  plan.retention = planner.lowest_retention();
  plan.memory_model = !planner.judged_by_due();
  return plan;
}

}  // namespace rehearse
