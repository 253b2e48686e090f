package io.closeloop.engine.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.fasterxml.jackson.databind.JsonMappingException;

import io.closeloop.engine.alert.IntakeSaturatedException;

/**
 * Bad input to the API gets a 400 that says what was wrong, every field at once, never a
 * stack trace.
 */
@RestControllerAdvice(basePackages = "io.closeloop.engine")
class ApiExceptionHandler {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiError> invalid(MethodArgumentNotValidException ex) {
		List<ApiError.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new ApiError.FieldError(error.getField(), error.getDefaultMessage()))
			.sorted(Comparator.comparing(ApiError.FieldError::field))
			.toList();
		return badRequest("The request has " + errors.size() + " invalid field(s)", errors);
	}

	@ExceptionHandler(BodyTooLargeException.class)
	ResponseEntity<ApiError> tooLarge(BodyTooLargeException ex) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(new ApiError(413, "Payload Too Large", ex.getMessage(), List.of()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
					.body(new ApiError(413, "Payload Too Large", tooLarge.getMessage(), List.of()));
			}
		}
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map((ref) -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			return badRequest("The request body does not fit the expected shape",
					List.of(new ApiError.FieldError(field, "has the wrong type or format")));
		}
		return badRequest("The request body is not valid JSON", new ArrayList<>());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException ex) {
		return badRequest("Invalid value for " + ex.getName(),
				List.of(new ApiError.FieldError(ex.getName(), "has the wrong type or format")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(new ApiError(415, "Unsupported Media Type", "Send the body as application/json", List.of()));
	}

	/**
	 * The database cannot be reached: nothing of this request was kept (or, if the alert
	 * was, sending it again is recognised as the same alert), so the sender should retry.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ApiError> databaseUnavailable(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.body(new ApiError(503, "Service Unavailable",
					"The database cannot be reached. Send the request again shortly; an alert sent again is "
							+ "recognised by its source and externalId, never taken twice",
					List.of()));
	}

	@ExceptionHandler(IntakeSaturatedException.class)
	ResponseEntity<ApiError> saturated(IntakeSaturatedException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(new ApiError(503, "Service Unavailable", ex.getMessage(), List.of()));
	}

	private static ResponseEntity<ApiError> badRequest(String message, List<ApiError.FieldError> errors) {
		return ResponseEntity.badRequest().body(new ApiError(400, "Bad Request", message, errors));
	}

	/** The body of every API error. */
	record ApiError(int status, String error, String message, List<FieldError> errors) {

		record FieldError(String field, String message) {

		}

	}

}
