// Reads single fields from protobuf messages without their schema.
//
// Anki stores a few small settings as protobuf: the package's format version (the `meta` entry)
// and a note type's kind (notetypes.config). This plugin needs two integers from them, so it walks
// the wire format instead of generating code from Anki's .proto files.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace rehearse::anki {

// The value of the last varint field numbered `field` at the top level of `message` (the last one
// wins, as protobuf decoders do), or nothing when the field is absent. Throws std::runtime_error
// when the message is not valid protobuf.
std::optional<std::uint64_t> protobuf_varint(std::string_view message, std::uint32_t field);

}  // namespace rehearse::anki
