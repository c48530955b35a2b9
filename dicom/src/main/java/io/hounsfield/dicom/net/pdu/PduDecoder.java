package io.hounsfield.dicom.net.pdu;

import io.hounsfield.dicom.net.pdu.UserInformation.AsyncOperationsWindow;
import io.hounsfield.dicom.net.pdu.UserInformation.CommonExtendedNegotiation;
import io.hounsfield.dicom.net.pdu.UserInformation.ExtendedNegotiation;
import io.hounsfield.dicom.net.pdu.UserInformation.RoleSelection;
import io.hounsfield.dicom.net.pdu.UserInformation.UserIdentityAc;
import io.hounsfield.dicom.net.pdu.UserInformation.UserIdentityRq;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the variable field of a PDU (PS3.8 §9.3) whose header was already read. Every length is checked against
 * the bytes that remain before anything is allocated; anything malformed raises {@link PduFormatException}.
 * Unknown user information sub-items are skipped (PS3.7 §D.3.3).
 */
public final class PduDecoder {
    private final byte[] body;
    private int position;
    private int end;

    private PduDecoder(byte[] body) {
        this.body = body;
        this.end = body.length;
    }

    /** Decodes a PDU of {@code type} from its whole variable field. */
    public static Pdu decode(int type, byte[] body) throws PduFormatException {
        return new PduDecoder(body).pdu(type);
    }

    private Pdu pdu(int type) throws PduFormatException {
        return switch (type) {
            case Pdu.A_ASSOCIATE_RQ, Pdu.A_ASSOCIATE_AC -> associate(type);
            case Pdu.A_ASSOCIATE_RJ -> {
                need(4);
                position++;
                yield new AAssociateRj(u8(), u8(), u8());
            }
            case Pdu.P_DATA_TF -> pData();
            case Pdu.A_RELEASE_RQ -> {
                need(4);
                yield new AReleaseRq();
            }
            case Pdu.A_RELEASE_RP -> {
                need(4);
                yield new AReleaseRp();
            }
            case Pdu.A_ABORT -> {
                need(4);
                position += 2;
                yield new AAbort(u8(), u8());
            }
            default -> throw new PduFormatException("unrecognized PDU type " + type, AAbort.REASON_UNRECOGNIZED_PDU);
        };
    }

    private PDataTf pData() throws PduFormatException {
        List<PresentationDataValue> values = new ArrayList<>();
        while (position < end) {
            long length = u32();
            if (length < 2 || length > end - position) {
                throw invalid("PDV item length " + length + " outside the PDU");
            }
            int contextId = u8();
            int header = u8();
            if ((header & 0xFC) != 0) {
                throw invalid("reserved bits set in message control header " + header);
            }
            values.add(new PresentationDataValue(contextId, header, bytes((int) length - 2)));
        }
        if (values.isEmpty()) {
            throw invalid("P-DATA-TF without presentation data value");
        }
        return new PDataTf(values);
    }

    private Pdu associate(int type) throws PduFormatException {
        need(68);
        int version = u16();
        position += 2;
        String called = ascii(16).strip();
        String calling = ascii(16).strip();
        position += 32;
        String applicationContext = null;
        List<PresentationContextRq> requested = new ArrayList<>();
        List<PresentationContextAc> results = new ArrayList<>();
        UserInformation userInformation = null;
        while (position < end) {
            int itemType = u8();
            position++;
            int length = u16();
            int itemEnd = itemEnd(length);
            switch (itemType) {
                case 0x10 -> applicationContext = uid(length);
                case 0x20 -> requested.add(contextRq(itemEnd));
                case 0x21 -> results.add(contextAc(itemEnd));
                case 0x50 -> userInformation = userInformation(itemEnd);
                default -> throw new PduFormatException("unexpected item type " + itemType,
                        AAbort.REASON_UNEXPECTED_PDU_PARAMETER);
            }
            position = itemEnd;
        }
        if (applicationContext == null) {
            throw invalid("no application context item");
        }
        if (type == Pdu.A_ASSOCIATE_RQ) {
            return new AAssociateRq(version, called, calling, applicationContext, requested, userInformation);
        }
        return new AAssociateAc(version, called, calling, applicationContext, results, userInformation);
    }

