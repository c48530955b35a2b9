package io.hounsfield.quality.reject;

import java.util.Arrays;
import java.util.Optional;

/** DICOM CID 7011 "Rejected for Quality Reasons" (scheme DCM), the reasons a technologist rejects an image for. */
public enum RejectReason {
    POSITIONING("111209", "Positioning"),
    MOTION_BLUR("111210", "Motion blur"),
    UNDER_EXPOSED("111211", "Under exposed"),
    OVER_EXPOSED("111212", "Over exposed"),
    DOUBLE_EXPOSURE("113026", "Double exposure"),
    NO_IMAGE("111213", "No image"),
    DETECTOR_ARTIFACT("111214", "Detector artifact(s)"),
    GRID_ARTIFACT("111208", "Grid artifact(s)"),
    OTHER_ARTIFACT("111215", "Artifact(s) other than grid or detector artifact"),
    IMAGE_ARTIFACT("111207", "Image artifact(s)"),
    MECHANICAL_FAILURE("111216", "Mechanical failure"),
    ELECTRICAL_FAILURE("111217", "Electrical failure"),
    SOFTWARE_FAILURE("111218", "Software failure"),
    IMAGE_PROCESSING("111219", "Inappropriate image processing"),
    OTHER_FAILURE("111220", "Other failure"),
    UNKNOWN_FAILURE("111221", "Unknown failure");

    private final String code;
    private final String meaning;

    RejectReason(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<RejectReason> ofCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }
}
