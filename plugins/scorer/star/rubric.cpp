#include "rubric.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

#include "cues.h"

namespace star {

namespace {

using rehearse::AnswerText;
using rehearse::Finding;

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

const rehearse::Word& word_at(const AnswerText& text, int i) { return text.words()[static_cast<std::size_t>(i)]; }

struct WordRange {
  int from = 0, to = 0;  // both included
};

// The words around [first, last] within their sentence: enough of the answer to recognise it.
WordRange clause_range(const AnswerText& text, int first, int last, int before, int after) {
  const auto& sentence = text.sentences()[static_cast<std::size_t>(word_at(text, first).sentence)];
  return {std::max(sentence.first_word, first - before), std::min(sentence.end_word - 1, last + after)};
}

std::string clause(const AnswerText& text, int first, int last, int before = 3, int after = 6) {
  const WordRange range = clause_range(text, first, last, before, after);
  return text.quote(range.from, range.to, 90);
}

// Quotes of an answer that never repeat a word: a clause overlapping one already taken is left out.
class Quotes {
 public:
  explicit Quotes(const AnswerText& text) : text_(text) {}

  void add(int first, int last, int before, int after) {
    const WordRange range = clause_range(text_, first, last, before, after);
    for (const auto& taken : ranges_)
      if (range.from <= taken.to && taken.from <= range.to) return;
    ranges_.push_back(range);
    quotes_.push_back(text_.quote(range.from, range.to, 90));
  }
  const std::vector<std::string>& list() const { return quotes_; }

