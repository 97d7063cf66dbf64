#include "rehearse/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "guarded.h"
#include "rehearse/errors.h"

namespace rehearse {

namespace fs = std::filesystem;

namespace {

// Used when the collection names none: the first of these that is loaded. New collections name
// FSRS (see Engine::Engine), so a collection that names none predates it and keeps SM-2.
constexpr std::string_view kDefaultSchedulers[] = {"sm2", "fsrs"};
constexpr std::string_view kNewCollectionScheduler = "fsrs";

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::string item;
  for (char c : std::string(text) + ",") {
    if (c == ',' || c == ' ') {
      if (!item.empty()) items.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  return items;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ParseError(path.string(), 0, "cannot be read");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw ParseError(path.string(), 0, "cannot be read");
  return content.str();
}

// Documentation files that live beside decks are not decks.
bool is_documentation(const fs::path& path) {
  std::string stem = path.stem().string();
  std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return stem == "README" || stem == "LICENSE" || stem == "CHANGELOG" || stem == "CONTRIBUTING";
}

}  // namespace

struct Engine::Impl {
  Clock clock;
  Registry registry;
  PluginHost host{registry};
  std::unique_ptr<Collection> collection;
  std::optional<std::int64_t> study_target;  // set_study_target()
  // The fuzz seed of each card seen, from its deck and uid (card_seed()); a card keeps its key.
  mutable std::unordered_map<std::int64_t, std::uint64_t> card_seeds;

  // A number that depends only on the card's deck and uid, which every device agrees on, so that
  // devices that imported in another order fuzz a card's intervals alike (FNV-1a). A card id the
  // collection does not hold (a simulated card) seeds with itself.
  std::uint64_t card_seed(std::int64_t card_id) const {
    if (auto it = card_seeds.find(card_id); it != card_seeds.end()) return it->second;
    std::uint64_t seed = static_cast<std::uint64_t>(card_id);
    if (auto key = collection->card_key(card_id)) {
      seed = 0xcbf29ce484222325ULL;
      for (unsigned char c : key->deck + '\0' + key->uid) seed = (seed ^ c) * 0x100000001b3ULL;
    }
    card_seeds.emplace(card_id, seed);
    return seed;
  }

  // The scheduler the settings name for `deck` (its own, else the collection's), else the first
  // default that is loaded; empty when none is.
  std::string scheduler_name(const std::string& deck) const {
    if (auto name = collection->config("deck." + deck + ".scheduler")) return *name;
    if (auto name = collection->config("scheduler")) return *name;
    for (auto fallback : kDefaultSchedulers)
      if (registry.scheduler(fallback)) return std::string(fallback);
    return {};
  }

  const Source& source_for(const fs::path& path, std::string_view bytes, const std::string& name) const {
    if (!name.empty()) {
      if (const Source* source = registry.source(name)) return *source;
      throw Error(fmt::format("there is no source plugin named '{}' (`rehearse plugins` lists them)", name));
    }
    const std::string_view head = bytes.substr(0, 4096);
    for (const Source* source : registry.sources())
      if (source->accepts(path, head)) return *source;
    throw ParseError(path.string(), 0, "no source plugin reads this kind of file (`rehearse plugins` lists them; --source NAME picks one)");
  }

