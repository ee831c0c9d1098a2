
static const uint32_t MAGIC = 0x4C545251u, MISM = 0x4D53494Du, DONE = 0x454E4F44u;
static uint64_t global_index = 0;
static uint64_t abort_at = ~0ULL;
static void tick();

// Loads a little-endian field of n bytes (1, 2, 4 or a multiple of 8) into 64-bit words.
static inline void load(const uint8_t* p, int n, uint64_t* r) {
  if (n >= 8) { memcpy(r, p, n); return; }
  uint64_t v = 0;
  memcpy(&v, p, n);
  r[0] = v;
}

static bool read_all(void* buf, size_t n) {
  char* p = (char*)buf;
  while (n > 0) {
    size_t got = fread(p, 1, n, stdin);
    if (got == 0) return false;
    p += got;
    n -= got;
  }
  return true;
}

