import Fastify from 'fastify';

// The benchmark's ceiling: a bare Fastify server, started like the sandbox (Node with the tsx loader),
// answering POST /invoices with the request body in an invoice-like envelope: no hooks, no
// validation, no state, no log. No Fastify app on this machine answers faster.
const port = Number(process.argv[2]);
const app = Fastify({ logger: false });
let count = 0;
app.post('/invoices', async (request) => ({ success: true, invoice: { id: `iv_${++count}`, ...(request.body as object) } }));
await app.listen({ port, host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
