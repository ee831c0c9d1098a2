package dev.qrtl.accuracy;

/** Error sums pooled over several scales or channels, remembering the one with the largest mean square. */
final class WorstOf {
  final ErrorStats pooled = new ErrorStats();
  ErrorStats worst;
  double worstScale;
  String worstParameters = "";
  int worstIndex;

  void add(int index, double scale, String parameters, ErrorStats st) {
    pooled.merge(st);
    if (worst == null || st.meanSquare() > worst.meanSquare()) {
      worst = st;
      worstScale = scale;
      worstParameters = parameters;
      worstIndex = index;
    }
  }
}
