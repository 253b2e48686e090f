package io.closeloop.engine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser session against the running application, through its real security
 * configuration: form login, the session cookie and each form's CSRF token.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final int port;

	private WebSession(int port) {
		this.port = port;
	}

	/** Logs in with the form, as a person would. */
	public static WebSession logIn(int port, String username, String password) {
		WebSession session = new WebSession(port);
		HttpResponse<String> login = session.attemptLogIn(username, password);
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new AssertionError("Could not log in as " + username + ": " + login.statusCode());
		}
		return session;
	}

	/** A fresh browser, not logged in. */
	public static WebSession anonymous(int port) {
		return new WebSession(port);
	}

	/** Fills in and posts the login form; the answer as it came. */
	public HttpResponse<String> attemptLogIn(String username, String password) {
		String token = csrfOf(get("/login").body());
		return post("/login", Map.of("username", username, "password", password, "_csrf", token));
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	/**
	 * Posts a form the way the page's own form would, with the CSRF token of the page the
	 * form is on.
	 */
	public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrfOf(get(pagePath).body()));
		return post(action, form);
	}

	private HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private String csrfOf(String page) {
		Matcher token = CSRF.matcher(page);
		if (!token.find()) {
			throw new AssertionError("No CSRF token on the page");
		}
		return token.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
