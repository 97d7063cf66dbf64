// Reading a typed answer, the tools every scorer shares (a third-party scorer gets the same):
//
//   AnswerText     its words, where each one stands, its sentences, and quoting it back;
//   word forms     stems, spelled-out abbreviations, ordinary words, quantities, typos;
//   CueList        small patterns of words ("as a result", "i @did", "from # to #");
//   NegationScope  which words a "not", "never", "without" or "was missing" negates (NegEx);
//   Term, AnswerIndex  finding a phrase (a key point, an alias) by its words in any order, close
//                  together, with stemming and typos, outside or (for a lack) inside a negation.
//
// Scorers share these so that they agree on what a word, a sentence and a mention are, and so that
// a finding quotes exactly what the user typed (byte offsets into the original text).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"

namespace rehearse {

struct Word {
  // Lower case (ASCII letters folded; other UTF-8 letters kept as typed), typographic apostrophes
  // as '. Letters, digits and the marks inside numbers ("2.5", "12,000") and contractions ("I'm")
  // make a word; "%", "$", "€" and "£" are words of their own. Hyphens and slashes separate words.
  // A contraction typed without its apostrophe ("didnt", "wouldve") is read with it, and a Scots
  // negative in its English form ("wasnae" as "wasn't", "nae" as "no").
  std::string text;
  std::size_t begin = 0;  // byte offsets into the original text: [begin, end)
  std::size_t end = 0;
  int sentence = 0;       // index into AnswerText::sentences()
  int line = 0;           // 0-based line of the original text
};

struct Sentence {
  int first_word = 0;  // [first_word, end_word) index into AnswerText::words()
  int end_word = 0;
  int size() const { return end_word - first_word; }
};

class REHEARSE_API AnswerText {
 public:
  // Sentences end at '.', '!' or '?' followed by white space (not after "e.g.", "i.e.", "vs."),
  // and at a line break, unless the next line carries on in lower case or the line ends in a
  // comma (text wrapped by an editor). List markers at the start of a line ("- ", "* ", "1. ",
  // "2)") are not words, and each starts a sentence.
  explicit AnswerText(std::string text);

