# `paradox search` (CLI.md): every valid layout of a catalog model on catalog nodes; the best by
# MFU among those that fit and meet a bubble target, and the Pareto set.
#
# This file is also a CMake script (cmake -DPARADOX=<exe> -P search.cmake), run by the test
# cli.search.threads_and_targets: it runs the same search with --threads 1 and --threads 2,
# requires byte-identical JSON, and checks every element of `best` and `pareto` against the
# contract: fits, bubble_fraction <= --max-bubble, best in non-increasing MFU, pareto in
# non-increasing tokens/s with increasing headroom.
if(CMAKE_SCRIPT_MODE_FILE)
  set(args search --model llama3-8b --accelerator h100-sxm --gpus 16 --global-batch 32
           --top 5 --json)
  foreach(threads 1 2)
    execute_process(COMMAND "${PARADOX}" ${args} --threads ${threads}
                    OUTPUT_VARIABLE out_${threads} ERROR_VARIABLE err RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "--threads ${threads}: exit ${status}: ${err}")
    endif()
  endforeach()
  if(NOT out_1 STREQUAL out_2)
    message(FATAL_ERROR "--threads 2 printed different JSON than --threads 1")
  endif()
  string(JSON feasible GET "${out_1}" feasible)
  string(JSON evaluated GET "${out_1}" layouts_evaluated)
  if(NOT feasible GREATER 0 OR feasible GREATER evaluated)
    message(FATAL_ERROR "feasible = ${feasible} of ${evaluated} layouts evaluated")
  endif()
  foreach(list best pareto)
    string(JSON n LENGTH "${out_1}" ${list})
    if(n EQUAL 0)
      message(FATAL_ERROR "${list} is empty")
    endif()
    math(EXPR last "${n} - 1")
    foreach(i RANGE ${last})
      string(JSON fits GET "${out_1}" ${list} ${i} fits)
      string(JSON bubble GET "${out_1}" ${list} ${i} bubble_fraction)
      string(JSON mfu GET "${out_1}" ${list} ${i} mfu)
      string(JSON speed GET "${out_1}" ${list} ${i} tokens_per_s)
      string(JSON headroom GET "${out_1}" ${list} ${i} headroom_bytes)
      if(NOT fits STREQUAL "ON" AND NOT fits STREQUAL "true")
        message(FATAL_ERROR "${list}[${i}] does not fit (fits = ${fits})")
      endif()
      if(bubble GREATER 0.1)
        message(FATAL_ERROR "${list}[${i}] bubble_fraction ${bubble} > --max-bubble 0.1")
      endif()
      if(i GREATER 0)
        if(list STREQUAL "best" AND mfu GREATER previous_mfu)
          message(FATAL_ERROR "best[${i}] mfu ${mfu} > best[${i} - 1] mfu ${previous_mfu}")
        endif()
        if(list STREQUAL "pareto" AND (speed GREATER previous_speed OR
                                       NOT headroom GREATER previous_headroom))
          message(FATAL_ERROR "pareto[${i}] is not slower with more headroom than pareto[${i} - 1]")
        endif()
      endif()
      set(previous_mfu ${mfu})
      set(previous_speed ${speed})
      set(previous_headroom ${headroom})
    endforeach()
  endforeach()
  return()
endif()

set(search_8b --model llama3-8b --accelerator h100-sxm --gpus 16 --global-batch 32)

add_test(NAME cli.search.threads_and_targets
         COMMAND ${CMAKE_COMMAND} -DPARADOX=$<TARGET_FILE:paradox_cli>
                 -P "${CMAKE_CURRENT_LIST_FILE}")

paradox_cli_test(search.help
                 --stdout-has --model --stdout-has --accelerator --stdout-has --gpus
                 --stdout-has --global-batch --stdout-has --gpus-per-node --stdout-has --fabric
                 --stdout-has --seq --stdout-has --max-bubble --stdout-has --top
                 --stdout-has --threads --stdout-has --context-parallel
                 --stdout-has "default: 0.10" --stdout-has "default: 10"
                 --stdout-has layouts_evaluated --stdout-has pareto
                 -- search --help)
paradox_cli_test(search.listed_in_help --stdout-has search -- --help)
paradox_cli_test(search.table --stdout-has "layouts evaluated" --stdout-has "best by MFU"
                 --stdout-has "Pareto set" --stdout-has recompute --stdout-has "2 nodes"
                 -- search ${search_8b} --top 3)
