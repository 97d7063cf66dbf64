// The commands of the `rehearse` program. Each takes the parsed arguments and returns the exit
// status; errors are thrown (rehearse::Error, UsageError) and reported by main().
#pragma once

#include "arguments.h"
#include "rehearse/engine.h"

namespace rehearse::app {

int run_review(const Arguments& args);
int run_forecast(const Arguments& args);
int run_simulate(const Arguments& args);
int run_import(const Arguments& args);
int run_export(const Arguments& args);
int run_edit(const Arguments& args);
int run_decks(const Arguments& args);
int run_plugins(const Arguments& args);
int run_stats(const Arguments& args);
int run_config(const Arguments& args);
int run_backup(const Arguments& args);
int run_restore(const Arguments& args);
int run_check(const Arguments& args);
int run_replay(const Arguments& args);
int run_export_revlog(const Arguments& args);
int run_optimize(const Arguments& args);
int run_serve(const Arguments& args);
int run_score(const Arguments& args);
int run_stories(const Arguments& args);
int run_story(const Arguments& args);
int run_recordings(const Arguments& args);
int run_mock(const Arguments& args);
int run_sync(const Arguments& args);
int run_sync_server(const Arguments& args);

// `rehearse edit` on the card `id` (in --deck when given): $EDITOR on its Markdown, then saved
// where it belongs. `story_only`: refuse a card that is not a story (`rehearse story edit`).
// After a review session: `rehearse sync` when the setting frontend.sync-client.after_review is on
// and this device is enrolled. A failed sync is reported, not thrown: the answers are committed.
void sync_after_review(Engine& engine);

int edit_card_in_editor(const Arguments& args, const std::string& id, bool story_only);

}  // namespace rehearse::app
