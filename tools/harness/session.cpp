#include "session.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <cctype>
#include <sstream>

namespace rehearse::harness {

namespace fs = std::filesystem;

std::string session_script(int cards, int first_rating) {
  std::string script;
  for (int i = 0; i < cards; ++i) {
    const int rating = (first_rating - 1 + i) % 4 + 1;
    script += fmt::format("My answer {} covers the trade-offs and a measured result.\n\n{}\n", i, rating);
  }
  return script + "q\n";
}

std::vector<std::string> confirmed_prompts(const std::string& out) {
  std::vector<std::string> prompts;
  std::istringstream lines(out);
  std::string line, previous, prompt;
  while (std::getline(lines, line)) {
    // A card starts with its queue counts, then "Question: ...", "Explain: ..." or "Story: ...".
    if (previous.starts_with("[") && previous.find(" new · ") != std::string::npos) {
      for (const char* kind : {"Question: ", "Explain: ", "Story: "})
        if (line.starts_with(kind)) prompt = line.substr(std::string(kind).size());
    }
    // The rating prompt has no line end of its own, so "Saved:" follows it on the same line.
    if (line.find("Saved: ") != std::string::npos) prompts.push_back(prompt);
    previous = line;
  }
  return prompts;
}

std::string markdown_deck(const std::string& name, int cards, const std::string& version) {
  std::string id_prefix;
  for (char c : name) id_prefix += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
  std::string text = fmt::format("---\ndeck: {}\ntags: generated\n---\n", name);
  for (int i = 1; i <= cards; ++i)
    text += fmt::format(
        "\n## Q: {} question {}: how would you shard table {}?\nid: {}-{}\nanswer:\nShard by tenant; version {}.\n"
        "key points:\n- Pick a shard key | partition key\n- Plan resharding | rebalancing\navoid:\n- Hot partitions\n",
        name, i, i, id_prefix, i, version);
  return text;
}

std::int64_t day_time_ms(int days) { return 1925024400000LL + static_cast<std::int64_t>(days) * 86'400'000LL; }

std::string day_time(int days) {
  const std::time_t seconds = static_cast<std::time_t>(day_time_ms(days) / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

CollectionAudit::CollectionAudit(fs::path collection) : collection_(std::move(collection)) {}

namespace {
SQLite::Database open(const fs::path& path) { return SQLite::Database(path, SQLite::OPEN_READONLY, 10'000); }
}  // namespace

std::vector<std::string> CollectionAudit::integrity() const {
  std::vector<std::string> problems;
  try {
    auto db = open(collection_);
    SQLite::Statement check(db, "PRAGMA integrity_check");
    while (check.executeStep())
      if (check.getColumn(0).getString() != "ok") problems.push_back(check.getColumn(0).getString());
  } catch (const std::exception& e) {
    problems.push_back(e.what());
  }
  return problems;
}

int CollectionAudit::reviews() const { return open(collection_).execAndGet("SELECT COUNT(*) FROM review_log").getInt(); }

int CollectionAudit::cards_in_deck(const std::string& deck) const {
  auto db = open(collection_);
  SQLite::Statement q(db, "SELECT COUNT(*) FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = ?");
  q.bind(1, deck);
  q.executeStep();
  return q.getColumn(0).getInt();
}

std::map<std::string, int> CollectionAudit::answered_at(std::int64_t reviewed_ms) const {
  auto db = open(collection_);
  SQLite::Statement q(db, "SELECT c.prompt FROM review_log r JOIN cards c ON c.id = r.card_id WHERE r.reviewed_ms = ?");
  q.bind(1, static_cast<int64_t>(reviewed_ms));
  std::map<std::string, int> out;
  while (q.executeStep()) ++out[q.getColumn(0).getString()];
  return out;
}

std::vector<std::string> CollectionAudit::versions_in_deck(const std::string& deck) const {
  auto db = open(collection_);
  SQLite::Statement q(db, "SELECT DISTINCT substr(c.answer, instr(c.answer, 'version ')) FROM cards c "
                          "JOIN decks d ON d.id = c.deck_id WHERE d.name = ? ORDER BY 1");
  q.bind(1, deck);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<std::string> CollectionAudit::broken_chains() const {
  auto db = open(collection_);
  // Each entry against the one before it of the same card, and the last against the card.
  constexpr const char* kSql = R"sql(
    WITH ordered AS (
      SELECT r.*, LAG(r.id) OVER w AS previous_id FROM review_log r WINDOW w AS (PARTITION BY r.card_id ORDER BY r.id)
    )
    SELECT o.card_id, o.id, 'its state before is not the state after answer ' || p.id
    FROM ordered o JOIN review_log p ON p.id = o.previous_id
    WHERE o.state_before != p.state_after OR o.due_before != p.due_after OR o.reps_before != p.reps_after
       OR o.lapses_before != p.lapses_after OR o.step_before != p.step_after OR o.last_review_before != p.reviewed_ms
       OR o.interval_before != p.interval_after OR o.stability_before != p.stability_after
    UNION ALL
    SELECT r.card_id, r.id, 'the card''s state is not the state after its last answer'
    FROM review_log r JOIN card_state s ON s.card_id = r.card_id
    WHERE r.id = (SELECT MAX(id) FROM review_log WHERE card_id = r.card_id)
      AND (s.state != r.state_after OR s.due_ms != r.due_after OR s.reps != r.reps_after OR s.lapses != r.lapses_after
           OR s.last_review_ms != r.reviewed_ms)
  )sql";
  SQLite::Statement q(db, kSql);
  std::vector<std::string> out;
  while (q.executeStep())
    out.push_back(fmt::format("card {}, answer {}: {}", q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString()));
  return out;
}

}  // namespace rehearse::harness
