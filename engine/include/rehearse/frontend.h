// The front-end interface: a way to run a review session, write a story or hold a mock interview
// (a line-oriented terminal, a full-screen terminal, a local web app).
//
// Called: once, by `rehearse review --frontend NAME` (or `story new`, `mock`, or a command that
// serves a front end), on the main thread, after plugins are loaded and the collection is open. run() owns the interaction
// until it returns. Everything it needs goes through `engine`; every answer it records through a
// ReviewSession is committed before answer() returns, so a front end that is killed loses nothing
// the user confirmed. An exception escaping run() becomes a PluginError naming the plugin.
//
// Ownership: the registry owns the Frontend until the process ends. The context and everything it
// refers to (the engine, the streams, the options) are borrowed for the length of run().
//
// Threads: run() is called on the main thread. The Engine, its Collection and a ReviewSession are
// not thread-safe: a front end that answers on several threads (an HTTP server's worker pool)
// must serialise every use of them, for instance with one mutex, and must have stopped those
// threads before run() returns.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/options.h"

namespace rehearse {

class Engine;

// What the front end is asked to run. A front end says which it can with supports(); the host asks
// only for those.
enum class Activity {
  review,  // today's reviews (Engine::start_review)
  story,   // write one of the user's own STAR stories (StoryDraft)
  mock,    // a mock interview (MockInterview)
};

// The choices of a mock interview, from `rehearse mock`'s options.
struct MockOptions {
  std::optional<int> minutes;        // stop asking new questions after this long; unset: the default
  std::vector<std::string> themes;   // only questions on these themes; empty: any
  bool json = false;                 // print the closing report as JSON
};

struct FrontendContext {
  Engine& engine;
  std::optional<std::string> deck;  // review only this deck (and its sub-decks) when set
  std::istream& in;                 // the user's input (standard input for the terminal)
  std::ostream& out;                // where to write (standard output)
  std::ostream& err;                // errors and warnings
  const Options& options;           // this front end's settings
  std::vector<std::string> args;    // command-line arguments meant for the front end (--port 8080)
  Activity activity = Activity::review;
  MockOptions mock;                 // for Activity::mock
};

class REHEARSE_API Frontend {
 public:
  virtual ~Frontend();

  // The name users select it by, e.g. "cli", "tui", "web".
  virtual std::string_view name() const = 0;

  virtual std::vector<OptionSpec> options() const { return {}; }

  // Whether run() can carry out `activity`; every front end runs a review.
  virtual bool supports(Activity activity) const { return activity == Activity::review; }

  // Runs the front end; returns the process exit status (0 for success).
  virtual int run(FrontendContext& context) = 0;
};

}  // namespace rehearse
