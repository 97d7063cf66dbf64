// A month of daily sessions, scripted, with the clock moving day by day (and late sessions on
// either side of the day-start hour): every daily limit, the rollover, burying and undo hold on
// every day, checked against the review log.
#include <map>
#include <set>

#include "days.h"

using namespace rehearse;
using test::Days;
using test::deck;

namespace {

// What one user day's answers did to one deck.
struct DayCount {
  int new_cards = 0;
  int reviews = 0;  // review cards and interday learning cards
};

struct Snapshot {
  std::map<std::int64_t, Card> cards;
  std::map<std::int64_t, size_t> log_sizes;
  Collection::Queue queue;  // shows what is buried
  bool operator==(const Snapshot& other) const {
    if (cards.size() != other.cards.size() || log_sizes != other.log_sizes) return false;
    if (queue.learning != other.queue.learning || queue.interday != other.queue.interday || queue.review != other.queue.review ||
        queue.new_cards != other.queue.new_cards)
      return false;
    for (const auto& [id, card] : cards) {
      const Card& theirs = other.cards.at(id);
      if (!(card.scheduling == theirs.scheduling) || card.suspended != theirs.suspended || card.content.tags != theirs.content.tags)
        return false;
    }
    return true;
  }
};

Snapshot snapshot(Collection& collection) {
  Snapshot s;
  for (auto& card : collection.find_cards("", "", 1000)) {
    s.log_sizes[card.id] = collection.review_log(card.id).size();
    s.cards[card.id] = std::move(card);
  }
  s.queue = collection.queue("", 0);
  return s;
}

// Deck names from a deck up to the top: "Prep::Questions", "Prep".
std::vector<std::string> deck_and_parents(std::string name) {
  std::vector<std::string> names{name};
  for (auto at = name.rfind("::"); at != std::string::npos; at = name.rfind("::")) {
    name = name.substr(0, at);
    names.push_back(name);
  }
  return names;
}

}  // namespace

