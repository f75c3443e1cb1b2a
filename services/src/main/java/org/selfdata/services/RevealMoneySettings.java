package org.selfdata.services;

/**
 * Every parameter of what selfdata works out from a person's bank transactions, in one place.
 *
 * <p>Shops and places to eat are the payees of card payments that {@link MoneyCategory}'s table calls groceries or
 * eating out; an income is money from one payer arriving around the same day of the month, month after month, as pay
 * slips, grants and allowances do; health spending is what the same table calls health; payees that may reveal a special
 * category are found by {@link RevealSpecialCategory}'s words.
 *
 * @param minimumMonths the distinct months a shop must be paid in to be where the person shops (or eats), and a payer
 *     must credit the account in around its usual day to be an income (3)
 * @param payeesShown how many shops, and how many places to eat, are shown: the most paid (3)
 * @param dayTolerance how many days before or after its usual day of the month a credit still counts as on time (3)
 * @param minimumShare the share of the months from a payer's first credit to its last that must have one on time for it
 *     to be an income (one half); from it a confidence is medium
 * @param highShare the share from which a confidence is high (0.8)
 */
public record RevealMoneySettings(int minimumMonths, int payeesShown, int dayTolerance, double minimumShare,
        double highShare) {
    public static final RevealMoneySettings STANDARD = new RevealMoneySettings(3, 3, 3, 0.5, 0.8);

    RevealConfidence confidence(double share) {
        return RevealConfidence.of(share, minimumShare, highShare);
    }
}
