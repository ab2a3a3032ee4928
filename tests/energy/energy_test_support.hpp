// Shared fixtures of the energy tests: a toy radio whose numbers are easy to follow by hand.
#pragma once

#include "paradox/hardware/radio_link.hpp"
#include "paradox/units.hpp"

namespace energy_test {

using namespace paradox;

// 1 MB/s up, 2 MB/s down, no latency, 1 W base power, no alpha, no tail or promotion: a
// transfer's energy is its airtime in seconds, in joules.
inline constexpr RadioLink toy_radio{.key = "toy",
                                     .name = "toy radio",
                                     .uplink = 1.0 * megabytes_per_second,
                                     .downlink = 2.0 * megabytes_per_second,
                                     .latency = Seconds{},
                                     .alpha_uplink = JoulesPerBit{},
                                     .alpha_downlink = JoulesPerBit{},
                                     .beta = 1.0 * watts,
                                     .provenance = {"test fixture", SourceKind::didactic_assumption}};

inline double j(Joules e) { return value_in<joule_unit>(e); }
inline double s(Seconds t) { return value_in<second_unit>(t); }
inline double nj_per_bit(JoulesPerBit e) { return value_in<nanojoule_per_bit_unit>(e); }

}  // namespace energy_test
