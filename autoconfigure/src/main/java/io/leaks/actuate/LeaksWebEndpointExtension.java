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
 * Web face of {@link LeaksEndpoint}: the same routes, with the status of each success (201
 * for what a POST creates), refusals turned into HTTP statuses with a JSON body that says
 * what was wrong and how to fix it, and heap dumps served as files. Nothing escapes as a
 * 500 with a stack trace.
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
		return answer(() -> new WebEndpointResponse<>(this.delegate.overview(), WebEndpointResponse.STATUS_OK));
	}

	@ReadOperation
	public WebEndpointResponse<Object> resource(@Selector String resource, @Nullable String from, @Nullable String to,
			@Nullable String top, @Nullable String sort, @Nullable String excludeJdk, @Nullable String filter) {
		return route(Verb.GET, resource, null, LeaksEndpoint.readParameters(from, to, top, sort, excludeJdk, filter));
	}

	@ReadOperation
	public WebEndpointResponse<Object> item(@Selector String resource, @Selector String name, @Nullable String top) {
		if (LeaksResource.HEAPDUMPS.path().equals(resource) && top == null) {
			return downloadHeapDump(name);
		}
		return route(Verb.GET, resource, name, Parameters.of("top", top));
	}

	@WriteOperation
	public WebEndpointResponse<Object> action(@Selector String resource, @Nullable String label,
			@Nullable String liveOnly, @Nullable String live, @Nullable String flag, @Nullable String value,
			@Nullable String preset, @Nullable String from, @Nullable String to, @Nullable String top,
			@Nullable String sort, @Nullable String excludeJdk, @Nullable String filter, @Nullable String heapDump,
			@Nullable String classes, @Nullable String duration, @Nullable String oldObjects) {
		return route(Verb.POST, resource, null, LeaksEndpoint.writeParameters(label, liveOnly, live, flag, value,
				preset, from, to, top, sort, excludeJdk, filter, heapDump, classes, duration, oldObjects));
	}

	@DeleteOperation
	public WebEndpointResponse<Object> remove(@Selector String resource, @Selector String name) {
		return route(Verb.DELETE, resource, name, Parameters.none());
	}

	private WebEndpointResponse<Object> route(Verb verb, String resource, @Nullable String name, Parameters given) {
		return answer(() -> {
			Routes.Answer answer = this.delegate.route(verb, resource, name, given);
			return new WebEndpointResponse<>(answer.body(), answer.status());
		});
	}

	private WebEndpointResponse<Object> downloadHeapDump(String name) {
		return answer(() -> new WebEndpointResponse<>(
				new HeapDumpResource(this.delegate.heapDumpToDownload(name).file()), WebEndpointResponse.STATUS_OK,
				MediaType.APPLICATION_OCTET_STREAM));
	}

	private WebEndpointResponse<Object> answer(Supplier<WebEndpointResponse<Object>> operation) {
		try {
			return operation.get();
		}
		catch (LeaksOperationException ex) {
			return error(ex);
		}
		catch (RuntimeException ex) {
			logger.error("leaks endpoint operation failed", ex);
			return error(new LeaksOperationException(WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR,
					"The operation failed unexpectedly (" + ex.getClass().getSimpleName()
							+ "); the application log has the details"));
		}
	}

	static WebEndpointResponse<Object> error(LeaksOperationException refusal) {
		return new WebEndpointResponse<>(ErrorResponse.of(refusal), refusal.status());
	}

}
