package io.hounsfield.patient;

/** DICOM Pregnancy Status (0010,21C0): 1 not pregnant, 2 possibly, 3 definitely, 4 unknown. */
public enum PregnancyStatus {
    NOT_PREGNANT(1), POSSIBLY_PREGNANT(2), PREGNANT(3), UNKNOWN(4);

    private final int dicomCode;

    PregnancyStatus(int dicomCode) {
        this.dicomCode = dicomCode;
    }

    public int dicomCode() {
        return dicomCode;
    }
}
