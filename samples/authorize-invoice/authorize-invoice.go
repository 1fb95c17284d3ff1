// Authorize an invoice with the token the APM checkout returned, on your backend: the funds are
// reserved, and you capture them later with the same token as source, or void them.
//
// Written for gopkg.in/processout.v5 v5.6.1: go get gopkg.in/processout.v5@v5.6.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// INVOICE_ID (iv_…) and GATEWAY_TOKEN (the gway_req_… token from the checkout).
// Prints the transaction status; exits with status 1 when the payment failed.
package main

import (
	"fmt"
	"log"
	"os"

	"gopkg.in/processout.v5"
	"gopkg.in/processout.v5/errors"
)

// text reads an optional string field of an SDK object.
func text(field *string) string {
	if field == nil {
		return ""
	}
	return *field
}

// errorType reads the API's error_type (such as request.source.invalid) from an SDK error: the SDK
// keeps it in Code(), and err.Error() is the message alone.
func errorType(err error) string {
	if coded, ok := err.(errors.CodedError); ok {
		return coded.Code()
	}
	return ""
}

func main() {
	client := processout.New(
		os.Getenv("PROCESSOUT_PROJECT_ID"),
		os.Getenv("PROCESSOUT_PROJECT_SECRET"),
	)
	if apiURL := os.Getenv("PROCESSOUT_API_URL"); apiURL != "" {
		processout.Host = apiURL
	}

	// #region authorize-invoice
	invoice := client.NewInvoice(&processout.Invoice{ID: processout.String(os.Getenv("INVOICE_ID"))})
	// The customer action is nil for an APM token.
	transaction, _, err := invoice.Authorize(os.Getenv("GATEWAY_TOKEN"))
	if err != nil {
		// errorType(err) is the API's error_type, such as request.source.invalid.
		log.Fatalf("could not authorize the invoice: %s: %v", errorType(err), err)
	}
	switch text(transaction.Status) {
	case "authorized":
		// Reserved: capture later, or void.
	case "pending":
		// The APM confirms later: wait for the webhook.
	case "failed":
		// Declined: tell the customer, and offer to pay again with another APM.
		log.Fatalf("payment failed: %s", text(transaction.ErrorCode))
	}
	// #endregion

	fmt.Printf("%s: %s\n", transaction.GetID(), text(transaction.Status))
}
