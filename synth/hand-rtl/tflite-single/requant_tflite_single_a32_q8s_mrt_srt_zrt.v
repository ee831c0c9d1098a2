// Hand-written reference: TFLite MultiplyByQuantizedMultiplier (TFLITE_SINGLE_ROUNDING) + zero point, clamped to int8:
//   q = clamp(((acc * m0 + 2^(t-1)) >> t) + zero_point, -128, 127), t = 31 - shift (m0 >= 0, -31 <= shift <= 30).
// Written by hand from docs/reference/requantization.md section 2, not by qrtl; used only to price qrtl's generator.
`default_nettype none
module requant_tflite_single_a32_q8s_mrt_srt_zrt (
    input  wire signed [31:0] acc,
    input  wire signed [31:0] m0,
    input  wire signed [5:0]  shift,
    input  wire signed [8:0]  zero_point,
    output reg  signed [7:0]  q
);
    wire signed [63:0] product = acc * m0;
    wire [5:0] t_minus_1 = 6'd30 - shift;                    // 0 .. 61 on the defined range
    wire signed [63:0] half = product >>> t_minus_1;         // bits [63:1] floor(product / 2^t), bit 0 the half bit

    // The zero point is at most 256 away, so a floor outside 11 signed bits saturates by its sign alone.
    wire fits = (half[63:11] == {53{half[63]}});
    wire signed [11:0] sum = {half[11], half[11:1]} + {11'd0, half[0]} + {{3{zero_point[8]}}, zero_point};

    always @* begin
        if (!fits)
            q = half[63] ? -8'sd128 : 8'sd127;
        else if (sum > 12'sd127)
            q = 8'sd127;
        else if (sum < -12'sd128)
            q = -8'sd128;
        else
            q = sum[7:0];
    end
endmodule
`default_nettype wire
