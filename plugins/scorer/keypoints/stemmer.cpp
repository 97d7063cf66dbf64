#include "stemmer.h"

#include <libstemmer.h>

#include <new>
#include <stdexcept>

namespace keypoints {

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {
  if (stemmer_ == nullptr) throw std::runtime_error("libstemmer has no English stemmer (is libstemmer-dev complete?)");
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string Stemmer::stem(std::string_view word) {
  const sb_symbol* stemmed = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  // libstemmer returns null only when it runs out of memory.
  if (stemmed == nullptr) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace keypoints
