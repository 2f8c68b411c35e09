#include <cstdlib>
#include <string>

#include "storyline/store.h"

namespace storyline::store {

std::string DefaultDatabasePath() {
  const char* env = std::getenv("STORYLINE_DB");
  if (env != nullptr && *env != '\0') return env;
  return "storyline.db";
}

}  // namespace storyline::store
