package io.closeloop.workers.connector;

/**
 * A vendor Closeloop speaks, under the one name it goes by everywhere in Closeloop (its
 * configuration keys, its webhook's URL, the system of its tickets and runs) and the name
 * people know it by.
 *
 * @param name e.g. {@code datto}: {@code closeloop.rmm.datto},
 * {@code /api/webhooks/datto}
 * @param displayName e.g. {@code Datto RMM}, in messages and notes
 */
public record Vendor(String name, String displayName) {

}
