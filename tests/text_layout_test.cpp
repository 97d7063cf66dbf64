// Laying out a deck's text for reading: paragraphs and list items reflowed, code kept as it is.
#include <catch2/catch.hpp>

#include "rehearse/text_layout.h"

using rehearse::reflow;
using rehearse::reflow_lines;

TEST_CASE("the lines of one paragraph are joined, paragraphs stay apart", "[text-layout]") {
  CHECK(reflow("We moved reads to a replica\nand cut p99 latency\nby half.") == "We moved reads to a replica and cut p99 latency by half.");
  CHECK(reflow("First paragraph\ncontinues.\n\nSecond one.\n") == "First paragraph continues.\n\nSecond one.");
  CHECK(reflow("  indented lines\n  of one paragraph") == "  indented lines of one paragraph");
}

TEST_CASE("list items start their own line and take their continuation lines", "[text-layout]") {
  CHECK(reflow("Key points:\n- cache-aside, with\n  a TTL\n- write-through\n1. first\n2) second") ==
        "Key points:\n- cache-aside, with a TTL\n- write-through\n1. first\n2) second");
  const auto lines = reflow_lines("- item\n  - nested item\n10. tenth");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].hang == 2);
  CHECK(lines[1].hang == 4);
  CHECK(lines[2].hang == 4);
}

TEST_CASE("code, tables, headings and hard breaks keep their lines", "[text-layout]") {
  const std::string fenced = "Run it:\n```\nSELECT *\n  FROM t;\n```\nDone.";
  CHECK(reflow(fenced) == fenced);
  const auto lines = reflow_lines(fenced);
  CHECK_FALSE(lines[2].wrappable);
  CHECK(lines[3].text == "  FROM t;");
  CHECK(reflow("Text.\n\n    indented code\n    more code") == "Text.\n\n    indented code\n    more code");
  CHECK(reflow("| a | b |\n| 1 | 2 |") == "| a | b |\n| 1 | 2 |");
  CHECK(reflow("# Heading\nbody text\nmore") == "# Heading\nbody text more");
  CHECK(reflow("line one  \nline two\\\nline three") == "line one\nline two\nline three");
  CHECK(reflow("") == "");
}