  const std::string& text() const { return text_; }
  const std::vector<Word>& words() const { return words_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  // Words that are not "%", "$", "€" or "£": what a listener would count.
  int spoken_word_count() const { return spoken_words_; }

  // The original text from the start of word `first` to the end of word `last` (both included),
  // white space folded to single spaces, cut at a word boundary with "..." beyond `max_chars`.
  std::string quote(int first, int last, std::size_t max_chars = 100) const;
  std::string quote_sentence(int sentence, std::size_t max_chars = 100) const;

  // The first character after word `index` that is not a space or tab (or '\0' at the end), to
  // tell "Result:" (a label) from "result" (a word).
  char next_char(int index) const;

 private:
  std::string text_;
  std::vector<Word> words_;
  std::vector<Sentence> sentences_;
  int spoken_words_ = 0;
};

// Whether `word` (lower case) is an English function word ("the", "we", "because", "not"): the
// Snowball project's English stop-word list. Such words say little about an answer's content.
REHEARSE_API bool is_stop_word(std::string_view word);

// The length (1 to 4) of the well-formed UTF-8 sequence that starts at byte `i` of `text`, or 0
// when the bytes there are not one (a stray continuation byte, an overlong or out-of-range lead,
// a sequence cut short). (API 4.3)
REHEARSE_API std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// Whether `word` (a Word::text) is a quantity: starts with a digit ("40", "2.5", "12,000",
// "3x", "9k") or is "%". Names with digits that are not quantities ("p99", "ec2", "v2") are not.
REHEARSE_API bool is_numeral(std::string_view word);

// --- Word forms -------------------------------------------------------------------------------

// The English Snowball stem of `word` (lower case, UTF-8), after mapping common irregular past
// forms to their base ("went" -> "go", "kept" -> "keep"), British spellings to American ones
// ("normalised" -> "normalized", "behaviour" -> "behavior") and Latin plurals to their singular
// ("indices" -> "index"). Safe to call from any thread.
REHEARSE_API std::string stem(std::string_view word);

// Common abbreviations written out, so that "ms" matches "milliseconds", "%" "percent" and the
// shorthand of chat and notes ("tx", "svc", "env") the words it stands for.
REHEARSE_API std::string spell_out(std::string_view word);

// Whether `word` is an ordinary English word (go, peak, data, long, option): one of the ~3,000
// most frequent lemmas of general English, compared by stem (engine/src/ordinary_words.inc says
// how the list was made). Such a word alone is no evidence that an answer names a concept;
// technical terms (idempotency, cache, canary) are not in the list.
REHEARSE_API bool is_ordinary_word(std::string_view word);

// Whether `word` is a quantity: a numeral (is_numeral) or a number word ("twelve", "hundred",
// "dozen", "halved", "twice"; not "one", which is more often a pronoun).
REHEARSE_API bool is_quantity(std::string_view word);

// Whether `word` is a past-tense verb saying what someone did ("added", "built"; not "was",
// "needed" or "learned", which are states).
REHEARSE_API bool is_past_action(std::string_view word);

// Optimal string alignment distance (a swap of two neighbours counts as one edit), or limit + 1
// when it is greater than `limit`.
REHEARSE_API int edit_distance(std::string_view a, std::string_view b, int limit);

// --- Cue patterns -----------------------------------------------------------------------------
//
// A pattern is words separated by spaces. Each token is
//   word          that word (lower case; "didn't" and "i'm" are one word each)
//   a|b|c         any of them
//   learn*        any word starting with "learn"
//   _             any one word
//   #             a quantity (is_quantity)
//   @did          a past-tense verb of doing (is_past_action)
//   @ing          a word ending in "-ing" ("looking", "handing"): a gerund or participle
//   ^             (first only) the start of a sentence
// and a token ending in '?' may be left out. A pattern never spans two sentences. Between two
// tokens, one determiner or light adverb that the pattern does not name may stand ("the", "our",
// "all", "also", "really", "just", "still", ...): "cache and the database" also matches "cache and also
// the database" and "went down by 27 percent" "went down by just 27 percent".

struct CueHit {
  int first = 0;  // word indices, both included
  int last = 0;
};

class REHEARSE_API CuePattern {
 public:
  // Throws std::invalid_argument for an empty pattern.
  explicit CuePattern(std::string_view pattern);

  // How many words the pattern covers when it starts at word `start`, or 0 when it does not match.
  int match(const AnswerText& text, int start) const;

 private:
  struct Token {
    std::vector<std::string> words;     // any of these
    std::vector<std::string> prefixes;  // or a word starting with one of these
    bool any = false, quantity = false, past_action = false, gerund = false, optional = false;
    bool accepts(std::string_view word) const;
  };
  int match_from(const AnswerText& text, std::size_t token, int word, int sentence) const;

  std::vector<Token> tokens_;
  bool sentence_start_ = false;
};

class REHEARSE_API CueList {
 public:
  CueList(std::initializer_list<std::string_view> patterns);
  // Patterns read at run time, such as a lexicon's lines. (API 4.3)
  explicit CueList(const std::vector<std::string>& patterns);

  // Where the patterns match in words [from, to) (to = -1: the end), in text order; where two
  // overlap, the one starting first (then the longer) is kept.
  std::vector<CueHit> find_all(const AnswerText& text, int from = 0, int to = -1) const;

