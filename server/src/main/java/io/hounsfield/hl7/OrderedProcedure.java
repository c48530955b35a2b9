package io.hounsfield.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.util.Terser;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.catalog.UnknownProcedureException;
import io.hounsfield.exam.Laterality;
import io.hounsfield.system.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which catalog procedure, and which side, an order asks for. The procedure is OBR-4 component 1 (identifier,
 * coding system in component 3) if the catalog has it, else component 4 (the alternate identifier, coding system
 * in component 6): feeds that send CPT first and the local code as the alternate are understood. The side is read
 * from the fields listed in {@code hounsfield.hl7.laterality-from}, first found wins (default {@code
 * OBR-46,OBR-15,OBR-4}): OBR-46 placer supplemental service information (v2.5), OBR-15 specimen source's site
 * modifier or source name (v2.3, e.g. {@code ^^^^L} or {@code LEFT}), and a side modifier on the OBR-4 code (e.g.
 * {@code XRKNEE-LT}, {@code 73560-RT}).
 */
@Component
class OrderedProcedure {

    /** A code with a side modifier: XRKNEE-L, XRKNEE_LT, 73560-RT, MGBREAST-BILAT. */
    private static final Pattern SIDE_MODIFIER = Pattern.compile("(.+?)[-_ ](L|LT|LEFT|R|RT|RIGHT|B|BI|BIL|BILAT|BOTH|50)",
            Pattern.CASE_INSENSITIVE);

    /** The procedure code in the catalog and the side, null when the order says none. */
    record Requested(String procedureCode, Laterality laterality) {}

    private final ProcedureCatalog catalog;
    private final List<String> lateralitySources;

    OrderedProcedure(ProcedureCatalog catalog,
            @Value("${hounsfield.hl7.laterality-from:OBR-46,OBR-15,OBR-4}") List<String> lateralitySources) {
        this.catalog = catalog;
        this.lateralitySources = lateralitySources.stream().map(source -> source.strip().toUpperCase(Locale.ROOT))
                .toList();
    }

    Requested read(Terser message) throws HL7Exception {
        List<String> codes = new ArrayList<>();
        for (String path : List.of("/.OBR-4-1", "/.OBR-4-4")) {
            String code = Hl7Fields.first(message, path);
            if (code != null) {
                codes.add(code);
            }
        }
        if (codes.isEmpty()) {
            HL7Exception missing = new Hl7Refusal(Failure.MISSING_VALUE,
                    "OBR-4 (universal service identifier) is required");
            missing.setLocation(new Location().withSegmentName("OBR").withSegmentRepetition(1).withField(4));
            throw missing;
        }
        for (String code : codes) {
            if (catalog.find(code).isPresent()) {
                return new Requested(code, laterality(message, null));
            }
        }
        for (String code : codes) {
            Matcher modifier = SIDE_MODIFIER.matcher(code);
            if (lateralitySources.contains("OBR-4") && modifier.matches() && catalog.find(modifier.group(1)).isPresent()) {
                return new Requested(modifier.group(1), laterality(message, side(modifier.group(2))));
            }
        }
        throw new UnknownProcedureException(String.join("' or '", codes));
    }

    private Laterality laterality(Terser message, Laterality fromCode) throws HL7Exception {
        for (String source : lateralitySources) {
            Laterality side = switch (source) {
                case "OBR-46" -> Hl7Fields.first(message, "/.OBR-46-1") == null ? null
                        : parse(Hl7Fields.first(message, "/.OBR-46-1"), "OBR-46");
                case "OBR-15" -> specimenSourceSide(message);
                case "OBR-4" -> fromCode;
                default -> null;
            };
            if (side != null) {
                return side;
            }
        }
        return null;
    }

    /** OBR-15 (SPS, v2.3): the site modifier (component 5) or a side written as the source itself (component 1). */
    private static Laterality specimenSourceSide(Terser message) {
        for (String path : List.of("/.OBR-15-5-1", "/.OBR-15-5-2", "/.OBR-15-1-1", "/.OBR-15-1-2")) {
            String value = Hl7Fields.first(message, path);
            if (value != null) {
                try {
                    return Laterality.parse(value);
                } catch (IllegalArgumentException notASide) {
                    // a specimen source that is not a side: look further
                }
            }
        }
        return null;
    }

    private static Laterality parse(String value, String field) throws HL7Exception {
        try {
            return Laterality.parse(value);
        } catch (IllegalArgumentException unknown) {
            throw new Hl7Refusal(Failure.INVALID_INPUT, field + " is not a side (L, R or B): '" + value + "'");
        }
    }

    private static Laterality side(String modifier) {
        return switch (modifier.toUpperCase(Locale.ROOT)) {
            case "L", "LT", "LEFT" -> Laterality.L;
            case "R", "RT", "RIGHT" -> Laterality.R;
            default -> Laterality.B;
        };
    }
}
