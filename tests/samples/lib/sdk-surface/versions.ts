// Which SDK version the facts were taken from (the table of the SDK reference's README), and the
// header line by which every SDK sample names it with its install command.
import { readReference } from './reference.ts';

export type SdkLanguage = 'py' | 'rb' | 'php' | 'go';

interface HeaderRule {
  /** The SDK's name in the first column of the README's table. */
  sdk: string;
  /** The file uses the SDK. */
  usesSdk: RegExp;
  /** The header line: the version it names, then the version its install command pins. */
  header: RegExp;
  /** The install command with that version, as the Set up page shows it. */
  install: RegExp;
}

export const SDK_HEADER_RULES: Record<SdkLanguage, HeaderRule> = {
  py: {
    sdk: 'processout-python',
    usesSdk: /^import processout$/m,
    header: /^Written for processout (\S+): pip install processout==(\S+)$/m,
    install: /^pip install processout==(\S+)$/m,
  },
  rb: {
    sdk: 'processout-ruby',
    usesSdk: /^require "processout"$/m,
    header: /^# Written for the processout gem (\S+): gem install processout:(\S+)(?: [\w-]+)*$/m,
    install: /^gem install processout:(\S+)$/m,
  },
  php: {
    sdk: 'processout-php',
    usesSdk: /^use ProcessOut\\/m,
    header: /^\/\/ Written for processout\/processout-php (\S+): composer require processout\/processout-php:(\S+)$/m,
    install: /^composer require processout\/processout-php:(\S+)$/m,
  },
  go: {
    sdk: 'processout-go',
    usesSdk: /^\s*"gopkg\.in\/processout\.v5"$/m,
    header: /^\/\/ Written for gopkg\.in\/processout\.v5 (\S+): go get gopkg\.in\/processout\.v5@(\S+)$/m,
    install: /^go get gopkg\.in\/processout\.v5@(\S+)$/m,
  },
};

/** SDK name → version, from the "| SDK | version | …" table of the reference's README. */
export function referenceVersions(): Map<string, string> {
  const lines = readReference('README.md').split('\n');
  const start = lines.findIndex((line) => line.startsWith('| SDK | version |'));
  if (start < 0) throw new Error('the SDK reference README has no "| SDK | version |" table');
  const versions = new Map<string, string>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [, sdk, version] = line.split('|').map((cell) => cell.trim());
    if (sdk && version) versions.set(sdk.split(' ')[0] ?? sdk, version);
  }
  return versions;
}

/** A sample's leading comment: the module docstring in Python, the first comment lines elsewhere. */
export function headerOf(language: SdkLanguage, source: string): string {
  if (language === 'py') return /^"""([\s\S]*?)"""/.exec(source)?.[1] ?? '';
  const lines = source.replace(/^<\?php\n/, '').split('\n');
  const end = lines.findIndex((line) => !/^(#|\/\/|\s*$)/.test(line));
  return lines.slice(0, end < 0 ? lines.length : end).join('\n');
}

/** What is wrong with the SDK header of a sample that uses the SDK; [] when it names `version`. */
export function headerProblems(language: SdkLanguage, source: string, version: string): string[] {
  const rule = SDK_HEADER_RULES[language];
  if (!rule.usesSdk.test(source)) return [];
  const match = rule.header.exec(headerOf(language, source));
  if (!match) return [`no header line matching ${String(rule.header)} in the leading comment`];
  const problems: string[] = [];
  if (match[1] !== version) problems.push(`the header names ${rule.sdk} ${match[1]}, the facts are from ${version}`);
  if (match[2] !== version) problems.push(`the install command pins ${match[2]}, the facts are from ${version}`);
  return problems;
}
