package io.gctls.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fault switches in the order they were added; the first one matching a request fires, and a
 * {@code times N} fault clears itself after N requests. Not thread-safe.
 */
final class FaultSwitches {

    private final List<FaultSpec> faults = new ArrayList<>();

    void add(FaultSpec fault) {
        faults.add(fault);
    }

    void clear() {
        faults.clear();
    }

    List<FaultSpec> list() {
        return List.copyOf(faults);
    }

    /** The fault for this request, counting one of its times. */
    Optional<FaultSpec> take(String method, String path) {
        for (int i = 0; i < faults.size(); i++) {
            FaultSpec fault = faults.get(i);
            if (fault.matches(method, path)) {
                Optional<Integer> times = fault.times();
                if (times.isPresent()) {
                    if (times.get() <= 1) {
                        faults.remove(i);
                    } else {
                        faults.set(i, fault.times(times.get() - 1));
                    }
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
