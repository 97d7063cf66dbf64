#include "rehearse/simulator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

#include "rehearse/engine.h"
#include "rehearse/errors.h"

namespace rehearse {

namespace {

constexpr std::int64_t kLongestAnswerMs = 20 * kMsPerMinute;  // longer: the user walked away (fsrs-rs)
// Same-day steps one card may take in a day; a scheduler that asks for more is cut short.
constexpr int kMaxStepsPerDay = 16;
// What a scheduler without a memory model is taken to aim for at each due date.
constexpr double kRecallAtDueWithoutModel = 0.9;

size_t index_of(Rating rating) { return static_cast<size_t>(rating) - 1; }

// A deck's scheduler with its settings, the desired retention replaced by the simulated one.
struct DeckScheduling {
  const Scheduler* scheduler = nullptr;
  Options options;
  std::optional<double> retention;  // its desired retention, when it has one
};

DeckScheduling scheduling_for(const Engine& engine, const std::string& deck, std::optional<double> retention) {
  DeckScheduling d;
  d.scheduler = &engine.scheduler_for(deck);
  const auto specs = d.scheduler->options();
  const Options own = engine.options_for(ComponentKind::scheduler, d.scheduler->name(), specs, deck);
  std::map<std::string, std::string> values;
  for (const auto& spec : specs) {
    values[spec.name] = own.get_text(spec.name);
    if (spec.name == "desired_retention") {
      if (retention) values[spec.name] = fmt::format("{}", *retention);
      d.retention = retention.value_or(own.get_number(spec.name));
    }
  }
  d.options = Options(specs, values);
  return d;
}

// One card during the simulation.
struct Simulated {
  SchedulingState state;
  std::int64_t card_id;
  std::int64_t last_day;  // the user's day of its last answer (for elapsed days, without the clock)
  size_t deck;            // index into the decks' scheduling
};

class Run {
 public:
  Run(const Engine& engine, const AnswerHabits& habits, const SimulationOptions& options)
      : engine_(engine), clock_(engine.clock()), habits_(habits), options_(options), random_(options.seed) {
    today_ = clock_.today();
    now_ = clock_.now_ms();
    time_of_day_ = now_ - clock_.day_start_ms(today_);
    // The start of every simulated day and of the one after: a moment's day is then found by a
    // search, not by the clock, which looks up the time zone (hundreds of thousands of times a year).
    for (std::int64_t day = 0; day <= options.days; ++day) day_starts_.push_back(clock_.day_start_ms(today_ + day));
  }

  size_t deck_index(const std::string& deck) {
    auto [it, added] = deck_index_.emplace(deck, decks_.size());
    if (added) decks_.push_back(scheduling_for(engine_, deck, options_.retention));
    return it->second;
  }

  SimulationResult simulate(const std::vector<SimulatedCard>& cards) {
    const auto horizon = static_cast<size_t>(options_.days);
    std::vector<std::vector<size_t>> due(horizon);  // cards due on each simulated day
    std::vector<size_t> fresh;                       // new cards, in learning order
    cards_.reserve(cards.size());
    for (const auto& card : cards) {
      const size_t index = cards_.size();
      cards_.push_back({card.state, card.card_id, card.state.last_review_ms ? clock_.day_number(card.state.last_review_ms) : today_,
                        deck_index(card.deck)});
      if (card.state.state == CardState::new_card)
        fresh.push_back(index);
      else
        schedule(index, due, 0);
    }
    studied_.assign(cards_.size(), false);
    for (size_t i = 0; i < cards_.size(); ++i) studied_[i] = cards_[i].state.state != CardState::new_card;
    int studied = static_cast<int>(cards_.size() - fresh.size());

    SimulationResult result;
    result.cards = static_cast<int>(cards_.size());
    result.days.resize(horizon);
    size_t next_fresh = 0;
    for (size_t day = 0; day < horizon; ++day) {
      SimulatedDay& out = result.days[day];
      const std::int64_t day_number = today_ + static_cast<std::int64_t>(day);
      const std::int64_t moment = day == 0 ? now_ : day_starts_[day] + time_of_day_;
      std::vector<size_t> today;
      today.swap(due[day]);
      for (size_t index : today) {
        const Rating rating = draw_recall(cards_[index], moment, day_number) ? draw_recalled_rating() : Rating::again;
        out.seconds += cost(cards_[index].state.state, rating);
        ++out.reviews;
        answer(index, rating, moment, day_number, out, false);
        schedule(index, due, static_cast<std::int64_t>(day) + 1);
      }
      for (int n = 0; n < options_.new_per_day && next_fresh < fresh.size(); ++n) {
        const size_t index = fresh[next_fresh++];
        const Rating rating = draw_first_rating();
        out.seconds += habits_.learning_seconds[index_of(rating)];
        ++out.new_cards;
        studied_[index] = true;
        ++studied;
        answer(index, rating, moment, day_number, out, true);
        schedule(index, due, static_cast<std::int64_t>(day) + 1);
      }
      out.studied = studied;
      if (options_.recall_every_day || day + 1 == horizon) out.memorized = memorized(moment, day_number);
    }
    result.new_left = static_cast<int>(fresh.size() - next_fresh);
    double lowest = 1;
    bool any = false;
    for (const auto& d : decks_)
      if (d.retention) lowest = std::min(lowest, *d.retention), any = true;
    result.retention = options_.retention.value_or(any ? lowest : kRecallAtDueWithoutModel);
    return result;
  }

