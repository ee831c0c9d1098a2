package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One quantization of one distribution in the MX accuracy study: an MX form ({@code mxfp4:k=32})
 * or int8 with a per-tensor or per-channel scale, its storage per element (scales included), and
 * its error against the real values.
 *
 * @param relativeRms the RMS error over the RMS of the data
 * @param sqnrDb 10 log10(signal energy / error energy)
 * @param saturatedFraction elements clipped to the largest magnitude (the floor rule's block maxima; int8 never, its scale fits the maximum)
 */
@JsonPropertyOrder({"distribution", "form", "block", "scaleRule", "bitsPerElement", "relativeRms", "sqnrDb", "saturatedFraction"})
public record MxErrorRow(String distribution, String form, @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) Integer block,
    @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String scaleRule, double bitsPerElement, double relativeRms, double sqnrDb,
    double saturatedFraction) {}
