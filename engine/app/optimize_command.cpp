// `rehearse optimize`: fits the parameters of a scheduler that has a memory model (FSRS) to the
// review log of the collection, of one deck, or of a CSV file in the layout of the FSRS tools, and
// says how much better they predict the reviews than the current ones; `--apply` saves them where
// the scheduler reads them (the deck's preset with --deck) when they are better.
//
// The program knows nothing of FSRS: it hands the reviews, card by card and counted in the user's
// days, to the scheduler's ParameterFitter (scheduler.h) and stores the option value it returns.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "command_support.h"
#include "commands.h"
#include "fit_progress_bar.h"
#include "rehearse/errors.h"
#include "revlog_csv.h"

namespace rehearse::app {

namespace {

// The scheduler a CSV is fitted for when there is no collection to ask (as `replay` does).
constexpr std::string_view kDefaultScheduler = "fsrs";

std::string read_file(const std::string& file) {
  if (std::filesystem::is_directory(file)) throw ParseError(file, 0, "is a folder, not a review log");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ParseError(file, 0, "cannot be read");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Groups reviews by card, in the order each card first appears, with the days between reviews
// counted as the scheduler counts them (the user's days, which start at the day-start hour).
class CardGrouper {
 public:
  explicit CardGrouper(const Clock& clock) : clock_(clock) {}

  void add(std::int64_t card_id, std::int64_t reviewed_ms, Rating rating) {
    auto [it, inserted] = index_.try_emplace(card_id, cards_.size());
    if (inserted) cards_.push_back({card_id, {}});
    auto& reviews = cards_[it->second].reviews;
    reviews.push_back({rating, reviewed_ms, 0});
  }

  // The cards, each card's reviews in time order with their elapsed days.
  std::vector<CardReviews> take() {
    for (auto& card : cards_) {
      std::stable_sort(card.reviews.begin(), card.reviews.end(),
                       [](const PastReview& a, const PastReview& b) { return a.reviewed_ms < b.reviewed_ms; });
      for (size_t i = 1; i < card.reviews.size(); ++i)
        card.reviews[i].elapsed_days =
            static_cast<int>(clock_.day_number(card.reviews[i].reviewed_ms) - clock_.day_number(card.reviews[i - 1].reviewed_ms));
    }
    return std::move(cards_);
  }

 private:
  const Clock& clock_;
  std::unordered_map<std::int64_t, size_t> index_;
  std::vector<CardReviews> cards_;
};

std::vector<CardReviews> cards_from_csv(const std::string& file, const Clock& clock) {
  const std::string text = read_file(file);
  // Refuses a row with a rating outside 1-4, a time it cannot read, or a card's reviews out of
  // order, naming the file and line.
  const RevlogRows rows = read_revlog_csv(text, file);
  CardGrouper grouper(clock);
  rows.for_each([&](const RevlogRow& row) { grouper.add(row.card_id, row.reviewed_ms, row.rating); });
  return grouper.take();
}

std::vector<CardReviews> cards_from_collection(Engine& engine, const std::string& deck) {
  std::set<std::int64_t> deck_cards;
  if (!deck.empty()) {
    const auto cards = engine.collection().reviewed_cards(deck);
    deck_cards.insert(cards.begin(), cards.end());
  }
  CardGrouper grouper(engine.clock());
  engine.collection().each_review([&](const ReviewLogEntry& entry) {
    if (deck.empty() || deck_cards.contains(entry.card_id)) grouper.add(entry.card_id, entry.reviewed_ms, entry.rating);
  });
  return grouper.take();
}

// Saving is refused before anything is opened: opening a collection can already write to it (a
// migration, the daily backup), and a read-only collection must be left exactly as it is.
void require_writable(const std::filesystem::path& collection) {
  if (!std::filesystem::exists(collection)) return;
  if (::access(collection.c_str(), W_OK) != 0)
    throw Error(fmt::format("cannot save parameters: the collection {} is read-only; nothing was changed", collection.string()));
  const auto folder = collection.has_parent_path() ? collection.parent_path() : std::filesystem::path(".");
  if (::access(folder.c_str(), W_OK) != 0)
    throw Error(fmt::format("cannot save parameters: the folder of the collection {} is read-only (SQLite needs it for its journal); "
                            "nothing was changed",
                            collection.string()));
}

nlohmann::json metrics_json(const FitMetrics& metrics) { return {{"log_loss", metrics.log_loss}, {"rmse_bins", metrics.rmse_bins}}; }

}  // namespace

int run_optimize(const Arguments& args) {
  args.allow_only(with_globals({"--deck", "--revlog", "--apply", "--json"}));
  require_operands(args, 0, 0, "no operands (the log is the collection's, or --revlog FILE.csv)");
  const bool as_json = args.flag("--json"), apply = args.flag("--apply");
  const std::string deck = args.value("--deck").value_or("");
  const std::optional<std::string> revlog = args.value("--revlog");
  if (args.value("--deck") && deck.empty()) throw UsageError("--deck needs a deck name");

  // A CSV alone is fitted without a collection, from the scheduler's defaults; saving the result,
  // or a deck's preset, needs the collection.
  const bool use_collection = !revlog || apply || !deck.empty();
  if (apply) require_writable(collection_path(args));
  std::optional<Engine> engine;
  std::optional<Registry> registry;
  std::optional<PluginHost> host;
  const Scheduler* scheduler = nullptr;
  Options options;
  std::vector<CardReviews> cards;
  if (use_collection) {
    engine.emplace(engine_config(args));
    if (!deck.empty()) engine->require_deck(deck);
    scheduler = &engine->scheduler_for(deck);
    options = deck.empty() ? engine->options_for(ComponentKind::scheduler, scheduler->name(), scheduler->options())
                           : engine->options_for(ComponentKind::scheduler, scheduler->name(), scheduler->options(), deck);
    cards = revlog ? cards_from_csv(*revlog, engine->clock()) : cards_from_collection(*engine, deck);
  } else {
    registry.emplace();
    host.emplace(*registry);
    for (const auto& dir : PluginHost::default_directories()) host->load_directory(dir);
    for (const auto& dir : args.values("--plugin-path")) host->load_directory(dir);
    scheduler = registry->scheduler(kDefaultScheduler);
    if (!scheduler) throw Error(fmt::format("there is no scheduler named '{}' (`rehearse plugins` lists them)", kDefaultScheduler));
    options = Options(scheduler->options(), {});
    // Days roll over at 4 am local time, as in a new collection (TZ chooses the zone), as in `replay`.
    const Clock clock;
    cards = cards_from_csv(*revlog, clock);
  }
  const ParameterFitter* fitter = scheduler->fitter();
  if (!fitter)
    throw Error(fmt::format("the {} scheduler{} has no parameters to fit (FSRS has: `rehearse config set {}scheduler fsrs`)",
                            scheduler->name(), deck.empty() ? "" : fmt::format(" of deck '{}'", deck),
                            deck.empty() ? "" : fmt::format("\"deck.{}.\"", deck)));

  FitProgressBar progress(stderr, isatty(fileno(stderr)) != 0);
  const FitReport report = fitter->fit(cards, options, [&](double done) { progress.update(done); });
  progress.finish();

  // Better means: predicts the reviews with a lower log loss, and no worse in RMSE(bins).
  const bool better = report.fitted.log_loss < report.current.log_loss && report.fitted.rmse_bins <= report.current.rmse_bins;
  std::string saved_as;
  if (apply && better) {
    const auto specs = scheduler->options();
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == report.option; });
    if (spec == specs.end())
      throw Error(fmt::format("the {} scheduler fitted an option it does not declare ('{}')", scheduler->name(), report.option));
    if (std::string problem = validate_option(*spec, report.value); !problem.empty())
      throw Error(fmt::format("the fitted {} were not saved: {}", report.option, problem));
    saved_as = deck.empty() ? fmt::format("scheduler.{}.{}", scheduler->name(), report.option)
                            : fmt::format("deck.{}.scheduler.{}.{}", deck, scheduler->name(), report.option);
    try {
      engine->change_setting(saved_as, report.value);
    } catch (const std::exception& e) {
      throw Error(fmt::format("cannot save the fitted parameters as {}: {}; nothing was changed", saved_as, e.what()));
    }
  }

