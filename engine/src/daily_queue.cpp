#include "daily_queue.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <queue>
#include <tuple>
#include <unordered_set>

#include "review_order.h"
#include "state_columns.h"

namespace rehearse::detail {

namespace {

constexpr int kUnlimited = std::numeric_limits<int>::max() / 2;

enum class LimitKind { review, new_card };

// Sorting by this key puts a deck's sub-decks right after it ("A", "A::B", "A B"), since the
// separator sorts before every printable character: the depth-first order of the deck tree.
std::string tree_order_key(const std::string& name) {
  std::string key;
  key.reserve(name.size());
  for (size_t i = 0; i < name.size(); ++i) {
    if (name.compare(i, 2, "::") == 0) {
      key += '\x1f';
      ++i;
    } else {
      key += name[i];
    }
  }
  return key;
}

std::string parent_name(const std::string& name) {
  const auto separator = name.rfind("::");
  return separator == std::string::npos ? std::string() : name.substr(0, separator);
}

// What is left of the daily limits of the selected deck and every deck under it (parents that
// have no cards of their own included). A card may be taken when its deck and every deck above
// it, up to the selected one, still have room; taking it uses up room in all of them.
class LimitTree {
 public:
  LimitTree(const std::string& selected, const std::vector<DeckRef>& decks, const Collection& collection,
            const std::unordered_map<std::int64_t, StudiedToday>& studied, const QueueOptions& options)
      : selected_(selected), collection_(collection), options_(options) {
    // Node 0 stands above the selected deck (or above every top-level deck): it only carries a
    // study plan's new-card budget.
    nodes_.push_back({"", -1, kUnlimited, kUnlimited, false, {}});
    for (const auto& deck : decks) by_deck_[deck.id] = node_for(deck.name);
    for (const auto& deck : decks) {
      auto it = studied.find(deck.id);
      if (it == studied.end()) continue;
      for (int node = by_deck_[deck.id]; node >= 0; node = nodes_[static_cast<size_t>(node)].parent) {
        nodes_[static_cast<size_t>(node)].studied.reviews += it->second.reviews;
        nodes_[static_cast<size_t>(node)].studied.new_cards += it->second.new_cards;
      }
    }
    for (size_t i = 1; i < nodes_.size(); ++i) {
      Node& node = nodes_[i];
      if (node.review_left < kUnlimited) node.review_left -= node.studied.reviews + (node.cap_new ? node.studied.new_cards : 0);
      if (node.new_left < kUnlimited) node.new_left -= node.studied.new_cards;
      if (node.cap_new) node.new_left = std::min(node.new_left, node.review_left);
    }
    if (options.new_per_day) nodes_[0].new_left = *options.new_per_day - nodes_[0].studied.new_cards;
  }

  bool can_take(std::int64_t deck_id, LimitKind kind) const {
    for (int node = node_of(deck_id); node >= 0; node = nodes_[static_cast<size_t>(node)].parent)
      if (left(nodes_[static_cast<size_t>(node)], kind) <= 0) return false;
    return true;
  }

  void take(std::int64_t deck_id, LimitKind kind) {
    for (int node = node_of(deck_id); node >= 0; node = nodes_[static_cast<size_t>(node)].parent) {
      Node& n = nodes_[static_cast<size_t>(node)];
      (kind == LimitKind::review ? n.review_left : n.new_left) -= 1;
    }
  }

  // Once reviews are gathered, a deck whose new cards count against its review limit may show
  // no more new cards than that limit has left.
  void cap_new_to_review() {
    for (auto& node : nodes_)
      if (node.cap_new) node.new_left = std::min(node.new_left, node.review_left);
  }

  bool exhausted(LimitKind kind) const {
    // Every top-level node of the selection (children of node 0) is out of room.
    if (left(nodes_[0], kind) <= 0) return true;
    for (size_t i = 1; i < nodes_.size(); ++i)
      if (nodes_[i].parent == 0 && left(nodes_[i], kind) > 0) return false;
    return true;
  }

