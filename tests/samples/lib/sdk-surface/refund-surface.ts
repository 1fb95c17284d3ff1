// The refund calls of the PHP and Ruby SDKs. surface.md lists none, so these were read from the SDKs'
// own sources (stored public copies, read 2026-12-02), and are added to the surfaces parsed from it:
// - Ruby, github.com/processout/processout-ruby lib/processout/refund.rb (commit 06b9e33): Refund#create(options = {})
//   POSTs /transactions/{@transaction_id}/refunds (amount, reason, information, invoice_detail_ids and
//   options.fetch(:metadata)) and returns the answer's success; #create_for_invoice(invoice_id, options = {})
//   POSTs /invoices/{id}/refunds; #fetch_transaction_refunds(transaction_id, options = {}) an Array of Refund;
//   #find(transaction_id, refund_id, options = {}). lib/processout.rb: Client#refund(data = {}).
// - PHP, github.com/processout/processout-php src/Refund.php (commit 144fdd6): create($options = array())
//   POSTs /transactions/{getTransactionId()}/refunds after fillWithData($options) and returns a bool;
//   fetchTransactionRefunds($transactionId, $options = array()) an array of Refund; find($transactionId,
//   $refundId, $options = array()). src/ProcessOut.php: newRefund($prefill = array()). That copy has no
//   createForInvoice, so it is not listed.
import type { CallSurface, SdkType } from './call-surface.ts';

interface VerifiedMethod {
  owner: string;
  name: string;
  min: number;
  max: number;
  returns: 'Refund' | 'Refund[]' | 'unknown';
}

const REFUND_FIELDS = ['id', 'transaction_id', 'amount', 'reason', 'information', 'has_failed', 'metadata', 'sandbox', 'created_at'];

const RUBY: VerifiedMethod[] = [
  { owner: 'Client', name: 'refund', min: 0, max: 1, returns: 'Refund' },
  { owner: 'Refund', name: 'create', min: 0, max: 1, returns: 'unknown' },
  { owner: 'Refund', name: 'create_for_invoice', min: 1, max: 2, returns: 'unknown' },
  { owner: 'Refund', name: 'fetch_transaction_refunds', min: 1, max: 2, returns: 'Refund[]' },
  { owner: 'Refund', name: 'find', min: 2, max: 3, returns: 'Refund' },
  ...[...REFUND_FIELDS, 'invoice_detail_ids'].map((field) => ({
    owner: 'Refund',
    name: field,
    min: 0,
    max: 0,
    returns: 'unknown' as const,
  })),
];

const PHP: VerifiedMethod[] = [
  { owner: 'ProcessOut', name: 'newRefund', min: 0, max: 1, returns: 'Refund' },
  { owner: 'Refund', name: 'create', min: 0, max: 1, returns: 'unknown' },
  { owner: 'Refund', name: 'fetchTransactionRefunds', min: 1, max: 2, returns: 'Refund[]' },
  { owner: 'Refund', name: 'find', min: 2, max: 3, returns: 'Refund' },
  ...[
    'getId',
    'getTransactionId',
    'getAmount',
    'getReason',
    'getInformation',
    'getHasFailed',
    'getMetadata',
    'getSandbox',
    'getCreatedAt',
  ].map((getter) => ({ owner: 'Refund', name: getter, min: 0, max: 0, returns: 'unknown' as const })),
];

/** Adds the verified refund calls to a surface parsed from surface.md. */
export function addRefundCalls(surface: CallSurface): void {
  const refund: SdkType = { kind: 'class', name: `${surface.namespace}Refund` };
  const types: Record<VerifiedMethod['returns'], SdkType> = {
    Refund: refund,
    'Refund[]': { kind: 'list', of: refund },
    unknown: { kind: 'unknown' },
  };
  for (const method of surface.language === 'php' ? PHP : RUBY) {
    const owner = `${surface.namespace}${method.owner}`;
    let sdkClass = surface.classes.get(owner);
    if (!sdkClass) {
      sdkClass = { name: owner, methods: new Map() };
      surface.classes.set(owner, sdkClass);
    }
    sdkClass.methods.set(method.name, {
      minArgs: method.min,
      maxArgs: method.max,
      returns: types[method.returns],
      source: `SDK source (refund-surface.ts): ${method.owner}.${method.name}`,
    });
  }
}
