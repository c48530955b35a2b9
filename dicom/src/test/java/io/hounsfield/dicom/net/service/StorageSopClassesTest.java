package io.hounsfield.dicom.net.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.dict.Uids;
import org.junit.jupiter.api.Test;

/** The Storage SOP Classes offered by an SCP that stores "everything" (PS3.4 §B.5). */
class StorageSopClassesTest {
    @Test
    void includesTheForPresentationAndForProcessingClasses() {
        assertThat(StorageSopClasses.all()).contains(Uids.CTImageStorage,
                Uids.DigitalXRayImageStorageForPresentation, Uids.DigitalXRayImageStorageForProcessing,
                Uids.DigitalMammographyXRayImageStorageForPresentation,
                Uids.DigitalIntraOralXRayImageStorageForProcessing);
    }

    @Test
    void excludesStorageCommitment() {
        assertThat(StorageSopClasses.all()).doesNotContain(Uids.StorageCommitmentPushModel);
    }
}
