#!/usr/bin/env node
// Checks a selfdata evidence pack with Node.js alone (version 18 or later), without trusting selfdata:
//   node verify-evidence-pack.mjs evidence-pack.zip    (or the folder the pack was unzipped into;
//                                                       with no argument, the folder this script is in)
// It checks that every file matches the manifest, that the signed tree head verifies with the public key (ES256),
// that each log entry is included in the tree of that head (RFC 9162 §2.1.3.2, hashes of RFC 6962 §2.1), that each
// document's SHA-256 is the one the timeline gives, and that every digest a log entry names is a document of its step.
// A document the timeline marks withheld (the person's identity document, or the message that carried it) is not in
// the pack: its SHA-256 must be one its step's log entry names, which proves what was sent to whoever holds it.
// It prints what it checked and exits with 1 when anything does not verify, 2 when the pack cannot be read.

import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const MESSAGES = {
  en: {
    unreadable: (what, reason) => `cannot read ${what}: ${reason}`,
    notInPack: (path) => `${path}: the pack does not hold this file`,
    manifestDigest: (path) => `${path}: its SHA-256 is not the one in the manifest`,
    manifestMissing: (path) => `${path}: listed in the manifest but not in the pack`,
    manifestUnlisted: (path) => `${path}: in the pack but not in the manifest`,
    manifestOk: (count) => `${count} files match the manifest (manifest.sha256)`,
    headAlgorithm: (alg) => `log/head.json: the head is signed with ${alg}, not ES256`,
    headKey: () => 'log/head.json: the head names another key than log/public-key.jwk',
    headSignature: () => 'log/head.json: the signature of the head does not verify with log/public-key.jwk',
    headClaims: () => 'log/head.json: the signed head does not say this tree size and root',
    headOk: (size, root) => `the signed tree head verifies with log/public-key.jwk (ES256): ${size} ${size === 1 ? 'entry' : 'entries'}, root ${root}`,
    entryIndex: (path, index) => `${path}: the entry does not say it is entry ${index}`,
    entryNoProof: (path) => `${path}: the pack holds no inclusion proof for this entry`,
    proofLeaf: (path) => `${path}: the entry's leaf hash is not the one its proof starts from`,
    proofSize: (path) => `${path}: the proof is not against the signed head's tree size`,
    proofRoot: (path) => `${path}: the audit path does not lead to the signed root`,
    proofOk: (index) => `log entry ${index} is included in the signed tree`,
    stepEntry: (step, index) => `timeline step ${step}: the pack holds no log entry ${index}`,
    documentDigest: (path) => `${path}: its SHA-256 is not the one the timeline gives`,
    documentNotNamed: (path, index) => `${path}: log entry ${index} does not name its SHA-256`,
    digestUnheld: (index, digest) => `log entry ${index} names a document the pack does not hold (SHA-256 ${digest})`,
    documentNamed: (path, index) => `${path}: its SHA-256 is named by log entry ${index}`,
    documentUnnamed: (path, index) => `${path}: matches the manifest and the timeline; log entry ${index} names no document digests`,
    withheldNamed: (name, index) => `${name}: withheld from the pack (an identity document, or the message that carried it); log entry ${index} names its SHA-256`,
    withheldNotNamed: (name, index) => `${name}: withheld from the pack, and log entry ${index} does not name its SHA-256`,
    verified: () => 'The evidence pack verifies.',
    failed: (count) => `The evidence pack does NOT verify: ${count} ${count === 1 ? 'problem' : 'problems'}.`,
  },
  fr: {
    unreadable: (what, reason) => `impossible de lire ${what} : ${reason}`,
    notInPack: (path) => `${path} : le dossier ne contient pas ce fichier`,
    manifestDigest: (path) => `${path} : son SHA-256 n’est pas celui du manifeste`,
    manifestMissing: (path) => `${path} : nommé par le manifeste mais absent du dossier`,
    manifestUnlisted: (path) => `${path} : présent dans le dossier mais absent du manifeste`,
    manifestOk: (count) => `${count} fichiers correspondent au manifeste (manifest.sha256)`,
    headAlgorithm: (alg) => `log/head.json : la tête est signée avec ${alg}, non avec ES256`,
    headKey: () => 'log/head.json : la tête nomme une autre clé que log/public-key.jwk',
    headSignature: () => 'log/head.json : la signature de la tête ne se vérifie pas avec log/public-key.jwk',
    headClaims: () => 'log/head.json : la tête signée ne dit pas cette taille d’arbre et cette racine',
    headOk: (size, root) => `la tête d’arbre signée se vérifie avec log/public-key.jwk (ES256) : ${size} ${size < 2 ? 'entrée' : 'entrées'}, racine ${root}`,
    entryIndex: (path, index) => `${path} : l’entrée ne dit pas qu’elle est l’entrée ${index}`,
    entryNoProof: (path) => `${path} : le dossier ne contient aucune preuve d’inclusion pour cette entrée`,
    proofLeaf: (path) => `${path} : le hachage de la feuille n’est pas celui dont part la preuve`,
    proofSize: (path) => `${path} : la preuve ne porte pas sur la taille d’arbre de la tête signée`,
    proofRoot: (path) => `${path} : le chemin d’audit ne mène pas à la racine signée`,
    proofOk: (index) => `l’entrée ${index} du journal est incluse dans l’arbre signé`,
    stepEntry: (step, index) => `étape ${step} de la chronologie : le dossier ne contient pas d’entrée ${index} du journal`,
    documentDigest: (path) => `${path} : son SHA-256 n’est pas celui que donne la chronologie`,
    documentNotNamed: (path, index) => `${path} : l’entrée ${index} du journal ne nomme pas son SHA-256`,
    digestUnheld: (index, digest) => `l’entrée ${index} du journal nomme un document absent du dossier (SHA-256 ${digest})`,
    documentNamed: (path, index) => `${path} : son SHA-256 est nommé par l’entrée ${index} du journal`,
    documentUnnamed: (path, index) => `${path} : correspond au manifeste et à la chronologie ; l’entrée ${index} du journal ne nomme aucune empreinte de document`,
    withheldNamed: (name, index) => `${name} : retenu hors du dossier (une pièce d’identité, ou le message qui l’a portée) ; l’entrée ${index} du journal nomme son SHA-256`,
    withheldNotNamed: (name, index) => `${name} : retenu hors du dossier, et l’entrée ${index} du journal ne nomme pas son SHA-256`,
    verified: () => 'Le dossier de preuves est vérifié.',
    failed: (count) => `Le dossier de preuves N’EST PAS vérifié : ${count} ${count === 1 ? 'problème' : 'problèmes'}.`,
  },
};

