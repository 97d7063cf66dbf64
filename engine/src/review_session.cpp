#include "rehearse/review_session.h"

#include <fmt/format.h>

#include <cmath>

#include "rehearse/engine.h"
#include "rehearse/errors.h"
#include "review_order.h"

namespace rehearse {

namespace {

// Like Anki: when nothing else is left, learning cards due within this window are shown early
// rather than ending the session with cards a minute away.
constexpr std::int64_t kLearnAheadMs = 20 * kMsPerMinute;

}  // namespace

CombinedScore score_answer(const Engine& engine, const std::vector<const Scorer*>& scorers, const CardContent& card,
                           const Attempt& attempt, bool skip_inapplicable) {
  CombinedScore combined;
  double sum = 0;
  int count = 0;
  for (const Scorer* scorer : scorers) {
    try {
      if (skip_inapplicable && !scorer->applies_to(card)) continue;
      const Options options = engine.options_for(ComponentKind::scorer, scorer->name(), scorer->options());
      ScoreResult result = scorer->score(card, attempt, options);
      if (result.score) {
        sum += *result.score;
        ++count;
      }
      combined.parts.push_back(std::move(result));
    } catch (const std::exception& e) {
      combined.errors.push_back(e.what());
    }
  }
  if (count > 0) {
    combined.score = sum / count;
    combined.suggestion = rating_for_score(*combined.score);
  } else {
    for (const auto& part : combined.parts)
      if (part.suggestion && !combined.suggestion) combined.suggestion = part.suggestion;
  }
  return combined;
}

std::string summary_of(const CombinedScore& score) {
  std::string text;
  for (const auto& part : score.parts) {
    if (part.summary.empty()) continue;
    text += (text.empty() ? "" : " ") + part.summary;
  }
  for (const auto& error : score.errors) text += (text.empty() ? "" : " ") + fmt::format("(Scoring failed: {})", error);
  return text;
}

struct ReviewSession::Impl {
  Engine& engine;
  std::string deck;
  QueueOptions options;
  Collection::Queue queue;
  std::optional<std::int64_t> show_again;  // a card whose answer was undone
  struct Answered {
    std::int64_t log_id;
    std::int64_t card_id;
    Rating rating;
    std::int64_t taken_ms;
    std::optional<double> score;
  };
  std::vector<Answered> answered;  // this session's answers, for undo
  SessionSummary summary;
  double score_sum = 0;
  int scored = 0;

  void count(const Answered& a, int sign) {
    auto& s = summary;
    s.answered += sign;
    s.total_ms += sign * a.taken_ms;
    switch (a.rating) {
      case Rating::again: s.again += sign; break;
      case Rating::hard: s.hard += sign; break;
      case Rating::good: s.good += sign; break;
      case Rating::easy: s.easy += sign; break;
    }
    if (a.score) {
      score_sum += sign * *a.score;
      scored += sign;
    }
    s.mean_score = scored > 0 ? std::optional<double>(score_sum / scored) : std::nullopt;
  }

  Collection::Queue queue_ahead(std::int64_t learn_ahead_ms) const {
    QueueOptions ahead = options;
    ahead.learn_ahead_ms = learn_ahead_ms;
    return engine.collection().queue(deck, ahead);
  }

  // Where new cards go among the reviews: "deck.<deck>.new_mix", else "new_mix", else after.
  detail::NewMix new_mix() const {
    const Collection& collection = engine.collection();
    std::optional<std::string> setting;
    if (!deck.empty()) setting = collection.config("deck." + deck + ".new_mix");
    if (!setting) setting = collection.config("new_mix");
    return detail::new_mix_from(setting.value_or("")).value_or(detail::NewMix::after);
  }