TEST_CASE("a simulated month of daily sessions respects every limit, rollover, bury and undo rule", "[day]") {
  Days days("2026-01-01T09:00:00Z");
  days.import("questions.md", deck("Prep::Questions", 45, "q", 3));  // 15 groups of three siblings
  days.import("stories.md", deck("Prep::Stories", 12, "s"));
  days.import("extra.md", deck("Extra", 20, "x"));
  const std::map<std::string, std::pair<int, int>> limits = {
      // deck: new per day, reviews per day
      {"Prep", {7, 20}}, {"Prep::Questions", {5, 100}}, {"Prep::Stories", {3, 100}}, {"Extra", {4, 30}}};
  for (const auto& [name, limit] : limits) {
    days.set("deck." + name + ".new_per_day", std::to_string(limit.first));
    days.set("deck." + name + ".reviews_per_day", std::to_string(limit.second));
  }
  days.set("leech_threshold", "3");

  const Clock user_days(std::nullopt, 4);
  std::set<std::int64_t> leeches;
  int answers = 0, undos = 0;
  auto rating_for = [&](const Card& card) {
    ++answers;
    // "Extra" cards are always forgotten once they graduate: they turn into leeches.
    if (card.deck == "Extra") return card.scheduling.state == CardState::review ? Rating::again : Rating::good;
    if (answers % 6 == 0) return Rating::again;
    if (answers % 11 == 0) return Rating::hard;
    return Rating::good;
  };
  // One session at `when`; stops after `stop_after` answers (-1: at the end of the queue).
  auto session_at = [&](const std::string& when, int stop_after, bool try_undo) {
    Engine& engine = days.at(when);
    auto session = engine.start_review();
    int done = 0;
    while (stop_after < 0 || done < stop_after) {
      if (try_undo && done == 3) {
        // Two answers, then take both back: the collection is exactly as before them.
        const Snapshot before = snapshot(engine.collection());
        std::vector<std::int64_t> taken_back;
        for (int i = 0; i < 2; ++i) {
          auto card = session->next();
          if (!card) break;
          session->answer(*card, rating_for(*card), {});
          taken_back.push_back(card->id);
        }
        for (auto it = taken_back.rbegin(); it != taken_back.rend(); ++it) {
          auto card = session->undo();
          REQUIRE(card);
          CHECK(card->id == *it);
          ++undos;
        }
        CHECK(snapshot(engine.collection()) == before);
        try_undo = false;
      }
      auto card = session->next();
      if (!card) break;
      CHECK_FALSE(leeches.count(card->id));  // a suspended leech never comes back
      CHECK_FALSE(card->suspended);
      const AnswerOutcome outcome = session->answer(*card, rating_for(*card), {});
      if (outcome.suspended) leeches.insert(card->id);
      ++done;
    }
    if (stop_after < 0) {
      CHECK(session->counts().total() == 0);
      // Nothing left that the limits allow: no new card of Extra unless its limits are used up.
      const StudiedToday extra = engine.collection().studied_today("Extra");
      if (extra.new_cards < 4 && extra.new_cards + extra.reviews < 30)
        engine.collection().for_each_schedule("Extra", [&](const Collection::CardSchedule& card) {
          CHECK(card.state.state != CardState::new_card);
        });
    }
  };

  for (int day = 1; day <= 30; ++day) {
    const std::string date = fmt::format("2026-01-{:02}", day);
    const std::string next_date = day == 31 ? "2026-02-01" : fmt::format("2026-01-{:02}", day + 1);
    INFO("day " << date);
    // Some mornings are cut short, some evenings go on after midnight (still the same day until
    // 4 am), and some sessions take answers back.
    session_at(date + "T09:00:00Z", day % 5 == 0 ? 5 : -1, day % 4 == 1);
    if (day % 3 == 0) {
      session_at(date + "T23:30:00Z", 4, false);
      session_at(next_date + "T02:00:00Z", -1, day % 2 == 0);
    } else if (day % 5 == 0) {
      session_at(date + "T18:00:00Z", -1, false);
    }
  }
  CHECK(undos > 0);
  CHECK_FALSE(leeches.empty());

  // The review log, day by day.
  std::map<std::int64_t, std::map<std::string, DayCount>> per_day;                       // day -> deck -> counts
  std::map<std::int64_t, std::map<std::string, std::set<std::int64_t>>> group_cards;      // day -> group -> cards
  std::set<std::int64_t> studied;
  Collection& collection = days.collection();
  for (const auto& card : collection.find_cards("", "", 1000)) {
    for (const auto& entry : collection.review_log(card.id)) {
      const std::int64_t day = user_days.day_number(entry.reviewed_ms);
      studied.insert(card.id);
      const bool is_new = entry.before.state == CardState::new_card;
      const bool counts_as_review =
          entry.before.state == CardState::review ||
          (entry.before.state != CardState::new_card &&
           user_days.day_number(entry.before.due_ms) > user_days.day_number(entry.before.last_review_ms));
      for (const auto& name : deck_and_parents(card.deck)) {
        per_day[day][name].new_cards += is_new;
        per_day[day][name].reviews += counts_as_review;
      }
      if (!card.content.group.empty()) group_cards[day][card.deck + "/" + card.content.group].insert(card.id);
    }
  }
  CHECK(per_day.size() == 30);
  for (const auto& [day, decks] : per_day) {
    INFO("user day " << day);
    for (const auto& [name, count] : decks) {
      INFO(name << ": " << count.new_cards << " new, " << count.reviews << " reviews");
      const auto& [new_limit, review_limit] = limits.at(name);
      CHECK(count.new_cards <= new_limit);
      CHECK(count.reviews + count.new_cards <= review_limit);  // new cards count against the review limit
    }
    for (const auto& [group, cards] : group_cards[day]) {
      INFO(group);
      CHECK(cards.size() == 1);  // siblings are never studied on the same day
    }
  }
  // The new cards ran out as the limits allowed: every card was studied within the month.
  CHECK(studied.size() == 45 + 12 + 20);
  // In the first days, the parent's limit (7) bound its two sub-decks (5 + 3).
  CHECK(per_day.begin()->second["Prep"].new_cards == 7);
}
