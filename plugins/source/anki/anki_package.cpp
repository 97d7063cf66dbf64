#include "anki_package.h"

#include <fmt/format.h>
#include <zip.h>
#include <zstd.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "protobuf_fields.h"
#include "rehearse/errors.h"

namespace rehearse::anki {

namespace {

constexpr std::string_view kLegacy1 = "collection.anki2";
constexpr std::string_view kLegacy2 = "collection.anki21";
constexpr std::string_view kLatest = "collection.anki21b";
constexpr std::string_view kZstdMagic = "\x28\xB5\x2F\xFD";

// The collection entry of each package format version `meta` can name (index = version).
constexpr std::string_view kEntryOfVersion[] = {"", kLegacy1, kLegacy2, kLatest};

std::string zip_message(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return message;
}

// A zip archive read from memory; `bytes` must outlive it.
class ZipReader {
 public:
  ZipReader(std::string_view bytes, const std::string& file) : file_(file) {
    // libzip opens an empty file as an empty archive; for a package it is no archive at all.
    if (bytes.empty()) throw ParseError(file, 0, "is empty, not a zip archive, so not an Anki package");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) throw std::runtime_error(zip_error_strerror(&error));
    archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (archive_ == nullptr) {
      zip_source_free(source);
      const int code = zip_error_code_zip(&error);
      zip_error_fini(&error);
      if (code == ZIP_ER_NOZIP && !bytes.starts_with("PK\x03\x04"))
        throw ParseError(file, 0, "is not a zip archive, so not an Anki package");
      if (code == ZIP_ER_NOZIP)
        throw ParseError(file, 0, "was cut short: it starts like a zip archive but its end (the zip directory) is "
                                  "missing; copy or export it from Anki again");
      throw ParseError(file, 0, fmt::format("is a damaged zip archive ({}); it may have been cut short while copying or "
                                            "downloading: export it from Anki again", zip_message(code)));
    }
    zip_error_fini(&error);
  }
  ~ZipReader() { zip_discard(archive_); }
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  std::vector<std::string> names() const {
    std::vector<std::string> names;
    const zip_int64_t count = zip_get_num_entries(archive_, 0);
    for (zip_int64_t i = 0; i < count; ++i)
      if (const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW)) names.emplace_back(name);
    return names;
  }

  bool has(std::string_view name) const { return zip_name_locate(archive_, std::string(name).c_str(), ZIP_FL_ENC_RAW) >= 0; }

  // The uncompressed content of entry `name`; zip checks its CRC as it is read.
  std::string read(std::string_view name) const {
    const std::string entry(name);
    const zip_int64_t index = zip_name_locate(archive_, entry.c_str(), ZIP_FL_ENC_RAW);
    if (index < 0) throw ParseError(file_, 0, fmt::format("has no '{}' inside", entry));
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat) != 0) fail(entry, zip_strerror(archive_));
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> in(zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0),
                                                          zip_fclose);
    if (!in) fail(entry, zip_strerror(archive_));
    std::string content;
    if ((stat.valid & ZIP_STAT_SIZE) != 0) content.reserve(stat.size);
    char buffer[64 * 1024];
    for (;;) {
      const zip_int64_t got = zip_fread(in.get(), buffer, sizeof buffer);
      if (got < 0) fail(entry, zip_error_strerror(zip_file_get_error(in.get())));
      if (got == 0) break;
      content.append(buffer, static_cast<size_t>(got));
    }
    return content;
  }

 private:
  [[noreturn]] void fail(const std::string& entry, const std::string& why) const {
    throw ParseError(file_, 0, fmt::format("cannot read '{}' from the package ({}); the file is damaged or was cut "
                                           "short: export it from Anki again", entry, why));
  }

  std::string file_;
  zip_t* archive_ = nullptr;
};

std::string zstd_decompress(std::string_view data, const std::string& entry, const std::string& file) {
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> context(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!context) throw std::bad_alloc();
  std::string out;
  const unsigned long long declared = ZSTD_getFrameContentSize(data.data(), data.size());
  if (declared != ZSTD_CONTENTSIZE_ERROR && declared != ZSTD_CONTENTSIZE_UNKNOWN) out.reserve(declared);
  std::vector<char> chunk(ZSTD_DStreamOutSize());
  ZSTD_inBuffer in{data.data(), data.size(), 0};
  size_t pending = 0;  // 0 once a frame is complete
  for (;;) {
    ZSTD_outBuffer chunk_out{chunk.data(), chunk.size(), 0};
    pending = ZSTD_decompressStream(context.get(), &chunk_out, &in);
    if (ZSTD_isError(pending))
      throw ParseError(file, 0, fmt::format("'{}' inside the package cannot be decompressed ({}); the package is damaged",
                                            entry, ZSTD_getErrorName(pending)));
    out.append(chunk.data(), chunk_out.pos);
    if (in.pos == in.size && chunk_out.pos < chunk_out.size) break;
  }
  if (pending != 0)
    throw ParseError(file, 0, fmt::format("'{}' inside the package ends in the middle of its compressed data; the "
                                          "package is damaged", entry));
  return out;
}

// The package format version in `meta`, or nothing when the package has no meta.
std::optional<std::uint64_t> format_version(const ZipReader& zip, const std::string& file) {
  if (!zip.has("meta")) return std::nullopt;
  try {
    return protobuf_varint(zip.read("meta"), 1).value_or(0);
  } catch (const std::runtime_error& e) {
    throw ParseError(file, 0, fmt::format("has a 'meta' entry that cannot be read ({}); the package is damaged", e.what()));
  }
}

}  // namespace

bool looks_like_package(std::string_view head) {
  return head.starts_with("PK\x03\x04") && head.find(kLegacy1) != std::string_view::npos;
}

Package read_package(std::string_view bytes, const std::string& file) {
  const ZipReader zip(bytes, file);
  Package package;
  const std::optional<std::uint64_t> version = format_version(zip, file);
  if (version) {
    if (*version == 0 || *version >= std::size(kEntryOfVersion))
      throw ParseError(file, 0, fmt::format("was written by a newer Anki than this reader knows (package format {}, "
                                            "known: 1-3); in Anki, export it again with \"Support older Anki "
                                            "versions\" ticked", *version));
    package.collection_entry = kEntryOfVersion[*version];
    if (!zip.has(package.collection_entry))
      throw ParseError(file, 0, fmt::format("says it holds '{}', but that entry is missing; the package is damaged",
                                            package.collection_entry));
  } else {
    // Packages written by other tools have no meta: the newest collection present is the real one.
    for (std::string_view entry : {kLatest, kLegacy2, kLegacy1})
      if (zip.has(entry)) {
        package.collection_entry = entry;
        break;
      }
    if (package.collection_entry.empty())
      throw ParseError(file, 0, "is a zip archive without an Anki collection in it (no collection.anki21b, "
                                "collection.anki21 or collection.anki2); is it an Anki package?");
  }

  package.database = zip.read(package.collection_entry);
  if (std::string_view(package.database).starts_with(kZstdMagic))
    package.database = zstd_decompress(package.database, package.collection_entry, file);

  // Media files are the entries named by number; their index (`media`) is not needed to count them.
  for (const auto& name : zip.names())
    if (!name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) { return c >= '0' && c <= '9'; }))
      ++package.media_files;
  return package;
}

}  // namespace rehearse::anki
