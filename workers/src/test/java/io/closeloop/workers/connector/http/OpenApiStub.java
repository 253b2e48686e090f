package io.closeloop.workers.connector.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stand-in for a vendor's API that checks every request it receives against the
 * vendor's published OpenAPI operations, as described under {@code openapi/} in the test
 * resources. A test during which the connector sent a request the description does not
 * allow (an unknown path or method, a missing or out-of-range parameter, an undeclared
 * query parameter, a body that breaks the schema, no bearer token) fails after it ran,
 * naming each request and what was wrong with it.
 * <p>
 * Register it in place of a plain {@link WireMockExtension}:
 * {@code @RegisterExtension static OpenApiStub vendor = OpenApiStub.of("openapi/ninjaone.yaml", "/ws/oauth/token");}
 */
public final class OpenApiStub extends WireMockExtension {

	private final RequestCheck check;

	private OpenApiStub(RequestCheck check) {
		super(WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(check)));
		this.check = check;
	}

	/**
	 * @param specification the class path resource of the vendor's operations
	 * @param outsideSpecification paths the vendor documents elsewhere than in its
	 * OpenAPI document (a token endpoint), which are not checked
	 */
	public static OpenApiStub of(String specification, String... outsideSpecification) {
		return new OpenApiStub(new RequestCheck(specification, Set.of(outsideSpecification)));
	}

	/**
	 * What the requests so far broke, one line per problem; the list is emptied, so a
	 * test that provokes a violation on purpose can take it and still pass.
	 */
	public List<String> takeViolations() {
		return this.check.take();
	}

	@Override
	protected void onBeforeEach(WireMockRuntimeInfo wireMockRuntimeInfo) {
		this.check.take();
	}

	@Override
	protected void onAfterEach(WireMockRuntimeInfo wireMockRuntimeInfo) {
		List<String> violations = this.check.take();
		if (!violations.isEmpty()) {
			throw new AssertionError("Requests that do not conform to " + this.check.specification + ":\n  "
					+ String.join("\n  ", violations));
		}
	}

	/**
	 * Validates each request as it arrives. The check runs beside the stub, so that its
	 * time (the first body check loads the schema validator) never delays the answer past
	 * a connector's read timeout; {@link #take} waits for every check already queued.
	 */
	private static final class RequestCheck implements ServeEventListener {

		private final String specification;

		private final Set<String> outsideSpecification;

		private final OpenApiInteractionValidator validator;

		private final List<String> violations = new CopyOnWriteArrayList<>();

		private final ExecutorService checks = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "openapi-request-check");
			thread.setDaemon(true);
			return thread;
		});

		RequestCheck(String specification, Set<String> outsideSpecification) {
			this.specification = specification;
			this.outsideSpecification = outsideSpecification;
			this.validator = OpenApiInteractionValidator.createForSpecificationUrl(specification)
				.withLevelResolver(LevelResolver.create()
					// A query parameter the operation does not declare is a mistake too.
					.withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
					.withLevel("validation.request.security.missing", ValidationReport.Level.ERROR)
					.withLevel("validation.request.security.invalid", ValidationReport.Level.ERROR)
					.build())
				.build();
		}

		@Override
		public String getName() {
			return "openapi-request-check";
		}

		@Override
		public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
			LoggedRequest request = serveEvent.getRequest();
			this.checks.execute(() -> check(request));
		}

		private void check(LoggedRequest request) {
			String url = request.getUrl();
			int query = url.indexOf('?');
			String path = (query >= 0) ? url.substring(0, query) : url;
			if (this.outsideSpecification.contains(path)) {
				return;
			}
			SimpleRequest.Builder checked = new SimpleRequest.Builder(request.getMethod().getName(), path);
			for (QueryParameter parameter : request.getQueryParams().values()) {
				checked.withQueryParam(parameter.key(), parameter.values());
			}
			for (HttpHeader header : request.getHeaders().all()) {
				checked.withHeader(header.key(), header.values());
			}
			String body = request.getBodyAsString();
			if (body != null && !body.isEmpty()) {
				checked.withBody(body);
			}
			ValidationReport report = this.validator.validateRequest(checked.build());
			for (ValidationReport.Message message : report.getMessages()) {
				if (message.getLevel() == ValidationReport.Level.ERROR) {
					this.violations.add(request.getMethod() + " " + url + ": " + where(message) + message.getKey()
							+ ": " + String.join("; ", lines(message)));
				}
			}
		}

		List<String> take() {
			try {
				this.checks.submit(() -> {
				}).get(30, TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("The request checks did not finish", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			List<String> taken = new ArrayList<>(this.violations);
			this.violations.removeAll(taken);
			return taken;
		}

		/** The parameter or the place in the body the message is about, if it says. */
		private static String where(ValidationReport.Message message) {
			ValidationReport.MessageContext context = message.getContext().orElse(null);
			if (context == null) {
				return "";
			}
			String parameter = context.getParameter()
				.map((declared) -> "parameter " + declared.getName() + ", ")
				.orElse("");
			String pointer = context.getPointers()
				.map(ValidationReport.MessageContext.Pointers::getInstance)
				.filter((instance) -> !instance.isEmpty())
				.map((instance) -> "body " + instance + ", ")
				.orElse("");
			return parameter + pointer;
		}

		private static List<String> lines(ValidationReport.Message message) {
			List<String> lines = new ArrayList<>();
			lines.add(message.getMessage());
			lines.addAll(message.getAdditionalInfo());
			return lines;
		}

	}

}