  ParsedFile parse(const fs::path& path, std::string_view bytes, const ImportOptions& options,
                   const std::string& key) const {
    const Source& source = source_for(path, bytes, options.source);
    auto values = collection->config_with_prefix(fmt::format("source.{}.", source.name()));
    for (const auto& [name, value] : options.source_options) values[name] = value;
    for (const auto& [name, value] : options.source_options) {
      for (const auto& spec : source.options())
        if (spec.name == name && !validate_option(spec, value).empty())
          throw Error(fmt::format("source {}: option {}: {}", source.name(), name, validate_option(spec, value)));
    }
    ParsedFile parsed{key, source.parse(path, bytes, Options(source.options(), values))};
    if (!options.deck.empty()) {
      // One deck for everything: merge what the file splits into decks.
      ParsedDeck merged{options.deck, {}, {}};
      for (auto& deck : parsed.result.decks) {
        merged.tags.insert(merged.tags.end(), deck.tags.begin(), deck.tags.end());
        for (auto& card : deck.cards) merged.cards.push_back(std::move(card));
      }
      parsed.result.decks = {std::move(merged)};
      for (auto& history : parsed.result.history) history.deck = options.deck;
    }
    return parsed;
  }
};

Engine::Engine(const EngineConfig& config) : impl_(std::make_unique<Impl>()) {
  impl_->clock = Clock(config.now_ms);
  if (config.load_default_plugin_dirs)
    for (const auto& dir : PluginHost::default_directories()) impl_->host.load_directory(dir);
  for (const auto& dir : config.plugin_dirs) {
    if (fs::is_regular_file(dir))
      impl_->host.load_file(dir);
    else
      impl_->host.load_directory(dir);
  }
  impl_->collection = std::make_unique<Collection>(config.collection.empty() ? Collection::default_path() : config.collection,
                                                   impl_->clock);
  if (auto hour = impl_->collection->config("day_start_hour")) {
    try {
      impl_->clock.set_day_start_hour(std::stoi(*hour));
    } catch (const std::exception&) {
      throw Error(fmt::format("the setting day_start_hour is '{}'; it must be an hour 0-23", *hour));
    }
  }
  // The `retrievability` review order asks each deck's scheduler, which the collection does not know.
  impl_->collection->set_recall_estimator([this](const std::string& deck, const std::vector<Collection::RecallQuery>& cards) {
    const Scheduler& scheduler = scheduler_for(deck);
    const Options options = options_for(ComponentKind::scheduler, scheduler.name(), scheduler.options(), deck);
    const std::int64_t now = impl_->clock.now_ms();
    std::vector<std::optional<double>> recall;
    recall.reserve(cards.size());
    for (const auto& card : cards)
      recall.push_back(scheduler.retrievability(card.state, review_context(card.state, card.card_id, now, options)));
    return recall;
  });
  if (impl_->collection->created()) {
    if (impl_->registry.scheduler(kNewCollectionScheduler))
      impl_->collection->set_config("scheduler", std::string(kNewCollectionScheduler));
    if (!config.starter_decks.empty()) import_paths(config.starter_decks);
  }
}

Engine::~Engine() = default;

const Clock& Engine::clock() const { return impl_->clock; }
Collection& Engine::collection() { return *impl_->collection; }
const Registry& Engine::registry() const { return impl_->registry; }
const PluginHost& Engine::plugins() const { return impl_->host; }

ImportReport Engine::import_paths(const std::vector<fs::path>& paths, const ImportOptions& options) {
  const std::string& source = options.source;
  std::vector<fs::path> files;
  std::vector<bool> from_folder;  // found by walking a folder, not named by the user
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec)) {
        if (!entry.is_regular_file() || is_documentation(entry.path()) || entry.path().filename().string().starts_with("."))
          continue;
        // A folder holds whatever sources can read; other files (images, notes) are left alone.
        const std::string head = read_file(entry.path()).substr(0, 4096);
        bool readable = !source.empty();
        for (const Source* s : impl_->registry.sources()) readable = readable || s->accepts(entry.path(), head);
        if (readable) found.push_back(entry.path());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
      from_folder.resize(files.size(), true);
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
      from_folder.push_back(false);
    } else {
      throw ParseError(path.string(), 0, "no such file or folder");
    }
  }
  std::vector<ParsedFile> parsed;
  std::vector<ParseWarning> skipped;
  for (size_t i = 0; i < files.size(); ++i) {
    if (options.observer) options.observer->reading(files[i].string(), i, files.size());
    const std::string bytes = read_file(files[i]);
    try {
      parsed.push_back(impl_->parse(files[i], bytes, options, fs::weakly_canonical(fs::absolute(files[i])).string()));
    } catch (const ParseError& error) {
      // A file in a folder that a source took by its name but cannot read as a whole (notes
      // beside the decks) is left out, and the user told. An error on a line of it is a broken
      // deck: that stops the import, as it does for a file named on its own.
      if (!from_folder[i] || error.line() != 0) throw;
      skipped.push_back({error.file(), 0, "left out: " + error.message()});
    }
  }
  ImportReport report = impl_->collection->apply_import(parsed, replayer(), options.dry_run, options.observer);
  report.warnings.insert(report.warnings.end(), skipped.begin(), skipped.end());
  return report;
}

