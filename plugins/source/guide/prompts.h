// How a question can be worded without a question mark: the words questions start with, and
// interview prompts on lines of their own as people write them in their notes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rehearse::guide {

// Words a question can start with when it does not end with '?' (lower case, with the space
// after them): imperative interview prompts ("tell me ", "describe ") and question words.
const std::vector<std::string>& question_cues();

// Whether a line of its own is an interview prompt although it has no question mark:
// "Tell me about a time when you were wrong", "Give me an example of a mistake you made". It must
// start like a question (question_cues), be one short sentence, and ask about the speaker's past
// or for a design by the SDK's own wording rules (infer_question_type): those are the prompts
// with cues of their own. A line that merely starts with "What" or "How" says nothing either way.
bool is_spoken_prompt(std::string_view line);

}  // namespace rehearse::guide
