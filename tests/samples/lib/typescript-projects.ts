import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every samples/tsconfig*.json: each is typechecked on its own (Node samples, later browser samples…). */
export function findSampleProjects(samplesDir: string): string[] {
  return readdirSync(samplesDir)
    .filter((name) => /^tsconfig(\.[\w-]+)?\.json$/.test(name))
    .sort()
    .map((name) => path.join(samplesDir, name));
}

/** The absolute paths of the files a tsconfig includes, as tsc would resolve them. */
export function filesOfProject(configPath: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`Cannot read ${configPath}`);
  if (parsed.errors.length > 0) {
    throw new Error(parsed.errors.map((error) => ts.flattenDiagnosticMessageText(error.messageText, '\n')).join('\n'));
  }
  return parsed.fileNames.map((fileName) => path.resolve(fileName));
}
