package org.selfdata.vault;

import org.selfdata.testing.SteppingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.GrantId;
import org.selfdata.model.Person;
import org.selfdata.model.RecipientId;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthTokensTest {
    private static final RecipientId APP = RecipientId.of("regional-alerts");
    private static final RecipientId OTHER_APP = RecipientId.of("another-app");
    private static final GrantId GRANT = GrantId.of("grant-0001");
    private static final String FAMILY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path folder;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-24T08:00:00Z"));
    private Vault vault;
    private OAuthTokens tokens;
    private OAuthTokens.Binding binding;

    @BeforeEach
    void createVault() {
        vault = TestVaults.create(Engine.SQLITE, folder, clock);
        Person camille = TestVaults.camille(vault);
        tokens = vault.oauthTokens();
        binding = new OAuthTokens.Binding(camille.id(), GRANT, APP);
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    @Test
    void aCodeIsRedeemedOnceWithItsChallengeAndRedirect() {
        String code = tokens.issueCode(binding, "challenge", "https://alerts.example/back", MINUTE);

        OAuthTokens.Redemption redemption = tokens.redeemCode(code, APP).orElseThrow();

        assertThat(redemption.binding()).isEqualTo(binding);
        assertThat(redemption.codeChallenge()).isEqualTo("challenge");
        assertThat(redemption.redirectUri()).isEqualTo("https://alerts.example/back");
        assertThat(tokens.redeemCode(code, APP)).isEmpty();
    }

    @Test
    void aCodeRedeemedTwiceRevokesTheTokensIssuedFromIt() {
        String code = tokens.issueCode(binding, "challenge", "https://alerts.example/back", MINUTE);
        OAuthTokens.Redemption redemption = tokens.redeemCode(code, APP).orElseThrow();
        OAuthTokens.TokenPair pair = tokens.issueTokens(binding, redemption.family(), HOUR, Duration.ofDays(30));
        assertThat(tokens.findAccess(pair.accessToken())).contains(binding);

        assertThat(tokens.redeemCode(code, APP)).isEmpty();

        assertThat(tokens.findAccess(pair.accessToken())).isEmpty();
    }

    @Test
    void anotherRecipientCannotRedeemTheCode() {
        String code = tokens.issueCode(binding, "challenge", "https://alerts.example/back", MINUTE);

        assertThat(tokens.redeemCode(code, OTHER_APP)).isEmpty();
    }

    @Test
    void anExpiredCodeRedeemsNothing() {
        String code = tokens.issueCode(binding, "challenge", "https://alerts.example/back", MINUTE);
        clock.advance(Duration.ofSeconds(61));

        assertThat(tokens.redeemCode(code, APP)).isEmpty();
    }

    @Test
    void accessTokensExpire() {
        String access = tokens.issueAccessToken(binding, HOUR);
        clock.advance(Duration.ofMinutes(59));
        assertThat(tokens.findAccess(access)).contains(binding);

        clock.advance(Duration.ofMinutes(1));

        assertThat(tokens.findAccess(access)).isEmpty();
    }

    @Test
    void aRefreshTokenIsSpentOnceAndASpentOneRevokesItsFamily() {
        OAuthTokens.TokenPair first = tokens.issueTokens(binding, FAMILY, HOUR, Duration.ofDays(30));

        OAuthTokens.Redemption spent = tokens.spendRefreshToken(first.refreshToken(), APP).orElseThrow();
        OAuthTokens.TokenPair second = tokens.issueTokens(spent.binding(), spent.family(), HOUR, Duration.ofDays(30));

        assertThat(spent.binding()).isEqualTo(binding);
        assertThat(spent.family()).isEqualTo(FAMILY);
        assertThat(tokens.findAccess(second.accessToken())).contains(binding);
        assertThat(tokens.spendRefreshToken(first.refreshToken(), APP)).isEmpty();
        assertThat(tokens.findAccess(second.accessToken())).isEmpty();
        assertThat(tokens.spendRefreshToken(second.refreshToken(), APP)).isEmpty();
    }

    @Test
    void anotherRecipientCannotSpendTheRefreshToken() {
        OAuthTokens.TokenPair pair = tokens.issueTokens(binding, FAMILY, HOUR, Duration.ofDays(30));

        assertThat(tokens.spendRefreshToken(pair.refreshToken(), OTHER_APP)).isEmpty();
        assertThat(tokens.spendRefreshToken(pair.refreshToken(), APP)).isPresent();
    }

    @Test
    void revokingARefreshTokenRevokesItsFamilyAndNoOtherAuthorization() {
        OAuthTokens.TokenPair first = tokens.issueTokens(binding, FAMILY, HOUR, Duration.ofDays(30));
        OAuthTokens.Redemption spent = tokens.spendRefreshToken(first.refreshToken(), APP).orElseThrow();
        OAuthTokens.TokenPair second = tokens.issueTokens(spent.binding(), spent.family(), HOUR, Duration.ofDays(30));
        String elsewhere = tokens.issueAccessToken(binding, HOUR);

        tokens.revoke(second.refreshToken(), APP);

        assertThat(tokens.findAccess(first.accessToken())).isEmpty();
        assertThat(tokens.findAccess(second.accessToken())).isEmpty();
        assertThat(tokens.spendRefreshToken(second.refreshToken(), APP)).isEmpty();
        assertThat(tokens.findAccess(elsewhere)).as("issued from another authorization").contains(binding);
    }

    @Test
    void revokingAnAccessTokenLeavesItsRefreshTokenAndAnotherRecipientRevokesNothing() {
        OAuthTokens.TokenPair pair = tokens.issueTokens(binding, FAMILY, HOUR, Duration.ofDays(30));

        tokens.revoke(pair.accessToken(), OTHER_APP);
        tokens.revoke(pair.refreshToken(), OTHER_APP);
        assertThat(tokens.findAccess(pair.accessToken())).contains(binding);
        tokens.revoke(pair.accessToken(), APP);

        assertThat(tokens.findAccess(pair.accessToken())).isEmpty();
        assertThat(tokens.spendRefreshToken(pair.refreshToken(), APP)).isPresent();
    }

    @Test
    void aPushTokenIsKnownAsOneThatPushesOnlyAndEndsWithItsGrantOrWhenRevoked() {
        String push = tokens.issuePushToken(binding, HOUR);
        String access = tokens.issueAccessToken(binding, HOUR);

        assertThat(tokens.findBearer(push)).contains(new OAuthTokens.Bearer(binding, true));
        assertThat(tokens.findBearer(access)).contains(new OAuthTokens.Bearer(binding, false));
        assertThat(tokens.findAccess(push)).as("not a token that reads").isEmpty();
        tokens.revoke(push, OTHER_APP);
        assertThat(tokens.findBearer(push)).isPresent();
        tokens.revoke(push, APP);
        assertThat(tokens.findBearer(push)).isEmpty();
        String another = tokens.issuePushToken(binding, HOUR);
        tokens.revokeGrant(binding.person(), GRANT);
        assertThat(tokens.findBearer(another)).isEmpty();
    }

    @Test
    void revokingAGrantKillsEveryTokenBoundToIt() {
        String access = tokens.issueAccessToken(binding, HOUR);
        OAuthTokens.TokenPair pair = tokens.issueTokens(binding, FAMILY, HOUR,
                Duration.ofDays(30));

        assertThat(tokens.revokeGrant(binding.person(), GRANT)).isEqualTo(3);

        assertThat(tokens.findAccess(access)).isEmpty();
        assertThat(tokens.spendRefreshToken(pair.refreshToken(), APP)).isEmpty();
    }

    @Test
    void aRecipientSecretIsCheckedAndReplaced() {
        String first = tokens.newRecipientSecret(binding.person(), APP);
        assertThat(tokens.isRecipientSecret(APP, first)).isTrue();
        assertThat(tokens.isRecipientSecret(OTHER_APP, first)).isFalse();
        assertThat(tokens.isRecipientSecret(APP, first + "x")).isFalse();

        String second = tokens.newRecipientSecret(binding.person(), APP);

        assertThat(tokens.isRecipientSecret(APP, first)).isFalse();
        assertThat(tokens.isRecipientSecret(APP, second)).isTrue();
    }
}
