import { absoluteUrl } from '../lib/public-url.ts';
import type { GatewayConfiguration } from '../schemas/gateway-configuration.ts';
import type { Invoice, StoredInvoice } from '../schemas/invoice.ts';
import type { Transaction } from '../schemas/transaction.ts';

// Stored objects have no host-dependent links; these add them for the host the client used.

export function checkoutUrl(origin: string, projectId: string, invoiceId: string): string {
  return `${origin}/checkout/${projectId}/${invoiceId}`;
}

export function presentInvoice(invoice: StoredInvoice, origin: string, transaction?: Transaction): Invoice {
  return {
    ...invoice,
    url: checkoutUrl(origin, invoice.project_id, invoice.id),
    ...(transaction ? { transaction } : {}),
  };
}

export function presentGatewayConfiguration(conf: GatewayConfiguration, origin: string): GatewayConfiguration {
  return { ...conf, gateway: { ...conf.gateway, logo_url: absoluteUrl(origin, conf.gateway.logo_url) } };
}
