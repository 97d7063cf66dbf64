// Settings a component declares and the values the user gave them.
//
// A component lists its options (name, type, default, help). The user sets them with
// `rehearse config set <kind>.<component>.<name> VALUE`; the engine validates the value against the
// declaration, stores it in the collection, and hands the component an `Options` with every
// declared option resolved (the stored value, or the default).
#pragma once

#include <any>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"

namespace rehearse {

enum class OptionType { boolean, integer, number, text, number_list };

REHEARSE_API std::string_view to_string(OptionType type);

struct OptionSpec {
  std::string name;           // e.g. "target_seconds"
  OptionType type = OptionType::text;
  std::string default_value;  // in the same text form the user types
  std::string help;           // one line
  double min = 0;             // for integer, number and number_list: the accepted range,
  double max = 0;             // ignored when min == max
  // Optional: what the type and range cannot say (a list whose items each have their own bounds).
  // Called with a value that passed the type and range checks; returns what is wrong, or an
  // empty string. The engine guards it like any call into a plugin.
  std::function<std::string(std::string_view value)> check = nullptr;
};

// Checks `value` against `spec` (type, range, then `check`); returns an empty string when it is
// valid, or what is wrong.
REHEARSE_API std::string validate_option(const OptionSpec& spec, std::string_view value);

// A text option that accepts only one of `choices` (the first is the default); any other value is
// refused with a message listing them.
REHEARSE_API OptionSpec choice_option(std::string name, std::vector<std::string> choices, std::string help);

// The engine's settings for the order of a day's cards, as Anki's deck options have them (set
// for the collection or one deck, "deck.<name>.review_order"):
// `review_order`: due (by due day, then in a random order fixed for the day), deck,
// retrievability (the most at risk first) or random; `new_mix`: after (new cards after the
// reviews), mixed (spread among them) or before.
REHEARSE_API OptionSpec review_order_option();
REHEARSE_API OptionSpec new_mix_option();

// The setting `recordings_max_mb`: the most the recordings of spoken answers may take together,
// in MB (0: keep none). A recording that would go beyond it is refused (Collection::add_recording).
REHEARSE_API OptionSpec recordings_max_mb_option();

// Reads a number_list value: numbers separated by spaces or commas, each optionally ending in 'm'
// (minutes, as steps are written). Nothing when it is not such a list.
REHEARSE_API std::optional<std::vector<double>> parse_number_list(std::string_view text);

// Resolved option values for one component. Getters throw rehearse::Error for an option that was
// not declared, so a typo in a plugin shows up at once.
class REHEARSE_API Options {
 public:
  Options() = default;
  Options(std::vector<OptionSpec> specs, const std::map<std::string, std::string>& values);

  bool get_bool(std::string_view name) const;
  long long get_int(std::string_view name) const;
  double get_number(std::string_view name) const;
  std::string get_text(std::string_view name) const;
  std::vector<double> get_number_list(std::string_view name) const;

  const std::vector<OptionSpec>& specs() const { return specs_; }

  // The settings as a component's own struct, parsed once: the first call builds T(*this), later
  // calls on the same Options return that object. A scheduler answering a million reviews in a
  // replay reads its settings this way instead of parsing text on every call. One T per Options
  // object; not for use from several threads at once.
  template <class T>
  const T& parsed() const {
    if (const T* done = std::any_cast<T>(&parsed_)) return *done;
    parsed_ = T(*this);
    return *std::any_cast<T>(&parsed_);
  }

 private:
  const std::string& raw(std::string_view name) const;

  mutable std::any parsed_;

  std::vector<OptionSpec> specs_;
  std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace rehearse
