package io.leaks.actuate;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * Web face of {@link LeaksEndpoint}: the same operations, with refusals turned into HTTP
 * statuses (400, 403, 404, 409, 429, 503) and a JSON body that says what was wrong and how
 * to fix it. Nothing escapes as a 500 with a stack trace.
 */
@EndpointWebExtension(endpoint = LeaksEndpoint.class)
public class LeaksWebEndpointExtension {

	private static final Log logger = LogFactory.getLog(LeaksWebEndpointExtension.class);

	private final LeaksEndpoint delegate;

	public LeaksWebEndpointExtension(LeaksEndpoint delegate) {
		Assert.notNull(delegate, "'delegate' must not be null");
		this.delegate = delegate;
	}

	@ReadOperation
	public WebEndpointResponse<Object> overview() {
		return respond(WebEndpointResponse.STATUS_OK, this.delegate::overview);
	}

	@ReadOperation
	public WebEndpointResponse<Object> resource(@Selector String resource, @Nullable String from, @Nullable String to,
			@Nullable String top, @Nullable String sort, @Nullable String excludeJdk, @Nullable String filter) {
		return respond(WebEndpointResponse.STATUS_OK,
				() -> this.delegate.resource(resource, from, to, top, sort, excludeJdk, filter));
	}

	@ReadOperation
	public WebEndpointResponse<Object> item(@Selector String resource, @Selector String name, @Nullable String top) {
		if (LeaksEndpoint.HEAPDUMPS.equals(resource)) {
			return downloadHeapDump(name);
		}
		return respond(WebEndpointResponse.STATUS_OK, () -> this.delegate.item(resource, name, top));
	}

	@WriteOperation
	public WebEndpointResponse<Object> action(@Selector String resource, @Nullable String label,
			@Nullable String liveOnly, @Nullable String live, @Nullable String flag, @Nullable String value,
			@Nullable String preset, @Nullable String heapDump, @Nullable String from, @Nullable String to,
			@Nullable String classes) {
		int status = ("snapshots".equals(resource) || LeaksEndpoint.HEAPDUMPS.equals(resource)) ? 201
				: LeaksEndpoint.ANALYSES.equals(resource) ? 202 : WebEndpointResponse.STATUS_OK;
		return respond(status, () -> this.delegate.action(resource, label, liveOnly, live, flag, value, preset,
				heapDump, from, to, classes));
	}

	@DeleteOperation
	public WebEndpointResponse<Object> remove(@Selector String resource, @Selector String name) {
		return respond(WebEndpointResponse.STATUS_OK, () -> this.delegate.remove(resource, name));
	}

	private WebEndpointResponse<Object> downloadHeapDump(String name) {
		return answer(() -> new WebEndpointResponse<>(
				new HeapDumpResource(this.delegate.heapDumpToDownload(name).file()), WebEndpointResponse.STATUS_OK,
				MediaType.APPLICATION_OCTET_STREAM));
	}

	private WebEndpointResponse<Object> respond(int status, Supplier<Object> operation) {
		return answer(() -> new WebEndpointResponse<>(operation.get(), status));
	}

	private WebEndpointResponse<Object> answer(Supplier<WebEndpointResponse<Object>> operation) {
		try {
			return operation.get();
		}
		catch (LeaksOperationException ex) {
			return error(ex.status(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("leaks endpoint operation failed", ex);
			return error(WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR,
					"The operation failed unexpectedly (" + ex.getClass().getSimpleName()
							+ "); the application log has the details");
		}
	}

	static WebEndpointResponse<Object> error(int status, String message) {
		return new WebEndpointResponse<>(ErrorResponse.of(status, message), status);
	}

}
