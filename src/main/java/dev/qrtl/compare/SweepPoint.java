package dev.qrtl.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One point of a sweep: its index in the sweep's fixed order, what it is, and the cost estimate
 * (relative synthesis size) that balances shards, frozen into the sweep's definition.
 */
@JsonPropertyOrder({"index", "label", "cost"})
public record SweepPoint(int index, String label, double cost) {}
