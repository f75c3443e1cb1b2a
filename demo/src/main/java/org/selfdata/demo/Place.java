package org.selfdata.demo;

/** A place in Camille's life, with the spread of positions a phone reports around it while she is there. */
record Place(String name, double latitude, double longitude, double radiusMeters) {
    static final Place HOME = new Place("Guillotière flat", 45.75395, 4.84231, 15);
    static final Place CAMPUS = new Place("La Doua campus", 45.78075, 4.87205, 180);
    static final Place BOOKSHOP = new Place("Presqu'île bookshop", 45.76248, 4.83182, 12);
    static final Place PARK = new Place("Parc de la Tête d'Or", 45.77722, 4.85531, 250);
    static final Place FRIENDS = new Place("Croix-Rousse", 45.77430, 4.83180, 20);
    static final Place PART_DIEU = new Place("Lyon Part-Dieu station", 45.76060, 4.85930, 60);
    static final Place ANNECY = new Place("A friend's flat, Annecy old town", 45.89920, 6.12940, 20);
    static final Place GRENOBLE = new Place("A friend's flat, Grenoble", 45.18850, 5.72450, 20);
    static final Place FAMILY = new Place("Family home, Vannes", 47.65820, -2.76080, 15);
    static final Place MARSEILLE = new Place("A rented flat near the Vieux-Port, Marseille", 43.29320, 5.37410, 20);

    /** Metres per degree of latitude; a degree of longitude is this times the cosine of the latitude. */
    static final double METERS_PER_DEGREE = 111_320;
}
