// `rehearse edit CARD [--deck NAME] [--reset]`: opens the user's editor on one card written in the
// deck format (decks/README.md), and saves what the user wrote through Engine::edit_card: into the
// user's own deck file when the card came from one, else as the user's version of the card. The
// card keeps its identity and progress. --reset drops the user's version.
//
// Bad input (text that does not read as one card, a change to what the card's source decides)
// changes nothing: on a terminal the user may reopen the editor on what they wrote; otherwise the
// command reports where the problem is and exits 1, keeping the text in its temporary file.
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

namespace fs = std::filesystem;

namespace {

// $EDITOR, else $VISUAL, else vi (as git and crontab choose).
std::string editor_command() {
  for (const char* name : {"EDITOR", "VISUAL"})
    if (const char* value = std::getenv(name); value && *value) return value;
  return "vi";
}

// Runs the editor on `file` through the shell, so that an editor with options ("code --wait")
// works; it shares this terminal. Throws rehearse::Error when it cannot run or fails.
void run_editor(const std::string& editor, const fs::path& file) {
  std::cout << std::flush;
  const pid_t child = fork();
  if (child < 0) throw Error("cannot start the editor: fork failed");
  if (child == 0) {
    const std::string script = editor + " \"$1\"";
    execl("/bin/sh", "sh", "-c", script.c_str(), "sh", file.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0)
    if (errno != EINTR) throw Error("cannot wait for the editor");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw Error(fmt::format("the editor ({}) failed (exit status {}); the card is unchanged", editor,
                            WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)));
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw Error(fmt::format("{}: cannot be read", file.string()));
  return text.str();
}

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw Error(fmt::format("{}: cannot be written", file.string()));
}

// The one card the edited `text` (the file `file`) holds, read by the markdown source. Throws
// ParseError naming the file and line when it holds anything else, or changes what the card's
// source decides rather than its text.
CardContent read_edited_card(const Engine& engine, const fs::path& file, const std::string& text, const Card& card) {
  const Source* source = engine.registry().source("markdown");
  if (source == nullptr) throw Error("the markdown source plugin, which reads deck files, is not loaded");
  const ParseResult parsed = source->parse(file, text, Options());
  std::vector<CardContent> cards;
  for (const auto& deck : parsed.decks) cards.insert(cards.end(), deck.cards.begin(), deck.cards.end());
  if (cards.size() != 1)
    throw ParseError(file.string(), cards.size() > 1 ? cards[1].line : 1,
                     fmt::format("the file must hold exactly one card (a '## Q:', '## K:' or '## S:' heading); it holds {}",
                                 cards.size()));
  const CardContent& edited = cards.front();
  const auto only_text = [&](const char* field) {
    return ParseError(file.string(), edited.line,
                      fmt::format("'{}' is the card's source's to say, not its text: edit the prompt, answer, key points, "
                                  "avoid, themes or STAR parts (or the deck file itself)", field));
  };
  if (edited.uid != card.content.uid) throw only_text("id:");
  if (edited.kind != card.content.kind) throw only_text("## Q:/K:/S:");
  if (edited.type != card.content.type) throw only_text("type:");
  if (edited.tags != card.content.tags) throw only_text("tags:");
  if (edited.group != card.content.group) throw only_text("group:");
  return edited;
}

// Asks on the terminal whether to edit again; false when not on a terminal.
bool ask_to_reopen() {
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) return false;
  std::cout << "Edit again? [Y/n] " << std::flush;
  std::string reply;
  if (!std::getline(std::cin, reply)) return false;
  return reply.empty() || reply[0] == 'y' || reply[0] == 'Y';
}

}  // namespace

int run_edit(const Arguments& args) {
  args.allow_only(with_globals({"--deck", "--reset"}));
  require_operands(args, 1, 1, "a card: its id (the `id:` line of its deck, shown in reviews) or its number");
  return edit_card_in_editor(args, args.operands()[0], false);
}

int edit_card_in_editor(const Arguments& args, const std::string& id, bool story_only) {
  Engine engine(engine_config(args));
  const Card card = find_card(engine.collection(), id, args.value("--deck"));
  if (story_only && card.content.kind != CardKind::story)
    throw Error(fmt::format("'{}' ({}) is not a story; `rehearse edit {}` edits any card", card.content.prompt, id, id));

  if (args.flag("--reset")) {
    if (engine.reset_card(card.id))
      fmt::print("'{}' ({}) is back to its source's text.\n", engine.collection().card(card.id)->content.prompt, card.content.uid);
    else
      fmt::print("'{}' ({}) has no edits of yours to undo.\n", card.content.prompt, card.content.uid);
    return 0;
  }

  const std::string original = markdown_writer(engine).write_card(card.content);
  const fs::path file = fs::temp_directory_path() / fmt::format("rehearse-edit-{}-{}.md", getpid(), card.id);
  write_text(file, original);
  const std::string editor = editor_command();
  for (;;) {
    try {
      run_editor(editor, file);
      const std::string text = read_text(file);
      if (text == original) {
        fs::remove(file);
        fmt::print("No change to '{}'.\n", card.content.prompt);
        return 0;
      }
      const Engine::CardEdit edit = engine.edit_card(card.id, read_edited_card(engine, file, text, card));
      fs::remove(file);
      if (edit.written_to_file)
        fmt::print("Saved '{}' ({}) to {}, and imported it again; its progress is kept.\n",
                   engine.collection().card(card.id)->content.prompt, card.content.uid, edit.file);
      else
        fmt::print("Saved your version of '{}' ({}); its progress is kept. Imports of its source leave it alone; "
                   "`rehearse edit {} --reset` goes back to the source's text.\n",
                   engine.collection().card(card.id)->content.prompt, card.content.uid, card.content.uid);
      return 0;
    } catch (const std::exception& e) {
      std::cerr << "rehearse: " << e.what() << "\nNothing was changed.\n";
      if (ask_to_reopen()) continue;
      std::cerr << fmt::format("Your text is kept in {}.\n", file.string());
      return 1;
    }
  }
}

}  // namespace rehearse::app
