// The cli front end's mock interview (`rehearse mock`): questions one at a time with the
// interview's clock, the user's stories that fit, follow-ups, a rating line, and the report.
//
// Piped input works as in a review: an answer, and each follow-up's answer, ends at an empty
// line; after the last follow-up comes an optional rating line (1-4 or again/hard/good/easy; an
// empty line or any other text takes the scorers' suggestion, the other text being the next
// answer). `q` or the end of input ends the interview and prints the report.
#pragma once

#include "rehearse/frontend.h"

namespace rehearse::cli {

int run_mock_interview(FrontendContext& context);

}  // namespace rehearse::cli