 private:
  // The card's answer with `rating` at `moment`, then its same-day learning steps, each answered
  // when due with a recall drawn from the scheduler. The steps of a card learned today (`first`)
  // are part of learning it, not reviews.
  void answer(size_t index, Rating rating, std::int64_t moment, std::int64_t day_number, SimulatedDay& out, bool first) {
    Simulated& card = cards_[index];
    const DeckScheduling& d = decks_[card.deck];
    std::int64_t at = moment;
    for (int step = 0;; ++step) {
      card.state = d.scheduler->next(card.state, rating, context(card, at, day_number));
      card.last_day = day_number;
      const bool in_steps = card.state.state == CardState::learning || card.state.state == CardState::relearning;
      if (!in_steps || step == kMaxStepsPerDay || day_of(card.state.due_ms) != day_number) return;
      at = std::max(at, card.state.due_ms);
      rating = draw_recall(card, at, day_number) ? draw_recalled_rating() : Rating::again;
      out.seconds += cost(card.state.state, rating);
      if (!first) ++out.reviews;
    }
  }

  // Puts the card on the day it is next due, no earlier than simulated day `earliest` (a card
  // answered today comes back tomorrow at the soonest); past the horizon, nowhere.
  void schedule(size_t index, std::vector<std::vector<size_t>>& due, std::int64_t earliest) {
    const std::int64_t day = std::max(day_of(cards_[index].state.due_ms) - today_, earliest);
    if (day < static_cast<std::int64_t>(due.size())) due[static_cast<size_t>(day)].push_back(index);
  }

  // The user's day of `ms`: exact within the simulated days (and the day after them); before them,
  // the day before the first, which is all the callers need (overdue is overdue).
  std::int64_t day_of(std::int64_t ms) const {
    if (ms < day_starts_.front()) return today_ - 1;
    const auto after = std::upper_bound(day_starts_.begin(), day_starts_.end(), ms);
    return today_ + (after - day_starts_.begin()) - 1;
  }

  static std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }

  ReviewContext context(const Simulated& card, std::int64_t at, std::int64_t day_number) const {
    ReviewContext ctx;
    ctx.now_ms = at;
    ctx.elapsed_days = card.state.last_review_ms == 0 ? 0 : static_cast<int>(day_number - card.last_day);
    // Deterministic per card and answer, as in a live review (the value itself need not match one).
    ctx.fuzz_seed = mix(static_cast<std::uint64_t>(card.card_id) * 1'000'003ULL + static_cast<std::uint64_t>(card.state.reps));
    ctx.options = &decks_[card.deck].options;
    return ctx;
  }

  double recall(const Simulated& card, std::int64_t at, std::int64_t day_number) const {
    const DeckScheduling& d = decks_[card.deck];
    ReviewContext ctx;
    ctx.now_ms = at;
    ctx.elapsed_days = card.state.last_review_ms == 0 ? 0 : static_cast<int>(day_number - card.last_day);
    ctx.options = &d.options;
    if (auto r = d.scheduler->retrievability(card.state, ctx)) return *r;
    // No memory model: the recall the schedule aims for at the due date, falling as the card
    // waits past it (and higher before it).
    const double interval = std::max<double>(static_cast<double>(card.state.due_ms - card.state.last_review_ms), kMsPerMinute);
    return std::pow(kRecallAtDueWithoutModel, static_cast<double>(at - card.state.last_review_ms) / interval);
  }

  bool draw_recall(const Simulated& card, std::int64_t at, std::int64_t day_number) {
    return uniform_(random_) < recall(card, at, day_number);
  }

  Rating draw_recalled_rating() {
    const auto& p = habits_.recalled_rating;
    const double u = uniform_(random_) * (p[0] + p[1] + p[2]);
    if (u < p[0]) return Rating::hard;
    if (u < p[0] + p[1]) return Rating::good;
    return Rating::easy;
  }

  Rating draw_first_rating() {
    const auto& p = habits_.first_rating;
    const double u = uniform_(random_) * (p[0] + p[1] + p[2] + p[3]);
    if (u < p[0]) return Rating::again;
    if (u < p[0] + p[1]) return Rating::hard;
    if (u < p[0] + p[1] + p[2]) return Rating::good;
    return Rating::easy;
  }

  // The time of an answer given to a card in `state` (before the answer).
  double cost(CardState state, Rating rating) const {
    switch (state) {
      case CardState::new_card:
      case CardState::learning: return habits_.learning_seconds[index_of(rating)];
      case CardState::relearning: return habits_.relearning_seconds[index_of(rating)];
      case CardState::review: return habits_.review_seconds[index_of(rating)];
    }
    return habits_.review_seconds[index_of(rating)];
  }

