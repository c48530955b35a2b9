package io.hounsfield.workstation;

import io.hounsfield.security.Role;
import io.hounsfield.security.RoleCheck;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may do what on the board and in the exam cockpit: the one rule that the controllers'
 * {@code @PreAuthorize("@workstationAccess.may(authentication, '...')")} and the pages' buttons (through
 * {@link Granted}) both read, so a page never offers a button that leads to "access denied".
 */
@Component("workstationAccess")
class WorkstationAccess {

    /** What a role may do; a role includes the ones below it (LEAD, TECHNOLOGIST, STUDENT). */
    enum Action {
        /** See the board and open an exam: radiologists and physicists read them to decide. */
        VIEW(Role.STUDENT, Role.RADIOLOGIST, Role.PHYSICIST),
        /** Verify, screen, start, complete, discontinue, time-out, transport, print instructions. */
        PERFORM(Role.STUDENT),
        CHECK_IN(Role.TECHNOLOGIST),
        /** Lift a mismatch hold with a documented reason. */
        OVERRIDE_HOLD(Role.LEAD),
        /** Decide on a positive screen; {@link Screen} says which of these roles decides which screen. */
        DECIDE(Role.LEAD, Role.RADIOLOGIST, Role.PHYSICIST);

        private final Set<Role> roles;

        Action(Role... roles) {
            this.roles = Set.of(roles);
        }
    }

    /**
     * What the logged-in user may do, as the templates ask it ({@code ${can.perform}}, {@code ${can.decides('MRI')}}).
     *
     * @param decidedScreens the screens whose positive answers this user's role decides ({@link Screen#decidedBy})
     */
    record Granted(boolean view, boolean perform, boolean checkIn, boolean overrideHold, boolean decide,
            Set<Screen> decidedScreens) {

        public boolean decides(String screen) {
            return decide && decidedScreens.contains(Screen.valueOf(screen));
        }
    }

    private final RoleCheck roles;

    WorkstationAccess(RoleCheck roles) {
        this.roles = roles;
    }

    /** Called by {@code @PreAuthorize}; an unknown action name fails, which denies. */
    public boolean may(Authentication user, String action) {
        return may(user, Action.valueOf(action));
    }

    boolean may(Authentication user, Action action) {
        return roles.holdsAny(user, action.roles);
    }

    Granted granted(Authentication user) {
        String role = RoleCheck.roleOf(user).map(Role::name).orElse("");
        Set<Screen> decided = EnumSet.noneOf(Screen.class);
        Arrays.stream(Screen.values()).filter(screen -> screen.decidedBy(role)).forEach(decided::add);
        return new Granted(may(user, Action.VIEW), may(user, Action.PERFORM), may(user, Action.CHECK_IN),
                may(user, Action.OVERRIDE_HOLD), may(user, Action.DECIDE), decided);
    }
}
