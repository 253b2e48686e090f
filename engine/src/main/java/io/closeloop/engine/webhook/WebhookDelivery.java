package io.closeloop.engine.webhook;

import io.closeloop.engine.alert.AlertRequest;

/** What one webhook call asks of Closeloop. */
sealed interface WebhookDelivery {

	/** An alert was raised (or a ticket opened) that should start a process. */
	record Raise(AlertRequest alert) implements WebhookDelivery {

	}

	/** The source reports the alert it knows by this id resolved. */
	record Clear(String source, String externalId, String why) implements WebhookDelivery {

	}

	/** Nothing to do; acknowledged so the vendor does not retry, with the reason. */
	record Ignore(String reason) implements WebhookDelivery {

	}

}
