static bool split(std::string& line, std::vector<char*>& tok, size_t want) {
  tok.clear();
  char* save = nullptr;
  for (char* t = strtok_r(&line[0], " ", &save); t; t = strtok_r(nullptr, " ", &save)) tok.push_back(t);
  if (tok.size() != want) {
    fprintf(stderr, "harness: expected %zu input values, got %zu\n", want, tok.size());
    return false;
  }
  return true;
}

static uint64_t parse_narrow(const char* hex, int width) {
  uint64_t v = strtoull(hex, nullptr, 16);
  return width == 64 ? v : (v & ((1ULL << width) - 1));
}

static void parse_wide(const char* hex, uint32_t* w, int nwords) {
  for (int i = 0; i < nwords; i++) w[i] = 0;
  int len = (int)strlen(hex);
  for (int i = 0; i < len; i++) {
    char c = hex[len - 1 - i];
    uint32_t d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
    if (i / 8 < nwords) w[i / 8] |= d << (4 * (i % 8));
  }
}

static void hex_narrow(std::string& out, uint64_t v, int width) {
  if (width < 64) v &= (1ULL << width) - 1;
  char buf[24];
  snprintf(buf, sizeof buf, "%llx", (unsigned long long)v);
  out += buf;
}

static void hex_wide(std::string& out, const uint32_t* w, int nwords, int width) {
  char buf[16];
  bool started = false;
  for (int i = nwords - 1; i >= 0; i--) {
    uint32_t word = w[i];
    if (i == nwords - 1 && width % 32 != 0) word &= (1u << (width % 32)) - 1;
    if (!started) {
      if (word == 0 && i > 0) continue;
      snprintf(buf, sizeof buf, "%x", word);
      started = true;
    } else {
      snprintf(buf, sizeof buf, "%08x", word);
    }
    out += buf;
  }
}