  double memorized(std::int64_t moment, std::int64_t day_number) const {
    double sum = 0;
    for (size_t i = 0; i < cards_.size(); ++i)
      if (studied_[i]) sum += recall(cards_[i], moment, day_number);
    return sum;
  }

  const Engine& engine_;
  const Clock& clock_;
  const AnswerHabits& habits_;
  const SimulationOptions& options_;
  std::mt19937_64 random_;
  std::uniform_real_distribution<double> uniform_{0.0, 1.0};
  std::int64_t today_ = 0, now_ = 0, time_of_day_ = 0;
  std::vector<std::int64_t> day_starts_;  // day_starts_[i]: the start of simulated day i
  std::map<std::string, size_t> deck_index_;
  std::vector<DeckScheduling> decks_;
  std::vector<Simulated> cards_;
  std::vector<bool> studied_;
};

}  // namespace

double SimulationResult::total_seconds() const {
  return std::accumulate(days.begin(), days.end(), 0.0, [](double sum, const SimulatedDay& d) { return sum + d.seconds; });
}

int SimulationResult::total_reviews() const {
  return std::accumulate(days.begin(), days.end(), 0, [](int sum, const SimulatedDay& d) { return sum + d.reviews; });
}

double SimulationResult::minutes_per_day() const { return days.empty() ? 0 : total_seconds() / 60.0 / static_cast<double>(days.size()); }

AnswerHabits AnswerHabits::from_log(const Collection& collection, int min_answers) {
  AnswerHabits habits;
  // Sums and counts per kind of answer (learning, review, relearning) and rating.
  std::array<std::array<double, 4>, 3> seconds{};
  std::array<std::array<int, 4>, 3> timed{};
  std::array<int, 4> first{};
  std::array<int, 3> recalled{};
  collection.each_review([&](const ReviewLogEntry& entry) {
    ++habits.answers_measured;
    const size_t r = index_of(entry.rating);
    size_t kind = 0;
    switch (entry.before.state) {
      case CardState::new_card:
        ++first[r];
        kind = 0;
        break;
      case CardState::learning: kind = 0; break;
      case CardState::review:
        kind = 1;
        if (entry.rating != Rating::again) ++recalled[r - 1];
        break;
      case CardState::relearning: kind = 2; break;
    }
    if (entry.taken_ms > 0 && entry.taken_ms <= kLongestAnswerMs) {
      seconds[kind][r] += static_cast<double>(entry.taken_ms) / 1000.0;
      ++timed[kind][r];
    }
  });
  std::array<std::array<double, 4>*, 3> targets = {&habits.learning_seconds, &habits.review_seconds, &habits.relearning_seconds};
  for (size_t kind = 0; kind < 3; ++kind)
    for (size_t r = 0; r < 4; ++r)
      if (timed[kind][r] >= min_answers) (*targets[kind])[r] = seconds[kind][r] / timed[kind][r];
  const int firsts = std::accumulate(first.begin(), first.end(), 0);
  if (firsts >= min_answers)
    for (size_t r = 0; r < 4; ++r) habits.first_rating[r] = static_cast<double>(first[r]) / firsts;
  const int passes = std::accumulate(recalled.begin(), recalled.end(), 0);
  if (passes >= min_answers)
    for (size_t r = 0; r < 3; ++r) habits.recalled_rating[r] = static_cast<double>(recalled[r]) / passes;
  return habits;
}

Simulator::Simulator(const Engine& engine, std::vector<SimulatedCard> cards, AnswerHabits habits)
    : engine_(engine), cards_(std::move(cards)), habits_(habits) {}

Simulator Simulator::of_collection(Engine& engine, const std::string& deck) {
  engine.require_deck(deck);
  std::vector<SimulatedCard> cards;
  engine.collection().for_each_schedule(deck, [&](const Collection::CardSchedule& card) {
    cards.push_back({card.card_id, card.deck, card.state});
  });
  return Simulator(engine, std::move(cards), AnswerHabits::from_log(engine.collection()));
}

SimulationResult Simulator::run(const SimulationOptions& options) const {
  if (options.days < 1 || options.days > 36500)
    throw Error(fmt::format("days to simulate: {} is out of range (1 to 36500)", options.days));
  if (options.new_per_day < 0 || options.new_per_day > 10000)
    throw Error(fmt::format("new cards a day: {} is out of range (0 to 10000)", options.new_per_day));
  if (options.retention && !(*options.retention >= 0.5 && *options.retention <= 0.99))
    throw Error(fmt::format("desired retention: {} is out of range (0.5 to 0.99)", *options.retention));
  Run run(engine_, habits_, options);
  return run.simulate(cards_);
}

const std::vector<double>& Simulator::retentions_to_compare() {
  static const std::vector<double> retentions = {0.70, 0.75, 0.80, 0.85, 0.90, 0.93, 0.95, 0.97};
  return retentions;
}

std::vector<SimulationResult> Simulator::compare_retentions(const std::vector<double>& retentions, SimulationOptions options) const {
  std::vector<SimulationResult> results;
  options.recall_every_day = false;  // the comparison needs the last day's recall only
  for (double retention : retentions) {
    options.retention = retention;
    results.push_back(run(options));
  }
  return results;
}

}  // namespace rehearse
