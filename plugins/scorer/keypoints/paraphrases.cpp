#include "paraphrases.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace keypoints {

namespace {

using rehearse::CueList;

// concepts.txt, compiled in as its bytes (CMakeLists.txt).
constexpr unsigned char kConceptsBytes[] = {
#include "concepts_text.inc"
};
const std::string_view kConceptsText(reinterpret_cast<const char*>(kConceptsBytes), sizeof kConceptsBytes);

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::string at_line(int line, const std::string& message) { return "concepts.txt:" + std::to_string(line) + ": " + message; }

// The stems of a comma-separated list of words and phrases ("forward secrecy, pfs").
std::vector<std::string> stems_of_list(std::string_view list) {
  std::vector<std::string> out;
  const rehearse::AnswerText words{std::string(list)};
  for (const auto& word : words.words()) out.push_back(rehearse::stem(rehearse::spell_out(word.text)));
  return out;
}

// The ideas of the lexicon text (concepts.txt's format), appended to `ideas`; their cue lists live
// in `cue_lists`, which must outlive them. A malformed block is an error naming its line.
void read_lexicon(std::string_view text, std::vector<Paraphrase>& ideas, std::deque<CueList>& cue_lists) {
  struct Block {
    std::string idea;
    int line = 0;
    std::vector<std::string> names, words, cues;
    bool in_cues = false;
  };
  std::optional<Block> block;
  const auto finish = [&] {
    if (!block) return;
    if (block->names.empty() || block->cues.empty())
      throw std::invalid_argument(at_line(block->line, "idea '" + block->idea + "' needs names and at least one cue"));
    try {
      cue_lists.emplace_back(block->cues);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(at_line(block->line, "idea '" + block->idea + "': " + e.what()));
    }
    ideas.push_back(Paraphrase{block->idea, std::move(block->names), std::move(block->words), &cue_lists.back()});
    block.reset();
  };
  int number = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const auto end = std::min(text.find('\n', start), text.size());
    const std::string_view line = trim(text.substr(start, end - start));
    start = end + 1;
    ++number;
    if (line.empty()) {
      finish();
      continue;
    }
    if (line.front() == '#') continue;
    const auto field = [&](std::string_view key) { return line.substr(0, key.size()) == key; };
    if (field("idea:")) {
      finish();
      block = Block{std::string(trim(line.substr(5))), number, {}, {}, {}, false};
    } else if (!block) {
      throw std::invalid_argument(at_line(number, "expected 'idea:' to start a block"));
    } else if (block->in_cues) {
      block->cues.emplace_back(line);
    } else if (field("names:")) {
      block->names = stems_of_list(line.substr(6));
    } else if (field("words:")) {
      block->words = stems_of_list(line.substr(6));
    } else if (field("cues:")) {
      block->in_cues = true;
    } else {
      throw std::invalid_argument(at_line(number, "expected names:, words: or cues:"));
    }
  }
  finish();
}

std::vector<std::string> stems_of(std::initializer_list<const char*> words) {
  std::vector<std::string> out;
  for (const char* word : words) out.push_back(rehearse::stem(rehearse::spell_out(word)));
  return out;
}

bool contains(const std::vector<std::string>& stems, const std::string& stem) {
  return std::find(stems.begin(), stems.end(), stem) != stems.end();
}

}  // namespace

