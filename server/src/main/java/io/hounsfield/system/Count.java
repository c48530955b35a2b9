package io.hounsfield.system;

/** A number with its noun in the right form, for messages staff read ("1 image", "3 images", never "1 images"). */
public final class Count {

    private Count() {}

    public static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
