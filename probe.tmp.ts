import { startSandbox, DEMO_PROJECT } from '/work/main/sandbox/src/index.ts';
import { execFileSync } from 'node:child_process';
const s = await startSandbox({ port: 0, dbPath: ':memory:' });
const env = { ...process.env, PROCESSOUT_PROJECT_ID: DEMO_PROJECT.id, PROCESSOUT_PROJECT_SECRET: DEMO_PROJECT.secret, PROCESSOUT_API_URL: s.url };
for (const f of ['create-invoice/create-invoice.ts', 'list-apms/list-apms.ts', 'set-up-client/set-up-client.ts']) {
  console.log(execFileSync(process.execPath, ['--import', 'tsx', 'samples/' + f], { env, encoding: 'utf8' }));
}
await s.close();
