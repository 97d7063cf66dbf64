// A request the web app's API refuses: the HTTP status to answer and a message for the page.
// WebServer::api() turns it into {"error": {"message"}} with that status.
#pragma once

#include <string>

namespace rehearse::web {

struct RequestError {
  int status;
  std::string message;
};

}  // namespace rehearse::web