 private:
  struct Node {
    std::string name;
    int parent;
    int review_left;
    int new_left;
    bool cap_new;  // new cards count against the review limit
    StudiedToday studied;
  };

  static int left(const Node& node, LimitKind kind) { return kind == LimitKind::review ? node.review_left : node.new_left; }

  int node_of(std::int64_t deck_id) const {
    auto it = by_deck_.find(deck_id);
    return it == by_deck_.end() ? 0 : it->second;
  }

  // The node of deck `name`, made (with the nodes of its parents up to the selected deck) when
  // first needed.
  int node_for(const std::string& name) {
    if (auto it = by_name_.find(name); it != by_name_.end()) return it->second;
    const std::string parent = parent_name(name);
    const int parent_node = name == selected_ || parent.empty() ? 0 : node_for(parent);
    const DeckLimits limits = collection_.limits(name);
    Node node{name, parent_node, kUnlimited, kUnlimited, false, {}};
    if (!options_.unlimited_reviews) {
      node.review_left = limits.reviews_per_day;
      node.cap_new = !limits.new_cards_ignore_review_limit;
    }
    if (!options_.new_per_day) node.new_left = limits.new_per_day;
    nodes_.push_back(std::move(node));
    const int index = static_cast<int>(nodes_.size()) - 1;
    by_name_[name] = index;
    return index;
  }

  std::string selected_;
  const Collection& collection_;
  const QueueOptions& options_;
  std::vector<Node> nodes_;
  std::unordered_map<std::string, int> by_name_;
  std::unordered_map<std::int64_t, int> by_deck_;
};

// Of the cards of one deck with the same group, only the first gathered is shown today, in the
// decks that bury siblings.
class SiblingFilter {
 public:
  SiblingFilter(const std::vector<DeckRef>& decks, const Collection& collection) {
    for (const auto& deck : decks)
      if (collection.answer_rules(deck.name).bury_siblings) burying_.insert(deck.id);
  }

  // Records the card's group as shown; false when a sibling already is.
  bool claim(std::int64_t deck_id, const std::string& group) {
    if (group.empty() || !burying_.count(deck_id)) return true;
    return shown_.insert(std::to_string(deck_id) + '\n' + group).second;
  }