# Llama 3 8B on 16 H100 (2 DGX H100), 32 sequences of 8192 tokens.
paradox_cli_test(search.llama3_8b_16_h100 --json
                 --array-size /best=3 --min-size /pareto=1 --equal /best/0/fits=true
                 --equal /pareto/0/fits=true --equal /top=3 --near /max_bubble_fraction=0.1
                 --each-has /best=dp --each-has /best=tp --each-has /best=pp
                 --each-has /best=cp --each-has /best=micro_batch --each-has /best=microbatches
                 --each-has /best=virtual --each-has /best=zero --each-has /best=recompute
                 --each-has /best=sequence_parallel --each-has /best=layer_split
                 --each-has /best=step_time_s --each-has /best=tokens_per_s --each-has /best=mfu
                 --each-has /best=hfu --each-has /best=memory_per_gpu_bytes
                 --each-has /best=bubble_fraction --each-has /best=fits
                 --each-has /best=data_level --each-has /pareto=headroom_bytes
                 --key /layouts_evaluated --key /feasible --equal /nodes=2 --equal /seq=8192
                 -- search ${search_8b} --top 3 --json)
# No bubble allowed: only layouts without pipelining (pp = 1) are feasible.
paradox_cli_test(search.no_bubble --json --equal /best/0/pp=1 --equal /best/0/fits=true
                 --near-rel /best/0/bubble_fraction=0@0
                 -- search ${search_8b} --max-bubble 0 --top 1 --json)
paradox_cli_test(search.context_parallel --json --equal /context_parallel=true
                 --equal /best/0/fits=true
                 -- search ${search_8b} --context-parallel --top 2 --json)
# Nothing fits: Llama 3 405B on one node. Empty lists, exit 0 (a result, not an error).
paradox_cli_test(search.nothing_fits --json --array-size /best=0 --array-size /pareto=0
                 --equal /feasible=0 --stdout-has "\"best\": []"
                 -- search --model llama3-405b --accelerator h100-sxm --gpus 8 --global-batch 1
                 --json)
# Huge but valid: a clean answer (finite, no null), never a crash.
paradox_cli_test(search.huge_cluster --json --array-size /best=1 --key /layouts_evaluated
                 -- search --model llama3-70b --accelerator h100-sxm --gpus 99999992
                 --global-batch 99999992 --top 1 --json)

# Every required flag missing in turn.
paradox_cli_bad_input(search.missing_model "--model is required"
                      -- search --accelerator h100-sxm --gpus 16 --global-batch 32)
paradox_cli_bad_input(search.missing_accelerator "--accelerator is required"
                      -- search --model llama3-8b --gpus 16 --global-batch 32)
paradox_cli_bad_input(search.missing_gpus "--gpus is required"
                      -- search --model llama3-8b --accelerator h100-sxm --global-batch 32)
paradox_cli_bad_input(search.missing_global_batch "--global-batch is required"
                      -- search --model llama3-8b --accelerator h100-sxm --gpus 16)

paradox_cli_bad_input(search.gpus_per_node_must_divide
                      "paradox search: --gpus must be a multiple of --gpus-per-node = 8 (got 12)"
                      -- search --model llama3-8b --accelerator h100-sxm --gpus 12 --global-batch 32)
paradox_cli_bad_input(search.max_bubble_above_one "paradox search: --max-bubble must"
                      -- search ${search_8b} --max-bubble 1.5)
paradox_cli_bad_input(search.negative_max_bubble "paradox search: --max-bubble must"
                      -- search ${search_8b} --max-bubble=-0.1)
paradox_cli_bad_input(search.zero_top "paradox search: --top must be a whole number in [1, 1000] (got 0)"
                      -- search ${search_8b} --top 0)
paradox_cli_bad_input(search.top_too_large "paradox search: --top must be a whole number in [1, 1000]"
                      -- search ${search_8b} --top 1000000)
paradox_cli_bad_input(search.zero_threads "paradox search: --threads must"
                      -- search ${search_8b} --threads 0)
paradox_cli_bad_input(search.unknown_model "paradox search: --model must be one of"
                      -- search --model llama3-9b --accelerator h100-sxm --gpus 16 --global-batch 32)
paradox_cli_bad_input(search.accelerator_without_node
                      "paradox search: --accelerator must be one with a catalog node"
                      -- search --model llama3-8b --accelerator tpu-v4 --gpus 16 --global-batch 32)
paradox_cli_bad_input(search.unknown_flag "paradox search: unknown flag '--tp'"
                      -- search ${search_8b} --tp 8)
paradox_cli_bad_input(search.global_batch_beyond_int "paradox search: --global-batch must be a whole number in"
                      -- search --model llama3-8b --accelerator h100-sxm --gpus 16
                      --global-batch 1e12)
