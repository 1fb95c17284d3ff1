import { describe, expect, it } from 'vitest';
import { completeCheckout, createInvoice, useTestSandbox } from './helpers.ts';
import { apiClient, basicAuth } from './lib/client.ts';

const OTHER_PROJECT = { id: 'test-proj_idempotencyOtherProject000000001', secret: 'key_sandbox_idempotencyOtherProjectSecret01' };
const BODY = { name: 'Idempotent', amount: '3.00', currency: 'USD' };

const { sandbox, api } = useTestSandbox({ extraProjects: [OTHER_PROJECT] });

const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });

describe('Idempotency-Key', () => {
  it('replays the stored response for the same key, project, route and body', async () => {
    const first = await api.post('/invoices', BODY, withKey('create-1'));
    const second = await api.post('/invoices', BODY, withKey('create-1'));
    expect(second.status).toBe(200);
    expect(second.body.invoice.id).toBe(first.body.invoice.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    // The same parameters sent as a form are the same request.
    const form = await api.postForm('/invoices', 'name=Idempotent&amount=3.00&currency=USD', withKey('create-1'));
    expect(form.body.invoice.id).toBe(first.body.invoice.id);
  });

  it('refuses the same key with a different body', async () => {
    await api.post('/invoices', BODY, withKey('create-2'));
    const changed = await api.post('/invoices', { ...BODY, amount: '4.00' }, withKey('create-2'));
    expect(changed.status).toBe(400);
    expect(changed.body).toMatchObject({ success: false, error_type: 'request.idempotency-key.invalid' });
  });

  it('treats an empty key as absent (the Ruby SDK always sends the header)', async () => {
    const first = await api.post('/invoices', BODY, withKey(''));
    const second = await api.post('/invoices', BODY, withKey(''));
    expect(first.body.invoice.id).not.toBe(second.body.invoice.id);
  });

  it('scopes keys by route and by project', async () => {
    const invoice = await api.post('/invoices', BODY, withKey('shared'));
    const other = apiClient(sandbox().url, basicAuth(OTHER_PROJECT.id, OTHER_PROJECT.secret));
    const otherInvoice = await other.post('/invoices', BODY, withKey('shared'));
    expect(otherInvoice.status).toBe(200);
    expect(otherInvoice.body.invoice.id).not.toBe(invoice.body.invoice.id);
    const complete = await completeCheckout(api, invoice.body.invoice.id, 'approve');
    const capture = await api.post(`/invoices/${invoice.body.invoice.id}/capture`, { source: complete.body.token }, withKey('shared'));
    expect(capture.status).toBe(200);
    expect(capture.body.transaction.status).toBe('completed');
  });

  it('makes a retried capture safe: the replay returns the first result', async () => {
    const invoice = await createInvoice(api);
    const token = (await completeCheckout(api, invoice.id, 'approve')).body.token;
    const first = await api.post(`/invoices/${invoice.id}/capture`, { source: token }, withKey('capture-1'));
    const retry = await api.post(`/invoices/${invoice.id}/capture`, { source: token }, withKey('capture-1'));
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const withoutKey = await api.post(`/invoices/${invoice.id}/capture`, { source: token });
    expect(withoutKey.body.error_type).toBe('request.transaction.invalid-state');
  });

  it('replays stored errors too, and lets a new key go through', async () => {
    const bad = { name: 'x', amount: '1', currency: 'USD', return_url: 'javascript:x' };
    const invoice = await createInvoice(api);
    const first = await api.post(`/invoices/${invoice.id}/capture`, { source: 'gway_req_unknown' }, withKey('err-1'));
    const replay = await api.post(`/invoices/${invoice.id}/capture`, { source: 'gway_req_unknown' }, withKey('err-1'));
    expect(first.status).toBe(400);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    // Validation failures claim the key like any answer: the same body replays them, another body is refused.
    expect((await api.post('/invoices', bad, withKey('err-2'))).status).toBe(400);
    expect((await api.post('/invoices', bad, withKey('err-2'))).headers.get('idempotent-replayed')).toBe('true');
    expect((await api.post('/invoices', BODY, withKey('err-2'))).body.error_type).toBe('request.idempotency-key.invalid');
    expect((await api.post('/invoices', BODY, withKey('err-3'))).status).toBe(200);
  });
});
