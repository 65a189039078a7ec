package io.leaks.actuate;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Tells a write that a page on another site made the browser send. A browser sends a POST
 * without a body, or with a form or text body, to any origin without asking (no CORS
 * preflight), and for a bodiless POST Spring MVC no longer answers 415 once the endpoint
 * accepts it; such a write from another site must be refused, or any page an operator
 * visits could force a collection or write a heap dump. A JSON body cannot be sent across
 * origins without a preflight the application would have to allow, so those are left to
 * CORS. The browser's own headers decide: {@code Sec-Fetch-Site} where it sends one,
 * otherwise {@code Origin} against the origin the request was sent to. A request with
 * neither (curl, scripts, other servers) is not a browser's and passes.
 */
final class CrossSiteWrite {

	private CrossSiteWrite() {
	}

	/**
	 * Why a request is refused as a cross-site write.
	 * @param method the HTTP method
	 * @param contentType the {@code Content-Type} header, or {@code null}
	 * @param origin the {@code Origin} header, or {@code null}
	 * @param fetchSite the {@code Sec-Fetch-Site} header, or {@code null}
	 * @param target the origin the request was sent to ({@code scheme://host:port})
	 * @return what gave it away, or {@code null} when the request may proceed
	 */
	static @Nullable String refusal(String method, @Nullable String contentType, @Nullable String origin,
			@Nullable String fetchSite, Target target) {
		if (isSafe(method) || isJson(contentType)) {
			return null;
		}
		String site = (fetchSite != null) ? fetchSite.trim().toLowerCase(Locale.ROOT) : "";
		if (site.equals("cross-site") || site.equals("same-site")) {
			return "Sec-Fetch-Site: " + site + ((origin != null) ? ", Origin: " + origin : "");
		}
		if (site.equals("same-origin") || site.equals("none") || origin == null) {
			return null;
		}
		return target.matches(origin) ? null : "Origin: " + origin;
	}

	private static boolean isSafe(String method) {
		return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.toLowerCase(Locale.ROOT);
		int parameters = type.indexOf(';');
		type = ((parameters >= 0) ? type.substring(0, parameters) : type).trim();
		return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
	}

	/**
	 * The origin a request was sent to, as the server sees it (the {@code Host} header, or
	 * the forwarded one where the application trusts a proxy).
	 *
	 * @param scheme {@code http} or {@code https}
	 * @param host the host name
	 * @param port the port
	 */
	record Target(String scheme, String host, int port) {

		boolean matches(String origin) {
			URI uri;
			try {
				uri = URI.create(origin.trim());
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
			if (uri.getScheme() == null || uri.getHost() == null) {
				// "null" (sandboxed frames, privacy redirects) or something that is no origin
				return false;
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			int port = (uri.getPort() != -1) ? uri.getPort() : defaultPort(scheme);
			return scheme.equals(this.scheme.toLowerCase(Locale.ROOT))
					&& uri.getHost().equalsIgnoreCase(bracketedHost())
					&& port == this.port;
		}

		private String bracketedHost() {
			// An IPv6 literal is bracketed in an origin and bare in getServerName().
			return (this.host.indexOf(':') >= 0 && !this.host.startsWith("[")) ? "[" + this.host + "]" : this.host;
		}

		private static int defaultPort(String scheme) {
			return scheme.equals("https") ? 443 : 80;
		}

	}

}
