#include "protobuf_fields.h"

#include <stdexcept>

namespace rehearse::anki {

namespace {

enum WireType : std::uint64_t { varint = 0, fixed64 = 1, length_delimited = 2, fixed32 = 5 };

std::uint64_t read_varint(std::string_view message, size_t& pos) {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos >= message.size()) throw std::runtime_error("truncated protobuf varint");
    const auto byte = static_cast<unsigned char>(message[pos++]);
    value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  throw std::runtime_error("protobuf varint longer than 10 bytes");
}

void skip(std::string_view message, size_t& pos, std::uint64_t bytes) {
  if (bytes > message.size() - pos) throw std::runtime_error("truncated protobuf field");
  pos += bytes;
}

// Walks the top-level fields of `message`, calling visit(number, wire type, varint value, bytes).
template <class Visit>
void each_field(std::string_view message, Visit visit) {
  size_t pos = 0;
  while (pos < message.size()) {
    const std::uint64_t key = read_varint(message, pos);
    const std::uint64_t number = key >> 3;
    switch (key & 7) {
      case varint:
        visit(number, varint, read_varint(message, pos), std::string_view{});
        break;
      case fixed64:
        skip(message, pos, 8);
        break;
      case length_delimited: {
        const std::uint64_t size = read_varint(message, pos);
        const size_t start = pos;
        skip(message, pos, size);
        visit(number, length_delimited, 0, message.substr(start, size));
        break;
      }
      case fixed32:
        skip(message, pos, 4);
        break;
      default:
        throw std::runtime_error("unknown protobuf wire type");
    }
  }
}

}  // namespace

std::optional<std::uint64_t> protobuf_varint(std::string_view message, std::uint32_t field) {
  std::optional<std::uint64_t> found;
  each_field(message, [&](std::uint64_t number, std::uint64_t type, std::uint64_t value, std::string_view) {
    if (number == field && type == varint) found = value;
  });
  return found;
}

std::optional<std::string_view> protobuf_string(std::string_view message, std::uint32_t field) {
  std::optional<std::string_view> found;
  each_field(message, [&](std::uint64_t number, std::uint64_t type, std::uint64_t, std::string_view bytes) {
    if (number == field && type == length_delimited) found = bytes;
  });
  return found;
}

}  // namespace rehearse::anki
