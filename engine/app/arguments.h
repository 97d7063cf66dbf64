// A small command-line parser: global options anywhere, a command, its options and operands.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace rehearse::app {

// Thrown for arguments that do not make sense; main() prints it with the usage and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Arguments {
 public:
  // `valued` lists the options that take a value ("--deck"); `repeatable` ones may appear more
  // than once. Every other "--name" is a flag. "--" ends the options.
  Arguments(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
            const std::vector<std::string>& repeatable);

  const std::string& command() const { return command_; }
  const std::vector<std::string>& operands() const { return operands_; }
  bool flag(const std::string& name) const;
  std::optional<std::string> value(const std::string& name) const;
  std::vector<std::string> values(const std::string& name) const;

  // Throws UsageError naming the first option not in `allowed`.
  void allow_only(const std::vector<std::string>& allowed) const;

 private:
  std::string command_;
  std::vector<std::string> operands_;
  std::multimap<std::string, std::string> options_;
};

}  // namespace rehearse::app
