// Reads single fields from protobuf messages without their schema.
//
// Anki stores a few small settings as protobuf: the package's format version (the `meta` entry),
// a note type's kind (notetypes.config) and a card template's front and back (templates.config).
// This plugin needs a few integers and strings from them, so it walks the wire format instead of
// generating code from Anki's .proto files.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace rehearse::anki {

// The value of the last varint field numbered `field` at the top level of `message` (the last one
// wins, as protobuf decoders do), or nothing when the field is absent. Throws std::runtime_error
// when the message is not valid protobuf.
std::optional<std::uint64_t> protobuf_varint(std::string_view message, std::uint32_t field);

// The bytes of the last length-delimited field (a string) numbered `field` at the top level of
// `message`, or nothing when it is absent. Throws std::runtime_error as protobuf_varint does.
std::optional<std::string_view> protobuf_string(std::string_view message, std::uint32_t field);

}  // namespace rehearse::anki
