// The web app's spoken answers: the recording of the card shown (held by the review until the
// card is rated, then kept with its review), and the Recordings page's list, audio and delete.
#include <fmt/format.h>
#include <httplib.h>

#include <charconv>
#include <fstream>
#include <sstream>

#include "request_error.h"
#include "rehearse/errors.h"
#include "web_server.h"

namespace rehearse::web {

namespace {

// A whole number of a multipart field, or RequestError 400 naming it.
std::int64_t number_field(const httplib::Request& request, const char* name) {
  const std::string text = request.has_file(name) ? request.get_file_value(name).content : "";
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0)
    throw RequestError{400, fmt::format("{} must be a whole number", name)};
  return value;
}

std::int64_t recording_id(const httplib::Request& request) {
  std::int64_t id = 0;
  const std::string text = request.matches[1];
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) throw RequestError{404, "there is no such recording"};
  return id;
}

json recording_json(const Recording& r) {
  return {{"id", r.id},           {"card_id", r.card_id}, {"deck", r.deck},   {"prompt", r.prompt},
          {"reviewed_at", format_local_time(r.reviewed_ms)}, {"spoken_seconds", static_cast<double>(r.spoken_ms) / 1000.0},
          {"bytes", r.bytes},     {"mime_type", r.mime_type}};
}

}  // namespace

json WebServer::review_recording(const httplib::Request& request, Session& session) {
  if (!request.has_file("audio")) throw RequestError{400, "the recording is missing (a multipart field named audio)"};
  const httplib::MultipartFormData& audio = request.get_file_value("audio");
  if (audio.content.empty()) throw RequestError{400, "the recording is empty: nothing was heard from the microphone"};
  if (!audio.content_type.starts_with("audio/"))
    throw RequestError{415, fmt::format("a recording must be audio, not '{}'", audio.content_type)};
  if (audio.content.size() > settings_.max_upload_bytes)
    throw RequestError{413, fmt::format("The recording is larger than the limit of {} MB (frontend.web.max_upload_mb).",
                                        settings_.max_upload_bytes >> 20)};
  try {
    engine_.collection().check_recording_fits(static_cast<std::int64_t>(audio.content.size()));
  } catch (const Error& e) {
    throw RequestError{413, e.what()};  // nothing is held: the page shows why
  }
  return session.state->keep_recording(number_field(request, "card_id"), audio.content, audio.content_type,
                                       number_field(request, "spoken_ms"));
}

json WebServer::recordings(const httplib::Request&, Session&) {
  const Collection& collection = engine_.collection();
  json list = json::array();
  for (const auto& r : collection.recordings()) list.push_back(recording_json(r));
  return {{"recordings", list}, {"bytes", collection.recordings_bytes()}, {"max_bytes", collection.recordings_cap_bytes()}};
}

json WebServer::delete_recording(const httplib::Request& request, Session&) {
  const std::int64_t id = recording_id(request);
  if (!engine_.collection().remove_recording(id)) throw RequestError{404, "there is no such recording"};
  return {{"deleted", id}};
}

void WebServer::recording_audio(const httplib::Request& request, httplib::Response& response) {
  // Not through api(): the answer is the audio, not JSON. admit() has checked the request as for
  // every API route (host, paired device, the page's session).
  std::lock_guard lock(mutex_);
  auto refuse = [&](int status, const std::string& message) {
    response.status = status;
    response.set_content(json{{"error", {{"message", message}}}}.dump(), "application/json");
  };
  try {
    if (session_of(request) == nullptr) return refuse(403, "This page's session has ended. Reload the page.");
    const std::optional<Recording> recording = engine_.collection().recording(recording_id(request));
    if (!recording) return refuse(404, "there is no such recording");
    std::ifstream in(recording->file, std::ios::binary);
    std::ostringstream audio;
    audio << in.rdbuf();
    if (!in) return refuse(404, fmt::format("the file of recording {} cannot be read: {}", recording->id, recording->file.string()));
    response.set_content(audio.str(), recording->mime_type.c_str());
  } catch (const RequestError& e) {
    refuse(e.status, e.message);
  }
}

}  // namespace rehearse::web