// Each idea: the words that name it, the other words a key point about it may use, and how it is
// said. The cues are the idea in plain words, the way an engineer explains it to someone who does
// not know the term; they stay short so that they mean the idea in any answer.
const std::vector<Paraphrase>& paraphrases() {
  // --- the rubric's own ideas (scoring.md section 3) ---
  static const CueList alternatives = {
      "i|we considered|weighed|evaluated|compared|explored|debated|prototyped|benchmarked",
      "i|we looked at|into both|several|two|three|each|other|alternatives|options",
      "instead of",
      "rather than",
      "as opposed to",
      "in favour|favor of",
      "other|another|second|third option|options|approach|approaches|alternative|alternatives|route|routes|idea|ideas",
      "the|an|one|two|three alternative|alternatives|options",
      "chose|picked|preferred|took|went|opted _? _? _? over",
      "ruled|rule out",
      "rejected|decided against|discarded|dropped the idea",
      "side by side",
      "versus|vs",
  };
  static const CueList tradeoffs = {
      "tradeoff|tradeoffs|trade off|offs",
      "the|a|one|its|their downside|downsides|drawback|drawbacks|catch|price|cons",
      "at the cost|expense|price of",
      "in exchange for",
      "pros and cons",
      "cost|costs|costing us|me|them|more|extra",
      "gave|give up",
      "more _ _? but less|slower|fewer|harder|riskier",
      "cheaper|simpler|safer|faster|slower|riskier|easier|harder but",
      "you|we pay for it",
  };
  static const CueList root_cause = {
      "root cause|causes",
      "caused by",
      "the cause|culprit|trigger",
      "traced|tracked|narrowed _ _? _? to|down",
      "turned out",
      "came down to",
      "was due to",
      "because of a|an|the",
      "the real|actual|underlying cause|problem|reason|pain",
  };
  static const CueList informed = {
      "kept|keep|keeping _ _? _? _? _? posted|informed|updated|aligned",
      "in the loop",
      "status update|updates|page|channel|email|emails",
      "posted|sent|gave|shared updates|update|a|an|regular|hourly",
      "every # minutes|hours",
      "every hour|day|morning",
      "updated|briefed|informed|told the|our|my _? stakeholders|leadership|support|customers|team|managers|manager|product",
  };
  // --- reliability and incidents ---
  static const CueList rollback = {
      "roll|rolls|rolled|rolling _? back",
      "rollback|rollbacks",
      "revert|reverts|reverted|reverting|revertible|reversible",
      "undo|undid|undone|undoing",
      "go|goes|went|going|switch|switched|switching|switches|flip|flipped|flipping back",
      "fall|fell|falling back",
      "fallback",
      "previous|old|last good? version|release|build|config|settings",
      "redeploy|redeployed|redeploying the previous|old|last",
  };
  static const CueList rollback_absent = {
      "had to fix|fixing forward",
      "one way door",
      "irreversible",
      "no way back",
  };
  static const CueList monitoring = {
      "monitor|monitored|monitoring|monitors",
      "alert|alerts|alerting|alerted|alarm|alarms",
      "paged|page|pages|paging",
      "dashboard|dashboards|graph|graphs",
      "watching|watched|watches",
      "would|could|should have? told|warned|notified|caught",
      "told|warned|notified us",
  };
  static const CueList monitoring_absent = {
      "found|find|learned|learnt|heard out? about|from|through|via|when customer|customers|support|users|a|twitter|finance",
      "customer|customers|support|users|user|finance _? told|tweeted|emailed|reported|called|spotted|noticed",
      "nobody|no one noticed|spotted|knew",
  };
  static const CueList added_alerting = {
      "added|created|wrote|introduced|built _? _? _? alert|alerts|alarm|alarms|page|paging|monitoring|dashboard",
      "set up _? _? _? alert|alerts|alarm|alarms|page|paging|monitoring|dashboard",
      "now|new alert|alerts|alarm|page|pages",
      "pages|page|paged|alerts|alarms on",
  };
  static const CueList mitigate_first = {
      "before _? _? _? understood|knowing|knew|understanding|finding|found",
      "stop|stopped|stopping the bleeding",
      "mitigate|mitigated|mitigating first",
      "first, then|and then? _? _? root",
      "restore|restored|restoring _ _? first",
  };
  static const CueList quantified_impact = {
      "# % of _? _? requests|searches|orders|users|customers|traffic|calls|payments|transactions|checkouts",
      "# minutes|hours|min of _? downtime|degraded|outage|errors",
      "down|degraded|broken for _? _? # minutes|hours|min",
      "# % _? _? failed|errored|timed",
      "error|errors rate? went|fell|rose|climbed|jumped|dropped from? #",
      "# customers|users|orders|payments were|got affected|charged|impacted",
  };
  static const CueList took_ownership = {
      "i declared|ran|led|coordinated the incident|response",
      "took|take charge|command",
      "took|take the lead|commander|command",
      "i was|became the incident? commander|lead|coordinator",
  };
  static const CueList postmortem = {
      "postmortem|postmortems|retrospective|retro|retros",
      "post mortem|mortems",
      "incident|blameless review|writeup|analysis",
      "looked back at what went wrong",
  };
  static const CueList actions_owned = {
      "named person|owner|owners",
      "name|names|owner|owners and a? due? date|dates|deadline",
      "assigned|assign|gave _ _? _? to|an? owner|owners|person",
      "each|every follow|fix|action|item up? got|had a|an|its",
  };
  static const CueList owned_mistake = {
      "on me",
      "my fault|mistake|bad|error|responsibility",
      "i got it wrong",
      "i was|am the one who|that",
      "i'm the one who|that",
      "i take|took responsibility|ownership",
      "i take|took the blame",
      "i messed|screwed|broke|caused",
      "i own|owned it|that|the",
  };
  static const CueList mitigated_quickly = {
      "fixed|fix forward",
      "restored|restore|restoring _? _? service|it|the|scoring|traffic",
      "got _ _? _? back on|up",
      "back up and running",
      "within # minutes|hours|min",
      "the same afternoon|morning|day|hour",
      "in # minutes|hours|min",
  };
  static const CueList process_change = {
      "since then|that",
      "from then on",
      "going forward",
      "now every|all|each|any _? _? change|changes|release|deploy|config|goes|go|needs|requires",
      "added|introduced|created|wrote|made _? _? checklist|step|gate|review|rule|policy",
      "every|each|any _ _? change|changes goes|go|must|need through",
      "we stopped|banned|no longer",
  };
  static const CueList testing_gap = {
      "only tested|tried|ran _ _? _? on|against|in|locally",
      "never|not|didn't|hadn't tested|tried|exercised|run|ran|test",
      "never|not|weren't|wasn't tested|tried|exercised",
      "no|without staging|test|tests|testing",
      "untested",
      "skipped|skip _? tests|testing|staging|qa",
      "on my laptop|machine",
  };
  // --- retries and idempotency ---
  static const CueList idempotency = {
      "unique token|id|ids|key|identifier|request|reference",
      "same token|key|id|identifier|request id",
      "already seen|processed|handled|applied|used",
      "ids|tokens|keys _? _? already seen|processed|handled|applied",
      "skips|skip|ignores|ignore|drops|drop|discards|discard repeats|duplicates|repeated",
      "dedupe|dedup|deduplicate|deduplicates|deduplicated|deduplication|deduped",
  };
  // Its absence told by the symptom: "40 customers got charged twice".
  static const CueList idempotency_absent = {
      "charged|billed|processed|applied|executed|delivered twice",
      "double charge|charges|charged|charging|billing|processing|booking|bookings",
      "duplicate charges|payments|orders|bookings|emails",
  };
  static const CueList stored_result = {
      "original|same|stored|saved|previous|first|earlier|cached answer|response|result|outcome",
      "gets|get|returns|return|replays|replay|sends|send back? the _? _? answer|response|result|outcome",
      "stores|store|saves|save|records|record|keeps|keep _ _? _? _? answer|answered|response|result|outcome",
  };
  static const CueList backoff = {
      "wait|waits|waiting|waited|pause|pauses|sleep|sleeps _? longer|more each|every|after",
      "longer each|every time|attempt|retry",
      "doubling|doubles|double|doubled the? wait|delay|interval|pause",
      "doubling",
      "random|randomised|randomized extra|delay|jitter|bit|amount|offset|spread",
      "spread|stagger|staggered _? out|retries|attempts",
      "don't|doesn't|won't|not all come|retry _? back at the same",
      "exponential|exponentially",
  };
  static const CueList retry_cap = {
      "gives|give|gave|giving up after",
      "at most # attempts|tries|retries|times",
      "stop|stops|stopped|stopping after # attempts|tries|retries|failures",
      "stop|stops after a handful|few|couple",
      "more than once|twice|# times",
      "handful|few|couple of tries|attempts|retries",
      "max|maximum|limit|cap|budget of? # attempts|tries|retries",
      "# attempts|tries|retries max|maximum",
      "# attempts|tries|retries at most",
  };
  static const CueList transient_only = {
      "temporary|transient|intermittent|momentary|brief|passing failure|failures|error|errors|blip|blips|glitch|glitches|problem",
      "could|might|may|would _? be temporary|transient|intermittent",
      "only retry|retries|retrying|try|tries",
      "retry|retries|retrying|try|tries _? again? only on|when|if|for",
      "never|not|don't|won't retry|retrying|try _ _? _? 4xx|decline|declined|rejected|validation",
  };
  static const CueList breaker = {
      "stop|stops|stopped|stopping calling|sending|trying _ _? _? for|while",
      "trial|test|probe|single request|call through",
      "fail|fails|failing fast",
      "circuit|breaker|breakers",
  };
  static const CueList bulkhead = {
      "own|separate|dedicated|isolated _? _? _? pool|pools|workers|threads|connections|queue|queues",
      "isolate|isolated|isolates|isolating|isolation",
      "tie|ties|tying|tied up its|their own",
  };
  // Serving something lesser rather than an error: a fallback, or a cached, default or placeholder
  // response in place of the real one.
  static const CueList degradation = {
      "instead of failing|erroring|breaking|crashing",
      "instead of an error",
      "fallback|fallbacks",
      "fall|falls|fell|falling back",
      "degrade|degrades|degraded|degrading",
      "cached|default|generic|static|placeholder _? response|responses|list|page|content|value|values|result|results",
      "without _? _? recommendations|feature|personalisation|personalization",
  };
  static const CueList load_shedding = {
      "turn|turns|turned|turning away",
      "reject|rejects|rejected|rejecting|drop|drops|dropped|dropping|shed|sheds|shedding _ _? _? requests|traffic|load|work",
      "low|lower priority requests|traffic|work|calls",
  };
  static const CueList timeouts = {
      "hard? limit of # ms|millisecond|milliseconds|seconds|second",
      "give|gives|gave up on? it? after #",
      "deadline|deadlines|timeout|timeouts",
  };
  // --- caching ---
  static const CueList cache_miss = {
      "on|after|for a|the? miss|misses",
      "isn't|wasn't there|cached|found",
      "isn't|wasn't in the cache",
      "is|was not there|cached|found",
      "is|was not in the cache",
      "look|looks|check|checks|ask|asks|try|tries|read|reads _ _? _? _? first",
      "goes|go|falls|fall|fetches|fetch|loads|load|queries|query _? to? from? the|primary database",
  };
  static const CueList cache_fill = {
      "writes|write|puts|put|saves|save|stores|store|adds|add|populates|populate|fills|fill _ _? _? _? in|into|to the? cache|store",
      "saves|save|keeps|keep|stores|store a? copy",
      "for next time",
      "for the next",
      "so the next read|reader|caller|request hits|is",
  };
  static const CueList invalidate = {
      "delete|deletes|deleted|remove|removes|removed|evict|evicts|evicted|drop|drops|purge|purges|clear|clears|invalidate|invalidates _ _? _? key|keys|entry|copy|copies|value|cache|item",
      "invalidate|invalidates|invalidated|invalidation|invalidating",
  };
  static const CueList ttl = {
      "vanish|vanishes|expire|expires|disappear|disappears|lapse|lapses _? by? themselves|itself|automatically|after",
      "time to live",
      "ttl|ttls",
      "expiry|expiration|expire|expires|expiring after|of|on",
      "heals itself",
  };
  static const CueList herd = {
      "crowd|flood|wave|burst|pile|swarm|herd|thousands|hundreds of requests|callers|clients",
      "stampede|stampedes|dogpile|coalesce|coalescing",
      "at the same moment|time|instant",
      "all at once",
      "let|lets|allow|allows only one _? _? _? rebuild|recompute|refresh|fetch|reload|regenerate",
      "while the rest wait",
  };
  static const CueList stale = {
      "stale",
      "read|reads|see|sees|serve|serves|get|gets|return|returns _ _? _? old|stale|outdated copy|value|data|version|entry",
      "old|outdated copy|value|data|entry",
      "out of date",
      "inconsistent|inconsistency",
  };
  // --- schema changes and migrations ---
  static const CueList expand_contract = {
      "next to the old",
      "alongside|beside the old",
      "new _ _? next to|alongside|beside",
      "expand|expanding _? _? contract|contracting",
      "later remove|drop|delete the old",
      "remove|drop|delete the old _ _? once|after|later",
  };
  static const CueList backward_compatible = {
      "read|reads|handle|handles|work|works with either|both",
      "write|writes|writing to both",
      "keeps|keep working",
      "old and new code|versions|schema|clients",
      "additive|backward|backwards compatible|compatibility",
      "nothing breaks|no renames",
  };
  static const CueList batches = {
      "_ at a time",
      "in batches|chunks|small batches|pieces",
      "batch|batches|batched|batching",
      "backfill|backfills|backfilled|backfilling",
      "copy|copies|copied|copying the historical|existing|old rows",
  };
  static const CueList online_ddl = {
      "shadow|ghost copy",
      "copy of the table",
      "without locking|blocking _? _? table|writes",
      "never|isn't|wasn't|not locked|frozen|blocked",
      "stays|stayed|remains|remained writable|online|available",
      "gh ost",
      "online schema change",
  };
  static const CueList long_transactions = {
      "open|idle|running for # minutes|hours|min",
      "open|idle|running for _? _? _? hour|hours",
      "sitting|sat|left|held|holding|kept|keeping _ _? _? open",
      "sitting|sat on an? open",
      "open transaction|transactions|query|queries",
  };
  static const CueList low_traffic = {
      "at night|overnight",
      "when|while traffic|load|usage is low|lowest|quiet|light",
      "traffic|load is lowest|low|quietest",
      "quiet|quietest|quieter period|hours|time|times|region|window",
      "maintenance window",
      "when|while hardly|few|nobody|no one anyone? is? using|uses|on",
      "off hours|peak",
      "low traffic",
      "early morning",
  };
  static const CueList phased = {
      "in phases|stages|waves|steps",
      "one by one",
      "one|a few _? at a time",
      "# % _? then #",
      "gradually|incrementally|progressively|step by step",
      "phased|incremental|strangler",
      "a few|small|subset|portion|slice of _? _? _? first",
  };
  static const CueList verification = {
      "side by side",
      "shadow reads|traffic|mode",
      "compare|compared|comparing|diff|diffed|diffing _ _? _? output|outputs|results|responses|reads|both",
      "logged|logs|log every|each mismatch|difference",
      "mismatch|mismatches",
  };
  static const CueList criteria = {
      "abort|stop|rollback|exit|success conditions|criteria|threshold|thresholds|point",
      "agreed|decided|wrote|defined|set _? _? _? up front",
      "agreed|decided|wrote|defined|set _? _? _? in advance",
      "agreed|decided|wrote|defined|set _? _? _? beforehand",
      "agreed|decided|wrote|defined|set _? _? _? ahead of time",
      "meant|means we stop|stopped|abort|aborted|roll|rolled",
      "at which we'd|we|would abort|stop",
      "when to stop|abort",
      "go no go",
  };
  static const CueList alignment = {
      "got _ _? _? _? _? _? to agree|sign|commit",
      "buy in",
      "on board",
      "signed|sign off",
      "agreed|agree on the plan|approach|timeline",
      "aligned|align with|on",
  };
  static const CueList measured_outcome = {
      "by # %",
      "from # to #",
      "# % faster|cheaper|less|lower|fewer|smaller|more",
      "cut|reduced|saved|halved|lowered|dropped|improved _ _? _? by #",
      "week|weeks|days early",
      "no customer facing incidents|outages",
  };
  static const CueList automatic_rollback = {
      "roll|rolls|rolled|rolling _? back by itself|themselves",
      "roll|rolls|rolled|rolling _? back automatically",
      "roll|rolls|rolled|rolling _? back on its|their own",
      "revert|reverts|reverted _? by itself|themselves",
      "revert|reverts|reverted _? automatically",
      "revert|reverts|reverted _? on its|their own",
      "automatic|automated|auto rollback|rollbacks|revert|reverts",
      "auto rollback|revert|roll",
  };
  static const CueList canary = {
      "canary|canaries|canaried",
      "small|tiny percentage|fraction|share|slice|subset of _? traffic|users|hosts|pods|servers",
      "# % of _? traffic|users|hosts|pods|servers|requests _? first",
  };
  static const CueList watch_metrics = {
      "watch|watched|watching|monitor|monitored|monitoring _? _? dashboards|metrics|graphs|graph|error|errors|latency",
      "dashboard|dashboards|graph|graphs|metrics _? showed|show|shows",
      "compares|compared|compare _ _? _? baseline",
  };
  // --- latency ---
  static const CueList tail = {
      "slowest # %|percent",
      "slowest one percent",
      "the tail",
      "tail latency|latencies",
      "p99|p999|p95|p90|percentile|percentiles",
      "mean|average|averages hides|hide|hid|lies",
  };
  static const CueList tracing = {
      "hop by hop",
      "distributed tracing",
      "trace|traces _? showed|show|shows",
      "where the time goes|went",
      "where the time is going",
      "which _? _? call|calls|service ate|took|spent the? time",
      "flame graph|graphs",
      "profile|profiled|profiling|profiler",
  };
  static const CueList hedging = {
      "duplicate|second|backup|hedged|hedge|spare copy|request|call",
      "whichever answers|responds|returns|comes back first",
      "send|sends|sent _ _? _? to another replica|server|backend",
      "send|sends|sent _ _? _? to a second replica|server|backend",
  };
  static const CueList fanout = {
      "fewer backends|calls|shards|services|downstream|dependencies|servers",
      "fan|fans|fanning out",
      "fanout",
      "waits|wait on|for # backends|shards|services|calls",
  };
  static const CueList gc = {
      "reclaim|reclaiming|reclaims|free|freeing memory",
      "garbage collection|collector",
      "stop the world",
      "gc|gcs",
      "runtime _? _? freezing|freezes|pauses|paused",
  };
  static const CueList saturation = {
      "waits|wait|waiting in line",
      "waits|wait|waiting in a|the queue",
      "pool|pools|workers|threads _? _? _? _? busy|full|saturated|exhausted",
      "near|nearly|almost|close to full|capacity",
      "queue|queues up|depth|grows|builds",
      "saturation|saturated|utilisation|utilization",
      "below full|capacity",
  };
  static const CueList local_cache = {
      "cache|caches|cached|caching",
      "keep|keeps|kept _ _? _? in memory",
  };
  // --- rate limiting ---
  static const CueList token_bucket = {
      "refill|refills|refilled|refilling",
      "allowance|allowances|tokens|budget _ _? _? refills|refill|resets",
      "burst|bursts a? little",
      "token|leaky bucket|buckets",
      "sliding|fixed window|windows",
      "each|every call|request spends|uses|takes|costs one|a",
  };
  static const CueList per_client = {
      "keyed|keys by user|client|customer|tenant|api|account|ip",
      "per|each|every customer|client|user|tenant|api|caller|account|key",
      "each|every customer|client|user|tenant|caller|account gets|has",
  };
  static const CueList shared_store = {
      "one|a|single shared|central|centralised|centralized _? _? store|cache|counter|database|redis",
      "shared|central|centralised|centralized store|cache|counter|counters|state",
      "every|all|each gateway|node|instance|server|instances|nodes|servers _? _? _? talk|talks|see|sees|share|shares|same",
      "no matter which _? _? _? server|servers|node|nodes|instance",
      "redis|memcached",
  };
  static const CueList status_429 = {
      "too many requests",
      "429",
      "how many|how long|many seconds|minutes _? to wait",
      "retry after",
  };
  static const CueList atomic = {
      "indivisible",
      "atomic|atomically|atomicity",
      "single|one operation|step|command|script",
      "can't|cannot both",
      "compare|check and set",
      "incr",
  };
  static const CueList fail_open = {
      "let|letting|allow|allowing _? traffic|requests|everything|everyone|them through",
      "fail|fails|failing open|closed",
      "shut|lock|block|keep _ _? _? out",
  };
  // --- events and messaging ---
  static const CueList outbox = {
      "saved|written|stored|inserted|insert as? a? row|rows in|into a? table",
      "same commit|transaction",
      "outbox",
  };
  static const CueList dual_write = {
      "between the commit|write|save and the send|publish|event|message",
      "two separate steps|writes|systems|operations",
      "one happens without the other",
      "dual write|writes",
  };
  static const CueList relay = {
      "background|separate worker|job|process|relay|poller|publisher _? reads|polls|publishes|pushes|sends|picks",
      "reads|polls|tails those|the rows|table|log|wal",
      "debezium|cdc|change data capture",
  };
  static const CueList at_least_once = {
      "send|sends|deliver|delivers|sent|delivered|publish|publishes|receive|see something? _? _? twice|again|more than once",
      "duplicate|duplicates",
      "at least once",
  };
  static const CueList ordering = {
      "in sequence|order",
      "same partition|channel|queue|key|shard|stream",
      "arrive|processed|delivered|stay|stays in order|sequence",
      "partition key",
  };
  // --- disagreements ---
  static const CueList understood = {
      "asked|ask|asking _? _? _? why|what|how",
      "walk me through",
      "understand|understood|understanding what|why|where|his|her|their",
      "hear|heard _ _? out",
      "listened|listen|listening",
      "their|his|her side|point|perspective|reasons|reasoning",
  };
  static const CueList data_driven = {
      "measured|benchmarked|profiled|prototyped",
      "pulled|gathered|collected|dug _ _? _? _? data|numbers|history|metrics|logs",
      "showed|show|shown that",
      // Not "the data" alone: "the data centre", "the data team".
      "the numbers|data|benchmark|benchmarks|results|graphs showed|show|shows|said|proved|backed|supported|settled|made|were|was",
      "proof of concept",
      "benchmark|benchmarks",
  };
  static const CueList private_talk = {
      "privately",
      "in private",
      "one on|to one",
      "face to face",
      "1 1",
      "directly with|to him|her|them",
      "sat down with",
  };
  static const CueList commit = {
      "said fine|ok|okay|sure",
      "got|get|getting behind",
      "backed|back|supported the|his|her|their decision|call|plan|choice",
      "committed|commit to",
      "went along",
      "helped plan|build|ship|implement",
  };
  static const CueList followed_up = {
      "followed|follow|following up",
      "checked|check|checking in|back",
      "circled|circle|circling back",
      "touched|touch base",
      "a|one|two|few week|weeks|month|months later|afterwards i|we _? checked|asked|looked|reviewed|met|talked|caught",
      "the following|next week|month i|we _? _? checked|asked|looked|reviewed|read|met|talked|caught",
  };
  static const CueList relationship = {
      "work|worked|working closely|together|well",
      "paired|pairing _? _? since|together",
      "relationship _? _? _? _? _? recover|recovered|improved|stronger|strong|good|great",
  };
  // --- databases ---
  static const CueList missing_index = {
      "index|indexes|indexed|indices",
  };
  static const CueList index_absent = {
      "read|reads|scan|scans|scanned|scanning _? the whole|entire|full table",
      "sequential|full table? scan|scans",
      "scanned|scan|scanning # million? rows",
      "no fast way to search|find|look",
  };
  static const CueList what_changed = {
      "what changed",
      "against|after|since|with deploys|deploy|deployment|deployments|releases|release",
      "recent|latest deploy|deploys|change|changes|release|releases",
  };
  static const CueList lock_contention = {
      "waiting|wait|waits|blocked|stuck|queued _? _? on|for|behind _? locks|lock",
      "lock|locks contention|waits|held",
      "blocking|blocks|blocked every|other|each",
  };
  static const CueList n_plus_one = {
      "query|queries|call|calls|request|requests per item|row|record|result|entity",
      "query|queries|call|calls|request|requests for each|every item|row|record|result|entity",
      "in a loop",
      "same query _? repeated",
      "n 1",
  };

  static std::deque<CueList> lexicon_cues;
  static const std::vector<Paraphrase> all = [] {
    std::vector<Paraphrase> ideas = {
      {"alternatives", stems_of({"alternative", "option", "rejected", "considered", "weighed", "choice"}),
       stems_of({"explain", "discuss", "mention", "compare", "consider", "other", "evaluated"}), &alternatives},
      {"tradeoffs", stems_of({"tradeoff", "trade", "downside", "drawback", "cost", "price"}),
       stems_of({"explain", "discuss", "mention", "name", "trade", "off"}), &tradeoffs},
      {"root cause", stems_of({"root", "cause"}), stems_of({"find", "identify", "identified", "found", "actual", "real", "underlying"}),
       &root_cause},
      {"stakeholders informed", stems_of({"stakeholder", "communication", "communicate", "informed", "inform", "updates"}),
       stems_of({"update", "updated", "keep", "status", "regular", "cadence", "support"}), &informed},
      {"rollback", stems_of({"rollback", "revert", "undo", "fallback", "roll"}),
       stems_of({"plan", "back", "way", "able", "first", "quick", "fast", "path"}), &rollback, &rollback_absent, false,
       stems_of({"irreversible", "unrecoverable"})},
      {"monitoring", stems_of({"monitoring", "alerting", "alert", "observability", "alarm"}),
       stems_of({"lack", "poor", "gap", "missing"}), &monitoring, &monitoring_absent, false, stems_of({"unmonitored", "blind"})},
      {"added alerting", stems_of({"alerting", "alert", "paging", "alarm"}), stems_of({"added", "add", "new", "afterwards", "after"}),
       &added_alerting},
      {"mitigate first", stems_of({"mitigate", "bleeding"}), stems_of({"before", "root", "cause", "first", "stop"}), &mitigate_first},
      {"quantified impact", stems_of({"quantified", "impact", "downtime"}), stems_of({"minutes", "error", "rate", "measured", "user"}),
       &quantified_impact},
      {"took ownership", stems_of({"ownership", "commander", "owned"}), stems_of({"took", "incident", "took"}), &took_ownership},
      {"postmortem", stems_of({"postmortem", "retrospective", "retro"}), stems_of({"blameless", "held", "ran", "wrote"}), &postmortem},
      {"action items with owners", stems_of({"owner", "follow-ups", "action"}), stems_of({"items", "with", "follow", "ups", "assigned"}),
       &actions_owned},
      {"owned the mistake", stems_of({"mistake", "fault", "responsibility", "owned"}), stems_of({"took", "my"}), &owned_mistake},
      {"mitigated quickly", stems_of({"mitigated", "restored"}), stems_of({"quickly", "service", "fast", "fixed", "forward"}),
       &mitigated_quickly},
      {"process change", stems_of({"process", "checklist"}), stems_of({"changed", "change", "afterwards", "improved"}), &process_change},
      {"testing gap", stems_of({"testing", "untested", "staging", "tests"}), stems_of({"insufficient", "skipped", "no", "poor", "lack"}),
       &testing_gap, nullptr, true},
      {"idempotency", stems_of({"idempotency", "idempotent", "dedupe", "deduplication"}),
       stems_of({"key", "request", "id", "consumers", "consumer", "handlers"}), &idempotency, &idempotency_absent},
      {"stored result", stems_of({"stored", "saved", "replay"}), stems_of({"return", "result", "response", "repeat", "on"}),
       &stored_result},
      {"backoff", stems_of({"backoff", "jitter", "exponential"}), stems_of({"with", "back", "off"}), &backoff},
      {"retry cap", stems_of({"cap", "limit", "max", "maximum", "budget"}), stems_of({"number", "retries", "attempts", "retry"}),
       &retry_cap, nullptr, true},
      {"transient errors only", stems_of({"transient", "retryable", "temporary"}), stems_of({"retry", "only", "errors", "failures"}),
       &transient_only},
      {"circuit breaker", stems_of({"breaker"}), stems_of({"circuit"}), &breaker},
      {"bulkheads", stems_of({"bulkhead", "bulkheads", "isolation", "pools"}), stems_of({"separate"}), &bulkhead},
      {"graceful degradation", stems_of({"degradation", "degrade", "fallback"}), stems_of({"graceful", "cached", "response"}),
       &degradation},
      {"load shedding", stems_of({"shedding", "shed"}), stems_of({"load", "reject", "early"}), &load_shedding},
      {"timeouts", stems_of({"timeout", "timeouts", "deadline"}), stems_of({"every", "call"}), &timeouts},
      {"cache miss", stems_of({"miss", "lazy"}), stems_of({"read", "cache", "fall", "back", "database", "loading"}), &cache_miss},
      {"cache fill", stems_of({"populate", "fill"}), stems_of({"cache", "after", "miss", "write", "back"}), &cache_fill},
      {"invalidation", stems_of({"invalidate", "invalidation"}), stems_of({"on", "write", "delete", "key", "update"}), &invalidate},
      {"ttl", stems_of({"ttl", "expiry", "expire", "expiration"}), stems_of({"safety", "net"}), &ttl},
      {"thundering herd", stems_of({"herd", "stampede", "dogpile", "coalescing"}), stems_of({"thundering", "request", "cache"}), &herd},
      {"stale data", stems_of({"stale", "inconsistency"}), stems_of({"data", "window", "reads"}), &stale},
      {"expand and contract", stems_of({"expand", "contract"}), stems_of({"parallel", "change"}), &expand_contract},
      {"backward compatible", stems_of({"backward", "backwards", "compatible", "additive"}), stems_of({"changes", "change"}),
       &backward_compatible},
      {"batches", stems_of({"backfill", "batches", "batched"}), stems_of({"in"}), &batches},
      {"online schema change", stems_of({"locks", "lock", "online"}), stems_of({"avoid", "long", "table", "schema", "change"}),
       &online_ddl, nullptr, true},
      {"long transactions", stems_of({"transaction", "transactions"}), stems_of({"long", "running", "long-running", "open"}),
       &long_transactions},
      {"low traffic", stems_of({"schedule", "peak", "quiet"}), stems_of({"low", "traffic", "off", "hours", "during"}), &low_traffic},
      {"phased rollout", stems_of({"phased", "phases", "incremental", "strangler"}), stems_of({"rollout", "fig"}), &phased},
      {"verification", stems_of({"shadow", "verification", "compare"}), stems_of({"dual", "writes", "write", "reads", "or", "with"}),
       &verification},
      {"go/no-go criteria", stems_of({"criteria", "abort"}), stems_of({"go", "no-go"}), &criteria},
      {"stakeholder alignment", stems_of({"alignment", "buy-in", "buy"}), stems_of({"stakeholders", "stakeholder", "in"}), &alignment},
      {"measured outcome", stems_of({"outcome", "measured", "result"}), stems_of({"metrics"}), &measured_outcome},
      {"automatic rollback", stems_of({"automatic", "auto-rollback", "automatically", "auto"}), stems_of({"rollback", "roll", "back"}),
       &automatic_rollback},
      {"canary", stems_of({"canary"}), stems_of({"release", "small", "percentage", "first"}), &canary},
      {"watch metrics", stems_of({"watch", "dashboards", "metrics"}), stems_of({"key", "during", "rollout", "error", "rate"}),
       &watch_metrics},
      {"tail percentiles", stems_of({"tail", "percentiles", "p99"}), stems_of({"look", "averages", "latency"}), &tail},
      {"tracing", stems_of({"tracing", "profiling", "flame"}), stems_of({"find", "slow", "path", "graph"}), &tracing},
      {"hedging", stems_of({"hedged", "hedging"}), stems_of({"requests", "timeouts"}), &hedging},
      {"fan-out", stems_of({"fan-out", "fan", "fanout"}), stems_of({"reduce", "out"}), &fanout},
      {"gc pauses", stems_of({"gc", "garbage"}), stems_of({"pauses", "collection"}), &gc},
      {"saturation", stems_of({"saturation", "queueing", "utilisation", "utilization"}), stems_of({"queue", "depth"}), &saturation},
      {"cache", stems_of({"caching", "cache"}), stems_of({"hot", "data"}), &local_cache},
      {"token bucket", stems_of({"bucket", "window"}), stems_of({"token", "sliding", "leaky"}), &token_bucket},
      {"per client", stems_of({"per", "client"}), stems_of({"limit", "key", "api", "user", "tenant"}), &per_client},
      {"shared store", stems_of({"shared", "centralised", "centralized", "redis"}), stems_of({"counter", "store"}), &shared_store},
      {"429", stems_of({"429", "retry-after"}), stems_of({"return", "with", "retry", "after"}), &status_429},
      {"atomic", stems_of({"atomic", "lua", "incr"}), stems_of({"check", "increment", "script"}), &atomic},
      {"fail open", stems_of({"fail"}), stems_of({"open", "closed", "versus"}), &fail_open},
      {"outbox", stems_of({"outbox"}), stems_of({"transactional", "table"}), &outbox},
      {"dual writes", stems_of({"dual"}), stems_of({"writes", "write", "avoid"}), &dual_write},
      {"relay", stems_of({"relay", "cdc", "debezium", "poller"}), stems_of({"publishes", "events", "change", "data", "capture"}), &relay},
      {"at least once", stems_of({"least", "duplicates"}), stems_of({"once", "delivery"}), &at_least_once},
      {"ordering", stems_of({"ordering", "aggregate"}), stems_of({"per", "partition", "key"}), &ordering},
      {"understood the other side", stems_of({"understood", "perspective", "listened"}), stems_of({"side", "their"}), &understood},
      {"data-driven", stems_of({"data-driven", "driven", "benchmark", "proof"}), stems_of({"data", "argument", "metrics", "concept"}),
       &data_driven},
      {"private", stems_of({"private", "respectful", "one-on-one"}), stems_of({"kept", "one", "1"}), &private_talk},
      {"disagree and commit", stems_of({"commit", "committed"}), stems_of({"disagree", "decision"}), &commit},
      {"relationship", stems_of({"relationship"}), stems_of({"outcome", "result"}), &relationship},
      {"followed up", stems_of({"follow", "followed", "follow-up"}), stems_of({"up", "in", "checked", "check", "afterwards"}), &followed_up},
      {"missing index", stems_of({"index"}), stems_of({"full", "table", "scan"}), &missing_index, &index_absent, false,
       stems_of({"unindexed"})},
      {"what changed", stems_of({"changed", "recent", "recently"}), stems_of({"check", "deploy", "diff", "release"}), &what_changed},
      {"lock contention", stems_of({"contention", "locks", "blocking"}), stems_of({"lock"}), &lock_contention},
      {"n 1", stems_of({"n"}), stems_of({"1", "queries"}), &n_plus_one},
    };
    // The lexicon's ideas come after these, so that an idea written out here wins.
    read_lexicon(kConceptsText, ideas, lexicon_cues);
    return ideas;
  }();
  return all;
}

