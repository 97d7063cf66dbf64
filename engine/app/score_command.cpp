// `rehearse score`: scores one typed answer without a review session, so that a user can practise
// a single answer from the shell and scripts can grade answers.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <iterator>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

using nlohmann::json;

namespace {

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

double parse_seconds(const std::string& text) {
  try {
    std::size_t used = 0;
    const double seconds = std::stod(text, &used);
    if (used == text.size() && std::isfinite(seconds) && seconds >= 0) return seconds;
  } catch (const std::exception&) {
  }
  throw UsageError(fmt::format("--seconds takes the time the answer took, in seconds (like 75), not '{}'", text));
}

json optional_number(const std::optional<double>& value) { return value ? json(std::lround(*value)) : json(nullptr); }
json optional_rating(const std::optional<Rating>& value) { return value ? json(static_cast<int>(*value)) : json(nullptr); }

json result_json(const CombinedScore& result, const std::optional<Card>& card, QuestionType type) {
  json findings = json::array(), parts = json::array();
  for (const auto& part : result.parts) {
    json scorer = {{"scorer", part.scorer}, {"score", optional_number(part.score)}, {"rating", optional_rating(part.suggestion)},
                   {"summary", part.summary}};
    // How a segmenting scorer read the answer: each stretch with the part it was labelled.
    if (!part.parts.empty()) {
      json labelled = json::array();
      for (const auto& p : part.parts) labelled.push_back({{"part", p.part}, {"text", p.text}});
      scorer["parts"] = std::move(labelled);
    }
    parts.push_back(std::move(scorer));
    for (const auto& f : part.findings)
      findings.push_back({{"scorer", part.scorer}, {"criterion", f.criterion}, {"met", f.met}, {"evidence", f.evidence}, {"advice", f.advice}});
  }
  json out = {{"score", optional_number(result.score)},
              {"rating", optional_rating(result.suggestion)},
              {"summary", summary_of(result)},
              {"findings", findings},
              {"scorers", parts},
              {"errors", result.errors},
              {"type", to_string(type)}};
  if (card) out["card"] = {{"id", card->content.uid}, {"deck", card->deck}, {"prompt", card->content.prompt}};
  return out;
}

void print_result(const CombinedScore& result, const std::string& prompt, QuestionType type) {
  fmt::print("Answer to: {}\n", prompt);
  fmt::print("Question type: {}\n", to_string(type));
  if (result.score)
    fmt::print("Score: {:.0f}/100, suggested rating: {}\n", *result.score, to_string(*result.suggestion));
  else if (result.suggestion)
    fmt::print("Suggested rating: {}\n", to_string(*result.suggestion));
  for (const auto& part : result.parts) {
    fmt::print("\n{}{}: {}\n", part.scorer, part.score ? fmt::format(" {:.0f}/100", *part.score) : "", part.summary);
    for (const auto& f : part.findings) {
      fmt::print("  {} {}{}\n", f.met ? '+' : '-', f.criterion, f.evidence.empty() ? "" : fmt::format(": \"{}\"", f.evidence));
      if (!f.advice.empty()) fmt::print("      {}\n", f.advice);
    }
  }
  for (const auto& error : result.errors) fmt::print(stderr, "rehearse: scoring failed: {}\n", error);
}

}  // namespace

int run_score(const Arguments& args) {
  args.allow_only(with_globals({"--scorer", "--card", "--question", "--deck", "--seconds", "--json"}));
  require_operands(args, 0, 0, "no operands (the answer comes on standard input)");
  const auto card_id = args.value("--card");
  const auto question = args.value("--question");
  if (card_id && question) throw UsageError("give --card or --question, not both");
  if (!card_id && !question) throw UsageError("'score' needs the card the answer is for (--card ID) or the question (--question TEXT)");
  if (question && is_blank(*question)) throw UsageError("--question needs the text of the question");
  if (question && args.value("--deck")) throw UsageError("--deck goes with --card");
  const double seconds = args.value("--seconds") ? parse_seconds(*args.value("--seconds")) : 0;

  Engine engine(engine_config(args));
  std::optional<Card> card;
  CardContent content;
  if (card_id) {
    card = find_card(engine.collection(), *card_id, args.value("--deck"));
    content = card->content;
  } else {
    // A bare question says what it asks by its wording (infer_question_type): "Tell me about a
    // time..." gets the STAR rubric, "How would you design..." the technical one.
    content.kind = CardKind::question;
    content.prompt = *question;
    content.type = infer_question_type(CardKind::question, *question);
  }
  const QuestionType type = type_of(content);

  // The scorers: the one named, else those of the card's chain that apply to it; for a bare
  // question, every loaded scorer that applies to its type.
  std::vector<const Scorer*> scorers;
  bool skip_inapplicable = true;
  if (auto name = args.value("--scorer")) {
    const Scorer* scorer = engine.registry().scorer(*name);
    if (scorer == nullptr) throw Error(fmt::format("there is no scorer named '{}' (`rehearse plugins` lists them)", *name));
    scorers.push_back(scorer);
    skip_inapplicable = false;
  } else if (question) {
    for (const auto& component : engine.registry().components())
      if (component.kind == ComponentKind::scorer)
        if (const Scorer* scorer = engine.registry().scorer(component.name)) scorers.push_back(scorer);
  } else {
    scorers = engine.scorers_for(card->deck);
  }

  if (isatty(STDIN_FILENO)) fmt::print(stderr, "Type your answer, then press Ctrl-D on an empty line.\n");
  const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  if (is_blank(text)) throw UsageError("no answer to score: give it on standard input (rehearse score --card ID < answer.txt)");

  const CombinedScore result = score_answer(engine, scorers, content, Attempt{text, seconds, {}}, skip_inapplicable);
  if (result.parts.empty() && result.errors.empty()) {
    std::string names;
    for (const Scorer* scorer : scorers) names += (names.empty() ? "" : ", ") + std::string(scorer->name());
    throw Error(fmt::format("none of the scorers for this {} ({}) has anything to check on it; name one with --scorer",
                            card ? "card" : fmt::format("{} question", to_string(type)), names.empty() ? "none configured" : names));
  }
  if (args.flag("--json"))
    print_json(result_json(result, card, type));
  else
    print_result(result, content.prompt, type);
  return result.parts.empty() ? 1 : 0;
}

}  // namespace rehearse::app
