package io.leaks.actuate;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets write operations of the {@code leaks} endpoint take lists, such as
 * {@code {"classes": ["byte[]", "com.example.OrderListener"]}}. Actuator binds a request
 * body to a map of strings and would refuse the array; for POSTs to the endpoint with a
 * small JSON body, this filter rewrites the array of a parameter that takes a list (its
 * strings, numbers or booleans) into the comma-separated string the operations split again.
 * Every other request, any other field and any body it cannot read pass through untouched
 * (actuator then answers as it would: an array for a single value is refused). The field
 * names are checked later, against the route, by {@link BodyParametersAdvice}; so its place
 * beside {@link LeaksRequestFilter}, which reads headers and the query only, does not matter.
 */
public final class ListParameterFilter extends OncePerRequestFilter {

	/** Bodies of the endpoint's operations are a few hundred bytes; larger ones are left alone. */
	static final int MAX_BODY_BYTES = 64 * 1024;

	/** The parameters that take a list; class names never hold a comma. */
	static final Set<String> LIST_PARAMETERS = Set.of("classes");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final LeaksEndpointPath endpointPath;

	public ListParameterFilter(LeaksEndpointPath endpointPath) {
		this.endpointPath = endpointPath;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		return !"POST".equals(request.getMethod()) || length <= 0 || length > MAX_BODY_BYTES || !isJson(request)
				|| !this.endpointPath.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		byte[] flattened = flattened(body);
		chain.doFilter(new BodyRequest(request, (flattened != null) ? flattened : body), response);
	}

	/**
	 * The body with the lists of plain values of its list parameters joined by commas.
	 * @param body a request body
	 * @return the rewritten body, or {@code null} when there is nothing to rewrite (no list,
	 * not a JSON object, not JSON at all)
	 */
	static byte @Nullable [] flattened(byte[] body) {
		JsonNode tree;
		try {
			tree = MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (!(tree instanceof ObjectNode object)) {
			return null;
		}
		boolean changed = false;
		for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
			JsonNode value = field.getValue();
			if (LIST_PARAMETERS.contains(field.getKey()) && value.isArray()
					&& value.valueStream().allMatch(JsonNode::isValueNode)) {
				List<String> items = value.valueStream().map(JsonNode::asString).toList();
				object.put(field.getKey(), String.join(",", items));
				changed = true;
			}
		}
		return changed ? MAPPER.writeValueAsBytes(object) : null;
	}

	private static boolean isJson(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static final class BodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public String getHeader(String name) {
			return "Content-Length".equalsIgnoreCase(name) ? String.valueOf(this.body.length) : super.getHeader(name);
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already read");
				}

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8));
		}

	}

}
