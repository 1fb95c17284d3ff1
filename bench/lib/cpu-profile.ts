import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Summarises a V8 .cpuprofile (what `node --cpu-prof` writes): where the busy time went, by function
// (self time) and by area: the project file, npm package or Node module of the first frame up the
// stack that has one, so that built-ins (JSON.stringify, a SQLite statement's native code, the
// socket's writev) count for the code that called them.

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the monotonic clock, the one `process.hrtime` reads. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A stretch of the monotonic clock in microseconds (`process.hrtime.bigint() / 1000n`). */
export interface Window {
  fromUs: number;
  toUs: number;
}

export interface ProfileItem {
  label: string;
  ms: number;
  /** Share of the busy time (idle excluded), 0–1. */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  functions: ProfileItem[];
  areas: ProfileItem[];
}

/** V8's pseudo-frames: (idle) is not busy; (program) is native work outside JavaScript; (garbage collector). */
const IDLE = '(idle)';

/** A readable place for a script URL: its path from the repository root, `fastify`, `node:internal/…`. */
function placeOf(url: string, root: string): string | null {
  if (url === '') return null;
  if (url.startsWith('node:')) return url;
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = path.slice(modules + '/node_modules/'.length).split('/');
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
  }
  return relative(root, path);
}

function top(totals: Map<string, number>, busyMs: number, count: number): ProfileItem[] {
  return [...totals]
    .sort(([, a], [, b]) => b - a)
    .slice(0, count)
    .map(([label, ms]) => ({ label, ms, share: ms / busyMs }));
}

/** The `count` top items of the samples taken within `window` (e.g. the load, not the start-up). */
export function summariseCpuProfile(file: string, root: string, window: Window, count = 10): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const selfMs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at >= window.fromUs && at <= window.toUs) selfMs.set(id, (selfMs.get(id) ?? 0) + delta / 1000);
  });

  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let busyMs = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === IDLE) continue;
    busyMs += ms;
    const place = placeOf(url, root);
    const name = functionName || '(anonymous)';
    // Line numbers of files tsx compiled on the fly do not match the source: those show the file only.
    const line = place?.endsWith('.ts') ? '' : `:${lineNumber + 1}`;
    const fn = place === null ? `${name} (built-in or generated)` : `${name} (${place}${line})`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    // The area: this frame's file, package or Node module, else the nearest caller's.
    let area: string | null = place;
    for (let up = parentOf.get(id); area === null && up !== undefined; up = parentOf.get(up)) {
      area = placeOf(byId.get(up)!.callFrame.url, root);
    }
    const areaLabel = area ?? name;
    areas.set(areaLabel, (areas.get(areaLabel) ?? 0) + ms);
  }
  return { busyMs, functions: top(functions, busyMs, count), areas: top(areas, busyMs, count) };
}
