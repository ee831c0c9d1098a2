// Every K = 4 block of A-bit integers at every input exponent -128..127 through a Verilated block
// quantizer, each pair against a C++ rendering of the reference's conversion (steps 1-4 of
// docs/reference/microscaling.md, written from the reference like the Java golden model; the Java
// test checks this rendering against MxBlockModel on a sample of the same pairs first).
// The including test prepends: #include "V<top>.h" and #define TOP V<top>.
//   sim check A integer mbits ebits bias emax emin maxFinite ceil even int8m128 ovfNan zeroMin
//   sim sample STRIDE (same parameters): the model's outputs, one line per pair, blocks b = 0, STRIDE, ...
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cstdint>
#include <vector>

struct Params {
  int a, integer, mbits, ebits, bias, emax, emin;
  double maxFinite;
  int ceil, even, int8m128, ovfNan, zeroMin;
};

static int elementCode(const Params& p, double v) {
  if (p.integer) {  // MXINT8: k / 64, two's complement, -0 is 0
    double scaled = v * 64, a = std::fabs(scaled), n = std::floor(a), frac = a - n;
    if (frac > 0.5 || (frac == 0.5 && (!p.even || std::fmod(n, 2) == 1))) n += 1;
    long k = (long) std::fmin(n, 128);
    long lo = p.int8m128 ? -128 : -127;
    long s = scaled < 0 ? (-k > lo ? -k : lo) : (k < 127 ? k : 127);
    return (int) (s & 0xFF);
  }
  int bits = 1 + p.ebits + p.mbits;
  int sign = std::signbit(v) ? 1 << (bits - 1) : 0;
  double a = std::fabs(v);
  if (a == 0) return sign;
  int e = std::ilogb(a);
  if (e < p.emin) e = p.emin;
  double quantum = std::ldexp(1.0, e - p.mbits), q = a / quantum, n = std::floor(q), frac = q - n;
  if (frac > 0.5 || (frac == 0.5 && (!p.even || std::fmod(n, 2) == 1))) n += 1;
  double r = n * quantum;
  if (r > p.maxFinite) r = p.maxFinite;
  if (r == 0) return sign;
  if (r < std::ldexp(1.0, p.emin)) return sign | (int) (r / std::ldexp(1.0, p.emin - p.mbits));
  int re = std::ilogb(r);
  int mant = (int) std::ldexp(r, p.mbits - re) - (1 << p.mbits);
  return sign | ((re + p.bias) << p.mbits) | mant;
}

// The element of acc * 2^d, memoised: a pure function of (acc, d), as acc * 2^x * 2^-E is exact.
static std::vector<int> memo;
static int span;
static int element(const Params& p, long acc, int d) {
  int& m = memo[(size_t) (acc + span / 2) * 512 + (d + 256)];
  if (m < 0) m = elementCode(p, std::ldexp((double) acc, d));
  return m;
}

static void model(const Params& p, const long* acc, int x, int* scale, int* q) {
  double amax = 0;
  for (int i = 0; i < 4; i++) amax = std::fmax(amax, std::fabs(std::ldexp((double) acc[i], x)));
  int e;
  if (amax == 0) {
    e = p.zeroMin ? -127 : 0;
  } else {
    e = std::ilogb(amax) - p.emax;
    if (p.ceil && amax > std::ldexp(p.maxFinite, e)) e++;
  }
  if (e < -127) e = -127;
  if (e > 127) {
    if (p.ovfNan) {
      *scale = 0xFF;
      for (int i = 0; i < 4; i++) q[i] = 0;
      return;
    }
    e = 127;
  }
  *scale = e + 127;
  for (int i = 0; i < 4; i++) q[i] = element(p, acc[i], x - e);
}

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], "--self-test") == 0) return 0;
  if (argc != 16) {
    std::fprintf(stderr, "usage: sim check|sample STRIDE A integer mbits ebits bias emax emin maxFinite ceil even int8m128 ovfNan zeroMin\n");
    return 2;
  }
  bool sample = std::strcmp(argv[1], "sample") == 0;
  long stride = std::atol(argv[2]);
  Params p{std::atoi(argv[3]), std::atoi(argv[4]), std::atoi(argv[5]), std::atoi(argv[6]), std::atoi(argv[7]), std::atoi(argv[8]),
           std::atoi(argv[9]), std::strtod(argv[10], nullptr), std::atoi(argv[11]), std::atoi(argv[12]), std::atoi(argv[13]),
           std::atoi(argv[14]), std::atoi(argv[15])};
  span = 1 << p.a;
  memo.assign((size_t) span * 512, -1);
  long blocks = (long) span * span * span * span;
  TOP* top = new TOP;
  unsigned long long checked = 0, mismatches = 0;
  long acc[4];
  int scale, q[4];
  for (long b = 0; b < blocks; b += sample ? stride : 1) {
    long rest = b;
    for (int i = 0; i < 4; i++) {
      acc[i] = rest % span - span / 2;
      rest /= span;
    }
    if (!sample) {
      top->x0 = acc[0] & (span - 1);
      top->x1 = acc[1] & (span - 1);
      top->x2 = acc[2] & (span - 1);
      top->x3 = acc[3] & (span - 1);
    }
    for (int x = -128; x <= 127; x++) {
      model(p, acc, x, &scale, q);
      if (sample) {
        std::printf("%d %d %d %d %d\n", scale, q[0], q[1], q[2], q[3]);
        continue;
      }
      top->in_exp = x & 0xFF;
      top->eval();
      checked++;
      if (top->scale != scale || top->q0 != q[0] || top->q1 != q[1] || top->q2 != q[2] || top->q3 != q[3]) {
        if (mismatches++ < 5) {
          std::printf("mismatch: block %ld %ld %ld %ld x %d: model %d %d %d %d %d, design %d %d %d %d %d\n", acc[0], acc[1], acc[2],
                      acc[3], x, scale, q[0], q[1], q[2], q[3], top->scale, top->q0, top->q1, top->q2, top->q3);
        }
      }
    }
  }
  if (!sample) std::printf("checked %llu mismatches %llu\n", checked, mismatches);
  delete top;
  return 0;
}
