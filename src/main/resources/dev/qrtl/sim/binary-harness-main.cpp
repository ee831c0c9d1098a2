#if $TRACE
static VerilatedVcdC* vcd = nullptr;
static uint64_t trace_from = ~0ULL;
static uint64_t sim_time = 0;
static void tick() { sim_time++; if (vcd && global_index >= trace_from) vcd->dump(sim_time); }
#else
static void tick() {}
#endif

static int selftest(uint64_t n) {
  std::vector<uint8_t> r(REC, 0);
  uint64_t x = 0x9E3779B97F4A7C15ULL, sink = 0;
  auto start = std::chrono::steady_clock::now();
  for (uint64_t i = 0; i < n; i++) {
    for (int w = 1; w < REC; w++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; r[w] = (uint8_t)x; }
    set_inputs(r.data());
    top->eval();
    uint64_t o[OUTW];
    get_outputs(o);
    sink += o[0];
    if ($CLOCKED) clock_edge();
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  printf("selftest: %llu evaluations in %.3f s: %.1f M/s (checksum %llu)\n", (unsigned long long)n, s, n / s / 1e6,
         (unsigned long long)sink);
  return 0;
}

int main(int argc, char** argv) {
  VerilatedContext* ctx = new VerilatedContext;
  ctx->randReset(0);
  top = new $CLS{ctx};
  top->eval();
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--selftest") && i + 1 < argc) return selftest(strtoull(argv[i + 1], nullptr, 10));
    if (!strcmp(argv[i], "--abort-at") && i + 1 < argc) abort_at = strtoull(argv[++i], nullptr, 10);
#if $TRACE
    if (!strcmp(argv[i], "--vcd") && i + 2 < argc) {
      ctx->traceEverOn(true);
      vcd = new VerilatedVcdC;
      top->trace(vcd, 99);
      vcd->open(argv[i + 1]);
      trace_from = strtoull(argv[i + 2], nullptr, 10);
      i += 2;
    }
#endif
  }
  std::vector<uint8_t> buf;
  uint64_t out[OUTW];
  for (;;) {
    uint32_t head[2];
    if (!read_all(head, sizeof head)) break;
    if (head[0] != MAGIC) { fprintf(stderr, "harness: bad batch header %08x\n", head[0]); return 3; }
    uint32_t n = head[1];
    if (n == 0) break;
    buf.resize((size_t)n * REC);
    if (!read_all(buf.data(), buf.size())) { fprintf(stderr, "harness: truncated batch\n"); return 3; }
    uint64_t bad = 0;
    for (uint32_t k = 0; k < n; k++, global_index++) {
      const uint8_t* r = &buf[(size_t)k * REC];
      if (global_index == abort_at) abort();
      set_inputs(r);
      top->eval();
#if $TRACE
      tick();
#endif
      if (r[0] && !outputs_match(r)) {
        if (bad < 64) {
          uint64_t idx = k;
          get_outputs(out);
          fwrite(&MISM, 4, 1, stdout);
          fwrite(&idx, 8, 1, stdout);
          fwrite(out, 8, OUTW, stdout);
        }
        bad++;
      }
      if ($CLOCKED) clock_edge();
    }
    fwrite(&DONE, 4, 1, stdout);
    fwrite(&bad, 8, 1, stdout);
    fflush(stdout);
  }
#if $TRACE
  if (vcd) vcd->close();
#endif
  top->final();
  delete top;
  delete ctx;
  return 0;
}
