// The exceptions the engine throws. Each carries enough context to be shown to a user as is.
#pragma once

#include <stdexcept>
#include <string>

#include "rehearse/api.h"

namespace rehearse {

// Base of every rehearse error. The key function is defined in the engine library so that the
// type is the same one in the host and in every plugin.
class REHEARSE_API Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  ~Error() override;
};

// Input that cannot be read: a deck, a CSV file, an argument. `file` and `line` say where
// (line 0 when the problem is not on one line). what() is "file:line: message".
class REHEARSE_API ParseError : public Error {
 public:
  ParseError(std::string file, int line, std::string message);
  ~ParseError() override;

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_;
  std::string message_;
};

// A plugin failed: it threw, or returned something the engine cannot accept. what() names the
// plugin and says what it was doing.
class REHEARSE_API PluginError : public Error {
 public:
  PluginError(std::string plugin, std::string message);
  ~PluginError() override;

  const std::string& plugin() const { return plugin_; }

 private:
  std::string plugin_;
};

}  // namespace rehearse
