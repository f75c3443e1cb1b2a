package org.selfdata.demo;

/** Where Camille spends a day, and so where she sleeps. */
enum Whereabouts {
    LYON(Place.HOME),
    ANNECY(Place.ANNECY),
    GRENOBLE(Place.GRENOBLE),
    BRITTANY(Place.FAMILY),
    MARSEILLE(Place.MARSEILLE);

    private final Place bed;

    Whereabouts(Place bed) {
        this.bed = bed;
    }

    Place bed() {
        return bed;
    }
}
