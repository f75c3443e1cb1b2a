package org.selfdata.services;

import static java.util.Objects.requireNonNull;

/**
 * A town or area the person's stays fall in.
 *
 * @param name the area's name in the gate's geography: a commune when the gate knows communes, otherwise a
 *     département (or a country outside France); through a recipient's lens of named areas, those areas
 * @param days the distinct days, in the person's zone, with a stay (or a position, for named areas) in it
 */
public record RevealedTown(String name, int days) {
    public RevealedTown {
        requireNonNull(name, "name is null");
    }
}
