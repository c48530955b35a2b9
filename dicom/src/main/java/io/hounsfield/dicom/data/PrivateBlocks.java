package io.hounsfield.dicom.data;

/** Private Creator reservation and lookup of private element blocks (PS3.5 §7.8.1). */
final class PrivateBlocks {
    private PrivateBlocks() {
    }

    static int tag(Attributes attributes, int group, String creator, int offset, boolean reserve) {
        if ((group & 1) == 0 || group <= 0x0008 || offset < 0 || offset > 0xFF) {
            throw new IllegalArgumentException("private tags need an odd group above 0008 and an offset 00-FF");
        }
        int free = -1;
        for (int block = 0x10; block <= 0xFF; block++) {
            int creatorTag = Tag.of(group, block);
            String reserved = attributes.getString(creatorTag);
            if (reserved == null && !attributes.contains(creatorTag)) {
                free = free < 0 ? block : free;
            } else if (creator.strip().equals(reserved)) {
                return Tag.of(group, (block << 8) | offset);
            }
        }
        if (!reserve || free < 0) {
            return -1;
        }
        attributes.setString(Tag.of(group, free), VR.LO, creator);
        return Tag.of(group, (free << 8) | offset);
    }
}
