# Runs of the part-3 walk-through (examples/part3_sync_audit), non-interactive: --predict
# answers the prediction, --out and --ledger go to the build tree. Included by
# tests/examples/tests.cmake.
if(NOT TARGET part3_sync_audit)
  return()
endif()

set(_p3 "$<TARGET_FILE:part3_sync_audit>")
set(_p3_out "${CMAKE_CURRENT_BINARY_DIR}/examples/part3")
set(_p3_prefix "examples.part3_sync_audit")

paradox_lab_outputs_dir(part3_sync_audit "${_p3_out}")

# Each track: the prediction, the answer by samples/s and by time to target, the barrier, the
# track's own section, the stability bound, the reflection, --math, the figures and the ledger;
# the device tracks add their fleet studies (gossip, energy per sync, battery) and formulas.
set(_p3_section_cloud "THE [$]1M CHALLENGE.*claim holds for this fleet.*ZERO OR ASYNC.*VERDICT: switch to alternative .ZeRO.*CHECKPOINTING.*Young.*Daly")
set(_p3_section_edge "HOW STALE, AND WHEN TRAINING DIVERGES.*9999 updates stale")
set(_p3_section_mobile "SYNC FREQUENCY VS GLASSES THAT DROP OFFLINE.*s = 16")
set(_p3_section_tiny "WAIT FOR ALL VS LOCAL PROGRESS.*s = 16")
# The fleet studies of the device tracks (fleet.cpp). Numbers derived by hand:
# - Tiny, star via the phone, one hearable over BLE 1M: S = 8,536 B = 68,288 bit at 0.8 Mb/s
#   = 85.36 ms each way; TX 3 V x 4.8 mA = 14.4 mW -> 1.229 mJ, RX 3 V x 4.6 mA = 13.8 mW ->
#   1.178 mJ: 2.41 mJ (nRF52840 currents, catalog ble-1m; no promotion or tail).
# - Tiny, gossip on the 10 x 10 torus with Metropolis weights (degree 4, w = 1/5): lambda2 =
#   1 - (4 - (2 + 2 cos(2 pi / 10))) / 5 = 1 - 0.382 / 5 = 0.9236, lambda_min = 1 - 8/5 = -0.6
#   -> rho = 0.9236; rounds = ceil(ln 1000 / -ln 0.9236) = ceil(86.9) = 87.
# - Mobile, one sync of 13.6 MB up and down over BLE 2M: 2.19 J (docs/energy.md); 8 h day,
#   0.6 Wh = 2,160 J, idle 30 mW x 8 h = 864 J, inference 3 mJ x 28,800 = 86.4 J ->
#   Delta_min = 2.19 x 28,800 / (2,160 - 864 - 86.4) = 52.2 s.
# - Edge, 102.4 MB up and down (energy::evaluate(RadioSync), the library's figures): 5G
#   low-band 87.1 J, depot Wi-Fi 6 7.58 J.
string(APPEND _p3_section_tiny ".*GOSSIP INSTEAD OF FULL WEIGHT SYNC.*star via the phone .*2[.]41 mJ.*2-D torus 10 x 10 +0[.]9236 +87 .*Takeaway: on one BLE channel gossip.*ENERGY PER SYNC BY RADIO.*BLE 1M.*2[.]41 mJ.*SYNC FREQUENCY VS THE 1 MW BUDGET.*full sync through the phone .2[.]41 mJ a sync.: .*Takeaway: within 1 mW")
string(APPEND _p3_section_mobile ".*ENERGY PER SYNC BY RADIO.*BLE 2M.*2[.]19 J.*SYNC FREQUENCY VS BATTERY.*sync over BLE 2M .phone tether. .2[.]19 J a sync.: 52[.]2 s.*Takeaway")
set(_p3_after_edge ".*ENERGY PER SYNC: 5G ON THE ROAD VS THE DEPOT'S WI-FI.*5G low-band .*87[.]1 J.*Wi-Fi 6 .*7[.]58 J.*Takeaway: the road costs")
set(_p3_math_tiny ".*rounds = ceil.log.1/eps. / log.1/rho...*Energy per sync = P_pro T_pro.*Delta_min")
set(_p3_math_mobile ".*Energy per sync = P_pro T_pro.*Delta_min")
set(_p3_math_edge ".*Energy per sync = P_pro T_pro")
foreach(track cloud edge mobile tiny)
  paradox_lab_track_run(part3_sync_audit "${_p3_out}" ${track}
    "--track|${track}|--predict|yes|--math|--strategy|sync|--justification|gradient consistency"
    "PREDICTION LOCK.*THE ANSWER.*sync .wait for all.*async .no barrier.*SSP, bound s = 2.*backup workers.*K-sync.*Samples per second: yes, async is.*Time to target: it depends on the staleness penalty.*Verdict: correct.*THE BARRIER.*${_p3_section_${track}}.*largest stable eta${_p3_after_${track}}.*REFLECTION.*Your strategy: synchronous SGD.*MATH PEEK.*H_N / mu${_p3_math_${track}}.*FIGURES"
    check_part3_outputs.cmake -DSTRATEGY=sync)
