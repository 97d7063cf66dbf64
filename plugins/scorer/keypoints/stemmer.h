// English Snowball stemming (libstemmer), so that "mitigated", "mitigating" and "mitigation" are
// one word to the matcher.
#pragma once

#include <string>
#include <string_view>

struct sb_stemmer;

namespace keypoints {

class Stemmer {
 public:
  // Throws std::runtime_error when libstemmer has no English stemmer.
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of `word` (lower case, UTF-8). libstemmer keeps state in the stemmer, so one
  // Stemmer must not be used by two threads at once.
  std::string stem(std::string_view word);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace keypoints
