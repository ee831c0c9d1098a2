// Hand-written reference: q = clamp((acc + 128) >> 8, -128, 127).
// Written by hand from docs/reference/requantization.md section 1, not by qrtl; used only to price qrtl's generator.
`default_nettype none
module requant_shift_round_a32_q8s_half_up_k8 (
    input  wire signed [31:0] acc,
    output reg  signed [7:0]  q
);
    // floor(acc / 256) is acc[31:8]; it fits 8 signed bits when acc[31:15] all copy the sign.
    wire fits = (acc[31:15] == {17{acc[31]}});
    wire signed [8:0] rounded = {acc[15], acc[15:8]} + {8'd0, acc[7]};

    always @* begin
        if (!fits)
            q = acc[31] ? -8'sd128 : 8'sd127;
        else if (rounded == 9'sd128)
            q = 8'sd127;
        else
            q = rounded[7:0];
    end

    wire unused = &{1'b0, acc[6:0]};
endmodule
`default_nettype wire