 private:
  std::vector<CuePattern> patterns_;
};

// --- Negation scope ---------------------------------------------------------------------------

// Which words of an answer are negated, by the NegEx method (Chapman et al., 2001): a negation
// phrase before ("no", "never", "without", "didn't", "lack of", "instead of") negates up to five
// words after it, one after ("... was missing", "... wasn't there") up to five words before it;
// pseudo-negations ("not only", "no doubt", "without a hitch") negate nothing; the scope ends early
// at a termination word ("but", "however", "which", "so", "because") or a clause mark (, ; : —).
// What was only proposed ("I pushed for X but we ran out of time"), what should have been done ("we
// should have capped it") or would have been loved ("I'd have loved a capacity plan"), what one
// would do in hindsight ("next time I'd add a canary", "what I would do differently", "were I to do
// it again"), a thing denied through a pronoun ("we talked about it, never configured it"), turned
// down ("we dropped it") or left in the backlog or on the roadmap are negated too: none of them was
// done. So are a proposal whose fate is told after it ("I suggested expand/contract. Rejected.", "X
// was discussed, but it was decided against it", "it got shot down", "I proposed a feature flag,
// and the product manager said no"), a label denied after its colon ("Rollback plan: none"), a
// thing put first and denied after its subject ("cache invalidation we have not built until now"),
// what stayed a ticket, is still in progress, still needed ("we still need to add alerting") or on
// a to-do list, was going to happen or was so only in theory, and what never quite made it. So is a
// thing the answer asks about itself, unless the reply grants it ("Connection pooling? Not on that
// service.", "Change approval? Self-approved in the tool.", but "Runbook? Yes, rehearsed twice."),
// a label denied after a comma or dash ("The rotation we asked for, not so much", "Integration
// tests, we had zero"), a plan put off, dismissed or kept on paper ("was phase two", "we left it
// for v2", "kept getting bumped", "was deemed overkill", "existed only in the email"), what was
// only wished for or meant to happen ("I'd love to tell you we had tracing", "there was meant to be
// a rollback script"), the subject of a past that did not happen ("a feature flag would have been
// the sensible thing"), a list disowned at once ("code owners, branch protection, none of that
// existed") or denied after it ("runbooks, alert routing and escalation policies did not exist"), a
// thing whose ticket is still open, a topic denied by its comment ("Cost alerts on AWS, nobody
// set."), a plan, an agreement in principle or talk that came to nothing ("We talked about sharding
// for a year. Still one table.", "There was talk of a read replica"), a thing told only as proposed
// or talked of ("A quarantine lane was proposed in a retro.", "a secrets manager was mentioned now
// and then") or scheduled again and again ("was rescheduled four times"), unless the answer goes on
// to say it was taken up, a proposal passed over ("and then we bumped the limit instead"), a
// trial given up ("we piloted Istio for a month, then went back to plain services"), a practice
// that lapsed ("then it fell asleep") and another team's work ("contract tests were something the
// payments team adopted on their side"). A denial
// reaches its subject past a comment ("the timeout, I think, was never set") or a relative clause
// ("the dashboard I promised was never built"), in the perfect ("the restore had never been
// tested") and after "but" ("was piloted but never came across"); so do a denial that opens its
// clause ("at no point did we test the restore"), a refusal, time run out, a promise not kept ("we
// said we'd add secret scanning after") and a thing nobody can tell about ("the hit ratio I cannot
// tell you", "we can't say what the blast radius was", "I can't tell you whether there was a hot
// partition"). What the sentence says would have happened without a thing keeps the thing: "without
// the circuit breaker, the outage would have taken down checkout". So do double negatives ("we did
// not skip the freeze", "no migration without a down migration got merged"), clefts ("it was not
// the health checks that failed us"), a denial denied ("it's not like we didn't have a runbook"), a
// judgement or a doubt of the thing ("I would not say the review was a success", "I'm not sure the
// canary would have caught everything"), a denial put right later ("we had no dead letter queue;
// after the second incident we added one", "... I wrote the policies"), a thing there but never
// needed ("we never had to use the kill switch", "we never needed the rollback, but it was
// ready"), made by someone else ("I didn't write it, my senior did"), a document made for a
// proposal turned down ("I wrote a design document for it, but the board rejected it"), what a
// proposal would have replaced ("I suggested sampling instead of shipping every line to Datadog")
// and what a move or a replacement not made would have left ("nobody replaced the shell script
// with a proper job"). A remark set off by commas ("I think", "to be honest", "um", "like") is read
// through: "the plan, I think, was to add tracing" as "the plan was to add tracing"; its own words
// are neither denied nor a denial. tools/eval-scorers measures all
// this on its own labelled passages.
class REHEARSE_API NegationScope {
 public:
  explicit NegationScope(const AnswerText& text);

