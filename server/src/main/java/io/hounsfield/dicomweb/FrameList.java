package io.hounsfield.dicomweb;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.util.ArrayList;
import java.util.List;

/** The {@code {framelist}} of a Retrieve Frames request (PS3.18 §10.4.1.1.3): frame numbers from 1, comma-separated. */
final class FrameList {
    /** The most frames one request may ask for; each asked frame is held until the response is written. */
    static final int MAX_FRAMES = 1000;

    private FrameList() {
    }

    static List<Integer> parse(String list) {
        List<Integer> numbers = new ArrayList<>();
        for (String piece : list.split(",", -1)) {
            String number = piece.strip();
            if (!number.matches("[0-9]{1,9}") || Integer.parseInt(number) < 1) {
                throw new HounsfieldException(Failure.INVALID_INPUT, "the frame list is frame numbers from 1, "
                        + "separated by commas (e.g. 1,3,5), not '" + list + "'");
            }
            numbers.add(Integer.parseInt(number));
        }
        if (numbers.size() > MAX_FRAMES) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "at most " + MAX_FRAMES + " frames per request");
        }
        return numbers;
    }
}
