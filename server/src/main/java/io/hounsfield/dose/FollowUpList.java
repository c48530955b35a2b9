package io.hounsfield.dose;

import java.util.List;

/** The dose follow-up list: exceeded levels still open, oldest first, and those followed up lately. */
public record FollowUpList(List<DoseAlert> open, List<DoseAlert> done) {
}
