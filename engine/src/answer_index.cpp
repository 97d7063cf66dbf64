// Finding a phrase in an answer: by stems, in any order, close together in one sentence,
// forgiving small typos, and with its polarity: a negated mention does not say a thing, and a
// thing that is itself a lack ("missing index") is said only by a negated mention.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>
#include <string>
#include <vector>
#include <unordered_map>
#include <unordered_set>

#include "clause_mark.h"
#include "rehearse/text.h"

namespace rehearse {

namespace {

// A quick "certainly not in the table" for the two tables below, which every word of an answer
// and of each term is looked up in: most words are in neither, and a test of their first byte and
// length costs less than hashing them.
class QuickReject {
 public:
  void add(std::string_view word) {
    if (!word.empty()) lengths_[static_cast<unsigned char>(word.front())] |= bit(word.size());
  }
  bool may_hold(std::string_view word) const {
    return !word.empty() && (lengths_[static_cast<unsigned char>(word.front())] & bit(word.size())) != 0;
  }

 private:
  static std::uint64_t bit(std::size_t length) { return std::uint64_t{1} << std::min<std::size_t>(length, 63); }
  std::array<std::uint64_t, 256> lengths_{};
};

// "Verification" and "verify", "notification" and "notify", "failure" and "fail" are one word to a
// reader, though Snowball leaves their stems apart ("verif" and "verifi", "failur" and "fail"): the
// stem without its last "i" or "ur" stands for both. (Kept per thread, so that the reference
// returned stays valid however many indexes the thread builds.)
const std::string& word_family(const std::string& stem_of_word) {
  const bool i_end = stem_of_word.size() >= 5 && stem_of_word.back() == 'i';
  const bool ur_end = stem_of_word.size() >= 6 && stem_of_word.ends_with("ur");
  if (!i_end && !ur_end) return stem_of_word;
  thread_local std::unordered_map<std::string, std::string> families;
  auto it = families.find(stem_of_word);
  if (it == families.end()) it = families.emplace(stem_of_word, stem_of_word.substr(0, stem_of_word.size() - (i_end ? 1 : 2))).first;
  return it->second;
}

// Words engineers use for one another, compared by stem: general English of the trade, not the
// wording of any topic, so that "we reverted the release" says "roll back the release" and "users"
// says "customers". A group's first word stands for it; "a+b" is two words an answer may also
// write as one ("roll back", "rollback"). Kept small on purpose: each pair must mean the same in
// any engineering answer ("release" is left out: it is also what a lock does).
const std::string& canonical(const std::string& stem_of_word) {
  static QuickReject known;
  static const std::unordered_map<std::string, std::string> groups = [] {
    static const std::vector<std::vector<std::string_view>> kGroups = {
        {"revert", "roll+back", "undo", "back+out"}, {"remove", "delete", "drop"},
        {"customer", "user", "client"},           {"outage", "incident", "downtime"},
        {"latency", "response+time"},             {"alert", "page", "alarm"},
        {"throttle", "rate+limit"},               {"replica", "follower"},
        {"shard", "partition"},                   {"recur", "repeat"},
        {"fix", "resolve"},                       {"problem", "issue"},
        {"begin", "start"},                       {"fast", "quick"},
        {"check", "verify", "validate"},          {"limit", "cap"},
        {"duplicate", "dupe"},                    {"expire", "expiry"},
        {"config", "setting"},                    {"incremental", "gradual", "phased", "staged"},
        {"ownership", "responsibility"},          {"transient", "temporary", "intermittent"},
        {"feature+flag", "toggle"},               {"measure", "quantify"},
        {"metric", "measurement"},
        // Small numbers as words or digits: "3 people" is "a three-person rotation".
        {"two", "2"}, {"three", "3"}, {"four", "4"}, {"five", "5"}, {"six", "6"}, {"seven", "7"}, {"eight", "8"},
        {"nine", "9"}, {"ten", "10"}, {"eleven", "11"}, {"twelve", "12"}};
    std::unordered_map<std::string, std::string> map;
    for (const auto& group : kGroups) {
      std::string head;
      for (std::string_view word : group) {
        std::string joined;
        for (char c : word)
          if (c != '+') joined += c;
        std::string s = word_family(stem(spell_out(joined)));
        if (head.empty()) head = s;
        known.add(s);
        map.emplace(std::move(s), head);
      }
    }
    return map;
  }();
  const std::string& family = word_family(stem_of_word);
  if (!known.may_hold(family)) return family;
  const auto it = groups.find(family);
  return it == groups.end() ? family : it->second;
}

// A thesaurus of engineering English, compared by stem: words that say the same thing about a
// system in any answer, whatever the topic. Unlike the table above, a word may belong to several
// groups ("drop" lowers a value and removes a thing; "track" watches and records), so it is a
// relation, not a renaming: two words match when they share a group. The groups are the verbs
// and nouns engineers reach for when they avoid the term a deck uses ("drop the TTL" for "lower
// the TTL", "keep 30% spare" for "headroom", "chart the wait" for "monitor the wait"). Each group
// is one sense; a word with another common sense that would match wrongly is left out.
const std::vector<std::vector<std::string_view>>& thesaurus_groups() {
  static const std::vector<std::vector<std::string_view>> kGroups = {
      // change of a value
      {"lower", "reduce", "cut", "shorten", "drop", "decrease", "shrink", "trim", "lessen", "minimize", "fewer"},
      {"raise", "increase", "bump", "boost", "lengthen", "grow", "expand", "extend"},
      {"restore", "reset", "return", "revert"},
      // watching a system
      {"monitor", "watch", "track", "chart", "graph", "observe", "dashboard"},
      {"alert", "alarm", "page", "notify", "warn"},
      {"log", "audit", "journal", "trail", "history"},
      {"measure", "metric", "quantify", "benchmark", "baseline"},
      // room to spare
      {"headroom", "buffer", "spare", "margin", "slack", "room", "leeway"},
      {"free", "spare", "unused", "available"},
      // failure and surviving it
      {"lose", "loss", "fail", "failure", "die", "crash"},
      {"survive", "tolerate", "withstand", "handle"},
      {"exhaust", "starve", "saturate", "deplete"},
      {"reject", "refuse", "shed", "drop", "deny", "decline", "turn+away"},
      {"lose", "loss", "discard", "throw+away"},
      {"exhaust", "run+out", "use+up"},
      {"retry", "redeliver", "redelivery", "resend"},
      {"replay", "reprocess", "redrive", "rerun"},
      {"ignore", "disregard", "skip", "overlook"},
      {"old", "previous", "earlier", "prior", "former"},
      {"migrate", "migration", "transition", "cutover", "switch+over", "cut+over"},
      {"announce", "publish", "communicate", "notify", "inform"},
      {"correlate", "correlation", "coincide", "line+up"},
      {"restrict", "limit", "constrain", "lock+down"},
      {"stop", "halt", "block", "stall", "freeze", "pause"},
      {"disable", "turn+off", "switch+off", "deactivate"},
      {"enable", "turn+on", "switch+on", "activate"},
      // removing and cleaning up
      {"remove", "delete", "purge", "prune", "discard", "clean", "clear", "reclaim", "evict"},
      // Not "expired": certificates, tokens and backups expire without being stale data.
      {"stale", "outdated", "obsolete", "dead", "leftover", "orphaned"},
      {"change", "flip", "toggle", "switch", "modify", "alter", "evolve"},
      {"separate", "isolate", "distinct", "dedicated", "apart", "split"},
      // planning and estimating
      {"forecast", "projection", "predict", "estimate", "extrapolate"},
      {"peak", "busiest", "highest", "maximum", "max"},
      {"limit", "cap", "ceiling", "quota", "bound", "maximum", "max"},
      {"grow", "growth", "swell", "bloat", "balloon"},
      {"slow", "sluggish", "lag", "laggy", "delay", "delayed"},
      {"priority", "prioritize", "critical", "important", "essential"},
      {"need", "require", "want"},
      {"early", "ahead", "advance", "beforehand", "upfront"},
      // people and documents
      {"document", "documentation", "doc", "guide", "runbook", "playbook", "handbook", "readme", "write+down"},
      {"mentor", "buddy", "coach", "pair"},
      {"owner", "own", "ownership", "responsible", "accountable"},
      {"expectation", "goal", "objective", "target", "milestone"},
      {"review", "retrospective", "retro", "postmortem"},
      // Not "weekly" or "monthly": their stems are "week" and "month", so "in six months" would
      // say "regular".
      {"regular", "recurring", "periodic"},
  };
  return kGroups;
}

// The groups of the thesaurus a stem belongs to (indices into thesaurus_groups()), sorted.
const std::vector<int>& thesaurus_senses(const std::string& stem_of_word) {
  static QuickReject known;
  static const std::unordered_map<std::string, std::vector<int>> senses = [] {
    std::unordered_map<std::string, std::vector<int>> map;
    const auto& groups = thesaurus_groups();
    for (std::size_t g = 0; g < groups.size(); ++g) {
      for (std::string_view word : groups[g]) {
        std::string joined;
        for (char c : word)
          if (c != '+') joined += c;
        const std::string s = stem(spell_out(joined));
        known.add(s);
        auto& list = map[s];
        if (list.empty() || list.back() != static_cast<int>(g)) list.push_back(static_cast<int>(g));
      }
    }
    return map;
  }();
  static const std::vector<int> none;
  if (!known.may_hold(stem_of_word)) return none;
  const auto it = senses.find(stem_of_word);
  return it == senses.end() ? none : it->second;
}

bool share_sense(const std::vector<int>& a, const std::vector<int>& b) {
  for (int x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  return false;
}

bool has_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether `typed` is `wanted` with a typo: same first letter, long enough that one slip (two in
// long words) cannot turn it into another common word, and never in numbers ("p95" is not "p99").
bool typo_of(const std::string& typed, const std::string& wanted) {
  const std::size_t shorter = std::min(typed.size(), wanted.size());
  if (shorter < 6 || typed.front() != wanted.front() || has_digit(typed) || has_digit(wanted)) return false;
  const int limit = shorter >= 10 ? 2 : 1;
  return edit_distance(typed, wanted, limit) <= limit;
}

// Words that open a phrase naming an absence.
const std::unordered_set<std::string_view> kLackOpeners = {"no", "missing", "lack", "lacking", "without", "absence", "absent",
                                                           "zero", "not", "never", "none", "skipping", "skipped", "don't",
                                                           "doesn't", "didn't", "can't", "cannot", "won't", "shouldn't", "mustn't"};

// Words in a term that make it a negation of its own ("avoid data loss", "ship without tests"):
// such a term is looked for whatever the polarity of the answer's words.
bool names_a_negation(std::string_view word) {
  static const std::unordered_set<std::string_view> words = {"no", "not", "never", "without", "avoid", "avoiding", "prevent",
                                                             "preventing", "instead", "rather", "nor", "none", "nothing"};
  return words.count(word) > 0 || word.ends_with("n't");
}

// A word of a deck's text in capitals ("CQRS", "MTTR", "SLO"): an acronym, a term of the art.
bool is_acronym(std::string_view original) {
  int letters = 0;
  for (char c : original) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// How far apart (in words) the first and last word of a term may stand and still say it.
int max_span(const Term& term) { return std::max(4, 2 * static_cast<int>(term.words.size())); }

// The particle of a phrasal verb at word `verb` said around its object, "switched it off",
// "turned the flag off", "rolled the release back": the particle's index, when the words between
// are a pronoun, or determiners and one noun, or "back"; else 0.
std::size_t particle_after_object(const AnswerText& text, const std::vector<std::string>& words, std::size_t verb) {
  static const std::unordered_set<std::string_view> particles = {"off", "on", "back", "down", "up", "out", "over", "away"};
  static const std::unordered_set<std::string_view> small = {"it", "them", "this", "that", "these", "those", "everything", "the", "a",
                                                             "an", "its", "their", "our", "my", "his", "her", "back"};
  const auto& all = text.words();
  if (is_stop_word(words[verb]) || particles.count(words[verb])) return 0;
  int nouns = 0;
  for (std::size_t k = verb + 1; k < words.size() && k <= verb + 4 && all[k].sentence == all[verb].sentence; ++k) {
    if (clause_mark(std::string_view(text.text()).substr(all[k - 1].end, all[k].begin - all[k - 1].end))) return 0;
    if (particles.count(words[k]) && k > verb + 1 && !(words[k] == "back" && k + 1 < words.size() && particles.count(words[k + 1])))
      return k;
    if (small.count(words[k])) continue;
    if (is_stop_word(words[k]) || ++nouns > 1) return 0;
  }
  return 0;
}

// Whether words [first, end) put steps in order ("then refunds", "lowest risk first").
bool orders_steps(const std::vector<Word>& words, int first, int end) {
  static const std::unordered_set<std::string_view> order = {"then", "first", "next", "finally", "last", "later", "afterwards"};
  for (int i = first; i < end; ++i)
    if (order.count(words[static_cast<std::size_t>(i)].text)) return true;
  return false;
}

// The items of a bare list ("incident commander, stop the bleeding, status page, dashboards,
// metrics"): someone reciting terms rather than saying what they did with them. A list is a run of
// at least three clauses (split at commas, semicolons, colons) that are each short — at most three
// words per item, where "and"/"or" may join two items — and hold four or more items in all; a
// clause that ends in a colon labels what follows and is no item. The
// introducing clause's last content words ("I'd design it with token bucket, leaky bucket, ...")
// are the list's first item. Three items ("timeouts, connection resets, 429s and 5xx" after "I
// only retry") are an ordinary sentence, so the threshold sits above that.
std::vector<bool> bare_list_words(const AnswerText& text) {
  constexpr int kItemWords = 3, kMinClauses = 3, kMinItems = 4;
  const auto& words = text.words();
  std::vector<bool> listed(words.size(), false);
  struct Clause {
    int first, end;  // word indices [first, end)
    int items;       // 0 when the clause is too long to be a list item
  };
  const std::string_view raw = text.text();
  for (const auto& sentence : text.sentences()) {
    std::vector<Clause> clauses;
    for (int i = sentence.first_word; i < sentence.end_word; ++i) {
      const bool starts = i == sentence.first_word ||
                          clause_mark(raw.substr(words[static_cast<std::size_t>(i) - 1].end,
                                                 words[static_cast<std::size_t>(i)].begin - words[static_cast<std::size_t>(i) - 1].end));
      if (starts) clauses.push_back({i, i + 1, 0});
      else clauses.back().end = i + 1;
    }
    for (auto& clause : clauses) {
      int items = 1, item_words = 0;
      bool short_items = true;
      for (int i = clause.first; i < clause.end; ++i) {
        const std::string& w = words[static_cast<std::size_t>(i)].text;
        if (w == "and" || w == "or") {
          if (item_words > 0 && i > clause.first) ++items;
          item_words = 0;
          continue;
        }
        if (w != "%" && w != "$" && ++item_words > kItemWords) short_items = false;
      }
      // "lowest risk first, reporting reads, then refunds": steps in order are a plan, not terms.
      clause.items = short_items && items <= 2 && !orders_steps(words, clause.first, clause.end) ? items : 0;
      // A clause ending in a colon labels what follows: "SEV3: limited impact; SEV4: internal
      // only" defines its terms, it does not recite them.
      if (clause.end < sentence.end_word) {
        const auto& last = words[static_cast<std::size_t>(clause.end) - 1];
        if (raw.substr(last.end, words[static_cast<std::size_t>(clause.end)].begin - last.end).find(':') != std::string_view::npos)
          clause.items = 0;
      }
    }
    for (std::size_t c = 0; c < clauses.size();) {
      std::size_t end = c;
      int items = 0;
      while (end < clauses.size() && clauses[end].items > 0) items += clauses[end++].items;
      if (static_cast<int>(end - c) >= kMinClauses && items >= kMinItems) {
        for (std::size_t k = c; k < end; ++k)
          for (int i = clauses[k].first; i < clauses[k].end; ++i) listed[static_cast<std::size_t>(i)] = true;
        if (c > 0) {  // the introducing clause's trailing content words
          for (int i = clauses[c - 1].end - 1, taken = 0; i >= clauses[c - 1].first && taken < kItemWords; --i, ++taken) {
            if (is_stop_word(words[static_cast<std::size_t>(i)].text)) break;
            listed[static_cast<std::size_t>(i)] = true;
          }
        }
      }
      c = end == c ? c + 1 : end;
    }
  }
  return listed;
}

}  // namespace

std::optional<Term> Term::parse(std::string_view text, Strictness strictness) {
  const AnswerText parsed{std::string(text)};
  const auto& all_words = parsed.words();
  if (all_words.empty()) return std::nullopt;
  Term term;
  term.text = std::string(text);
  std::size_t start = 0;
  // A point that says what it is by what it is not ("Specific behaviour, not personality", "False
  // positives but no false negatives", "Incremental refactoring rather than a rewrite") is said by
  // its first part: the rest names the opposite, which an answer must not be credited for saying.
  std::size_t end = all_words.size();
  if (strictness == Strictness::key_point) {
    int content = 0;
    for (std::size_t i = 1; i < all_words.size() && end == all_words.size(); ++i) {
      content += is_stop_word(all_words[i - 1].text) ? 0 : 1;
      const std::string& w = all_words[i].text;
      const auto gap = std::string_view(parsed.text()).substr(all_words[i - 1].end, all_words[i].begin - all_words[i - 1].end);
      const bool denied_after_comma = (w == "not" || w == "never" || w == "no") && gap.find(',') != std::string_view::npos;
      const bool but_not = all_words[i - 1].text == "but" && (w == "not" || w == "never" || w == "no");
      const bool rather = (w == "rather" && i + 1 < all_words.size() && all_words[i + 1].text == "than") ||
                          (w == "instead" && i + 1 < all_words.size() && all_words[i + 1].text == "of");
      if ((denied_after_comma || but_not || rather) && content - (but_not ? 1 : 0) >= 2) end = but_not ? i - 1 : i;
    }
  }
  // ("Zero-downtime reindex", "Zero-trust networking": a property joined to "zero-" is no lack.)
  if (strictness == Strictness::key_point && end >= 2 && kLackOpeners.count(all_words[0].text) && !zero_compound(parsed, 0)) {
    term.lack = true;
    start = all_words[1].text == "of" && end >= 3 ? 2 : 1;
  } else if (strictness == Strictness::key_point && end >= 3 && all_words[0].text == "do" && all_words[1].text == "not") {
    term.lack = true;  // "Do not page on CPU"
    start = 2;
  }
  // A point that states a lack in the middle ("Consumer was not idempotent", "Alerts were never
  // tested", "Readers do not block writers", "Connection not closed") or as "non-" ("non-idempotent
  // consumer") is a lack too.
  if (strictness == Strictness::key_point && !term.lack) {
    static const std::unordered_set<std::string_view> auxiliaries = {"is", "are", "was", "were", "been", "do", "does", "did", "can",
                                                                     "could", "must", "should", "will", "would", "may", "might"};
    for (std::size_t i = 1; i + 1 < end; ++i) {
      const std::string& w = all_words[i].text;
      const std::string& before = all_words[i - 1].text;
      const bool denied = (w == "not" || w == "never") && (auxiliaries.count(before) || !is_stop_word(before));
      if (denied || w.ends_with("n't") || w == "cannot") term.lack = true;
    }
    // "Non-goals" and "non-negotiables" are things of their own, named by one word; "non-" before
    // a property ("non-idempotent") denies it.
    if (all_words[0].text == "non" && all_words.size() >= 2 && !all_words[1].text.ends_with("s")) {
      term.lack = true;
      start = 1;
    }
  }
  bool negation_inside = false;
  std::vector<std::string> all;
  std::vector<bool> technical;
  for (std::size_t i = start; i < end; ++i) {
    const Word& word = all_words[i];
    if (word.text == "non" && i + 1 < end && all_words[i + 1].text.ends_with("s")) {
      all.push_back("non" + all_words[i + 1].text);  // "non-goals": one word, "nongoals"
      technical.push_back(true);                      // never an everyday word
      ++i;
      continue;
    }
    all.push_back(spell_out(word.text));
    negation_inside = negation_inside || names_a_negation(word.text);
    const std::string_view original = std::string_view(parsed.text()).substr(word.begin, word.end - word.begin);
    technical.push_back(is_acronym(original) || has_digit(word.text) || !is_ordinary_word(all.back()));
  }
  // The content words, each stem once; whether any of them is a term of the art.
  bool any_technical = false;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (is_stop_word(all[i])) continue;
    std::string s = stem(all[i]);
    if (std::find(term.stems.begin(), term.stems.end(), s) != term.stems.end()) continue;
    term.words.push_back(all[i]);
    term.stems.push_back(std::move(s));
    term.technical.push_back(technical[i]);
    any_technical = any_technical || technical[i];
  }
  (void)negation_inside;
  for (std::size_t j = 0; j + 1 < term.words.size(); ++j) term.joined.push_back(stem(term.words[j] + term.words[j + 1]));
  if (term.words.empty()) {
    // Only stop words ("Own it", "Why not?"): the phrase itself, word for word. One such word
    // alone ("I", "about", "most") is in nearly every answer, so it never counts.
    auto phrase = Term::phrase(std::string_view(text).substr(all_words[start].begin, all_words[end - 1].end - all_words[start].begin));
    if (phrase) {
      phrase->lack = term.lack;
      if (phrase->words.size() < 2) phrase->usable = false;
    }
    return phrase;
  }
  const int k = static_cast<int>(term.words.size());
  if (!any_technical && k == 1) {
    // One ordinary word: "off-peak" and "go no-go" still mean something as a whole phrase; "data"
    // or "option" alone never does.
    if (all.size() >= 2 && !term.lack) {
      auto phrase = Term::phrase(std::string_view(text).substr(all_words[start].begin, all_words[end - 1].end - all_words[start].begin));
      if (phrase) phrase->text = term.text;
      return phrase;
    }
    if (!term.lack) term.usable = false;
  }
  // Two thirds of a key point's words (two of three, three of four); a long one (five or more) is
  // rarely said word for word ("Stabilise first, then find the root cause" is said as "stabilised
  // it first, the root cause came later"), so half of them, rounded up, say it. Half of four is
  // too few: "kept the stakeholders happy" is not "keep stakeholders updated on a cadence".
  if (strictness == Strictness::key_point)
    term.needed = k <= 2 ? k : k <= 4 ? (2 * k + 2) / 3 : (k + 1) / 2;
  else
    term.needed = k <= 3 ? k : (3 * k + 3) / 4;
  // Ordinary words say a thing only together: a longer term of them needs one more.
  if (!any_technical && k >= 3) term.needed = std::min(k, term.needed + 1);
  return term;
}

std::optional<Term> Term::phrase(std::string_view text) {
  const AnswerText parsed{std::string(text)};
  Term term;
  term.text = std::string(text);
  term.exact_phrase = true;
  for (const auto& word : parsed.words()) {
    term.words.push_back(spell_out(word.text));
    term.stems.push_back(stem(term.words.back()));
    term.technical.push_back(!is_ordinary_word(term.words.back()));
  }
  if (term.words.empty()) return std::nullopt;
  term.needed = static_cast<int>(term.words.size());
  return term;
}

AnswerIndex::AnswerIndex(const AnswerText& text) : text_(text), negation_(text) {
  const auto& words = text.words();
  words_.reserve(words.size());
  stems_.reserve(words.size());
  for (const auto& word : words) {
    words_.push_back(spell_out(word.text));
    stems_.push_back(rehearse::stem(words_.back()));
    canon_.push_back(canonical(stems_.back()));
  }
  // A verb and its particle written as one word name the thing the verb does ("failed over" is a
  // failover, "timed out" a timeout, "threw away" throws away): the verb is joined in its base
  // form, its stem, as well as as typed ("logged" + "in" is "login", "roll" + "back" "rollback"),
  // and over its object ("switched it off", "turned the flag off", "rolled them back").
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool next = i + 1 < words.size() && words[i].sentence == words[i + 1].sentence;
    joined_.push_back(next ? rehearse::stem(words_[i] + words_[i + 1]) : std::string());
    joined_.push_back(next ? rehearse::stem(stems_[i] + words_[i + 1]) : std::string());
    const std::size_t particle = particle_after_object(text, words_, i);
    joined_.push_back(particle > 0 ? rehearse::stem(stems_[i] + words_[particle]) : std::string());
  }
  listed_ = bare_list_words(text);
  clause_.assign(words.size(), 0);
  for (std::size_t i = 1; i < words.size(); ++i) {
    const bool boundary = words[i].sentence != words[i - 1].sentence ||
                          clause_mark(std::string_view(text.text()).substr(words[i - 1].end, words[i].begin - words[i - 1].end));
    clause_[i] = clause_[i - 1] + (boundary ? 1 : 0);
  }
}

bool AnswerIndex::is_content(int i) const { return !is_stop_word(words_[static_cast<std::size_t>(i)]); }

bool AnswerIndex::same_word(const Term& term, std::size_t j, std::size_t i) const {
  if (stems_[i] == term.stems[j]) return true;
  // A word of the trade with the same meaning ("reverted" for "roll back", "users" for "customers").
  if (canon_[i] == canonical(term.stems[j])) return true;
  // A word of the thesaurus with the same sense ("dropped" for "lower", "spare" for "headroom").
  if (share_sense(thesaurus_senses(stems_[i]), thesaurus_senses(term.stems[j]))) return true;
  return typo_of(words_[i], term.words[j]);
}

bool AnswerIndex::allowed(int word, Polarity polarity) const {
  switch (polarity) {
    case Polarity::any: return true;
    case Polarity::positive: return !negation_.negated(word);
    case Polarity::negative: return negation_.negated(word) || negation_.is_trigger(word - 1);
  }
  return true;
}

AnswerIndex::Polarity AnswerIndex::polarity_of(const Term& term) {
  bool own_negation = false;
  for (const auto& word : term.words) own_negation = own_negation || names_a_negation(word);
  return term.lack ? Polarity::negative : own_negation ? Polarity::any : Polarity::positive;
}

TermMatch AnswerIndex::find(const Term& term) const { return find(term, polarity_of(term)); }

TermMatch AnswerIndex::find_weighted(const Term& term, const std::vector<double>& weights) const {
  return find(term, polarity_of(term), &weights);
}

TermMatch AnswerIndex::find_spread(const Term& term, const std::vector<double>& weights) const {
  return find(term, polarity_of(term), &weights, true);
}

TermMatch AnswerIndex::find_anywhere(const Term& term) const { return find(term, Polarity::any); }

TermMatch AnswerIndex::find_denied_after(const Term& term, int word) const {
  if (!term.usable || term.lack) return {};
  // A denied mention holds a negated word with the stem of one of the term's words: most answers
  // have none after a given word, and then the full search is not needed.
  bool any_denied = false;
  for (int i = word + 1; i < static_cast<int>(words_.size()) && !any_denied; ++i) {
    if (!negation_.negated(i)) continue;
    for (std::size_t j = 0; j < term.stems.size() && !any_denied; ++j)
      any_denied = stems_[static_cast<std::size_t>(i)] == term.stems[j] || canon_[static_cast<std::size_t>(i)] == canonical(term.stems[j]);
  }
  if (!any_denied) return {};
  const TermMatch match = find(term, Polarity::any, nullptr, false, word + 1);
  if (!match.complete(term)) return {};
  // The denial is of the thing itself, just before it: "we never built the circuit breaker", "no
  // dead letter queue". (Not "nobody watched the depth of the dead letter queue", a denial of
  // something else done with it.)
  static const std::unordered_set<std::string_view> between = {
      "a", "an", "the", "any", "our", "one", "had", "have", "has", "having", "got", "get", "build", "built", "add", "added", "set",
      "up", "really", "actually", "ever", "even", "use", "used", "implement", "implemented", "introduce", "introduced", "did",
      "do", "write", "wrote", "written", "put", "configure", "configured", "enable", "enabled", "create", "created", "adopt",
      "adopted", "bother", "bothered", "with", "proper", "real", "single", "such", "yet", "there", "was", "were", "is", "are"};
  const auto& words = text_.words();
  const auto negated_here = [&] { return negation_.negated(match.first) || negation_.negated(match.last); };
  for (int t = match.first - 1; t >= 0 && t >= match.first - 5; --t) {
    if (words[static_cast<std::size_t>(t)].sentence != words[static_cast<std::size_t>(match.first)].sentence) break;
    if (negation_.is_trigger(t)) return negated_here() ? match : TermMatch{};
    if (!between.count(words[static_cast<std::size_t>(t)].text)) break;
  }
  // Or just after it, denying that it was made or was there: "... and the circuit breaker was
  // never built", "the runbook never existed". (Not "the runbook was not needed that night".)
  static const std::unordered_set<std::string_view> made = {
      "built", "written", "finished", "configured", "implemented", "created", "added", "set", "done", "enabled", "deployed",
      "installed", "made", "shipped", "introduced", "adopted", "exist", "existed", "happen", "happened", "there", "in",
      "materialised", "materialized", "delivered", "started", "used", "ticketed", "prioritised", "prioritized", "approved",
      "merged", "funded", "scheduled", "turned", "wired", "tested", "run", "held", "booked"};
  const int count = static_cast<int>(words.size());
  for (int t = match.last + 1; t < count && t <= match.last + 3; ++t) {
    if (words[static_cast<std::size_t>(t)].sentence != words[static_cast<std::size_t>(match.last)].sentence) break;
    if (negation_.is_trigger(t)) {
      int verb = t + 1;
      while (verb < count && verb <= t + 3 && between.count(words[static_cast<std::size_t>(verb)].text) &&
             !made.count(words[static_cast<std::size_t>(verb)].text))
        ++verb;
      const bool denies_making = verb < count && made.count(words[static_cast<std::size_t>(verb)].text) > 0;
      return denies_making && negated_here() ? match : TermMatch{};
    }
    if (!between.count(words[static_cast<std::size_t>(t)].text)) break;
  }
  return {};
}

TermMatch AnswerIndex::find(const Term& term, Polarity polarity, const std::vector<double>* weights, bool spread, int first_word) const {
  if (!term.usable) return {};
  if (term.exact_phrase) return find_phrase(term, polarity, first_word);
  struct Hit {
    int first, last;
    std::size_t word;  // which word of the term
  };
  // The tables, looked up once per search for each word of the term and of the answer rather than
  // once for every pair of them: a search compares every word with every word.
  const std::size_t m = term.stems.size(), n = words_.size();
  std::vector<const std::string*> term_canon(m), term_joined_canon(term.joined.size());
  std::vector<const std::vector<int>*> term_senses(m);
  for (std::size_t j = 0; j < m; ++j) {
    term_canon[j] = &canonical(term.stems[j]);
    term_senses[j] = &thesaurus_senses(term.stems[j]);
  }
  for (std::size_t j = 0; j < term.joined.size(); ++j) term_joined_canon[j] = &canonical(term.joined[j]);
  // (Only the words from first_word on are searched.)
  const std::size_t from = static_cast<std::size_t>(std::max(first_word, 0));
  std::vector<const std::vector<int>*> senses(n);
  for (std::size_t i = from; i < n; ++i) senses[i] = &thesaurus_senses(stems_[i]);
  std::vector<const std::string*> joined_canon(joined_.size());
  std::vector<const std::vector<int>*> joined_senses(joined_.size());
  for (std::size_t k = 3 * from; k < joined_.size(); ++k) {
    joined_canon[k] = &canonical(joined_[k]);
    joined_senses[k] = &thesaurus_senses(joined_[k]);
  }
  const auto same = [&](std::size_t j, std::size_t i) {
    return stems_[i] == term.stems[j] || canon_[i] == *term_canon[j] || share_sense(*senses[i], *term_senses[j]) ||
           typo_of(words_[i], term.words[j]);
  };
  // Words i and i+1 written as one ("timed out" for "timeout"), as typed or with i in its base form.
  const auto same_joined = [&](std::size_t k, std::size_t j) {
    return !joined_[k].empty() && (joined_[k] == term.stems[j] || *joined_canon[k] == *term_canon[j] ||
                                   share_sense(*joined_senses[k], *term_senses[j]));
  };

  // A lack is said by a denial of one of its words, with the rest beside it whatever their
  // polarity: "no list of which certs lived where" is "no cert list" though "which" ends the
  // scope of the "no" before "certs".
  const bool relaxed_lack = polarity == Polarity::negative;
  std::vector<Hit> hits;
  for (std::size_t i = from; i < n; ++i) {
    if (listed_[i] || (!relaxed_lack && !allowed(static_cast<int>(i), polarity))) continue;
    for (std::size_t j = 0; j < m; ++j) {
      if (same(j, i))
        hits.push_back({static_cast<int>(i), static_cast<int>(i), j});
      else if (same_joined(3 * i, j) || same_joined(3 * i + 1, j))
        hits.push_back({static_cast<int>(i), static_cast<int>(i) + 1, j});
      else if (same_joined(3 * i + 2, j))
        hits.push_back({static_cast<int>(i), static_cast<int>(particle_after_object(text_, words_, i)), j});
      // Two words of the term written as one in the answer ("rollback" for "roll back",
      // "postmortem" for "post mortem", "reverted" for "roll back"): a hit for both.
      else if (j < term.joined.size() && (stems_[i] == term.joined[j] || canon_[i] == *term_joined_canon[j])) {
        hits.push_back({static_cast<int>(i), static_cast<int>(i), j});
        hits.push_back({static_cast<int>(i), static_cast<int>(i), j + 1});
      }
    }
  }
  // The window over the hits of one sentence with the most distinct words of the term, then the
  // shortest.
  TermMatch best;
  std::vector<int> count(term.stems.size(), 0);
  int distinct = 0, denials = 0;
  const auto denial = [&](const Hit& hit) { return relaxed_lack && allowed(hit.first, Polarity::negative) ? 1 : 0; };
  double weight = 0;
  const auto weight_of = [&](std::size_t j) { return weights ? (*weights)[j] : 1.0; };
  std::size_t left = 0;
  const int span = weights ? 3 * max_span(term) / 2 : max_span(term);
  const auto sentence_of = [&](int word) { return text_.words()[static_cast<std::size_t>(word)].sentence; };
  for (std::size_t right = 0; right < hits.size(); ++right) {
    denials += denial(hits[right]);
    if (count[hits[right].word]++ == 0) {
      ++distinct;
      weight += weight_of(hits[right].word);
    }
    auto drop_left = [&] {
      denials -= denial(hits[left]);
      if (--count[hits[left].word] == 0) {
        --distinct;
        weight -= weight_of(hits[left].word);
      }
      ++left;
    };
    // Weighed words may stand further apart, but then within one clause: across a comma they
    // belong to different statements.
    const auto too_far = [&] {
      const int width = hits[right].last - hits[left].first;
      if (spread) return width > 3 * span || sentence_of(hits[right].first) - sentence_of(hits[left].first) > 1;
      return width > span || sentence_of(hits[left].first) != sentence_of(hits[right].first) ||
             (width > max_span(term) && clause_[static_cast<std::size_t>(hits[left].first)] != clause_[static_cast<std::size_t>(hits[right].last)]);
    };
    while (too_far()) drop_left();
    while (left < right && count[hits[left].word] > 1) drop_left();
    int first = hits[left].first, last = hits[left].last;
    for (std::size_t h = left; h <= right; ++h) last = std::max(last, hits[h].last);
    if (polarity == Polarity::negative && describes_trouble(last)) continue;
    if (relaxed_lack && denials == 0) continue;
    // The most words (by weight, when the words are weighed), then the shortest span.
    const bool better = weights ? weight > best.weight + 1e-9 || (weight > best.weight - 1e-9 && distinct > best.found)
                                : distinct > best.found;
    const bool as_good = weights ? std::abs(weight - best.weight) < 1e-9 && distinct == best.found : distinct == best.found;
    if (better || (as_good && last - first < best.last - best.first)) {
      best.found = distinct;
      best.weight = weight;
      best.first = first;
      best.last = last;
    }
  }
  return best;
}

bool AnswerIndex::describes_trouble(int last) const {
  // "it's never an index problem" denies a problem, not the index ("it wasn't a network issue"
  // does not say there was no network): in a lack, the thing found must not be describing such a
  // noun. Other nouns after it still make a lack ("no staging data" is a lack of staging).
  static const std::unordered_set<std::string_view> troubles = {"problem", "problems", "issue", "issues", "bug", "bugs",
                                                                "fault", "faults", "thing", "question", "concern", "story"};
  const auto& words = text_.words();
  const auto next = static_cast<std::size_t>(last) + 1;
  if (next >= words.size() || words[next].sentence != words[next - 1].sentence) return false;
  return troubles.count(words[next].text) > 0;
}

TermMatch AnswerIndex::find_phrase(const Term& term, Polarity polarity, int first_word) const {
  const std::size_t k = term.stems.size();
  for (std::size_t i = static_cast<std::size_t>(std::max(first_word, 0)); i + k <= words_.size(); ++i) {
    std::size_t j = 0;
    while (j < k && !listed_[i + j] && same_word(term, j, i + j) && text_.words()[i + j].sentence == text_.words()[i].sentence) ++j;
    if (j == k && allowed(static_cast<int>(i + k - 1), polarity))
      return TermMatch{static_cast<int>(k), static_cast<int>(i), static_cast<int>(i + k - 1)};
  }
  return {};
}

}  // namespace rehearse
