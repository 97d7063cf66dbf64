// The sync server under load: simulated learners, each with its own account and device, push a
// day of reviews to one `rehearse sync-server` in several syncs and pull what is new. Prints the
// syncs per second and the latency of a sync (p50, p99). tools/bench/sync starts PostgreSQL and the
// server and runs it; this is a benchmark, not a test.
//
// Accounts are made directly in the server's database (users and enrolment codes, as add-user
// would, without a process per user); everything else goes through HTTP as a device's sync does.
#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

#include "sync_protocol.h"

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Settings {
  std::string database;
  std::string server = "http://127.0.0.1:8766";
  int learners = 1000;
  int reviews = 50;       // a learner's reviews in a day
  int syncs = 5;          // the syncs they are pushed in
  int threads = 16;       // learners syncing at the same moment
  int cards = 200;        // cards in each learner's collection, pushed by the first sync
};

Settings parse(int argc, char** argv) {
  Settings s;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&] {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return std::string(argv[++i]);
    };
    if (a == "--database") s.database = value();
    else if (a == "--server") s.server = value();
    else if (a == "--learners") s.learners = std::stoi(value());
    else if (a == "--reviews") s.reviews = std::stoi(value());
    else if (a == "--syncs") s.syncs = std::stoi(value());
    else if (a == "--threads") s.threads = std::stoi(value());
    else if (a == "--cards") s.cards = std::stoi(value());
    else throw std::runtime_error("unknown option " + a);
  }
  if (s.database.empty()) throw std::runtime_error("--database URL is needed (to make the accounts)");
  return s;
}

struct Learner {
  std::string device;
  std::string token;
  std::int64_t position = 0;
  std::int64_t seq = 0;
};

json post(httplib::Client& client, const std::string& path, const json& body, const std::string& token = {}) {
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  const auto result = client.Post(path.c_str(), headers, body.dump(), "application/json");
  if (!result) throw std::runtime_error("no answer: " + httplib::to_string(result.error()));
  if (result->status != 200) throw std::runtime_error(fmt::format("{} answered {}: {}", path, result->status, result->body));
  return json::parse(result->body);
}

}  // namespace

int main(int argc, char** argv) try {
  const Settings s = parse(argc, argv);
  using namespace rehearse;
  // The accounts: one user and one code each, in one transaction.
  std::vector<std::string> codes;
  const std::string run = sync::random_hex(4);
  {
    pqxx::connection connection(s.database);
    pqxx::work work(connection);
    for (int i = 0; i < s.learners; ++i) {
      const std::string code = sync::random_hex(6);
      const auto user = work.exec_params("INSERT INTO users (name) VALUES ($1) RETURNING user_id", fmt::format("bench-{}-{}", run, i));
      work.exec_params("INSERT INTO enrolment_codes (code_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')",
                       sync::sha256_hex(code), user[0][0].as<std::int64_t>());
      codes.push_back(code);
    }
    work.commit();
  }
  std::vector<Learner> learners(static_cast<size_t>(s.learners));
  {
    httplib::Client client(s.server);
    for (int i = 0; i < s.learners; ++i) {
      Learner& l = learners[static_cast<size_t>(i)];
      l.device = sync::random_hex(8);
      l.token = post(client, "/v1/enrol", {{"protocol", sync::protocol_version()}, {"code", codes[static_cast<size_t>(i)]},
                                           {"device", l.device}, {"name", "bench"}})["token"];
    }
  }
  fmt::print("{} learners enrolled; each pushes {} reviews in {} syncs ({} cards with the first), {} at a time\n", s.learners, s.reviews,
             s.syncs, s.cards, s.threads);

  // One day: every learner's syncs, learners taken in turn by the threads.
  std::atomic<int> next = 0;
  std::mutex mutex;
  std::vector<double> latencies;
  std::atomic<int> failures = 0;
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < s.threads; ++t)
    threads.emplace_back([&] {
      httplib::Client client(s.server);
      client.set_keep_alive(true);
      std::vector<double> mine;
      for (int i; (i = next++) < s.learners;) {
        Learner& l = learners[static_cast<size_t>(i)];
        for (int k = 0; k < s.syncs; ++k) {
          ChangeBatch push;
          if (k == 0)
            for (int c = 0; c < s.cards; ++c)
              push.cards.push_back({{"Deck", fmt::format("card-{}", c)}, 1, l.device,
                                    {{"kind", "question"}, {"prompt", fmt::format("Question {} of the bench deck?", c)},
                                     {"answer", std::string(200, 'a')}},
                                    false});
          const int count = s.reviews / s.syncs + (k < s.reviews % s.syncs ? 1 : 0);
          for (int r = 0; r < count; ++r) {
            SyncedReview review;
            review.card = {"Deck", fmt::format("card-{}", (l.seq * 7) % s.cards)};
            review.device = l.device;
            review.seq = ++l.seq;
            review.reviewed_ms = 1'780'000'000'000 + l.seq * 60'000;
            review.rating = static_cast<Rating>(1 + l.seq % 4);
            review.taken_ms = 5000;
            push.reviews.push_back(std::move(review));
          }
          const auto before = Clock::now();
          try {
            const json answer =
                post(client, "/v1/sync", {{"protocol", sync::protocol_version()}, {"since", l.position}, {"push", sync::to_json(push)}}, l.token);
            l.position = answer["position"];
          } catch (const std::exception& e) {
            if (failures++ == 0) fmt::print(stderr, "sync failed: {}\n", e.what());
          }
          mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - before).count());
        }
      }
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(latencies.begin(), latencies.end());
  auto percentile = [&](double p) { return latencies[std::min(latencies.size() - 1, static_cast<size_t>(p * static_cast<double>(latencies.size())))]; };
  fmt::print("{} syncs in {:.1f} s: {:.0f} syncs/s; latency p50 {:.1f} ms, p99 {:.1f} ms; {} failed\n", latencies.size(), seconds,
             static_cast<double>(latencies.size()) / seconds, percentile(0.50), percentile(0.99), failures.load());
  fmt::print("One day of {} learners' syncs took {:.1f} s of server time (target: under 60 s)\n", s.learners, seconds);
  return failures == 0 ? 0 : 1;
} catch (const std::exception& e) {
  fmt::print(stderr, "sync_bench: {}\n", e.what());
  return 2;
}
