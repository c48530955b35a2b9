package io.hounsfield.dicom.data;

import java.util.Set;

/**
 * The character set of a query answer (C-FIND, worklist): the one the request was in where every text value of the
 * answer fits it, else the answer as built, normally UTF-8 (PS3.5 §6.1.2.5.3: a responder should answer in the
 * character set of the request, and may use another, named in the answer, where the values need it).
 */
public final class AnswerCharacterSet {
    /** The VRs whose values the Specific Character Set governs (PS3.5 §6.1.2.3); the others are default repertoire. */
    private static final Set<VR> TEXT = Set.of(VR.SH, VR.LO, VR.ST, VR.LT, VR.UT, VR.PN, VR.UC);

    private AnswerCharacterSet() {
    }

    /**
     * {@code answer}, re-encoded in the Specific Character Set of {@code request} if the request names one and every
     * text value fits it; otherwise {@code answer} itself.
     */
    public static Attributes forRequest(Attributes request, Attributes answer) {
        String[] terms = request.getStrings(Tag.SPECIFIC_CHARACTER_SET);
        if (terms.length == 0 || String.join("", terms).isBlank()) {
            return answer;
        }
        SpecificCharacterSet target = SpecificCharacterSet.of(terms);
        if (target.usesCodeExtensions() || target == SpecificCharacterSet.DEFAULT
                || target.terms()[0].equals("ISO_IR 6")
                || target.toString().equals(answer.specificCharacterSet().toString()) || !fits(answer, target)) {
            return answer;
        }
        Attributes converted = new Attributes();
        converted.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, target.terms());
        copy(answer, converted);
        return converted;
    }

    private static boolean fits(Attributes source, SpecificCharacterSet target) {
        for (int index = 0; index < source.size(); index++) {
            VR vr = source.vrAt(index);
            if (vr == VR.SQ && source.valueAt(index) instanceof Sequence sequence) {
                for (Attributes item : sequence) {
                    if (!fits(item, target)) {
                        return false;
                    }
                }
            } else if (TEXT.contains(vr)) {
                for (String value : source.getStrings(source.tagAt(index))) {
                    if (!target.canEncode(value)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static void copy(Attributes source, Attributes target) {
        for (int index = 0; index < source.size(); index++) {
            int tag = source.tagAt(index);
            VR vr = source.vrAt(index);
            Object value = source.valueAt(index);
            if (tag == Tag.SPECIFIC_CHARACTER_SET) {
                continue;
            }
            if (vr == VR.SQ && value instanceof Sequence sequence) {
                Sequence copied = target.newSequence(tag);
                for (Attributes item : sequence) {
                    copy(item, copied.addItem());
                }
            } else if (TEXT.contains(vr) && value instanceof byte[] bytes && bytes.length > 0) {
                target.setString(tag, vr, source.getStrings(tag));
            } else {
                target.setValue(tag, vr, value);
            }
        }
    }
}