class Unreadable extends Error {}

/** The files of a zip archive, by name, read with the structures of APPNOTE.TXT (stored and deflated entries). */
function readZip(zip) {
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65557); at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) {
    throw new Unreadable('not a zip archive');
  }
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let entry = 0; entry < count; entry++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) {
      throw new Unreadable('damaged central directory');
    }
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) {
      continue;
    }
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) {
      throw new Unreadable(`damaged entry ${name}`);
    }
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(start, start + compressedSize);
    let bytes;
    if (method === 0) {
      bytes = stored;
    } else if (method === 8) {
      bytes = inflateRawSync(stored);
    } else {
      throw new Unreadable(`entry ${name} is compressed with method ${method}`);
    }
    if (bytes.length !== size || files.has(name)) {
      throw new Unreadable(`damaged or repeated entry ${name}`);
    }
    files.set(name, bytes);
  }
  return files;
}

/** The files of a folder, by their path inside it with forward slashes, as the zip names them. */
function readFolder(folder) {
  const files = new Map();
  const walk = (directory) => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else {
        files.set(relative(folder, path).split(sep).join('/'), readFileSync(path));
      }
    }
  };
  walk(folder);
  return files;
}

const sha256 = (...parts) => {
  const hash = createHash('sha256');
  parts.forEach((part) => hash.update(part));
  return hash.digest();
};

