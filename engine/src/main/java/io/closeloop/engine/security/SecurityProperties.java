package io.closeloop.engine.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.closeloop.workers.connector.Secret;

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

	/**
	 * An integration's key, the name it is known by, and the tenants it may report and
	 * read ({@code *} for every tenant).
	 */
	public record ApiKey(String name, Secret key, List<String> tenants) {

		public ApiKey {
			tenants = (tenants != null) ? List.copyOf(tenants) : List.of();
		}

	}

	/**
	 * A person who logs in to the UI. Roles: TECHNICIAN, SUPERVISOR. Tenants: the clients
	 * they see and act for ({@code *} for every client).
	 */
	public record User(String username, Secret password, List<String> roles, List<String> tenants) {

		public User {
			roles = (roles != null) ? List.copyOf(roles) : List.of();
			tenants = (tenants != null) ? List.copyOf(tenants) : List.of();
		}

	}

}
