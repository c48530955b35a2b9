package io.hounsfield.web;

import java.util.List;

/**
 * What a person should see when they arrive at their start page (their role's {@link LandingPage}), such as a card or
 * licence about to lapse. Features declare implementations as beans; the layout shows the notices above the page.
 */
public interface StartPageNotices {

    /**
     * The notices for this user, the most urgent first; empty when there is nothing to say.
     *
     * @param role the user's role name, without {@code ROLE_}
     */
    List<Notice> forUser(String username, String role);

    /**
     * @param urgent shown as a warning rather than as information
     * @param text a sentence in plain language
     * @param path where to read more or act, or {@code null}
     */
    record Notice(boolean urgent, String text, String path) {}
}
