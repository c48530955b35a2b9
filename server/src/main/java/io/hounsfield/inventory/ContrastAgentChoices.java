package io.hounsfield.inventory;

import java.util.Map;

/**
 * The contrast agents a contrast-medium item can be, by code, with their names in words (implemented by the contrast
 * feature, which depends on this one): each contrast item names its agent, so that the agent's rules (class, ACR
 * group) apply when it is given.
 */
public interface ContrastAgentChoices {

    /** Agent code to its name, e.g. "Iohexol 350 (Omnipaque 350)", in the order to offer them. */
    Map<String, String> contrastAgents();
}