ImportReport Engine::import_bytes(const std::string& file_name, std::string_view bytes, const ImportOptions& options) {
  if (options.observer) options.observer->reading(file_name, 0, 1);
  return impl_->collection->apply_import({impl_->parse(file_name, bytes, options, "upload:" + file_name)}, replayer(),
                                         options.dry_run, options.observer);
}

namespace {

// The writer of `source`, when it can write its format. The registry holds each source behind its
// guard (guarded.h), which offers the source's writer.
const CardWriter* writer_of(const Source* source) {
  const auto* guarded = dynamic_cast<const GuardedSource*>(source);
  return guarded != nullptr ? guarded->writer() : dynamic_cast<const CardWriter*>(source);
}

}  // namespace

const CardWriter* Engine::card_writer(std::string_view name) const { return writer_of(impl_->registry.source(name)); }

namespace {

// Whether `file` lies inside `folder` (both absolute).
bool is_inside(const fs::path& file, const fs::path& folder) {
  if (folder.empty()) return false;
  std::error_code ec;
  const fs::path relative = fs::weakly_canonical(file, ec).lexically_relative(fs::weakly_canonical(folder, ec));
  return !relative.empty() && *relative.begin() != "..";
}

// Replaces `file` with `bytes`: written beside it and renamed over it, so that a failed write
// leaves the old file whole. The file keeps its permissions.
void replace_file(const fs::path& file, const std::string& bytes) {
  const fs::path temporary = file.string() + ".rehearse-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) throw Error(fmt::format("{}: cannot be written", temporary.string()));
  }
  std::error_code ec;
  fs::permissions(temporary, fs::status(file, ec).permissions(), ec);
  fs::rename(temporary, file, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw Error(fmt::format("{}: cannot be written: {}", file.string(), ec.message()));
  }
}

}  // namespace

Engine::CardEdit Engine::edit_card(std::int64_t card_id, const CardContent& edited) {
  Collection& collection = *impl_->collection;
  const std::optional<Card> card = collection.card(card_id);
  if (!card) throw Error(fmt::format("there is no card {}", card_id));
  const CardContent& current = card->content;
  if (!edited.uid.empty() && edited.uid != current.uid)
    throw Error(fmt::format("the card's id is '{}' and stays so: its progress goes with it (edit only its text)", current.uid));
  if (edited.kind != current.kind)
    throw Error(fmt::format("the card is a {} card and stays one (edit only its text)", to_string(current.kind)));
  if (edited.prompt.find_first_not_of(" \t\r\n") == std::string::npos) throw Error("the card needs a prompt");

  CardEdit result;
  // The user's own deck file on disk, read by a source that can write it back: the edit goes there.
  const std::string source_file = collection.source_file(card_id);
  const fs::path file = source_file;
  std::error_code ec;
  if (file.is_absolute() && fs::is_regular_file(file, ec) && !is_inside(file, bundled_decks_dir())) {
    const std::string bytes = read_file(file);
    const Source* source = nullptr;
    for (const Source* candidate : impl_->registry.sources())
      if (candidate->accepts(file, std::string_view(bytes).substr(0, 4096))) {
        source = candidate;
        break;
      }
    const CardWriter* writer = writer_of(source);
    if (writer != nullptr) {
      // The card as its file gives it (tags, type and group as written there), with the new text.
      // A file this source cannot read (a guide page saved as .md, imported with --source guide,
      // or a deck broken since) is not one to write back into.
      std::optional<ParsedFile> before;
      try {
        before = impl_->parse(file, bytes, {}, source_file);
      } catch (const ParseError&) {
      }
      std::optional<CardContent> in_file;
      std::string deck_in_file;
      if (before)
        for (const auto& deck : before->result.decks)
          for (const auto& entry : deck.cards)
            if ((entry.uid.empty() ? slugify(entry.prompt) : entry.uid) == current.uid) {
              in_file = entry;
              deck_in_file = deck.name;
            }
      if (in_file) {
        in_file->uid = current.uid;
        copy_editable_text(edited, *in_file);
        if (std::optional<std::string> rewritten = writer->replace_card(file, bytes, current.uid, *in_file)) {
          // The file as it will be must read, or nothing changes (ParseError names its line).
          ImportOptions options;
          if (deck_in_file != card->deck) options.deck = card->deck;  // imported with --deck
          const ParsedFile after = impl_->parse(file, *rewritten, options, source_file);
          collection.write([&] {
            collection.reset_user_version(card_id);
            result.import = collection.apply_import({after}, replayer());
            replace_file(file, *rewritten);  // last: a failed write rolls the import back
          });
          result.written_to_file = true;
          result.file = file.string();
          return result;
        }
      }
    }
  }
  CardContent content = current;
  copy_editable_text(edited, content);
  collection.save_user_version(card_id, content);
  return result;
}

