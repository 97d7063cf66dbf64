#include "rehearse/errors.h"

#include <fmt/format.h>

namespace rehearse {

Error::~Error() = default;

ParseError::ParseError(std::string file, int line, std::string message)
    : Error(line > 0 ? fmt::format("{}:{}: {}", file, line, message) : fmt::format("{}: {}", file, message)),
      file_(std::move(file)),
      line_(line),
      message_(std::move(message)) {}

ParseError::~ParseError() = default;

PluginError::PluginError(std::string plugin, std::string message)
    : Error(fmt::format("plugin '{}': {}", plugin, message)), plugin_(std::move(plugin)) {}

PluginError::~PluginError() = default;

}  // namespace rehearse
