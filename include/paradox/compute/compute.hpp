/// @file
/// @brief The compute family: model shapes, parameter counts, FLOPs per token and utilisation.
#pragma once

#include "paradox/compute/model_spec.hpp"
#include "paradox/compute/parameters.hpp"

namespace paradox::compute {

/// @defgroup compute Compute
/// @brief Model shapes, parameter counts, FLOPs per token and utilisation (MFU / HFU).
///
/// The compute models (MODELS.md section 2) arrive with part 2 of the lab; this family already
/// holds the model descriptions the catalog and every later model share: TransformerSpec (GPT-
/// and Llama-style LLMs, model_spec.hpp) and EdgeModelSpec (small on-device networks).
/// @{
/// @}

}  // namespace paradox::compute
