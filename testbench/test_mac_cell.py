"""pytest entry: runs the MAC cell cocotb bench on the default design in rtl-out/."""

from conftest import load_manifest, run_cocotb


def test_mac_cell_default():
    top = "mac_cell_a8_w8_acc24"
    params = load_manifest(top)["params"]
    run_cocotb(top, "tb_mac_cell", extra_env={
        "A_BITS": params["a_bits"], "W_BITS": params["w_bits"], "ACC_BITS": params["acc_bits"], "QRTL_SEED": "1"})
