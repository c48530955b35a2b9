package io.hounsfield.archive;

/**
 * Who asks the archive, and so which instances they see. Quarantined instances are seen by nobody. Readers
 * (radiologists, and DICOM peers that are reading stations) see neither images rejected for quality (IHE IOCM: kept,
 * hidden from reading) nor the images of an exam until a technologist has released it for reading; the department's
 * staff see both, to review and to analyse rejects.
 */
public enum Audience {
    STAFF(QueryLevel.VISIBLE),
    READER(QueryLevel.VISIBLE + " AND i.withheld_at IS NULL AND NOT EXISTS (SELECT 1 FROM archive_reading_hold h"
            + " WHERE h.study_instance_uid = st.study_instance_uid"
            + " OR (st.accession_number <> '' AND h.accession_number = st.accession_number))");

    private final String condition;

    Audience(String condition) {
        this.condition = condition;
    }

    /** The SQL condition on instance {@code i} of study {@code st}. */
    public String condition() {
        return condition;
    }

    /** A web user's audience by role: radiologists read, everyone else works in the department. */
    public static Audience ofRole(String role) {
        return "RADIOLOGIST".equals(role) ? READER : STAFF;
    }

    /** The level's query with this audience's condition in place of the staff's. */
    public String selectFromWhere(QueryLevel level) {
        return level.selectFromWhere().replace(QueryLevel.VISIBLE, condition);
    }
}
