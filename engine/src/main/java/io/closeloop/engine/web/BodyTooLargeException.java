package io.closeloop.engine.web;

import java.io.IOException;

/** A request body went past the limit while it was being read; answered with 413. */
public class BodyTooLargeException extends IOException {

	public BodyTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}

}
