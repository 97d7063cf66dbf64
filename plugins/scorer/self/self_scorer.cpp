// The `self` scorer: the user judges their own recall. It grades nothing; it reports the length
// and pace of what was typed, so the user has something to compare with the model answer.
#include <fmt/format.h>

#include <memory>
#include <sstream>

#include "rehearse/plugin.h"

namespace {

class SelfScorer final : public rehearse::Scorer {
 public:
  std::string_view name() const override { return "self"; }

  bool applies_to(const rehearse::CardContent&) const override { return true; }

  rehearse::ScoreResult score(const rehearse::CardContent&, const rehearse::Attempt& attempt,
                              const rehearse::Options&) const override {
    rehearse::ScoreResult result;
    std::istringstream words(attempt.text);
    int count = 0;
    for (std::string word; words >> word;) ++count;
    if (count == 0)
      result.summary = "Compare your recall with the model answer and rate it yourself.";
    else if (attempt.seconds > 0)
      result.summary = fmt::format("You wrote {} words in {:.0f} seconds; compare them with the model answer and rate your recall.",
                                   count, attempt.seconds);
    else
      result.summary = fmt::format("You wrote {} words; compare them with the model answer and rate your recall.", count);
    return result;
  }
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<SelfScorer>()); }

}  // namespace

REHEARSE_PLUGIN("self", "1.0.0", "scorer", "You rate your own recall: Again, Hard, Good or Easy", register_components)