    private PresentationContextRq contextRq(int itemEnd) throws PduFormatException {
        need(4);
        int id = u8();
        position += 3;
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (position < itemEnd) {
            int subType = u8();
            position++;
            int length = u16();
            int subEnd = itemEnd(length);
            if (subEnd > itemEnd) {
                throw invalid("sub-item overruns its presentation context");
            }
            if (subType == 0x30) {
                abstractSyntax = uid(length);
            } else if (subType == 0x40) {
                transferSyntaxes.add(uid(length));
            } else {
                throw new PduFormatException("unexpected sub-item " + subType, AAbort.REASON_UNEXPECTED_PDU_PARAMETER);
            }
            position = subEnd;
        }
        if (abstractSyntax == null || transferSyntaxes.isEmpty()) {
            throw invalid("presentation context " + id + " lacks abstract or transfer syntax");
        }
        return new PresentationContextRq(id, abstractSyntax, transferSyntaxes);
    }

    private PresentationContextAc contextAc(int itemEnd) throws PduFormatException {
        need(4);
        int id = u8();
        position++;
        int result = u8();
        position++;
        String transferSyntax = null;
        while (position < itemEnd) {
            int subType = u8();
            position++;
            int length = u16();
            int subEnd = itemEnd(length);
            if (subEnd > itemEnd) {
                throw invalid("sub-item overruns its presentation context");
            }
            if (subType == 0x40) {
                transferSyntax = uid(length);
            }
            position = subEnd;
        }
        return new PresentationContextAc(id, result, transferSyntax);
    }

    private UserInformation userInformation(int itemEnd) throws PduFormatException {
        long maxLength = 0;
        String classUid = null;
        String versionName = null;
        AsyncOperationsWindow window = null;
        List<RoleSelection> roles = new ArrayList<>();
        List<ExtendedNegotiation> extended = new ArrayList<>();
        List<CommonExtendedNegotiation> common = new ArrayList<>();
        UserIdentityRq identityRq = null;
        UserIdentityAc identityAc = null;
        int outerEnd = end;
        while (position < itemEnd) {
            int subType = u8();
            position++;
            int length = u16();
            int subEnd = itemEnd(length);
            if (subEnd > itemEnd) {
                throw invalid("sub-item overruns the user information");
            }
            end = subEnd;
            switch (subType) {
                case 0x51 -> maxLength = u32();
                case 0x52 -> classUid = uid(length);
                case 0x53 -> window = new AsyncOperationsWindow(u16(), u16());
                case 0x54 -> roles.add(new RoleSelection(uid(u16()), u8() != 0, u8() != 0));
                case 0x55 -> versionName = ascii(length).strip();
                case 0x56 -> extended.add(new ExtendedNegotiation(uid(u16()), bytes(subEnd - position)));
                case 0x57 -> common.add(commonExtended());
                case 0x58 -> identityRq = new UserIdentityRq(u8(), u8() != 0, bytes(u16()), bytes(u16()));
                case 0x59 -> identityAc = new UserIdentityAc(bytes(u16()));
                default -> { }
            }
            end = outerEnd;
            position = subEnd;
        }
        return new UserInformation(maxLength, classUid, versionName, window, roles, extended, common, identityRq,
                identityAc);
    }

    private CommonExtendedNegotiation commonExtended() throws PduFormatException {
        String sopClassUid = uid(u16());
        String serviceClassUid = uid(u16());
        int relatedEnd = itemEnd(u16());
        List<String> related = new ArrayList<>();
        while (position < relatedEnd) {
            related.add(uid(u16()));
        }
        return new CommonExtendedNegotiation(sopClassUid, serviceClassUid, related);
    }

    private int itemEnd(int length) throws PduFormatException {
        need(length);
        return position + length;
    }

    private void need(int count) throws PduFormatException {
        if (count < 0 || count > end - position) {
            throw invalid("item of " + count + " bytes overruns the PDU at offset " + position);
        }
    }

    private static PduFormatException invalid(String message) {
        return new PduFormatException(message, AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
    }

    private int u8() throws PduFormatException {
        need(1);
        return body[position++] & 0xFF;
    }

    private int u16() throws PduFormatException {
        need(2);
        int value = ((body[position] & 0xFF) << 8) | (body[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    private long u32() throws PduFormatException {
        need(4);
        return ((long) u16() << 16) | u16();
    }

    private byte[] bytes(int count) throws PduFormatException {
        need(count);
        byte[] value = new byte[count];
        System.arraycopy(body, position, value, 0, count);
        position += count;
        return value;
    }

    private String ascii(int count) throws PduFormatException {
        return new String(bytes(count), StandardCharsets.US_ASCII);
    }

    /** A UID, without the trailing NUL or space padding some implementations add. */
    private String uid(int count) throws PduFormatException {
        String text = ascii(count);
        int length = text.length();
        while (length > 0 && (text.charAt(length - 1) == 0 || text.charAt(length - 1) == ' ')) {
            length--;
        }
        return text.substring(0, length);
    }
}
