// tools/train-star-parts: learns the star scorer's sentence labeller from labelled answers.
//
// Reads behavioural answers labelled sentence by sentence (the tuning set and the training-only
// set; never the held-out set, which measures how well the result generalises), cuts each into the units the
// scorer labels, and fits
//   - the emission weights: multinomial logistic regression from a unit's features
//     (plugins/scorer/star/part_features.h) and its words (unit_tokens: those seen in at least
//     --min-count units) to its part, with an L2 penalty, heavier on the words so that a word
//     carries weight only when many answers agree on it;
//   - the transition and start scores: how often one part follows another, add-one smoothed,
//     as log-probabilities scaled by --transition-weight;
// then writes them as C++ to plugins/scorer/star/part_model.inc.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "eval_data.h"
#include "part_features.h"
#include "rehearse/text.h"
#include "star_parts.h"

namespace fs = std::filesystem;

namespace {

constexpr int P = star::kPartCount;
constexpr int K = star::kFeatureCount;

struct Sample {
  star::Features features;
  std::vector<std::size_t> words;  // indices into the vocabulary
  std::array<double, P> target{};  // the gold distribution over parts (two labels: half each)
};

int part_index(const std::string& name) {
  static const std::map<std::string, int> parts = {{"situation", 0}, {"task", 1}, {"action", 2}, {"result", 3}, {"lesson", 4}};
  return parts.at(name);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data = REHEARSE_EVAL_DATA_DIR;
  fs::path output = REHEARSE_STAR_MODEL_FILE;
  // Chosen by measuring on the development set (tools/eval-scorers), never on the held-out one.
  double transition_weight = 0.2, l2 = 0.003, word_l2 = 0.001;
  int min_count = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--data") data = argv[i + 1];
    else if (arg == "--output") output = argv[i + 1];
    else if (arg == "--transition-weight") transition_weight = std::stod(argv[i + 1]);
    else if (arg == "--l2") l2 = std::stod(argv[i + 1]);
    else if (arg == "--word-l2") word_l2 = std::stod(argv[i + 1]);
    else if (arg == "--min-count") min_count = std::stoi(argv[i + 1]);
    else {
      fmt::print(stderr, "usage: train-star-parts [--data DIR] [--output FILE] [--transition-weight W] [--l2 L] [--word-l2 L] [--min-count N]\n");
      return 2;
    }
  }
  // The tuning set and, when present, the training-only set; never the held-out set.
  auto answers = eval::read_behavioural(data / "behavioural-tune.txt");
  if (fs::exists(data / "behavioural-train.txt")) {
    const auto more = eval::read_behavioural(data / "behavioural-train.txt");
    answers.insert(answers.end(), more.begin(), more.end());
  }
  std::vector<Sample> samples;
  std::vector<std::vector<std::string>> sample_tokens;
  std::array<std::array<double, P>, P> follows{};
  std::array<double, P> starts{};
  for (const auto& answer : answers) {
    std::vector<std::pair<std::size_t, std::size_t>> offsets;
    const std::string text = eval::assemble(answer, false, offsets);
    const rehearse::AnswerText words(text);
    const star::StarParts parts(words);
    int previous = -1;
    for (const auto& unit : parts.units()) {
      Sample sample;
      sample.features = unit.features;
      // The unit's words vote with their sentence's labels.
      double votes = 0;
      for (int w = unit.first_word; w < unit.end_word; ++w) {
        const std::size_t begin = words.words()[static_cast<std::size_t>(w)].begin;
        for (std::size_t s = 0; s < offsets.size(); ++s) {
          if (begin < offsets[s].first || begin >= offsets[s].second) continue;
          const auto& labels = answer.sentences[s].parts;
          for (const auto& label : labels) sample.target[static_cast<std::size_t>(part_index(label))] += 1.0 / static_cast<double>(labels.size());
          votes += 1;
        }
      }
      if (votes == 0) continue;
      for (double& t : sample.target) t /= votes;
      const int gold = static_cast<int>(std::max_element(sample.target.begin(), sample.target.end()) - sample.target.begin());
      if (previous < 0)
        starts[static_cast<std::size_t>(gold)] += 1;
      else
        follows[static_cast<std::size_t>(previous)][static_cast<std::size_t>(gold)] += 1;
      previous = gold;
      samples.push_back(sample);
      sample_tokens.push_back(unit.tokens);
    }
  }

  // The vocabulary: the words of at least `min_count` units.
  std::map<std::string, int> counts;
  for (const auto& tokens : sample_tokens)
    for (const auto& token : tokens) ++counts[token];
  std::vector<std::string> vocabulary;
  std::map<std::string, std::size_t> index;
  for (const auto& [token, count] : counts)
    if (count >= min_count) {
      index[token] = vocabulary.size();
      vocabulary.push_back(token);
    }
  for (std::size_t s = 0; s < samples.size(); ++s)
    for (const auto& token : sample_tokens[s])
      if (const auto it = index.find(token); it != index.end()) samples[s].words.push_back(it->second);
  const std::size_t V = vocabulary.size();

