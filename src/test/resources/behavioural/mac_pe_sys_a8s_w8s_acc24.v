// A plain behavioural description of qrtl's systolic int8 PE (24-bit accumulator), written by
// hand for BehaviouralMacAreaTest: the same ports, registers and reset behaviour.
module mac_pe_sys_a8s_w8s_acc24 (
    input  wire clk, input wire rst,
    input  wire signed [7:0] a_in, input wire signed [7:0] w_in,
    input  wire first_in, input wire valid_in,
    output reg signed [23:0] acc,
    output wire acc_final,
    output reg signed [7:0] a_out, output reg signed [7:0] w_out,
    output reg first_out, output reg valid_out
);
    assign acc_final = !valid_in || first_in;
    always @(posedge clk) begin
        if (rst) acc <= 0;
        else if (valid_in) acc <= first_in ? a_in * w_in : acc + a_in * w_in;
        a_out <= a_in;
        w_out <= w_in;
        if (rst) begin first_out <= 0; valid_out <= 0; end
        else begin first_out <= first_in; valid_out <= valid_in; end
    end
endmodule