  bool negated(int word) const { return word >= 0 && word < static_cast<int>(negated_.size()) && negated_[static_cast<std::size_t>(word)]; }
  // Whether word `word` is itself part of a negation phrase ("not", "without", "lack of").
  bool is_trigger(int word) const { return word >= 0 && word < static_cast<int>(trigger_.size()) && trigger_[static_cast<std::size_t>(word)]; }

 private:
  NegationScope() = default;
  // Reads `text` as it stands (the constructor reads it without the comments set off by commas).
  void read(const AnswerText& text);
  void negate_unrealised_proposals(const AnswerText& text);
  void negate_proposals_turned_down(const AnswerText& text);
  void negate_clause_before(const AnswerText& text, int word, bool over_and = false);
  void negate_referent_of(const AnswerText& text, int trigger);
  void negate_labels_denied(const AnswerText& text);
  void negate_hindsight(const AnswerText& text);
  void negate_plans_put_off(const AnswerText& text);
  void negate_plans_not_followed(const AnswerText& text);
  void negate_tickets_left_open(const AnswerText& text);
  void negate_others_work(const AnswerText& text);
  void restore_things_done_later(const AnswerText& text);
  void restore_what_was_moved(const AnswerText& text);
  void restore_what_was_ready(const AnswerText& text);
  void restore_artefacts_made(const AnswerText& text);
  void restore_the_status_quo(const AnswerText& text);

  std::vector<bool> negated_;
  std::vector<bool> trigger_;
};

// --- Finding phrases --------------------------------------------------------------------------

// How many words of a term must be found. A key point of one or two content words needs them
// all, one of three or four two thirds (an answer says "stakeholders got updates" for "keep
// stakeholders updated on a cadence"), a longer one half, rounded up; one of ordinary words only
// needs one more. A pitfall is an accusation, so it needs three quarters.
enum class Strictness { key_point, pitfall };

// One way of saying something (a key point's text, an alias, a pitfall), ready to be looked for.
struct REHEARSE_API Term {
  std::string text;                // as the deck wrote it, for messages
  std::vector<std::string> words;  // lower case, abbreviations spelled out ("ms" -> "millisecond")
  std::vector<std::string> stems;  // the stems of `words`
  int needed = 0;                  // how many of them must be found together
  // All words, stop words too, found next to each other in order. A term whose content words are
  // all ordinary English ("go no-go", "off-peak") is matched this way, since its words alone say
  // nothing; a single ordinary word is never matched at all (`usable` is false).
  bool exact_phrase = false;
  bool usable = true;
  // The term names an absence ("missing index", "no rollback plan", "lack of monitoring"): it is
  // said by a negated mention of the rest ("there was no index"), never by a positive one.
  bool lack = false;
  // For each of `stems`: whether it is a term of the art (an acronym, a name with digits, or not
  // an ordinary word), for scorers that weigh words by how much they say.
  std::vector<bool> technical;
  // For each of `stems` but the last: the stem of that word and the next written as one
  // ("roll back" -> "rollback", "post mortem" -> "postmortem"), so that an answer may join them.
  std::vector<std::string> joined;

  // The term for `text`: its content words (stop words dropped unless nothing else is left), with
  // a leading "no", "missing", "lack of", "without", "absence of", "don't" or "do not", or a
  // negation in the middle ("Consumer was not idempotent", "Readers do not block writers"), read
  // as a lack. For a key point, a closing contrast ("Specific behaviour, not personality", "...
  // but no false negatives", "... rather than a rewrite", "... instead of unbounded buffers") is
  // left out: it names the opposite. Nothing when `text` has no words.
  static std::optional<Term> parse(std::string_view text, Strictness strictness = Strictness::key_point);
  // A phrase to be found word for word (stemmed), stop words included.
  static std::optional<Term> phrase(std::string_view text);
};

struct TermMatch {
  int found = 0;     // distinct words of the term found close together
  int first = -1;    // the answer's words from `first` to `last` hold them
  int last = -1;
  double weight = 0;  // for find_weighted(): the summed weight of the words found