/** RFC 6962 §2.1: a leaf is hashed with the prefix 0x00, an interior node with 0x01. */
const leafHash = (leaf) => sha256(Buffer.from([0x00]), leaf);
const nodeHash = (left, right) => sha256(Buffer.from([0x01]), left, right);

/**
 * RFC 9162 §2.1.3.2, verifying an inclusion proof: whether the audit path leads from the leaf hash of entry
 * leafIndex to rootHash in the tree of treeSize leaves.
 */
function verifyInclusion(leafIndex, treeSize, hash, inclusionPath, rootHash) {
  let fn = BigInt(leafIndex);
  let sn = BigInt(treeSize) - 1n;
  if (fn > sn) {
    return false;
  }
  let r = hash;
  for (const p of inclusionPath) {
    if (sn === 0n) {
      return false;
    }
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && r.equals(rootHash);
}

function main(argument) {
  let files;
  try {
    const target = argument ?? dirname(fileURLToPath(import.meta.url));
    files = statSync(target).isDirectory() ? readFolder(target) : readZip(readFileSync(target));
  } catch (error) {
    console.log(`FAILED  ${MESSAGES.en.unreadable(argument ?? 'the pack', error.message)}`);
    return 2;
  }
  const language = languageOf(files);
  const say = MESSAGES[language];
  const problems = [];
  const report = (line) => console.log(`ok      ${line}`);
  const fail = (line) => {
    problems.push(line);
    console.log(`FAILED  ${line}`);
  };
  const json = (path) => {
    if (!files.has(path)) {
      fail(say.notInPack(path));
      return undefined;
    }
    try {
      return JSON.parse(files.get(path).toString('utf8'));
    } catch (error) {
      fail(say.unreadable(path, error.message));
      return undefined;
    }
  };
  try {
    checkManifest(files, say, report, fail);
    const head = checkHead(files, say, report, fail, json);
    const entries = checkEntries(files, head, say, report, fail, json);
    checkTimeline(files, entries, say, report, fail, json);
  } catch (error) {
    // A pack whose files are not shaped as a pack's are (a proof without a path, a timeline without steps).
    fail(say.unreadable(argument ?? 'the pack', error.message));
  }
  if (problems.length === 0) {
    console.log(say.verified());
    return 0;
  }
  console.log(say.failed(problems.length));
  return 1;
}

function languageOf(files) {
  try {
    const language = JSON.parse(files.get('timeline.json').toString('utf8')).language;
    return language in MESSAGES ? language : 'en';
  } catch {
    return 'en';
  }
}

function checkManifest(files, say, report, fail) {
  if (!files.has('manifest.sha256')) {
    fail(say.notInPack('manifest.sha256'));
    return;
  }
  const listed = new Set();
  let matching = 0;
  for (const line of files.get('manifest.sha256').toString('utf8').split('\n')) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) {
      continue;
    }
    const [, digest, path] = match;
    listed.add(path);
    if (!files.has(path)) {
      fail(say.manifestMissing(path));
    } else if (sha256(files.get(path)).toString('hex') !== digest) {
      fail(say.manifestDigest(path));
    } else {
      matching++;
    }
  }
  for (const path of files.keys()) {
    if (path !== 'manifest.sha256' && !listed.has(path)) {
      fail(say.manifestUnlisted(path));
    }
  }
  report(say.manifestOk(matching));
}