 private:
  std::unordered_set<std::int64_t> burying_;
  std::unordered_set<std::string> shown_;
};

// The cards of one deck and state, in order, as candidates come off the index.
std::string candidates_sql(std::string_view state_condition) {
  return fmt::format(
      "SELECT s.card_id, s.due_ms, s.last_review_ms, s.sibling_group FROM card_state s "
      "WHERE s.deck_id = ?1 AND s.suspended = 0 AND s.state {} AND s.due_ms < ?2 AND s.buried_until_day <= ?3 "
      "ORDER BY s.due_ms, s.card_id",
      state_condition);
}

struct Candidate {
  std::int64_t card_id = 0;
  std::int64_t due_ms = 0;
  std::int64_t last_review_ms = 0;
  std::string group;
};

Candidate read_candidate(SQLite::Statement& row) {
  return {row.getColumn(0).getInt64(), row.getColumn(1).getInt64(), row.getColumn(2).getInt64(), row.getColumn(3).getString()};
}

}  // namespace

bool is_interday(const Clock& clock, std::int64_t due_ms, std::int64_t last_review_ms) {
  return clock.day_number(due_ms) > clock.day_number(last_review_ms);
}

std::unordered_map<std::int64_t, StudiedToday> studied_today(SQLite::Database& db, const Clock& clock) {
  std::unordered_map<std::int64_t, StudiedToday> studied;
  SQLite::Statement q(db,
                      "SELECT s.deck_id, l.state_before, l.due_before, l.last_review_before FROM review_log l "
                      "JOIN card_state s ON s.card_id = l.card_id WHERE l.reviewed_ms >= ? AND l.reviewed_ms < ?");
  q.bind(1, static_cast<std::int64_t>(clock.day_start_ms(clock.today())));
  q.bind(2, static_cast<std::int64_t>(clock.day_start_ms(clock.today() + 1)));
  while (q.executeStep()) {
    StudiedToday& deck = studied[q.getColumn(0).getInt64()];
    switch (static_cast<CardState>(q.getColumn(1).getInt())) {
      case CardState::new_card: ++deck.new_cards; break;
      case CardState::review: ++deck.reviews; break;
      case CardState::learning:
      case CardState::relearning:
        if (is_interday(clock, q.getColumn(2).getInt64(), q.getColumn(3).getInt64())) ++deck.reviews;
        break;
    }
  }
  return studied;
}

DailyQueueBuilder::DailyQueueBuilder(SQLite::Database& db, const Collection& collection,
                                     const Collection::RecallEstimator& recall)
    : db_(db), collection_(collection), recall_(recall), clock_(collection.clock()) {}

std::vector<std::int64_t> DailyQueueBuilder::order_reviews(std::vector<ReviewItem> items, const std::string& selected,
                                                          const std::vector<DeckRef>& decks) const {
  std::optional<std::string> setting;
  if (!selected.empty()) setting = collection_.config("deck." + selected + ".review_order");
  if (!setting) setting = collection_.config("review_order");
  // A value `config` did not check (written by hand) gives the default rather than no review.
  const ReviewOrder order = review_order_from(setting.value_or("")).value_or(ReviewOrder::due);
  if (order == ReviewOrder::due) add_due_days(items);
  if (order == ReviewOrder::retrievability) add_retrievability(items, decks);
  sort_reviews(items, order, clock_.today());
  std::vector<std::int64_t> ids;
  ids.reserve(items.size());
  for (const auto& item : items) ids.push_back(item.card_id);
  return ids;
}

void DailyQueueBuilder::add_due_days(std::vector<ReviewItem>& items) const {
  // The start of each of the last few weeks' days, found once: asking the clock for each card's
  // day would look up the time zone every time, a cost a queue of 10,000 reviews notices.
  constexpr std::int64_t kDaysKnown = 28;
  const std::int64_t today = clock_.today();
  std::vector<std::int64_t> starts;  // starts[i]: the start of day today - i
  for (std::int64_t i = 0; i < kDaysKnown; ++i) starts.push_back(clock_.day_start_ms(today - i));
  for (auto& item : items) {
    const auto known = std::find_if(starts.begin(), starts.end(), [&](std::int64_t start) { return item.due_ms >= start; });
    item.due_day = known != starts.end() ? today - (known - starts.begin()) : clock_.day_number(item.due_ms);
  }
}

void DailyQueueBuilder::add_retrievability(std::vector<ReviewItem>& items, const std::vector<DeckRef>& decks) const {
  SQLite::Statement q(db_, fmt::format("SELECT {} FROM card_state WHERE card_id = ?", kStateColumns));
  const std::int64_t now = clock_.now_ms();
  std::map<int, std::vector<Collection::RecallQuery>> by_deck;  // by deck_position
  std::unordered_map<std::int64_t, size_t> index;                // card id -> item
  for (size_t i = 0; i < items.size(); ++i) {
    ReviewItem& item = items[i];
    q.reset();
    q.bind(1, static_cast<std::int64_t>(item.card_id));
    if (!q.executeStep()) continue;
    const SchedulingState s = read_state(q, 0);
    // Without a memory model (SM-2), the recall a schedule aims at: 90% when the interval has
    // just passed, less the longer the card is overdue. This ranks cards by relative
    // overdueness, as Anki does for SM-2.
    const double interval_ms = std::max<double>(static_cast<double>(s.due_ms - s.last_review_ms), kMsPerDay);
    item.retrievability = std::pow(0.9, static_cast<double>(now - s.last_review_ms) / interval_ms);
    by_deck[item.deck_position].push_back({item.card_id, s});
    index[item.card_id] = i;
  }
  if (!recall_) return;
  for (const auto& [position, cards] : by_deck) {
    const auto estimates = recall_(decks[static_cast<size_t>(position)].name, cards);
    for (size_t i = 0; i < cards.size() && i < estimates.size(); ++i)
      if (estimates[i]) items[index[cards[i].card_id]].retrievability = *estimates[i];
  }
}

Collection::Queue DailyQueueBuilder::build(const std::string& selected, const std::vector<DeckRef>& selection,
                                           const QueueOptions& options) const {
  Collection::Queue queue;
  const std::int64_t now = clock_.now_ms();
  const std::int64_t today = clock_.today();
  const std::int64_t end_of_today = clock_.day_start_ms(today + 1);
  const std::int64_t learn_ahead_until = now + std::max<std::int64_t>(options.learn_ahead_ms, 0);

  std::vector<DeckRef> decks = selection;
  std::sort(decks.begin(), decks.end(),
            [](const DeckRef& a, const DeckRef& b) { return tree_order_key(a.name) < tree_order_key(b.name); });
  LimitTree limits(selected, decks, collection_, studied_today(db_, clock_), options);
  SiblingFilter siblings(decks, collection_);

  // Learning cards. Those whose step ends within a day are shown when due, before anything else,
  // and never limited; those whose step crossed a day boundary wait with the reviews of their day.
  struct DueCard {
    std::int64_t due_ms;
    std::int64_t card_id;
    std::int64_t deck_id;
    std::string group;
    bool operator<(const DueCard& other) const { return std::tie(due_ms, card_id) < std::tie(other.due_ms, other.card_id); }
  };
  std::vector<DueCard> intraday, interday;
  {
    SQLite::Statement learning(db_, candidates_sql("IN (1, 3)"));
    for (const auto& deck : decks) {
      learning.reset();
      learning.bind(1, static_cast<std::int64_t>(deck.id));
      learning.bind(2, static_cast<std::int64_t>(std::max(end_of_today, learn_ahead_until + 1)));
      learning.bind(3, static_cast<std::int64_t>(today));
      while (learning.executeStep()) {
        Candidate c = read_candidate(learning);
        if (is_interday(clock_, c.due_ms, c.last_review_ms)) {
          if (c.due_ms < end_of_today) interday.push_back({c.due_ms, c.card_id, deck.id, std::move(c.group)});
        } else if (c.due_ms <= learn_ahead_until) {
          intraday.push_back({c.due_ms, c.card_id, deck.id, std::move(c.group)});
        }
      }
    }
  }
  std::sort(intraday.begin(), intraday.end());
  for (const auto& card : intraday) {
    siblings.claim(card.deck_id, card.group);
    queue.learning.push_back(card.card_id);
  }
  std::sort(interday.begin(), interday.end());
  for (const auto& card : interday) {
    if (!limits.can_take(card.deck_id, LimitKind::review) || !siblings.claim(card.deck_id, card.group)) continue;
    limits.take(card.deck_id, LimitKind::review);
    queue.interday.push_back(card.card_id);
  }

  // Reviews: the most overdue first across all decks, each deck read from the index only as far
  // as its limits allow.
  {
    struct Cursor {
      std::unique_ptr<SQLite::Statement> rows;
      std::int64_t deck_id;
      int position;  // the deck's place in the tree order
      Candidate current;
    };
    std::vector<ReviewItem> gathered;
    std::vector<Cursor> cursors;
    auto later = [&](size_t a, size_t b) {
      return std::tie(cursors[a].current.due_ms, cursors[a].current.card_id) >
             std::tie(cursors[b].current.due_ms, cursors[b].current.card_id);
    };
    std::priority_queue<size_t, std::vector<size_t>, decltype(later)> heads(later);
    const std::string sql = candidates_sql("= 2");
    for (size_t position = 0; position < decks.size(); ++position) {
      const DeckRef& deck = decks[position];
      if (!limits.can_take(deck.id, LimitKind::review)) continue;
      auto rows = std::make_unique<SQLite::Statement>(db_, sql);
      rows->bind(1, static_cast<std::int64_t>(deck.id));
      rows->bind(2, static_cast<std::int64_t>(end_of_today));
      rows->bind(3, static_cast<std::int64_t>(today));
      if (!rows->executeStep()) continue;
      Candidate first = read_candidate(*rows);
      cursors.push_back({std::move(rows), deck.id, static_cast<int>(position), std::move(first)});
      heads.push(cursors.size() - 1);
    }
    while (!heads.empty() && !limits.exhausted(LimitKind::review)) {
      const size_t index = heads.top();
      heads.pop();
      Cursor& cursor = cursors[index];
      if (!limits.can_take(cursor.deck_id, LimitKind::review)) continue;  // this deck is done for today
      if (siblings.claim(cursor.deck_id, cursor.current.group)) {
        limits.take(cursor.deck_id, LimitKind::review);
        gathered.push_back({cursor.current.card_id, 0, cursor.current.due_ms, cursor.position});
      }
      if (cursor.rows->executeStep()) {
        cursor.current = read_candidate(*cursor.rows);
        heads.push(index);
      }
    }
    // Gathered most overdue first, so that the limits keep those; shown in the order chosen.
    queue.review = order_reviews(std::move(gathered), selected, decks);
  }

  // A study plan's reviews ahead of time, after the due ones.
  if (!options.early_reviews.empty()) {
    std::unordered_set<std::int64_t> queued(queue.review.begin(), queue.review.end());
    queued.insert(queue.learning.begin(), queue.learning.end());
    queued.insert(queue.interday.begin(), queue.interday.end());
    std::unordered_set<std::int64_t> selected_decks;
    for (const auto& deck : decks) selected_decks.insert(deck.id);
    SQLite::Statement card(db_,
                           "SELECT s.deck_id, s.sibling_group FROM card_state s "
                           "WHERE s.card_id = ? AND s.suspended = 0 AND s.state = 2 AND s.buried_until_day <= ? "
                           "AND s.last_review_ms < ?");
    for (std::int64_t id : options.early_reviews) {
      if (queued.count(id)) continue;
      card.reset();
      card.bind(1, static_cast<std::int64_t>(id));
      card.bind(2, static_cast<std::int64_t>(today));
      card.bind(3, static_cast<std::int64_t>(clock_.day_start_ms(today)));  // once a day: not again once answered
      if (!card.executeStep() || !selected_decks.count(card.getColumn(0).getInt64())) continue;
      if (!siblings.claim(card.getColumn(0).getInt64(), card.getColumn(1).getString())) continue;
      queued.insert(id);
      queue.review.push_back(id);
    }
  }

  // New cards: deck by deck in tree order, each in its own order, as far as the limits allow.
  limits.cap_new_to_review();
  SQLite::Statement fresh(db_, candidates_sql("= 0"));
  for (const auto& deck : decks) {
    if (limits.exhausted(LimitKind::new_card)) break;
    if (!limits.can_take(deck.id, LimitKind::new_card)) continue;
    fresh.reset();
    fresh.bind(1, static_cast<std::int64_t>(deck.id));
    fresh.bind(2, std::numeric_limits<std::int64_t>::max());
    fresh.bind(3, static_cast<std::int64_t>(today));
    while (limits.can_take(deck.id, LimitKind::new_card) && fresh.executeStep()) {
      const Candidate c = read_candidate(fresh);
      if (!siblings.claim(deck.id, c.group)) continue;
      limits.take(deck.id, LimitKind::new_card);
      queue.new_cards.push_back(c.card_id);
    }
  }
  return queue;
}

}  // namespace rehearse::detail
