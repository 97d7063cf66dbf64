#include "arguments.h"

#include <algorithm>
#include <cctype>

namespace rehearse::app {

namespace {
bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}
}  // namespace

Arguments::Arguments(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
                     const std::vector<std::string>& repeatable) {
  bool options_done = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (!options_done && arg == "--") {
      options_done = true;
    } else if (!options_done && arg.size() > 1 && arg[0] == '-' && !std::isdigit(static_cast<unsigned char>(arg[1]))) {
      // ("-3" is a negative number, an operand; "-" alone is standard input.)
      std::string name = arg;
      std::optional<std::string> inline_value;
      if (auto eq = arg.find('='); eq != std::string::npos && arg.starts_with("--")) {
        name = arg.substr(0, eq);
        inline_value = arg.substr(eq + 1);
      }
      if (name == "-h") name = "--help";
      if (name == "-V") name = "--version";
      if (contains(valued, name)) {
        if (!inline_value) {
          if (i + 1 >= argv.size()) throw UsageError(name + " needs a value");
          inline_value = argv[++i];
        }
        if (options_.count(name) && !contains(repeatable, name)) throw UsageError(name + " is given twice");
        options_.emplace(name, *inline_value);
      } else {
        if (inline_value) throw UsageError(name + " takes no value");
        options_.emplace(name, "");
      }
    } else if (command_.empty()) {
      command_ = arg;
    } else {
      operands_.push_back(arg);
    }
  }
}

bool Arguments::flag(const std::string& name) const { return options_.count(name) > 0; }

std::optional<std::string> Arguments::value(const std::string& name) const {
  auto it = options_.find(name);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Arguments::values(const std::string& name) const {
  std::vector<std::string> out;
  auto [first, last] = options_.equal_range(name);
  for (auto it = first; it != last; ++it) out.push_back(it->second);
  return out;
}

void Arguments::allow_only(const std::vector<std::string>& allowed) const {
  for (const auto& [name, value] : options_)
    if (!contains(allowed, name)) throw UsageError("unknown option " + name + (command_.empty() ? "" : " for '" + command_ + "'"));
}

}  // namespace rehearse::app
