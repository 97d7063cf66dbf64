#include "term_list.h"

#include <algorithm>

#include "text_util.h"

namespace rehearse::guide {

namespace {

using text::is_ascii_lower;
using text::is_ascii_upper;

bool is_letter(char c) { return is_ascii_lower(c) || is_ascii_upper(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether a word has a case change inside it that split_run_together would cut at.
bool is_mixed_case(std::string_view word) {
  for (size_t i = 1; i < word.size(); ++i) {
    if (!is_ascii_upper(word[i])) continue;
    if (is_ascii_lower(word[i - 1]) || is_digit(word[i - 1])) return true;
    if (is_ascii_upper(word[i - 1]) && i + 1 < word.size() && is_ascii_lower(word[i + 1])) return true;
  }
  return false;
}

// Well-known names written in mixed case, for pages that never spell them out in running text.
constexpr const char* kKnownNames[] = {
    "DevOps",      "DevSecOps",   "JavaScript", "TypeScript",  "CoffeeScript", "GitHub",      "GitLab",
    "BitBucket",   "PostgreSQL",  "MySQL",      "MariaDB",     "MongoDB",      "DynamoDB",    "CockroachDB",
    "InfluxDB",    "TimescaleDB", "RocksDB",    "LevelDB",     "ScyllaDB",     "CouchDB",     "FoundationDB",
    "GraphQL",     "NoSQL",       "NewSQL",     "SQLite",      "OAuth",        "OpenID",      "OpenAPI",
    "WebSocket",   "WebSockets",  "WebAssembly", "WebRTC",     "PagerDuty",    "CloudFormation", "CloudWatch",
    "CloudFront",  "ElastiCache", "BigQuery",   "BigTable",    "RabbitMQ",     "ActiveMQ",    "ZeroMQ",
    "ClickHouse",  "OpenTelemetry", "OpenSearch", "DevTools",  "FastAPI",      "NestJS",      "NodeJS",
    "ReactJS",     "VueJS",       "NextJS",     "JUnit",       "TestNG",       "PyTest",      "NumPy",
    "TensorFlow",  "PyTorch",     "HashiCorp",  "SonarQube",   "PowerShell",   "LinkedIn",    "YouTube",
    "iOS",         "macOS",       "tvOS",       "gRPC",        "eBPF",         "mTLS",        "JSONPath",
    "HyperLogLog", "MapReduce",   "SageMaker",  "AppSync",     "EventBridge",  "CodePipeline", "CodeBuild",
    "CodeDeploy",  "DataDog",     "NewRelic",   "AppDynamics", "LaunchDarkly", "ArgoCD",      "FluxCD",
    "CircleCI",    "TeamCity",    "TravisCI",   "SignalR",     "HBase",        "HDFS",        "YugabyteDB",
    "TiDB",        "ProxySQL",    "PgBouncer",  "JMeter",      "LoadRunner",   "WireMock",    "MockServer"};

}  // namespace

Vocabulary::Vocabulary() {
  for (const char* name : kKnownNames) words_.insert(name);
}

void Vocabulary::add_text(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !text::is_ascii_alnum(text[i])) ++i;
    const size_t start = i;
    while (i < text.size() && text::is_ascii_alnum(text[i])) ++i;
    const std::string_view word = text.substr(start, i - start);
    if (word.size() >= 3 && word.size() <= 30 && is_mixed_case(word)) words_.insert(std::string(word));
  }
}

std::set<size_t> Vocabulary::edges(std::string_view text) const {
  std::set<size_t> edges;
  for (const auto& word : words_) {
    for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
      const size_t end = at + word.size();
      if (end < text.size() && is_ascii_upper(text[end])) edges.insert(end);
      if (at > 0 && text::is_ascii_alnum(text[at - 1]) && !(is_ascii_lower(text[at - 1]) && is_ascii_lower(word[0])))
        edges.insert(at);
    }
  }
  return edges;
}

bool Vocabulary::spans(std::string_view text, size_t pos) const {
  for (const auto& word : words_) {
    // Every place in `word` that could line up with the boundary at `pos`.
    for (size_t k = 1; k < word.size(); ++k) {
      if (k > pos || pos - k + word.size() > text.size()) continue;
      if (text.compare(pos - k, word.size(), word) == 0) return true;
    }
  }
  return false;
}