  // Full-batch gradient descent on the cross-entropy with an L2 penalty (not on the bias).
  std::array<std::array<double, K>, P> w{};
  std::vector<std::array<double, P>> u(V, std::array<double, P>{});
  const double rate = 0.5;
  for (int epoch = 0; epoch < 4000; ++epoch) {
    std::array<std::array<double, K>, P> gradient{};
    std::vector<std::array<double, P>> word_gradient(V, std::array<double, P>{});
    for (const auto& sample : samples) {
      std::array<double, P> score{};
      for (int p = 0; p < P; ++p)
        for (int k = 0; k < K; ++k) score[static_cast<std::size_t>(p)] += w[static_cast<std::size_t>(p)][static_cast<std::size_t>(k)] * sample.features[static_cast<std::size_t>(k)];
      for (std::size_t v : sample.words)
        for (int p = 0; p < P; ++p) score[static_cast<std::size_t>(p)] += u[v][static_cast<std::size_t>(p)];
      const double top = *std::max_element(score.begin(), score.end());
      double sum = 0;
      for (double& s : score) sum += (s = std::exp(s - top));
      for (int p = 0; p < P; ++p) {
        const double error = score[static_cast<std::size_t>(p)] / sum - sample.target[static_cast<std::size_t>(p)];
        for (int k = 0; k < K; ++k) gradient[static_cast<std::size_t>(p)][static_cast<std::size_t>(k)] += error * sample.features[static_cast<std::size_t>(k)];
        for (std::size_t v : sample.words) word_gradient[v][static_cast<std::size_t>(p)] += error;
      }
    }
    for (std::size_t v = 0; v < V; ++v)
      for (int p = 0; p < P; ++p) {
        double& weight = u[v][static_cast<std::size_t>(p)];
        weight -= rate * (word_gradient[v][static_cast<std::size_t>(p)] / static_cast<double>(samples.size()) + word_l2 * weight);
      }
    for (int p = 0; p < P; ++p)
      for (int k = 0; k < K; ++k) {
        double& weight = w[static_cast<std::size_t>(p)][static_cast<std::size_t>(k)];
        const double penalty = k == 0 ? 0 : l2 * weight;
        weight -= rate * (gradient[static_cast<std::size_t>(p)][static_cast<std::size_t>(k)] / static_cast<double>(samples.size()) + penalty);
      }
  }

  std::ofstream out(output);
  out << "// Generated by tools/train-star-parts from tests/data/scorer-eval/behavioural-{tune,train}.txt: do not edit by hand.\n"
      << fmt::format("// {} units of {} answers; L2 penalty {} (words {}, seen in at least {} units), transition weight {}.\n", samples.size(),
                     answers.size(), l2, word_l2, min_count, transition_weight)
      << "// kEmission[part][feature]: parts situation, task, action, result, lesson; features in the order of\n"
      << "// part_features.cpp's feature_names().\n";
  out << "constexpr double kEmission[" << P << "][" << K << "] = {\n";
  for (int p = 0; p < P; ++p) {
    out << "    {";
    for (int k = 0; k < K; ++k) out << fmt::format("{}{:.4f}", k == 0 ? "" : ", ", w[static_cast<std::size_t>(p)][static_cast<std::size_t>(k)]);
    out << "},\n";
  }
  out << "};\n";
  out << "// kWordWeights: a word's weight for each part (part_features.h, unit_tokens).\n";
  // An array may not be empty: without words, one entry that no token equals.
  out << "constexpr WordWeight kWordWeights[" << std::max<std::size_t>(V, 1) << "] = {\n";
  if (V == 0) out << "    {\"\", {0, 0, 0, 0, 0}},\n";
  for (std::size_t v = 0; v < V; ++v) {
    out << fmt::format("    {{\"{}\", {{", vocabulary[v]);
    for (int p = 0; p < P; ++p) out << fmt::format("{}{:.4f}", p == 0 ? "" : ", ", u[v][static_cast<std::size_t>(p)]);
    out << "}},\n";
  }
  out << "};\n";
  out << "// kTransition[from][to] and kStart[part]: log-probabilities, add-one smoothed, scaled.\n";
  out << "constexpr double kTransition[" << P << "][" << P << "] = {\n";
  for (int q = 0; q < P; ++q) {
    double row = 0;
    for (int p = 0; p < P; ++p) row += follows[static_cast<std::size_t>(q)][static_cast<std::size_t>(p)] + 1;
    out << "    {";
    for (int p = 0; p < P; ++p)
      out << fmt::format("{}{:.4f}", p == 0 ? "" : ", ", transition_weight * std::log((follows[static_cast<std::size_t>(q)][static_cast<std::size_t>(p)] + 1) / row));
    out << "},\n";
  }
  out << "};\n";
  double start_total = 0;
  for (double s : starts) start_total += s + 1;
  out << "constexpr double kStart[" << P << "] = {";
  for (int p = 0; p < P; ++p) out << fmt::format("{}{:.4f}", p == 0 ? "" : ", ", transition_weight * std::log((starts[static_cast<std::size_t>(p)] + 1) / start_total));
  out << "};\n";
  fmt::print("trained on {} units of {} answers, {} words; wrote {}\n", samples.size(), answers.size(), V, output.string());
  // The heaviest features of each part, to see what the model learned.
  const auto& names = star::feature_names();
  for (int p = 0; p < P; ++p) {
    std::vector<int> order(K);
    for (int k = 0; k < K; ++k) order[static_cast<std::size_t>(k)] = k;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return w[static_cast<std::size_t>(p)][static_cast<std::size_t>(a)] > w[static_cast<std::size_t>(p)][static_cast<std::size_t>(b)]; });
    fmt::print("  {:<9}", star::part_name(static_cast<star::Part>(p)));
    for (int i = 0; i < 5; ++i) fmt::print(" {} {:+.2f};", names[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])], w[static_cast<std::size_t>(p)][static_cast<std::size_t>(order[static_cast<std::size_t>(i)])]);
    fmt::print("\n");
  }
  return 0;
}
