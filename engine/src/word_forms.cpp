// Word forms shared by the scorers: stems, abbreviations, ordinary words, quantities and typos.
#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "rehearse/text.h"

namespace rehearse {

namespace {

// Snowball stems suffixes; it leaves irregular past forms alone ("kept" is not "keep"). Answers
// tell stories in the past tense, so the common irregular verbs of such stories are mapped to
// their base form first.
std::string_view base_form(std::string_view word) {
  static const std::unordered_map<std::string_view, std::string_view> irregular = {
      {"began", "begin"},  {"begun", "begin"},     {"bought", "buy"},     {"brought", "bring"}, {"broke", "break"},
      {"broken", "break"}, {"built", "build"},     {"caught", "catch"},   {"chose", "choose"},  {"chosen", "choose"},
      {"dealt", "deal"},   {"did", "do"},          {"done", "do"},        {"drew", "draw"},     {"drawn", "draw"},
      {"drove", "drive"},  {"driven", "drive"},    {"fell", "fall"},      {"fallen", "fall"},   {"felt", "feel"},
      {"fought", "fight"}, {"found", "find"},      {"forgot", "forget"},  {"gave", "give"},     {"given", "give"},
      {"got", "get"},      {"gotten", "get"},      {"went", "go"},        {"gone", "go"},       {"grew", "grow"},
      {"grown", "grow"},   {"had", "have"},        {"heard", "hear"},     {"held", "hold"},     {"hid", "hide"},
      {"kept", "keep"},    {"knew", "know"},       {"known", "know"},     {"laid", "lay"},      {"led", "lead"},
      {"learnt", "learn"}, {"left", "leave"},      {"lent", "lend"},      {"lost", "lose"},     {"made", "make"},
      {"meant", "mean"},   {"met", "meet"},        {"paid", "pay"},       {"ran", "run"},       {"rang", "ring"},
      {"rose", "rise"},    {"risen", "rise"},      {"rewrote", "rewrite"}, {"rewritten", "rewrite"},
      {"said", "say"},     {"saw", "see"},         {"seen", "see"},       {"sent", "send"},     {"sold", "sell"},
      {"shook", "shake"},  {"shown", "show"},      {"shrank", "shrink"},  {"slept", "sleep"},   {"sped", "speed"},
      {"spent", "spend"},  {"spoke", "speak"},     {"spoken", "speak"},   {"stood", "stand"},   {"stole", "steal"},
      {"struck", "strike"}, {"swore", "swear"},    {"took", "take"},      {"taken", "take"},    {"taught", "teach"},
      {"thought", "think"}, {"threw", "throw"},    {"thrown", "throw"},   {"told", "tell"},     {"understood", "understand"},
      {"undertook", "undertake"}, {"was", "be"},   {"were", "be"},        {"been", "be"},       {"woke", "wake"},
      {"won", "win"},      {"wore", "wear"},       {"wrote", "write"},    {"written", "write"}, {"withdrew", "withdraw"},
      // Less common, still heard in engineering stories ("frozen before it wraps", "it got stuck").
      {"froze", "freeze"}, {"frozen", "freeze"},  {"stuck", "stick"},    {"spun", "spin"},     {"hung", "hang"},
      {"sought", "seek"},  {"tore", "tear"},      {"torn", "tear"},      {"woven", "weave"},   {"underwent", "undergo"},
      {"undergone", "undergo"}, {"undid", "undo"}, {"undone", "undo"},   {"redid", "redo"},    {"redone", "redo"},
      {"rethought", "rethink"}, {"oversaw", "oversee"}, {"overseen", "oversee"}, {"overwrote", "overwrite"},
      {"overwritten", "overwrite"}, {"mistook", "mistake"}, {"mistaken", "mistake"}, {"forgave", "forgive"},
      {"forgiven", "forgive"}, {"forbade", "forbid"}, {"forbidden", "forbid"}, {"flew", "fly"}, {"flown", "fly"},
      {"fled", "flee"},    {"fed", "feed"},       {"drank", "drink"},    {"ate", "eat"},       {"eaten", "eat"},
      {"dug", "dig"},      {"crept", "creep"},    {"came", "come"},      {"became", "become"}, {"blew", "blow"},
      {"blown", "blow"},   {"bled", "bleed"},     {"bent", "bend"},      {"beaten", "beat"},   {"arose", "arise"},
      {"arisen", "arise"}, {"sank", "sink"},      {"sunk", "sink"},      {"slid", "slide"},    {"swung", "swing"},
      {"rode", "ride"},    {"ridden", "ride"},    {"shone", "shine"},    {"rebuilt", "rebuild"}, {"reran", "rerun"},
      {"overcame", "overcome"}, {"overtook", "overtake"}, {"overtaken", "overtake"}, {"withdrawn", "withdraw"},
      // Irregular plurals.
      {"people", "person"}, {"children", "child"}, {"men", "man"}, {"women", "woman"},
      {"burnt", "burn"},   {"dreamt", "dream"},   {"leapt", "leap"},     {"knelt", "kneel"},   {"strove", "strive"},
  };
  const auto it = irregular.find(word);
  return it == irregular.end() ? word : it->second;
}

// libstemmer keeps state in the stemmer, so each thread has its own.
struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

sb_stemmer* thread_stemmer() {
  thread_local const std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  if (!stemmer) throw std::runtime_error("libstemmer has no English stemmer (is libstemmer-dev complete?)");
  return stemmer.get();
}

// British spellings in their American form, and Latin plurals in their singular ("indices"):
// Snowball stems "normalise" to "normalis" and "normalize" to "normal", so the two would never meet. Applied to every word alike, so a word
// that merely looks British ("promise" -> "promize") still meets itself.
std::string american(std::string_view word) {
  static const std::unordered_map<std::string_view, std::string_view> whole = {
      {"centre", "center"},       {"centres", "centers"},       {"licence", "license"},      {"defence", "defense"},
      {"catalogue", "catalog"},   {"dialogue", "dialog"},       {"analogue", "analog"},      {"programme", "program"},
      {"programmes", "programs"}, {"modelled", "modeled"},      {"modelling", "modeling"},   {"cancelled", "canceled"},
      {"cancelling", "canceling"}, {"labelled", "labeled"},     {"labelling", "labeling"},   {"travelled", "traveled"},
      {"signalled", "signaled"},  {"signalling", "signaling"},  {"levelled", "leveled"},     {"channelled", "channeled"},
      {"tunnelling", "tunneling"}, {"fuelled", "fueled"},       {"grey", "gray"},            {"enrol", "enroll"},
      {"indices", "index"},       {"vertices", "vertex"},       {"matrices", "matrix"},      {"criteria", "criterion"},
      {"analyses", "analysis"},   {"hypotheses", "hypothesis"}, {"appendices", "appendix"}};
  if (const auto it = whole.find(word); it != whole.end()) return std::string(it->second);
  std::string w(word);
  if (w.size() < 6) return w;
  // -ise/-yse -> -ize/-yze in any inflection: "prioritised", "analysing", "normalisation".
  for (std::string_view suffix : {"isation", "isations", "ise", "ised", "ises", "ising", "iser", "isers", "yse", "ysed", "yses", "ysing"}) {
    if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) {
      w[w.size() - suffix.size() + 1] = 'z';
      return w;
    }
  }
  // -our -> -or: "behaviour", "favoured", "colours" (not "hour", "four", "your": too short).
  for (std::string_view suffix : {"our", "ours", "oured", "ouring", "ourite", "ourable"}) {
    if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) {
      w.erase(w.size() - suffix.size() + 1, 1);
      return w;
    }
  }
  return w;
}

}  // namespace