  bool complete(const Term& term) const { return term.usable && found > 0 && found >= term.needed; }
};

// An answer's words, spelled out, stemmed and read for negation once, to look terms up in. Words
// are compared by stem (a noun and its verb alike: "verification" and "verify", "failure" and
// "fail"), and also through a small table of words of the trade that mean the same
// ("revert" ~ "roll back", "customer" ~ "user", "outage" ~ "incident", "shard" ~ "partition") and
// a thesaurus of engineering English where a word may have several senses ("drop" ~ "lower" and
// "drop" ~ "reject"; "spare" ~ "headroom"; "chart" ~ "monitor").
class REHEARSE_API AnswerIndex {
 public:
  explicit AnswerIndex(const AnswerText& text);

  // The closest group of the term's words in one sentence (the most of them, then the shortest
  // span), counting only words outside a negation, or for a lack a group with at least one word
  // inside one ("no list of which certs": a relative clause ends the scope, not the lack; and
  // not where they describe a following "problem" or "issue": "never an index problem"),
  // never words of a bare list (listed()), and including a term of the art when the term has one.
  TermMatch find(const Term& term) const;
  // Like find(), but counting words whatever their negation: where an answer says a thing only to
  // deny it ("we never had a rollback plan"), find() fails and this succeeds.
  TermMatch find_anywhere(const Term& term) const;
  // Like find(), but the group whose words weigh the most, word j of the term weighing
  // `weights[j]` (one per stem): for a scorer that counts a rare word as saying more than an
  // ordinary one. TermMatch::weight holds the group's weight.
  TermMatch find_weighted(const Term& term, const std::vector<double>& weights) const;
  // Like find_weighted(), but the group may run across clauses and on into the next sentence, over
  // at most three times the distance: for a point said in two steps ("Each node keeps a counter
  // per writer. A write bumps its own slot."). Such a group says less than one said in one clause,
  // so a scorer should ask more of it. (API 4.2)
  TermMatch find_spread(const Term& term, const std::vector<double>& weights) const;
  // A mention of the term after word `word` denied outright, its negation standing just before it
  // ("... in the end we never built the circuit breaker", "there was no circuit breaker"), else
  // an empty match: for a scorer that takes a later denial as the answer's last word on a thing
  // it named earlier. A denial of something else done with the thing ("nobody watched the depth
  // of the queue") does not count. (API 4.4)
  TermMatch find_denied_after(const Term& term, int word) const;

  const AnswerText& text() const { return text_; }
  const NegationScope& negation() const { return negation_; }
  const std::string& stem(int i) const { return stems_[static_cast<std::size_t>(i)]; }
  bool is_content(int i) const;
  // Whether word `i` is an item of a bare list of buzzwords: a run of at least three clauses of at
  // most three words each, holding four or more items ("idempotency, exponential backoff, jitter,
  // retry budgets, sagas"), with the last words of the clause that introduces it. Naming a term in
  // such a list is not using it; find() skips these words.
  bool listed(int i) const { return listed_[static_cast<std::size_t>(i)]; }
  // Whether word `i` describes a following "problem", "issue" or "bug": "it was never an index
  // problem" denies the problem, not the index, so it says no lack of an index.
  bool describes_trouble(int i) const;

 private:
  enum class Polarity { positive, negative, any };
  static Polarity polarity_of(const Term& term);
  TermMatch find(const Term& term, Polarity polarity, const std::vector<double>* weights = nullptr, bool spread = false,
                 int first_word = 0) const;
  TermMatch find_phrase(const Term& term, Polarity polarity, int first_word = 0) const;
  bool same_word(const Term& term, std::size_t j, std::size_t i) const;
  bool allowed(int word, Polarity polarity) const;

  const AnswerText& text_;
  NegationScope negation_;
  std::vector<std::string> words_;   // spelled out
  std::vector<std::string> stems_;
  std::vector<std::string> canon_;   // stems_ through the table of words that mean the same
  // For word i and a particle written as one: [3i] words i and i+1 as typed ("roll back" ->
  // "rollback"), [3i+1] with word i in its base form ("timed out" -> "timeout"), [3i+2] word i and
  // i+2 over a pronoun ("switched it off" -> "switchoff"); empty where there is no such pair.
  std::vector<std::string> joined_;
  std::vector<bool> listed_;
  std::vector<int> clause_;          // which clause (split at , ; : brackets and dashes) word i is in
};

}  // namespace rehearse
