#include "stemmer.h"

#include <libstemmer.h>

#include <new>
#include <stdexcept>
#include <unordered_map>

namespace keypoints {

namespace {

// Snowball stems suffixes; it leaves irregular past forms alone ("kept" is not "keep"). Answers
// tell stories in the past tense, so the common irregular verbs of such stories are mapped to
// their base form first.
std::string_view base_form(std::string_view word) {
  static const std::unordered_map<std::string_view, std::string_view> irregular = {
      {"began", "begin"},  {"begun", "begin"},     {"bought", "buy"},     {"brought", "bring"}, {"broke", "break"},
      {"broken", "break"}, {"built", "build"},     {"caught", "catch"},   {"chose", "choose"},  {"chosen", "choose"},
      {"dealt", "deal"},   {"did", "do"},          {"done", "do"},        {"drew", "draw"},     {"drawn", "draw"},
      {"drove", "drive"},  {"driven", "drive"},    {"fell", "fall"},      {"fallen", "fall"},   {"felt", "feel"},
      {"fought", "fight"}, {"found", "find"},      {"forgot", "forget"},  {"gave", "give"},     {"given", "give"},
      {"got", "get"},      {"gotten", "get"},      {"went", "go"},        {"gone", "go"},       {"grew", "grow"},
      {"grown", "grow"},   {"had", "have"},        {"heard", "hear"},     {"held", "hold"},     {"hid", "hide"},
      {"kept", "keep"},    {"knew", "know"},       {"known", "know"},     {"laid", "lay"},      {"led", "lead"},
      {"learnt", "learn"}, {"left", "leave"},      {"lent", "lend"},      {"lost", "lose"},     {"made", "make"},
      {"meant", "mean"},   {"met", "meet"},        {"paid", "pay"},       {"ran", "run"},       {"rang", "ring"},
      {"rose", "rise"},    {"risen", "rise"},      {"rewrote", "rewrite"}, {"rewritten", "rewrite"},
      {"said", "say"},     {"saw", "see"},         {"seen", "see"},       {"sent", "send"},     {"sold", "sell"},
      {"shook", "shake"},  {"shown", "show"},      {"shrank", "shrink"},  {"slept", "sleep"},   {"sped", "speed"},
      {"spent", "spend"},  {"spoke", "speak"},     {"spoken", "speak"},   {"stood", "stand"},   {"stole", "steal"},
      {"struck", "strike"}, {"swore", "swear"},    {"took", "take"},      {"taken", "take"},    {"taught", "teach"},
      {"thought", "think"}, {"threw", "throw"},    {"thrown", "throw"},   {"told", "tell"},     {"understood", "understand"},
      {"undertook", "undertake"}, {"was", "be"},   {"were", "be"},        {"been", "be"},       {"woke", "wake"},
      {"won", "win"},      {"wore", "wear"},       {"wrote", "write"},    {"written", "write"}, {"withdrew", "withdraw"},
  };
  const auto it = irregular.find(word);
  return it == irregular.end() ? word : it->second;
}

}  // namespace

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {
  if (stemmer_ == nullptr) throw std::runtime_error("libstemmer has no English stemmer (is libstemmer-dev complete?)");
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string Stemmer::stem(std::string_view word) {
  word = base_form(word);
  const sb_symbol* stemmed = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  // libstemmer returns null only when it runs out of memory.
  if (stemmed == nullptr) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace keypoints
