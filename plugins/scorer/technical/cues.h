// The phrases the technical rubric listens for, one list per thing an interviewer listens for.
// Patterns use the SDK's cue language (rehearse/text.h): `a|b` alternatives, `word*` a prefix,
// `_` any word, `#` a quantity, `?` optional, `^` the start of a sentence. They are general
// English ways of saying each thing, not phrases of particular answers.
#pragma once

#include <string_view>

#include "rehearse/text.h"

namespace technical::cues {

// --- explain or compare -----------------------------------------------------------------------

// Phrases that introduce a definition whatever their subject: "the idea is", "refers to",
// "is a way to", "the difference is".
const rehearse::CueList& definition();
// When to use it and when not: "use it when", "a good fit for", "reach for", "avoid it for",
// "only makes sense if", "shines when", "is the choice for".
const rehearse::CueList& when_to_use();
// A cost, a downside or a limitation: "the catch is", "at the cost of", "in exchange", "the
// price is", "you give up", "memory grows", "more X but less Y".
const rehearse::CueList& tradeoff();
// An example: "for example", "e.g.", "say a user...", "like when", "at my last job we...".
const rehearse::CueList& example();

// --- design -----------------------------------------------------------------------------------

// Clarifying requirements and scope: "requirements", "out of scope", "I'll assume", "must",
// "read-heavy", "within 100 ms", "exactly once".
const rehearse::CueList& requirements();
// What the system must do, said with a modal: "must", "has to", "needs to". Not after "if" ("if it
// needs to scale" is a hedge, not a requirement).
const rehearse::CueList& requirement_modals();
// The building blocks of a system: services, load balancers, caches, queues, stores, workers,
// and the products everyone names for them (Redis, Kafka, S3).
const rehearse::CueList& components();
// How the data is laid out: tables, keys, schema, fields, "keyed by", "one hash per user".
const rehearse::CueList& data_model();
// Where it breaks: bottleneck, hot key, single point of failure, "that's where it breaks".
const rehearse::CueList& bottlenecks();
// How it scales past that: sharding, replicas, caching for load, back-pressure, failover.
const rehearse::CueList& scaling();
// A choice and what it costs in a design: the tradeoff phrases plus "rather than", "instead of",
// "the alternative is", "I'd pick X over Y", "a compromise".
const rehearse::CueList& design_choice();

// --- words --------------------------------------------------------------------------------------

// Words a question uses to ask, not to name its subject ("explain", "compare", "difference").
bool is_question_framing(std::string_view word);
// Words that describe a sentence rather than name a concept when they head a list item
// ("Downsides:", "Example:", "Requirements:"): such a label does not introduce a definition.
bool is_section_label(std::string_view word);
// Adjectives that judge instead of define: "X is a really important concept" says nothing of X.
bool is_judgement(std::string_view word);
// Words that measure scale in a design: users, requests, reads, writes, storage units.
bool is_scale_noun(std::string_view word);
// Units of time, for rates ("a second", "per day", "/s").
bool is_time_unit(std::string_view word);
// Units of storage and bandwidth (GB, TB, bytes, Mbps).
bool is_storage_unit(std::string_view word);
// What a number in an explanation counts (ms, %, rows, nodes, requests): a number with one of
// these is a concrete example.
bool is_unit(std::string_view word);

}  // namespace technical::cues
