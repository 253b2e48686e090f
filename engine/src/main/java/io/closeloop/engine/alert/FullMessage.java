package io.closeloop.engine.alert;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * The whole message of an alert whose message was longer than the alert holds: the alert
 * keeps its beginning, with a note of the cut, for the rules' words, the ticket and the
 * pages; this keeps all of it, to be read on request.
 */
@Entity
@Table(name = "alert_message")
class FullMessage implements Persistable<Long> {

	@Id
	@Column(name = "alert_id")
	private Long alertId;

	@Column(name = "full_length")
	private int length;

	@Column(name = "full_text")
	private String text;

	/** Written once, with its alert: never looked up before it is inserted. */
	@Transient
	private boolean isNew;

	protected FullMessage() {
	}

	FullMessage(long alertId, String text) {
		this.alertId = alertId;
		this.length = text.length();
		this.text = text;
		this.isNew = true;
	}

	@Override
	public Long getId() {
		return this.alertId;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	int getLength() {
		return this.length;
	}

	String getText() {
		return this.text;
	}

}
