package io.hounsfield.qc;

import java.util.List;

/** PASS, FAIL or NOT_ANALYSABLE, with the reasons in plain words. */
record QcOutcome(String outcome, List<String> reasons) {
    static final String PASS = "PASS";
    static final String FAIL = "FAIL";
    static final String NOT_ANALYSABLE = "NOT_ANALYSABLE";

    boolean passed() {
        return PASS.equals(outcome);
    }
}
