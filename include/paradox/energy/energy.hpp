/// @file
/// @brief The energy family: radio energy per transfer and per sync (Huang et al.'s power
/// model with promotion and tail), data-centre energy per collective, battery drain per day,
/// compressed updates, shared radio channels and federated-averaging rounds.
#pragma once

#include "paradox/energy/battery.hpp"
#include "paradox/energy/collective_energy.hpp"
#include "paradox/energy/compression.hpp"
#include "paradox/energy/federated.hpp"
#include "paradox/energy/radio_energy.hpp"
#include "paradox/energy/shared_medium.hpp"
#include "paradox/energy/sync_energy.hpp"

namespace paradox::energy {

/// @defgroup energy Energy and fleets
/// @brief Joules per bit, per transfer, per sync and per collective; battery per day; the
/// federated round over a shared cell; airtime on a shared radio channel.
///
/// Notation (MODELS.md sec. 8-9): a radio draws
/// \f$P = \alpha_u t_u + \alpha_d t_d + \beta\f$ while transferring at throughputs
/// \f$t_u, t_d\f$ (Huang et al. 2012, MobiSys), pays a promotion \f$P_{pro}T_{pro}\f$ before a
/// burst and a tail \f$P_{tail}T_{tail}\f$ after it; energy per bit at throughput t is
/// \f$P/t = \alpha + \beta/t\f$. The radios are catalog::RadioLink presets (LTE, Wi-Fi, 3G, 5G
/// low-band and mmWave, Wi-Fi 6, BLE 1M / 2M), the devices catalog::EdgeDevice presets.
///
/// Headers:
/// - radio_energy.hpp: Direction, energy_per_bit(), RadioTransfer, evaluate() (promotion,
///   transfer, tail);
/// - sync_energy.hpp: RadioSync, evaluate() (upload + download + one promotion and tail);
/// - collective_energy.hpp: CollectiveEnergyInput, evaluate() (link pJ/bit x bytes moved +
///   accelerator power x time);
/// - battery.hpp: Inference, inference_energy(), DailyUse, evaluate() (drain per day, sync to
///   inference ratio), min_sync_interval();
/// - compression.hpp: Compression, compressed_size() (quantisation, top-k, never larger);
/// - shared_medium.hpp: SharedChannel, shared_channel(), SharedTransfer, airtime(),
///   star_airtime(), gossip_airtime();
/// - federated.hpp: FederatedRound, evaluate() (K of N clients, stragglers or a deadline,
///   compression, a shared cell and server link; per round and over R rounds).
///
/// Example: one LTE sync of a 1 MB update and a 1 MB model costs 19 J, 65 % of it tail:
/// @code
/// using namespace paradox;
/// const energy::RadioSyncEnergy e = energy::evaluate(energy::RadioSync{
///     .radio = catalog::lte, .upload = 1.0 * megabytes, .download = 1.0 * megabytes});
/// const double joules = value_in<joule_unit>(e.total);  // 19.02
/// @endcode
/// @{
/// @}

}  // namespace paradox::energy
