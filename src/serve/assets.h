// The web UI's files, embedded at build time (see embed.cmake): the server
// answers only these paths, so no request can reach the file system.
#ifndef STORYLINE_SERVE_ASSETS_H_
#define STORYLINE_SERVE_ASSETS_H_

#include <string_view>

namespace storyline::serve {

struct Asset {
  std::string_view path;  // "/index.html"
  std::string_view mime;  // "text/html; charset=utf-8"
  std::string_view content;
};

// The embedded file at `path` (exact match), or null.
const Asset* FindAsset(std::string_view path);

}  // namespace storyline::serve

#endif  // STORYLINE_SERVE_ASSETS_H_
