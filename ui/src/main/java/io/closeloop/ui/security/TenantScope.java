package io.closeloop.ui.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The clients (tenants) a logged-in person or an API key may see and act for. Carried as
 * authorities named {@code TENANT_<tenant>}; {@code TENANT_*} means every client.
 */
public record TenantScope(boolean everyTenant, Set<String> tenants) {

	public static final String AUTHORITY_PREFIX = "TENANT_";

	public static final String EVERY_TENANT = "*";

	public TenantScope {
		tenants = Set.copyOf(tenants);
	}

	public static TenantScope of(Authentication authentication) {
		if (authentication == null) {
			return new TenantScope(false, Set.of());
		}
		return of(authentication.getAuthorities());
	}

	public static TenantScope of(Collection<? extends GrantedAuthority> authorities) {
		Set<String> tenants = authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(AUTHORITY_PREFIX))
			.map((authority) -> authority.substring(AUTHORITY_PREFIX.length()))
			.collect(Collectors.toSet());
		return new TenantScope(tenants.contains(EVERY_TENANT), tenants);
	}

	public static TenantScope everything() {
		return new TenantScope(true, Set.of(EVERY_TENANT));
	}

	public boolean allows(String tenant) {
		return this.everyTenant || this.tenants.contains(tenant);
	}

}
