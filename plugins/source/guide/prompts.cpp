#include "prompts.h"

#include <algorithm>

#include "rehearse/card.h"
#include "text_util.h"

namespace rehearse::guide {

const std::vector<std::string>& question_cues() {
  static const std::vector<std::string> cues = {
      "explain ", "describe ", "tell me ", "tell us ", "walk me through ", "walk us through ", "give an example",
      "give me an example", "give us an example", "design ", "compare ", "define ", "implement ", "discuss ",
      "differentiate ", "contrast ", "share an example", "share a time", "talk about ", "talk me through ",
      "what ", "what's ", "how ", "why ", "when ", "which ", "where ", "who ", "can you ", "could you ", "would you ",
      "have you ", "do you ", "did you ", "is it ", "are there ", "should "};
  return cues;
}

bool is_spoken_prompt(std::string_view line) {
  const std::string text = text::trim(line);
  if (text.empty()) return false;
  const std::string lowered = text::lower(text) + " ";
  if (std::none_of(question_cues().begin(), question_cues().end(),
                   [&](const std::string& cue) { return lowered.starts_with(cue); }))
    return false;
  if (std::string_view(":;,").find(text.back()) != std::string_view::npos) return false;
  const bool full_stop = text.back() == '.';
  const std::string body = full_stop ? text.substr(0, text.size() - 1) : text;
  if (body.find(". ") != std::string::npos) return false;  // more than one sentence: prose
  const auto words = std::count(body.begin(), body.end(), ' ') + 1;
  if (words < 4 || words > 30) return false;
  // Prompts in notes rarely end with a full stop; a sentence that does is more often prose about
  // prompts ("Tell me about a time is how many questions start, and ..."), unless it is short.
  if (full_stop && (words > 12 || body.find(',') != std::string::npos)) return false;
  const QuestionType type = infer_question_type(CardKind::question, body);
  return type == QuestionType::behavioural || type == QuestionType::design;
}

}  // namespace rehearse::guide