namespace {

// The ideas that one of the term's words names, in the order of paraphrases() (written ideas
// first, then the lexicon's): a term is checked against these, not against every idea.
std::vector<std::size_t> ideas_named_by(const rehearse::Term& term) {
  static const std::unordered_map<std::string, std::vector<std::size_t>> named_by = [] {
    std::unordered_map<std::string, std::vector<std::size_t>> map;
    const auto& ideas = paraphrases();
    for (std::size_t k = 0; k < ideas.size(); ++k) {
      for (const auto* stems : {&ideas[k].names, &ideas[k].absent_names})
        for (const auto& stem : *stems) {
          auto& list = map[stem];
          if (list.empty() || list.back() != k) list.push_back(k);
        }
    }
    return map;
  }();
  std::vector<std::size_t> candidates;
  for (const auto& stem : term.stems)
    if (const auto it = named_by.find(stem); it != named_by.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

bool holds(const Paraphrase& idea, const std::string& stem) {
  return contains(idea.names, stem) || contains(idea.words, stem) || contains(idea.absent_names, stem);
}

}  // namespace

std::vector<const Paraphrase*> ideas_of(const rehearse::Term& term) {
  std::vector<const Paraphrase*> found;
  for (const std::size_t k : ideas_named_by(term)) {
    const Paraphrase& idea = paraphrases()[k];
    if (std::all_of(term.stems.begin(), term.stems.end(), [&](const std::string& s) { return holds(idea, s); })) found.push_back(&idea);
  }
  return found;
}

std::vector<std::pair<const Paraphrase*, const Paraphrase*>> idea_pairs_of(const rehearse::Term& term) {
  std::vector<std::pair<const Paraphrase*, const Paraphrase*>> pairs;
  if (term.stems.size() < 2) return pairs;
  const std::vector<std::size_t> named = ideas_named_by(term);
  for (std::size_t a = 0; a < named.size(); ++a)
    for (std::size_t b = a + 1; b < named.size(); ++b) {
      const Paraphrase& one = paraphrases()[named[a]];
      const Paraphrase& other = paraphrases()[named[b]];
      // Together they hold every word, and each holds one the other does not.
      bool all = true, one_alone = false, other_alone = false;
      for (const auto& stem : term.stems) {
        const bool in_one = holds(one, stem), in_other = holds(other, stem);
        all = all && (in_one || in_other);
        one_alone = one_alone || (in_one && !in_other);
        other_alone = other_alone || (in_other && !in_one);
      }
      if (all && one_alone && other_alone) pairs.emplace_back(&one, &other);
    }
  return pairs;
}

bool names_absence(const Paraphrase& idea, const rehearse::Term& term) {
  return term.lack ||
         std::any_of(term.stems.begin(), term.stems.end(), [&](const std::string& s) { return contains(idea.absent_names, s); });
}

std::optional<rehearse::CueHit> find_idea(const Paraphrase& idea, const rehearse::AnswerIndex& index, bool lack) {
  const auto& negation = index.negation();
  const auto denied = [&](const rehearse::CueHit& hit) {
    for (int i = hit.first; i <= hit.last; ++i)
      if (negation.negated(i)) return true;
    return false;
  };
  const auto listed = [&](const rehearse::CueHit& hit) {
    for (int i = hit.first; i <= hit.last; ++i)
      if (index.listed(i)) return true;
    return false;
  };
  if (lack) {
    // The absence said outright ("we found out from customers"), or a cue of the idea denied.
    if (idea.lack_cues)
      for (const auto& hit : idea.lack_cues->find_all(index.text()))
        if (!listed(hit) && !denied(hit)) return hit;
    // "never an index problem" denies a problem, not the index.
    for (const auto& hit : idea.cues->find_all(index.text()))
      if (!listed(hit) && denied(hit) && !index.describes_trouble(hit.last)) return hit;
    return std::nullopt;
  }
  for (const auto& hit : idea.cues->find_all(index.text()))
    if (!listed(hit) && (idea.negation_in_cues || !negation.negated(hit.first))) return hit;
  return std::nullopt;
}

}  // namespace keypoints
