package io.hounsfield.dicom.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.service.StorageSopClasses;
import org.junit.jupiter.api.Test;

class GetStorageClassesTest {
    @Test
    void theFallbackProposesTheCommonClassesIncludingReportsWithinTheContextLimit() {
        assertThat(StorageSopClasses.all().size()).isGreaterThan(GetStorageClasses.MAX);
        assertThat(GetStorageClasses.fallback()).hasSize(GetStorageClasses.MAX).doesNotHaveDuplicates()
                .contains(Uids.CTImageStorage, Uids.XRayRadiationDoseSRStorage, Uids.ComprehensiveSRStorage,
                        Uids.EncapsulatedPDFStorage, Uids.KeyObjectSelectionDocumentStorage);
    }
}