function base64url(text) {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** The signed tree head, when its ES256 signature verifies with the pack's public key and it says what head.json says. */
function checkHead(files, say, report, fail, json) {
  const head = json('log/head.json');
  const jwk = json('log/public-key.jwk');
  if (!head || !jwk) {
    return undefined;
  }
  const [protectedHeader, payload, signature] = String(head.signedHead).split('.');
  let header;
  let claims;
  try {
    header = JSON.parse(base64url(protectedHeader).toString('utf8'));
    claims = JSON.parse(base64url(payload).toString('utf8'));
  } catch (error) {
    fail(say.unreadable('log/head.json', error.message));
    return undefined;
  }
  if (header.alg !== 'ES256') {
    fail(say.headAlgorithm(header.alg));
    return undefined;
  }
  if (header.kid !== undefined && jwk.kid !== undefined && header.kid !== jwk.kid) {
    fail(say.headKey());
    return undefined;
  }
  let verified;
  try {
    const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' });
    verified = verify('sha256', Buffer.from(`${protectedHeader}.${payload}`, 'ascii'),
      { key, dsaEncoding: 'ieee-p1363' }, base64url(signature));
  } catch (error) {
    fail(say.unreadable('log/public-key.jwk', error.message));
    return undefined;
  }
  if (!verified) {
    fail(say.headSignature());
    return undefined;
  }
  const root = Buffer.from(String(head.root), 'hex');
  if (claims.size !== head.treeSize || typeof claims.root !== 'string' || !base64url(claims.root).equals(root)
      || root.length !== 32) {
    fail(say.headClaims());
    return undefined;
  }
  report(say.headOk(head.treeSize, head.root));
  return { treeSize: head.treeSize, root };
}

/** The log entries the pack holds, by index, with whether each is proven included in the signed tree. */
function checkEntries(files, head, say, report, fail, json) {
  const entries = new Map();
  for (const path of [...files.keys()].sort()) {
    const match = /^log\/entries\/(\d+)\.json$/.exec(path);
    if (!match) {
      continue;
    }
    const index = Number(match[1]);
    const leaf = files.get(path);
    let entry;
    try {
      entry = JSON.parse(leaf.toString('utf8'));
    } catch (error) {
      fail(say.unreadable(path, error.message));
      continue;
    }
    entries.set(index, entry);
    if (entry.index !== index) {
      fail(say.entryIndex(path, index));
      continue;
    }
    const proofPath = `log/proofs/${index}.json`;
    if (!files.has(proofPath)) {
      fail(say.entryNoProof(path));
      continue;
    }
    const proof = json(proofPath);
    if (!proof || !head) {
      continue;
    }
    const hash = leafHash(leaf);
    if (proof.leafHash !== hash.toString('hex')) {
      fail(say.proofLeaf(proofPath));
    } else if (proof.treeSize !== head.treeSize || proof.index !== index) {
      fail(say.proofSize(proofPath));
    } else if (!verifyInclusion(index, head.treeSize, hash, proof.path.map((hex) => Buffer.from(hex, 'hex')),
      head.root)) {
      fail(say.proofRoot(proofPath));
    } else {
      report(say.proofOk(index));
    }
  }
  return entries;
}

/** Each step's documents against the timeline's digests and the digests its log entry names. */
function checkTimeline(files, entries, say, report, fail, json) {
  const timeline = json('timeline.json');
  if (!timeline) {
    return;
  }
  timeline.steps.forEach((step, position) => {
    const entry = entries.get(step.logEntry);
    if (!entry) {
      fail(say.stepEntry(position + 1, step.logEntry));
      return;
    }
    const named = Array.isArray(entry.request?.documents) ? entry.request.documents : undefined;
    const digests = new Set();
    for (const document of step.documents) {
      if (document.withheld === true) {
        digests.add(document.sha256);
        if (named !== undefined && named.includes(document.sha256)) {
          report(say.withheldNamed(document.name, step.logEntry));
        } else {
          fail(say.withheldNotNamed(document.name, step.logEntry));
        }
        continue;
      }
      if (!files.has(document.file)) {
        fail(say.notInPack(document.file));
        continue;
      }
      const digest = sha256(files.get(document.file)).toString('hex');
      digests.add(digest);
      if (digest !== document.sha256) {
        fail(say.documentDigest(document.file));
      } else if (named === undefined) {
        report(say.documentUnnamed(document.file, step.logEntry));
      } else if (!named.includes(digest)) {
        fail(say.documentNotNamed(document.file, step.logEntry));
      } else {
        report(say.documentNamed(document.file, step.logEntry));
      }
    }
    for (const digest of named ?? []) {
      if (!digests.has(digest)) {
        fail(say.digestUnheld(step.logEntry, digest));
      }
    }
  });
}

process.exitCode = main(process.argv[2]);
