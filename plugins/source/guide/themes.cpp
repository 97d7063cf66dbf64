#include "themes.h"

#include <algorithm>
#include <utility>

#include "text_util.h"

namespace rehearse::guide {

namespace {

struct Theme {
  const char* name;
  std::vector<const char*> cues;  // word beginnings: "migrat" matches migrate, migration
};

const std::vector<Theme>& themes() {
  static const std::vector<Theme> list = {
      {"incident", {"incident", "outage", "on-call", "on call", "production issue", "postmortem", "post-mortem", "pager",
                    "firefight", "downtime", "crisis", "critical system failure", "sev1", "sev-1"}},
      {"performance", {"performance", "latency", "slow", "optimiz", "optimise", "optimisation", "throughput", "p99", "p95", "bottleneck",
                       "response time", "speed up"}},
      {"scaling", {"scal", "growth", "traffic", "high load", "capacity", "10x", "concurrent users"}},
      {"design", {"design", "architect", "data model", "schema", "system design", "api design"}},
      {"migration", {"migrat", "legacy", "monolith", "rewrite", "re-platform", "replatform", "decompos", "modernization",
                     "modernisation", "technology stack"}},
      {"reliability", {"reliab", "uptime", "availability", "resilien", "fault toleran", "failover", "disaster recovery",
                       "redundan", "stability"}},
      {"observability", {"observab", "monitoring", "logging", "tracing", "alerting", "dashboard", "telemetry"}},
      {"tradeoff", {"trade-off", "tradeoff", "trade off", "balance", "versus", "compromise", "technical debt"}},
      {"disagreement", {"disagree", "conflict", "push back", "pushback", "pushed back", "difficult stakeholder",
                        "difficult team member", "convinc", "persuad", "advocate", "didn't initially support"}},
      {"mentoring", {"mentor", "junior", "coach", "onboard", "teach", "knowledge sharing", "upskill"}},
      {"failure", {"mistake", "fail", "setback", "went wrong", "bad news", "regret"}},
      {"leadership", {"lead", "led", "leadership", "spearhead", "took charge", "drove", "initiative", "influence"}},
      {"collaboration", {"collaborat", "cross-team", "cross-functional", "teamwork", "team member", "work with",
                         "worked with", "coordinat", "partner"}},
      {"prioritization", {"prioriti", "deadline", "time management", "time pressure", "tight timeline", "competing",
                          "limited resources", "urgent"}},
      {"ambiguity", {"ambigu", "unclear", "uncertain", "adapt", "new technology", "learn a new", "learn quickly",
                     "changing requirements"}},
      {"feedback", {"feedback", "criticism", "critique", "code review"}},
      {"ownership", {"ownership", "owned", "responsib", "accountab", "proactive", "above and beyond"}},
      {"communication", {"communicat", "non-technical", "status update", "stakeholder", "bad news", "presentation"}},
  };
  return list;
}

// Occurrences of `cue` at the start of a word of `text` (both lower case). Cues of three letters
// or fewer ("led", "p99") must be whole words; longer ones are word beginnings.
int count_cue(const std::string& text, std::string_view cue) {
  int count = 0;
  for (size_t at = text.find(cue); at != std::string::npos; at = text.find(cue, at + 1)) {
    const size_t end = at + cue.size();
    const bool starts_word = at == 0 || !text::is_ascii_alnum(text[at - 1]);
    const bool ends_word = end >= text.size() || !text::is_ascii_alnum(text[end]);
    if (starts_word && (cue.size() > 3 || ends_word)) ++count;
  }
  return count;
}

}  // namespace

std::vector<std::string> infer_themes(std::string_view title, std::string_view labels, std::string_view body) {
  // Category labels such as "conflict_resolution" or "time_management" read as words.
  std::string label_text = text::lower(labels);
  std::replace(label_text.begin(), label_text.end(), '_', ' ');
  const std::string title_text = text::lower(title), body_text = text::lower(body);
  std::vector<std::pair<int, const char*>> scored;
  for (const auto& theme : themes()) {
    int strong = 0, weak = 0;
    for (const char* cue : theme.cues) {
      strong += count_cue(title_text, cue) + count_cue(label_text, cue);
      // A category glued to the next word ("leadershipsenior level") still names the theme.
      if (label_text.find(cue) != std::string::npos && count_cue(label_text, cue) == 0 && std::string_view(cue).size() > 5)
        ++strong;
      weak += count_cue(body_text, cue);
    }
    // Mentions in the body alone count only when there are several.
    if (strong == 0 && weak < 4) continue;
    scored.emplace_back(3 * strong + std::min(weak, 4), theme.name);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && i < 3; ++i) out.emplace_back(scored[i].second);
  return out;
}

}  // namespace rehearse::guide
