package io.hounsfield.dicom.net.service;

import io.hounsfield.dicom.dict.Uids;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The Storage SOP Classes of the dictionary (PS3.4 §B.5): every UID keyword ending in "Storage", and the X-ray
 * classes whose keyword ends in "StorageForPresentation" or "StorageForProcessing" (DX, MG, IO, ...).
 */
public final class StorageSopClasses {
    private static final List<String> ALL = load();

    private StorageSopClasses() {
    }

    public static List<String> all() {
        return ALL;
    }

    private static List<String> load() {
        List<String> uids = new ArrayList<>();
        for (Field field : Uids.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && (field.getName().endsWith("Storage") || field.getName().contains("StorageFor"))) {
                try {
                    uids.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(uids);
    }
}
