#include "rehearse/options.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <sstream>

#include "rehearse/errors.h"
#include "review_order.h"

namespace rehearse {

std::string_view to_string(OptionType type) {
  switch (type) {
    case OptionType::boolean: return "boolean";
    case OptionType::integer: return "integer";
    case OptionType::number: return "number";
    case OptionType::text: return "text";
    case OptionType::number_list: return "number list";
  }
  return "text";
}

namespace {

std::optional<double> parse_number(std::string_view text) {
  const std::string s(text);
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(s.c_str(), &end);
  if (errno != 0 || end != s.c_str() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<bool> parse_bool(std::string_view text) {
  if (text == "true" || text == "on" || text == "yes" || text == "1") return true;
  if (text == "false" || text == "off" || text == "no" || text == "0") return false;
  return std::nullopt;
}

std::string range_text(const OptionSpec& spec) { return fmt::format("{} to {}", spec.min, spec.max); }

}  // namespace

// "1m 10m", "1, 10" or "1 10": numbers separated by spaces or commas. A trailing 'm' (minutes)
// is allowed on each, since learning steps are written that way.
std::optional<std::vector<double>> parse_number_list(std::string_view text) {
  std::vector<double> values;
  std::string token;
  auto flush = [&]() -> bool {
    if (token.empty()) return true;
    if (token.back() == 'm') token.pop_back();
    auto number = parse_number(token);
    token.clear();
    if (!number) return false;
    values.push_back(*number);
    return true;
  };
  for (char c : text) {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!flush()) return std::nullopt;
    } else {
      token += c;
    }
  }
  if (!flush()) return std::nullopt;
  return values;
}

namespace {

std::string type_and_range_problem(const OptionSpec& spec, std::string_view value) {
  const bool ranged = spec.min != spec.max;
  switch (spec.type) {
    case OptionType::boolean:
      return parse_bool(value) ? "" : "expected true or false";
    case OptionType::text:
      return "";
    case OptionType::integer:
    case OptionType::number: {
      auto number = parse_number(value);
      if (!number) return spec.type == OptionType::integer ? "expected a whole number" : "expected a number";
      if (spec.type == OptionType::integer && std::floor(*number) != *number) return "expected a whole number";
      if (ranged && (*number < spec.min || *number > spec.max)) return fmt::format("must be from {}", range_text(spec));
      return "";
    }
    case OptionType::number_list: {
      auto list = parse_number_list(value);
      if (!list) return "expected numbers separated by spaces or commas";
      for (double number : *list) {
        if (ranged && (number < spec.min || number > spec.max))
          return fmt::format("{} is out of range ({})", number, range_text(spec));
      }
      return "";
    }
  }
  return "";
}

}  // namespace

std::string validate_option(const OptionSpec& spec, std::string_view value) {
  std::string problem = type_and_range_problem(spec, value);
  if (problem.empty() && spec.check) problem = spec.check(value);
  return problem;
}

OptionSpec choice_option(std::string name, std::vector<std::string> choices, std::string help) {
  OptionSpec spec;
  spec.name = std::move(name);
  spec.type = OptionType::text;
  spec.default_value = choices.empty() ? std::string() : choices.front();
  spec.help = std::move(help);
  spec.check = [choices = std::move(choices)](std::string_view value) -> std::string {
    for (const auto& choice : choices)
      if (value == choice) return "";
    return fmt::format("'{}' is not one of {}", value, fmt::join(choices, ", "));
  };
  return spec;
}

OptionSpec review_order_option() {
  return choice_option("review_order", detail::review_order_names(),
                       "order of today's reviews: due (by due day, then random), deck, retrievability, random");
}

OptionSpec new_mix_option() {
  return choice_option("new_mix", detail::new_mix_names(), "new cards after the reviews, mixed among them, or before");
}

OptionSpec recordings_max_mb_option() {
  // 200 MB holds a few thousand minute-long answers in the formats browsers record (Opus, ~32 kbit/s).
  return {"recordings_max_mb", OptionType::integer, "200",
          "the most the recordings of spoken answers may take together, in MB (0: keep none)", 0, 1'000'000};
}

Options::Options(std::vector<OptionSpec> specs, const std::map<std::string, std::string>& values)
    : specs_(std::move(specs)) {
  for (const auto& spec : specs_) {
    auto given = values.find(spec.name);
    values_[spec.name] = given != values.end() && validate_option(spec, given->second).empty() ? given->second : spec.default_value;
  }
}

const std::string& Options::raw(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw Error(fmt::format("option '{}' was not declared", name));
  return it->second;
}

bool Options::get_bool(std::string_view name) const { return parse_bool(raw(name)).value_or(false); }

long long Options::get_int(std::string_view name) const {
  return static_cast<long long>(parse_number(raw(name)).value_or(0));
}

double Options::get_number(std::string_view name) const { return parse_number(raw(name)).value_or(0); }

std::string Options::get_text(std::string_view name) const { return raw(name); }

std::vector<double> Options::get_number_list(std::string_view name) const {
  return parse_number_list(raw(name)).value_or(std::vector<double>{});
}

}  // namespace rehearse
