#!/usr/bin/env bash
# Prices qrtl's generated 32 -> 8 units against the hand-written ones in this folder with one flow for all
# (issue 15): each combinational unit wrapped with one output register, inputs unregistered, no reset;
#   read_verilog; synth -top wrap -flatten; dfflibmap -liberty L; abc -liberty L; opt_clean; stat -liberty L
# Usage: synth/hand-rtl/measure.sh QRTL_JAR LIBERTY[.gz] OUT_DIR   (prints a Markdown table on stdout)
set -euo pipefail
jar=$(realpath "$1"); out=$(realpath -m "$3"); here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
case "$2" in
  *.gz) gunzip -c "$2" > "$out/library.lib" ;;
  *) cp "$2" "$out/library.lib" ;;
esac
lib="$out/library.lib"

# unit folder | qrtl generate arguments | wrapper ports (declarations) | wrapper connections
units=(
  "shift-round-rt|--scheme shift-round --runtime-shift --acc-bits 32 --out-bits 8|input wire signed [31:0] acc, input wire [4:0] shift|.acc(acc), .shift(shift)"
  "shift-round-k8|--scheme shift-round --shift 8 --acc-bits 32 --out-bits 8|input wire signed [31:0] acc|.acc(acc)"
  "tflite-double|--scheme tflite-double --acc-bits 32 --out-bits 8|input wire signed [31:0] acc, input wire signed [31:0] m0, input wire signed [5:0] shift, input wire signed [8:0] zero_point|.acc(acc), .m0(m0), .shift(shift), .zero_point(zero_point)"
  "tflite-single|--scheme tflite-single --acc-bits 32 --out-bits 8|input wire signed [31:0] acc, input wire signed [31:0] m0, input wire signed [5:0] shift, input wire signed [8:0] zero_point|.acc(acc), .m0(m0), .shift(shift), .zero_point(zero_point)"
)

area() { # folder verilog top -> chip area of the wrapped unit
  local dir=$1 file=$2 top=$3 ports=$4 conns=$5
  mkdir -p "$dir"
  printf 'module wrap(input wire clk, %s, output reg signed [7:0] q);\n  wire signed [7:0] q_c;\n  %s u(%s, .q(q_c));\n  always @(posedge clk) q <= q_c;\nendmodule\n' \
    "$ports" "$top" "$conns" > "$dir/wrap.v"
  (cd "$dir" && timeout 900 yosys -q -l yosys.log -p "read_verilog $file wrap.v; synth -top wrap -flatten; dfflibmap -liberty $lib; abc -liberty $lib; opt_clean; tee -q -o stat.txt stat -liberty $lib" > /dev/null 2>&1)
  awk '/Chip area for module/ {print $NF}' "$dir/stat.txt"
}

echo "| unit | hand RTL um^2 | qrtl um^2 | qrtl / hand |"
echo "|---|---:|---:|---:|"
for u in "${units[@]}"; do
  IFS='|' read -r name args ports conns <<< "$u"
  hand=$(ls "$here/$name"/*.v); top=$(basename "$hand" .v)
  read -r -a argv <<< "$args"
  java -jar "$jar" generate quantizer "${argv[@]}" --pipeline 0 --out "$out/$name/qrtl-src" > /dev/null
  h=$(area "$out/$name/hand" "$hand" "$top" "$ports" "$conns")
  q=$(area "$out/$name/qrtl" "$out/$name/qrtl-src/$top.v" "$top" "$ports" "$conns")
  awk -v n="$name" -v h="$h" -v q="$q" 'BEGIN { printf "| %s | %.1f | %.1f | %.3f |\n", n, h, q, q / h }'
done
echo
echo "$(yosys -V)"
