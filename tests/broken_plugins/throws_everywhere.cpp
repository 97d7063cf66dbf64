// A plugin whose every component throws from every function it can (all but name(), without which
// nothing registers, and options(), whose failure refuses the whole plugin as throws_on_register
// shows): the engine must contain each failure, name the plugin, and change nothing.
#include <memory>
#include <stdexcept>

#include "rehearse/plugin.h"

namespace {

using namespace rehearse;

[[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string(what) + " is broken"); }

// One option whose check throws, for `rehearse config set`.
std::vector<OptionSpec> throwing_option() {
  OptionSpec spec{"limit", OptionType::integer, "1", "a limit", 0, 100};
  spec.check = [](std::string_view) -> std::string { fail("the option check"); };
  return {spec};
}

class EverywhereSource final : public Source {
 public:
  std::string_view name() const override { return "everywhere"; }
  std::vector<OptionSpec> options() const override { return throwing_option(); }
  bool accepts(const std::filesystem::path&, std::string_view) const override { fail("accepts()"); }
  ParseResult parse(const std::filesystem::path&, std::string_view, const Options&) const override { fail("parse()"); }
};

class EverywhereScheduler final : public Scheduler {
 public:
  std::string_view name() const override { return "everywhere"; }
  std::vector<OptionSpec> options() const override { return throwing_option(); }
  SchedulingState next(const SchedulingState&, Rating, const ReviewContext&) const override { fail("next()"); }
  std::optional<double> retrievability(const SchedulingState&, const ReviewContext&) const override { fail("retrievability()"); }
};

class EverywhereScorer final : public Scorer {
 public:
  std::string_view name() const override { return "everywhere"; }
  std::vector<OptionSpec> options() const override { return throwing_option(); }
  bool applies_to(const CardContent&) const override { fail("applies_to()"); }
  ScoreResult score(const CardContent&, const Attempt&, const Options&) const override { fail("score()"); }
};

class EverywhereFrontend final : public Frontend {
 public:
  std::string_view name() const override { return "everywhere"; }
  std::vector<OptionSpec> options() const override { return throwing_option(); }
  int run(FrontendContext&) override { fail("run()"); }
};

void register_components(Registry& registry) {
  registry.add(std::make_unique<EverywhereSource>());
  registry.add(std::make_unique<EverywhereScheduler>());
  registry.add(std::make_unique<EverywhereScorer>());
  registry.add(std::make_unique<EverywhereFrontend>());
}

}  // namespace

REHEARSE_PLUGIN("throws-everywhere", "1.0.0", "source", "every component throws from every call", register_components)
