package io.hounsfield.archive.query;

import io.hounsfield.archive.QueryLevel;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import java.sql.Date;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * A C-FIND match (PS3.4 §C.4.1.1.3.1): every key of the identifier, with its value where the archive knows it and
 * zero length where it does not; text in UTF-8 (Specific Character Set ISO_IR 192), which the SCP re-encodes in the
 * request's character set where the values fit ({@link io.hounsfield.dicom.data.AnswerCharacterSet}).
 */
final class QueryResponses {
    private QueryResponses() {
    }

    static Attributes match(QueryLevel level, Attributes keys, Map<String, Object> row) {
        Attributes match = new Attributes();
        match.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        match.setString(Tags.QueryRetrieveLevel, VR.CS, level.name());
        for (int index = 0; index < keys.size(); index++) {
            int tag = keys.tagAt(index);
            if (tag == Tags.QueryRetrieveLevel || tag == Tags.SpecificCharacterSet || keys.vrAt(index) == VR.SQ) {
                continue;
            }
            QueryKey key = QueryKey.BY_TAG.get(tag);
            Object value = key == null || !level.answers(key) ? null : row.get(key.alias());
            String text = format(value);
            if (text == null || text.isEmpty()) {
                match.setValue(tag, keys.vrAt(index), null);
            } else if (key.vr().kind() == VR.Kind.INTEGER) {
                match.setInts(tag, key.vr(), Long.parseLong(text));
            } else if (key.vr() == VR.CS && text.contains("\\")) {
                match.setString(tag, key.vr(), text.split("\\\\"));
            } else {
                match.setString(tag, key.vr(), text);
            }
        }
        return match;
    }

    private static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        }
        if (value instanceof java.time.LocalDate date) {
            return date.format(DateTimeFormatter.BASIC_ISO_DATE);
        }
        return value.toString();
    }
}