  void refresh() {
    queue = queue_ahead(0);
    if (queue.learning.empty() && queue.interday.empty() && queue.review.empty() && queue.new_cards.empty())
      queue = queue_ahead(kLearnAheadMs);
  }
};

ReviewSession::ReviewSession(Engine& engine, std::string deck, QueueOptions options)
    : impl_(std::make_unique<Impl>(Impl{engine, std::move(deck), std::move(options), {}, {}, {}, {}, 0, 0})) {
  impl_->refresh();
}

ReviewSession::~ReviewSession() = default;

std::optional<Card> ReviewSession::next() {
  impl_->refresh();
  if (impl_->show_again) {
    auto card = impl_->engine.collection().card(*impl_->show_again);
    if (card && !card->suspended) return card;
    impl_->show_again.reset();
  }
  const auto& q = impl_->queue;
  Collection& collection = impl_->engine.collection();
  for (const auto* list : {&q.learning, &q.interday}) {
    if (!list->empty()) return collection.card(list->front());
  }
  if (!q.review.empty() && !q.new_cards.empty()) {
    const detail::NewMix mix = impl_->new_mix();
    const StudiedToday studied = mix == detail::NewMix::mixed ? collection.studied_today(impl_->deck) : StudiedToday{};
    const bool new_first =
        detail::new_card_next(mix, studied, static_cast<int>(q.review.size()), static_cast<int>(q.new_cards.size()));
    return collection.card(new_first ? q.new_cards.front() : q.review.front());
  }
  for (const auto* list : {&q.review, &q.new_cards}) {
    if (!list->empty()) return collection.card(list->front());
  }
  return std::nullopt;
}

QueueCounts ReviewSession::counts() const {
  // Learning cards count from the moment they are within the learn-ahead window, as in Anki.
  const auto q = impl_->queue_ahead(kLearnAheadMs);
  return {static_cast<int>(q.new_cards.size()), static_cast<int>(q.learning.size() + q.interday.size()),
          static_cast<int>(q.review.size())};
}

CombinedScore ReviewSession::score(const Card& card, const Attempt& attempt) const {
  // A scorer the settings name but that is not loaded must not cost the user the answer they
  // typed: the others still score it, and the front end shows why one is missing.
  const Engine::ScorerChain chain = impl_->engine.scorer_chain_for(card.deck);
  CombinedScore combined = score_answer(impl_->engine, chain.scorers, card.content, attempt);
  combined.errors.insert(combined.errors.end(), chain.not_loaded.begin(), chain.not_loaded.end());
  return combined;
}

AnswerOutcome ReviewSession::answer(const Card& card, Rating rating, const AnswerDetails& details) {
  Engine& engine = impl_->engine;
  const Scheduler& scheduler = engine.scheduler_for(card.deck);
  const Options options = engine.options_for(ComponentKind::scheduler, scheduler.name(), scheduler.options(), card.deck);
  const Clock& clock = engine.clock();

  const ReviewContext ctx = engine.review_context(card.scheduling, card.id, clock.now_ms(), options);

  ReviewLogEntry entry;
  entry.card_id = card.id;
  entry.reviewed_ms = ctx.now_ms;
  entry.rating = rating;
  entry.taken_ms = details.taken_ms;
  entry.scheduler = std::string(scheduler.name());
  entry.before = card.scheduling;
  entry.after = scheduler.next(card.scheduling, rating, ctx);
  entry.spoken_ms = details.spoken_ms;
  if (details.score) {
    entry.score = details.score->score;
    entry.suggestion = details.score->suggestion;
  }
  AnswerEffects effects;
  const std::int64_t log_id = engine.collection().record_answer(entry, &effects);

  impl_->answered.push_back({log_id, card.id, rating, details.taken_ms, entry.score});
  impl_->count(impl_->answered.back(), +1);
  if (impl_->show_again == card.id) impl_->show_again.reset();
  // The queue is read again by next(), not here: the answer is committed and reported at once.
  return {log_id, entry.after, effects.leech, effects.suspended, static_cast<int>(effects.buried.size())};
}

bool ReviewSession::can_undo() const { return !impl_->answered.empty(); }

std::optional<Card> ReviewSession::undo() {
  if (impl_->answered.empty()) return std::nullopt;
  const Impl::Answered last = impl_->answered.back();
  impl_->answered.pop_back();
  if (!impl_->engine.collection().undo_answer(last.log_id)) return std::nullopt;
  impl_->count(last, -1);
  impl_->show_again = last.card_id;
  return impl_->engine.collection().card(last.card_id);
}

const SessionSummary& ReviewSession::summary() const { return impl_->summary; }
const std::string& ReviewSession::deck() const { return impl_->deck; }

}  // namespace rehearse
