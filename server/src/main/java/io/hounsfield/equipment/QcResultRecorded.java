package io.hounsfield.equipment;

import java.time.Instant;

/**
 * Published after a QC result (computed from a phantom image or entered by hand) is committed, so that an
 * out-of-service rule can act on a failure without reaching into the QC program.
 *
 * @param aeTitle   the equipment's AE title
 * @param test      the test code, e.g. {@code CT_WATER_DAILY}
 * @param passed    true when every tolerance held; false for a failure or an image that could not be analysed
 * @param summary   the reasons in plain language, for the status history
 * @param performed when the test was performed
 */
public record QcResultRecorded(String aeTitle, String test, boolean passed, String summary, Instant performed) {
}
