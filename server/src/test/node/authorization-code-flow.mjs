// An app that uses openid-client, an OpenID-certified client, runs the authorization code flow against a selfdata server
// through the library's public API only, so that anything the server does differently from what a certified client
// expects fails the server's build.
//
// Usage: node authorization-code-flow.mjs <issuer> <client id> <redirect URI>
//
// It talks to the test that started it in lines of JSON. It writes {"authorizationUrl"} at once, then reads
// {"callback"} lines, the address the person's browser would be sent back to: a callback the library rejects is
// answered {"rejected"} and the next one is read; the first one it accepts is redeemed for tokens, the refresh token
// is used once, the person's location points are read with the new access token, {"completed"} is written, and the
// script ends. Anything unexpected is written as {"failed"} and ends it with status 1.
import * as client from 'openid-client';
import { createInterface } from 'node:readline';

const [issuer, clientId, redirectUri] = process.argv.slice(2);
const reader = createInterface({ input: process.stdin, crlfDelay: Infinity });
const lines = reader[Symbol.asyncIterator]();

function tell(message) {
    process.stdout.write(JSON.stringify(message) + '\n');
}

async function heard() {
    const { value, done } = await lines.next();
    if (done) {
        throw new Error('the test closed the conversation');
    }
    return JSON.parse(value);
}

// openid-client wraps what went wrong in an error of its own: its cause says what, in the words of oauth4webapi.
function described(error) {
    return {
        name: error.name,
        code: error.code ?? null,
        message: error.message,
        cause: error.cause instanceof Error ? error.cause.message : null,
    };
}

async function run() {
    // The test server speaks plain HTTP on the loopback interface, which the library refuses unless told otherwise; a
    // real app reaches its vault over HTTPS and never does this.
    const configuration = await client.discovery(new URL(issuer), clientId, undefined, client.None(), {
        algorithm: 'oauth2',
        execute: [client.allowInsecureRequests],
    });

    const codeVerifier = client.randomPKCECodeVerifier();
    const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
    const state = client.randomState();
    const authorizationUrl = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        state,
        authorization_details: JSON.stringify([{
            type: 'selfdata',
            actions: ['read'],
            datatypes: ['geo.point'],
            purpose: 'dpv:CommunicationManagement',
            precision: { location: 'exact' },
            covered: 'trailing:P3Y',
            retention: 'P30D',
        }]),
    });
    tell({ authorizationUrl: authorizationUrl.href, issuer: configuration.serverMetadata().issuer });

    let tokens;
    while (tokens === undefined) {
        const { callback } = await heard();
        try {
            tokens = await client.authorizationCodeGrant(configuration, new URL(callback), {
                pkceCodeVerifier: codeVerifier,
                expectedState: state,
            });
        }
        catch (error) {
            tell({ rejected: described(error) });
        }
    }

    const refreshed = await client.refreshTokenGrant(configuration, tokens.refresh_token);
    const response = await client.fetchProtectedResource(configuration, refreshed.access_token,
        new URL('/api/v1/shared/records?type=geo.point&limit=5', issuer), 'GET');
    tell({
        completed: {
            tokenType: tokens.token_type,
            accessToken: tokens.access_token,
            refreshToken: tokens.refresh_token,
            expiresIn: tokens.expiresIn() ?? null,
            grantId: tokens.grant_id ?? null,
            refreshedAccessToken: refreshed.access_token,
            refreshedRefreshToken: refreshed.refresh_token,
            resourceStatus: response.status,
            resource: await response.json(),
        },
    });
}

try {
    await run();
}
catch (error) {
    tell({ failed: described(error) });
    process.exitCode = 1;
}
finally {
    reader.close();
    process.stdin.destroy();
}
