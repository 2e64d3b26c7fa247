import { type CapMethod, CAP_METHODS } from './methods';

/** `settings.capmonster` in an ESLint config: names from other modules that the analysis cannot see into. */
export interface CapMonsterSettings {
  /** Functions (or methods) imported from other modules that send one CapMonster request, with the method they send. */
  wrappers?: Record<string, CapMethod>;
  /**
   * Functions imported from other modules that wait: a list of names (delay unknown), or names mapped to
   * the delay in milliseconds they wait, or to `null` when it varies.
   */
  sleepFunctions?: string[] | Record<string, number | null>;
}

export interface ResolvedSettings {
  wrappers: ReadonlyMap<string, CapMethod>;
  sleepFunctions: ReadonlyMap<string, number | undefined>;
}

/** The methods a configured wrapper can send (`unknown` is the analysis' own word, not a setting). */
const WRAPPER_METHODS = CAP_METHODS.filter((m) => m !== 'unknown');

const cache = new WeakMap<object, ResolvedSettings>();
const EMPTY: ResolvedSettings = { wrappers: new Map(), sleepFunctions: new Map() };

function fail(message: string): never {
  throw new Error(`eslint-plugin-capmonster: invalid settings.capmonster: ${message}`);
}

/** Validates and normalises `settings.capmonster`; throws an error that names the bad entry. */
export function resolveSettings(settings: Readonly<Record<string, unknown>> | undefined): ResolvedSettings {
  const raw = settings?.capmonster;
  if (raw === undefined) return EMPTY;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('expected an object');
  const hit = cache.get(raw);
  if (hit) return hit;
  const { wrappers, sleepFunctions, ...rest } = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length > 0) fail(`unknown key "${unknownKeys[0]}" (allowed: wrappers, sleepFunctions)`);

  const w = new Map<string, CapMethod>();
  if (wrappers !== undefined) {
    if (typeof wrappers !== 'object' || wrappers === null || Array.isArray(wrappers)) {
      fail('"wrappers" must be an object mapping function names to CapMonster methods');
    }
    for (const [name, method] of Object.entries(wrappers)) {
      if (typeof method !== 'string' || !(WRAPPER_METHODS as readonly string[]).includes(method)) {
        fail(`wrappers["${name}"] must be one of ${WRAPPER_METHODS.join(', ')}`);
      }
      w.set(name, method as CapMethod);
    }
  }
  const s = new Map<string, number | undefined>();
  if (sleepFunctions !== undefined) {
    if (Array.isArray(sleepFunctions)) {
      for (const name of sleepFunctions) {
        if (typeof name !== 'string' || name === '') fail('"sleepFunctions" entries must be non-empty strings');
        s.set(name, undefined);
      }
    } else if (typeof sleepFunctions === 'object' && sleepFunctions !== null) {
      for (const [name, ms] of Object.entries(sleepFunctions)) {
        if (ms !== null && (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)) {
          fail(`sleepFunctions["${name}"] must be a delay in milliseconds (a number >= 0) or null`);
        }
        s.set(name, ms ?? undefined);
      }
    } else {
      fail('"sleepFunctions" must be an array of names or an object mapping names to milliseconds');
    }
  }
  const resolved = { wrappers: w, sleepFunctions: s };
  cache.set(raw, resolved);
  return resolved;
}
