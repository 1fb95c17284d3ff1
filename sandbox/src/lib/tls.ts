import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';

// The HTTPS listener's certificate: a local CA and one leaf it signs, made at first start and reused.
// The CA's private key is never written: it signs this leaf and is dropped, so trusting ca.pem
// trusts this sandbox's certificate and nothing else. A leaf that is unreadable, expires within a
// week, lacks a needed name or was not signed by ca.pem is replaced, with a new CA.
// Known limit: selfsigned cannot add key identifiers, so OpenSSL's X509_STRICT mode (Python ≥ 3.13's
// default context) rejects the chain; curl, Ruby and Node accept it.

/** Names every certificate covers, so the printed URL and localhost both verify. */
const LOOPBACK_NAMES = ['127.0.0.1', '::1', 'localhost'];
const VALID_DAYS = 365;
const RENEW_BEFORE_MS = 7 * 24 * 60 * 60 * 1000;

export interface TlsFiles {
  /** The CA certificate clients trust: SSL_CERT_FILE, NODE_EXTRA_CA_CERTS, curl --cacert. */
  caFile: string;
  /** PEM of ca.pem. */
  ca: string;
  /** Leaf private key and certificate (PEM) for the listener. */
  key: string;
  cert: string;
  /** True when this call made new files (the CA changed). */
  created: boolean;
}

function sanEntry(name: string) {
  return isIP(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name };
}

/** Whether the stored files still serve: readable, signed by the CA, key matches, names covered, not about to expire. */
function reusable(ca: string, key: string, cert: string, names: string[]): boolean {
  try {
    const leaf = new X509Certificate(cert);
    const authority = new X509Certificate(ca);
    if (!leaf.verify(authority.publicKey) || !leaf.checkPrivateKey(createPrivateKey(key))) return false;
    if (Date.parse(leaf.validTo) - Date.now() < RENEW_BEFORE_MS) return false;
    return names.every((name) => (isIP(name) ? leaf.checkIP(name) : leaf.checkHost(name)) !== undefined);
  } catch {
    return false;
  }
}

async function issue(names: string[]): Promise<{ ca: string; key: string; cert: string }> {
  // Loaded on demand: plain-HTTP starts (every test) skip its X.509 stack.
  const { generate } = await import('selfsigned');
  const notAfterDate = new Date(Date.now() + VALID_DAYS * 24 * 60 * 60 * 1000);
  const common = { keyType: 'ec' as const, curve: 'P-256' as const, algorithm: 'sha256', notAfterDate };
  const authority = await generate([{ name: 'commonName', value: 'apm-docs local sandbox CA' }], {
    ...common,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: 'apm-docs local sandbox' }], {
    ...common,
    ca: { key: authority.private, cert: authority.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map(sanEntry) },
    ],
  });
  return { ca: authority.cert, key: leaf.private, cert: leaf.cert };
}

/**
 * Loads the CA and leaf from `dir` (ca.pem, cert.pem, key.pem), or makes them when missing or no
 * longer valid. `extraNames` (host names or addresses besides loopback) are added to the leaf.
 */
export async function ensureTlsFiles(dir: string, extraNames: string[] = []): Promise<TlsFiles> {
  const names = [...new Set([...LOOPBACK_NAMES, ...extraNames.map((name) => name.replace(/^\[(.*)\]$/, '$1'))])];
  const paths = { ca: join(dir, 'ca.pem'), key: join(dir, 'key.pem'), cert: join(dir, 'cert.pem') };
  if (Object.values(paths).every((path) => existsSync(path))) {
    const [ca, key, cert] = [paths.ca, paths.key, paths.cert].map((path) => readFileSync(path, 'utf8')) as [string, string, string];
    if (reusable(ca, key, cert, names)) return { caFile: paths.ca, ca, key, cert, created: false };
  }
  const made = await issue(names);
  mkdirSync(dir, { recursive: true });
  writeFileSync(paths.key, made.key, { mode: 0o600 });
  chmodSync(paths.key, 0o600);
  writeFileSync(paths.cert, made.cert);
  writeFileSync(paths.ca, made.ca);
  return { caFile: paths.ca, ...made, created: true };
}
