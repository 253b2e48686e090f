package io.closeloop.engine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.StreamUtils;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

class LimitedBodyRequestTests {

	@Test
	void shouldStopReadingABodyWithoutALengthJustPastTheLimit() {
		AtomicLong consumed = new AtomicLong();
		MockHttpServletRequest endless = new MockHttpServletRequest("POST", "/api/alerts") {
			@Override
			public ServletInputStream getInputStream() {
				return new Endless(consumed);
			}
		};
		LimitedBodyRequest request = new LimitedBodyRequest(endless, 1024 * 1024);

		assertThatExceptionOfType(BodyTooLargeException.class)
			.isThrownBy(() -> StreamUtils.copyToByteArray(request.getInputStream()))
			.withMessage("The request body is larger than 1048576 bytes");
		assertThat(consumed.get()).isEqualTo(1024 * 1024 + 1);
	}

	@Test
	void shouldReadABodyAtTheLimitWhole() throws IOException {
		byte[] body = "{\"message\":\"%s\"}".formatted("x".repeat(4096 - 14)).getBytes();
		MockHttpServletRequest exact = new MockHttpServletRequest("POST", "/api/alerts");
		exact.setContent(body);
		MockHttpServletRequest asText = new MockHttpServletRequest("POST", "/api/alerts");
		asText.setContent(body);

		assertThat(StreamUtils.copyToByteArray(new LimitedBodyRequest(exact, 4096).getInputStream())).isEqualTo(body);
		assertThat(new LimitedBodyRequest(asText, 4096).getReader().lines().findFirst()).hasValue(new String(body));
	}

	/** A body that never ends, counting what was taken of it. */
	private static final class Endless extends ServletInputStream {

		private final AtomicLong consumed;

		Endless(AtomicLong consumed) {
			this.consumed = consumed;
		}

		@Override
		public int read() {
			this.consumed.incrementAndGet();
			return 'x';
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
			this.consumed.addAndGet(length);
			return length;
		}

		@Override
		public boolean isFinished() {
			return false;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
		}

	}

}
