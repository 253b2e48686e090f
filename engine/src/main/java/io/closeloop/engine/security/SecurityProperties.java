package io.closeloop.engine.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call Closeloop. API keys authenticate RMMs, PSAs and scripts on
 * {@code /api/**}; users log in to the web UI. Values come from the environment in
 * production; passwords carry their encoding ({@code {bcrypt}...}, or {@code {noop}...}
 * for the demo users only).
 */
@ConfigurationProperties("closeloop.security")
public record SecurityProperties(List<ApiKey> apiKeys, List<User> users) {

	public SecurityProperties {
		apiKeys = (apiKeys != null) ? List.copyOf(apiKeys) : List.of();
		users = (users != null) ? List.copyOf(users) : List.of();
	}

	/** An integration's key and the name it is known by in logs and timelines. */
	public record ApiKey(String name, String key) {

	}

	/** A person who logs in to the UI. Roles: TECHNICIAN, SUPERVISOR. */
	public record User(String username, String password, List<String> roles) {

	}

}
