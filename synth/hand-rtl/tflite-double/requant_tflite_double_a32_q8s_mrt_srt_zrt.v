// Hand-written reference: TFLite MultiplyByQuantizedMultiplier (double rounding) + zero point, clamped to int8:
//   q = clamp(RDBPOT(SRDHM(wrap32(acc << L), m0), R) + zero_point, -128, 127), L = max(shift, 0), R = max(-shift, 0).
// Written by hand from docs/reference/requantization.md section 2, not by qrtl; used only to price qrtl's generator.
`default_nettype none
module requant_tflite_double_a32_q8s_mrt_srt_zrt (
    input  wire signed [31:0] acc,
    input  wire signed [31:0] m0,
    input  wire signed [5:0]  shift,
    input  wire signed [8:0]  zero_point,
    output reg  signed [7:0]  q
);
    wire [4:0] left  = shift[5] ? 5'd0 : shift[4:0];
    wire [5:0] right = shift[5] ? -shift : 6'd0;            // 1 .. 32 when the shift is negative
    wire signed [31:0] x = acc << left;                      // wraps, as TFLite's int32 shift does

    // SRDHM: (x * m0 + 2^30) >> 31; only -2^31 * -2^31 leaves 32 bits, and it saturates.
    wire signed [63:0] product = x * m0;
    wire both_min = (x == 32'sh80000000) && (m0 == 32'sh80000000);
    wire signed [31:0] high_mul = both_min ? 32'sh7fffffff : product[62:31] + {31'd0, product[30]};

    // RDBPOT: floor(high_mul / 2^R), plus one when the remainder is above half, or exactly half and high_mul >= 0.
    wire signed [32:0] half = $signed({high_mul, 1'b0}) >>> right;    // bits [32:1] floor, bit 0 the half bit
    wire [32:0] below_half = {high_mul, 1'b0} & ~({33{1'b1}} << right);
    wire round_up = half[0] & (~high_mul[31] | (|below_half));

    // The zero point is at most 256 away, so a floor outside 11 signed bits saturates by its sign alone.
    wire fits = (half[32:11] == {22{half[32]}});
    wire signed [11:0] sum = {half[11], half[11:1]} + {11'd0, round_up} + {{3{zero_point[8]}}, zero_point};

    always @* begin
        if (!fits)
            q = half[32] ? -8'sd128 : 8'sd127;
        else if (sum > 12'sd127)
            q = 8'sd127;
        else if (sum < -12'sd128)
            q = -8'sd128;
        else
            q = sum[7:0];
    end

    wire unused = &{1'b0, product[63], product[29:0]};
endmodule
`default_nettype wire
