#include "cues.h"

#include <unordered_set>

namespace technical::cues {

namespace {

using WordSet = std::unordered_set<std::string_view>;

}  // namespace

const rehearse::CueList& definition() {
  static const rehearse::CueList list = {
      // "The idea is...", "the core idea behind it...", "the point is to..."
      "the|its basic|core|main|key|whole|general|central|big? idea|principle|point is|behind|here",
      "refers|refer to",
      "is|are defined as",
      "is|are short for",
      "stands|stand for",
      "in a nutshell",
      // "Think of the write-ahead log as the database's diary".
      "think|thinking of _ _? _? _? _? as",
      "simply put",
      "put simply",
      // "is a way to", "is a technique for": a category noun is how a definition starts.
      "is|are|it's basically|essentially|simply|just? a|an way|technique|pattern|property|guarantee|method|mechanism|"
      "strategy|approach|practice|protocol|algorithm|principle|style|kind|type|form|family|class|term|abstraction|"
      "construct|rule|scheme|structure|model",
      // A comparison: its core difference.
      "the|one|a main|key|core|big|biggest|real|fundamental|basic|major? difference|differences is|are|between|comes|lies",
      "differ|differs in|by|on",
  };
  return list;
}

const rehearse::CueList& when_to_use() {
  static const rehearse::CueList list = {
      // "use it when", "you need it anywhere a caller can retry", "pick one for".
      "use|using|choose|choosing|pick|picking|prefer|want|apply|adopt|need it|them|this|that|one|these|those|either|each|both "
      "just|only|mainly|mostly? when|whenever|if|for|where|wherever|once|anywhere|in",
      // "I'd go with gRPC for internal traffic", "what I'd default to for per-user quotas".
      "i'd|you'd|we'd|i'll|would just|probably|usually|typically|still|only|always|generally|normally? "
      "go|reach|use|pick|choose|lean|opt|default|prefer|stick|start with|for|to|towards? _? _? for|when|if|where|whenever|once",
      "i|you|we would just|probably|usually|typically|still|only|always|generally|normally? "
      "go|reach|use|pick|choose|lean|opt|default|prefer|stick|start with|for|to|towards? _? _? for|when|if|where|whenever|once",
      "lean|leans|leaning _? _? for|when|towards|toward",
      // "Use a mutex to protect a critical section": an instruction says what it is for.
      "^ use|pick|choose|prefer|reach a|an|the? _ _? to|for|when|if|whenever|where",
      "reach|reaches for",
      "default|defaults to",
      "prefer|prefers|preferred _ _? when|if|for|whenever|where|once",
      // "a good fit for", "the natural choice when", "the safer default".
      "good|great|natural|perfect|better|best|right|poor|bad|obvious|strong|ideal|nice|wrong fit|match|choice|option|"
      "candidate|tool|pick for|when|if|where|in",
      "safer|sensible|obvious|usual|reasonable|natural|good|better default",
      "is|are|it's|remains|remain|becomes the|a|an right|obvious|natural|better|best|safer|safe|sensible|usual|standard|"
      "simplest|wrong|default|go-to? choice|tool|default|pick|answer|call|option|bet for|when|if|once|where|in|here",
      "is|are|it's|that's|they're|remains|gets nicer|better|preferable|ideal|best|overkill|pointless|unnecessary|useless|"
      "wasteful|perfect|great|fine|handy|useful|helpful|valuable for|when|if|in|where|whenever",
      "suit|suits|suited",
      "shines|shine when|for|in|with|if|where",
      "only? makes|make sense if|when|for|once|where|in|with",
      "pays|pay off when|if|for|once",
      "worth it|using|putting|adding|having|doing|considering|the|its _? _? when|for|if|around|in|on|once|whenever|where",
      "avoid|avoiding it|them|this|that? for|when|if|in|where",
      "don't|never use|bother|reach",
      "do not use|bother|reach",
      "overkill|pointless|unnecessary|wasteful|useless|counterproductive|unsuitable|inappropriate for|when|if|in|where|unless",
      "buys|buy you|us nothing|little",
      "earns|earn its|their keep",
      "when|where|if not? to use|choose|pick|avoid",
      "use case|cases",
      "useful|helpful|handy|valuable when|for|if|whenever|where",
      // For a problem rather than a tool: when it bites.
      "it|this|that matters|helps|applies|bites|hurts|shows|kicks when|if|whenever|once|for|in|where|wherever|anywhere",
  };
  return list;
}

const rehearse::CueList& tradeoff() {
  static const rehearse::CueList list = {
      "tradeoff|tradeoffs",
      "trade off|offs",
      "the|a|its|this trade",
      "the|a|one|its|main|big|biggest|only|real|obvious|other|hidden catch|downside|downsides|drawback|drawbacks|penalty|con|"
      "cons|weakness|weaknesses|limitation|limitations|flip",
      "the|its|main|real|hidden|big|biggest|only|obvious|other cost|costs|price is|are|was|you|here|with|shows|comes|lies",
      // "what vector clocks cost you": the cost of the thing itself.
      "what _ _? _? cost|costs you|us|them",
      "downside|downsides|drawback|drawbacks|disadvantage|disadvantages|limitation|limitations|overhead|caveat|caveats",
      "at the cost|expense|price of",
      "comes|come at a|the? cost|price",
      "in exchange|return",
      "you|we pay|paid for it|that|this|them",
      "you|we pay|paid with|in",
      "price you|we pay",
      "give|gives|giving|gave up",
      "you|it lose|loses",
      "sacrifice|sacrifices|sacrificing",
      "what|which it|that? costs|cost",
      "but|and it|that|this costs|cost",
      "on the other hand",
      "isn't|not free|cheap",
      // A cost named by what grows: "memory grows with the limit", "latency goes up".
      "latency|memory|storage|cost|costs|complexity|throughput|overhead|contention|load go|goes|grows|grow|suffers|suffer|"
      "increases|increase|climbs|climb|degrades|degrade|balloons|explodes|up",
      "adds|add|adding|introduces|introduce|means latency|complexity|overhead|cost|coordination|contention",
      "harder|slower|costlier|pricier to",
      // "but it needs service discovery": what it asks of you in return.
      "but|though|although it|you|they|this needs|need|requires|require",
      // "heap allocation is slower": a cost said as a comparison.
      "is|are|gets|get|becomes slower|harder|costlier|pricier|riskier|heavier|weaker|worse|limited|bounded",
      "is|are|gets|get|becomes more expensive|complex|fragile|error-prone",
      "is|are|gets|get|becomes less reliable|flexible|predictable|consistent|available",
      // "reliability costs latency": the verb, and what is spent.
      "costs|cost|costing latency|memory|throughput|complexity|storage|money|time|performance|space|availability|"
      "consistency|durability|freshness|isolation|flexibility|simplicity|writes|reads",
      "more _ _? but|whereas|while|though less|fewer|slower|worse|harder|higher|lower|weaker|more",
      "less|fewer _ _? but|whereas|while|though more|slower|worse|harder|higher",
  };
  return list;
}

const rehearse::CueList& example() {
  static const rehearse::CueList list = {
      "for example|instance",
      "e g",
      "eg",
      "example|examples",
      "the|a classic|canonical|textbook|typical|common|good case|example",
      "^ say|imagine|suppose|picture|consider a|an|the|we|you|your|i|someone|somebody|user|users|that",
      "say #",
      "imagine|suppose",
      "like|say when|if",
      "at|in my|our last|previous|current|old|former|first job|company|employer|team|role|startup|place",
      "we|i used|use|ran|run|built|had it|this|them|one for|to|in|on",
  };
  return list;
}

const rehearse::CueList& requirements() {
  static const rehearse::CueList list = {
      "requirement|requirements|reqs",
      "functional|nonfunctional",
      "non functional",
      "scope|scoped|scoping",
      "assume|assuming|assumption|assumptions",
      "clarify|clarifying|clarification",
      "i'd|i'll|let's|we'd|we'll first? ask|confirm|check|pin",
      "should|must be able to",
      "should support|never|always",
      "read|write heavy",
      "reads|writes dominate",
      "latency target|budget|goal",
      "within about|roughly|around|under? # ms|milliseconds|millisecond|seconds|second|s",
      "p50|p95|p99|p999 under|below|of|within|at",
      "# % availability|uptime",
      "highly|high availability|available",
      "exactly once",
      "at least|most once",
      "v1|mvp",
      "first version",
      "users|user|clients|client can|should|must|want|need",
  };
  return list;
}

const rehearse::CueList& requirement_modals() {
  static const rehearse::CueList list = {
      "must|mustn't",
      "has|have|needs|need to",
  };
  return list;
}

const rehearse::CueList& components() {
  static const rehearse::CueList list = {
      "load balancer|balancers",
      "api|apis|gateway|gateways",
      "service|services|microservice|microservices",
      "cache|caches|cdn|cdns",
      "queue|queues|broker|brokers|bus|topic|topics",
      "database|databases|db|dbs|datastore|datastores",
      "key value? store|stores",
      "object|blob|document|metadata|column|kv|session|time storage|store|stores",
      "worker|workers|consumer|consumers|producer|producers",
      "server|servers|node|nodes|websocket|websockets|proxy|proxies",
      "scheduler|schedulers|cron|pipeline|pipelines|stream|streams",
      "index|indexes|indices",
      "coordinator|orchestrator|allocator|outbox|fleet|cluster|clusters",
      "redis|memcached|kafka|rabbitmq|sqs|sns|kinesis|pulsar|nats|postgres|postgresql|mysql|cassandra|dynamodb|mongodb|"
      "mongo|bigtable|hbase|spanner|cockroachdb|elasticsearch|opensearch|solr|s3|gcs|hdfs|spark|flink|hadoop|zookeeper|etcd|"
      "consul|nginx|envoy|haproxy|prometheus|grafana|cloudfront|fastly|akamai|lambda|kubernetes|clickhouse|bigquery|"
      "snowflake|influxdb|apns|fcm|twilio|sendgrid",
  };
  return list;
}

const rehearse::CueList& data_model() {
  static const rehearse::CueList list = {
      "table|tables|schema|schemas|column|columns|field|fields",
      "primary|partition|sort|shard|sharding|composite|foreign|row|hash|range|clustering|unique|idempotency key|keys",
      "pk|fk",
      "keyed|indexed by|on",
      "data model|models|modelling|modeling",
      "model|modelled|modeled it|them|this|the data? as",
      "document|documents|record|records|row|rows|entry|entries with|containing|holding|per",
      "one|a _? _? hash|set|row|record|document|entry|key|table|partition|list|map|counter|bucket|file|object per|for each",
      "sorted set|sets",
            "index|indexes on",
      "prefix|key|id to a|the? list|set|map",
  };
  return list;
}

const rehearse::CueList& bottlenecks() {
  static const rehearse::CueList list = {
      "bottleneck|bottlenecks|bottlenecked",
      "hot spot|spots|key|keys|row|rows|partition|partitions|shard|shards|path|account|accounts|item|items",
      "hotspot|hotspots",
      "single point of failure",
      "spof",
      "the|our real|main|hard? ceiling|bottleneck",
      "limiting factor",
      "what|which limits|caps us|throughput|it",
      "becomes|become|becoming|turns|is|are the|a limit|bottleneck|ceiling|choke|constraint",
      "turns|turn into a|the? hot|bottleneck|limit",
      "where it|things|this|that breaks|hurts|struggles|falls|fails|strains|bends",
      "falls|fall over",
      "breaks|break down|first|under",
      "strains|strain",
      "the|a? hard|tricky|difficult part",
      "pressure points|point",
      "the pressure",
      "won't|doesn't|can't|wouldn't fit|scale on|in?",
      "overload|overloaded|overloading|saturate*",
      "contention",
      "main|biggest|real problem|challenge|risk was|is",
      "thundering herd",
      "stampede",
      "tail latency",
      "skew|skewed",
  };
  return list;
}

const rehearse::CueList& scaling() {
  static const rehearse::CueList list = {
      "shard|shards|sharded|sharding",
      "partition|partitions|partitioned|partitioning it|them|by|on|the",
      "replica|replicas|replication|replicate|replicated",
      "cache|caching hard|aggressively|heavily",
      "back pressure",
      "backpressure",
      "throttle*",
      "rate limit|limits|limited us|them",
      "rate-limit|rate-limits",
      "scale out|horizontally|vertically|reads|writes",
      "horizontal|vertical scaling",
      "split|splits|splitting it|them|load|traffic|work|writes|reads",
      "split|splits|splitting the load|traffic|work|writes|reads",
      "failover|fail|fails|failing over",
      "load shedding",
      "shed load",
      "autoscal*",
  };
  return list;
}

const rehearse::CueList& design_choice() {
  static const rehearse::CueList list = {
      "rather than",
      "instead of",
      "as opposed to",
      "the|an|one alternative|alternatives is|are|would",
      "the other option|approach|choice",
      "i'd|i'm|i|we'd|we're pick|picking|choose|choosing|prefer|preferring|favour|favor|favouring|favoring|take|taking|"
      "go|going|trade|trading _ _? _? over|for",
      "pick|picked|choose|chose|chosen|prefer|preferred|favour|favor _ _? _? over",
      "the choice|decision i'm|i|we're|we making|made|make",
      "i'm|we're choosing|trading|accepting",
      "accept|accepting|accepted that",
      "compromise",
      "versus|vs",
      "the reverse|opposite",
      "is|are slower|faster|cheaper|simpler|safer|riskier|easier|harder|quicker than",
      "makes|make _ cheap|cheaper|fast|faster|easy|easier but",
  };
  return list;
}

bool is_question_framing(std::string_view word) {
  static const WordSet words = {
      "what's",   "explain",  "describe",  "define",    "compare",   "contrast",    "difference", "differences", "differ",
      "between",  "work",     "works",     "working",   "mean",      "means",       "meaning",    "use",         "using",
      "used",     "choose",   "pick",      "prefer",    "when",      "why",         "how",        "matter",      "matters",
      "important", "common",  "main",      "key",       "problem",   "problems",    "solve",      "solves",      "pattern",
      "patterns", "approach", "approaches", "concept",  "term",      "idea",        "versus",     "vs",          "each",
      "one",      "which",    "tell",      "give",      "example",   "examples",    "good",       "bad",         "pros",
      "cons",     "tradeoffs", "tradeoff", "benefit",   "benefits",  "instead",     "rather",     "would",       "could",
      "algorithm", "algorithms", "way",    "ways",      "kind",      "kinds",       "type",       "types",       "thing",
      "things",   "implement", "implementation", "work", "role",     "purpose",     "better",     "worse",       "best",
      "really",   "actually", "exactly",   "briefly",   "simple",    "terms",       "say",        "know",        "understand",
      "design",   "build",    "system",    "systems",   "large",     "scale",       "would",      "you",         "should"};
  return words.count(word) > 0;
}

bool is_section_label(std::string_view word) {
  static const WordSet words = {
      "downside", "downsides", "upside", "upsides", "cost", "costs", "price", "tradeoff", "tradeoffs", "trade", "pros", "cons",
      "example", "examples", "eg", "instance", "use", "usage", "uses", "case", "cases", "why", "benefit", "benefits",
      "advantage", "advantages", "disadvantage", "disadvantages", "drawback", "drawbacks", "summary", "tldr", "note",
      "catch", "verdict", "answer", "bottom", "rule", "caveat", "caveats", "limitation", "limitations", "risk", "risks",
      "gotcha", "gotchas", "pitfall", "pitfalls", "problem", "problems", "issue", "issues", "requirements", "scope",
      "scale", "numbers", "estimate", "estimates", "components", "pieces", "storage", "data", "model", "tables",
      "bottleneck", "bottlenecks", "pressure", "choice", "decision", "alternative", "alternatives", "step", "steps",
      "first", "then", "finally", "also", "result", "lesson", "question", "when", "where", "how", "costs"};
  return words.count(word) > 0;
}

bool is_judgement(std::string_view word) {
  static const WordSet words = {
      "important", "useful",  "key",     "crucial", "critical", "essential", "great",    "good",    "nice",    "bad",
      "hard",      "tricky",  "interesting", "powerful", "popular", "common", "big",    "huge",    "cool",    "fundamental",
      "vital",     "better",  "best",    "worse",   "worst",    "right",     "wrong",    "natural", "fine",    "safe",
      "safer",     "overkill", "pointless", "worth", "nicer",    "ideal",     "perfect",  "major",   "core",    "central",
      "trendy",    "modern",  "standard", "complex", "complicated", "difficult", "simple", "easy",  "necessary", "must",
      "choice",    "tool",    "default", "go",      "answer",   "call",      "option",   "trade",   "tradeoff", "catch",
      "downside",  "problem", "thing",   "topic",   "buzzword", "lot",       "bit",      "really",  "very",    "pretty",
      "super",     "quite",   "so",      "about",   "like",     "also",      "basically", "used",
      // Vague heads: "X is something the language does" names nothing.
      "something", "anything", "stuff",  "things",  "whatever"};
  return words.count(word) > 0;
}

bool is_scale_noun(std::string_view word) {
  static const WordSet words = {
      "user",     "users",    "daily",    "monthly",  "active",   "actives",  "dau",      "daus",     "mau",     "maus",
      "customer", "customers", "subscribers", "accounts", "devices", "request", "requests", "req",     "reqs",    "queries",
      "query",    "qps",      "rps",      "tps",      "reads",    "writes",   "read",     "write",    "lookups", "lookup",
      "calls",    "hits",     "messages", "events",   "updates",  "posts",    "uploads",  "downloads", "connections",
      "sessions", "clicks",   "visits",   "views",    "transactions", "orders", "urls",   "links",    "files",   "rows",
      "records",  "objects",  "items",    "documents", "keys",    "changes",  "searches", "keystrokes", "peak",  "concurrent",
      "online",   "bandwidth", "storage", "traffic",  "throughput", "redirects", "notifications", "tweets", "photos",
      "videos",   "images",   "pages",    "entries",  "operations", "ops"};
  return words.count(word) > 0 || is_storage_unit(word);
}

bool is_time_unit(std::string_view word) {
  static const WordSet words = {"s",    "sec",  "secs", "second", "seconds", "min",  "mins",  "minute", "minutes", "h",
                                "hr",   "hrs",  "hour", "hours",  "day",     "days", "week",  "weeks",  "month",   "months",
                                "year", "years", "ms",  "daily",  "monthly", "yearly", "hourly"};
  return words.count(word) > 0;
}

bool is_storage_unit(std::string_view word) {
  static const WordSet words = {"b",  "kb",    "mb",     "gb",   "tb",   "pb",   "eb",    "kib",  "mib",  "gib",
                                "tib", "bytes", "byte", "kbps", "mbps", "gbps", "kilobytes", "megabytes", "gigabytes",
                                "terabytes", "petabytes"};
  return words.count(word) > 0;
}

bool is_unit(std::string_view word) {
  static const WordSet words = {
      "%",        "percent",  "x",        "times",    "k",        "m",        "million",  "millions", "billion",  "thousand",
      "thousands", "hundred", "requests", "rows",     "users",    "nodes",    "servers",  "machines", "keys",     "messages",
      "calls",    "writes",   "reads",    "items",    "records",  "entries",  "connections", "partitions", "shards", "replicas",
      "instances", "threads", "cores",    "qps",      "rps",      "tps",      "failures", "errors",   "retries",  "attempts",
      "tokens",   "ops",      "operations", "queries", "events",  "clients",  "customers", "orders",  "transactions",
      "pages",    "files",    "bytes",    "cents",    "dollars",  "euros",    "pounds",   "people",   "accounts", "jobs",
      "workers",  "steps",    "characters", "chars",  "bits",     "digits",   "copies",   "regions",  "zones",    "clusters"};
  return words.count(word) > 0 || is_time_unit(word) || is_storage_unit(word);
}

}  // namespace technical::cues