endforeach()

# The models' numbers, derived here from the formulas and the catalog, not from the code under
# test. Cloud: 1,024 GPUs, round(0.05 x 1024) = 51 persistently 2x slow: every step waits 2t, a
# GPU is busy (973 + 51 x 2) / 1024 t = 1.0498t, idle 1 - 1.0498 / 2 = 47.51%; at $3/h x 730 h x
# 1,024 = $2.2426M per month, waiting = $1.0654M -> "$1.07M/month". Without stragglers the
# question's answer is "same": nobody waits.
paradox_lab_run(part3_sync_audit cloud_waiting_cost "--predict|yes" 0
  "-DSTDOUT_MATCH=Idle share at the barrier: 47[.]5%.*[$]1[.]07M/month of a [$]2[.]24M/month fleet")
paradox_lab_run(part3_sync_audit no_stragglers_same "--track|tiny|--slow-fraction|0|--predict|same" 0
  "-DSTDOUT_MATCH=the same: without stragglers nobody waits.*Verdict: correct")
# A staleness penalty of 0 (staleness free): async reaches the target first.
paradox_lab_run(part3_sync_audit free_staleness "--track|tiny|--staleness-exponent|0|--predict|yes" 0
  "-DSTDOUT_MATCH=async reaches the target first")
# stdin is not a terminal and --predict is absent: the question is skipped, and it says so.
paradox_lab_run(part3_sync_audit no_terminal_skips_prediction "--track|tiny" 0 -DINPUT_FILE=/dev/null
  "-DSTDOUT_MATCH=prediction skipped.*THE ANSWER")
paradox_lab_run(part3_sync_audit help --help 0
  "-DSTDOUT_MATCH=--track.*--scenario.*--predict.*--math.*--ledger.*--out.*--mode.*--slow-fraction.*--slowdown.*--persistence.*--backup.*--staleness-bound.*--price.*--storage-bandwidth.*--strategy.*--justification")

# The ledger: a second run appends a second line, with the strategy and its justification.
paradox_lab_run(part3_sync_audit ledger_first
  "--track|tiny|--predict|yes|--strategy|backup|--justification|drop the late ones|--ledger|${_p3_out}/ledger_twice.jsonl" 0)
set_tests_properties(${_p3_prefix}.ledger_first PROPERTIES FIXTURES_SETUP part3_ledger_first)
paradox_lab_run(part3_sync_audit ledger_second
  "--track|tiny|--predict|no|--strategy|async|--justification|raw throughput|--ledger|${_p3_out}/ledger_twice.jsonl" 0)
set_tests_properties(${_p3_prefix}.ledger_second PROPERTIES FIXTURES_REQUIRED
                     "part3_sync_audit_clean;part3_ledger_first" FIXTURES_SETUP part3_ledger_second)
add_test(NAME ${_p3_prefix}.ledger_lines
         COMMAND ${CMAKE_COMMAND} -DLEDGER=${_p3_out}/ledger_twice.jsonl -DLINES=2
                 -P "${CMAKE_CURRENT_SOURCE_DIR}/examples/check_ledger_lines.cmake")
set_tests_properties(${_p3_prefix}.ledger_lines PROPERTIES FIXTURES_REQUIRED part3_ledger_second)

