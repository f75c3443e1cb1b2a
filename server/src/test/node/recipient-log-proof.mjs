// A recipient checks the entries of its grant on a person's log with software nobody at selfdata wrote: the vault's
// signed head with jose (the JWS and the key set), and each entry's inclusion with Sigstore's verifier of RFC 6962
// Merkle inclusion proofs, the one that checks Rekor's transparency log.
//
//   node recipient-log-proof.mjs <server url> <access token>
//
// Prints one line of JSON: {"verified":[indexes],"treeSize":n,"tamperedRefused":true} or {"error":"..."}.
import * as jose from 'jose';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);
const { verifyMerkleInclusion } = require('@sigstore/verify/dist/tlog/merkle.js');

const [server, token] = process.argv.slice(2);
const base = server.endsWith('/') ? server : server + '/';

async function get(path, bearer) {
    const response = await fetch(new URL(path, base), { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
    if (!response.ok) {
        throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    }
    return response.json();
}

function bytes(base64url) {
    return Buffer.from(base64url, 'base64url');
}

async function main() {
    const keys = jose.createLocalJWKSet(await get('.well-known/jwks.json'));
    const page = await get('api/v1/shared/log?limit=1000', token);
    if (page.entries.length === 0) {
        throw new Error('the grant has no entry on the log');
    }
    const verified = [];
    let treeSize = 0;
    let tamperedRefused = false;
    for (const entry of page.entries) {
        const proof = await get(`api/v1/shared/log/proofs/inclusion?index=${entry.index}`, token);
        const head = await get(`api/v1/shared/log/head?size=${proof.treeSize}`, token);
        const { payload, protectedHeader } = await jose.compactVerify(head.signedHead, keys, { algorithms: ['ES256'] });
        if (protectedHeader.typ !== 'selfdata-tree-head') {
            throw new Error(`the head's typ is ${protectedHeader.typ}`);
        }
        const signed = JSON.parse(new TextDecoder().decode(payload));
        if (signed.size !== proof.treeSize) {
            throw new Error(`the head signs ${signed.size} entries, the proof is for ${proof.treeSize}`);
        }
        const leaf = bytes(proof.leaf);
        if (!isDeepStrictEqual(JSON.parse(leaf.toString('utf8')), entry)) {
            throw new Error(`the proof's leaf is not entry ${entry.index} as listed`);
        }
        const checkpoint = { logSize: String(signed.size), logHash: bytes(signed.root) };
        const inclusion = { logIndex: String(entry.index), hashes: proof.path.map(bytes) };
        verifyMerkleInclusion({ inclusionProof: inclusion, canonicalizedBody: leaf }, checkpoint);
        verified.push(entry.index);
        treeSize = Math.max(treeSize, signed.size);
        const tampered = Buffer.from(leaf);
        tampered[tampered.length - 2] ^= 1;
        try {
            verifyMerkleInclusion({ inclusionProof: inclusion, canonicalizedBody: tampered }, checkpoint);
        } catch (refusal) {
            tamperedRefused = true;
        }
        if (!tamperedRefused) {
            throw new Error(`a changed byte in entry ${entry.index} still verified`);
        }
    }
    return { verified, treeSize, tamperedRefused };
}

main().then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
        console.log(JSON.stringify({ error: String(error && error.message ? error.message : error) }));
        process.exitCode = 1;
    },
);
