#include "guarded.h"

#include <fmt/format.h>

#include <cmath>

#include "rehearse/errors.h"

namespace rehearse {

namespace {

// Runs `call`; turns any exception into a PluginError naming `plugin` and saying what failed.
template <class Call>
auto guard(const std::string& plugin, std::string_view what, Call&& call) -> decltype(call()) {
  try {
    return call();
  } catch (const ParseError&) {
    throw;
  } catch (const PluginError&) {
    throw;
  } catch (const std::exception& e) {
    throw PluginError(plugin, fmt::format("{} failed: {}", what, e.what()));
  } catch (...) {
    throw PluginError(plugin, fmt::format("{} failed with an unknown exception", what));
  }
}

template <class Component>
std::string checked_name(const Component& component, const std::string& plugin) {
  std::string name = guard(plugin, "name()", [&] { return std::string(component.name()); });
  if (name.empty()) throw PluginError(plugin, "registered a component with an empty name");
  return name;
}

// The options of a component, with each option's own check guarded like any other call into the
// plugin.
std::vector<OptionSpec> guarded_options(const std::string& plugin, std::vector<OptionSpec> specs) {
  for (auto& spec : specs) {
    if (!spec.check) continue;
    spec.check = [plugin, name = spec.name, check = std::move(spec.check)](std::string_view value) {
      return guard(plugin, fmt::format("checking option {}", name), [&] { return check(value); });
    };
  }
  return specs;
}

template <class Component>
std::vector<OptionSpec> checked_options(const Component& component, const std::string& plugin) {
  return guarded_options(plugin, guard(plugin, "options()", [&] { return component.options(); }));
}

}  // namespace

GuardedSource::GuardedSource(std::unique_ptr<Source> inner, std::string plugin)
    : inner_(std::move(inner)), plugin_(std::move(plugin)), name_(checked_name(*inner_, plugin_)),
      options_(checked_options(*inner_, plugin_)) {
  if (const auto* writer = dynamic_cast<const CardWriter*>(inner_.get())) writer_ = std::make_unique<GuardedCardWriter>(*writer, plugin_);
}

std::string GuardedCardWriter::write_card(const CardContent& card) const {
  return guard(plugin_, "write_card()", [&] { return inner_.write_card(card); });
}

std::string GuardedCardWriter::write_deck(const std::string& deck, const std::vector<CardContent>& cards) const {
  return guard(plugin_, "write_deck()", [&] { return inner_.write_deck(deck, cards); });
}

std::optional<std::string> GuardedCardWriter::replace_card(const std::filesystem::path& path, std::string_view bytes,
                                                           const std::string& uid, const CardContent& card) const {
  return guard(plugin_, fmt::format("writing {}", path.string()), [&] { return inner_.replace_card(path, bytes, uid, card); });
}

bool GuardedSource::accepts(const std::filesystem::path& path, std::string_view head) const {
  return guard(plugin_, "accepts()", [&] { return inner_->accepts(path, head); });
}

ParseResult GuardedSource::parse(const std::filesystem::path& path, std::string_view bytes, const Options& options) const {
  ParseResult result =
      guard(plugin_, fmt::format("reading {}", path.string()), [&] { return inner_->parse(path, bytes, options); });
  for (const auto& deck : result.decks) {
    if (deck.name.empty()) throw PluginError(plugin_, fmt::format("returned a deck without a name for {}", path.string()));
    for (const auto& card : deck.cards) {
      // A card with nothing to ask would show the user an empty screen.
      if (card.prompt.find_first_not_of(" \t\r\n") == std::string::npos)
        throw PluginError(plugin_, fmt::format("returned a card with an empty prompt ({}:{}); nothing was imported",
                                               path.string(), card.line));
    }
  }
  return result;
}

// `api_minor` is the minor version the plugin was built for: a function added in a later minor
// than the plugin's must not be called (its vtable has no such slot). Every 4.x scheduler has
// fitter().
GuardedScheduler::GuardedScheduler(std::unique_ptr<Scheduler> inner, std::string plugin, [[maybe_unused]] std::uint32_t api_minor)
    : inner_(std::move(inner)), plugin_(std::move(plugin)), name_(checked_name(*inner_, plugin_)),
      options_(checked_options(*inner_, plugin_)) {
  if (const ParameterFitter* fitter = guard(plugin_, "fitter()", [&] { return inner_->fitter(); }))
    fitter_ = std::make_unique<GuardedFitter>(*fitter, plugin_);
}

const ParameterFitter* GuardedScheduler::fitter() const { return fitter_.get(); }

GuardedFitter::GuardedFitter(const ParameterFitter& inner, std::string plugin) : inner_(inner), plugin_(std::move(plugin)) {}

FitReport GuardedFitter::fit(const std::vector<CardReviews>& cards, const Options& options, const FitProgress& progress) const {
  FitReport report = guard(plugin_, "fitting parameters", [&] { return inner_.fit(cards, options, progress); });
  const auto finite = [](const FitMetrics& m) { return std::isfinite(m.log_loss) && std::isfinite(m.rmse_bins); };
  if (!finite(report.current) || !finite(report.fitted))
    throw PluginError(plugin_, "fitting parameters gave a loss that is not a number");
  for (double value : report.parameters)
    if (!std::isfinite(value)) throw PluginError(plugin_, "fitting parameters gave a parameter that is not a number");
  if (report.option.empty()) throw PluginError(plugin_, "fitting parameters did not say which option holds them");
  return report;
}

SchedulingState GuardedScheduler::next(const SchedulingState& current, Rating rating, const ReviewContext& ctx) const {
  SchedulingState after = guard(plugin_, "scheduling", [&] { return inner_->next(current, rating, ctx); });
  if (after.due_ms < ctx.now_ms)
    throw PluginError(plugin_, "scheduled a card in the past");
  if (!std::isfinite(after.stability) || !std::isfinite(after.difficulty) || !std::isfinite(after.ease) ||
      !std::isfinite(after.interval_days))
    throw PluginError(plugin_, "returned a state with a value that is not a number");
  return after;
}

std::optional<double> GuardedScheduler::retrievability(const SchedulingState& state, const ReviewContext& ctx) const {
  return guard(plugin_, "retrievability()", [&] { return inner_->retrievability(state, ctx); });
}

GuardedScorer::GuardedScorer(std::unique_ptr<Scorer> inner, std::string plugin)
    : inner_(std::move(inner)), plugin_(std::move(plugin)), name_(checked_name(*inner_, plugin_)),
      options_(checked_options(*inner_, plugin_)) {}

bool GuardedScorer::applies_to(const CardContent& card) const {
  return guard(plugin_, "applies_to()", [&] { return inner_->applies_to(card); });
}

ScoreResult GuardedScorer::score(const CardContent& card, const Attempt& attempt, const Options& options) const {
  ScoreResult result = guard(plugin_, "scoring", [&] { return inner_->score(card, attempt, options); });
  if (result.score && !(*result.score >= 0 && *result.score <= 100))
    throw PluginError(plugin_, fmt::format("returned a score of {}; scores are 0-100", *result.score));
  if (result.suggestion) {
    const int value = static_cast<int>(*result.suggestion);
    if (value < 1 || value > 4) throw PluginError(plugin_, fmt::format("suggested rating {}; ratings are 1-4", value));
  }
  result.scorer = name_;
  return result;
}

GuardedFrontend::GuardedFrontend(std::unique_ptr<Frontend> inner, std::string plugin)
    : inner_(std::move(inner)), plugin_(std::move(plugin)), name_(checked_name(*inner_, plugin_)),
      options_(checked_options(*inner_, plugin_)) {}

bool GuardedFrontend::supports(Activity activity) const {
  return guard(plugin_, "the front end", [&] { return inner_->supports(activity); });
}

int GuardedFrontend::run(FrontendContext& context) {
  return guard(plugin_, "the front end", [&] { return inner_->run(context); });
}

}  // namespace rehearse
