// Hand-written reference: q = clamp((acc + 2^(k-1)) >> k, -128, 127), k = shift at run time (k = 0: q = clamp(acc)).
// Written by hand from docs/reference/requantization.md section 1, not by qrtl; used only to price qrtl's generator.
`default_nettype none
module requant_shift_round_a32_q8s_half_up_krt (
    input  wire signed [31:0] acc,
    input  wire [4:0]         shift,
    output reg  signed [7:0]  q
);
    // acc / 2^(k-1), floored: bits [32:1] are floor(acc / 2^k), bit 0 is the half bit (0 when k = 0).
    wire signed [32:0] half = $signed({acc, 1'b0}) >>> shift;
    // floor(acc / 2^k) fits 8 signed bits when bits 32..8 all copy the sign.
    wire fits = (half[32:8] == {25{half[32]}});
    // Rounding only adds, so inside the window the only overflow is 127 + 1.
    wire signed [8:0] rounded = {half[8], half[8:1]} + {8'd0, half[0]};

    always @* begin
        if (!fits)
            q = half[32] ? -8'sd128 : 8'sd127;
        else if (rounded == 9'sd128)
            q = 8'sd127;
        else
            q = rounded[7:0];
    end
endmodule
`default_nettype wire