std::vector<std::string> split_run_together(std::string_view text, const Vocabulary& vocabulary) {
  std::vector<std::string> items;
  // "RabbitMQCAP Theorem", "CDNOAuth2": known words end and start items.
  const std::set<size_t> known_edges = vocabulary.edges(text);
  int depth = 0;
  size_t start = 0;
  size_t word_start = 0;  // where the current word began
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') depth = depth > 0 ? depth - 1 : 0;
    if (c == ' ' || c == '/' || c == '-') word_start = i + 1;
    if (i == 0 || depth > 0) continue;
    const char before = text[i - 1];
    bool cut = false;
    if (known_edges.count(i)) {
      cut = true;
    } else if (before == ')' && is_letter(c) && i + 1 < text.size() && is_ascii_upper(text[i + 1])) {
      cut = true;  // "(CRDTs)gRPC"
    } else if (is_digit(c) && is_ascii_lower(before) && i - word_start >= 2) {
      // "Blameless Post-Mortem5 Whys": a number that starts the next item.
      size_t end = i;
      while (end < text.size() && is_digit(text[end])) ++end;
      cut = end + 1 < text.size() && text[end] == ' ' && is_ascii_upper(text[end + 1]);
    } else if (!is_ascii_upper(c)) {
      continue;
    } else if (is_ascii_lower(before)) {
      // "PatternAPI", but not "gRPC" or "iOS": one lower-case letter is a prefix, not a word.
      cut = i - word_start >= 2;
    } else if (before == ')') {
      cut = true;
    } else if (before == '.') {
      // "business impact).Leadership", "impact.Leadership", but not "e.g.X"
      cut = i >= 2 && (is_letter(text[i - 2]) || text[i - 2] == ')') && !(i >= 4 && text.substr(i - 4, 4) == "e.g.") &&
            !(i >= 4 && text.substr(i - 4, 4) == "i.e.");
    } else if (is_ascii_upper(before)) {
      // "CDNKafka", "RPCApache": an acronym of two or more letters, then a capitalised word.
      size_t run = 0;
      while (run < i - word_start && is_ascii_upper(text[i - 1 - run])) ++run;
      cut = run >= 2 && i + 1 < text.size() && is_ascii_lower(text[i + 1]);
    } else if (is_digit(before)) {
      // "OAuth2OpenID", "OWASP Top 10Supply Chain Security"
      cut = i + 1 < text.size() && is_ascii_lower(text[i + 1]);
    }
    if (!cut || vocabulary.spans(text, i)) continue;
    std::string item = text::trim(text.substr(start, i - start));
    if (!item.empty()) items.push_back(std::move(item));
    start = i;
    word_start = i;
  }
  std::string last = text::trim(text.substr(start));
  if (!last.empty()) items.push_back(std::move(last));
  return items;
}

std::vector<std::string> split_list_line(std::string_view text, bool commas, const Vocabulary& vocabulary) {
  std::vector<std::string> pieces;
  std::string current;
  int depth = 0;
  auto flush = [&] {
    for (auto& item : split_run_together(current, vocabulary)) pieces.push_back(std::move(item));
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') depth = depth > 0 ? depth - 1 : 0;
    const bool bullet = text.compare(i, 3, "\xE2\x80\xA2") == 0;  // •
    const bool middot = text.compare(i, 2, "\xC2\xB7") == 0;      // ·
    if (depth == 0 && (c == ';' || c == '|' || (commas && c == ',') || bullet || middot)) {
      flush();
      if (bullet) i += 2;
      if (middot) i += 1;
      continue;
    }
    current += c;
  }
  flush();
  return pieces;
}

std::optional<std::pair<std::string, std::string>> split_definition(const std::string& text) {
  size_t at = std::string::npos, width = 0;
  for (const std::string separator : {": ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const size_t found = text.find(separator);
    if (found != std::string::npos && found < at) {
      at = found;
      width = separator.size();
    }
  }
  if (at == std::string::npos || at == 0 || at > 70) return std::nullopt;
  std::string term = text::trim(text.substr(0, at));
  if (term.size() >= 2 && (term.front() == '"' || term.front() == '\'') && term.back() == term.front())
    term = term.substr(1, term.size() - 2);
  const std::string definition = text::trim(std::string_view(text).substr(at + width));
  const auto words = [](const std::string& s) { return 1 + std::count(s.begin(), s.end(), ' '); };
  if (term.empty() || words(term) > 8 || term.find('?') != std::string::npos || term.starts_with("http")) return std::nullopt;
  if (words(definition) < 3) return std::nullopt;
  return std::make_pair(term, definition);
}

}  // namespace rehearse::guide