  if (as_json) {
    nlohmann::json out = {{"reviews", report.reviews},
                          {"parameters", report.parameters},
                          {"current", metrics_json(report.current)},
                          {"fitted", metrics_json(report.fitted)},
                          {"applied", !saved_as.empty()}};
    if (!report.note.empty()) out["note"] = report.note;
    print_json(out);
    return 0;
  }
  fmt::print("{} review{} to predict, from {} card{}{}\n", report.reviews, report.reviews == 1 ? "" : "s", cards.size(),
             cards.size() == 1 ? "" : "s", deck.empty() ? "" : fmt::format(" of deck '{}'", deck));
  if (!report.note.empty()) fmt::print("{}\n", report.note);
  if (report.reviews == 0) {  // nothing was predicted: there are no losses to compare
    if (apply) fmt::print("not saved: there are no reviews to judge parameters by\n");
    return 0;
  }
  fmt::print("{:<24} {:>9} {:>11}\n", "", "log loss", "RMSE(bins)");
  fmt::print("{:<24} {:>9.4f} {:>11.4f}\n", "current parameters", report.current.log_loss, report.current.rmse_bins);
  fmt::print("{:<24} {:>9.4f} {:>11.4f}\n", "fitted parameters", report.fitted.log_loss, report.fitted.rmse_bins);
  fmt::print("fitted {}: {}\n", report.option, report.value);
  if (!saved_as.empty())
    fmt::print("saved: the {} scheduler{} now uses the fitted {} ({})\n", scheduler->name(),
               deck.empty() ? "" : fmt::format(" of deck '{}'", deck), report.option, saved_as);
  else if (apply)
    fmt::print("not saved: the fitted {} do not predict the reviews better than the current ones\n", report.option);
  else if (better)
    fmt::print("they predict the reviews better; `rehearse optimize{}{} --apply` saves them\n", deck.empty() ? "" : fmt::format(" --deck \"{}\"", deck),
               revlog ? fmt::format(" --revlog {}", *revlog) : "");
  return 0;
}

}  // namespace rehearse::app
