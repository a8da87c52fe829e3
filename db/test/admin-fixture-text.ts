/** A sentence only reflections carry: no admin page or export may ever show it. */
export const PRIVATE_SENTENCE = "My sponsor Juniper taught me to count the blue herons at dawn.";