bool Engine::reset_card(std::int64_t card_id) {
  if (!impl_->collection->card(card_id)) throw Error(fmt::format("there is no card {}", card_id));
  return impl_->collection->reset_user_version(card_id);
}

void Engine::require_deck(const std::string& deck) const {
  if (deck.empty()) return;
  const auto names = impl_->collection->deck_names();
  const bool known = std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return name == deck || name.starts_with(deck + "::");
  });
  if (!known) throw Error(fmt::format("there is no deck named '{}' (`rehearse decks` lists them)", deck));
}

std::unique_ptr<ReviewSession> Engine::start_review(const std::string& deck) {
  require_deck(deck);
  QueueOptions options;
  if (impl_->study_target) {
    const StudyPlan plan = plan_until(deck, *impl_->study_target);
    options.new_per_day = plan.new_today;
    options.unlimited_reviews = true;
    options.early_reviews = plan.early_today;
  }
  return std::make_unique<ReviewSession>(*this, deck, std::move(options));
}

void Engine::set_study_target(std::optional<std::int64_t> target_ms) { impl_->study_target = target_ms; }

const Scheduler& Engine::scheduler_for(const std::string& deck) const {
  const std::string name = impl_->scheduler_name(deck);
  if (name.empty()) throw Error("no scheduler plugin is loaded; check `rehearse plugins` and --plugin-path");
  if (const Scheduler* scheduler = impl_->registry.scheduler(name)) return *scheduler;
  throw Error(fmt::format("the scheduler '{}' chosen for deck '{}' is not loaded (`rehearse plugins` lists what is)", name, deck));
}

Engine::SettingReport Engine::change_setting(const std::string& key, const std::optional<std::string>& value) {
  Collection& collection = *impl_->collection;
  SettingReport report;
  collection.write([&] {
    const std::vector<std::string> decks = collection.deck_names();
    std::vector<std::string> before;
    for (const auto& deck : decks) before.push_back(impl_->scheduler_name(deck));
    if (value)
      collection.set_config(key, *value);
    else
      collection.unset_config(key);
    for (size_t i = 0; i < decks.size(); ++i) {
      const std::string after = impl_->scheduler_name(decks[i]);
      if (after == before[i]) continue;
      report.switched_decks.push_back(decks[i]);
      report.scheduler = after;
      // As Anki does: the new scheduler gets the memory the whole history gives, not the old
      // scheduler's last state.
      for (std::int64_t card_id : collection.reviewed_cards(decks[i])) {
        std::vector<ImportedReview> reviews;
        for (const auto& entry : collection.review_log(card_id)) reviews.push_back({entry.reviewed_ms, entry.rating, entry.taken_ms});
        collection.set_scheduling(card_id, replay_reviews(decks[i], reviews, card_id).back());
        ++report.recomputed_cards;
      }
    }
  });
  return report;
}

std::string Engine::default_scheduler() const {
  for (auto fallback : kDefaultSchedulers)
    if (impl_->registry.scheduler(fallback)) return std::string(fallback);
  return {};
}

