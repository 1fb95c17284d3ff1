// Build the URL of an APM's payment page for an invoice, on your backend: redirect the customer's
// browser to it (backend redirect), or hand it to your mobile app to open.
// No SDK call: the URL is built from IDs you already have.
//
// Reads PROCESSOUT_PROJECT_ID, INVOICE_ID (iv_…) and GATEWAY_CONFIGURATION_ID (gway_conf_…, see
// list-apms), and PROCESSOUT_CHECKOUT_URL when set. Prints the URL.
package main

import (
	"fmt"
	"net/url"
	"os"
)

func main() {
	projectID := os.Getenv("PROCESSOUT_PROJECT_ID")
	invoiceID := os.Getenv("INVOICE_ID")
	gatewayConfigurationID := os.Getenv("GATEWAY_CONFIGURATION_ID")
	// Unset in production. Set it to reach another host, such as the local sandbox's /checkout.
	checkoutURL := os.Getenv("PROCESSOUT_CHECKOUT_URL")
	if checkoutURL == "" {
		checkoutURL = "https://checkout.processout.com"
	}

	// #region build-redirect-url
	redirectURL, err := url.JoinPath(checkoutURL,
		projectID, invoiceID, "redirect", gatewayConfigurationID)
	if err != nil {
		fmt.Fprintln(os.Stderr, "PROCESSOUT_CHECKOUT_URL is not a valid URL:", err)
		os.Exit(1)
	}
	// In a web backend, answer the customer's browser with a redirect:
	// http.Redirect(w, r, redirectURL, http.StatusFound)
	// #endregion

	fmt.Println(redirectURL)
}
