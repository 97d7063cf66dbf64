// Anki's card templates: what the front and the back of a note's cards show. A note type with
// several templates (Basic (and reversed card), or a type of one's own with a card per direction)
// gives each note a card per template, and each card shows its fields as its template says.
#pragma once

#include <string>
#include <string_view>

#include "anki_collection.h"

namespace rehearse::anki {

// `format` (a template's front or back) with its fields filled in from `note`, as Anki renders it:
// "{{Field}}" is the field's HTML, "{{filter:Field}}" the field too (a typing box, "type:", shows
// nothing), "{{#Field}}...{{/Field}}" is kept only when the field has text and "{{^Field}}...
// {{/Field}}" only when it has none, "{{FrontSide}}" is `front_side`, and "{{Tags}}", "{{Deck}}"
// and fields the note does not have are empty. The result is HTML.
std::string render_template(std::string_view format, const NoteType& type, const Note& note,
                            std::string_view front_side = {});

// The back of a card without its front: what a template shows below "<hr id=answer>" (Anki's
// marker between the two), or, without the marker, the back with "{{FrontSide}}" left empty.
std::string render_back_only(std::string_view back_format, const NoteType& type, const Note& note);

}  // namespace rehearse::anki
