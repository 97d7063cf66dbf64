#include <fmt/format.h>

#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

using nlohmann::json;

int run_stats(const Arguments& args) {
  args.allow_only(with_globals({"--json"}));
  require_operands(args, 0, 0, "no operands");
  Engine engine(engine_config(args));
  const CollectionStats s = engine.collection().stats();
  if (args.flag("--json")) {
    print_json({{"cards", s.cards},
                {"cards_by_kind", {{"question", s.questions}, {"keypoint", s.keypoints}, {"story", s.stories}}},
                {"due_today", s.due_today},
                {"new_today", s.new_today},
                {"reviews_total", s.reviews_total},
                {"reviews_today", s.reviews_today}});
    return 0;
  }
  fmt::print("Cards:    {} ({} questions, {} key points, {} stories)\n", s.cards, s.questions, s.keypoints, s.stories);
  fmt::print("Today:    {} due, {} new\n", s.due_today, s.new_today);
  fmt::print("Reviews:  {} today, {} in all\n", s.reviews_today, s.reviews_total);
  return 0;
}

}  // namespace rehearse::app
