package io.hounsfield.dicom.net.pdu;

import io.hounsfield.dicom.net.pdu.UserInformation.CommonExtendedNegotiation;
import io.hounsfield.dicom.net.pdu.UserInformation.ExtendedNegotiation;
import io.hounsfield.dicom.net.pdu.UserInformation.RoleSelection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Encodes a PDU with its 6-byte header to bytes (PS3.8 §9.3, big endian lengths). */
public final class PduEncoder {
    private PduEncoder() {
    }

    public static byte[] encode(Pdu pdu) {
        Buffer body = new Buffer();
        if (pdu instanceof AAssociateRq rq) {
            associate(body, rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContextName(),
                    () -> rq.presentationContexts().forEach(context -> contextRq(body, context)), rq.userInformation());
        } else if (pdu instanceof AAssociateAc ac) {
            associate(body, ac.protocolVersion(), ac.calledAeTitle(), ac.callingAeTitle(), ac.applicationContextName(),
                    () -> ac.presentationContexts().forEach(context -> contextAc(body, context)), ac.userInformation());
        } else if (pdu instanceof AAssociateRj rj) {
            body.u8(0).u8(rj.result()).u8(rj.source()).u8(rj.reason());
        } else if (pdu instanceof PDataTf data) {
            data.values().forEach(value -> body.u32(value.data().length + 2L).u8(value.presentationContextId())
                    .u8(value.messageControlHeader()).bytes(value.data()));
        } else if (pdu instanceof AAbort abort) {
            body.u8(0).u8(0).u8(abort.source()).u8(abort.reason());
        } else {
            body.u32(0);
        }
        Buffer whole = new Buffer();
        whole.u8(pdu.type()).u8(0).u32(body.size()).bytes(body.toByteArray());
        return whole.toByteArray();
    }

    private static void associate(Buffer body, int version, String called, String calling, String applicationContext,
            Runnable contexts, UserInformation userInformation) {
        body.u16(version).u16(0).bytes(aeTitle(called)).bytes(aeTitle(calling)).bytes(new byte[32]);
        item(body, 0x10, ascii(applicationContext));
        contexts.run();
        if (userInformation != null) {
            item(body, 0x50, userInformation(userInformation));
        }
    }

    private static void contextRq(Buffer body, PresentationContextRq context) {
        Buffer item = new Buffer().u8(context.id()).u8(0).u8(0).u8(0);
        item(item, 0x30, ascii(context.abstractSyntax()));
        context.transferSyntaxes().forEach(syntax -> item(item, 0x40, ascii(syntax)));
        item(body, 0x20, item.toByteArray());
    }

    private static void contextAc(Buffer body, PresentationContextAc context) {
        Buffer item = new Buffer().u8(context.id()).u8(0).u8(context.result()).u8(0);
        if (context.transferSyntax() != null) {
            item(item, 0x40, ascii(context.transferSyntax()));
        }
        item(body, 0x21, item.toByteArray());
    }

    private static byte[] userInformation(UserInformation info) {
        Buffer items = new Buffer();
        item(items, 0x51, new Buffer().u32(info.maxLength()).toByteArray());
        if (info.implementationClassUid() != null) {
            item(items, 0x52, ascii(info.implementationClassUid()));
        }
        if (info.asyncOperationsWindow() != null) {
            item(items, 0x53, new Buffer().u16(info.asyncOperationsWindow().maxOperationsInvoked())
                    .u16(info.asyncOperationsWindow().maxOperationsPerformed()).toByteArray());
        }
        for (RoleSelection role : info.roleSelections()) {
            item(items, 0x54, lengthPrefixed(new Buffer(), role.sopClassUid()).u8(role.scuRole() ? 1 : 0)
                    .u8(role.scpRole() ? 1 : 0).toByteArray());
        }
        if (info.implementationVersionName() != null) {
            item(items, 0x55, ascii(info.implementationVersionName()));
        }
        for (ExtendedNegotiation negotiation : info.extendedNegotiations()) {
            item(items, 0x56, lengthPrefixed(new Buffer(), negotiation.sopClassUid()).bytes(negotiation.information())
                    .toByteArray());
        }
        for (CommonExtendedNegotiation negotiation : info.commonExtendedNegotiations()) {
            items.u8(0x57).u8(0);
            item(items, -1, commonExtended(negotiation));
        }
        if (info.userIdentityRq() != null) {
            var identity = info.userIdentityRq();
            Buffer value = new Buffer().u8(identity.identityType()).u8(identity.positiveResponseRequested() ? 1 : 0)
                    .u16(identity.primaryField().length).bytes(identity.primaryField())
                    .u16(identity.secondaryField().length).bytes(identity.secondaryField());
            item(items, 0x58, value.toByteArray());
        }
        if (info.userIdentityAc() != null) {
            byte[] response = info.userIdentityAc().serverResponse();
            item(items, 0x59, new Buffer().u16(response.length).bytes(response).toByteArray());
        }
        return items.toByteArray();
    }

    private static byte[] commonExtended(CommonExtendedNegotiation negotiation) {
        Buffer value = new Buffer();
        lengthPrefixed(value, negotiation.sopClassUid());
        lengthPrefixed(value, negotiation.serviceClassUid());
        Buffer related = new Buffer();
        negotiation.relatedGeneralSopClassUids().forEach(uid -> lengthPrefixed(related, uid));
        value.u16(related.size()).bytes(related.toByteArray());
        return value.toByteArray();
    }

    /** Writes an item: type, reserved, 2-byte length, value; type -1 writes only length and value. */
    private static void item(Buffer target, int type, byte[] value) {
        if (type >= 0) {
            target.u8(type).u8(0);
        }
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("item longer than 65535 bytes");
        }
        target.u16(value.length).bytes(value);
    }

    private static Buffer lengthPrefixed(Buffer target, String text) {
        byte[] value = ascii(text);
        return target.u16(value.length).bytes(value);
    }

    static byte[] aeTitle(String title) {
        byte[] padded = "                ".getBytes(StandardCharsets.US_ASCII);
        byte[] value = ascii(title);
        System.arraycopy(value, 0, padded, 0, Math.min(16, value.length));
        return padded;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A growable big-endian byte buffer. */
    static final class Buffer extends ByteArrayOutputStream {
        Buffer u8(int value) {
            write(value);
            return this;
        }

        Buffer u16(int value) {
            write(value >>> 8);
            write(value);
            return this;
        }

        Buffer u32(long value) {
            return u16((int) (value >>> 16) & 0xFFFF).u16((int) value & 0xFFFF);
        }

        Buffer bytes(byte[] value) {
            write(value, 0, value.length);
            return this;
        }
    }

}