# Hostile input: one line on stderr, exit status 2, no files left.
foreach(case "negative_fraction|--slow-fraction|-0.1|--slow-fraction must be a number in .0, 1. .got -0.1."
             "fraction_above_one|--slow-fraction|1.5|--slow-fraction must be a number in .0, 1. .got 1.5."
             "slowdown_below_one|--slowdown|0.5|--slowdown must be a number in .1, 1e.06. .got 0.5."
             "huge_slowdown|--slowdown|1e300|--slowdown must be a number in .1, 1e.06. .got 1e300."
             "nan_slowdown|--slowdown|nan|--slowdown must be a number in .1, 1e.06. .got nan."
             "bad_persistence|--persistence|sometimes|--persistence must be one of per-step.per-worker .got sometimes."
             "bad_mode|--mode|turbo|--mode must be one of sync.async.ssp .got turbo."
             "negative_price|--price|-3|--price must be a number in .0, 1e.06. .got -3."
             "huge_price|--price|1e300|--price must be a number in .0, 1e.06. .got 1e300."
             "negative_storage|--storage-bandwidth|-5GB/s|--storage-bandwidth must be > 0 .got \"-5GB/s\"."
             "huge_write_time|--write-time|1e30s|--write-time must give a checkpoint write and restart of at most 1e9 s"
             "wait_for_above_fleet|--wait-for|5000|--wait-for must be at most the fleet's 1024 workers .got 5000."
             "negative_backup|--backup|-1|--backup must be a whole number in .0, 1000000. .got -1."
             "huge_backup|--backup|1e9|--backup must be a whole number in .0, 1000000. .got 1e9."
             "zero_steps|--steps-to-target|0|--steps-to-target must be a whole number in .1, 2000000000. .got 0."
             "exponent_too_big|--staleness-exponent|9|--staleness-exponent must be a number in .0, 4. .got 9."
             "zero_learning_rate|--learning-rate|0|--learning-rate must be a number in .1e-12, 1000. .got 0."
             "unknown_track|--track|moon|--track must be one of cloud.edge.mobile.tiny .got moon."
             "unknown_strategy|--strategy|fast|--strategy must be one of sync.async.ssp.backup.ksync.zero .got fast."
             "zero_off_the_cloud|--track|edge|--strategy|zero|--strategy must be one of sync.async.ssp.backup.ksync on this track"
             "justification_alone|--justification|because|--justification needs --strategy"
             "bad_prediction|--predict|maybe|--predict must be one of a.b.c, yes.no.same .got maybe."
             "bad_value_scenario|--scenario|${CMAKE_CURRENT_SOURCE_DIR}/examples/part3_bad_value_scenario.toml|part3_bad_value_scenario.toml:6: controls.slow_fraction must be a number in .0, 1. .got 1.5."
             "unknown_key_scenario|--scenario|${CMAKE_CURRENT_SOURCE_DIR}/examples/part3_unknown_key_scenario.toml|part3_unknown_key_scenario.toml:6: controls.slowdwn must be")
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 name)
  list(GET parts -1 expected)
  list(REMOVE_AT parts 0 -1)
  if(NOT "--predict" IN_LIST parts)
    list(APPEND parts --predict yes)
  endif()
  list(APPEND parts --out "${_p3_out}/bad_${name}" --ledger "${_p3_out}/bad_${name}/ledger.jsonl")
  string(REPLACE ";" "|" args "${parts}")
  paradox_lab_run(part3_sync_audit bad_input.${name} "${args}" 2 "-DSTDERR_MATCH=${expected}" -DONE_LINE_STDERR=ON
                    "-DABSENT=${_p3_out}/bad_${name}")
endforeach()

# The shipped scenarios run; flags win over them.
foreach(scenario part3_cloud part3_edge part3_mobile part3_tiny)
  paradox_lab_run(part3_sync_audit scenario.${scenario}
    "--scenario|${PROJECT_SOURCE_DIR}/examples/scenarios/${scenario}.toml|--predict|yes" 0
    "-DSTDOUT_MATCH=Scenario: .*THE ANSWER.*REFLECTION")
endforeach()
paradox_lab_run(part3_sync_audit scenario.flags_win
  "--scenario|${PROJECT_SOURCE_DIR}/examples/scenarios/part3_tiny.toml|--slow-fraction|0.2|--predict|yes" 0
  "-DSTDOUT_MATCH=Stragglers: a share f = 20[.]0% .set by --slow-fraction.*Your strategy: synchronous with backup workers")

# Files: a failed ledger leaves no figures, a bad --out is refused, a closed stdout is an error.
paradox_lab_file_checks(part3_sync_audit "${_p3_out}" "--predict|yes")
