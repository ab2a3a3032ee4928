/// @file
/// @brief The memory family: what a device holds when training a model (weights, gradients,
/// optimizer states under ZeRO, activations), what it sends per step, what it checkpoints, and
/// whether it fits.
#pragma once

#include "paradox/memory/activations.hpp"
#include "paradox/memory/checkpoint.hpp"
#include "paradox/memory/communication.hpp"
#include "paradox/memory/fit.hpp"
#include "paradox/memory/optimizer.hpp"
#include "paradox/memory/sharding.hpp"
#include "paradox/memory/zero.hpp"

namespace paradox::memory {

/// @defgroup memory Memory
/// @brief Training memory per device: model states with ZeRO, activations per layer and per
/// pipeline stage, communication volume, checkpoint size and the fit against HBM.
///
/// Notation (MODELS.md sec. 3): \f$\Psi\f$ parameters held by one model-parallel rank,
/// \f$N_d\f$ data-parallel degree, K optimizer bytes per parameter, s sequence length, b
/// micro-batch size, h hidden size, a heads, t tensor-parallel degree, p (pp) pipeline stages,
/// m micro-batches, v model chunks per device. Sizes are in bytes, decimal where printed.
///
/// Headers:
/// - optimizer.hpp: BytesPerParameter as data (SGD with momentum, mixed-precision Adam,
///   8-bit Adam), each with its source;
/// - sharding.hpp: stage_parameters(), \f$\Psi\f$ of a tensor- and pipeline-parallel rank;
/// - zero.hpp: model_states() for ZeRO stages 0-3, the paper's and DeepSpeed's accounting;
/// - activations.hpp: layer_activations() (Korthikanti et al. 2022, table 2) and
///   stage_activations() with pipeline::held_microbatches;
/// - communication.hpp: communication_volume(), \f$2\Psi\f$ or \f$3\Psi\f$ per step;
/// - checkpoint.hpp: checkpoint_size(), weights + optimizer states;
/// - fit.hpp: fit() of one device's parts against an Accelerator, and evaluate() /
///   worst_stage() for a whole layout.
///
/// Example: the ZeRO paper's figure 1, 7.5B parameters on 64 data-parallel GPUs, stage 2:
/// @code
/// using namespace paradox;
/// const memory::ModelStates s =
///     memory::model_states({.parameters = 7.5e9, .data_parallel = 64, .zero_stage = 2});
/// const double gb = value_in<gigabyte_unit>(s.total());  // 16.64 GB
/// @endcode
/// @{
/// @}

}  // namespace paradox::memory
