# --- catalog: the kinds added for the fleet tracks (issue 12) ------------------------------------
# clusters, layout puzzles, failure records, cells and access points; the earlier kinds are
# tested in tests/cli/tests.cmake. Keys are extended, never renamed (CLI.md).
paradox_cli_test(catalog.help_lists_every_kind --stdout-has clusters --stdout-has puzzles
                 --stdout-has failures --stdout-has cells -- catalog --help)
paradox_cli_test(catalog.table_has_every_kind --stdout-has "clusters" --stdout-has
                 "layout puzzles" --stdout-has "failure records" --stdout-has "cells and access"
                 --stdout-has h100-superpod-4su --stdout-has llama3-405b-pretraining
                 --stdout-has 5g-lowband-cell --stdout-has wifi6-ap -- catalog)
# Every kind in the full listing (61 entries before clusters, puzzles, failures and cells; 72
# with them), each entry still with name, kind, source and provenance.
paradox_cli_test(catalog.every_kind_in_json --json --min-size /entries=72
                 --each-has /entries=name --each-has /entries=kind --each-has /entries=source
                 --each-has /entries=source_kind --each-has /entries=provenance
                 -- catalog --json)
# Clusters (catalog/clusters.hpp): the SuperPOD of 4 scalable units = 128 DGX H100 nodes.
paradox_cli_test(catalog.clusters --json --array-size /entries=4
                 --equal /entries/0/name=h100-superpod-4su --equal /entries/0/kind=cluster
                 --equal /entries/0/nodes=128 --equal /entries/0/accelerators=1024
                 --equal /entries/1/name=car-4x-orin --equal /entries/1/accelerators=4
                 --each-has /entries=nic_bandwidth_bytes_per_s
                 -- catalog --kind clusters --json)
# Layout puzzles (lab part 2), named by track: cloud = Llama 3 70B on the SuperPOD, B = 2048.
paradox_cli_test(catalog.puzzles --json --array-size /entries=4
                 --equal /entries/0/name=cloud --equal /entries/0/kind=layout-puzzle
                 --equal /entries/0/model=llama3-70b --equal /entries/0/cluster=h100-superpod-4su
                 --equal /entries/0/global_batch=2048 --equal /entries/0/seq_len=8192
                 --equal /entries/0/precision=bf16 --equal /entries/0/source_kind=paper
                 --equal "/entries/1/source_kind=didactic assumption"
                 -- catalog --kind puzzles --json)
# Failure records: Llama 3 405B, 54 days on 16,384 H100s, 419 unexpected and 47 planned
# interruptions (Dubey et al. 2024, table 5), the largest cause "Faulty GPU" with 148.
paradox_cli_test(catalog.failures --json --array-size /entries=1
                 --equal /entries/0/name=llama3-405b-pretraining
                 --equal /entries/0/kind=failure-record --equal /entries/0/accelerators=16384
                 --near /entries/0/window_s=4665600 --equal /entries/0/unexpected_interruptions=419
                 --equal /entries/0/planned_interruptions=47 --array-size /entries/0/causes=18
                 --equal "/entries/0/causes/0/component=Faulty GPU"
                 --equal /entries/0/causes/0/interruptions=148
                 --equal /entries/0/source_kind=measured
                 -- catalog --kind failures --json)
# Cells and access points: the 5G sector's 100 / 300 Mb/s (12.5 / 37.5 MB/s) and the Wi-Fi 6
# AP's one-link 200 / 400 Mb/s, both didactic, with per-figure provenance.
paradox_cli_test(catalog.cells --json --array-size /entries=2
                 --equal /entries/0/name=5g-lowband-cell --equal /entries/0/kind=cell
                 --equal /entries/0/radio=5g-lowband
                 --near /entries/0/uplink_bytes_per_s=12500000
                 --near /entries/0/downlink_bytes_per_s=37500000
                 --equal "/entries/0/provenance/uplink_bytes_per_s/kind=didactic assumption"
                 --equal /entries/1/name=wifi6-ap --near /entries/1/uplink_bytes_per_s=25000000
                 --near /entries/1/downlink_bytes_per_s=50000000
                 -- catalog --kind cells --json)
paradox_cli_test(catalog.cells_table --stdout-has "100 Mb/s" --stdout-has "300 Mb/s"
                 --stdout-has "~" -- catalog --kind cells)
