// The `web` front end: `rehearse serve` (or `rehearse review --frontend web`) runs a local web app
// for reviewing, managing decks, writing stories and reading statistics, and prints the address to
// open; `rehearse story new --frontend web` serves the same app and names its "Write a story" page.
//
// It listens on 127.0.0.1 unless --listen names another address, and runs until Ctrl-C. Beyond
// loopback, every device (this computer's browser too) must first pair: the terminal shows a
// pairing address with a one-time code, and its QR code for a phone. --cert and --key serve
// over TLS. Every
// answer is committed by the engine before the page shows the next card, so stopping the server
// at any moment loses nothing the user confirmed.
#include <fmt/format.h>

#include <charconv>
#include <ostream>

#include "rehearse/engine.h"
#include "rehearse/errors.h"
#include "rehearse/plugin.h"
#include "stop_on_signal.h"
#include "terminal_qr.h"
#include "web_server.h"

namespace {

using namespace rehearse;

int parse_port(const std::string& text) {
  int port = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (error != std::errc() || end != text.data() + text.size() || port < 0 || port > 65535)
    throw Error(fmt::format("--port needs a port number 0-65535 (0 picks a free one), not '{}'", text));
  return port;
}

class WebFrontend final : public Frontend {
 public:
  std::string_view name() const override { return "web"; }

  // A story is written on the app's "Write a story" page: `rehearse story new --frontend web`
  // serves the app as `rehearse serve` does and names that page's address.
  bool supports(Activity activity) const override { return activity == Activity::review || activity == Activity::story; }

  std::vector<OptionSpec> options() const override {
    return {{"port", OptionType::integer, "8765", "the port `rehearse serve` listens on (0: any free port)", 0, 65535},
            {"max_upload_mb", OptionType::integer, "8", "the largest deck file the web app accepts, in MB", 1, 1024},
            {"device_expiry_days", OptionType::integer, "30",
             "days a paired device (served with --listen) may go unused before it must pair again", 1, 3650}};
  }

  int run(FrontendContext& context) override {
    web::ServerSettings settings;
    settings.port = static_cast<int>(context.options.get_int("port"));
    settings.max_upload_bytes = static_cast<std::size_t>(context.options.get_int("max_upload_mb")) << 20;
    settings.deck = context.deck.value_or("");
    settings.device_expiry_days = static_cast<int>(context.options.get_int("device_expiry_days"));
    for (size_t i = 0; i < context.args.size(); ++i) {
      const std::string& arg = context.args[i];
      if ((arg == "--port" || arg == "--listen" || arg == "--cert" || arg == "--key") && i + 1 < context.args.size()) {
        const std::string& value = context.args[++i];
        if (arg == "--port")
          settings.port = parse_port(value);
        else if (arg == "--listen")
          settings.listen = value;
        else if (arg == "--cert")
          settings.cert_file = value;
        else
          settings.key_file = value;
      } else {
        throw Error(fmt::format("the web front end does not understand '{}' (it takes --port N, --listen ADDRESS, "
                                "--cert FILE and --key FILE)", arg));
      }
    }

    std::ostream& out = context.out;
    settings.on_paired = [&out](const std::string& device, const std::string& next_url) {
      out << fmt::format("Paired {}. To pair another device, open {}\n", device, next_url) << web::terminal_qr(next_url)
          << std::flush;
    };
    std::ostream& err = context.err;
    settings.on_refused = [&err](int wrong_codes, int locked_seconds) {
      err << fmt::format("rehearse: a pairing try was refused ({} wrong {} so far){}\n", wrong_codes,
                         wrong_codes == 1 ? "code" : "codes",
                         locked_seconds > 0 ? fmt::format("; pairing is locked for {} s", locked_seconds) : "")
          << std::flush;
    };
    web::WebServer server(context.engine, settings);
    server.bind();
    const web::ListenAddress& address = server.address();
    {
      // Before the address is printed: a script may stop the server as soon as it reads it.
      rehearse::server::StopOnSignal stop_on_signal([&server] { server.stop(); });
      if (server.pairing_required()) {
        // Beyond loopback every browser, this computer's too, pairs first with the one-time code.
        // The code comes before the address, so a script that waits for the address has it.
        const std::string url = server.pairing_url();
        context.out << fmt::format(
                           "rehearse listens on {} beyond this computer, so each device pairs first. On your phone, "
                           "scan this code or open\n  {}\n(pairing code {}; it works once, and a new one is shown after "
                           "each pairing)\n",
                           address.address(), url, url.substr(url.rfind('=') + 1))
                    << web::terminal_qr(url);
        if (!address.tls())
          context.err << "rehearse: warning: without --cert and --key the traffic is not encrypted: others on the network "
                         "can read it and take over a paired device's session.\n";
      }
      context.out << fmt::format("rehearse is serving your collection at {}\nOpen it in a browser; Ctrl-C stops the server.\n",
                                 address.url());
      if (context.activity == Activity::story)
        context.out << fmt::format("Write your story at {}#/story\n", address.url());
      context.out << std::flush;
      server.serve();
    }
    context.out << "Stopped. Every answer was saved.\n";
    return 0;
  }
};

void register_components(Registry& registry) { registry.add(std::make_unique<WebFrontend>()); }

}  // namespace

REHEARSE_PLUGIN("web", "1.0.0", "frontend", "A local web app: review, decks, uploads and statistics in the browser",
                register_components)
