// List the APMs the customer can pay an invoice with, from their browser with ProcessOut.js, and show one
// button per APM. Browser TypeScript (ES2022 + DOM): copy it into your frontend and bundle it with your code.
//
// Load ProcessOut.js on the page before this code runs; it defines the global `ProcessOut`:
//   <script src="https://js.processout.com/processout.js"></script>
// Against the local sandbox, load its stand-in instead: <script src="http://127.0.0.1:4010/processout.js"></script>
// Types for ProcessOut.js: samples/processout-js.d.ts in the source of these docs (copy it into your project).
//
// Usage, once your backend has created the invoice:
//   showApmButtons({ projectId, invoiceId, container, onButton: (button, apm) => hookApmButton(button, apm, …) });

export interface ApmButtonsOptions {
  /** Your project ID: public, unlike the secret key, which never goes into a web page. */
  projectId: string;
  /** The invoice your backend created for this payment. */
  invoiceId: string;
  /** Where the buttons go. */
  container: HTMLElement;
  /** Called for each APM's button, once it is on the page: hook the payment to it. */
  onButton: (button: HTMLButtonElement, apm: ProcessOut.GatewayConfiguration) => void;
  /** The list could not be fetched, e.g. `processout-js.network-issue`. */
  onError: (error: ProcessOut.Exception) => void;
}

// #region list-apms
export function showApmButtons(options: ApmButtonsOptions): void {
  const client = new ProcessOut.ProcessOut(options.projectId);
  client.fetchGatewayConfigurations(
    { invoiceID: options.invoiceId, filter: 'alternative-payment-methods' },
    (apms) => {
      for (const apm of apms) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = `Pay with ${apm.gateway.display_name}`;
        options.container.append(button);
        options.onButton(button, apm);
      }
    },
    options.onError,
  );
}
// #endregion
