// The web app's own files (the page, its scripts and styles), compiled into the plugin from
// assets/ by embed_assets.cmake. The server answers with these and nothing else: no request can
// name a file on disk.
#pragma once

#include <string_view>
#include <vector>

namespace rehearse::web {

struct Asset {
  std::string_view path;          // as requested, e.g. "/app.js"
  std::string_view content_type;
  std::string_view body;
};

const std::vector<Asset>& assets();

// The asset served at exactly `path`, or nullptr.
inline const Asset* find_asset(std::string_view path) {
  for (const Asset& asset : assets())
    if (asset.path == path) return &asset;
  return nullptr;
}

}  // namespace rehearse::web
