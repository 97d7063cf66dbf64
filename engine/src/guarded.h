// Wrappers that stand between the engine and a plugin's component. Each call is forwarded inside
// a try block: whatever the plugin throws comes out as a PluginError that names the plugin (a
// source's ParseError passes through unchanged, since it already says where the input is wrong).
// Results are checked where the engine depends on them (a scorer's score and rating).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "rehearse/card_writer.h"
#include "rehearse/frontend.h"
#include "rehearse/scheduler.h"
#include "rehearse/scorer.h"
#include "rehearse/source.h"

namespace rehearse {

// A source's writer (card_writer.h), guarded like the source itself.
class GuardedCardWriter final : public CardWriter {
 public:
  GuardedCardWriter(const CardWriter& inner, std::string plugin) : inner_(inner), plugin_(std::move(plugin)) {}
  std::string write_card(const CardContent& card) const override;
  std::string write_deck(const std::string& deck, const std::vector<CardContent>& cards) const override;
  std::optional<std::string> replace_card(const std::filesystem::path& path, std::string_view bytes, const std::string& uid,
                                          const CardContent& card) const override;

 private:
  const CardWriter& inner_;
  std::string plugin_;
};

class GuardedSource final : public Source {
 public:
  GuardedSource(std::unique_ptr<Source> inner, std::string plugin);
  // The source's writer, when it can write its format (it derives from CardWriter); else nullptr.
  const CardWriter* writer() const { return writer_.get(); }
  std::string_view name() const override { return name_; }
  std::vector<OptionSpec> options() const override { return options_; }
  bool accepts(const std::filesystem::path& path, std::string_view head) const override;
  ParseResult parse(const std::filesystem::path& path, std::string_view bytes, const Options& options) const override;

 private:
  std::unique_ptr<Source> inner_;
  std::string plugin_, name_;
  std::vector<OptionSpec> options_;
  std::unique_ptr<GuardedCardWriter> writer_;
};

class GuardedScheduler final : public Scheduler {
 public:
  // `api_minor`: the plugin's API minor version; fitter() is asked only of plugins built for 3.1 or
  // later (an older plugin's Scheduler has no such virtual function to call).
  GuardedScheduler(std::unique_ptr<Scheduler> inner, std::string plugin, std::uint32_t api_minor);
  std::string_view name() const override { return name_; }
  std::vector<OptionSpec> options() const override { return options_; }
  SchedulingState next(const SchedulingState& current, Rating rating, const ReviewContext& ctx) const override;
  std::optional<double> retrievability(const SchedulingState& state, const ReviewContext& ctx) const override;
  const ParameterFitter* fitter() const override;

 private:
  std::unique_ptr<Scheduler> inner_;
  std::string plugin_, name_;
  std::vector<OptionSpec> options_;
  std::unique_ptr<ParameterFitter> fitter_;  // the plugin's fitter, guarded; null when it has none
};

// A plugin's parameter fitter, its calls guarded and its report checked.
class GuardedFitter final : public ParameterFitter {
 public:
  GuardedFitter(const ParameterFitter& inner, std::string plugin);
  FitReport fit(const std::vector<CardReviews>& cards, const Options& options, const FitProgress& progress) const override;

 private:
  const ParameterFitter& inner_;
  std::string plugin_;
};

class GuardedScorer final : public Scorer {
 public:
  GuardedScorer(std::unique_ptr<Scorer> inner, std::string plugin);
  std::string_view name() const override { return name_; }
  std::vector<OptionSpec> options() const override { return options_; }
  bool applies_to(const CardContent& card) const override;
  ScoreResult score(const CardContent& card, const Attempt& attempt, const Options& options) const override;

 private:
  std::unique_ptr<Scorer> inner_;
  std::string plugin_, name_;
  std::vector<OptionSpec> options_;
};

class GuardedFrontend final : public Frontend {
 public:
  GuardedFrontend(std::unique_ptr<Frontend> inner, std::string plugin);
  std::string_view name() const override { return name_; }
  std::vector<OptionSpec> options() const override { return options_; }
  bool supports(Activity activity) const override;
  int run(FrontendContext& context) override;

 private:
  std::unique_ptr<Frontend> inner_;
  std::string plugin_, name_;
  std::vector<OptionSpec> options_;
};

}  // namespace rehearse
