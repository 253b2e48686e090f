package io.closeloop.workers.connector.webhook;

/** What one webhook call asks of Closeloop. */
public sealed interface WebhookDelivery {

	/** An alert was raised (or a ticket opened) that should start a process. */
	record Raise(InboundAlert alert) implements WebhookDelivery {

	}

	/** The source reports the alert it knows by this id resolved. */
	record Clear(String source, String externalId, String why) implements WebhookDelivery {

	}

	/** Nothing to do; acknowledged so the vendor does not retry, with the reason. */
	record Ignore(String reason) implements WebhookDelivery {

	}

}
