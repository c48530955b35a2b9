package io.hounsfield.quality;

import java.util.List;

/** STUB for the lead's branch only; replaced by the quality-checks branch at merge. */
@org.springframework.stereotype.Service
public class QualityService {
    public List<Object> unacknowledged(String studyInstanceUid) {
        return List.of();
    }
}