std::string stem(std::string_view word) {
  word = base_form(word);
  const std::string us = american(word);
  word = us;
  sb_stemmer* stemmer = thread_stemmer();
  const sb_symbol* stemmed = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  // libstemmer returns null only when it runs out of memory.
  if (stemmed == nullptr) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

std::string spell_out(std::string_view word) {
  static const std::map<std::string_view, std::string_view> abbreviations = {
      {"%", "percent"},       {"ms", "millisecond"}, {"msec", "millisecond"}, {"sec", "second"}, {"secs", "second"},
      {"min", "minute"},      {"mins", "minute"},    {"hr", "hour"},          {"hrs", "hour"},   {"db", "database"},
      {"dbs", "database"},    {"vs", "versus"},      {"k8s", "kubernetes"},   {"pct", "percent"}, {"config", "configuration"},
      {"prod", "production"}, {"repo", "repository"}, {"postmortems", "postmortem"}, {"post-mortem", "postmortem"},
      // the shorthand of chat and notes: "in the same tx", "3 svcs", "msgs per sec"
      {"tx", "transaction"},  {"txn", "transaction"}, {"txns", "transaction"}, {"txs", "transaction"}, {"msg", "message"},
      {"msgs", "message"},    {"svc", "service"},     {"svcs", "service"},     {"req", "request"},    {"reqs", "request"},
      {"env", "environment"}, {"envs", "environment"}, {"infra", "infrastructure"}, {"perf", "performance"},
      {"deps", "dependency"}, {"mgmt", "management"}, {"cfg", "configuration"}, {"ppl", "people"}, {"u", "you"},
      // an incident's severity level: "a SEV-2", "declared sev1"
      {"sev", "severity"}, {"sev0", "severity"}, {"sev1", "severity"}, {"sev2", "severity"}, {"sev3", "severity"}, {"sev4", "severity"}};
  const auto it = abbreviations.find(word);
  return std::string(it == abbreviations.end() ? word : it->second);
}

// The list holds lemmas, so a word is looked up by its inflections only ("peaks", "went",
// "running", "copies" -> "peak", "go", "run", "copy"), never by its derivations: "consistency",
// "availability" and "observability" are terms of the trade even though "consistent" and
// "available" are everyday words, which a Snowball stem would not tell apart.
bool is_ordinary_word(std::string_view word) {
  static const std::unordered_set<std::string_view> lemmas = [] {
    static constexpr std::string_view kWords[] = {
#include "ordinary_words.inc"
    };
    return std::unordered_set<std::string_view>(std::begin(kWords), std::end(kWords));
  }();
  if (word.empty()) return false;
  const std::string_view base = base_form(word);
  if (lemmas.count(base)) return true;
  auto known = [&](const std::string& candidate) { return lemmas.count(candidate) > 0; };
  const std::string w(base);
  auto cut = [&](std::size_t n) { return w.substr(0, w.size() - n); };
  if (w.size() > 3 && w.ends_with("ies") && known(cut(3) + "y")) return true;                          // copies
  if (w.size() > 2 && w.ends_with("es") && known(cut(2))) return true;                                 // pushes
  if (w.size() > 1 && w.ends_with("s") && !w.ends_with("ss") && known(cut(1))) return true;           // peaks
  if (w.size() > 3 && w.ends_with("ied") && known(cut(3) + "y")) return true;                          // copied
  for (const char* suffix : {"ed", "ing"}) {
    const std::size_t n = std::char_traits<char>::length(suffix);
    if (w.size() <= n + 2 || !w.ends_with(suffix)) continue;
    const std::string root = cut(n);
    if (known(root) || known(root + "e")) return true;                                                 // walked, moved, making
    if (root.size() > 2 && root.back() == root[root.size() - 2] && known(root.substr(0, root.size() - 1))) return true;  // running
  }
  return false;
}

bool is_quantity(std::string_view word) {
  static const std::unordered_set<std::string_view> number_words = {
      "zero",    "two",     "three",    "four",     "five",     "six",     "seven",   "eight",  "nine",   "ten",
      "eleven",  "twelve",  "thirteen", "fourteen", "fifteen",  "sixteen", "seventeen", "eighteen", "nineteen",
      "twenty",  "thirty",  "forty",    "fifty",    "sixty",    "seventy", "eighty",  "ninety", "hundred", "hundreds",
      "thousand", "thousands", "million", "millions", "billion", "dozen",  "dozens",  "half",   "halved", "twice",
      "double",  "doubled", "triple",   "tripled",  "quadrupled", "tenfold"};
  return is_numeral(word) || number_words.count(word) > 0;
}

bool is_past_action(std::string_view word) {
  // Past forms that describe a state of mind or of things, not something done.
  static const std::unordered_set<std::string_view> states = {
      "needed", "wanted", "owned", "learned", "learnt", "realized", "realised", "believed", "liked", "loved", "hated", "seemed",
      "appeared", "supposed", "expected", "worried", "wondered", "hoped", "assumed", "preferred", "joined", "used", "based",
      "interested", "excited", "tasked", "asked", "involved", "responsible", "concerned", "surprised", "frustrated", "called"};
  static const std::unordered_set<std::string_view> irregular = {
      "built", "rebuilt", "wrote", "rewrote", "ran", "reran", "led", "made", "took", "set", "put", "found", "chose", "brought",
      "sent", "kept", "cut", "split", "got", "gave", "met", "drove", "spoke", "told", "began", "dug", "drew", "held",
      "bought", "taught", "caught", "won", "broke", "left", "spent", "stood", "shut", "threw", "understood", "undertook",
      "oversaw", "sought", "went", "spun", "rode", "shot", "tore", "wound", "sat", "lent", "fed", "bound", "upheld", "withdrew"};
  if (irregular.count(word)) return true;
  return word.size() > 4 && word.ends_with("ed") && !states.count(word);
}

int edit_distance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  // Three rows of the optimal string alignment table.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_min = current[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = std::min(current[j], before[j - 2] + 1);
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

}  // namespace rehearse
