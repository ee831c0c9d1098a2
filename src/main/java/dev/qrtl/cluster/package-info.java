/**
 * Running sweeps on a cluster's batch scheduler: Slurm job arrays of a sweep's shards and the
 * merge after them, with every argument quoted and every Slurm option validated. Each shard is
 * one plain qrtl command, so any other scheduler can run the same shards.
 */
package dev.qrtl.cluster;
