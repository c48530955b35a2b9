package io.hounsfield.equipment;

import java.util.List;

/**
 * The QC program's answer to "which device has not had its daily QC today?", for the board (implemented by
 * {@code qc.QcService}; daily CT QC is due before the first clinical scan, ACR 2017 CT QC Manual).
 */
public interface OverdueQc {

    /** One plain line per device, e.g. "CT1: daily QC not done today"; empty when all are done. */
    List<String> overdueDailyQc();
}
