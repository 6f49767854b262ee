// Markdown written by the reports, the daily register and the group policy summary: a
// name or a setting's evidence text never turns into markup, a link, an image, HTML or a
// new table row, whichever of them writes it (they share util::markdown_escape).

#include <doctest/doctest.h>

#include <string>

#include "util/markdown.hpp"

using attune::util::markdown_escape;

TEST_CASE("plain text is left as it is") {
  CHECK(markdown_escape("") == "");
  CHECK(markdown_escape("Baby Room 08:00-09:30, 1:3") == "Baby Room 08:00-09:30, 1:3");
  CHECK(markdown_escape("Zoë O'Neill") == "Zoë O'Neill");
}

TEST_CASE("every character with a meaning in Markdown gets a backslash") {
  for (const char c : std::string("\\`*_[]|#!{}")) {
    INFO("character ", c);
    CHECK(markdown_escape(std::string("a") + c + "b") == std::string("a\\") + c + "b");
  }
}

TEST_CASE("a link, an image, emphasis and a table cell stay text") {
  CHECK(markdown_escape("[click](http://x)") == "\\[click\\](http://x)");
  CHECK(markdown_escape("![x](y.png)") == "\\!\\[x\\](y.png)");
  CHECK(markdown_escape("**bold** _it_") == "\\*\\*bold\\*\\* \\_it\\_");
  CHECK(markdown_escape("a | b") == "a \\| b");
  CHECK(markdown_escape("# not a heading") == "\\# not a heading");
}

TEST_CASE("HTML is written as entities, so Markdown does not pass it through") {
  CHECK(markdown_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(markdown_escape("Tom & Jerry") == "Tom &amp; Jerry");
  CHECK(markdown_escape("<br>") == "&lt;br&gt;");
}

TEST_CASE("a line break cannot end a table row or start a heading") {
  CHECK(markdown_escape("one\ntwo") == "one two");
  CHECK(markdown_escape("one\r\n# two") == "one  \\# two");
}
