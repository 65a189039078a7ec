package io.leaks.actuate;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks requests to the {@code leaks} endpoint before Spring MVC and actuator see them,
 * for what they cannot tell:
 * <ul>
 * <li>a write a page on another site made the browser send is refused with 403
 * ({@link CrossSiteWrite});</li>
 * <li>a Content-Type with a wildcard ({@code *}{@code /*}, {@code application/*}) is 415:
 * Spring MVC cannot read it as the type of a body and would fail with 500;</li>
 * <li>a method the path does not answer is 405 with {@code Allow} (Spring MVC would say
 * 404, or offer methods of another resource), and a query parameter no route takes is
 * 400 naming the ones it does (actuator would ignore it);</li>
 * <li>a write without body or Content-Type ({@code curl -X POST .../gc}) is declared JSON,
 * since actuator maps writes as consuming JSON and would answer 415 although the
 * operation needs no input.</li>
 * </ul>
 * Every other request passes through untouched. {@code OPTIONS} is left alone for CORS.
 */
public final class LeaksRequestFilter extends OncePerRequestFilter {

	private final LeaksEndpointPath endpointPath;

	private final Access access;

	public LeaksRequestFilter(LeaksEndpointPath endpointPath, Access access) {
		this.endpointPath = endpointPath;
		this.access = access;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return "OPTIONS".equals(request.getMethod()) || !this.endpointPath.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String crossSite = CrossSiteWrite.refusal(request.getMethod(), request.getContentType(),
				request.getHeader(HttpHeaders.ORIGIN), request.getHeader("Sec-Fetch-Site"), new CrossSiteWrite.Target(
						request.getScheme(), request.getServerName(), request.getServerPort()));
		if (crossSite != null) {
			refuse(response, LeaksOperationException.forbidden(crossSiteMessage(request, crossSite)));
			return;
		}
		try {
			check(request);
		}
		catch (LeaksOperationException refusal) {
			refuse(response, refusal);
			return;
		}
		chain.doFilter(isBodilessWrite(request) ? new JsonContentTypeRequest(request) : request, response);
	}

	private void check(HttpServletRequest request) {
		checkContentType(request.getContentType());
		List<String> segments = this.endpointPath.segments(request);
		if (segments == null) {
			return;
		}
		Set<String> names = parameterNames(request);
		if (segments.isEmpty()) {
			if (Verb.of(request.getMethod()) != Verb.GET) {
				throw LeaksOperationException.methodNotAllowed(request.getMethod() + " is not supported on "
						+ this.endpointPath.path() + ": it answers GET (the overview). Available: "
						+ LeaksResource.describeAll(this.endpointPath.path() + "/"), List.of("GET"));
			}
			if (!names.isEmpty()) {
				throw LeaksOperationException.badRequest("GET " + this.endpointPath.path() + " does not take "
						+ String.join(", ", names) + "; send it without parameters");
			}
			return;
		}
		LeaksResource.find(segments.get(0))
			.ifPresent((resource) -> resource.check(request.getMethod(), segments.size() == 2, this.access, names));
	}

	private static void checkContentType(@Nullable String contentType) {
		MediaType type;
		try {
			type = (contentType != null) ? MediaType.parseMediaType(contentType) : null;
		}
		catch (InvalidMediaTypeException ex) {
			// Spring MVC ignores a Content-Type it cannot parse and answers 415 itself.
			return;
		}
		if (type != null && (MediaType.APPLICATION_FORM_URLENCODED.includes(type)
				|| MediaType.MULTIPART_FORM_DATA.includes(type))) {
			throw new LeaksOperationException(415, "Content-Type " + contentType + " is a form; the endpoint takes "
					+ "its body as JSON: send it with Content-Type: application/json, or no body at all");
		}
		if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
			throw new LeaksOperationException(415, "Content-Type " + contentType + " is a pattern, not the type of "
					+ "a body: send the body as JSON with Content-Type: application/json, or no body at all");
		}
	}

	/**
	 * The names in the query string only: for a form body the servlet container would
	 * read the body as parameters too, and that request is refused as not JSON anyway. A
	 * query the container cannot read ({@code ?=a}, {@code ?a=%zz}, {@code ?a=%e2%82}) is
	 * refused here with a message, where the container would fail the request later
	 * without one.
	 */
	private static Set<String> parameterNames(HttpServletRequest request) {
		String query = request.getQueryString();
		Set<String> names = new LinkedHashSet<>();
		if (query == null || query.isEmpty()) {
			return names;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String decoded;
			try {
				decoded = decode(name);
				decode((equals >= 0) ? pair.substring(equals + 1) : "");
			}
			catch (IllegalArgumentException ex) {
				throw LeaksOperationException.badRequest("The query has a part that is not percent-encoded UTF-8 ('"
						+ pair + "'): encode names and values as name=value pairs joined by &");
			}
			if (decoded.isEmpty()) {
				throw LeaksOperationException.badRequest("The query has a value without a name ('" + pair
						+ "'): send name=value pairs joined by &");
			}
			names.add(decoded);
		}
		return names;
	}

	/**
	 * Decodes a query name or value strictly: a broken escape ({@code %zz}) or escaped bytes
	 * that are not UTF-8 ({@code %e2%82}) are refused, as the container refuses them.
	 */
	private static String decode(String encoded) {
		// ISO-8859-1 keeps each escaped byte as one char, so the UTF-8 check sees the bytes sent.
		byte[] bytes = URLDecoder.decode(encoded, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("not UTF-8: " + encoded, ex);
		}
	}

	private String crossSiteMessage(HttpServletRequest request, String evidence) {
		return "Refused a write sent by a page on another site (" + evidence + "): a page the browser opened "
				+ "must not force a collection, take a snapshot or heap dump, or change the JVM. Call it from a client "
				+ "that is not a browser page (curl -X POST " + request.getRequestURL()
				+ " works as before), from the dashboard on this origin, or send a JSON body with Content-Type: "
				+ "application/json, which another origin can only do once a CORS preflight allows it "
				+ "(management.endpoints.web.cors.allowed-origins)";
	}

	private static void refuse(HttpServletResponse response, LeaksOperationException refusal) throws IOException {
		LeaksEndpointErrorResolver.write(response, ErrorResponse.of(refusal));
	}

	private static boolean isBodilessWrite(HttpServletRequest request) {
		String method = request.getMethod();
		boolean write = "POST".equals(method) || "DELETE".equals(method);
		return write && request.getContentType() == null && request.getContentLengthLong() <= 0
				&& request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
	}

	private static final class JsonContentTypeRequest extends HttpServletRequestWrapper {

		JsonContentTypeRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getContentType() {
			return MediaType.APPLICATION_JSON_VALUE;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.enumeration(List.of(getContentType()))
					: super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			if (names.stream().noneMatch(HttpHeaders.CONTENT_TYPE::equalsIgnoreCase)) {
				names.add(HttpHeaders.CONTENT_TYPE);
			}
			return Collections.enumeration(names);
		}

	}

}
