// The `csv` source plugin: CSV and TSV lists of cards with a header row, and Anki's text export.
#include <memory>

#include "csv_deck.h"
#include "rehearse/errors.h"
#include "rehearse/plugin.h"
#include "text_util.h"

namespace {

class CsvSource final : public rehearse::Source {
 public:
  std::string_view name() const override { return "csv"; }

  // `rehearse import --columns question=2,answer=5,tags=-`: which column holds what, for files
  // whose header row names its columns in words rehearse does not know, or has no header row.
  std::vector<rehearse::OptionSpec> options() const override {
    return {{.name = "columns",
             .type = rehearse::OptionType::text,
             .default_value = "",
             .help = "which column holds what, by number from 1: question=2,answer=5,tags=- (import --columns)",
             .check = [](std::string_view value) {
               std::string error;
               rehearse::csv::parse_column_map(value, error);
               return error;
             }}};
  }

  // .csv and .tsv files always; a .txt file only when it starts like a table (Anki's export
  // headers, or a header row naming a prompt column), so that guide pages saved as .txt are left to
  // the guide source.
  bool accepts(const std::filesystem::path& path, std::string_view head) const override {
    const std::string ext = rehearse::text::lower(path.extension().string());
    if (ext == ".csv" || ext == ".tsv" || ext == ".tab") return true;
    if (ext == ".txt" || ext.empty()) return rehearse::csv::looks_like_table(head);
    return false;
  }

  rehearse::ParseResult parse(const std::filesystem::path& path, std::string_view bytes,
                              const rehearse::Options& options) const override {
    const std::string columns = options.get_text("columns");
    if (columns.empty()) return rehearse::csv::parse_table(bytes, path);
    std::string error;
    const auto by_hand = rehearse::csv::parse_column_map(columns, error);
    if (!by_hand) throw rehearse::ParseError(path.string(), 0, "--columns " + columns + ": " + error);
    return rehearse::csv::parse_table(bytes, path, &*by_hand);
  }
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<CsvSource>()); }

}  // namespace

REHEARSE_PLUGIN("csv", "1.0.0", "source",
                "CSV/TSV card lists with a header row (question, answer, key points, tags, themes, deck) and Anki's text export",
                register_components)