Engine::ScorerChain Engine::scorer_chain_for(const std::string& deck) const {
  auto names = impl_->collection->config("deck." + deck + ".scorers");
  if (!names) names = impl_->collection->config("scorers");
  ScorerChain chain;
  for (const auto& name : split_list(names.value_or(std::string(kDefaultScorers)))) {
    if (const Scorer* scorer = impl_->registry.scorer(name))
      chain.scorers.push_back(scorer);
    else if (names)
      chain.not_loaded.push_back(
          fmt::format("the scorer '{}' chosen for deck '{}' is not loaded (`rehearse plugins` lists what is)", name, deck));
  }
  return chain;
}

std::vector<const Scorer*> Engine::scorers_for(const std::string& deck) const {
  ScorerChain chain = scorer_chain_for(deck);
  if (!chain.not_loaded.empty()) throw Error(chain.not_loaded.front());
  return std::move(chain.scorers);
}

ApplyReport Engine::apply_changes(const ChangeBatch& pulled, const ChangeBatch& pushed) {
  return impl_->collection->apply_changes(
      pulled, pushed, replayer(), [this](const std::string& deck) { return std::string(scheduler_for(deck).name()); },
      [this](const std::string& key, const std::optional<std::string>& value) { change_setting(key, value); });
}

Collection::Replayer Engine::replayer() const {
  return [this](const std::string& deck, const std::vector<ImportedReview>& reviews, std::int64_t card_id) {
    return replay_reviews(deck, reviews, card_id);
  };
}

std::vector<SchedulingState> Engine::replay_reviews(const std::string& deck, const std::vector<ImportedReview>& reviews,
                                                    std::int64_t card_id) const {
  const Scheduler& scheduler = scheduler_for(deck);
  const Options options = options_for(ComponentKind::scheduler, scheduler.name(), scheduler.options(), deck);
  std::vector<SchedulingState> states;
  states.reserve(reviews.size());
  SchedulingState state;
  for (const auto& review : reviews) {
    state = scheduler.next(state, review.rating, review_context(state, card_id, review.reviewed_ms, options));
    states.push_back(state);
  }
  return states;
}

namespace {
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
}  // namespace

ReviewContext Engine::review_context(const SchedulingState& state, std::int64_t card_id, std::int64_t now_ms,
                                     const Options& options) const {
  return make_review_context(impl_->clock, state, static_cast<std::int64_t>(impl_->card_seed(card_id)), now_ms, options);
}

ReviewContext make_review_context(const Clock& clock, const SchedulingState& state, std::int64_t card_seed, std::int64_t now_ms,
                                  const Options& options) {
  ReviewContext ctx;
  ctx.now_ms = now_ms;
  ctx.elapsed_days = state.last_review_ms == 0 ? 0
                                               : static_cast<int>(clock.day_number(now_ms) - clock.day_number(state.last_review_ms));
  // The same card and the same number of reviews give the same fuzz, so a replay is reproducible.
  ctx.fuzz_seed = mix(static_cast<std::uint64_t>(card_seed) * 1'000'003ULL + static_cast<std::uint64_t>(state.reps));
  ctx.options = &options;
  return ctx;
}

Options Engine::options_for(ComponentKind kind, std::string_view name, const std::vector<OptionSpec>& specs) const {
  return options_for(kind, name, specs, std::string());
}

Options Engine::options_for(ComponentKind kind, std::string_view name, const std::vector<OptionSpec>& specs,
                            const std::string& deck) const {
  const std::string component = fmt::format("{}.{}.", to_string(kind), name);
  auto values = impl_->collection->config_with_prefix(component);
  if (!deck.empty()) {
    for (auto& [option, value] : impl_->collection->config_with_prefix(fmt::format("deck.{}.{}", deck, component)))
      values[option] = value;
  }
  return Options(specs, values);
}

fs::path Engine::bundled_decks_dir() {
  std::error_code ec;
  const fs::path program = boost::dll::program_location(ec);
  if (ec) return {};
  const fs::path dir = program.parent_path().parent_path() / REHEARSE_DATA_SUBDIR / "decks";
  return fs::is_directory(dir, ec) ? dir : fs::path();
}

}  // namespace rehearse