 private:
  const AnswerText& text_;
  std::vector<WordRange> ranges_;
  std::vector<std::string> quotes_;
};

// Several quotes in one evidence line; the front end adds the outer quotation marks.
std::string join_quotes(const std::vector<std::string>& quotes) {
  std::string out;
  for (const auto& quote : quotes) out += (out.empty() ? "" : " | ") + quote;
  return out;
}

std::string percent(int part, int total) { return fmt::format("{:.0f}%", total > 0 ? 100.0 * part / total : 0.0); }

std::string format_duration(double seconds) {
  const long rounded = std::lround(seconds);
  if (rounded < 60) return fmt::format("{} s", rounded);
  return fmt::format("{} min {} s", rounded / 60, rounded % 60);
}

bool in_parts(const StarParts& parts, int word, std::initializer_list<Part> wanted) {
  return std::find(wanted.begin(), wanted.end(), parts.part_of(word)) != wanted.end();
}

// --- all four STAR parts: a quarter of the credit for each of situation, task, action, result.
Check four_parts(const AnswerText& text, const StarParts& parts) {
  static constexpr std::pair<Part, const char*> kWanted[] = {
      {Part::situation, "the context in a sentence or two"},
      {Part::task, "one sentence on what you owned"},
      {Part::action, "what you did, step by step, as \"I\""},
      {Part::result, "what changed because of it, with numbers"}};
  Check check{{"all four STAR parts", false, "", ""}, 10, 0};
  std::vector<std::string> shown, missing;
  for (const auto& [part, advice] : kWanted) {
    if (auto unit = parts.first_unit(part)) {
      const Unit& u = parts.units()[static_cast<std::size_t>(*unit)];
      shown.push_back(fmt::format("{}: {}", part_name(part), text.quote(u.first_word, u.end_word - 1, 45)));
    } else {
      missing.push_back(advice);
    }
  }
  check.credit = static_cast<double>(shown.size()) / 4.0;
  // Without an action or a result there is no story to judge, however long the answer.
  if (!parts.present(Part::action) || !parts.present(Part::result)) check.cap = kFailedCap;
  check.finding.met = missing.empty();
  for (const auto& item : shown) check.finding.evidence += (check.finding.evidence.empty() ? "" : " | ") + item;
  if (!missing.empty()) {
    std::string list;
    for (std::size_t i = 0; i < missing.size(); ++i) list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
    check.finding.advice = fmt::format("Add {}.", list);
  }
  return check;
}

// --- action is the largest part: full credit from 40% of the words, none below 15%; at most half
// while another part is bigger.
Check action_largest(const StarParts& parts) {
  Check check{{"action is the largest part", false, "", ""}, 15, 0};
  const int total = parts.total_words();
  const int situation = parts.words(Part::situation), task = parts.words(Part::task), action = parts.words(Part::action);
  const int ending = parts.words(Part::result) + parts.words(Part::lesson);
  const double share = total > 0 ? static_cast<double>(action) / total : 0.0;
  const bool largest = action >= std::max({situation, task, ending}) && action > 0;
  check.credit = clamp01((share - 0.15) / 0.25);
  if (!largest) check.credit = std::min(check.credit, 0.5);
  check.finding.met = largest && share >= 0.35;
  check.finding.evidence = fmt::format("situation {}, task {}, action {}, result and lesson {}", percent(situation, total), percent(task, total),
                                       percent(action, total), percent(ending, total));
  if (!check.finding.met)
    check.finding.advice =
        "Spend about half the answer on what you did: how you investigated, what you chose and why, how you reduced the risk.";
  return check;
}

// --- situation and task kept short, both as a share of the answer and in time: an interviewer
// wants the context in a sentence or two however long the rest is, so every sentence of context
// beyond that costs something (a longer answer must never buy room for more scene-setting). Full
// credit up to 30% of the words and 20 s at the speaking pace, none from 55% or 50 s; met up to
// 35% and 35 s.
Check setup_short(const StarParts& parts, const LengthTarget& target) {
  Check check{{"situation and task kept short", false, "", ""}, 5, 0};
  const int total = parts.total_words();
  const int setup = parts.words(Part::situation) + parts.words(Part::task);
  const double share = total > 0 ? static_cast<double>(setup) / total : 0.0;
  const double seconds = setup * 60.0 / target.words_per_minute;
  check.credit = std::min(clamp01((0.55 - share) / 0.25), clamp01((50 - seconds) / 30));
  check.finding.met = share <= 0.35 && seconds <= 35;
  check.finding.evidence = fmt::format("situation and task: {} of {} words ({}), about {} spoken", setup, total, percent(setup, total),
                                       format_duration(seconds));
  if (!check.finding.met)
    check.finding.advice = "Cut the context to a sentence or two and the task to one; the interviewer will ask if they want more.";
  return check;
}

// --- ownership: in the action (the whole answer when no action is found), credit 2i/(i+we) up
// to 1, so "I" as often as "we" earns it all and "we" throughout earns nothing. A sentence that
// opens with a past-tense verb ("Rolled back the deploy") is the note-taker's "I".
const std::unordered_set<std::string_view> kHedgingVerbs = {"think", "thought", "guess", "believe", "believed", "heard", "remember",
                                                            "feel", "felt", "mean", "suppose", "assume", "hope", "wish", "wonder",
                                                            "know", "knew", "reckon"};

Check ownership(const AnswerText& text, const StarParts& parts) {
  static const std::unordered_set<std::string_view> singular = {"i", "i'm", "i've", "i'd", "i'll"};
  static const std::unordered_set<std::string_view> plural = {"we", "we're", "we've", "we'd", "we'll"};
  Check check{{"ownership", false, "", ""}, 15, 0};
  const bool has_action = parts.words(Part::action) > 0;
  std::vector<int> mine, ours;
  for (int i = 0; i < static_cast<int>(text.words().size()); ++i) {
    if (has_action && !in_parts(parts, i, {Part::action})) continue;
    const std::string& word = word_at(text, i).text;
    // "I think", "I heard", "I guess" hedge or report; they own no step.
    const bool hedge = i + 1 < static_cast<int>(text.words().size()) && kHedgingVerbs.count(word_at(text, i + 1).text) > 0;
    if (singular.count(word) && !hedge) mine.push_back(i);
    if (plural.count(word)) ours.push_back(i);
    // Notes in the first person leave out the "I": a sentence or bullet that opens with what was
    // done ("Reverted the config by hand", "Found a config push at 1:40") says who did it.
    const int first = text.sentences()[static_cast<std::size_t>(word_at(text, i).sentence)].first_word;
    if (i == first && rehearse::is_past_action(word)) mine.push_back(i);
  }
  const double i_count = static_cast<double>(mine.size()), we_count = static_cast<double>(ours.size());
  check.credit = mine.empty() ? 0.0 : std::min(1.0, 2 * i_count / (i_count + we_count));
  check.finding.met = !mine.empty() && mine.size() >= ours.size();
  const std::vector<int>& quoted = check.finding.met || ours.empty() ? mine : ours;
  std::vector<std::string> quotes;
  for (std::size_t k = 0; k < quoted.size() && k < 3; ++k) quotes.push_back(clause(text, quoted[k], quoted[k], 0, 3));
  check.finding.evidence = join_quotes(quotes);
  if (mine.empty() && !ours.empty()) check.cap = kDisqualifiedCap;
  if (mine.empty() && !ours.empty())
    check.finding.advice = "You say \"we\" throughout: say \"I\" for what you did yourself, and keep \"we\" for shared work.";
  else if (mine.empty())
    check.finding.advice = "Say who did it: \"I\" for the steps you took yourself.";
  else if (!check.finding.met)
    check.finding.advice = "Most of the action is \"we\": say \"I\" for the steps you took yourself, \"we\" only for shared work.";
  return check;
}

// --- quantified result: a measured change in the result and lesson (before and after, a
// percentage, a time, money: "from 900 to 12", "in 12 minutes", "40% fewer") earns it all;
// another number ("caught two race conditions") three quarters, since it counts without saying
// what changed; only a direction ("reduced", "faster") half.
Check quantified_result(const AnswerText& text, const StarParts& parts) {
  Check check{{"quantified result", false, "", ""}, 20, 0};
  const int count = static_cast<int>(text.words().size());
  // Only the result counts: a number in the situation ("40k orders a day") is scale, not outcome.
  auto in_scope = [&](int i) { return in_parts(parts, i, {Part::result, Part::lesson}); };
  auto has_quantity = [&](const rehearse::CueHit& hit) {
    for (int i = hit.first; i <= hit.last; ++i)
      if (rehearse::is_quantity(word_at(text, i).text)) return true;
    return false;
  };
  for (const auto* cues : {&cues::measure(), &cues::result()}) {
    for (const auto& hit : cues->find_all(text)) {
      if (!in_scope(hit.first) || !has_quantity(hit)) continue;
      check.credit = 1;
      check.finding.met = true;
      check.finding.evidence = clause(text, hit.first, hit.last, 3, 4);
      return check;
    }
  }
  for (int i = 0; i < count; ++i) {
    if (in_scope(i) && rehearse::is_quantity(word_at(text, i).text)) {
      check.credit = 0.75;
      check.finding.met = true;
      check.finding.evidence = clause(text, i, i, 4, 4);
      return check;
    }
  }
  for (const auto& hit : cues::direction().find_all(text)) {
    if (!in_scope(hit.first)) continue;
    check.credit = 0.5;
    check.finding.evidence = clause(text, hit.first, hit.last, 3, 4);
    check.finding.advice = fmt::format("\"{}\" says which way it went; say by how much: before and after, a percentage, time or money saved.",
                                       text.quote(hit.first, hit.last));
    return check;
  }
  check.finding.advice =
      "End with a measurable result: before and after, a percentage, time or money saved (if you have no exact figure, say which way it moved).";
  return check;
}

// --- tradeoff or alternative: all or nothing.
Check tradeoff(const AnswerText& text) {
  Check check{{"tradeoff or alternative", false, "", ""}, 10, 0};
  const auto hits = cues::tradeoff().find_all(text);
  if (!hits.empty()) {
    check.credit = 1;
    check.finding.met = true;
    check.finding.evidence = clause(text, hits.front().first, hits.front().last);
  } else {
    check.finding.advice = "Name an option you weighed and why you chose yours (\"instead of a bigger instance, I...\").";
  }
  return check;
}

// --- lesson at the end: a lesson in the ending (the sentences labelled lesson or result) earns
// it all; one earlier on half. A closing sentence labelled lesson is one, whatever its words ("I
// think every batch job should have its own pool limit"): the finding agrees with the labels.
Check lesson(const AnswerText& text, const StarParts& parts) {
  Check check{{"lesson at the end", false, "", ""}, 10, 0};
  const auto hits = cues::lesson().find_all(text);
  for (auto it = hits.rbegin(); it != hits.rend(); ++it) {
    if (in_parts(parts, it->first, {Part::lesson, Part::result})) {
      check.credit = 1;
      check.finding.met = true;
      check.finding.evidence = clause(text, it->first, it->last);
      return check;
    }
  }
  const auto& units = parts.units();
  const auto last_step = std::find_if(units.rbegin(), units.rend(), [](const Unit& unit) {
    return unit.part != Part::lesson && unit.part != Part::result;
  });
  for (auto it = units.rbegin(); it != last_step; ++it) {
    if (it->part != Part::lesson) continue;
    check.credit = 1;
    check.finding.met = true;
    check.finding.evidence = clause(text, it->first_word, std::min(it->end_word - 1, it->first_word + 5));
    return check;
  }
  if (!hits.empty()) {
    check.credit = 0.5;
    check.finding.evidence = clause(text, hits.front().first, hits.front().last);
    check.finding.advice = "Move the lesson to the end, so the answer closes on what you learned.";
  } else {
    check.finding.advice = "Close with one sentence on what you learned or now do differently.";
  }
  return check;
}

// --- length, in a soft band: full credit from 80% of the shortest to 125% of the longest target
// time (people speak faster or slower than the pace assumed), falling to none at a third of the
// shortest and at two and a half times the longest. Recorded answers are judged by how long they
// took to say; typed ones by their words at the speaking pace, never by the typing time.
Check length(const AnswerText& text, const rehearse::Attempt& attempt, const LengthTarget& target) {
  Check check{{"length", false, "", ""}, 5, 0};
  const int words = text.spoken_word_count();
  const bool recorded = attempt.spoken_seconds && *attempt.spoken_seconds > 0;
  const double spoken = recorded ? *attempt.spoken_seconds : words * 60.0 / target.words_per_minute;
  const auto words_for = [&](double seconds) { return std::lround(seconds * target.words_per_minute / 60.0); };
  const double low = 0.8 * target.min_seconds, high = 1.25 * target.max_seconds;
  const double floor = target.min_seconds / 3, ceiling = 2.5 * target.max_seconds;
  if (spoken < low)
    check.credit = clamp01((spoken - floor) / (low - floor));
  else if (spoken > high)
    check.credit = clamp01((ceiling - spoken) / (ceiling - high));
  else
    check.credit = 1;
  check.finding.met = spoken >= low && spoken <= high;
  check.finding.evidence = recorded ? fmt::format("{} spoken (target {:.0f}-{:.0f} s)", format_duration(spoken), target.min_seconds, target.max_seconds)
                                    : fmt::format("{} words, about {} spoken at {:.0f} words a minute (target {:.0f}-{:.0f} s)", words,
                                                  format_duration(spoken), target.words_per_minute, target.min_seconds, target.max_seconds);
  if (spoken < low)
    check.finding.advice = fmt::format("Too short to show what you did: aim for {}-{} words.", words_for(target.min_seconds),
                                       words_for(target.max_seconds));
  else if (spoken > high)
    check.finding.advice = fmt::format("Tighten it to {}-{} words: keep the context short and leave details for follow-up questions.",
                                       words_for(target.min_seconds), words_for(target.max_seconds));
  return check;
}

bool negated_before(const AnswerText& text, int i, int reach) {
  static const std::unordered_set<std::string_view> negations = {"not", "no", "never", "without", "nobody", "didn't", "don't", "wasn't",
                                                                 "avoid", "avoided", "avoiding", "nor"};
  const int sentence = word_at(text, i).sentence;
  for (int k = std::max(0, i - reach); k < i; ++k)
    if (word_at(text, k).sentence == sentence && negations.count(word_at(text, k).text)) return true;
  return false;
}

// Whether word `k` names people: a person, a team, a pronoun for them, or a name (a capital
// letter inside a sentence).
bool names_a_person(const AnswerText& text, int k) {
  static const std::unordered_set<std::string_view> people = {
      "them", "him", "her", "us", "me", "they", "he", "she", "who", "someone", "somebody", "everyone", "people", "team", "teams",
      "qa", "ops", "vendor", "manager", "pm", "junior", "intern", "contractor", "contractors", "dba", "dbas", "colleague",
      "colleagues", "coworker", "coworkers", "teammate", "teammates", "developer", "developers", "devs", "engineer", "engineers",
      "others", "leadership", "management", "product", "support", "sales", "platform", "infra", "frontend", "backend", "security",
      "customer", "customers"};
  const auto& word = text.words()[static_cast<std::size_t>(k)];
  const bool opens_sentence = text.sentences()[static_cast<std::size_t>(word.sentence)].first_word == k;
  const char initial = text.text()[word.begin];
  return people.count(word.text) > 0 || (!opens_sentence && initial >= 'A' && initial <= 'Z');
}

// Whether "blame" at word `i` has a thing for its object ("before blaming a release", "we blamed
// it on the network"): suspecting a cause is how an investigation goes, not pointing at people.
// A person, a team or a name ("blamed the DBAs", "blamed Sam") is blame.
bool blames_a_thing(const AnswerText& text, int i) {
  const auto& all = text.words();
  // "which change was to blame": the culprit stands before.
  if (i >= 3 && all[static_cast<std::size_t>(i) - 1].text == "to") {
    const std::string& be = all[static_cast<std::size_t>(i) - 2].text;
    if (be == "was" || be == "were" || be == "is" || be == "are") return !names_a_person(text, i - 3);
  }
  static const std::unordered_set<std::string_view> skipped = {"the", "a", "an", "this", "that", "our", "their", "his", "her",
                                                               "it", "on", "everything", "all"};
  const int sentence = all[static_cast<std::size_t>(i)].sentence;
  for (int k = i + 1; k < static_cast<int>(all.size()) && k <= i + 4 && all[static_cast<std::size_t>(k)].sentence == sentence; ++k) {
    if (skipped.count(all[static_cast<std::size_t>(k)].text)) continue;
    return !names_a_person(text, k);
  }
  return false;
}

// Places where the answer points at others: the blame phrases (unless negated: "without blaming
// anyone"; or owned: "I took the blame"), and someone else as the subject of a failure ("their
// change broke checkout", "QA never tested it").
std::vector<std::string> blame_quotes(const AnswerText& text) {
  static const std::unordered_set<std::string_view> owning = {"take", "took", "taking", "accept", "accepted", "own", "owned", "my", "our"};
  static const std::unordered_set<std::string_view> others = {
      "they", "their", "them", "he", "his", "she", "her", "team", "team's", "qa", "ops", "vendor", "vendor's", "manager", "manager's",
      "pm", "junior", "intern", "contractor", "contractors", "dba", "dbas", "someone", "somebody", "colleague", "colleague's",
      "coworker", "teammate", "teammate's", "developer", "developers", "support", "finance", "sales", "product", "legal",
      "leadership", "management"};
  static const std::unordered_set<std::string_view> first_person = {"i", "we", "my", "our", "me", "us", "i'd", "we'd"};
  static const rehearse::CueList failures = {
      "broke|messed|screwed|ignored|forgot|botched|neglected|skipped",
      "failed to",
      "didn't|never test|tested|check|checked|review|reviewed|read|tell|told|communicate|warn|warned|document|documented",
      "did not test|check|review|read|tell|communicate|warn|document",
      "without telling|warning|asking|consulting|checking|testing",
      "made|making it|things worse",
      "had|has no business",
  };
  Quotes quotes(text);
  for (const auto& hit : cues::blame().find_all(text)) {
    const std::string& first = word_at(text, hit.first).text;
    if (first.starts_with("blam") || first == "fault") {
      if (negated_before(text, hit.first, 3)) continue;
      if (first.starts_with("blam") && blames_a_thing(text, hit.first)) continue;
      bool owned = false;
      for (int k = std::max(0, hit.first - 2); k < hit.first; ++k) owned = owned || owning.count(word_at(text, k).text);
      if (owned) continue;
    }
    quotes.add(hit.first, hit.last, 4, 4);
  }
  for (const auto& hit : failures.find_all(text)) {
    const int sentence = word_at(text, hit.first).sentence;
    // The subject may stand a few words back, within the clause ("the finance team had changed
    // the file format without telling anyone").
    for (int k = hit.first - 1; k >= std::max(0, hit.first - 8) && word_at(text, k).sentence == sentence; --k) {
      const auto gap = std::string_view(text.text()).substr(word_at(text, k).end, word_at(text, k + 1).begin - word_at(text, k).end);
      if (gap.find_first_of(",;:(") != std::string_view::npos) break;
      const std::string& word = word_at(text, k).text;
      if (first_person.count(word)) break;
      // "They broke fare calculations" may be said of upgrades as well as of people: a pronoun
      // only counts with a failure that only people commit (ignored, refused, never tested).
      const std::string& verb = word_at(text, hit.first).text;
      const bool things_do_it_too = verb == "broke" || verb == "messed" || verb == "screwed" || verb == "failed" || verb == "skipped";
      if ((word == "they" || word == "them") && things_do_it_too) break;
      if (others.count(word)) {
        quotes.add(k, hit.last, 2, 4);
        break;
      }
    }
  }
  return quotes.list();
}

// Whether what follows a vague phrase says what the work was: a number, a name, a content word
// other than the catch-alls ("it", "things", "the project").
bool concrete_after(const AnswerText& text, int last) {
  static const std::unordered_set<std::string_view> generic = {
      "it", "this", "that", "things", "thing", "stuff", "project", "projects", "issue", "issues", "problem", "problems", "task",
      "tasks", "work", "team", "teams", "effort", "efforts", "initiative", "initiatives", "fix", "fixes", "improvement",
      "improvements", "change", "changes", "system", "systems", "code", "feature", "features", "everything", "anything",
      "something", "lot", "lots", "bit", "part", "parts", "aspect", "aspects", "area", "areas", "process", "processes", "side",
      "various", "several", "many", "different", "whole", "general", "overall", "related", "bunch", "kinds", "sorts", "stuff",
      "etc", "other", "others", "like", "also", "really", "quite", "pretty", "basically", "just", "well", "along"};
  static const std::unordered_set<std::string_view> joins = {"and", "but", "which", "so", "then", "because", "while", "where", "when"};
  const auto& words = text.words();
  const int sentence = word_at(text, last).sentence;
  for (int i = last + 1; i < static_cast<int>(words.size()) && i <= last + 6 && word_at(text, i).sentence == sentence; ++i) {
    const auto gap = std::string_view(text.text()).substr(word_at(text, i - 1).end, word_at(text, i).begin - word_at(text, i - 1).end);
    if (gap.find_first_of(",;:(") != std::string_view::npos || joins.count(word_at(text, i).text)) break;
    const std::string& word = word_at(text, i).text;
    if (rehearse::is_quantity(word) || (!rehearse::is_stop_word(word) && !generic.count(word))) return true;
  }
  return false;
}

// --- no blame: all or nothing.
Check no_blame(const AnswerText& text) {
  Check check{{"no blame", false, "", ""}, 5, 0};
  const auto quotes = blame_quotes(text);
  check.finding.met = quotes.empty();
  check.credit = quotes.empty() ? 1 : 0;
  if (!quotes.empty()) {
    check.cap = kDisqualifiedCap;
    check.finding.evidence = join_quotes(std::vector<std::string>(quotes.begin(), quotes.begin() + static_cast<long>(std::min<std::size_t>(quotes.size(), 2))));
    check.finding.advice = "Say what happened and what you did about it without pointing at people; own your part.";
  }
  return check;
}

// Whether a vague phrase at word `first` tells the speaker's own part: its subject is "I" or "we"
// a few words before ("I mostly helped with", "we were involved in"), or it opens a sentence or a
// bullet with the subject left out ("Helped with the migration"). "the people working on it"
// describes others, not what the speaker did.
bool says_own_part(const AnswerText& text, int first) {
  static const std::unordered_set<std::string_view> speaker = {"i", "we", "i've", "we've", "i'd", "we'd", "i'm", "we're", "me", "us"};
  const int sentence = word_at(text, first).sentence;
  if (first == text.sentences()[static_cast<std::size_t>(sentence)].first_word) return true;
  for (int k = first - 1; k >= std::max(0, first - 4) && word_at(text, k).sentence == sentence; --k)
    if (speaker.count(word_at(text, k).text)) return true;
  return false;
}

// --- no vague filler: none earns it all, one instance half, two or more nothing.
Check no_filler(const AnswerText& text) {
  static const std::unordered_set<std::string_view> determiners = {"this", "that", "these", "those", "what", "the", "a", "any", "some", "every",
                                                                   "same", "one", "which", "each", "another", "its", "no", "right", "wrong",
                                                                   "different", "other", "our", "my", "their", "whatever"};
  Check check{{"no vague filler", false, "", ""}, 5, 0};
  Quotes found(text);
  for (const auto& hit : cues::vague_contribution().find_all(text))
    if (says_own_part(text, hit.first) && !concrete_after(text, hit.last)) found.add(hit.first, hit.last, 1, 2);
  for (const auto& hit : cues::filler().find_all(text)) {
    const std::string& first = word_at(text, hit.first).text;
    // "this kind of query" is a fine use of "kind of"; "it was kind of slow" is filler.
    if ((first == "kind" || first == "sort") && hit.first > 0 && determiners.count(word_at(text, hit.first - 1).text)) continue;
    found.add(hit.first, hit.last, 0, 0);
  }
  const std::vector<std::string>& quotes = found.list();
  check.finding.met = quotes.empty();
  check.credit = quotes.empty() ? 1 : quotes.size() == 1 ? 0.5 : 0;
  if (!quotes.empty()) {
    check.finding.evidence = join_quotes(std::vector<std::string>(quotes.begin(), quotes.begin() + static_cast<long>(std::min<std::size_t>(quotes.size(), 3))));
    check.finding.advice = "Replace vague words with what you did: the change you made, the tool, the number.";
  }
  return check;
}

}  // namespace

std::vector<Check> check_answer(const AnswerText& text, const StarParts& parts, const rehearse::Attempt& attempt, const LengthTarget& target) {
  return {four_parts(text, parts), action_largest(parts), setup_short(parts, target), ownership(text, parts), quantified_result(text, parts),
          tradeoff(text),          lesson(text, parts),    length(text, attempt, target), no_blame(text), no_filler(text)};
}

}  // namespace star
