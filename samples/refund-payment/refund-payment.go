// Refund a captured APM payment, in full or in part, on your backend.
//
// Written for gopkg.in/processout.v5 v5.6.1: go get gopkg.in/processout.v5@v5.6.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// TRANSACTION_ID (tr_…, the captured transaction) and REFUND_AMOUNT (such as 4.99: all of it still
// refundable for a full refund, less for a partial one).
// Prints the transaction's status, refunded and available amounts, then one line per refund.
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

// errorType reads the API's error_type (such as request.validation.invalid-amount) from an SDK
// error: the SDK keeps it in Code(), and err.Error() is the message alone.
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
	transactionID := os.Getenv("TRANSACTION_ID")

	// #region refund-payment
	refund := client.NewRefund(&processout.Refund{
		TransactionID: processout.String(transactionID),
		// A decimal string, at most the transaction's available_amount.
		Amount:      processout.String(os.Getenv("REFUND_AMOUNT")),
		Reason:      processout.String("customer_request"), // or duplicate, fraud, other
		Information: processout.String("Returned by the customer"),
	})
	// The SDK sends the parameters' Metadata, not Refund.Metadata.
	// Create returns only an error.
	err := refund.Create(processout.RefundCreateParameters{
		Metadata: map[string]string{"return_reference": "RMA-1001"},
	})
	if err != nil {
		// errorType(err) is the API's error_type, such as
		// request.validation.invalid-amount.
		log.Fatalf("could not refund the transaction: %s: %v", errorType(err), err)
	}
	// refunded_amount grows, available_amount shrinks, and the status turns
	// "refunded" once nothing is left to refund.
	transaction, err := client.NewTransaction().Find(transactionID)
	if err != nil {
		log.Fatalf("could not fetch the transaction: %s: %v", errorType(err), err)
	}
	refunds, err := client.NewRefund().FetchTransactionRefunds(transactionID)
	if err != nil {
		log.Fatalf("could not list the refunds: %s: %v", errorType(err), err)
	}
	// #endregion

	fmt.Printf("%s: %s, refunded %s, available %s\n", transaction.GetID(), text(transaction.Status),
		text(transaction.RefundedAmount), text(transaction.AvailableAmount))
	for refunds.Next() {
		listed := refunds.Get().(*processout.Refund)
		fmt.Printf("%s: %s (%s)\n", listed.GetID(), text(listed.Amount), text(listed.Reason))
	}
	if err := refunds.Error(); err != nil {
		log.Fatalf("could not list the refunds: %s: %v", errorType(err), err)
	}
}
