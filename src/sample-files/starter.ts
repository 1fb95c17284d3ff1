/**
 * Starter projects: for one sample file, the files of a minimal project a reader can download, install
 * and run as the file's header says: the sample itself, its manifest with the SDK version pinned, a
 * `.env.example` with the variables the file reads, and a three-line README. Pure: the site's plugin
 * (src/plugins/starters.ts) zips the result, and tests/samples/starters.test.ts installs and runs it.
 */
import type { SampleLanguageValue } from './languages';
import { SDK_VERSIONS, TYPESCRIPT_DEV_DEPENDENCIES } from './sdkVersions';

/** Where the site serves a starter, below its base URL. */
export const STARTERS_PATH = 'starters';

/** The starter's zip name, e.g. `create-invoice-typescript.zip`; also its top-level folder without `.zip`. */
export function starterFolderName(sampleName: string, language: SampleLanguageValue): string {
  return `${sampleName}-${language}`;
}

/** The starter's address below the site's base URL, e.g. `starters/create-invoice-typescript.zip`. */
export function starterPath(sampleName: string, language: SampleLanguageValue): string {
  return `${STARTERS_PATH}/${starterFolderName(sampleName, language)}.zip`;
}

export interface StarterInput {
  /** The sample folder's name, e.g. `create-invoice`. */
  readonly sampleName: string;
  readonly language: SampleLanguageValue;
  /** The sample file's name, e.g. `create-invoice.ts`. */
  readonly fileName: string;
  /** The whole file, as committed (region markers included: they are comments). */
  readonly source: string;
  /** Values `.env.example` suggests, by variable (the local sandbox's); the others are left empty. */
  readonly exampleValues: Readonly<Record<string, string>>;
}

/** File path inside the starter's folder → content. */
export type StarterFiles = Readonly<Record<string, string>>;

/** The one command a header gives after "Run it with:", e.g. `npx tsx create-invoice.ts`. */
const HEADER_RUN_COMMAND = /\bRun it with:\s*`?([^`\n]+?)`?\s*$/m;

/**
 * How a file of each language is run when its header names no command. TypeScript has none: a
 * TypeScript file without "Run it with:" is a browser module to bundle, not a program to run.
 */
const DEFAULT_RUN_COMMANDS: Record<SampleLanguageValue, ((fileName: string) => string) | null> = {
  curl: (fileName) => `bash ${fileName}`,
  typescript: null,
  python: (fileName) => `python3 ${fileName}`,
  ruby: (fileName) => `bundle exec ruby ${fileName}`,
  php: (fileName) => `php ${fileName}`,
  go: () => 'go run .',
};

const INSTALL_COMMANDS: Record<SampleLanguageValue, string | null> = {
  curl: null,
  typescript: 'npm install',
  python: 'python3 -m pip install -r requirements.txt',
  ruby: 'bundle install',
  php: 'composer install',
  go: 'go mod tidy',
};

/** The command that runs the file: its header's, else the language's usual one; null for a module. */
export function runCommandOf(language: SampleLanguageValue, fileName: string, source: string): string | null {
  const fromHeader = HEADER_RUN_COMMAND.exec(source)?.[1]?.trim().replace(/\.$/, '');
  if (fromHeader) return fromHeader;
  return DEFAULT_RUN_COMMANDS[language]?.(fileName) ?? null;
}

/**
 * The environment variables a file reads, in order of first appearance (the `PROCESSOUT_*` ones first):
 * an UPPER_CASE name quoted as the first argument of an accessor whose name says env
 * (`getenv('INVOICE_ID')`, `os.Getenv("…")`, `ENV.fetch("…")`, `os.environ["…"]`, `requireEnv("…")`),
 * a property of `process.env`, or in a shell script an expansion (`$INVOICE_ID`, `${OUTCOME:-approve}`).
 */
const ENV_READ = /[\w.]*[Ee][Nn][Vv][\w.]*\s*[([]\s*(["'])([A-Z][A-Z0-9_]*)\1|\benv\.([A-Z][A-Z0-9_]*)\b/g;
const SHELL_EXPANSION = /\$\{?([A-Z][A-Z0-9_]*)\b/g;

export function environmentVariablesOf(language: SampleLanguageValue, source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(language === 'curl' ? SHELL_EXPANSION : ENV_READ))
    names.add((match[1] === '"' || match[1] === "'" ? match[2] : (match[1] ?? match[3]))!);
  return [...names].sort((a, b) => Number(!a.startsWith('PROCESSOUT_')) - Number(!b.startsWith('PROCESSOUT_')));
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The tsconfig of samples/tsconfig.json, for a folder that holds one Node script. */
const NODE_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  },
};

/** The manifest files of a language's starter. */
function manifestFiles(input: StarterInput, folderName: string): Record<string, string> {
  switch (input.language) {
    case 'curl':
      return {};
    case 'typescript':
      return {
        // "type": "module": the samples are ES modules (import syntax), as in samples/tsconfig.json.
        'package.json': json({
          name: folderName,
          private: true,
          type: 'module',
          engines: { node: '>=20' },
          devDependencies: TYPESCRIPT_DEV_DEPENDENCIES,
        }),
        'tsconfig.json': json(NODE_TSCONFIG),
      };
    case 'python':
      return { 'requirements.txt': `${SDK_VERSIONS.python.package}==${SDK_VERSIONS.python.version}\n` };
    case 'ruby':
      return {
        Gemfile: `source "https://rubygems.org"\n\ngem "${SDK_VERSIONS.ruby.package}", "${SDK_VERSIONS.ruby.version}"\n`,
      };
    case 'php':
      return { 'composer.json': json({ require: { [SDK_VERSIONS.php.package]: SDK_VERSIONS.php.version } }) };
    case 'go':
      // What `go mod init` and `go get gopkg.in/processout.v5@v5.6.1` write; `go mod tidy` adds go.sum.
      return {
        'go.mod': `module example.com/${input.sampleName}\n\ngo 1.19\n\nrequire ${SDK_VERSIONS.go.package} ${SDK_VERSIONS.go.version}\n`,
      };
  }
}

/** The starter of one sample file; null when the file is a module to bundle rather than a program. */
export function starterFiles(input: StarterInput): StarterFiles | null {
  const run = runCommandOf(input.language, input.fileName, input.source);
  if (run === null) return null;
  const folderName = starterFolderName(input.sampleName, input.language);
  const variables = environmentVariablesOf(input.language, input.source);
  const install = INSTALL_COMMANDS[input.language];
  const readme = [
    `1. Install: ${install ?? 'nothing to install (needs bash and curl)'}`,
    `2. Set the environment: cp .env.example .env, set the commented-out variables your run needs, then: set -a && . ./.env && set +a`,
    `3. Run: ${run}`,
  ];
  return {
    [input.fileName]: input.source,
    ...manifestFiles(input, folderName),
    // A variable with no suggested value stays commented out: an empty value is not the same as unset.
    '.env.example': variables
      .map((name) => (name in input.exampleValues ? `${name}=${input.exampleValues[name]}\n` : `# ${name}=\n`))
      .join(''),
    'README.md': `${readme.join('\n')}\n`,
  };
}
