package io.hounsfield.quality;

import java.util.List;

/** The check results of one stored image, in the order the checks run. */
public record InstanceChecks(String sopInstanceUid, String seriesInstanceUid, List<CheckResult> checks) {

    /** The worst outcome among the checks: what the thumbnail's badge shows. */
    public String worst() {
        if (checks.stream().anyMatch(check -> CheckResult.FAIL.equals(check.outcome()))) {
            return CheckResult.FAIL;
        }
        return checks.stream().anyMatch(check -> CheckResult.WARN.equals(check.outcome())) ? CheckResult.WARN
                : CheckResult.PASS;
    }
}
